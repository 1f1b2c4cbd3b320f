//! Conflicts: fields that two laptops changed concurrently.
//!
//! Automerge keeps every concurrent value of a field and picks one winner
//! the same way on every laptop; the read model shows that winner. A
//! conflict lists the winner and the others so a coordinator can choose, and
//! resolving writes the chosen value as a new change, which supersedes all
//! of them everywhere once it has synced.
//!
//! **What is recorded and why.** Only the *ids* of documents found to hold a
//! conflict after an import are recorded (encrypted `sync.conflicts` meta);
//! the details are derived from those documents when asked. Deriving
//! everything on demand would load every Automerge document of the network
//! (seconds on thousands of people), and recording the details would go
//! stale as soon as a local edit or a later merge settles a field. A listed
//! document that no longer holds a conflict is dropped from the record.

use std::collections::BTreeSet;

use automerge::{AutoCommit, ObjId, ObjType, Prop, ROOT, ReadDoc, ScalarValue, ValueRef};
use serde::{Deserialize, Serialize};

use crate::documents::{Kind, encode_snapshot};
use crate::error::{CoreError, Result};
use crate::model::Thing;
use crate::model::packed::PACKED_MAPS;
use crate::model::{AmbassadorDoc, Catalog, NetworkDoc, ProjectDoc};
use crate::sanctuary::{NETWORK_DOC, Sanctuary};

const CONFLICTS_META: &str = "sync.conflicts";

/// One value of a conflicted field and the laptop that wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictValue {
    /// The value as JSON: text, number, true/false or null; for a record
    /// kept whole (a training record, say), an object of its fields.
    pub value: serde_json::Value,
    /// The id of the device that wrote it.
    pub device: String,
    /// That device's name, if it is in the network document.
    pub device_name: Option<String>,
}

/// A field with several concurrent values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The document id (an ambassador's or project's id, `catalog` or `network`).
    pub document: String,
    /// `ambassador`, `project`, `catalog` or `network`.
    pub kind: String,
    /// Who or what the document is about: the person's display name, the project's title.
    pub name: String,
    /// The field's path inside the document, e.g. `profile.notes` or `training.<id>.trainer`.
    pub field: String,
    /// The value every laptop shows now (Automerge's deterministic choice).
    pub winner: ConflictValue,
    /// The concurrent values that lost.
    pub others: Vec<ConflictValue>,
}

impl Conflict {
    /// For a whole record, the fields in which its versions differ, in name
    /// order (a field one version lacks differs); empty for a plain field.
    pub fn differing_fields(&self) -> Vec<String> {
        let records: Vec<&serde_json::Map<String, serde_json::Value>> =
            std::iter::once(&self.winner)
                .chain(&self.others)
                .filter_map(|v| v.value.as_object())
                .collect();
        let names: BTreeSet<&String> = records.iter().flat_map(|r| r.keys()).collect();
        names
            .into_iter()
            .filter(|name| {
                let mut values = records.iter().map(|r| r.get(*name));
                let first = values.next().flatten();
                values.any(|v| v != first)
            })
            .cloned()
            .collect()
    }
}

/// Where a conflicted field lives, for writing the resolution.
struct Site {
    obj: ObjId,
    prop: Prop,
    field: String,
    /// Whether the field is a whole record (its values are JSON objects as text).
    whole_record: bool,
    /// Winner first, then the others, each with its writer's actor id.
    values: Vec<(ScalarValue, String)>,
}

/// Every conflicted scalar field of a document. Walking uses the `conflict`
/// flag of `map_range`/`list_range`, so a document without conflicts costs
/// one pass over its keys.
fn scan(doc: &AutoCommit) -> Vec<Site> {
    let mut out = Vec::new();
    walk(doc, ROOT, &mut Vec::new(), &mut out);
    out
}

fn walk(doc: &AutoCommit, obj: ObjId, path: &mut Vec<String>, out: &mut Vec<Site>) {
    let entries: Vec<(Prop, bool, Option<ObjId>)> = match doc.object_type(&obj) {
        Ok(ObjType::Map | ObjType::Table) => doc
            .map_range(&obj, ..)
            .map(|item| {
                let child = matches!(item.value, ValueRef::Object(_)).then(|| item.id());
                (Prop::Map(item.key.into_owned()), item.conflict, child)
            })
            .collect(),
        Ok(ObjType::List) => doc
            .list_range(&obj, ..)
            .map(|item| {
                let child = matches!(item.value, ValueRef::Object(_)).then(|| item.id());
                (Prop::Seq(item.index), item.conflict, child)
            })
            .collect(),
        // Text is edited character by character and merges without conflicts.
        Ok(ObjType::Text) | Err(_) => return,
    };
    for (prop, conflict, child) in entries {
        path.push(match &prop {
            Prop::Map(key) => key.clone(),
            Prop::Seq(i) => i.to_string(),
        });
        if conflict && let Some(site) = site(doc, &obj, &prop, path) {
            out.push(site);
        }
        if let Some(child) = child {
            walk(doc, child, path, out);
        }
        path.pop();
    }
}

