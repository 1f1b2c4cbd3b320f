//! Sync progress: what each peer has acknowledged of ours, what we hold of
//! each peer's, and the marks bundles are built on.
//!
//! A bundle holds, per document, the stored chunks above a *mark* (each
//! document's last chunk position when an earlier bundle of ours was made).
//! A peer acknowledges the newest of our bundles it applied with everything
//! before it; a bundle for readers builds on the newest kept mark that all
//! of them acknowledged, so it carries whatever any of them may lack.
//!
//! Bundle numbers are the microseconds of the clock when made (and always
//! above any number this laptop made or saw acknowledged), so a laptop
//! restored from an older copy never reuses a number its peers already hold.
//!
//! Kept encrypted in the `sync.progress2` setting; each mark in its own
//! `sync.mark.N`. Older forms (`sync.state`, then `sync.progress`) are
//! moved at unlock.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Mark, decode, encode, mark_meta};
use crate::error::Result;
use crate::sanctuary::Sanctuary;

pub(super) const PROGRESS_META: &str = "sync.progress2";
/// The progress of the single-chain protocol (bundle counter, folder chain).
const V1_PROGRESS_META: &str = "sync.progress";
/// Where progress and every mark lived together before `sync.progress`.
const LEGACY_STATE_META: &str = "sync.state";
pub(super) const MARK_META_PREFIX: &str = "sync.mark.";

/// Per peer device: what it has of ours and what we have of its.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerState {
    /// The newest of our bundles it applied with everything before it, as
    /// its newest bundle says (lower than before after a restore).
    pub acked: u64,
    /// The bundle of its that said so: an older one arriving late is ignored.
    pub acked_in: u64,
    /// The newest of its bundles we applied with everything before it.
    pub complete: u64,
    /// Its bundles above `complete` we applied, with their hashes.
    pub applied: BTreeMap<u64, [u8; 32]>,
    /// Its bundles that built on changes we lack (reported; we asked again).
    pub gaps: BTreeSet<u64>,
    /// Our next bundle should tell it what we now have (a new gap, or a
    /// bundle of its that carried documents).
    pub owe_ack: bool,
    /// Unix seconds when we last imported one of its bundles.
    pub last_heard: i64,
}

/// Sync progress of this laptop, kept encrypted in the store's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncProgress {
    /// Our newest bundle's number.
    pub seq: u64,
    pub last_hash: [u8; 32],
    /// The highest of our numbers seen anywhere (acknowledged by a peer, a
    /// file of ours in a folder): new bundles go above it.
    pub highest_seen: u64,
    /// The bundles whose marks are kept, with the mark each was built on.
    pub marks: BTreeMap<u64, u64>,
    pub peers: BTreeMap<String, PeerState>,
}

impl SyncProgress {
    /// The number of our next bundle: above every number made or seen, and
    /// at least the clock's microseconds.
    pub fn next_seq(&self, now_micros: u64) -> u64 {
        self.seq
            .max(self.highest_seen)
            .saturating_add(1)
            .max(now_micros)
    }

    /// The newest kept mark that `peer` is known to have (0: none, send everything).
    pub fn base_for(&self, peer: &str) -> u64 {
        let Some(acked) = self.peers.get(peer).map(|p| p.acked) else {
            return 0;
        };
        self.marks
            .range(..=acked)
            .next_back()
            .map_or(0, |(seq, _)| *seq)
    }

