//! The app's automatic sync: a shared folder chosen per laptop (kept in
//! the store's own encrypted settings, never in the network document), and
//! a runner that passes over it at unlock, after changes and when files
//! arrive, one pass at a time, on its own thread.
//!
//! The runner does not hold the store: the app gives it a function that
//! runs one pass on whatever is unlocked, and one that shows its status.
//! When to run is [`Schedule`]'s business; waiting for files is the same
//! [`FolderWatch`] the CLI's `sync folder --watch` uses.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use sanctuary_sync::watch::{FolderWatch, QUIET, RESCAN, Woken};
use serde::Serialize;

use super::folder::{FolderReport, SyncProblem};
use super::schedule::Schedule;
use crate::error::{CoreError, Result};
use crate::matching::Code;
use crate::model::{Field, Invalid};
use crate::sanctuary::Sanctuary;

const FOLDER_META: &str = "sync.auto-folder";

/// How long after the last write a change is synced.
pub const AUTO_SYNC_DEBOUNCE: Duration = Duration::from_secs(2);

impl Sanctuary {
    /// The shared folder this laptop syncs through automatically, if one was chosen.
    pub fn auto_sync_folder(&self) -> Result<Option<PathBuf>> {
        let Some(bytes) = self.store.get_meta(FOLDER_META)? else {
            return Ok(None);
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| CoreError::Internal("the sync folder setting is not text".into()))?;
        Ok(Some(PathBuf::from(text)))
    }

    /// Chooses the folder to sync through automatically (`None` turns
    /// automatic sync off). A folder that does not exist is refused and
    /// nothing changes.
    pub fn set_auto_sync_folder(&mut self, dir: Option<&Path>) -> Result<()> {
        let Some(dir) = dir else {
            self.store.delete_meta(FOLDER_META)?;
            return Ok(());
        };
        let invalid =
            |code, reason: &str| CoreError::from(Invalid::new(Field::SyncFolder, code, reason));
        if !dir.is_absolute() {
            return Err(invalid(
                Code::InvalidNotFullPath,
                "give the folder's full path",
            ));
        }
        if !dir.is_dir() {
            return Err(invalid(
                Code::InvalidNoFolder,
                "there is no folder at that path on this laptop",
            ));
        }
        let text = dir.to_str().ok_or_else(|| {
            invalid(
                Code::InvalidPathNotStorable,
                "the folder's path has characters this laptop cannot store",
            )
        })?;
        self.store.put_meta(FOLDER_META, text.as_bytes())?;
        Ok(())
    }
}

/// What automatic sync is doing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum AutoSyncState {
    /// No folder chosen, or the store is locked.
    #[default]
    Off,
    /// Up to date as far as this laptop knows.
    Idle,
    /// A pass is asked for (changes are being debounced).
    Waiting,
    Syncing,
}

/// Automatic sync as the app shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AutoSyncStatus {
    pub folder: Option<String>,
    pub state: AutoSyncState,
    /// Unix seconds when the last pass that completed ended.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub last_synced: Option<i64>,
    /// What the last pass reported about single files (gaps, forks, refusals).
    pub problems: Vec<SyncProblem>,
    /// Why the last pass failed as a whole (the folder is unreachable, say):
    /// an error code, which the app words, and the core's sentence.
    pub failure: Option<SyncFailure>,
}

/// A pass that could not be done at all, in the shape of any other error
/// the app words: its code, the English sentence, any coded messages
/// ([`CoreError::said`]) and what the code's summary does not say
/// ([`CoreError::specifics`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SyncFailure {
    pub code: String,
    pub message: String,
    pub details: Vec<crate::matching::Message>,
    pub specifics: Option<String>,
}

impl From<&CoreError> for SyncFailure {
    fn from(e: &CoreError) -> SyncFailure {
        SyncFailure {
            code: e.code().to_string(),
            message: e.to_string(),
            details: e.said(),
            specifics: e.specifics(),
        }
    }
}

/// Runs one pass over a folder on the unlocked store: `None` if there is
/// none (locked, or in self-view), so nothing ran.
pub type PassFn = dyn Fn(&Path) -> Option<Result<FolderReport>> + Send + Sync;
/// Shows a new status (the app sends it to the webview).
pub type NotifyFn = dyn Fn(&AutoSyncStatus) + Send + Sync;

struct Inner {
    schedule: Schedule,
    /// The folder, and this laptop's device id (its own subfolder is not watched).
    folder: Option<(PathBuf, String)>,
    status: AutoSyncStatus,
    /// What the app was last shown, so it is told only of changes.
    shown: Option<AutoSyncStatus>,
    shutdown: bool,
}

