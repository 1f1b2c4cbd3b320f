//! One pass over a shared folder (Syncthing, Nextcloud, a USB stick...):
//! read the other devices' bundles this laptop lacks, then write one of its
//! own only when a reader may lack something, and remove its own bundles
//! nobody needs any more. Another device's file is never touched.
//!
//! A pass with nothing new writes nothing, neither a file nor the store, so
//! a watcher woken by its own file settles after one quiet pass.

use std::path::Path;

use sanctuary_sync::{SyncError, bundle, folder};
use serde::Serialize;

use super::Mark;
use crate::error::{CoreError, Result};
use crate::sanctuary::Sanctuary;

/// What one pass over a shared folder did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FolderReport {
    pub imported: usize,
    pub changed: usize,
    /// Files not read this time (incomplete, too large, or from a laptop not known yet).
    pub skipped: usize,
    /// Files refused, and gaps or forks found (a gap is asked about in this
    /// laptop's next bundle and repaired by the answer).
    pub problems: Vec<SyncProblem>,
    /// The number of the bundle this laptop added, if a reader lacked something.
    pub written: Option<u64>,
    /// This laptop's own earlier bundles removed: no current member needs them.
    pub removed: usize,
}

/// What went wrong with one bundle file, coded so the app words it in the
/// reader's language; `Display` is the CLI's English sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SyncProblem {
    pub kind: SyncProblemKind,
    /// The file, as `<device>/<number>.bundle`.
    pub file: String,
    /// Its writer: the device's name, or its short id if unknown here.
    pub device: String,
    /// For a refusal: the error code (one of the core's `CODES`) saying
    /// which check failed; for a gap, its cause when it has one
    /// (`missing-person-key`).
    pub code: Option<String>,
    /// For a refusal: the error in English (the CLI's words, and what a
    /// log shows).
    pub detail: Option<String>,
    /// For a refusal: what its code's summary does not say, as written
    /// (see [`CoreError::specifics`](crate::CoreError::specifics)).
    pub specifics: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum SyncProblemKind {
    /// The bundle builds on changes of its writer this laptop lacks: applied
    /// what could be, and asked for the rest in this laptop's next bundle.
    Gap,
    /// Its writer made two different bundles with this number (restored
    /// from an older copy): both were applied.
    Fork,
    /// Not applied (too large, altered, from an unknown laptop ...): `code` says why.
    Refused,
}

impl SyncProblem {
    fn refused(file: String, device: String, error: &SyncError) -> SyncProblem {
        SyncProblem {
            kind: SyncProblemKind::Refused,
            file,
            device,
            code: Some(error.code().to_string()),
            detail: Some(error.to_string()),
            specifics: crate::CoreError::Sync(error.clone()).specifics(),
        }
    }
}

impl std::fmt::Display for SyncProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let SyncProblem { file, device, .. } = self;
        match self.kind {
            SyncProblemKind::Gap if self.detail.is_some() => {
                write!(f, "{file}: {}", self.detail.as_deref().unwrap_or_default())
            }
            SyncProblemKind::Gap => write!(
                f,
                "{file}: {device} sent changes that build on some this laptop has \
                 not received; what could be applied was, and the rest is asked \
                 for in this laptop's next bundle"
            ),
            SyncProblemKind::Fork => write!(
                f,
                "{file}: {device} made two different bundles with this number \
                 (restored from an older copy?); both were applied"
            ),
            SyncProblemKind::Refused => {
                write!(f, "{file}: {}", self.detail.as_deref().unwrap_or_default())
            }
        }
    }
}

/// Microseconds in ten years: further ahead than any clock error.
const YEARS_AHEAD: u64 = 10 * 366 * 86_400 * 1_000_000;

fn io(e: std::io::Error) -> CoreError {
    CoreError::Sync(SyncError::Io(e.to_string()))
}

