//! Ambassadors as a coordinator sees them: a line of the list, the list
//! with its search text, and the profile page (consent newest first, the
//! scopes consent is in force for today, training, work, pathway).

use serde::Serialize;

use super::feedback::{PathwayRow, pathway_rows};
use super::lookup::Lookup;
use super::profile_form::ProfileForm;
use super::training::TrainingRow;
use super::work::{ContributionRow, RecognitionRow, WorkLog};
use crate::model::{AmbassadorDoc, ConsentScope, Day, Status, units};
use crate::sanctuary::{AmbassadorQuery, Sanctuary, search_text};

/// One line of the virtualised list: only what the line shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AmbassadorRow {
    pub id: String,
    pub display_name: String,
    pub region: String,
    pub status: Status,
    pub languages: Vec<String>,
    pub skills: Vec<String>,
    pub archived: bool,
}

impl From<&AmbassadorDoc> for AmbassadorRow {
    fn from(doc: &AmbassadorDoc) -> Self {
        let p = &doc.profile;
        AmbassadorRow {
            id: p.id.clone(),
            display_name: p.display_name.clone(),
            region: p.region.clone(),
            status: p.status,
            languages: p.languages.keys().cloned().collect(),
            skills: super::form::words(&p.skills),
            archived: p.archived,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchResult {
    pub rows: Vec<AmbassadorRow>,
    /// Everyone in the store, archived included, so the list can say "n of total".
    pub total: u32,
}

impl SearchResult {
    /// The people `query` finds, in list order.
    pub fn new(s: &Sanctuary, query: &AmbassadorQuery) -> SearchResult {
        SearchResult {
            rows: s
                .search_ambassadors(query)
                .into_iter()
                .map(AmbassadorRow::from)
                .collect(),
            total: u32::try_from(s.ambassador_count()).unwrap_or(u32::MAX),
        }
    }
}

/// Every row of the list (archived included) in list order, and for each
/// the text free-text search looks at ([`crate::search_text`]):
/// a lowercased needle matches `rows[i]` when `texts[i]` contains it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RowList {
    pub rows: Vec<AmbassadorRow>,
    pub texts: Vec<String>,
}

impl RowList {
    pub fn new(s: &Sanctuary) -> RowList {
        let everyone = s.search_ambassadors(&AmbassadorQuery {
            include_archived: true,
            ..Default::default()
        });
        RowList {
            texts: everyone.iter().map(|d| search_text(d)).collect(),
            rows: everyone.into_iter().map(AmbassadorRow::from).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConsentRow {
    pub id: String,
    pub scope: ConsentScope,
    pub agreed: bool,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: Day,
    pub recorded_by: String,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub review: Option<Day>,
    pub note: Option<String>,
}

/// Every consent decision, newest first (ties by id, so every laptop and
/// every front end lists them alike).
pub fn consent_rows(doc: &AmbassadorDoc) -> Vec<ConsentRow> {
    let mut rows: Vec<ConsentRow> = doc
        .consents
        .values()
        .map(|c| ConsentRow {
            id: c.id.clone(),
            scope: c.scope,
            agreed: c.agreed,
            date: c.date,
            recorded_by: c.recorded_by.clone(),
            review: c.review,
            note: c.note.clone(),
        })
        .collect();
    rows.sort_by(|a, b| (b.date, &b.id).cmp(&(a.date, &a.id)));
    rows
}

/// The scopes with consent in force `today`, in the vocabulary's order.
pub fn consent_in_force(doc: &AmbassadorDoc, today: Day) -> Vec<ConsentScope> {
    ConsentScope::ALL
        .iter()
        .filter(|scope| doc.consent_in_force(**scope, today).is_some())
        .copied()
        .collect()
}

/// Everything the profile page shows about one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AmbassadorDetail {
    pub profile: ProfileForm,
    pub consents: Vec<ConsentRow>,
    /// Scopes with consent in force today.
    pub consent_in_force: Vec<ConsentScope>,
    pub training: Vec<TrainingRow>,
    pub contributions: Vec<ContributionRow>,
    pub recognition: Vec<RecognitionRow>,
    /// Total hours contributed, e.g. `12.5`.
    pub hours_contributed: String,
    /// Roles they moved into, in the order taken.
    pub pathways: Vec<PathwayRow>,
}

impl AmbassadorDetail {
    /// The page of `doc` as a coordinator sees it on `today`.
    pub fn new(s: &Sanctuary, doc: &AmbassadorDoc, today: Day) -> AmbassadorDetail {
        let lookup = Lookup::of(s);
        let WorkLog {
            contributions,
            recognition,
        } = lookup.work_log(doc);
        AmbassadorDetail {
            profile: ProfileForm::from(&doc.profile),
            consents: consent_rows(doc),
            consent_in_force: consent_in_force(doc, today),
            training: lookup.training_rows(doc, today),
            contributions,
            recognition,
            hours_contributed: units::format_hours(doc.minutes_contributed()),
            pathways: pathway_rows(doc, today),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Consent, Profile};

    fn day(text: &str) -> Day {
        text.parse().unwrap()
    }

    fn consent(id: &str, scope: ConsentScope, agreed: bool, date: &str) -> Consent {
        Consent {
            id: id.into(),
            scope,
            agreed,
            date: day(date),
            recorded_by: "Coordinator".into(),
            review: None,
            note: None,
        }
    }

    #[test]
    fn consent_is_listed_newest_first_and_the_latest_decision_is_in_force() {
        let mut person = AmbassadorDoc::new(Profile::new(
            "a1".into(),
            "Amal",
            "Leeds",
            day("2020-01-01"),
        ));
        let (photos, other) = (ConsentScope::Photography, ConsentScope::Media);
        for c in [
            consent("c1", photos, true, "2024-01-01"),
            consent("c2", photos, false, "2025-01-01"),
            consent("c3", other, true, "2024-06-01"),
            consent("c0", other, true, "2024-06-01"),
        ] {
            person.consents.insert(c.id.clone(), c);
        }
        let ids: Vec<_> = consent_rows(&person).into_iter().map(|c| c.id).collect();
        assert_eq!(ids, ["c2", "c3", "c0", "c1"]);
        // The refusal in 2025 replaced the agreement; the other scope stands.
        assert_eq!(consent_in_force(&person, day("2025-06-01")), [other]);
        // In the vocabulary's order, not the order they were given.
        assert_eq!(
            consent_in_force(&person, day("2024-07-01")),
            [other, photos]
        );
        let json = serde_json::to_value(&consent_rows(&person)[0]).unwrap();
        assert_eq!(json["date"], "2025-01-01");
        assert_eq!(json["review"], serde_json::Value::Null);
    }

    #[test]
    fn a_profile_page_adds_up_the_hours_and_lists_work_newest_first() {
        let temp = tempfile::tempdir().unwrap();
        let s = crate::demo::demo_store(temp.path(), 12);
        let everyone = s.search_ambassadors(&AmbassadorQuery::default());
        let doc = everyone
            .iter()
            .find(|d| d.contributions.len() > 1)
            .expect("the demo logs work");
        let page = AmbassadorDetail::new(&s, doc, day("2026-06-15"));
        assert_eq!(page.profile.id, doc.id());
        assert_eq!(page.contributions.len(), doc.contributions.len());
        let minutes: u64 = page
            .contributions
            .iter()
            .map(|c| u64::from(units::parse_hours(&c.hours).unwrap()))
            .sum();
        assert_eq!(page.hours_contributed, units::format_hours(minutes));
        let dates: Vec<_> = page.contributions.iter().map(|c| c.date).collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");

        let list = RowList::new(&s);
        assert_eq!(list.rows.len(), list.texts.len());
        assert_eq!(list.rows.len(), s.ambassador_count());
        let found = SearchResult::new(&s, &AmbassadorQuery::default());
        assert_eq!(found.total as usize, s.ambassador_count());
    }
}
