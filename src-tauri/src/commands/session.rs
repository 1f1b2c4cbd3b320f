//! Creating, unlocking and locking the store; passphrase and settings.

use sanctuary_core::{CreateOptions, KdfParams, Sanctuary, SecretString};
use tauri::State;

use crate::dto::session::{AppStatus, Settings, UnlockInfo};
use crate::error::{ApiError, ApiResult};
use crate::state::{AppState, DEMO_PASSPHRASE, Session};

fn unlock_info(s: &Sanctuary, unlock_ms: f64) -> UnlockInfo {
    UnlockInfo {
        network_name: s.network().name.clone(),
        ambassadors: u32::try_from(s.ambassador_count()).unwrap_or(u32::MAX),
        unlock_ms,
    }
}

#[tauri::command]
pub async fn app_status(state: State<'_, AppState>) -> ApiResult<AppStatus> {
    let session = state.session();
    let (unlocked, self_view, network_name) = match &*session {
        Session::Locked => (false, false, None),
        Session::Coordinator(s) => (true, false, Some(s.network().name.clone())),
        Session::SelfView(v) => (false, true, Some(v.network_name().to_string())),
    };
    Ok(AppStatus {
        store_exists: sanctuary_core::store_exists(&state.launch.store_dir),
        unlocked,
        self_view,
        preparing: state.is_preparing(),
        demo_passphrase: state.launch.demo.then(|| DEMO_PASSPHRASE.to_string()),
        store_dir: state.launch.store_dir.display().to_string(),
        settings: state.settings(),
        network_name,
    })
}

#[tauri::command]
pub async fn create_store(
    state: State<'_, AppState>,
    network_name: String,
    passphrase: String,
) -> ApiResult<UnlockInfo> {
    let passphrase = SecretString::from(passphrase);
    let options = CreateOptions {
        network_name,
        ..Default::default()
    };
    let started = std::time::Instant::now();
    let sanctuary = Sanctuary::create(&state.launch.store_dir, &passphrase, &options)?;
    let info = unlock_info(&sanctuary, started.elapsed().as_secs_f64() * 1000.0);
    state.set_session(sanctuary);
    Ok(info)
}

/// First run on a new laptop: joins an existing network with the invite
/// file and one-time code another coordinator made.
#[tauri::command]
pub async fn join_store(
    state: State<'_, AppState>,
    invite_path: String,
    code: String,
    passphrase: String,
    device_name: String,
) -> ApiResult<UnlockInfo> {
    let passphrase = SecretString::from(passphrase);
    let path = std::path::PathBuf::from(invite_path);
    let bytes = std::fs::read(&path).map_err(|e| super::sync::io_error("read", &path, e))?;
    let started = std::time::Instant::now();
    let sanctuary = Sanctuary::join(
        &state.launch.store_dir,
        &passphrase,
        KdfParams::DEFAULT,
        &bytes,
        code.trim(),
        device_name.trim(),
    )?;
    let info = unlock_info(&sanctuary, started.elapsed().as_secs_f64() * 1000.0);
    state.set_session(sanctuary);
    Ok(info)
}

/// A laptop restored from a backup joins its network again with an invite
/// a member made, keeping everything in its store (the unlocked one).
#[tauri::command]
pub async fn join_again(
    state: State<'_, AppState>,
    invite_path: String,
    code: String,
    device_name: String,
) -> ApiResult<()> {
    let path = std::path::PathBuf::from(invite_path);
    let bytes = std::fs::read(&path).map_err(|e| super::sync::io_error("read", &path, e))?;
    state.with(|s| Ok(s.rejoin(&bytes, code.trim(), device_name.trim())?))
}

#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> ApiResult<UnlockInfo> {
    if state.is_preparing() {
        return Err(ApiError::new(
            "busy",
            "The demo store is still being made. Try again in a moment.",
        ));
    }
    let passphrase = SecretString::from(passphrase);
    // Unlocking twice would find the store in use by ourselves: lock first.
    state.lock();
    let (sanctuary, timings) = Sanctuary::open_timed(&state.launch.store_dir, &passphrase)?;
    let info = unlock_info(&sanctuary, timings.total_ms);
    state.set_session(sanctuary);
    Ok(info)
}

#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> ApiResult<()> {
    state.lock();
    Ok(())
}

/// The person is using the app: postpones auto-lock.
#[tauri::command]
pub async fn touch(state: State<'_, AppState>) -> ApiResult<()> {
    if !state.session().is_locked() {
        state.touch();
    }
    Ok(())
}

/// Changes the passphrase once the current one is given again, so someone
/// who finds the laptop unlocked cannot lock the coordinator out.
#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current_passphrase: String,
    new_passphrase: String,
) -> ApiResult<()> {
    let current = SecretString::from(current_passphrase);
    let new = SecretString::from(new_passphrase);
    state.with(|s| {
        s.check_passphrase(&current)?;
        Ok(s.change_passphrase(&new, KdfParams::DEFAULT)?)
    })
}

#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> ApiResult<Settings> {
    state.save_settings(settings)
}
