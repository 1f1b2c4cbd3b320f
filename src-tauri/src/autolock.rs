//! Auto-lock: a background thread that drops the unlocked store once it has
//! been idle for the configured number of minutes, and tells the window.

use std::time::{Duration, Instant};

use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// How often the idle time is checked; locking happens at most this late.
const CHECK_EVERY: Duration = Duration::from_secs(5);

pub fn spawn(app: AppHandle) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(CHECK_EVERY);
            if app.state::<AppState>().lock_if_idle(Instant::now()) {
                let _ = app.emit(crate::STATUS_EVENT, "auto-locked");
            }
        }
    });
}
