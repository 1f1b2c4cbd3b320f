//! Data protection: a person's change history, subject access export into a
//! folder the coordinator picks, erasure, and consent due for review.

use std::path::PathBuf;

use tauri::State;

use sanctuary_core::model::Day;
use sanctuary_core::{
    ConsentDue, DeviceInfo, ErasureReport, HistoryEntry, RetentionDue, RevokeReport,
};

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

/// People with no activity for the network's retention period.
#[tauri::command]
pub async fn retention_review(state: State<'_, AppState>) -> ApiResult<Vec<RetentionDue>> {
    state.read(|s| Ok(s.retention_review(Day::today())))
}

/// The network's retention period in years (0: never review).
#[tauri::command]
pub async fn retention_years(state: State<'_, AppState>) -> ApiResult<u32> {
    state.read(|s| Ok(u32::try_from(s.network().retention_years).unwrap_or(u32::MAX)))
}

#[tauri::command]
pub async fn set_retention_years(state: State<'_, AppState>, years: u32) -> ApiResult<u32> {
    state.with(|s| {
        s.set_retention_years(u64::from(years))?;
        Ok(years)
    })
}

/// Archives a person: kept, hidden from lists and matching.
#[tauri::command]
pub async fn archive_person(state: State<'_, AppState>, id: String) -> ApiResult<()> {
    state.with(|s| Ok(s.archive_ambassador(&id)?))
}

#[tauri::command]
pub async fn list_devices(state: State<'_, AppState>) -> ApiResult<Vec<DeviceInfo>> {
    state.read(|s| Ok(s.devices()))
}

/// Removes a laptop from the network (see `Sanctuary::revoke_device`).
#[tauri::command]
pub async fn revoke_device(state: State<'_, AppState>, id: String) -> ApiResult<RevokeReport> {
    state.with(|s| Ok(s.revoke_device(&id)?))
}
