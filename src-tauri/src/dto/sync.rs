//! Sync as the Sync screen shows it: other laptops, what an export or an
//! import did, and conflicts to settle. (Automatic sync's status is the
//! core's `AutoSyncStatus`.)

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
    // Bundle numbers are microseconds of the clock (below 2^53: exact in JS).
    #[ts(type = "number")]
    pub bundles_applied: u64,
    #[ts(type = "number")]
    pub acknowledged: u64,
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
            bundles_applied: p.bundles_applied,
            acknowledged: p.acknowledged,
            unacknowledged_changes: small(p.unacknowledged_changes),
            unacknowledged_documents: small(p.unacknowledged_documents),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SyncView {
    /// This laptop's device id.
    pub device: String,
    /// Whether this laptop is a device of the network (a laptop restored
    /// from a backup is not until it joins again).
    pub member: bool,
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
    #[ts(type = "number")]
    pub seq: u64,
    pub changed: u32,
    pub duplicate: bool,
    pub gap: bool,
    pub fork: bool,
}

impl From<sanctuary_core::ImportReport> for ImportResult {
    fn from(r: sanctuary_core::ImportReport) -> Self {
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

#[derive(Debug, Clone, Serialize, TS)]
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
#[derive(Debug, Clone, Serialize, TS)]
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
    fn new(v: sanctuary_core::ConflictValue, differing: &[String]) -> Self {
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
#[derive(Debug, Clone, Serialize, TS)]
pub struct InviteInfo {
    pub path: String,
    pub code: String,
    /// Unix seconds when the invite stops working.
    #[ts(type = "number")]
    pub expires: i64,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn value(v: serde_json::Value, device: &str) -> sanctuary_core::ConflictValue {
        sanctuary_core::ConflictValue {
            value: v,
            device: device.into(),
            device_name: None,
        }
    }

    /// Two versions of a training record show only the fields they differ in.
    #[test]
    fn a_record_conflict_shows_the_fields_that_differ() {
        let conflict = sanctuary_core::Conflict {
            document: "a1".into(),
            kind: "ambassador".into(),
            name: "Zahra".into(),
            field: "training.t1".into(),
            winner: value(
                json!({"id": "t1", "confidence_after": 4, "reflection": null}),
                "d1",
            ),
            others: vec![value(
                json!({"id": "t1", "confidence_after": null, "reflection": "I spoke first"}),
                "d2",
            )],
        };
        let shown = Conflict::from(conflict);
        let names: Vec<&str> = shown
            .winner
            .fields
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(names, ["confidence_after", "reflection"]);
        assert_eq!(shown.winner.value, "confidence_after: 4; reflection: ");
        assert_eq!(shown.others[0].fields[1].value, "I spoke first");
    }

    #[test]
    fn a_plain_conflict_shows_its_value() {
        let conflict = sanctuary_core::Conflict {
            document: "a1".into(),
            kind: "ambassador".into(),
            name: "Zahra".into(),
            field: "profile.availability.travel_km".into(),
            winner: value(json!(10), "d1"),
            others: vec![value(json!("ten"), "d2")],
        };
        let shown = Conflict::from(conflict);
        assert_eq!(shown.winner.value, "10");
        assert_eq!(shown.others[0].value, "ten");
        assert!(shown.winner.fields.is_empty());
    }
}
