//! The app's state: the unlocked store (or none), when it was last used,
//! this laptop's settings, and where things live on disk.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use sanctuary_core::model::Field;
use sanctuary_core::model::validate::out_of_range;
use sanctuary_core::{AutoSync, Sanctuary, SecretString, SelfView};

use crate::dto::session::Settings;
use crate::error::{ApiError, ApiResult};

/// The passphrase of demo stores, shown on the unlock screen (demo data only).
pub const DEMO_PASSPHRASE: &str = "demo passphrase";

/// How the app was started: which store, and whether it is a demo.
#[derive(Debug, Clone)]
pub struct Launch {
    pub store_dir: PathBuf,
    pub demo: bool,
    /// How many ambassadors a new demo store gets.
    pub demo_ambassadors: usize,
}

impl Launch {
    /// Reads `--demo`, `SANCTUARY_DEMO=1`, `SANCTUARY_STORE` and
    /// `SANCTUARY_DEMO_AMBASSADORS`. The store lives in the platform's local
    /// data directory (the same one the `sanctuary` CLI uses) unless
    /// `SANCTUARY_STORE` names another.
    pub fn from_env() -> Result<Launch, String> {
        let demo = std::env::args().any(|a| a == "--demo")
            || std::env::var("SANCTUARY_DEMO").is_ok_and(|v| v == "1");
        let demo_ambassadors = std::env::var("SANCTUARY_DEMO_AMBASSADORS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200);
        let store_dir = match std::env::var_os("SANCTUARY_STORE").filter(|v| !v.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => {
                let dirs =
                    directories::ProjectDirs::from("org", "Sanctuary Ambassadors", "sanctuary")
                        .ok_or("could not find this user's data directory; set SANCTUARY_STORE")?;
                dirs.data_local_dir()
                    .join(if demo { "demo-store" } else { "store" })
            }
        };
        Ok(Launch {
            store_dir,
            demo,
            demo_ambassadors,
        })
    }

    pub fn settings_file(&self) -> PathBuf {
        self.store_dir.join("app-settings.json")
    }
}

/// What the app holds in memory.
pub enum Session {
    Locked,
    /// A coordinator's unlocked store.
    Coordinator(Box<Sanctuary>),
    /// One ambassador's own record and nothing else: the core has dropped
    /// every other document and restricted the store to this one.
    SelfView(Box<SelfView>),
}

impl Session {
    pub fn is_locked(&self) -> bool {
        matches!(self, Session::Locked)
    }
}

pub struct AppState {
    pub launch: Launch,
    session: Mutex<Session>,
    last_activity: Mutex<Instant>,
    settings: Mutex<Settings>,
    /// A demo store is being made in the background.
    pub preparing: AtomicBool,
    /// Automatic sync through the configured folder (started with the app's
    /// window; absent in unit tests, where nothing syncs by itself).
    pub auto_sync: OnceLock<AutoSync>,
}

impl AppState {
    pub fn new(launch: Launch) -> AppState {
        let settings = load_settings(&launch.settings_file());
        AppState {
            launch,
            session: Mutex::new(Session::Locked),
            last_activity: Mutex::new(Instant::now()),
            settings: Mutex::new(settings),
            preparing: AtomicBool::new(false),
            auto_sync: OnceLock::new(),
        }
    }

    pub fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn is_preparing(&self) -> bool {
        self.preparing.load(Ordering::SeqCst)
    }

    /// Runs `f` on the coordinator's unlocked store, counting as activity;
    /// `locked` if there is none, `self-view` while an ambassador is looking
    /// at their own record (no coordinator command runs then). If `f` wrote
    /// to the store, automatic sync hears of it.
    pub fn with<T>(&self, f: impl FnOnce(&mut Sanctuary) -> ApiResult<T>) -> ApiResult<T> {
        let mut session = self.session();
        match &mut *session {
            Session::Coordinator(sanctuary) => {
                self.touch();
                let before = sanctuary.store().changes();
                let result = f(sanctuary);
                if sanctuary.store().changes() != before
                    && let Some(auto) = self.auto_sync.get()
                {
                    auto.changed();
                }
                result
            }
            Session::SelfView(_) => Err(ApiError::in_self_view()),
            Session::Locked => Err(ApiError::locked()),
        }
    }

