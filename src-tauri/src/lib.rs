//! The Sanctuary Ambassadors desktop app: a Tauri 2 shell over
//! `sanctuary-core`, and nothing more.
//!
//! The shell holds the unlocked store (`Option<Sanctuary>` behind a mutex),
//! turns each IPC call into one core call, and sends back DTOs (exported to
//! TypeScript with ts-rs) or an `{code, message}` error. It locks itself
//! after a configurable idle time, dropping every decrypted byte it holds,
//! and tells the window so the UI drops what it shows too. Keys and
//! passphrases never travel back to the webview.

mod autolock;
pub mod commands;
pub mod dto;
pub mod error;
pub mod state;

use std::sync::atomic::Ordering;

use sanctuary_core::demo::{DemoOptions, populate};
use sanctuary_core::{CreateOptions, KdfParams, Sanctuary, SecretString};
use tauri::{Emitter, Manager};

use crate::state::{AppState, DEMO_PASSPHRASE, Launch};

/// The event the window hears when the store changed state behind its back
/// (auto-lock, or a demo store finished preparing).
pub const STATUS_EVENT: &str = "status-changed";
/// The event carrying automatic sync's new status (`AutoSyncStatus`).
pub const AUTO_SYNC_EVENT: &str = "auto-sync";

pub fn run() {
    let launch = match Launch::from_env() {
        Ok(launch) => launch,
        Err(message) => {
            eprintln!("sanctuary-app: {message}");
            std::process::exit(2);
        }
    };
    let state = AppState::new(launch);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .setup(|app| {
            let handle = app.handle().clone();
            prepare_demo(&handle);
            start_auto_sync(&handle);
            autolock::spawn(handle);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session::app_status,
            commands::session::create_store,
            commands::session::join_store,
            commands::session::join_again,
            commands::session::unlock,
            commands::session::lock,
            commands::session::touch,
            commands::session::change_passphrase,
            commands::session::save_settings,
            commands::ambassadors::search_ambassadors,
            commands::ambassadors::ambassador_rows,
            commands::ambassadors::get_ambassador,
            commands::ambassadors::add_ambassador,
            commands::ambassadors::edit_ambassador,
            commands::ambassadors::add_consent,
            commands::ambassadors::add_pathway,
            commands::ambassadors::end_pathway,
            commands::ambassadors::record_training,
            commands::ambassadors::log_contribution,
            commands::ambassadors::log_recognition,
            commands::projects::list_projects,
            commands::projects::get_project,
            commands::projects::add_project,
            commands::projects::edit_project,
            commands::projects::add_outcome,
            commands::matching::match_project,
            commands::matching::match_settings,
            commands::matching::save_match_settings,
            commands::matching::list_invitations,
            commands::matching::set_invitation,
            commands::matching::rota_summary,
            commands::matching::edit_rota,
            commands::matching::rota_plan,
            commands::matching::assign_rota_turn,
            commands::catalog::get_catalog,
            commands::catalog::add_course,
            commands::catalog::expiring_training,
            commands::reports::report,
            commands::sheets::import_preview,
            commands::sheets::import_sheet,
            commands::sheets::export_sheets,
            commands::sheets::backup_now,
            commands::sheets::backup_status,
            commands::recognition::recognition_policy,
            commands::recognition::set_policy_rule,
            commands::recognition::recognition_options,
            commands::recognition::move_expense,
            commands::recognition::flagged_recognition,
            commands::recognition::clear_review,
            commands::sync::sync_status,
            commands::sync::sync_export,
            commands::sync::sync_import,
            commands::sync::resolve_conflict,
            commands::sync::create_invite,
            commands::sync::auto_sync_status,
            commands::sync::set_sync_folder,
            commands::sync::sync_now,
            commands::self_view::enter_self_view,
            commands::self_view::self_view_page,
            commands::self_view::suggest,
            commands::self_view::leave_self_view,
            commands::self_view::pending_suggestions,
            commands::self_view::decide_suggestion,
            commands::self_view::record_session,
            commands::self_view::export_record,
            commands::about::about,
            commands::privacy::person_history,
            commands::privacy::export_person,
            commands::privacy::erase_person,
            commands::privacy::consent_expiring,
            commands::privacy::retention_review,
            commands::privacy::retention_years,
            commands::privacy::set_retention_years,
            commands::privacy::archive_person,
            commands::privacy::list_devices,
            commands::privacy::revoke_device,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("sanctuary-app: {e}");
        std::process::exit(1);
    }
}

/// Starts the automatic-sync runner (the core's): its passes run on the
/// coordinator's unlocked store, outside any command, without counting as
/// activity (auto-lock still comes); its status goes to the window.
fn start_auto_sync(app: &tauri::AppHandle) {
    let passes = app.clone();
    let events = app.clone();
    let auto = sanctuary_core::AutoSync::start(
        sanctuary_core::AUTO_SYNC_DEBOUNCE,
        Box::new(move |dir: &std::path::Path| {
            let state = passes.state::<AppState>();
            let mut session = state.session();
            match &mut *session {
                state::Session::Coordinator(s) => Some(s.sync_folder(dir)),
                _ => None,
            }
        }),
        Box::new(move |status: &sanctuary_core::AutoSyncStatus| {
            let _ = events.emit(AUTO_SYNC_EVENT, status);
        }),
    );
    // Set once, here; a second window would not start a second runner.
    let _ = app.state::<AppState>().auto_sync.set(auto);
}

/// Makes the demo store in the background the first time the app runs with
/// `--demo`; the unlock screen waits until it is there.
fn prepare_demo(app: &tauri::AppHandle) {
    let state = app.state::<AppState>();
    let launch = state.launch.clone();
    if !launch.demo || sanctuary_core::store_exists(&launch.store_dir) {
        return;
    }
    state.preparing.store(true, Ordering::SeqCst);
    let app = app.clone();
    std::thread::spawn(move || {
        let result = make_demo_store(&launch);
        if let Err(e) = &result {
            eprintln!("sanctuary-app: could not make the demo store: {e}");
        }
        app.state::<AppState>()
            .preparing
            .store(false, Ordering::SeqCst);
        let _ = app.emit(STATUS_EVENT, "prepared");
    });
}

fn make_demo_store(launch: &Launch) -> sanctuary_core::Result<()> {
    let options = CreateOptions {
        network_name: "Demo network".into(),
        device_name: "demo laptop".into(),
        kdf: KdfParams::DEFAULT,
    };
    let pass = SecretString::from(DEMO_PASSPHRASE);
    let mut sanctuary = Sanctuary::create(&launch.store_dir, &pass, &options)?;
    populate(
        &mut sanctuary,
        &DemoOptions {
            ambassadors: launch.demo_ambassadors,
            ..Default::default()
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    /// Writes the TypeScript bindings into `ui/src/lib/bindings/`. They are
    /// committed; `scripts/test.sh` runs this and fails if git sees a diff.
    #[test]
    fn export_bindings() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings");
        std::fs::create_dir_all(&dir).unwrap();
        crate::dto::export_bindings(&dir).unwrap();
        std::fs::write(
            dir.join("vocabularies.ts"),
            sanctuary_core::views::constants_ts(crate::error::SHELL_CODES),
        )
        .unwrap();
    }
}
