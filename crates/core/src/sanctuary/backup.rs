//! Backup and restore over the store's encrypted backups, and the one
//! thing a restored laptop must do differently: never write Automerge
//! changes or sign bundles as the device it was, because the original may
//! have gone on (and synced) after the backup was taken. Reusing its actor
//! id would give two different changes the same sequence number.

use std::path::Path;

use automerge::ActorId;
use sanctuary_store::{SecretString, Store};
use serde::Serialize;

use super::Sanctuary;
use super::open::ACTOR_META;
use super::sync::{DEVICE_KEY_META, EXCHANGE_KEY_META, OpenedInvite, SyncProgress};
use crate::error::{CoreError, Result};
use crate::model::Day;

/// The setting holding the day of the last successful backup (`YYYY-MM-DD`).
const LAST_BACKUP_META: &str = "backup.last";

/// Days after which the app reminds the coordinator to back up, unless
/// they chose another number.
pub const BACKUP_REMINDER_DAYS: u32 = 7;

/// When this store was last backed up, and whether a reminder is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupStatus {
    /// The day of the last backup written from this store (`None`: never).
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub last: Option<Day>,
    /// Whole days since then (`None`: never backed up).
    pub days_since: Option<u32>,
    /// The last backup is older than the reminder's days, or there is none.
    pub due: bool,
}

impl Sanctuary {
    /// Writes an encrypted backup of this store to `out` and records today
    /// as the day of the last backup; returns the backup's size. The day is
    /// recorded before the copy is taken, so a store restored from this
    /// backup knows it too (and equals the original); if the backup fails,
    /// the day recorded before is put back.
    pub fn backup(&mut self, out: &Path, passphrase: &SecretString) -> Result<u64> {
        let previous = self.store.get_meta(LAST_BACKUP_META)?;
        self.store
            .put_meta(LAST_BACKUP_META, Day::today().to_string().as_bytes())?;
        match self.store.backup(out, passphrase) {
            Ok(size) => Ok(size),
            Err(e) => {
                let undone = match previous {
                    Some(day) => self.store.put_meta(LAST_BACKUP_META, &day),
                    None => self.store.delete_meta(LAST_BACKUP_META),
                };
                if let Err(undo) = undone {
                    tracing::warn!(error = %undo, "could not put back the day of the last backup");
                }
                Err(e.into())
            }
        }
    }

    /// When the last backup was written and whether one is due after
    /// `remind_after_days` (on `today`).
    pub fn backup_status(&self, today: Day, remind_after_days: u32) -> Result<BackupStatus> {
        let last = self
            .store
            .get_meta(LAST_BACKUP_META)?
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|s| s.parse::<Day>().ok());
        let days_since =
            last.map(|d| u32::try_from((today.0 - d.0).num_days().max(0)).unwrap_or(u32::MAX));
        Ok(BackupStatus {
            last,
            days_since,
            due: days_since.is_none_or(|n| n >= remind_after_days),
        })
    }

    /// Restores `backup` as a new store in `dir` and unlocks it. A damaged
    /// backup or a wrong passphrase leaves nothing in `dir`.
    pub fn restore(dir: &Path, backup: &Path, passphrase: &SecretString) -> Result<Sanctuary> {
        Store::restore(dir, backup, passphrase)?;
        let mut store = Store::open(dir, passphrase)?;
        continue_as_new_device(&mut store)?;
        drop(store);
        Sanctuary::open(dir, passphrase)
    }
}

impl Sanctuary {
    /// Whether this laptop is a device of its network. A store restored
    /// from a backup is not, until it joins again ([`Sanctuary::rejoin`]).
    pub fn is_member(&self) -> bool {
        self.network.devices.contains_key(&self.device_id())
    }

    /// Refuses to sync on a laptop that is not a device of the network,
    /// before anything is read or written, with the sentence that says how
    /// to join again.
    pub(crate) fn ensure_member(&self) -> Result<()> {
        if self.is_member() {
            Ok(())
        } else {
            Err(CoreError::NotADevice)
        }
    }

    /// The way back for a restored laptop: joins the network again with an
    /// invite a member made, **keeping everything this store holds**. The
    /// invite's network state is merged in (so what the laptop's old self
    /// synced after the backup comes back from the network), and this
    /// laptop is registered under its new actor id with new signing and
    /// exchange keys, so none of its changes, bundle numbers or keys are
    /// its old self's. An invite for another network, a wrong code or a laptop that
    /// is a device already are refused with nothing written.
    pub fn rejoin(&mut self, invite_bytes: &[u8], code: &str, device_name: &str) -> Result<()> {
        crate::model::validate::check_text(crate::model::Field::DeviceName, device_name, 120)?;
        if self.is_member() {
            return Err(crate::model::Invalid::new(
                crate::model::Field::Invite,
                crate::matching::Code::InvalidAlreadyMember,
                "this laptop is already a device of the network; only a laptop restored from a backup joins again",
            )
            .into());
        }
        let invite = OpenedInvite::open(invite_bytes, code)?;
        if invite.network_id() != self.network.id {
            return Err(sanctuary_sync::SyncError::WrongNetwork.into());
        }
        let mut progress = self.sync_progress()?;
        forget_own_bundles(&mut progress);
        self.put_sync_progress(&progress)?;
        // Restored by an earlier version, the store may still hold its old
        // self's exchange key: a new one is made when it registers.
        self.store.delete_meta(EXCHANGE_KEY_META)?;
        let keys = self.network_keys()?;
        self.admit(invite, keys, device_name)
    }
}

/// A laptop joining again is a new device to its peers: the bundles its old
/// self made (their numbers, hashes, marks, and what peers acknowledged of
/// them) are not its own, and a bundle built on one would look to a peer
/// like a gap. What it holds of each peer's bundles stays true. Its next
/// numbers still go above every old one.
fn forget_own_bundles(progress: &mut SyncProgress) {
    progress.highest_seen = progress.highest_seen.max(progress.seq);
    progress.last_hash = [0; 32];
    progress.marks.clear();
    for peer in progress.peers.values_mut() {
        peer.acked = 0;
        peer.owe_ack = true;
    }
}

/// The restore hook: a fresh Automerge actor id, and the old device's
/// signing and exchange keys forgotten, so nothing this laptop writes from
/// now on can collide with what the original wrote after the backup, and a
/// network key wrapped for this laptop later (say, after the lost original
/// is removed) cannot be unwrapped with the original's copy of the key.
/// The restored laptop keeps every document; to sync again it joins with
/// an invite ([`Sanctuary::rejoin`]).
fn continue_as_new_device(store: &mut Store) -> Result<()> {
    store.put_meta(ACTOR_META, ActorId::random().to_bytes())?;
    store.delete_meta(DEVICE_KEY_META)?;
    store.delete_meta(EXCHANGE_KEY_META)?;
    Ok(())
}