/// The conflict at one field, if its concurrent values are scalars that differ
/// (two laptops adding the same tag both write `true`: nothing to choose).
fn site(doc: &AutoCommit, obj: &ObjId, prop: &Prop, path: &[String]) -> Option<Site> {
    let winner = doc.get(obj, prop.clone()).ok()??.1;
    let all = doc.get_all(obj, prop.clone()).ok()?;
    let mut values: Vec<(ScalarValue, String)> = Vec::new();
    for (value, id) in &all {
        let Some(scalar) = value.as_scalar() else {
            continue;
        };
        let actor = match id {
            ObjId::Id(_, actor, _) => actor.to_hex_string(),
            ObjId::Root => String::new(),
        };
        let entry = (scalar.clone(), actor);
        if *id == winner {
            values.insert(0, entry);
        } else {
            values.push(entry);
        }
    }
    let distinct: Vec<&ScalarValue> =
        values
            .iter()
            .map(|(v, _)| v)
            .fold(Vec::new(), |mut acc, v| {
                if !acc.contains(&v) {
                    acc.push(v);
                }
                acc
            });
    if distinct.len() < 2 || !all.iter().any(|(_, id)| *id == winner) {
        return None;
    }
    Some(Site {
        obj: obj.clone(),
        prop: prop.clone(),
        field: path.join("."),
        whole_record: matches!(path, [map, _] if PACKED_MAPS.contains(&map.as_str())),
        values,
    })
}

fn to_json(value: &ScalarValue, whole_record: bool) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        ScalarValue::Str(s) if whole_record => match serde_json::from_str(s) {
            Ok(J::Object(fields)) => J::Object(fields),
            _ => J::String(s.to_string()),
        },
        ScalarValue::Str(s) => J::String(s.to_string()),
        ScalarValue::Int(n) | ScalarValue::Timestamp(n) => J::from(*n),
        ScalarValue::Uint(n) => J::from(*n),
        ScalarValue::F64(f) => J::from(*f),
        ScalarValue::Counter(c) => J::from(i64::from(c)),
        ScalarValue::Boolean(b) => J::Bool(*b),
        ScalarValue::Null => J::Null,
        ScalarValue::Bytes(b) | ScalarValue::Unknown { bytes: b, .. } => {
            J::String(sanctuary_sync::keys::hex(b))
        }
    }
}

/// How many conflicted fields a document has (the fuzz targets' scan).
pub(super) fn scan_for_fuzzing(doc: &AutoCommit) -> usize {
    scan(doc).len()
}

/// Whether a freshly merged document holds any conflict (called on import).
pub(super) fn has_conflicts(doc: &AutoCommit) -> bool {
    !scan(doc).is_empty()
}

impl Sanctuary {
    fn conflicted_documents(&self) -> Result<BTreeSet<String>> {
        match self.store.get_meta(CONFLICTS_META)? {
            Some(bytes) => postcard::from_bytes(&bytes)
                .map_err(|e| CoreError::Internal(format!("reading the conflict list: {e}"))),
            None => Ok(BTreeSet::new()),
        }
    }

    fn put_conflicted_documents(&mut self, ids: &BTreeSet<String>) -> Result<()> {
        let bytes = postcard::to_stdvec(ids)
            .map_err(|e| CoreError::Internal(format!("encoding the conflict list: {e}")))?;
        self.store.put_meta(CONFLICTS_META, &bytes)?;
        Ok(())
    }

    /// Adds documents found with conflicts by an import (after its commit).
    pub(super) fn note_conflicts(&mut self, ids: impl IntoIterator<Item = String>) -> Result<()> {
        let mut known = self.conflicted_documents()?;
        let before = known.len();
        known.extend(ids);
        if known.len() != before {
            self.put_conflicted_documents(&known)?;
        }
        Ok(())
    }

    fn describe(&self, id: &str) -> (Kind, String) {
        if let Some(a) = self.ambassadors.get(id) {
            (Kind::Ambassador, a.profile.display_name.clone())
        } else if let Some(p) = self.projects.get(id) {
            (Kind::Project, p.project.title.clone())
        } else if id == NETWORK_DOC {
            (Kind::Network, self.network.name.clone())
        } else {
            (Kind::Catalog, "catalog".into())
        }
    }

    fn conflict_value(
        &self,
        (value, actor): &(ScalarValue, String),
        whole_record: bool,
    ) -> ConflictValue {
        ConflictValue {
            value: to_json(value, whole_record),
            device: actor.clone(),
            device_name: self.network.devices.get(actor).map(|d| d.name.clone()),
        }
    }