    /// Like [`AppState::with`] for commands that only read.
    pub fn read<T>(&self, f: impl FnOnce(&Sanctuary) -> ApiResult<T>) -> ApiResult<T> {
        let session = self.session();
        match &*session {
            Session::Coordinator(sanctuary) => {
                self.touch();
                f(sanctuary)
            }
            Session::SelfView(_) => Err(ApiError::in_self_view()),
            Session::Locked => Err(ApiError::locked()),
        }
    }

    /// Runs `f` on the self-view; `not-self-view` otherwise.
    pub fn with_self_view<T>(&self, f: impl FnOnce(&mut SelfView) -> ApiResult<T>) -> ApiResult<T> {
        let mut session = self.session();
        match &mut *session {
            Session::SelfView(view) => {
                self.touch();
                f(view)
            }
            Session::Locked => Err(ApiError::locked()),
            Session::Coordinator(_) => {
                Err(ApiError::new("not-self-view", "Self-view is not open."))
            }
        }
    }

    pub fn set_session(&self, sanctuary: Sanctuary) {
        let mut session = self.session();
        *session = Session::Coordinator(Box::new(sanctuary));
        if let Session::Coordinator(sanctuary) = &*session {
            self.resume_auto_sync(sanctuary);
        }
        drop(session);
        self.touch();
    }

    /// Starts automatic sync through the folder this store names, if any
    /// (a pass runs at once: unlock is when other laptops' files are read).
    /// Called with the store already in the session, so that pass finds it.
    pub fn resume_auto_sync(&self, sanctuary: &Sanctuary) {
        if let Some(auto) = self.auto_sync.get() {
            // An unreadable setting is reported by the Sync screen's own
            // call; here it only means no automatic sync.
            let folder = sanctuary.auto_sync_folder().ok().flatten();
            auto.configure(folder, &sanctuary.device_id());
        }
    }

    /// Stops automatic sync (locked, or in self-view: no coordinator store).
    fn pause_auto_sync(&self) {
        if let Some(auto) = self.auto_sync.get() {
            auto.configure(None, "");
        }
    }

    /// Enters self-view for ambassador `id`: the coordinator's session is
    /// consumed, so only that person's document stays decrypted. On failure
    /// the coordinator's session stays as it was.
    pub fn enter_self_view(&self, id: &str) -> ApiResult<()> {
        let mut session = self.session();
        match std::mem::replace(&mut *session, Session::Locked) {
            Session::Coordinator(sanctuary) => match sanctuary.enter_self_view(id) {
                Ok(view) => {
                    *session = Session::SelfView(Box::new(view));
                    self.touch();
                    self.pause_auto_sync();
                    Ok(())
                }
                Err((sanctuary, error)) => {
                    *session = Session::Coordinator(sanctuary);
                    Err(error.into())
                }
            },
            other @ Session::SelfView(_) => {
                *session = other;
                Err(ApiError::in_self_view())
            }
            Session::Locked => Err(ApiError::locked()),
        }
    }

    /// Leaves self-view with the coordinator's passphrase; a wrong one keeps
    /// the self-view exactly as it was.
    pub fn leave_self_view(&self, passphrase: &SecretString) -> ApiResult<()> {
        let mut session = self.session();
        match std::mem::replace(&mut *session, Session::Locked) {
            Session::SelfView(view) => match view.leave(passphrase) {
                Ok(sanctuary) => {
                    *session = Session::Coordinator(Box::new(sanctuary));
                    if let Session::Coordinator(sanctuary) = &*session {
                        self.resume_auto_sync(sanctuary);
                    }
                    self.touch();
                    Ok(())
                }
                Err(still) => {
                    *session = Session::SelfView(still.view);
                    Err(still.error.into())
                }
            },
            other => {
                let error = if other.is_locked() {
                    ApiError::locked()
                } else {
                    ApiError::new("not-self-view", "Self-view is not open.")
                };
                *session = other;
                Err(error)
            }
        }
    }

