//! The network document: its name and the devices that belong to it. Sync
//! builds on this (device keys, membership, erasure tombstones).

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::policy::RecognitionPolicy;
use super::values::Day;
use crate::matching::MatchSettings;

pub const NETWORK_SCHEMA: u64 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct NetworkDoc {
    pub schema: u64,
    pub id: String,
    pub name: String,
    pub created: Day,
    /// Devices keyed by their id (the hex Automerge actor id of the device).
    pub devices: BTreeMap<String, Device>,
    /// Invites made by members, keyed by invite id: the public half of the
    /// key a joining laptop signs its registration with (see `sanctuary::sync`).
    #[autosurgeon(missing = "BTreeMap::new")]
    #[serde(default)]
    pub invites: BTreeMap<String, InviteEntry>,
    /// Network key epochs after the first, keyed by epoch number: each made
    /// when a device was removed, its key wrapped for the devices that remained.
    #[autosurgeon(missing = "BTreeMap::new")]
    #[serde(default)]
    pub epochs: BTreeMap<String, EpochEntry>,
    /// How matching weighs its factors: one setting for the whole network,
    /// so every coordinator ranks alike (defaults until someone changes it).
    #[autosurgeon(missing = "MatchSettings::default")]
    #[serde(default)]
    pub matching: MatchSettings,
    /// What recognition each payment constraint allows, and the expense
    /// limit (see `model::policy`). Written at create, and filled in at
    /// unlock for networks made before it existed.
    #[autosurgeon(missing = "RecognitionPolicy::empty")]
    #[serde(default = "RecognitionPolicy::empty")]
    pub recognition_policy: RecognitionPolicy,
    /// People erased from the network, keyed by their (opaque) ambassador id:
    /// every replica that sees a tombstone destroys its copy of that person's
    /// document and never takes it back from a bundle (see `sanctuary::erasure`).
    #[autosurgeon(missing = "BTreeMap::new")]
    #[serde(default)]
    pub erased: BTreeMap<String, Tombstone>,
    /// How long someone may go without any activity before they are due for
    /// a retention review (archive or erase), in years; 0 means never.
    #[autosurgeon(missing = "default_retention_years")]
    #[serde(default = "default_retention_years")]
    pub retention_years: u64,
}

/// Two years without activity, then a coordinator reviews the record.
pub const DEFAULT_RETENTION_YEARS: u64 = 2;

fn default_retention_years() -> u64 {
    DEFAULT_RETENTION_YEARS
}

impl NetworkDoc {
    /// Stands in until the store's network document has been read.
    pub fn unloaded() -> NetworkDoc {
        NetworkDoc {
            schema: 0,
            id: String::new(),
            name: String::new(),
            created: Day::today(),
            devices: BTreeMap::new(),
            invites: BTreeMap::new(),
            epochs: BTreeMap::new(),
            matching: MatchSettings::default(),
            recognition_policy: RecognitionPolicy::empty(),
            erased: BTreeMap::new(),
            retention_years: DEFAULT_RETENTION_YEARS,
        }
    }
}

/// A signed record that a person was erased: their id (the map key), the
/// day, and the device that did it. Nothing else about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Tombstone {
    pub on: Day,
    /// The erasing device's id.
    pub by: String,
    /// That device's Ed25519 signature (hex) over the network, person, day and device.
    pub signature: String,
}

/// A laptop that belongs to the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Device {
    pub name: String,
    pub added: Day,
    /// The device's Ed25519 public key (hex); empty until it first syncs.
    #[autosurgeon(missing = "String::new")]
    #[serde(default)]
    pub public_key: String,
    /// The invite it joined with, empty for the device that made the network.
    #[autosurgeon(missing = "String::new")]
    #[serde(default)]
    pub invite: String,
    /// The invite key's signature (hex) over the network id, device id and public key.
    #[autosurgeon(missing = "String::new")]
    #[serde(default)]
    pub proof: String,
    /// The device's static X25519 public key (hex) for receiving new network keys.
    #[autosurgeon(missing = "String::new")]
    #[serde(default)]
    pub exchange_key: String,
    /// The device key's Ed25519 signature (hex) over its exchange key.
    #[autosurgeon(missing = "String::new")]
    #[serde(default)]
    pub exchange_proof: String,
    /// Set when a member removed this device from the network.
    #[autosurgeon(missing = "Option::default")]
    #[serde(default)]
    pub revoked: Option<Revocation>,
    /// The coordinator who works on this laptop, as the audit trail names
    /// them (set at init or join); empty if never given.
    #[autosurgeon(missing = "String::new")]
    #[serde(default)]
    pub coordinator: String,
}

/// A signed removal: bundles of the device after `last_seq` are refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Revocation {
    pub by: String,
    pub on: Day,
    pub last_seq: u64,
    /// The network key epoch that began with this removal.
    #[autosurgeon(missing = "u32::default")]
    #[serde(default)]
    pub epoch: u32,
    /// The remover's Ed25519 signature (hex) over the network, device, `last_seq` and epoch.
    #[autosurgeon(missing = "String::new")]
    #[serde(default)]
    pub signature: String,
}

/// A network key epoch: who made it and its key wrapped for each remaining device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct EpochEntry {
    pub by: String,
    /// Device id to its wrapped key (hex), see `sanctuary_sync::epoch`.
    pub wraps: BTreeMap<String, String>,
}

/// An invite a member made: a joining device proves it holds the code by
/// signing its registration with the invite's key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct InviteEntry {
    pub public_key: String,
    pub created_by: String,
    /// Unix seconds after which the invite is refused.
    pub expires: i64,
}
