//! Backup and restore over the store's encrypted backups, and the one
//! thing a restored laptop must do differently: never write Automerge
//! changes or sign bundles as the device it was, because the original may
//! have gone on (and synced) after the backup was taken. Reusing its actor
//! id would give two different changes the same sequence number.

use std::path::Path;

use automerge::ActorId;
use sanctuary_store::{SecretString, Store};

use super::Sanctuary;
use super::open::ACTOR_META;
use super::sync::DEVICE_KEY_META;
use crate::error::Result;

impl Sanctuary {
    /// Writes an encrypted backup of this store to `out`; returns its size.
    pub fn backup(&self, out: &Path, passphrase: &SecretString) -> Result<u64> {
        Ok(self.store.backup(out, passphrase)?)
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
