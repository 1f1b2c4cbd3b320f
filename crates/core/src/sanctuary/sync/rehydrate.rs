//! An ambassador's read model after an import, updated from what the merge
//! changed instead of hydrated again from the whole document.
//!
//! A day's import touches the profile or one record of each document, yet
//! reading every object of every touched document back was about half of
//! an import's CPU time (perf, 5,000 ambassadors, 500 edits). The merge's
//! patches (Automerge's indexed diff from the heads before the merge to the
//! heads after it) name every object that changed by its path from the
//! root, so only the profile or the records under those paths are read again
//! and put into a copy of the struct the read model already held (which is
//! the hydration of the document before the merge: a snapshot is written in
//! the same transaction as its document's chunks).
//!
//! Anything the patches do not map onto that shape (a whole record map
//! replaced, a key this version does not know, a list at the root) gives
//! `None`, and the caller hydrates the whole document as before. Debug
//! builds, so every test, check each result against a full hydration.

use std::collections::{BTreeMap, BTreeSet};

use automerge::{AutoCommit, ObjType, Patch, PatchAction, Prop, ROOT, Value};
use autosurgeon::{Hydrate, HydrateError, hydrate_prop};
use serde::de::DeserializeOwned;

use super::one_pass::OnePass;
use crate::model::AmbassadorDoc;

/// The record maps at an ambassador document's root, keyed by record id.
const RECORD_MAPS: [&str; 6] = [
    "consents",
    "training",
    "contributions",
    "recognition",
    "suggestions",
    "pathways",
];

/// What a merge changed in an ambassador document.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Touched {
    profile: bool,
    schema: bool,
    /// Record map name to the ids of the records added, changed or removed.
    records: BTreeMap<String, BTreeSet<String>>,
    /// Whether some patch reports concurrent values (a conflict to look at).
    pub(super) conflict: bool,
}

impl Touched {
    /// Reads the patches of a merge; `None` if one falls outside the shape
    /// of an ambassador document as this version knows it.
    pub(super) fn from_patches(patches: &[Patch]) -> Option<Touched> {
        let mut touched = Touched::default();
        for patch in patches {
            touched.conflict |= reports_conflict(&patch.action);
            let (root_key, record) = match patch.path.as_slice() {
                // A key of the root itself was put or deleted.
                [] => (action_key(&patch.action)?, None),
                [(_, Prop::Map(root_key)), rest @ ..] => {
                    let record = match rest {
                        // The record map itself changed: the key is a record id.
                        [] => action_key(&patch.action),
                        [(_, Prop::Map(id)), ..] => Some(id.clone()),
                        [(_, Prop::Seq(_)), ..] => None,
                    };
                    (root_key.clone(), record)
                }
                [(_, Prop::Seq(_)), ..] => return None,
            };
            match root_key.as_str() {
                "profile" => touched.profile = true,
                "schema" => touched.schema = true,
                map if RECORD_MAPS.contains(&map) => {
                    // A whole record map put or deleted at the root is rare
                    // (a document written before that map existed): read it all.
                    if patch.path.is_empty() {
                        return None;
                    }
                    touched.records.entry(root_key).or_default().insert(record?);
                }
                _ => return None,
            }
        }
        Some(touched)
    }

    /// `previous` (the document's hydration before the merge) with what the
    /// merge changed read again from `doc`; `Ok(None)` where the document
    /// does not have the expected shape (the caller hydrates it whole).
    pub(super) fn apply(
        &self,
        doc: &AutoCommit,
        previous: &AmbassadorDoc,
    ) -> Result<Option<AmbassadorDoc>, HydrateError> {
        let pass = OnePass::new(doc);
        let mut next = previous.clone();
        if self.profile {
            next.profile = hydrate_prop(&pass, ROOT, "profile")?;
        }
        if self.schema {
            next.schema = hydrate_prop(&pass, ROOT, "schema")?;
        }
        for (map, ids) in &self.records {
            let obj = match automerge::ReadDoc::get(doc, ROOT, map.as_str()) {
                Ok(Some((Value::Object(ObjType::Map), obj))) => obj,
                _ => return Ok(None),
            };
            match map.as_str() {
                "consents" => update(&mut next.consents, &pass, &obj, ids, packed)?,
                "training" => update(&mut next.training, &pass, &obj, ids, packed)?,
                "contributions" => update(&mut next.contributions, &pass, &obj, ids, packed)?,
                "recognition" => update(&mut next.recognition, &pass, &obj, ids, packed)?,
                "suggestions" => update(&mut next.suggestions, &pass, &obj, ids, field_by_field)?,
                "pathways" => update(&mut next.pathways, &pass, &obj, ids, field_by_field)?,
                _ => return Ok(None),
            }
        }
        Ok(Some(next))
    }
}