    /// Drops whatever is unlocked: the read model, documents and keys leave memory.
    pub fn lock(&self) -> bool {
        self.pause_auto_sync();
        !std::mem::replace(&mut *self.session(), Session::Locked).is_locked()
    }

    pub fn touch(&self) {
        *self
            .last_activity
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Instant::now();
    }

    pub fn settings(&self) -> Settings {
        self.settings
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn save_settings(&self, settings: Settings) -> ApiResult<Settings> {
        if !(1..=120).contains(&settings.auto_lock_minutes) {
            return Err(
                out_of_range(Field::AutoLock, 1, 120, "choose between 1 and 120 minutes").into(),
            );
        }
        if !(1..=365).contains(&settings.backup_reminder_days) {
            return Err(out_of_range(
                Field::BackupReminder,
                1,
                365,
                "choose between 1 and 365 days",
            )
            .into());
        }
        let language_ok = (2..=12).contains(&settings.language.len())
            && settings
                .language
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !language_ok {
            return Err(ApiError::invalid("language: not a language code"));
        }
        write_settings(&self.launch.settings_file(), &settings).map_err(|e| {
            let message = format!("could not save the settings: {e}");
            ApiError::with_specifics("store", message, e.to_string())
        })?;
        *self.settings.lock().unwrap_or_else(PoisonError::into_inner) = settings.clone();
        Ok(settings)
    }

    /// Locks the store if it has not been used for the auto-lock time by
    /// `now`; says whether it did.
    pub fn lock_if_idle(&self, now: Instant) -> bool {
        let idle_for = Duration::from_secs(u64::from(self.settings().auto_lock_minutes) * 60);
        let last = *self
            .last_activity
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        now.saturating_duration_since(last) >= idle_for && self.lock()
    }
}

fn load_settings(path: &Path) -> Settings {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

fn write_settings(path: &Path, settings: &Settings) -> std::io::Result<()> {
    if let Some(dir) = path.parent()
        && !dir.is_dir()
    {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)?;
    }
    let json = serde_json::to_vec_pretty(settings).map_err(std::io::Error::other)?;
    let tmp = path.with_extension("json.new");
    std::fs::write(&tmp, json)?;
    std::fs::rename(tmp, path)
}

#[cfg(test)]
mod tests {
    use sanctuary_core::{CreateOptions, KdfParams, SecretString};

    use super::*;

    fn state(dir: &Path) -> AppState {
        AppState::new(Launch {
            store_dir: dir.join("store"),
            demo: false,
            demo_ambassadors: 0,
        })
    }

    #[test]
    fn commands_on_a_locked_store_say_locked() {
        let dir = tempfile::tempdir().unwrap();
        let s = state(dir.path());
        let err = s.with(|_| Ok(())).unwrap_err();
        assert_eq!(err.code, "locked");
    }

    const PASS: &str = "correct horse battery";

    /// A state unlocked on a new store holding one ambassador per name;
    /// returns their ids in the same order.
    fn unlocked(dir: &Path, names: &[&str]) -> (AppState, Vec<String>) {
        let s = state(dir);
        let options = CreateOptions {
            kdf: KdfParams::MINIMUM,
            ..Default::default()
        };
        let mut sanctuary =
            Sanctuary::create(&s.launch.store_dir, &SecretString::from(PASS), &options).unwrap();
        let today = sanctuary_core::model::Day::today();
        let ids = names
            .iter()
            .map(|name| {
                let profile =
                    sanctuary_core::model::Profile::new(String::new(), name, "Leeds", today);
                sanctuary.add_ambassador(profile).unwrap()
            })
            .collect();
        s.set_session(sanctuary);
        (s, ids)
    }

