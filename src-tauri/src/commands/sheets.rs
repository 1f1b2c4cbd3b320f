//! Spreadsheets in and out, and backups: the Import screen's preview, dry
//! run and import, exports, and "Back up now". The file paths come from the
//! native file dialogs; files are read and written by the same core
//! functions the CLI uses.

use std::collections::BTreeMap;
use std::path::PathBuf;

use sanctuary_core::import::{
    ImportKind, ImportOptions, ImportPreview, Mapping, SheetImportReport,
};
use sanctuary_core::model::Day;
use sanctuary_core::{BackupStatus, CoreError, ExportFormat, SecretString};
use serde::Deserialize;
use tauri::State;

use super::sync::io_error;
use crate::error::ApiResult;
use crate::state::AppState;

fn read(path: &str) -> ApiResult<Vec<u8>> {
    let path = PathBuf::from(path);
    std::fs::read(&path).map_err(|e| io_error("read", &path, e))
}

/// The file's first rows and the field each column is read as.
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    path: String,
    kind: ImportKind,
) -> ApiResult<ImportPreview> {
    let bytes = read(&path)?;
    state.read(|s| Ok(s.import_preview(&bytes, kind)?))
}

/// Checks (`dry_run`) or imports the file with the mapping the coordinator
/// chose (header -> field or "ignore") and the values to fill in for every
/// row that lacks them (field -> value: the CLI's `--default`, read by the
/// same core rule); the mapping is remembered for files with this header
/// row once the import is written.
#[tauri::command]
pub async fn import_sheet(
    state: State<'_, AppState>,
    path: String,
    kind: ImportKind,
    mapping: BTreeMap<String, String>,
    defaults: BTreeMap<String, String>,
    dry_run: bool,
    skip_invalid: bool,
) -> ApiResult<SheetImportReport> {
    let mapping = Mapping::checked(kind, mapping).map_err(CoreError::from)?;
    let bytes = read(&path)?;
    let options = ImportOptions {
        kind,
        mapping: Some(mapping),
        defaults: defaults.into_iter().collect(),
        dry_run,
        skip_invalid,
    };
    state.with(|s| Ok(s.import_sheet(&bytes, &options)?))
}

/// How an export is written: one workbook, or one CSV file per table in a folder.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportTo {
    Xlsx,
    CsvFolder,
}

/// Writes every table (people, training, contributions, recognition,
/// projects, invitations) to `path`; returns the number of rows written.
#[tauri::command]
pub async fn export_sheets(
    state: State<'_, AppState>,
    path: String,
    to: ExportTo,
) -> ApiResult<u32> {
    let path = PathBuf::from(path);
    let format = match to {
        ExportTo::Xlsx => ExportFormat::Xlsx(&path),
        ExportTo::CsvFolder => ExportFormat::CsvDir(&path),
    };
    state.read(|s| {
        let counts = s.export(format)?;
        Ok(counts.iter().map(|(_, n)| *n as u32).sum())
    })
}

/// Writes an encrypted backup to `path`; it opens only with `passphrase`,
/// which must be this store's (asked again, as the CLI does).
#[tauri::command]
pub async fn backup_now(
    state: State<'_, AppState>,
    path: String,
    passphrase: String,
) -> ApiResult<BackupStatus> {
    let path = PathBuf::from(path);
    let passphrase = SecretString::from(passphrase);
    let days = state.settings().backup_reminder_days;
    state.with(|s| {
        s.backup(&path, &passphrase)?;
        Ok(s.backup_status(Day::today(), days)?)
    })
}

/// When the last backup was written and whether the reminder is due.
#[tauri::command]
pub async fn backup_status(state: State<'_, AppState>) -> ApiResult<BackupStatus> {
    let days = state.settings().backup_reminder_days;
    state.read(|s| Ok(s.backup_status(Day::today(), days)?))
}