/// Reads one record of a record map.
type ReadRecord<T> = fn(&OnePass<'_>, &automerge::ObjId, &str) -> Result<T, HydrateError>;

/// A record kept whole (see [`crate::model::packed`]).
fn packed<T: Hydrate + DeserializeOwned>(
    pass: &OnePass<'_>,
    obj: &automerge::ObjId,
    id: &str,
) -> Result<T, HydrateError> {
    crate::model::packed::hydrate_record(pass, obj, id)
}

/// A record written as a map of fields.
fn field_by_field<T: Hydrate>(
    pass: &OnePass<'_>,
    obj: &automerge::ObjId,
    id: &str,
) -> Result<T, HydrateError> {
    hydrate_prop(pass, obj, id)
}

/// Reads the records `ids` of the map `obj` again into `records`: removed
/// when the document no longer has them.
fn update<T>(
    records: &mut BTreeMap<String, T>,
    pass: &OnePass<'_>,
    obj: &automerge::ObjId,
    ids: &BTreeSet<String>,
    read: ReadRecord<T>,
) -> Result<(), HydrateError> {
    for id in ids {
        let present = autosurgeon::ReadDoc::get(pass, obj, id.as_str())?.is_some();
        if present {
            records.insert(id.clone(), read(pass, obj, id)?);
        } else {
            records.remove(id);
        }
    }
    Ok(())
}

/// The map key a patch on a map names, if it is one.
fn action_key(action: &PatchAction) -> Option<String> {
    match action {
        PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => Some(key.clone()),
        PatchAction::Conflict {
            prop: Prop::Map(key),
        }
        | PatchAction::Increment {
            prop: Prop::Map(key),
            ..
        } => Some(key.clone()),
        _ => None,
    }
}

/// Whether a patch says concurrent values now sit at its property.
fn reports_conflict(action: &PatchAction) -> bool {
    match action {
        PatchAction::PutMap { conflict, .. } | PatchAction::PutSeq { conflict, .. } => *conflict,
        PatchAction::Conflict { .. } => true,
        PatchAction::Insert { values, .. } => values.iter().any(|(_, _, conflict)| *conflict),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use automerge::{ActorId, AutoCommit};

    use super::*;
    use crate::demo::demo_store;

    /// A demo ambassador with records of every common kind.
    fn sample() -> AmbassadorDoc {
        let temp = tempfile::tempdir().expect("temp dir");
        demo_store(&temp.path().join("s"), 8)
            .ambassadors()
            .into_iter()
            .find(|a| a.contributions.len() >= 2 && !a.training.is_empty())
            .cloned()
            .expect("a demo ambassador with records")
    }

    fn write(doc: &mut AutoCommit, value: &AmbassadorDoc) {
        autosurgeon::reconcile(doc, value).expect("reconcile");
        doc.commit();
    }

    /// Merges a remote edit of `base` into a local copy (itself edited by
    /// `local`, concurrently) the way an import does, and returns what the
    /// patches touched; the read model updated from them must equal a full
    /// hydration of the merged document.
    fn check(
        remote: impl FnOnce(&mut AmbassadorDoc),
        local: impl FnOnce(&mut AmbassadorDoc),
    ) -> Touched {
        check_as([2; 16], remote, local)
    }

    /// [`check`] with the remote device's actor id, which decides which of
    /// two concurrent values wins (the local one is `[5; 16]`).
    fn check_as(
        remote_actor: [u8; 16],
        remote: impl FnOnce(&mut AmbassadorDoc),
        local: impl FnOnce(&mut AmbassadorDoc),
    ) -> Touched {
        let base = sample();
        let mut origin = AutoCommit::new().with_actor(ActorId::from([1; 16]));
        write(&mut origin, &base);
        let saved = origin.save();

        let mut theirs = AutoCommit::load(&saved).expect("load");
        theirs.set_actor(ActorId::from(remote_actor));
        let mut edited = base.clone();
        remote(&mut edited);
        write(&mut theirs, &edited);
        let bundle = theirs.save_after(&origin.get_heads());

        let mut ours = AutoCommit::load(&saved).expect("load");
        ours.set_actor(ActorId::from([5; 16]));
        let mut mine = base.clone();
        local(&mut mine);
        write(&mut ours, &mine);
        let previous: AmbassadorDoc = autosurgeon::hydrate(&ours).expect("hydrate");

        ours.update_diff_cursor();
        ours.load_incremental(&bundle).expect("merge");
        let patches = ours.diff_incremental();
        let touched = Touched::from_patches(&patches).expect("an ambassador's shape");
        let updated = touched
            .apply(&ours, &previous)
            .expect("hydrate")
            .expect("the shape");
        let full: AmbassadorDoc = autosurgeon::hydrate(&ours).expect("hydrate");
        assert_eq!(updated, full);
        touched
    }

    fn first_key<T>(map: &BTreeMap<String, T>) -> String {
        map.keys().next().cloned().expect("a record")
    }

    fn records(map: &str, ids: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
        [(map.to_string(), ids.iter().map(|s| s.to_string()).collect())].into()
    }

    #[test]
    fn a_profile_edit_touches_only_the_profile() {
        let touched = check(|a| a.profile.notes = "met at the drop-in".into(), |_| {});
        assert!(touched.profile && touched.records.is_empty() && !touched.conflict);
    }

    #[test]
    fn added_changed_and_removed_records_are_read_again() {
        let mut added = Contribution::sample();
        let touched = check(
            |a| {
                added.id = "new-record".into();
                a.contributions.insert(added.id.clone(), added.clone());
            },
            |_| {},
        );
        assert_eq!(touched.records, records("contributions", &["new-record"]));

        let base = sample();
        let id = first_key(&base.training);
        let touched = check(
            |a| {
                if let Some(t) = a.training.get_mut(&id) {
                    t.reflection = Some("it helped".into());
                }
            },
            |_| {},
        );
        assert_eq!(touched.records, records("training", &[&id]));

        let id = first_key(&base.contributions);
        let touched = check(
            |a| {
                a.contributions.remove(&id);
            },
            |_| {},
        );
        assert_eq!(touched.records, records("contributions", &[&id]));
    }

    #[test]
    fn concurrent_edits_merge_and_report_the_conflict() {
        // Whether their value wins (a larger actor id) or loses, the
        // patches say there is a conflict.
        for remote_actor in [[2; 16], [9; 16]] {
            let touched = check_as(
                remote_actor,
                |a| a.profile.notes = "theirs".into(),
                |a| a.profile.notes = "ours".into(),
            );
            assert!(touched.profile && touched.conflict, "{remote_actor:?}");
        }

        // Both sides add a record: both survive, no conflict.
        let touched = check(
            |a| {
                let mut c = Contribution::sample();
                c.id = "theirs".into();
                a.contributions.insert(c.id.clone(), c);
            },
            |a| {
                let mut c = Contribution::sample();
                c.id = "ours".into();
                a.contributions.insert(c.id.clone(), c);
            },
        );
        assert!(!touched.conflict);

        // They edit a record we removed.
        let base = sample();
        let id = first_key(&base.contributions);
        let edit = id.clone();
        check(
            move |a| {
                if let Some(c) = a.contributions.get_mut(&edit) {
                    c.minutes += 30;
                }
            },
            move |a| {
                a.contributions.remove(&id);
            },
        );
    }

    #[test]
    fn patches_outside_an_ambassadors_shape_give_none() {
        let mut doc = AutoCommit::new();
        write(&mut doc, &sample());
        doc.update_diff_cursor();
        autosurgeon::reconcile_prop(&mut doc, ROOT, "from-a-later-version", 1_u64)
            .expect("reconcile");
        doc.commit();
        assert_eq!(Touched::from_patches(&doc.diff_incremental()), None);
    }

    use crate::model::Contribution;

    impl Contribution {
        fn sample() -> Contribution {
            Contribution {
                id: String::new(),
                project_id: None,
                date: "2025-06-01".parse().expect("a date"),
                role: "drop-in helper".into(),
                stream: crate::model::Stream::Other,
                minutes: 60,
            }
        }
    }
}
