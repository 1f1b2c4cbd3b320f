//! What the unlock screen and settings need to know.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The state of the app before and after unlocking; never holds personal data.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStatus {
    /// Whether a store exists yet (if not, the first-run screen shows).
    pub store_exists: bool,
    /// A coordinator's session is open.
    pub unlocked: bool,
    /// An ambassador is looking at their own record (only it is decrypted).
    pub self_view: bool,
    /// A demo store is still being made; unlocking waits for it.
    pub preparing: bool,
    /// Set only when running on a demo store, so the unlock screen can say it.
    pub demo_passphrase: Option<String>,
    pub store_dir: String,
    pub settings: Settings,
    /// The network's name, once unlocked.
    pub network_name: Option<String>,
}

/// Preferences of this laptop, kept in plain JSON beside the store (no
/// personal data). The shared sync folder is not here: it is in the store's
/// own encrypted settings (`Sanctuary::auto_sync_folder`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// Minutes without use before the store locks itself (1 to 120).
    pub auto_lock_minutes: u32,
    /// The interface language, e.g. `en` or `ar`.
    pub language: String,
    /// Days after the last backup when the app reminds the coordinator to
    /// back up again (1 to 365).
    #[serde(default = "default_backup_days")]
    pub backup_reminder_days: u32,
}

fn default_backup_days() -> u32 {
    sanctuary_core::BACKUP_REMINDER_DAYS
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            auto_lock_minutes: 5,
            language: "en".into(),
            backup_reminder_days: default_backup_days(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct UnlockInfo {
    pub network_name: String,
    pub ambassadors: u32,
    /// How long unlocking took in the core, in milliseconds.
    pub unlock_ms: f64,
}
