//! The recognition policy, what may be offered to one person, expense
//! claims and review flags. Every rule is the core's.

use sanctuary_core::model::{
    ExpenseStatus, PaymentConstraint, PolicyTable, RecognitionKind, Verdict,
};
use sanctuary_core::views::{FlaggedEntry, RecognitionOptions};
use tauri::State;

use crate::dto::opt_text;
use crate::error::ApiResult;
use crate::state::AppState;

/// Every kind against every payment constraint, and the expense limit.
#[tauri::command]
pub async fn recognition_policy(state: State<'_, AppState>) -> ApiResult<PolicyTable> {
    state.read(|s| Ok(s.policy_table()))
}

/// Changes one row of the policy; the note says why (what the adviser said).
#[tauri::command]
pub async fn set_policy_rule(
    state: State<'_, AppState>,
    kind: RecognitionKind,
    constraint: PaymentConstraint,
    verdict: Verdict,
    note: String,
) -> ApiResult<PolicyTable> {
    state.with(|s| {
        s.set_policy_rule(kind, constraint, verdict, &note)?;
        Ok(s.policy_table())
    })
}

/// What the recognition form may offer this person, before anything is saved.
#[tauri::command]
pub async fn recognition_options(
    state: State<'_, AppState>,
    ambassador_id: String,
) -> ApiResult<RecognitionOptions> {
    state.read(|s| Ok(s.recognition_options(&ambassador_id)?))
}

/// Moves an expense claim on: approved (saying by whom), then paid back.
#[tauri::command]
pub async fn move_expense(
    state: State<'_, AppState>,
    ambassador_id: String,
    entry_id: String,
    status: ExpenseStatus,
    by: Option<String>,
) -> ApiResult<String> {
    let by = opt_text(by);
    state.with(|s| Ok(s.move_expense(&ambassador_id, &entry_id, status, by.as_deref())?))
}

/// Money entries flagged for review, across the network.
#[tauri::command]
pub async fn flagged_recognition(state: State<'_, AppState>) -> ApiResult<Vec<FlaggedEntry>> {
    state.read(|s| Ok(s.flagged_recognition()))
}

/// Clears a review flag with what the review found.
#[tauri::command]
pub async fn clear_review(
    state: State<'_, AppState>,
    ambassador_id: String,
    entry_id: String,
    note: String,
) -> ApiResult<String> {
    state.with(|s| Ok(s.clear_review(&ambassador_id, &entry_id, &note)?))
}
