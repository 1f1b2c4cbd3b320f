//! Data protection: a person's change history, subject access export into a
//! folder the coordinator picks, erasure, and consent due for review.

use std::path::PathBuf;

use tauri::State;

use sanctuary_core::model::Day;
use sanctuary_core::{ConsentDue, ErasureReport, HistoryEntry};

use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub async fn person_history(
    state: State<'_, AppState>,
    id: String,
) -> ApiResult<Vec<HistoryEntry>> {
    state.with(|s| Ok(s.person_history(&id)?))
}

/// Writes `record.json` and `record.html` into `folder`; returns their paths.
#[tauri::command]
pub async fn export_person(
    state: State<'_, AppState>,
    id: String,
    folder: String,
    language: Option<String>,
) -> ApiResult<Vec<String>> {
    let folder = PathBuf::from(folder);
    state.with(|s| {
        let (json, html) =
            s.export_subject_access(&id, &folder, language.as_deref(), Day::today())?;
        Ok(vec![json.display().to_string(), html.display().to_string()])
    })
}

#[tauri::command]
pub async fn erase_person(state: State<'_, AppState>, id: String) -> ApiResult<ErasureReport> {
    state.with(|s| Ok(s.erase_ambassador(&id)?))
}

/// Consent due for review within `days`, and consent already past it.
#[tauri::command]
pub async fn consent_expiring(state: State<'_, AppState>, days: u32) -> ApiResult<Vec<ConsentDue>> {
    state.read(|s| Ok(s.consent_expiring(Day::today(), days, true)))
}