    /// The mark a bundle for all of `readers` builds on: the oldest of theirs.
    pub fn base_for_all<'a>(&self, readers: impl IntoIterator<Item = &'a String>) -> u64 {
        readers
            .into_iter()
            .map(|r| self.base_for(r))
            .min()
            .unwrap_or(0)
    }

    /// Records that `peer`'s bundle `seq` was applied; `gap`: it built on
    /// changes we lack, so it counts for nothing until repaired.
    /// Returns true when the gap is new (reported for the first time).
    pub fn applied(
        &mut self,
        peer: &str,
        seq: u64,
        hash: [u8; 32],
        gap: bool,
        carried: bool,
    ) -> bool {
        let p = self.peers.entry(peer.to_string()).or_default();
        if gap {
            let new = p.gaps.insert(seq);
            p.owe_ack |= new;
            return new;
        }
        p.applied.insert(seq, hash);
        p.complete = p.complete.max(seq);
        let complete = p.complete;
        p.applied.retain(|s, _| *s >= complete);
        p.gaps.retain(|s| *s > complete);
        p.owe_ack |= carried;
        false
    }

    /// What `peer`'s bundle `its_seq` says it has of ours. Only its newest
    /// bundle counts, so a restored peer's lower acknowledgement replaces a
    /// higher one; a number we did not make (ours before a restore) only
    /// moves our next number above it.
    pub fn acknowledged(&mut self, peer: &str, its_seq: u64, acked: u64) {
        self.highest_seen = self.highest_seen.max(acked);
        let ours = self.seq;
        let p = self.peers.entry(peer.to_string()).or_default();
        if its_seq < p.acked_in {
            return;
        }
        p.acked_in = its_seq;
        if acked <= ours {
            p.acked = acked;
        }
    }
}

/// The per-peer state of the single-chain protocol.
#[derive(Serialize, Deserialize)]
struct V1Peer {
    acked: u64,
    complete: u64,
    applied: BTreeMap<u64, [u8; 32]>,
    last_heard: i64,
}

/// The progress of the single-chain protocol.
#[derive(Serialize, Deserialize)]
struct V1Progress {
    seq: u64,
    last_hash: [u8; 32],
    folder_seq: u64,
    marks: BTreeSet<u64>,
    peers: BTreeMap<String, V1Peer>,
}

/// The progress as it was stored before marks had settings of their own.
#[derive(Serialize, Deserialize)]
struct LegacySyncState {
    seq: u64,
    last_hash: [u8; 32],
    folder_seq: u64,
    marks: BTreeMap<u64, Mark>,
    peers: BTreeMap<String, V1Peer>,
}

impl From<V1Progress> for SyncProgress {
    fn from(v1: V1Progress) -> Self {
        SyncProgress {
            seq: v1.seq,
            last_hash: v1.last_hash,
            highest_seen: v1.seq,
            // The bases were not kept; 0 only means "may have to write again".
            marks: v1.marks.iter().map(|s| (*s, 0)).collect(),
            peers: v1
                .peers
                .into_iter()
                .map(|(id, p)| {
                    let complete = p.complete;
                    let state = PeerState {
                        acked: p.acked,
                        acked_in: 0,
                        complete,
                        applied: p
                            .applied
                            .into_iter()
                            .filter(|(s, _)| *s > complete)
                            .collect(),
                        gaps: BTreeSet::new(),
                        owe_ack: false,
                        last_heard: p.last_heard,
                    };
                    (id, state)
                })
                .collect(),
        }
    }
}

impl Sanctuary {
    pub(crate) fn sync_progress(&self) -> Result<SyncProgress> {
        match self.store.get_meta(PROGRESS_META)? {
            Some(bytes) => decode(&bytes, "sync progress"),
            None => Ok(SyncProgress::default()),
        }
    }

    /// Saves the progress if it changed (an idle pass writes nothing), then
    /// removes the marks it no longer keeps.
    pub(crate) fn put_sync_progress(&mut self, progress: &SyncProgress) -> Result<()> {
        if *progress == self.sync_progress()? {
            return Ok(());
        }
        self.store.put_meta(PROGRESS_META, &encode(progress)?)?;
        for name in self.store.meta_names(MARK_META_PREFIX)? {
            let seq = name[MARK_META_PREFIX.len()..].parse::<u64>().ok();
            // A mark above the saved counter belongs to a bundle being made.
            if seq.is_some_and(|s| s <= progress.seq && !progress.marks.contains_key(&s)) {
                self.store.delete_meta(&name)?;
            }
        }
        Ok(())
    }

