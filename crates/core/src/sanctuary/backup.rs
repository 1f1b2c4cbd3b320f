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
use super::sync::DEVICE_KEY_META;
use crate::error::Result;
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

/// The restore hook: a fresh Automerge actor id, and the old device's
/// signing key forgotten, so nothing this laptop writes from now on can
/// collide with what the original wrote after the backup. The restored
/// laptop keeps every document; to sync again it must be invited into the
/// network as a new device.
fn continue_as_new_device(store: &mut Store) -> Result<()> {
    store.put_meta(ACTOR_META, ActorId::random().to_bytes())?;
    store.delete_meta(DEVICE_KEY_META)?;
    Ok(())
}