    #[test]
    fn idle_time_locks_and_drops_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let (s, _) = unlocked(dir.path(), &[]);
        let now = Instant::now();
        assert!(!s.lock_if_idle(now + Duration::from_secs(4 * 60)));
        assert!(!s.session().is_locked());
        assert!(s.lock_if_idle(now + Duration::from_secs(5 * 60 + 1)));
        assert!(s.session().is_locked());
        // The store's lock went with it: it opens again.
        Sanctuary::open(&s.launch.store_dir, &SecretString::from(PASS)).unwrap();
    }

    #[test]
    fn self_view_shuts_out_coordinator_commands_until_the_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let (s, ids) = unlocked(dir.path(), &["Amina", "Yonas"]);
        let (amina, yonas) = (&ids[0], &ids[1]);

        assert_eq!(s.enter_self_view("nobody").unwrap_err().code, "not-found");
        s.with(|_| Ok(())).unwrap(); // The coordinator's session is still there.

        s.enter_self_view(amina).unwrap();
        let err = s.with(|c| Ok(c.ambassador(yonas)?.clone())).unwrap_err();
        assert_eq!(err.code, "self-view");
        assert_eq!(s.read(|_| Ok(())).unwrap_err().code, "self-view");
        assert_eq!(s.enter_self_view(yonas).unwrap_err().code, "self-view");
        let name = s
            .with_self_view(|v| Ok(v.person().profile.display_name.clone()))
            .unwrap();
        assert_eq!(name, "Amina");

        let wrong = s.leave_self_view(&SecretString::from("wrong passphrase"));
        assert_eq!(wrong.unwrap_err().code, "wrong-passphrase");
        assert!(s.with_self_view(|v| Ok(v.is_isolated())).unwrap());

        s.leave_self_view(&SecretString::from(PASS)).unwrap();
        let back = s
            .with(|c| Ok(c.ambassador(yonas)?.profile.display_name.clone()))
            .unwrap();
        assert_eq!(back, "Yonas");
        assert_eq!(
            s.with_self_view(|_| Ok(())).unwrap_err().code,
            "not-self-view"
        );
    }

    #[test]
    fn locking_in_self_view_drops_it() {
        let dir = tempfile::tempdir().unwrap();
        let (s, ids) = unlocked(dir.path(), &["Amina"]);
        s.enter_self_view(&ids[0]).unwrap();
        assert!(s.lock());
        assert_eq!(s.with_self_view(|_| Ok(())).unwrap_err().code, "locked");
        Sanctuary::open(&s.launch.store_dir, &SecretString::from(PASS)).unwrap();
    }

    #[test]
    fn settings_persist_and_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let s = state(dir.path());
        assert_eq!(s.settings(), Settings::default());
        let wanted = Settings {
            auto_lock_minutes: 15,
            language: "ar".into(),
            backup_reminder_days: 14,
        };
        s.save_settings(wanted.clone()).unwrap();
        assert_eq!(state(dir.path()).settings(), wanted);
        let bad = Settings {
            auto_lock_minutes: 0,
            ..wanted.clone()
        };
        assert_eq!(s.save_settings(bad).unwrap_err().code, "invalid");
        let bad = Settings {
            backup_reminder_days: 0,
            ..wanted.clone()
        };
        assert_eq!(s.save_settings(bad).unwrap_err().code, "invalid");
        let bad = Settings {
            language: "../x".into(),
            ..wanted
        };
        assert_eq!(s.save_settings(bad).unwrap_err().code, "invalid");
        // A settings file from before the reminder existed reads with its default.
        let old: Settings =
            serde_json::from_str(r#"{"auto_lock_minutes":5,"language":"en"}"#).unwrap();
        assert_eq!(old.backup_reminder_days, 7);
    }
}
