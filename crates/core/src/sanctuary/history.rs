//! The audit trail of a person's record, read from the Automerge history of
//! their document: every change with the device that made it (each device
//! writes as its own Automerge actor), the coordinator named for that
//! device, the time the device's clock gave, and the fields it changed.
//!
//! Nothing is logged separately: the history is the document's own change
//! graph, so it cannot drift from the data, and it travels and merges with
//! the document. Its limits: times come from each laptop's clock, and a
//! coordinator name is what that laptop was set up with.

use automerge::{Patch, PatchAction, Prop};
use serde::{Deserialize, Serialize};

use super::Sanctuary;
use crate::error::Result;

/// One change to a person's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HistoryEntry {
    /// Unix seconds, from the clock of the laptop that made the change.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub time: i64,
    /// The device's id (its Automerge actor id in hex).
    pub device: String,
    /// The device's name, if it is (or was) a member of the network.
    pub device_name: Option<String>,
    /// The coordinator set up on that device, if one was named.
    pub coordinator: Option<String>,
    /// What the app called the change ("profile", "consents", "invitation" ...).
    pub action: String,
    /// The fields changed, as paths (`profile.email`, `consents.<record id>`).
    pub fields: Vec<String>,
}

/// The field path a patch touched, down to two levels (`profile.email`,
/// `training.<id>`): deep enough to say what changed, never the value.
fn field_of(patch: &Patch) -> Option<String> {
    let mut parts: Vec<String> = patch
        .path
        .iter()
        .map(|(_, prop)| match prop {
            Prop::Map(key) => key.to_string(),
            Prop::Seq(i) => i.to_string(),
        })
        .collect();
    match &patch.action {
        PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => parts.push(key.clone()),
        PatchAction::Conflict { prop } => parts.push(match prop {
            Prop::Map(key) => key.to_string(),
            Prop::Seq(i) => i.to_string(),
        }),
        _ => {}
    }
    parts.truncate(2);
    (!parts.is_empty()).then(|| parts.join("."))
}

impl Sanctuary {
    /// Who changed a person's record (id, id prefix or name), when and
    /// which fields, oldest first.
    pub fn person_history(&mut self, key: &str) -> Result<Vec<HistoryEntry>> {
        let id = self.ambassador(key)?.id().to_string();
        let devices = self.network.devices.clone();
        let doc = &mut self.live_doc(&id)?.doc;
        let changes = doc.get_changes(&[]);
        let mut out = Vec::with_capacity(changes.len());
        for change in changes {
            let patches = doc.diff(change.deps(), &[change.hash()]);
            let mut fields: Vec<String> = patches.iter().filter_map(field_of).collect();
            fields.sort();
            fields.dedup();
            let device = change.actor_id().to_hex_string();
            let known = devices.get(&device);
            out.push(HistoryEntry {
                time: change.timestamp(),
                device_name: known.map(|d| d.name.clone()),
                coordinator: known
                    .map(|d| d.coordinator.clone())
                    .filter(|c| !c.is_empty()),
                device,
                action: change.message().unwrap_or("change").to_string(),
                fields,
            });
        }
        // Causal order from Automerge; within it, by time (the order a
        // reader expects when laptops were offline at once).
        out.sort_by_key(|e| e.time);
        Ok(out)
    }

    /// Names the coordinator who works on this laptop, for the audit trail
    /// of every laptop in the network.
    pub fn set_coordinator_name(&mut self, name: &str) -> Result<()> {
        let name = name.trim().to_string();
        crate::model::validate::check_text(crate::model::Field::CoordinatorName, &name, 120)?;
        let me = self.device_id();
        let mut network = self.network.clone();
        let Some(device) = network.devices.get_mut(&me) else {
            return Err(crate::error::CoreError::Internal(
                "this laptop is not in its network".into(),
            ));
        };
        device.coordinator = name;
        let device = device.clone();
        self.commit(
            super::NETWORK_DOC,
            crate::documents::Kind::Network,
            "coordinator name",
            &network,
            |doc| {
                let devices = crate::documents::root_map(doc, "devices")?;
                autosurgeon::reconcile_prop(doc, devices, me.as_str(), &device)
                    .map_err(super::ambassadors::internal)
            },
        )?;
        self.network = network;
        Ok(())
    }
}
