//! Sync as the Sync screen shows it: other laptops, what an export or an
//! import did, an invite to hand over, and conflicts to settle, each value
//! in words a coordinator reads rather than JSON. (Automatic sync's status
//! is the core's own `AutoSyncStatus`.)
//!
//! The CLI's `--json` keeps the core's full records (`PeerStatus` with the
//! bundles still missing, a conflict's values as JSON); its table shows a
//! conflict's values through [`Conflict`] here, as the app does.

use std::path::Path;

use serde::Serialize;

use crate::error::Result;
use crate::sanctuary::Sanctuary;

/// Counts as numbers the webview can hold (they never come near 2^32).
fn small(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Another laptop of the network, as the Sync screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PeerStatus {
    pub device: String,
    pub name: String,
    pub revoked: bool,
    /// Unix seconds when a bundle of its was last imported here.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub last_heard: Option<i64>,
    // Bundle numbers are microseconds of the clock (below 2^53: exact in JS).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bundles_applied: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub acknowledged: u64,
    pub unacknowledged_changes: u32,
    pub unacknowledged_documents: u32,
}

impl From<crate::PeerStatus> for PeerStatus {
    fn from(p: crate::PeerStatus) -> Self {
        PeerStatus {
            device: p.device,
            name: p.name,
            revoked: p.revoked,
            last_heard: p.last_heard,
            bundles_applied: p.bundles_applied,
            acknowledged: p.acknowledged,
            unacknowledged_changes: small(p.unacknowledged_changes),
            unacknowledged_documents: small(p.unacknowledged_documents),
        }
    }
}

/// The Sync screen: this laptop, the others, and the conflicts to settle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SyncView {
    /// This laptop's device id.
    pub device: String,
    /// Whether this laptop is a device of the network (a laptop restored
    /// from a backup is not until it joins again).
    pub member: bool,
    pub peers: Vec<PeerStatus>,
    pub conflicts: Vec<Conflict>,
}

/// The Sync screen for `s` (reading conflicts may drop settled ones from
/// their record, hence `&mut`).
pub fn sync_view(s: &mut Sanctuary) -> Result<SyncView> {
    Ok(SyncView {
        device: s.device_id(),
        member: s.is_member(),
        peers: s.sync_status()?.into_iter().map(Into::into).collect(),
        conflicts: conflicts(s)?,
    })
}

/// Every conflict, each value as people read it.
pub fn conflicts(s: &mut Sanctuary) -> Result<Vec<Conflict>> {
    Ok(s.conflicts()?.into_iter().map(Into::into).collect())
}

/// A bundle written to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportResult {
    pub path: String,
    pub bytes: u32,
}

impl ExportResult {
    pub fn new(path: &Path, bytes: usize) -> ExportResult {
        ExportResult {
            path: path.display().to_string(),
            bytes: small(bytes as u64),
        }
    }
}

/// What importing a bundle did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportResult {
    pub sender: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seq: u64,
    pub changed: u32,
    pub duplicate: bool,
    pub gap: bool,
    pub fork: bool,
}