    /// Every field with concurrent values, in the documents imports flagged.
    /// Documents whose conflicts have since been settled are forgotten.
    pub fn conflicts(&mut self) -> Result<Vec<Conflict>> {
        let ids = self.conflicted_documents()?;
        let mut still = BTreeSet::new();
        let mut out = Vec::new();
        for id in &ids {
            let known = self.ambassadors.contains_key(id)
                || self.projects.contains_key(id)
                || id == NETWORK_DOC
                || id == crate::sanctuary::CATALOG_DOC;
            if !known {
                continue; // Erased since.
            }
            let sites = scan(&self.live_doc(id)?.doc);
            if sites.is_empty() {
                continue;
            }
            still.insert(id.clone());
            let (kind, name) = self.describe(id);
            for site in sites {
                out.push(Conflict {
                    document: id.clone(),
                    kind: kind_name(kind).into(),
                    name: name.clone(),
                    field: site.field,
                    winner: self.conflict_value(&site.values[0], site.whole_record),
                    others: site.values[1..]
                        .iter()
                        .map(|v| self.conflict_value(v, site.whole_record))
                        .collect(),
                });
            }
        }
        if still != ids {
            self.put_conflicted_documents(&still)?;
        }
        Ok(out)
    }

    /// Settles a conflict by writing one of its values again as a new change
    /// (`keep`: 0 is the current winner, 1.. the others in listed order).
    /// `document` is the document id or a unique prefix of it.
    pub fn resolve_conflict(&mut self, document: &str, field: &str, keep: usize) -> Result<()> {
        let not_found = || CoreError::NotFound {
            what: Thing::Conflict,
            key: format!("{document} {field}"),
        };
        let ids = self.conflicted_documents()?;
        let matching: Vec<&String> = ids
            .iter()
            .filter(|id| {
                id.as_str() == document || (document.len() >= 4 && id.starts_with(document))
            })
            .collect();
        let id = match matching.as_slice() {
            [one] => (*one).clone(),
            [] => return Err(not_found()),
            many => {
                return Err(CoreError::Ambiguous {
                    what: Thing::Conflict,
                    key: document.to_string(),
                    matches: many.iter().map(|s| s.to_string()).collect(),
                });
            }
        };
        let site = scan(&self.live_doc(&id)?.doc)
            .into_iter()
            .find(|s| s.field == field)
            .ok_or_else(not_found)?;
        let (value, _) = site.values.get(keep).cloned().ok_or_else(|| {
            let last = site.values.len().saturating_sub(1);
            CoreError::Invalid(crate::model::validate::out_of_range(
                crate::model::Field::Keep,
                0,
                i64::try_from(last).unwrap_or(i64::MAX),
                format!("choose a value from 0 to {last}"),
            ))
        })?;
        let (kind, _) = self.describe(&id);
        let result = self.write_resolution(&id, kind, &site, value);
        if result.is_err() {
            self.live.remove(&id);
        }
        result
    }

    fn write_resolution(
        &mut self,
        id: &str,
        kind: Kind,
        site: &Site,
        value: ScalarValue,
    ) -> Result<()> {
        use automerge::transaction::Transactable;
        let live = self.live_doc(id)?;
        let write = crate::sanctuary::prepare_write(
            live,
            id,
            kind,
            "resolve conflict",
            Vec::new(),
            |doc| {
                doc.put(&site.obj, site.prop.clone(), value)
                    .map(|_| ())
                    .map_err(|e| CoreError::Internal(format!("writing the chosen value: {e}")))
            },
        )?;
        let Some(mut write) = write else {
            return Ok(());
        };
        let doc = &self.live_doc(id)?.doc;
        let hydrated = |e: autosurgeon::HydrateError| CoreError::Damaged {
            doc: id.to_string(),
            detail: e.to_string(),
        };
        match kind {
            Kind::Ambassador => {
                let value: AmbassadorDoc = autosurgeon::hydrate(doc).map_err(hydrated)?;
                write.snapshot = encode_snapshot(&value)?;
                self.store.write(vec![write])?;
                self.ambassadors.insert(id.to_string(), value);
            }
            Kind::Project => {
                let value: ProjectDoc = autosurgeon::hydrate(doc).map_err(hydrated)?;
                write.snapshot = encode_snapshot(&value)?;
                self.store.write(vec![write])?;
                self.projects.insert(id.to_string(), value);
            }
            Kind::Catalog => {
                let value: Catalog = autosurgeon::hydrate(doc).map_err(hydrated)?;
                write.snapshot = encode_snapshot(&value)?;
                self.store.write(vec![write])?;
                self.catalog = value;
            }
            Kind::Network => {
                let value: NetworkDoc = autosurgeon::hydrate(doc).map_err(hydrated)?;
                write.snapshot = encode_snapshot(&value)?;
                self.store.write(vec![write])?;
                self.network = value;
            }
        }
        Ok(())
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Ambassador => "ambassador",
        Kind::Project => "project",
        Kind::Catalog => "catalog",
        Kind::Network => "network",
    }
}
