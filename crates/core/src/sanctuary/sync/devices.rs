//! The devices of a network: listing them, and removing one.
//!
//! Removing a device is a signed revocation in the network document naming
//! the last of its bundles this laptop accepted (later ones are refused
//! everywhere), plus a new network key epoch: a fresh key wrapped for every
//! remaining device under static X25519 (see `sanctuary_sync::epoch`). From
//! then on this laptop seals its bundles under the new key, and so does every
//! member once it has heard of the removal, so nothing written afterwards can
//! be read by the removed device. What it synced before stays with it.

use std::collections::BTreeMap;

use sanctuary_sync::SyncError;
use sanctuary_sync::bundle::Header;
use sanctuary_sync::epoch::{self, ExchangeKey, WrapContext};
use sanctuary_sync::keys::{NetworkKey, SigningKey, from_hex, hex, verify};
use serde::{Deserialize, Serialize};

use crate::documents::Kind;
use crate::error::{CoreError, Result};
use crate::model::{Day, Device, EpochEntry, NetworkDoc, Revocation};
use crate::sanctuary::{NETWORK_DOC, Sanctuary};

pub(in crate::sanctuary) const EXCHANGE_KEY_META: &str = "sync.exchange-key";

/// One device of the network, as `device list` shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeviceInfo {
    pub id: String,
    pub name: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub added: Day,
    /// This laptop.
    pub this_device: bool,
    /// It has synced at least once (its signing key is registered).
    pub registered: bool,
    /// It can receive a new network key when another device is removed.
    pub can_receive_keys: bool,
    /// When it was removed and by whom (the app shows only that it was).
    #[cfg_attr(feature = "ts", ts(type = "{ by: string, on: string } | null"))]
    pub revoked: Option<Revocation>,
}

/// What removing a device did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RevokeReport {
    pub device: String,
    /// Its bundles after this one are refused.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub last_seq: u64,
    /// The new network key epoch.
    pub epoch: u32,
    /// Remaining devices the new key was wrapped for.
    pub wrapped_for: Vec<String>,
    /// Remaining devices that never registered an exchange key (they have
    /// not synced since this version): they need a new invite.
    pub without_key: Vec<String>,
}

pub(super) fn exchange_message(network_id: &str, device: &str, exchange_key: &str) -> Vec<u8> {
    format!("sanctuary/exchange-key/v1\n{network_id}\n{device}\n{exchange_key}").into_bytes()
}

fn revoke_message(network_id: &str, device: &str, r: &Revocation) -> Vec<u8> {
    format!(
        "sanctuary/revoke/v1\n{network_id}\n{device}\n{}\n{}\n{}",
        r.by, r.last_seq, r.epoch
    )
    .into_bytes()
}

fn signed_by(device: Option<&Device>, message: &[u8], signature: &str) -> bool {
    let Some(device) = device else {
        return false;
    };
    let key = from_hex(&device.public_key).unwrap_or_default();
    let sig = from_hex(signature).unwrap_or_default();
    key.len() == 32 && verify(&key, message, &sig)
}

/// Checks the signed parts of devices in a merged network document against
/// what this laptop knew: an exchange key must be signed by its device's key
/// and never changes once set; a removal must be signed by a member that was
/// not itself removed, and is never undone.
pub(super) fn check_signed_device_changes(known: &NetworkDoc, merged: &NetworkDoc) -> Result<()> {
    let bad = || CoreError::Sync(SyncError::BadSignedChange);
    for (id, device) in &merged.devices {
        let before = known.devices.get(id);
        let old_exchange = before.map_or("", |d| d.exchange_key.as_str());
        if device.exchange_key != old_exchange {
            let message = exchange_message(&merged.id, id, &device.exchange_key);
            if !old_exchange.is_empty()
                || !signed_by(Some(device), &message, &device.exchange_proof)
            {
                return Err(bad());
            }
        }
        let old_revoked = before.and_then(|d| d.revoked.as_ref());
        match (&device.revoked, old_revoked) {
            (None, Some(_)) => return Err(bad()),
            (Some(r), old) if old != Some(r) => {
                // Any member may remove a device; two removing each other at
                // once both stand, so the signer is not required to remain.
                let by = merged.devices.get(&r.by).filter(|_| r.by != *id);
                if !signed_by(by, &revoke_message(&merged.id, id, r), &r.signature) {
                    return Err(bad());
                }
            }
            _ => {}
        }
    }
    Ok(())
}

