//! The network document: its name and the devices that belong to it. Sync
//! builds on this (device keys, membership, erasure tombstones).

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::values::Day;

pub const NETWORK_SCHEMA: u64 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct NetworkDoc {
    pub schema: u64,
    pub id: String,
    pub name: String,
    pub created: Day,
    /// Devices keyed by their id (the hex Automerge actor id of the device).
    pub devices: BTreeMap<String, Device>,
}

/// A laptop that belongs to the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Device {
    pub name: String,
    pub added: Day,
}
