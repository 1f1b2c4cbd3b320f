//! Ambassadors: the list and search, the profile, and the records kept in
//! each person's document (consent, training, contributions, recognition).

use automerge::ROOT;
use serde::Serialize;

use super::{Sanctuary, find_one};
use crate::documents::{Kind, root_map};
use crate::error::{CoreError, Result};
use crate::model::Thing;
use crate::model::packed::{NewRecord, Records};
use crate::model::{
    AmbassadorDoc, Consent, Contribution, Day, PaymentConstraint, Profile, Status, TrainingRecord,
    new_id, normalise_tag,
};

/// Filters for the ambassador list; every filter given must match.
#[derive(Debug, Clone, Default)]
pub struct AmbassadorQuery {
    /// Matches names, skills, interests, languages, region and local group.
    pub text: Option<String>,
    pub skill: Option<String>,
    pub interest: Option<String>,
    pub language: Option<String>,
    pub region: Option<String>,
    pub status: Option<Status>,
    pub include_archived: bool,
}

impl AmbassadorQuery {
    pub fn matches(&self, doc: &AmbassadorDoc) -> bool {
        let p = &doc.profile;
        if p.archived && !self.include_archived {
            return false;
        }
        if self.status.is_some_and(|s| s != p.status) {
            return false;
        }
        let tag = |want: &Option<String>, tags: &crate::model::Tags| {
            want.as_ref()
                .is_none_or(|w| tags.contains(&normalise_tag(w)))
        };
        if !tag(&self.skill, &p.skills) || !tag(&self.interest, &p.interests) {
            return false;
        }
        if let Some(language) = &self.language
            && !p.languages.contains_key(&normalise_tag(language))
        {
            return false;
        }
        if let Some(region) = &self.region
            && !p.region.eq_ignore_ascii_case(region.trim())
        {
            return false;
        }
        match &self.text {
            Some(text) if !text.trim().is_empty() => text_matches(doc, &text.trim().to_lowercase()),
            _ => true,
        }
    }
}

fn text_matches(doc: &AmbassadorDoc, needle: &str) -> bool {
    search_text(doc).contains(needle)
}

/// Separates the fields of [`search_text`], so a needle never matches
/// across two of them.
pub const SEARCH_TEXT_SEPARATOR: char = '\u{1f}';

/// Everything free-text search looks at (names, region, local group,
/// skills, interests, languages), lowercased and joined by
/// [`SEARCH_TEXT_SEPARATOR`]: a lowercased needle matches a person exactly
/// when this contains it. The app keeps these beside its list rows and
/// filters as the coordinator types, with the core's own rule.
pub fn search_text(doc: &AmbassadorDoc) -> String {
    let p = &doc.profile;
    let fields = [
        Some(p.display_name.as_str()),
        p.full_name.as_deref(),
        Some(p.region.as_str()),
        p.local_group.as_deref(),
    ];
    let mut text = String::new();
    let mut push = |field: &str| {
        text.push_str(&field.to_lowercase());
        text.push(SEARCH_TEXT_SEPARATOR);
    };
    fields.into_iter().flatten().for_each(&mut push);
    p.skills.iter().for_each(&mut push);
    p.interests.iter().for_each(&mut push);
    p.languages.keys().for_each(|l| push(l));
    text
}

impl Sanctuary {
    /// Ambassadors matching `query`, sorted by display name.
    pub fn search_ambassadors(&self, query: &AmbassadorQuery) -> Vec<&AmbassadorDoc> {
        let mut found: Vec<&AmbassadorDoc> = self.search_unsorted(query).collect();
        found.sort_by_cached_key(|d| (d.profile.display_name.to_lowercase(), d.id().to_string()));
        found
    }