impl From<crate::ImportReport> for ImportResult {
    fn from(r: crate::ImportReport) -> Self {
        ImportResult {
            sender: r.sender,
            seq: r.seq,
            changed: small(r.changed as u64),
            duplicate: r.duplicate,
            gap: r.gap,
            fork: r.fork,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConflictValue {
    /// The value as people read it: text as it is, anything else as JSON;
    /// for a whole record, the fields in which the versions differ.
    pub value: String,
    /// For a whole record (a training record, say): the fields in which
    /// the versions differ, by their document name; empty for a plain field.
    pub fields: Vec<ConflictField>,
    pub device: String,
    pub device_name: Option<String>,
}

/// One field of a record version in a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConflictField {
    pub name: String,
    pub value: String,
}

/// Text as it is, anything else as JSON, nothing as an empty string.
fn readable(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl ConflictValue {
    /// `v`, showing only the `differing` fields if it is a whole record.
    fn new(v: crate::ConflictValue, differing: &[String]) -> Self {
        let fields: Vec<ConflictField> = match &v.value {
            serde_json::Value::Object(record) => differing
                .iter()
                .map(|name| ConflictField {
                    name: name.clone(),
                    value: record.get(name).map(readable).unwrap_or_default(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let value = if fields.is_empty() {
            readable(&v.value)
        } else {
            fields
                .iter()
                .map(|f| format!("{}: {}", f.name, f.value))
                .collect::<Vec<_>>()
                .join("; ")
        };
        ConflictValue {
            value,
            fields,
            device: v.device,
            device_name: v.device_name,
        }
    }

    /// The laptop that wrote it: its name if known, else its id.
    pub fn by(&self) -> &str {
        self.device_name.as_deref().unwrap_or(&self.device)
    }
}

/// A field two laptops changed at once: the value shown now, and the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Conflict {
    pub document: String,
    pub kind: String,
    pub name: String,
    pub field: String,
    pub winner: ConflictValue,
    pub others: Vec<ConflictValue>,
}

impl From<crate::Conflict> for Conflict {
    fn from(c: crate::Conflict) -> Self {
        let differing = c.differing_fields();
        Conflict {
            document: c.document,
            kind: c.kind,
            name: c.name,
            field: c.field,
            winner: ConflictValue::new(c.winner, &differing),
            others: c
                .others
                .into_iter()
                .map(|o| ConflictValue::new(o, &differing))
                .collect(),
        }
    }
}

/// An invite for a new laptop: the file was written to `path`; the code is
/// shown once, to be given separately (by phone, in person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InviteInfo {
    pub path: String,
    pub code: String,
    /// Unix seconds when the invite stops working.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub expires: i64,
}

impl InviteInfo {
    /// `invite`, whose file was written to `path` (its bytes stay out of
    /// the view: they are the file).
    pub fn new(path: &Path, invite: crate::Invite) -> InviteInfo {
        InviteInfo {
            path: path.display().to_string(),
            code: invite.code,
            expires: invite.expires,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn value(v: serde_json::Value, device: &str) -> crate::ConflictValue {
        crate::ConflictValue {
            value: v,
            device: device.into(),
            device_name: None,
        }
    }

    fn conflict(field: &str, winner: serde_json::Value, other: serde_json::Value) -> Conflict {
        Conflict::from(crate::Conflict {
            document: "a1".into(),
            kind: "ambassador".into(),
            name: "Zahra".into(),
            field: field.into(),
            winner: value(winner, "d1"),
            others: vec![value(other, "d2")],
        })
    }

    /// Two versions of a training record show only the fields they differ in.
    #[test]
    fn a_record_conflict_shows_the_fields_that_differ() {
        let shown = conflict(
            "training.t1",
            json!({"id": "t1", "confidence_after": 4, "reflection": null}),
            json!({"id": "t1", "confidence_after": null, "reflection": "I spoke first"}),
        );
        let names: Vec<&str> = shown
            .winner
            .fields
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(names, ["confidence_after", "reflection"]);
        assert_eq!(shown.winner.value, "confidence_after: 4; reflection: ");
        assert_eq!(shown.others[0].fields[1].value, "I spoke first");
        assert_eq!(shown.others[0].by(), "d2");
    }

    #[test]
    fn a_plain_conflict_shows_its_value() {
        let shown = conflict("profile.availability.travel_km", json!(10), json!("ten"));
        assert_eq!(shown.winner.value, "10");
        assert_eq!(shown.others[0].value, "ten");
        assert!(shown.winner.fields.is_empty());
    }

    #[test]
    fn counts_fit_the_webview() {
        let peer = PeerStatus::from(crate::PeerStatus {
            device: "d2".into(),
            name: "second laptop".into(),
            revoked: false,
            last_heard: None,
            up_to_date: false,
            missing: vec![7],
            bundles_applied: 3,
            acknowledged: 2,
            unacknowledged_changes: u64::MAX,
            unacknowledged_documents: 4,
        });
        assert_eq!(
            (peer.unacknowledged_changes, peer.unacknowledged_documents),
            (u32::MAX, 4)
        );
        let json = serde_json::to_value(&peer).unwrap();
        assert!(json.get("missing").is_none() && json.get("up_to_date").is_none());
    }
}