impl Sanctuary {
    /// Reads and writes a shared folder: imports every other device's
    /// bundle not yet applied (a file that does not read yet is tried again
    /// next time), then adds this laptop's bundle if any reader may lack
    /// something, and removes its own bundles no member needs.
    pub fn sync_folder(&mut self, dir: &Path) -> Result<FolderReport> {
        self.ensure_member()?;
        let mut report = FolderReport::default();
        let me = self.device_id();
        for entry in folder::list(dir, &me).map_err(io)? {
            let progress = self.sync_progress()?;
            if progress
                .peers
                .get(&entry.device)
                .is_some_and(|p| entry.seq <= p.complete || p.applied.contains_key(&entry.seq))
            {
                continue;
            }
            let name = format!("{}/{}.bundle", entry.device, entry.seq);
            let bytes = match folder::read_bounded(&entry.path, bundle::MAX_BUNDLE_BYTES) {
                Ok(bytes) => bytes,
                Err(folder::ReadError::TooLarge(_)) => {
                    report.skipped += 1;
                    let who = self.device_label(&entry.device);
                    report
                        .problems
                        .push(SyncProblem::refused(name, who, &SyncError::TooLarge));
                    continue;
                }
                // Gone, or still being written by the other program: next time.
                Err(folder::ReadError::Io(_)) => {
                    report.skipped += 1;
                    continue;
                }
            };
            match self.sync_import(&bytes) {
                Ok(r) if r.duplicate => {}
                Ok(r) => {
                    let who = self.device_label(&r.sender);
                    let problem = |kind| SyncProblem {
                        kind,
                        file: name.clone(),
                        device: who.clone(),
                        code: None,
                        detail: None,
                        specifics: None,
                    };
                    if !r.missing_keys.is_empty() {
                        // A gap whose cause has a code: people's keys not here yet.
                        let missing = SyncError::MissingDocKey;
                        report.problems.push(SyncProblem {
                            code: Some(missing.code().to_string()),
                            detail: Some(missing.to_string()),
                            ..problem(SyncProblemKind::Gap)
                        });
                    } else if r.gap {
                        report.problems.push(problem(SyncProblemKind::Gap));
                    } else {
                        report.imported += 1;
                    }
                    if r.fork {
                        report.problems.push(problem(SyncProblemKind::Fork));
                    }
                    report.changed += r.changed;
                }
                // Half-copied, from a laptop we do not know yet, or not ours to read: later.
                Err(CoreError::Sync(e)) => {
                    report.skipped += 1;
                    let who = self.device_label(&entry.device);
                    report.problems.push(SyncProblem::refused(name, who, &e));
                }
                Err(e) => return Err(e),
            }
        }
        self.write_own(dir, &me, &mut report)?;
        Ok(report)
    }

    /// A device's name for a sentence (its short id if unknown).
    fn device_label(&self, id: &str) -> String {
        match self.network.devices.get(id) {
            Some(d) if !d.name.is_empty() => d.name.clone(),
            _ => id.chars().take(8).collect(),
        }
    }

    /// Writes this laptop's bundle for the folder's readers if one of them
    /// may lack something, then removes its own bundles nobody needs.
    fn write_own(&mut self, dir: &Path, me: &str, report: &mut FolderReport) -> Result<()> {
        // One dated years ahead was not made by us: it is left alone.
        let plausible = super::now_micros().saturating_add(YEARS_AHEAD);
        let mut own = folder::own(dir, me).map_err(io)?;
        own.retain(|(seq, _)| *seq <= plausible);
        let mut progress = self.sync_progress()?;
        // A file of ours we do not remember making: this laptop was restored
        // from an older copy. Its number must never be used again.
        if let Some((newest, _)) = own.last()
            && *newest > progress.highest_seen
        {
            progress.highest_seen = *newest;
            self.put_sync_progress(&progress)?;
        }
        let readers = self.current_peers();
        let base = progress.base_for_all(&readers);
        let documents = self.store.documents()?;
        let newer_than = |mark: &Mark| {
            documents
                .iter()
                .any(|d| d.last_seq > mark.get(&d.id).copied().unwrap_or(0))
        };
        let latest = own.last().map(|(seq, _)| *seq);
        let stale = match latest.and_then(|s| progress.marks.get(&s).map(|b| (s, *b))) {
            // Our newest file here says everything unless we have more since,
            // or a reader has less than it was built on (restored, or new).
            Some((seq, its_base)) => newer_than(&self.mark(seq)?) || base < its_base,
            // One we cannot judge (made before a restore, or long ago): replace it.
            None if latest.is_some() => true,
            None => newer_than(&self.mark(base)?),
        };
        let owed = readers
            .iter()
            .any(|r| progress.peers.get(r).is_some_and(|p| p.owe_ack));
        if stale || owed {
            let made_before = progress.seq;
            let (bytes, mut progress, _) = self.make_bundle(None, base, false)?;
            folder::write(dir, me, progress.seq, &bytes).map_err(io)?;
            for peer in progress.peers.values_mut() {
                peer.owe_ack = false;
            }
            self.put_sync_progress(&progress)?;
            report.written = Some(progress.seq);
            // The new bundle carries everything any current member may lack
            // (it builds on the oldest of their acknowledgements), so our
            // older ones say nothing more. Not one made before a restore:
            // it may hold changes this copy of the store never had.
            for (seq, _) in own.iter().filter(|(seq, _)| *seq <= made_before) {
                folder::remove_own(dir, me, *seq).map_err(io)?;
                report.removed += 1;
            }
            return Ok(());
        }
        // Every current member has applied these: nobody needs them. The
        // newest stays: its acknowledgements are how a laptop restored from
        // an older copy finds out what it lost.
        for (seq, _) in own.iter().rev().skip(1) {
            let applied_by_all = !readers.is_empty()
                && readers
                    .iter()
                    .all(|r| progress.peers.get(r).is_some_and(|p| p.acked >= *seq));
            if applied_by_all {
                folder::remove_own(dir, me, *seq).map_err(io)?;
                report.removed += 1;
            }
        }
        Ok(())
    }
}
