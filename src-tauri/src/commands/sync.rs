//! Sync: a bundle file to carry by hand, a shared folder, and conflicts.
//! The paths come from the native file dialogs in the webview; the bundle
//! bytes are ciphertext, signed, and never pass through the webview.

use std::path::{Path, PathBuf};

use tauri::State;

use sanctuary_core::views::{self, Conflict, ExportResult, ImportResult, InviteInfo, SyncView};
use sanctuary_core::{AutoSyncStatus, KdfParams};

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

pub(super) fn io_error(what: &str, path: &Path, e: std::io::Error) -> ApiError {
    let detail = format!("{}: {e}", path.display());
    ApiError::with_specifics("io", format!("could not {what} {detail}"), detail)
}

/// Writes through a temporary file beside the target and a rename, so a
/// shared folder never shows a half-written bundle.
pub(super) fn write_file(path: &Path, bytes: &[u8]) -> ApiResult<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(|e| io_error("write", &tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| io_error("write", path, e))
}

#[tauri::command]
pub async fn sync_status(state: State<'_, AppState>) -> ApiResult<SyncView> {
    state.with(|s| Ok(views::sync_view(s)?))
}

/// Writes a bundle of everything to `path` (for a USB stick or an email).
#[tauri::command]
pub async fn sync_export(state: State<'_, AppState>, path: String) -> ApiResult<ExportResult> {
    let path = PathBuf::from(path);
    state.with(|s| {
        let bytes = s.sync_export(None)?;
        write_file(&path, &bytes)?;
        Ok(ExportResult::new(&path, bytes.len()))
    })
}

#[tauri::command]
pub async fn sync_import(state: State<'_, AppState>, path: String) -> ApiResult<ImportResult> {
    let path = PathBuf::from(path);
    let bytes = std::fs::read(&path).map_err(|e| io_error("read", &path, e))?;
    state.with(|s| Ok(s.sync_import(&bytes)?.into()))
}

/// Automatic sync's folder, state, last sync and problems.
#[tauri::command]
pub async fn auto_sync_status(state: State<'_, AppState>) -> ApiResult<AutoSyncStatus> {
    // Reading the setting also says `locked` when there is no store.
    let folder = state.read(|s| Ok(s.auto_sync_folder()?))?;
    Ok(match state.auto_sync.get() {
        Some(auto) => auto.status(),
        None => AutoSyncStatus {
            folder: folder.map(|d| d.display().to_string()),
            ..AutoSyncStatus::default()
        },
    })
}

/// Chooses the shared folder to sync through automatically, from the
/// native folder dialog (`None` turns automatic sync off). A folder that
/// does not exist is refused and nothing changes.
#[tauri::command]
pub async fn set_sync_folder(
    state: State<'_, AppState>,
    path: Option<String>,
) -> ApiResult<AutoSyncStatus> {
    state.with(|s| {
        s.set_auto_sync_folder(path.as_deref().map(Path::new))?;
        Ok(())
    })?;
    state.read(|s| {
        state.resume_auto_sync(s);
        Ok(())
    })?;
    auto_sync_status(state).await
}

/// Runs a pass over the configured folder now ("Sync now"); its outcome
/// arrives as an `auto-sync` event.
#[tauri::command]
pub async fn sync_now(state: State<'_, AppState>) -> ApiResult<()> {
    state.read(|_| Ok(()))?;
    if let Some(auto) = state.auto_sync.get() {
        auto.sync_now();
    }
    Ok(())
}

/// Keeps one value of a conflicted field: 0 the one shown now, 1.. the others.
#[tauri::command]
pub async fn resolve_conflict(
    state: State<'_, AppState>,
    document: String,
    field: String,
    keep: u32,
) -> ApiResult<Vec<Conflict>> {
    state.with(|s| {
        s.resolve_conflict(&document, &field, keep as usize)?;
        Ok(views::conflicts(s)?)
    })
}

/// How long an invite made in the app stays valid (as the CLI's default).
const INVITE_DAYS: u32 = 7;

/// Makes an invite file for a new laptop at `path` and returns its one-time code.
#[tauri::command]
pub async fn create_invite(state: State<'_, AppState>, path: String) -> ApiResult<InviteInfo> {
    let path = PathBuf::from(path);
    state.with(|s| {
        let invite = s.create_invite(KdfParams::DEFAULT, INVITE_DAYS)?;
        write_file(&path, &invite.bytes)?;
        Ok(InviteInfo::new(&path, invite))
    })
}