struct Shared {
    inner: Mutex<Inner>,
    wake: Condvar,
    /// Bumped when the folder changes: a watcher of an older one stops.
    watch_generation: AtomicU64,
    notify: Box<NotifyFn>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Works out the state from the schedule and tells the app, if it changed.
    fn publish(&self, mut inner: MutexGuard<'_, Inner>) {
        let state = if inner.folder.is_none() {
            AutoSyncState::Off
        } else if inner.schedule.running() {
            AutoSyncState::Syncing
        } else if inner.schedule.waiting() {
            AutoSyncState::Waiting
        } else {
            AutoSyncState::Idle
        };
        inner.status.state = state;
        if inner.shown.as_ref() == Some(&inner.status) {
            return;
        }
        let status = inner.status.clone();
        inner.shown = Some(status.clone());
        drop(inner);
        (self.notify)(&status);
    }
}

/// Automatic sync of one app: a thread that runs passes when the schedule
/// says, and (while a folder is configured) one that watches it. Dropping
/// it stops both; a pass under way finishes first (each is one store
/// transaction).
pub struct AutoSync {
    shared: Arc<Shared>,
    runner: Option<JoinHandle<()>>,
}

impl AutoSync {
    /// Starts the runner, with nothing configured yet.
    pub fn start(debounce: Duration, pass: Box<PassFn>, notify: Box<NotifyFn>) -> AutoSync {
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner {
                schedule: Schedule::new(debounce),
                folder: None,
                status: AutoSyncStatus::default(),
                shown: None,
                shutdown: false,
            }),
            wake: Condvar::new(),
            watch_generation: AtomicU64::new(0),
            notify,
        });
        let runner = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("auto-sync".into())
                .spawn(move || run(&shared, &*pass))
                .ok()
        };
        AutoSync { shared, runner }
    }

    /// Syncs through `folder` from now on (`None`: stops), for device `me`;
    /// with a folder, a pass runs at once (as at unlock).
    pub fn configure(&self, folder: Option<PathBuf>, me: &str) {
        let generation = self.shared.watch_generation.fetch_add(1, Ordering::SeqCst) + 1;
        let mut inner = self.shared.lock();
        let same = inner.folder.as_ref().map(|(dir, _)| dir) == folder.as_ref();
        if !same {
            inner.status = AutoSyncStatus::default();
            inner.status.folder = folder.as_ref().map(|d| d.display().to_string());
        }
        match folder {
            Some(dir) => {
                inner.folder = Some((dir.clone(), me.to_string()));
                inner.schedule.now(Instant::now());
                self.watch(dir, me.to_string(), generation);
            }
            None => {
                inner.folder = None;
                // A pass under way finishes; none is started after it.
                inner.schedule.cancel();
            }
        }
        self.shared.wake.notify_all();
        self.shared.publish(inner);
    }

    /// The store was written: a pass after the debounce.
    pub fn changed(&self) {
        let mut inner = self.shared.lock();
        if inner.folder.is_some() {
            inner.schedule.changed(Instant::now());
            self.shared.wake.notify_all();
            self.shared.publish(inner);
        }
    }

    /// A pass as soon as possible ("Sync now").
    pub fn sync_now(&self) {
        request_now(&self.shared);
    }

    pub fn status(&self) -> AutoSyncStatus {
        self.shared.lock().status.clone()
    }

    /// Watches `dir` on a thread of its own until the folder changes again.
    fn watch(&self, dir: PathBuf, me: String, generation: u64) {
        let shared = Arc::clone(&self.shared);
        // The watch starts here, before this returns, so a file that arrives
        // once the folder is configured is never missed by a thread that
        // has not started yet. Without notifications (the folder is not
        // there yet, say), the rescan interval still brings a pass now and then.
        let watch = FolderWatch::new(&dir, &me).ok();
        let spawned = std::thread::Builder::new()
            .name("auto-sync-watch".into())
            .spawn(move || {
                let stale = || {
                    shared.watch_generation.load(Ordering::SeqCst) != generation
                        || shared.lock().shutdown
                };
                let started = Instant::now();
                loop {
                    let woken = match &watch {
                        Some(watch) => watch.wait(QUIET, RESCAN, &stale),
                        None => poll_wait(started, &stale),
                    };
                    match woken {
                        Woken::Stopped => return,
                        Woken::Changed | Woken::Rescan => request_now(&shared),
                    }
                }
            });
        // Without a watcher thread, passes still run at unlock and after changes.
        drop(spawned);
    }
}

