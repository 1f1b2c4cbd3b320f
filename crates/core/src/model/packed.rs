//! Records kept whole: each consent, training record, contribution and
//! recognition in an ambassador's document is one JSON text, not a map with
//! one Automerge value per field.
//!
//! **Why.** Automerge loads a document at about a microsecond per operation,
//! and loading the stored documents was most of an import's time. A record
//! written field by field is seven to ten operations; a demo person's 320
//! operations were 280 record fields. Kept whole, the same person is about
//! a hundred operations and loads in less than half the time (measured in
//! docs/benchmarks.md).
//!
//! **What it changes in a merge.** Records added, edited or removed on
//! different laptops merge as before, one record at a time, and so does the
//! profile, field by field. Two laptops editing *the same record* at once no
//! longer merge field by field: one whole version wins on every laptop and
//! the other is listed as a conflict to choose from. Records are written
//! once and seldom corrected, so this is rare, and nothing is lost.
//!
//! **Compatibility.** Records written field by field (before records were
//! kept whole) are still read, and are written whole the next time their
//! document changes. Fields this version does not know (written by a later
//! one) are kept when it rewrites a record.

use std::collections::BTreeMap;

use automerge::ValueRef;
use autosurgeon::reconcile::{MapReconciler, NoKey};
use autosurgeon::{Hydrate, HydrateError, Prop, ReadDoc, Reconcile, Reconciler};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The record maps of an ambassador document whose records are kept whole.
pub const PACKED_MAPS: [&str; 4] = ["consents", "training", "contributions", "recognition"];

/// Writes `records` into the map at the reconciler, one JSON text per
/// record. A record whose stored text already says the same is not written
/// again, so saving a document changes only the records that changed.
pub fn reconcile<T: Serialize, R: Reconciler>(
    records: &BTreeMap<String, T>,
    mut reconciler: R,
) -> Result<(), R::Error> {
    let mut map = reconciler.map()?;
    let stored: BTreeMap<String, Option<Map<String, Value>>> = map
        .entries()
        .map(|(id, value)| (id.into_owned(), stored_fields(&value)))
        .collect();
    for (id, record) in records {
        let mut fields = fields_of(record);
        let old = stored.get(id).and_then(Option::as_ref);
        if let Some(old) = old {
            for (name, value) in old {
                if !fields.contains_key(name) {
                    fields.insert(name.clone(), value.clone());
                }
            }
        }
        if old != Some(&fields) {
            map.put(id, Value::Object(fields).to_string())?;
        }
    }
    for id in stored.keys() {
        if !records.contains_key(id) {
            map.delete(id)?;
        }
    }
    Ok(())
}

/// A map of records to write as one part of a document
/// (`autosurgeon::reconcile_prop(doc, ROOT, "training", Records(&doc.training))`).
pub struct Records<'a, T>(pub &'a BTreeMap<String, T>);

impl<T: Serialize> Reconcile for Records<'_, T> {
    type Key<'a> = NoKey;
    fn reconcile<R: Reconciler>(&self, reconciler: R) -> Result<(), R::Error> {
        reconcile(self.0, reconciler)
    }
}

/// A new record to write at its id in a record map. (Rewriting a stored
/// record goes through [`reconcile`], which keeps fields this version does
/// not know.)
pub struct NewRecord<'a, T>(pub &'a T);

impl<T: Serialize> Reconcile for NewRecord<'_, T> {
    type Key<'a> = NoKey;
    fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
        reconciler.str(Value::Object(fields_of(self.0)).to_string())
    }
}

/// Reads a map of records, each kept whole or (written before) field by field.
pub fn hydrate<T: DeserializeOwned + Hydrate, D: ReadDoc>(
    doc: &D,
    obj: &automerge::ObjId,
    prop: Prop<'_>,
) -> Result<BTreeMap<String, T>, HydrateError> {
    let records: BTreeMap<String, Whole<T>> = Hydrate::hydrate(doc, obj, prop)?;
    Ok(records.into_iter().map(|(id, Whole(r))| (id, r)).collect())
}