impl Sanctuary {
    fn stored_exchange_key(&self) -> Result<Option<ExchangeKey>> {
        Ok(self
            .store
            .get_meta(EXCHANGE_KEY_META)?
            .and_then(|b| ExchangeKey::from_bytes(&b)))
    }

    /// This laptop's exchange key, made on first use.
    pub(super) fn exchange_key(&mut self) -> Result<ExchangeKey> {
        if let Some(key) = self.stored_exchange_key()? {
            return Ok(key);
        }
        let key = ExchangeKey::generate()?;
        self.store.put_meta(EXCHANGE_KEY_META, &*key.to_bytes())?;
        Ok(key)
    }

    /// This device's entry with its signing and exchange keys registered.
    pub(super) fn registered_device(
        &mut self,
        mut device: Device,
        signer: &SigningKey,
        network_id: &str,
    ) -> Result<Device> {
        let exchange = hex(&self.exchange_key()?.public_key());
        device.public_key = hex(&signer.public_key());
        if device.exchange_key != exchange {
            let message = exchange_message(network_id, &self.device_id(), &exchange);
            device.exchange_proof = hex(&signer.sign(&message));
            device.exchange_key = exchange;
        }
        Ok(device)
    }

    /// Every device of the network.
    pub fn devices(&self) -> Vec<DeviceInfo> {
        let me = self.device_id();
        self.network
            .devices
            .iter()
            .map(|(id, d)| DeviceInfo {
                id: id.clone(),
                name: d.name.clone(),
                added: d.added,
                this_device: *id == me,
                registered: !d.public_key.is_empty(),
                can_receive_keys: !d.exchange_key.is_empty(),
                revoked: d.revoked.clone(),
            })
            .collect()
    }

    /// Removes a device (id, id prefix or name): signs its revocation and
    /// moves the network key to a new epoch for the devices that remain.
    pub fn revoke_device(&mut self, key: &str) -> Result<RevokeReport> {
        let (signer, _, _) = self.ensure_identity()?;
        let mine = self.exchange_key()?;
        let (target, device) = self.device(key)?;
        let me = self.device_id();
        let refuse = |code, reason: &str| {
            CoreError::Invalid(crate::model::Invalid::new(
                crate::model::Field::Device,
                code,
                reason,
            ))
        };
        if target == me {
            return Err(refuse(
                crate::matching::Code::InvalidRemoveSelf,
                "this laptop cannot remove itself; do it from another member's laptop",
            ));
        }
        if device.revoked.is_some() {
            return Err(refuse(
                crate::matching::Code::InvalidAlreadyRemoved,
                "that device was already removed",
            ));
        }
        // The newest of its bundles this laptop accepted (partly, for a gap).
        let last_seq = self.sync_progress()?.peers.get(&target).map_or(0, |p| {
            let applied = p.applied.keys().chain(p.gaps.iter()).max().copied();
            applied.unwrap_or(0).max(p.complete)
        });
        let keys = self.network_keys()?;
        let newest_known = self
            .network
            .epochs
            .keys()
            .filter_map(|e| e.parse::<u32>().ok())
            .chain(keys.keys().copied())
            .max()
            .unwrap_or(1);
        let epoch = newest_known + 1;
        let new_key = NetworkKey::generate()?;

        let mut entry = EpochEntry {
            by: me.clone(),
            wraps: BTreeMap::new(),
        };
        let (mut wrapped_for, mut without_key) = (Vec::new(), Vec::new());
        for (id, d) in &self.network.devices {
            if *id == target || d.revoked.is_some() {
                continue;
            }
            let Some(public) = from_hex(&d.exchange_key).filter(|k| k.len() == 32) else {
                without_key.push(id.clone());
                continue;
            };
            let ctx = WrapContext {
                network_id: &self.network.id,
                epoch,
                from: me.as_bytes(),
                to: id.as_bytes(),
            };
            entry.wraps.insert(
                id.clone(),
                hex(&epoch::wrap(&mine, &public, &ctx, &new_key)?),
            );
            if *id != me {
                wrapped_for.push(id.clone());
            }
        }
        let mut revocation = Revocation {
            by: me.clone(),
            on: Day::today(),
            last_seq,
            epoch,
            signature: String::new(),
        };
        revocation.signature =
            hex(&signer.sign(&revoke_message(&self.network.id, &target, &revocation)));

        let mut network = self.network.clone();
        let mut removed = device.clone();
        removed.revoked = Some(revocation);
        network.devices.insert(target.clone(), removed.clone());
        network.epochs.insert(epoch.to_string(), entry.clone());
        self.commit(
            NETWORK_DOC,
            Kind::Network,
            "remove device",
            &network,
            |doc| {
                let devices = crate::documents::root_map(doc, "devices")?;
                autosurgeon::reconcile_prop(doc, devices, target.as_str(), &removed)
                    .map_err(|e| CoreError::Internal(format!("recording the removal: {e}")))?;
                let epochs = crate::documents::root_map(doc, "epochs")?;
                autosurgeon::reconcile_prop(doc, epochs, epoch.to_string().as_str(), &entry)
                    .map_err(|e| CoreError::Internal(format!("recording the new key epoch: {e}")))
            },
        )?;
        self.network = network;
        // After the commit: our own wrap is in the document, so a crash here
        // is recovered by `learn_epoch_keys` on the next sync.
        self.learn_epoch_keys()?;
        Ok(RevokeReport {
            device: target,
            last_seq,
            epoch,
            wrapped_for,
            without_key,
        })
    }