/// Sleeps in small steps until the rescan interval passed or `stop` says so.
fn poll_wait(started: Instant, stop: &dyn Fn() -> bool) -> Woken {
    let mut next = started;
    while next <= Instant::now() {
        next += RESCAN;
    }
    loop {
        if stop() {
            return Woken::Stopped;
        }
        if Instant::now() >= next {
            return Woken::Rescan;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn request_now(shared: &Shared) {
    let mut inner = shared.lock();
    if inner.folder.is_some() {
        inner.schedule.now(Instant::now());
        shared.wake.notify_all();
        shared.publish(inner);
    }
}

impl Drop for AutoSync {
    fn drop(&mut self) {
        self.shared.lock().shutdown = true;
        self.shared.watch_generation.fetch_add(1, Ordering::SeqCst);
        self.shared.wake.notify_all();
        if let Some(runner) = self.runner.take() {
            let _ = runner.join();
        }
    }
}

/// The runner thread: waits until a pass is due, runs it without holding
/// the lock (requests meanwhile make one more pass), records what it did.
fn run(shared: &Shared, pass: &PassFn) {
    let mut inner = shared.lock();
    loop {
        if inner.shutdown {
            return;
        }
        let now = Instant::now();
        if !inner.schedule.start(now) {
            inner = match inner.schedule.next() {
                Some(due) => {
                    shared
                        .wake
                        .wait_timeout(inner, due.saturating_duration_since(now))
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
                None => shared
                    .wake
                    .wait(inner)
                    .unwrap_or_else(PoisonError::into_inner),
            };
            continue;
        }
        let Some((dir, _)) = inner.folder.clone() else {
            inner.schedule.finish();
            continue;
        };
        shared.publish(inner);
        let outcome = pass(&dir);
        inner = shared.lock();
        inner.schedule.finish();
        // Reconfigured meanwhile: this pass's result describes another folder.
        let current = inner.folder.as_ref().is_some_and(|(d, _)| *d == dir);
        if current {
            match outcome {
                Some(Ok(report)) => {
                    inner.status.last_synced = Some(chrono::Utc::now().timestamp());
                    inner.status.problems = report.problems;
                    inner.status.failure = None;
                }
                Some(Err(e)) => {
                    inner.status.failure = Some(SyncFailure::from(&e));
                }
                // Locked meanwhile: nothing ran.
                None => {}
            }
        }
        shared.publish(inner);
        inner = shared.lock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, AtomicUsize};
    use std::sync::mpsc::{Receiver, channel};

    const SHORT: Duration = Duration::from_millis(50);
    const LONG: Duration = Duration::from_secs(10);

    struct Probe {
        passes: AtomicUsize,
        in_flight: AtomicBool,
        overlapped: AtomicBool,
        /// How long each pass takes.
        takes: Duration,
    }

    /// A runner whose passes only count (and check they never overlap),
    /// and a channel of every status it shows.
    fn runner(takes: Duration) -> (AutoSync, Arc<Probe>, Receiver<AutoSyncStatus>) {
        let probe = Arc::new(Probe {
            passes: AtomicUsize::new(0),
            in_flight: AtomicBool::new(false),
            overlapped: AtomicBool::new(false),
            takes,
        });
        let (tx, rx) = channel();
        let tx = Mutex::new(tx);
        let p = Arc::clone(&probe);
        let auto = AutoSync::start(
            SHORT,
            Box::new(move |_dir: &Path| {
                if p.in_flight.swap(true, Ordering::SeqCst) {
                    p.overlapped.store(true, Ordering::SeqCst);
                }
                std::thread::sleep(p.takes);
                p.passes.fetch_add(1, Ordering::SeqCst);
                p.in_flight.store(false, Ordering::SeqCst);
                Some(Ok(FolderReport::default()))
            }),
            Box::new(move |status: &AutoSyncStatus| {
                let _ = tx.lock().expect("sender").send(status.clone());
            }),
        );
        (auto, probe, rx)
    }

    /// Waits for a status `pred` accepts.
    fn until(rx: &Receiver<AutoSyncStatus>, pred: impl Fn(&AutoSyncStatus) -> bool) {
        let end = Instant::now() + LONG;
        while Instant::now() < end {
            if let Ok(status) = rx.recv_timeout(SHORT)
                && pred(&status)
            {
                return;
            }
        }
        panic!("the expected status never came");
    }

    #[test]
    fn a_configured_folder_is_synced_at_once_and_reports_last_synced() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (auto, probe, rx) = runner(Duration::ZERO);
        assert_eq!(auto.status().state, AutoSyncState::Off);
        auto.configure(Some(temp.path().to_path_buf()), "me");
        until(&rx, |s| s.state == AutoSyncState::Syncing);
        until(&rx, |s| {
            s.state == AutoSyncState::Idle && s.last_synced.is_some()
        });
        assert_eq!(probe.passes.load(Ordering::SeqCst), 1);
        let status = auto.status();
        assert_eq!(status.folder, Some(temp.path().display().to_string()));
        assert!(status.failure.is_none() && status.problems.is_empty());
    }

    #[test]
    fn changes_during_a_pass_make_one_more_pass_and_passes_never_overlap() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (auto, probe, rx) = runner(Duration::from_millis(300));
        auto.configure(Some(temp.path().to_path_buf()), "me");
        until(&rx, |s| s.state == AutoSyncState::Syncing);
        for _ in 0..5 {
            auto.changed();
            auto.sync_now();
        }
        until(&rx, |s| s.state == AutoSyncState::Idle);
        // Idle again only after the one more pass.
        assert_eq!(probe.passes.load(Ordering::SeqCst), 2);
        std::thread::sleep(SHORT * 4);
        assert_eq!(probe.passes.load(Ordering::SeqCst), 2, "and only one more");
        assert!(!probe.overlapped.load(Ordering::SeqCst));
    }

    #[test]
    fn turning_off_stops_passes() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (auto, probe, rx) = runner(Duration::ZERO);
        auto.configure(Some(temp.path().to_path_buf()), "me");
        until(&rx, |s| {
            s.state == AutoSyncState::Idle && s.last_synced.is_some()
        });
        auto.configure(None, "me");
        until(&rx, |s| s.state == AutoSyncState::Off);
        auto.changed();
        auto.sync_now();
        std::thread::sleep(SHORT * 4);
        assert_eq!(probe.passes.load(Ordering::SeqCst), 1);
        assert_eq!(auto.status().state, AutoSyncState::Off);
    }

    #[test]
    fn a_file_arriving_in_the_folder_brings_a_pass() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (auto, probe, rx) = runner(Duration::ZERO);
        auto.configure(Some(temp.path().to_path_buf()), "me");
        until(&rx, |s| {
            s.state == AutoSyncState::Idle && s.last_synced.is_some()
        });
        let other = temp.path().join("other");
        std::fs::create_dir_all(&other).expect("dir");
        std::fs::write(other.join("7.bundle"), b"bytes").expect("write");
        let end = Instant::now() + LONG;
        while probe.passes.load(Ordering::SeqCst) < 2 && Instant::now() < end {
            std::thread::sleep(SHORT);
        }
        assert_eq!(probe.passes.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn a_failed_pass_is_reported_with_its_code_and_cleared_by_the_next() {
        let temp = tempfile::tempdir().expect("temp dir");
        let fail = Arc::new(AtomicBool::new(true));
        let f = Arc::clone(&fail);
        let (tx, rx) = channel();
        let tx = Mutex::new(tx);
        let auto = AutoSync::start(
            SHORT,
            Box::new(move |_dir: &Path| {
                Some(if f.load(Ordering::SeqCst) {
                    Err(CoreError::Sync(sanctuary_sync::SyncError::Io(
                        "gone".into(),
                    )))
                } else {
                    Ok(FolderReport::default())
                })
            }),
            Box::new(move |status: &AutoSyncStatus| {
                let _ = tx.lock().expect("sender").send(status.clone());
            }),
        );
        auto.configure(Some(temp.path().to_path_buf()), "me");
        until(&rx, |s| s.failure.as_ref().is_some_and(|f| f.code == "io"));
        assert_eq!(auto.status().last_synced, None);
        fail.store(false, Ordering::SeqCst);
        auto.sync_now();
        until(&rx, |s| s.failure.is_none() && s.last_synced.is_some());
    }

    #[test]
    fn the_folder_setting_is_kept_in_the_store_and_a_missing_folder_is_refused() {
        let temp = tempfile::tempdir().expect("temp dir");
        let mut s = crate::demo::demo_store(&temp.path().join("store"), 0);
        assert_eq!(s.auto_sync_folder().expect("read"), None);
        let shared = temp.path().join("shared");
        std::fs::create_dir_all(&shared).expect("dir");
        s.set_auto_sync_folder(Some(&shared)).expect("set");
        let missing = temp.path().join("missing");
        let e = s.set_auto_sync_folder(Some(&missing)).expect_err("refused");
        assert_eq!(e.code(), "invalid");
        assert_eq!(s.auto_sync_folder().expect("read"), Some(shared));
        s.set_auto_sync_folder(None).expect("off");
        assert_eq!(s.auto_sync_folder().expect("read"), None);
    }
}
