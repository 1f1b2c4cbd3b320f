//! Waiting for a shared folder to change, for automatic sync: file
//! notifications (the `notify` crate), debounced so a bundle another
//! program copies in several writes wakes us once, after it went quiet.
//!
//! Reads are not changes (a pass reads the other devices' files), and this
//! device's own subfolder is ignored (a pass writing its own bundle must
//! not wake the next pass). Notifications can be lost (some network shares
//! send none), so a waiter also wakes after `rescan` without any.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::error::{Result, SyncError};

/// How long a folder must stay quiet after a change before a pass: a bundle
/// another program copies in arrives in several writes.
pub const QUIET: Duration = Duration::from_millis(500);
/// A pass even without notifications (some network shares send none).
pub const RESCAN: Duration = Duration::from_secs(300);

/// How often a waiter looks at its stop flag.
const TICK: Duration = Duration::from_millis(100);

/// Why [`FolderWatch::wait`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Woken {
    /// Something in the folder changed, then stayed quiet.
    Changed,
    /// Nothing was heard for the rescan interval: look anyway.
    Rescan,
    /// The stop flag was raised.
    Stopped,
}

/// A watch on one shared folder, for as long as it lives.
pub struct FolderWatch {
    // Kept alive: dropping it ends the notifications.
    _watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    own: PathBuf,
}

impl FolderWatch {
    /// Watches `dir` and everything below it, except device `me`'s own subfolder.
    pub fn new(dir: &Path, me: &str) -> Result<Self> {
        let io = |e: notify::Error| SyncError::Io(e.to_string());
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(tx).map_err(io)?;
        // Notifications name paths as watched: one form for both.
        let dir = dir
            .canonicalize()
            .map_err(|e| SyncError::Io(e.to_string()))?;
        watcher.watch(&dir, RecursiveMode::Recursive).map_err(io)?;
        let own = dir.join(me);
        Ok(FolderWatch {
            _watcher: watcher,
            events,
            own,
        })
    }

    /// Whether an event says another device's file may have changed.
    fn relevant(&self, event: &notify::Result<Event>) -> bool {
        match event {
            // A watch error (a queue overflow): look, to be safe.
            Err(_) => true,
            Ok(e) if matches!(e.kind, EventKind::Access(_)) => false,
            Ok(e) => e.paths.is_empty() || e.paths.iter().any(|p| !p.starts_with(&self.own)),
        }
    }

    /// Blocks until a change was followed by `quiet` without another (at
    /// most `quiet * 10` after the first, so a folder that never goes quiet
    /// is still synced), until `rescan` passed without any change, or until
    /// `stop()` is true (checked every 100 ms).
    pub fn wait(&self, quiet: Duration, rescan: Duration, stop: &dyn Fn() -> bool) -> Woken {
        let started = Instant::now();
        let mut first: Option<Instant> = None;
        let mut last = started;
        loop {
            if stop() {
                return Woken::Stopped;
            }
            let now = Instant::now();
            match first {
                Some(first) if now - last >= quiet || now - first >= quiet * 10 => {
                    return Woken::Changed;
                }
                None if now - started >= rescan => return Woken::Rescan,
                _ => {}
            }
            match self.events.recv_timeout(TICK) {
                Ok(event) => {
                    if self.relevant(&event) {
                        let now = Instant::now();
                        first.get_or_insert(now);
                        last = now;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                // The watcher is gone: nothing more will come; poll instead.
                Err(RecvTimeoutError::Disconnected) => {
                    std::thread::sleep(TICK);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    const QUIET: Duration = Duration::from_millis(200);
    const LONG: Duration = Duration::from_secs(30);

    #[test]
    fn another_devices_file_wakes_the_waiter_and_its_own_does_not() {
        let temp = tempfile::tempdir().expect("temp dir");
        let dir = temp.path();
        std::fs::create_dir_all(dir.join("aa11")).expect("own dir");
        std::fs::create_dir_all(dir.join("bb22")).expect("other dir");
        let watch = FolderWatch::new(dir, "aa11").expect("watch");
        std::fs::write(dir.join("aa11/1.bundle"), b"mine").expect("write");
        let woken = watch.wait(QUIET, Duration::from_millis(800), &|| false);
        assert_eq!(woken, Woken::Rescan, "its own file woke it");
        std::fs::write(dir.join("bb22/1.bundle"), b"theirs").expect("write");
        assert_eq!(watch.wait(QUIET, LONG, &|| false), Woken::Changed);
    }

    #[test]
    fn the_stop_flag_ends_the_wait() {
        let temp = tempfile::tempdir().expect("temp dir");
        let watch = FolderWatch::new(temp.path(), "aa11").expect("watch");
        let stop = AtomicBool::new(false);
        let started = Instant::now();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(Duration::from_millis(150));
                stop.store(true, Ordering::SeqCst);
            });
            let woken = watch.wait(QUIET, LONG, &|| stop.load(Ordering::SeqCst));
            assert_eq!(woken, Woken::Stopped);
        });
        assert!(started.elapsed() < LONG);
    }
}