    /// Unwraps the keys of epochs in the network document wrapped for this
    /// laptop that it does not hold yet, and keeps them.
    pub(super) fn learn_epoch_keys(&mut self) -> Result<()> {
        let mut keys = self.network_keys()?;
        let me = self.device_id();
        let Some(mine) = self.stored_exchange_key()? else {
            return Ok(()); // Not registered yet: nothing can have been wrapped for it.
        };
        let mut learned = false;
        for (epoch, entry) in &self.network.epochs {
            let Ok(epoch) = epoch.parse::<u32>() else {
                continue;
            };
            if keys.contains_key(&epoch) {
                continue;
            }
            let Some(wrap) = entry.wraps.get(&me).and_then(|w| from_hex(w)) else {
                continue;
            };
            if let Some(key) = self.unwrap_epoch_key(&mine, epoch, &entry.by, &wrap) {
                keys.insert(epoch, key);
                learned = true;
            }
        }
        if learned {
            self.put_network_keys(&keys)?;
        }
        Ok(())
    }

    fn unwrap_epoch_key(
        &self,
        mine: &ExchangeKey,
        epoch: u32,
        by: &str,
        wrap: &[u8],
    ) -> Option<NetworkKey> {
        let public = from_hex(&self.network.devices.get(by)?.exchange_key)?;
        let me = self.device_id();
        let ctx = WrapContext {
            network_id: &self.network.id,
            epoch,
            from: by.as_bytes(),
            to: me.as_bytes(),
        };
        epoch::unwrap(mine, &public, &ctx, wrap)
    }

    /// The key of a bundle's epoch from the wraps it carries, for a laptop
    /// that has not heard of that epoch yet. Not kept until the import commits.
    pub(super) fn key_from_bundle(&mut self, header: &Header) -> Result<Option<NetworkKey>> {
        let me = self.device_id().into_bytes();
        let Some((_, wrap)) = header.wraps.keys.iter().find(|(d, _)| *d == me) else {
            return Ok(None);
        };
        let by = String::from_utf8(header.wraps.by.clone()).unwrap_or_default();
        let Some(mine) = self.stored_exchange_key()? else {
            return Ok(None);
        };
        Ok(self.unwrap_epoch_key(&mine, header.epoch, &by, wrap))
    }

    /// The wraps of `epoch` to put in a bundle's header (none for the first epoch).
    pub(super) fn wraps_for(&self, epoch: u32) -> sanctuary_sync::bundle::Wraps {
        let Some(entry) = self.network.epochs.get(&epoch.to_string()) else {
            return Default::default();
        };
        sanctuary_sync::bundle::Wraps {
            by: entry.by.as_bytes().to_vec(),
            keys: entry
                .wraps
                .iter()
                .filter_map(|(d, w)| Some((d.as_bytes().to_vec(), from_hex(w)?)))
                .collect(),
        }
    }
}
