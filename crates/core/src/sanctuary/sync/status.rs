//! `sync status`: for each other device of the network, whether it is up
//! to date, when this laptop last heard from it, how much of this laptop's
//! work it has not acknowledged yet, and what of its work is missing here.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::sanctuary::Sanctuary;

/// What one peer device has of ours, and when we last heard from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerStatus {
    pub device: String,
    pub name: String,
    /// Removed from the network: it is no longer sent anything.
    pub revoked: bool,
    /// Unix seconds when a bundle of its was last imported here; `None` if never.
    pub last_heard: Option<i64>,
    /// It has everything of this laptop's, and nothing of its is missing here.
    pub up_to_date: bool,
    /// Its bundles that build on changes of its this laptop has not received
    /// (asked for again; they go when the answer arrives).
    pub missing: Vec<u64>,
    /// The newest of its bundles applied here with everything before it.
    pub bundles_applied: u64,
    /// The highest of this laptop's bundles it has acknowledged (0: none yet).
    pub acknowledged: u64,
    /// Stored writes (local edits and merges) above what it acknowledged. An
    /// upper bound: it may already have some of them from a third laptop.
    pub unacknowledged_changes: u64,
    /// Documents those writes touch.
    pub unacknowledged_documents: u64,
}

impl Sanctuary {
    /// Every other device of the network, by name.
    pub fn sync_status(&self) -> Result<Vec<PeerStatus>> {
        let progress = self.sync_progress()?;
        let documents = self.store.documents()?;
        let me = self.device_id();
        let mut out = Vec::new();
        for (id, device) in &self.network.devices {
            if *id == me {
                continue;
            }
            let peer = progress.peers.get(id);
            let base = progress.base_for(id);
            let mark = self.mark(base)?;
            let (mut changes, mut docs) = (0, 0);
            for info in &documents {
                let since = if base == 0 {
                    0
                } else {
                    mark.get(&info.id).copied().unwrap_or(0)
                };
                if info.last_seq > since {
                    changes += info.last_seq - since.max(info.first_seq.saturating_sub(1));
                    docs += 1;
                }
            }
            let missing: Vec<u64> = peer.map_or(Vec::new(), |p| p.gaps.iter().copied().collect());
            out.push(PeerStatus {
                device: id.clone(),
                name: device.name.clone(),
                revoked: device.revoked.is_some(),
                up_to_date: docs == 0 && missing.is_empty(),
                missing,
                last_heard: peer.map(|p| p.last_heard).filter(|t| *t > 0),
                bundles_applied: peer.map_or(0, |p| p.complete),
                acknowledged: peer.map_or(0, |p| p.acked),
                unacknowledged_changes: changes,
                unacknowledged_documents: docs,
            });
        }
        out.sort_by(|a, b| (&a.name, &a.device).cmp(&(&b.name, &b.device)));
        Ok(out)
    }
}