/// Reads one record `id` of the record map `obj`.
pub fn hydrate_record<T: DeserializeOwned + Hydrate, D: ReadDoc>(
    doc: &D,
    obj: &automerge::ObjId,
    id: &str,
) -> Result<T, HydrateError> {
    Whole::<T>::hydrate(doc, obj, id.into()).map(|Whole(r)| r)
}

/// A record as the document holds it: JSON text, or a map of fields.
struct Whole<T>(T);

impl<T: DeserializeOwned + Hydrate> Hydrate for Whole<T> {
    fn hydrate_string(text: &str) -> Result<Self, HydrateError> {
        serde_json::from_str(text)
            .map(Whole)
            .map_err(|e| HydrateError::unexpected("a record", e.to_string()))
    }

    fn hydrate_map<D: ReadDoc>(doc: &D, obj: &automerge::ObjId) -> Result<Self, HydrateError> {
        T::hydrate_map(doc, obj).map(Whole)
    }
}

/// The fields of a record as JSON.
fn fields_of<T: Serialize>(record: &T) -> Map<String, Value> {
    match serde_json::to_value(record) {
        Ok(Value::Object(fields)) => fields,
        // Records are structs of text, numbers, dates and words: they always
        // serialise to a JSON object. Anything else is a bug in this crate.
        other => panic!("a record did not serialise to a JSON object: {other:?}"),
    }
}

