//! Sync as the Sync screen shows it: other laptops, what an export, an
//! import or a pass over a shared folder did, and conflicts to settle.

use serde::Serialize;
use ts_rs::TS;

/// Counts as numbers the webview can hold (they never come near 2^32).
fn small(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PeerStatus {
    pub device: String,
    pub name: String,
    pub revoked: bool,
    /// Unix seconds when a bundle of its was last imported here.
    #[ts(type = "number | null")]
    pub last_heard: Option<i64>,
    pub bundles_applied: u32,
    pub acknowledged: u32,
    pub unacknowledged_changes: u32,
    pub unacknowledged_documents: u32,
}

impl From<sanctuary_core::PeerStatus> for PeerStatus {
    fn from(p: sanctuary_core::PeerStatus) -> Self {
        PeerStatus {
            device: p.device,
            name: p.name,
            revoked: p.revoked,
            last_heard: p.last_heard,
            bundles_applied: small(p.bundles_applied),
            acknowledged: small(p.acknowledged),
            unacknowledged_changes: small(p.unacknowledged_changes),
            unacknowledged_documents: small(p.unacknowledged_documents),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SyncView {
    /// This laptop's device id.
    pub device: String,
    pub peers: Vec<PeerStatus>,
    pub conflicts: Vec<Conflict>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportResult {
    pub path: String,
    pub bytes: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportResult {
    pub sender: String,
    pub seq: u32,
    pub changed: u32,
    pub duplicate: bool,
    pub gap: bool,
    pub fork: bool,
}

impl From<sanctuary_core::ImportReport> for ImportResult {
    fn from(r: sanctuary_core::ImportReport) -> Self {
        ImportResult {
            sender: r.sender,
            seq: small(r.seq),
            changed: small(r.changed as u64),
            duplicate: r.duplicate,
            gap: r.gap,
            fork: r.fork,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FolderResult {
    pub imported: u32,
    pub changed: u32,
    pub skipped: u32,
    pub problems: Vec<String>,
    /// The number of the bundle this laptop added, if it had anything new.
    pub written: Option<u32>,
}

impl From<sanctuary_core::FolderReport> for FolderResult {
    fn from(r: sanctuary_core::FolderReport) -> Self {
        FolderResult {
            imported: small(r.imported as u64),
            changed: small(r.changed as u64),
            skipped: small(r.skipped as u64),
            problems: r.problems,
            written: r.written.map(small),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ConflictValue {
    /// The value as people read it: text as it is, anything else as JSON.
    pub value: String,
    pub device: String,
    pub device_name: Option<String>,
}

impl From<sanctuary_core::ConflictValue> for ConflictValue {
    fn from(v: sanctuary_core::ConflictValue) -> Self {
        ConflictValue {
            value: match v.value {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            },
            device: v.device,
            device_name: v.device_name,
        }
    }
}

/// A field two laptops changed at once: the value shown now, and the others.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Conflict {
    pub document: String,
    pub kind: String,
    pub name: String,
    pub field: String,
    pub winner: ConflictValue,
    pub others: Vec<ConflictValue>,
}

impl From<sanctuary_core::Conflict> for Conflict {
    fn from(c: sanctuary_core::Conflict) -> Self {
        Conflict {
            document: c.document,
            kind: c.kind,
            name: c.name,
            field: c.field,
            winner: c.winner.into(),
            others: c.others.into_iter().map(Into::into).collect(),
        }
    }
}

/// An invite for a new laptop: the file was written to `path`; the code is
/// shown once, to be given separately (by phone, in person).
#[derive(Debug, Clone, Serialize, TS)]
pub struct InviteInfo {
    pub path: String,
    pub code: String,
    /// Unix seconds when the invite stops working.
    #[ts(type = "number")]
    pub expires: i64,
}
