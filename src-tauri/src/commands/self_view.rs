//! Self-view and what follows it: entering and leaving (full screen, the
//! coordinator's passphrase to leave), the person's suggestions, the
//! coordinator's decisions on them, and training sessions for several
//! people at once.

use sanctuary_core::SecretString;
use sanctuary_core::model::Day;
use sanctuary_core::views::{
    Lookup, SelfViewPage, SuggestionChange, SuggestionRow, suggestion_row,
};
use tauri::{State, WebviewWindow};

use crate::dto::self_view::SessionInput;
use crate::error::ApiResult;
use crate::state::AppState;

/// Opens self-view for `id`: the core drops every other person's data and
/// the window fills the screen, so the coordinator's screens are out of
/// sight as well as out of reach.
#[tauri::command]
pub async fn enter_self_view(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: String,
) -> ApiResult<SelfViewPage> {
    state.enter_self_view(&id)?;
    if let Err(e) = window.set_fullscreen(true) {
        tracing::warn!(error = %e, "could not make the window full screen");
    }
    state.with_self_view(|v| Ok(SelfViewPage::new(v, Day::today())))
}

#[tauri::command]
pub async fn self_view_page(state: State<'_, AppState>) -> ApiResult<SelfViewPage> {
    state.with_self_view(|v| Ok(SelfViewPage::new(v, Day::today())))
}

/// The person suggests a change to their own record; it waits for a coordinator.
#[tauri::command]
pub async fn suggest(
    state: State<'_, AppState>,
    change: SuggestionChange,
) -> ApiResult<SelfViewPage> {
    let change = change.into_change()?;
    state.with_self_view(|v| {
        let today = Day::today();
        v.suggest(change, today)?;
        Ok(SelfViewPage::new(v, today))
    })
}

/// Leaves self-view with the coordinator's passphrase; a wrong one keeps it.
#[tauri::command]
pub async fn leave_self_view(
    window: WebviewWindow,
    state: State<'_, AppState>,
    passphrase: String,
) -> ApiResult<()> {
    state.leave_self_view(&SecretString::from(passphrase))?;
    if let Err(e) = window.set_fullscreen(false) {
        tracing::warn!(error = %e, "could not leave full screen");
    }
    Ok(())
}

/// Every suggestion waiting for a coordinator, oldest first.
#[tauri::command]
pub async fn pending_suggestions(state: State<'_, AppState>) -> ApiResult<Vec<SuggestionRow>> {
    state.read(|s| {
        let lookup = Lookup::of(s);
        Ok(s.pending_suggestions()
            .into_iter()
            .map(|(doc, suggestion)| suggestion_row(doc, suggestion, &lookup))
            .collect())
    })
}

/// Approves (applying the change) or declines a suggestion; returns what is
/// still pending.
#[tauri::command]
pub async fn decide_suggestion(
    state: State<'_, AppState>,
    ambassador_id: String,
    suggestion_id: String,
    approve: bool,
) -> ApiResult<Vec<SuggestionRow>> {
    state.with(|s| {
        Ok(s.decide_suggestion(&ambassador_id, &suggestion_id, approve, Day::today())?)
    })?;
    pending_suggestions(state).await
}

/// Records one training session for every attendee at once (all or none);
/// returns how many records it made.
#[tauri::command]
pub async fn record_session(state: State<'_, AppState>, session: SessionInput) -> ApiResult<u32> {
    let session = session.into_core()?;
    state.with(|s| {
        let made = s.record_session(session)?;
        Ok(u32::try_from(made.len()).unwrap_or(u32::MAX))
    })
}

/// Writes `id`'s training and contribution record, for a CV or a
/// reference, to `path`: HTML if the name ends in `.html`, else PDF, in
/// language `lang` (the UI's; English when not given), with the expenses
/// paid back only when `expenses` is true. Returns the number of bytes written.
#[tauri::command]
pub async fn export_record(
    state: State<'_, AppState>,
    id: String,
    path: String,
    lang: Option<String>,
    expenses: Option<bool>,
) -> ApiResult<u64> {
    let lang = sanctuary_core::record::RecordLanguage::for_code(lang.as_deref().unwrap_or("en"))?;
    let path = std::path::PathBuf::from(path);
    let html = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let bytes = state.with(|s| {
        let report = if expenses.unwrap_or(false) {
            s.record_report_with_expenses(&id, Day::today(), &lang)?
        } else {
            s.record_report(&id, Day::today(), &lang)?
        };
        Ok(if html {
            sanctuary_core::record::render_html(&report).into_bytes()
        } else {
            sanctuary_core::record::render_pdf(&report).map_err(sanctuary_core::CoreError::from)?
        })
    })?;
    super::sync::write_file(&path, &bytes)?;
    Ok(bytes.len() as u64)
}