    /// Ambassadors matching `query`, in no particular order: for callers
    /// that order them another way (the app sorts positions in a list it
    /// already holds).
    pub fn search_unsorted<'a>(
        &'a self,
        query: &AmbassadorQuery,
    ) -> impl Iterator<Item = &'a AmbassadorDoc> {
        self.ambassadors.values().filter(move |d| query.matches(d))
    }

    /// Every ambassador not archived, sorted by display name.
    pub fn ambassadors(&self) -> Vec<&AmbassadorDoc> {
        self.search_ambassadors(&AmbassadorQuery::default())
    }

    pub fn ambassador_count(&self) -> usize {
        self.ambassadors.len()
    }

    /// Finds an ambassador by id, id prefix or display name.
    pub fn ambassador(&self, key: &str) -> Result<&AmbassadorDoc> {
        find_one(Thing::Ambassador, key, self.ambassadors.iter(), |d| {
            d.profile.display_name.as_str()
        })
    }

    /// Adds a new ambassador; the profile's id is replaced by a new one.
    pub fn add_ambassador(&mut self, mut profile: Profile) -> Result<String> {
        profile.id = new_id();
        profile.validate()?;
        let id = profile.id.clone();
        let doc = AmbassadorDoc::new(profile);
        self.create_documents(
            Kind::Ambassador,
            &[(id.clone(), doc.clone())],
            super::open::reconcile_whole,
        )?;
        self.ambassadors.insert(id.clone(), doc);
        Ok(id)
    }

    /// Adds many ambassadors with their records in one transaction, each
    /// document written as a few changes (profile, then each kind of record),
    /// never as one giant change.
    pub fn import_ambassadors(&mut self, docs: Vec<AmbassadorDoc>) -> Result<()> {
        for doc in &docs {
            doc.profile.validate()?;
        }
        let docs: Vec<(String, AmbassadorDoc)> =
            docs.into_iter().map(|d| (d.id().to_string(), d)).collect();
        self.create_documents(Kind::Ambassador, &docs, write_new_ambassador)?;
        self.ambassadors.extend(docs);
        Ok(())
    }

    /// Edits a profile through `edit`; the result is validated before anything is written.
    pub fn edit_profile(
        &mut self,
        key: &str,
        edit: impl FnOnce(&mut Profile) -> Result<()>,
    ) -> Result<()> {
        let mut doc = self.ambassador(key)?.clone();
        let id = doc.id().to_string();
        let was = doc.profile.payment;
        edit(&mut doc.profile)?;
        doc.profile.id = id.clone(); // The id is not editable.
        doc.profile.validate()?;
        // Money given while payment was allowed (or unchecked) is looked at
        // again once the person may not be paid; flagged in the same change.
        let flagged = was != PaymentConstraint::NotAllowed
            && doc.profile.payment == PaymentConstraint::NotAllowed
            && super::recognition::flag_money_entries(&mut doc, Day::today()) > 0;
        let profile = doc.profile.clone();
        let recognition = flagged.then(|| doc.recognition.clone());
        self.commit(&id, Kind::Ambassador, "edit profile", &doc, |am| {
            autosurgeon::reconcile_prop(am, ROOT, "profile", &profile).map_err(internal)?;
            match &recognition {
                Some(r) => autosurgeon::reconcile_prop(am, ROOT, "recognition", Records(r))
                    .map_err(internal),
                None => Ok(()),
            }
        })?;
        self.ambassadors.insert(id, doc);
        Ok(())
    }

    /// Archives an ambassador: kept, but hidden from lists and matching.
    pub fn archive_ambassador(&mut self, key: &str) -> Result<()> {
        self.edit_profile(key, |p| {
            p.archived = true;
            Ok(())
        })
    }

    pub fn add_consent(&mut self, key: &str, mut consent: Consent) -> Result<String> {
        consent.id = new_id();
        consent.validate()?;
        self.add_record(key, "consents", &consent.id.clone(), consent, |d, c| {
            d.consents.insert(c.id.clone(), c);
        })
    }

    /// Records a completed course, after checking the course exists and its
    /// prerequisites were completed before it.
    pub fn record_training(&mut self, key: &str, mut record: TrainingRecord) -> Result<String> {
        record.id = new_id();
        record.validate()?;
        let course = self.course(&record.course_id)?.clone();
        record.course_id = course.id.clone();
        self.check_prerequisites(self.ambassador(key)?, &course, record.completed)?;
        self.add_record(key, "training", &record.id.clone(), record, |d, r| {
            d.training.insert(r.id.clone(), r);
        })
    }

    pub fn log_contribution(
        &mut self,
        key: &str,
        mut contribution: Contribution,
    ) -> Result<String> {
        contribution.id = new_id();
        contribution.validate()?;
        if let Some(project) = &contribution.project_id {
            contribution.project_id = Some(self.project(project)?.id().to_string());
        }
        self.add_record(
            key,
            "contributions",
            &contribution.id.clone(),
            contribution,
            |d, c| {
                d.contributions.insert(c.id.clone(), c);
            },
        )
    }

    /// Adds one record to one of a person's record maps, touching only that entry.
    pub(super) fn add_record<R: Serialize + Clone>(
        &mut self,
        key: &str,
        map: &'static str,
        record_id: &str,
        record: R,
        insert: impl FnOnce(&mut AmbassadorDoc, R),
    ) -> Result<String> {
        let mut doc = self.ambassador(key)?.clone();
        let id = doc.id().to_string();
        insert(&mut doc, record.clone());
        self.commit(&id, Kind::Ambassador, map, &doc, |am| {
            let obj = root_map(am, map)?;
            autosurgeon::reconcile_prop(am, obj, record_id, NewRecord(&record)).map_err(internal)
        })?;
        self.ambassadors.insert(id, doc);
        Ok(record_id.to_string())
    }

    /// The day a training record stops being valid, if it ever does.
    pub fn training_expiry(&self, record: &TrainingRecord) -> Option<Day> {
        self.catalog
            .courses
            .get(&record.course_id)
            .and_then(|c| c.expiry(record.completed))
    }
}