    /// Moves progress stored an older way to `sync.progress2`. Safe to
    /// interrupt: until the old setting is gone this runs again, and it
    /// overwrites what it wrote.
    pub(crate) fn upgrade_sync_state(&mut self) -> Result<()> {
        if let Some(bytes) = self.store.get_meta(LEGACY_STATE_META)? {
            if self.store.get_meta(PROGRESS_META)?.is_none() {
                let legacy: LegacySyncState = decode(&bytes, "sync progress")?;
                for (seq, mark) in &legacy.marks {
                    self.store.put_meta(&mark_meta(*seq), &encode(mark)?)?;
                }
                let v1 = V1Progress {
                    seq: legacy.seq,
                    last_hash: legacy.last_hash,
                    folder_seq: legacy.folder_seq,
                    marks: legacy.marks.keys().copied().collect(),
                    peers: legacy.peers,
                };
                self.put_sync_progress(&v1.into())?;
            }
            self.store.delete_meta(LEGACY_STATE_META)?;
        }
        if let Some(bytes) = self.store.get_meta(V1_PROGRESS_META)? {
            if self.store.get_meta(PROGRESS_META)?.is_none() {
                let v1: V1Progress = decode(&bytes, "sync progress")?;
                self.put_sync_progress(&v1.into())?;
            }
            self.store.delete_meta(V1_PROGRESS_META)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: [u8; 32] = [7; 32];

    #[test]
    fn a_gap_counts_for_nothing_until_a_complete_bundle_covers_it() {
        let mut p = SyncProgress::default();
        assert!(!p.applied("b", 10, HASH, false, true));
        assert!(
            p.applied("b", 30, HASH, true, true),
            "a new gap is reported"
        );
        assert!(!p.applied("b", 30, HASH, true, true), "only once");
        assert_eq!(p.peers["b"].complete, 10);
        p.applied("b", 40, HASH, false, false);
        assert_eq!(p.peers["b"].complete, 40);
        assert!(p.peers["b"].gaps.is_empty());
        assert_eq!(
            p.peers["b"].applied.keys().copied().collect::<Vec<_>>(),
            [40]
        );
    }

    #[test]
    fn a_newer_lower_acknowledgement_replaces_a_higher_one() {
        let mut p = SyncProgress {
            seq: 100,
            ..Default::default()
        };
        p.acknowledged("b", 5, 90);
        assert_eq!(p.peers["b"].acked, 90);
        // An older bundle of b arriving late says less: ignored.
        p.acknowledged("b", 4, 50);
        assert_eq!(p.peers["b"].acked, 90);
        // b was restored: its newer bundle says less, and that is the truth.
        p.acknowledged("b", 6, 20);
        assert_eq!(p.peers["b"].acked, 20);
    }

    #[test]
    fn a_number_we_did_not_make_moves_the_next_number_above_it() {
        let mut p = SyncProgress {
            seq: 100,
            ..Default::default()
        };
        p.acknowledged("b", 5, 500);
        assert_eq!(p.peers["b"].acked, 0, "not one of ours: ignored");
        assert_eq!(p.next_seq(0), 501);
        assert_eq!(p.next_seq(9_000), 9_000);
    }

    #[test]
    fn a_bundle_for_everyone_builds_on_the_oldest_acknowledged_mark() {
        let mut p = SyncProgress {
            seq: 30,
            marks: [(10, 0), (20, 10), (30, 20)].into(),
            ..Default::default()
        };
        p.acknowledged("b", 1, 25);
        p.acknowledged("c", 1, 10);
        assert_eq!(p.base_for("b"), 20);
        assert_eq!(p.base_for("c"), 10);
        let readers = ["b".to_string(), "c".to_string()];
        assert_eq!(p.base_for_all(&readers), 10);
        let with_new = ["b".to_string(), "new".to_string()];
        assert_eq!(p.base_for_all(&with_new), 0);
    }
}