/// The fields of a record stored whole; `None` for one stored field by
/// field (or not a record), which is then written whole.
fn stored_fields(value: &ValueRef<'_>) -> Option<Map<String, Value>> {
    match value {
        ValueRef::Scalar(automerge::ScalarValueRef::Str(text)) => {
            match serde_json::from_str(text) {
                Ok(Value::Object(fields)) => Some(fields),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use automerge::transaction::Transactable;
    use automerge::{ActorId, AutoCommit, ROOT, ReadDoc};
    use serde_json::Value;

    use super::{fields_of, hydrate_record};
    use crate::model::{Contribution, Day, Stream, TrainingRecord};

    #[derive(Debug, Clone, PartialEq, autosurgeon::Reconcile, autosurgeon::Hydrate)]
    struct Holder {
        #[autosurgeon(with = "super")]
        training: BTreeMap<String, TrainingRecord>,
    }

    fn day(s: &str) -> Day {
        s.parse().expect("a date")
    }

    fn record(id: &str, course: &str) -> TrainingRecord {
        TrainingRecord {
            id: id.into(),
            trainer: Some("Amina".into()),
            ..TrainingRecord::new(course, day("2025-03-01"))
        }
    }

    fn holder(records: &[TrainingRecord]) -> Holder {
        Holder {
            training: records.iter().map(|r| (r.id.clone(), r.clone())).collect(),
        }
    }

    fn save(doc: &mut AutoCommit, value: &Holder) {
        autosurgeon::reconcile(doc, value).expect("reconcile");
        doc.commit();
    }

    fn training_obj(doc: &AutoCommit) -> automerge::ObjId {
        doc.get(ROOT, "training")
            .expect("read")
            .expect("a training map")
            .1
    }

    #[test]
    fn a_record_is_one_value_and_reads_back_the_same() {
        let value = holder(&[record("t1", "safeguarding"), record("t2", "media")]);
        let mut doc = AutoCommit::new();
        save(&mut doc, &value);
        let obj = training_obj(&doc);
        let (stored, _) = doc.get(&obj, "t1").expect("read").expect("a record");
        assert!(stored.is_str(), "{stored:?}");
        let back: Holder = autosurgeon::hydrate(&doc).expect("hydrate");
        assert_eq!(back, value);
        let one: TrainingRecord = hydrate_record(&doc, &obj, "t2").expect("one record");
        assert_eq!(one, value.training["t2"]);
    }

    /// Saving what the document already says adds no change at all, and
    /// editing one record writes that record only.
    #[test]
    fn only_changed_records_are_written() {
        let mut value = holder(&[record("t1", "safeguarding"), record("t2", "media")]);
        let mut doc = AutoCommit::new();
        save(&mut doc, &value);
        let heads = doc.get_heads();
        save(&mut doc, &value);
        assert_eq!(doc.get_heads(), heads, "an unchanged save made a change");

        value.training.get_mut("t2").expect("t2").place = Some("Leeds".into());
        save(&mut doc, &value);
        let changes = doc.get_changes(&heads);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].len(), 1, "one record, one operation");

        value.training.remove("t1");
        save(&mut doc, &value);
        let back: Holder = autosurgeon::hydrate(&doc).expect("hydrate");
        assert_eq!(back, value);
    }

    /// A document written field by field (before records were kept whole)
    /// still reads, and its records are written whole when it is saved.
    #[test]
    fn records_written_field_by_field_still_read() {
        let old = record("t1", "safeguarding");
        let mut doc = AutoCommit::new();
        let obj = doc
            .put_object(ROOT, "training", automerge::ObjType::Map)
            .expect("map");
        autosurgeon::reconcile_prop(&mut doc, &obj, "t1", &old).expect("field by field");
        doc.commit();
        let back: Holder = autosurgeon::hydrate(&doc).expect("hydrate");
        assert_eq!(back, holder(std::slice::from_ref(&old)));

        save(&mut doc, &back);
        let (stored, _) = doc.get(&obj, "t1").expect("read").expect("a record");
        assert!(stored.is_str(), "{stored:?}");
        let again: Holder = autosurgeon::hydrate(&doc).expect("hydrate");
        assert_eq!(again, back);
    }

    /// A field written by a later version survives this version's edit of
    /// another field of the same record.
    #[test]
    fn unknown_fields_are_kept() {
        let mut doc = AutoCommit::new();
        let obj = doc
            .put_object(ROOT, "training", automerge::ObjType::Map)
            .expect("map");
        let mut later = serde_json::to_value(record("t1", "safeguarding")).expect("json");
        later["hours"] = Value::from(6);
        doc.put(&obj, "t1", later.to_string()).expect("put");
        doc.commit();

        let mut value: Holder = autosurgeon::hydrate(&doc).expect("hydrate");
        value.training.get_mut("t1").expect("t1").place = Some("Online".into());
        save(&mut doc, &value);
        let (stored, _) = doc.get(&obj, "t1").expect("read").expect("a record");
        let text = stored.into_string().expect("text");
        let fields: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(fields["hours"], Value::from(6));
        assert_eq!(fields["place"], Value::from("Online"));
    }

    /// Different records added on two laptops both survive; the same record
    /// edited on both ends with one whole version, the other kept as a conflict.
    #[test]
    fn concurrent_edits_merge_per_record() {
        let base = holder(&[record("t1", "safeguarding")]);
        let mut a = AutoCommit::new().with_actor(ActorId::from([1; 16]));
        save(&mut a, &base);
        let mut b = a.fork().with_actor(ActorId::from([2; 16]));

        let mut on_a = base.clone();
        on_a.training.insert("t2".into(), record("t2", "media"));
        on_a.training.get_mut("t1").expect("t1").place = Some("Leeds".into());
        save(&mut a, &on_a);
        let mut on_b = base.clone();
        on_b.training.insert("t3".into(), record("t3", "panels"));
        on_b.training.get_mut("t1").expect("t1").trainer = Some("Yonas".into());
        save(&mut b, &on_b);

        a.merge(&mut b).expect("merge");
        let merged: Holder = autosurgeon::hydrate(&a).expect("hydrate");
        let ids: Vec<&str> = merged.training.keys().map(String::as_str).collect();
        assert_eq!(ids, ["t1", "t2", "t3"]);
        let t1 = &merged.training["t1"];
        assert!(*t1 == on_a.training["t1"] || *t1 == on_b.training["t1"]);
        let obj = training_obj(&a);
        assert_eq!(a.get_all(&obj, "t1").expect("read").len(), 2);
    }

    /// Every kind of record serialises to an object (the panic in
    /// `fields_of` is unreachable for them).
    #[test]
    fn every_record_kind_is_an_object() {
        let c = Contribution {
            id: "c1".into(),
            project_id: None,
            date: day("2025-06-01"),
            role: "panel member".into(),
            stream: Stream::Other,
            minutes: 90,
        };
        assert!(fields_of(&c).contains_key("minutes"));
        assert!(fields_of(&record("t1", "x")).contains_key("course_id"));
    }
}