/// Writes a new person's document as a few changes (profile, then each kind
/// of record), never one giant change; each part is reconciled on its own
/// so no step re-diffs what an earlier one wrote.
pub(super) fn write_new_ambassador(
    live: &mut crate::documents::LiveDoc,
    doc: &AmbassadorDoc,
) -> Result<()> {
    let empty = AmbassadorDoc::new(doc.profile.clone());
    autosurgeon::reconcile(&mut live.doc, &empty).map_err(internal)?;
    live.commit("profile");
    let am = &mut live.doc;
    autosurgeon::reconcile_prop(am, ROOT, "consents", Records(&doc.consents)).map_err(internal)?;
    autosurgeon::reconcile_prop(am, ROOT, "training", Records(&doc.training)).map_err(internal)?;
    live.commit("consent and training");
    let am = &mut live.doc;
    autosurgeon::reconcile_prop(am, ROOT, "contributions", Records(&doc.contributions))
        .map_err(internal)?;
    autosurgeon::reconcile_prop(am, ROOT, "recognition", Records(&doc.recognition))
        .map_err(internal)?;
    live.commit("contributions and recognition");
    Ok(())
}

pub(super) fn internal(e: autosurgeon::ReconcileError) -> CoreError {
    CoreError::Internal(format!("writing to a document: {e}"))
}

#[cfg(test)]
mod tests {
    use automerge::{ObjType, ReadDoc, Value, ValueRef};

    use crate::demo::demo_store;
    use crate::model::packed::PACKED_MAPS;
    use crate::model::{Contribution, Stream};

    /// Every way records are written (the demo's bulk import, adding one
    /// record) keeps each record whole: a loaded document stays small.
    #[test]
    fn every_record_is_written_whole() {
        let temp = tempfile::tempdir().expect("temp dir");
        let mut s = demo_store(&temp.path().join("s"), 12);
        let ids: Vec<String> = s.ambassadors().iter().map(|a| a.id().to_string()).collect();
        let contribution = Contribution {
            id: String::new(),
            project_id: None,
            date: "2025-06-01".parse().expect("a date"),
            role: "drop-in helper".into(),
            stream: Stream::Other,
            minutes: 60,
        };
        s.log_contribution(&ids[0], contribution).expect("logged");

        let mut records = 0;
        for id in &ids {
            let doc = &s.live_doc(id).expect("loaded").doc;
            for map in PACKED_MAPS {
                let Some((Value::Object(ObjType::Map), obj)) =
                    doc.get(automerge::ROOT, map).expect("read")
                else {
                    panic!("{map} is not a map in {id}");
                };
                for item in doc.map_range(&obj, ..) {
                    assert!(
                        matches!(
                            item.value,
                            ValueRef::Scalar(automerge::ScalarValueRef::Str(_))
                        ),
                        "{map}.{} is written field by field",
                        item.key
                    );
                    records += 1;
                }
            }
        }
        assert!(
            records > ids.len() * 2,
            "the demo wrote records ({records})"
        );
    }
}
