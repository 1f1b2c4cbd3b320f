//! Ambassadors: list rows, the full profile, and the records in each
//! person's document (consent, training, contributions, recognition).

use std::collections::BTreeMap;

use sanctuary_core::model::{self as m, Day};
use sanctuary_core::views;
use sanctuary_core::{Sanctuary, SelfView, model::units};

pub use sanctuary_core::views::{ContributionRow, RecognitionRow, TrainingRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vocab::*;
use super::{day, opt_day, opt_text, tags, words};
use crate::error::ApiResult;

/// Filters for the list; blank filters are ignored.
#[derive(Debug, Clone, Default, Deserialize, TS)]
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

impl From<AmbassadorQuery> for sanctuary_core::AmbassadorQuery {
    fn from(q: AmbassadorQuery) -> Self {
        sanctuary_core::AmbassadorQuery {
            text: opt_text(q.text),
            skill: opt_text(q.skill),
            interest: opt_text(q.interest),
            language: opt_text(q.language),
            region: opt_text(q.region),
            status: q.status,
            include_archived: q.include_archived,
        }
    }
}

/// One line of the virtualised list: only what the line shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AmbassadorRow {
    pub id: String,
    pub display_name: String,
    pub region: String,
    pub status: Status,
    pub languages: Vec<String>,
    pub skills: Vec<String>,
    pub archived: bool,
}

impl From<&m::AmbassadorDoc> for AmbassadorRow {
    fn from(doc: &m::AmbassadorDoc) -> Self {
        let p = &doc.profile;
        AmbassadorRow {
            id: p.id.clone(),
            display_name: p.display_name.clone(),
            region: p.region.clone(),
            status: p.status,
            languages: p.languages.keys().cloned().collect(),
            skills: words(&p.skills),
            archived: p.archived,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SearchResult {
    pub rows: Vec<AmbassadorRow>,
    /// Everyone in the store, archived included, so the list can say "n of total".
    pub total: u32,
}

/// Every row of the list (archived included) in list order, and for each
/// the text free-text search looks at ([`sanctuary_core::search_text`]):
/// a lowercased needle matches `rows[i]` when `texts[i]` contains it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RowList {
    pub rows: Vec<AmbassadorRow>,
    pub texts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LanguageSkill {
    pub language: String,
    pub level: LanguageLevel,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Availability {
    pub days: Vec<Weekday>,
    pub times: Vec<TimeOfDay>,
    pub remote: bool,
    pub in_person: bool,
    /// How far they can travel to take part in person, in kilometres.
    pub travel_km: Option<u32>,
}

/// Every field of a profile, as the editor shows it. Never immigration status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Profile {
    /// Ignored when adding (the core gives a new id) and when editing (the id is not editable).
    pub id: String,
    pub display_name: String,
    pub full_name: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub preferred_channel: Option<Channel>,
    pub region: String,
    pub local_group: Option<String>,
    pub languages: Vec<LanguageSkill>,
    pub skills: Vec<String>,
    pub interests: Vec<String>,
    pub availability: Availability,
    pub access_needs: Option<String>,
    /// The language an interpreter would need to speak, if they want one.
    pub interpreter: Option<String>,
    pub status: Status,
    pub joined: String,
    pub payment: PaymentConstraint,
    pub organisations: Vec<String>,
    pub notes: String,
    pub archived: bool,
}

impl From<&m::Profile> for Profile {
    fn from(p: &m::Profile) -> Self {
        let flagged = |map: &BTreeMap<String, bool>| -> Vec<String> {
            map.iter()
                .filter(|(_, on)| **on)
                .map(|(k, _)| k.clone())
                .collect()
        };
        Profile {
            id: p.id.clone(),
            display_name: p.display_name.clone(),
            full_name: p.full_name.clone(),
            pronouns: p.pronouns.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            preferred_channel: p.preferred_channel,
            region: p.region.clone(),
            local_group: p.local_group.clone(),
            languages: p
                .languages
                .iter()
                .map(|(language, level)| LanguageSkill {
                    language: language.clone(),
                    level: (*level),
                })
                .collect(),
            skills: words(&p.skills),
            interests: words(&p.interests),
            availability: Availability {
                days: m::Weekday::ALL
                    .iter()
                    .filter(|d| {
                        flagged(&p.availability.days)
                            .iter()
                            .any(|k| k == d.as_str())
                    })
                    .copied()
                    .collect(),
                times: m::TimeOfDay::ALL
                    .iter()
                    .filter(|t| {
                        flagged(&p.availability.times)
                            .iter()
                            .any(|k| k == t.as_str())
                    })
                    .copied()
                    .collect(),
                remote: p.availability.remote,
                in_person: p.availability.in_person,
                travel_km: p.availability.travel_km,
            },
            access_needs: p.access_needs.clone(),
            interpreter: p.interpreter.clone(),
            status: p.status,
            joined: p.joined.to_string(),
            payment: p.payment,
            organisations: words(&p.organisations),
            notes: p.notes.clone(),
            archived: p.archived,
        }
    }
}

impl Profile {
    /// The core profile this form describes; blank optional text becomes `None`.
    pub fn into_core(self, id: String) -> ApiResult<m::Profile> {
        let mut availability = m::Availability {
            remote: self.availability.remote,
            in_person: self.availability.in_person,
            travel_km: self.availability.travel_km,
            ..Default::default()
        };
        let days: Vec<m::Weekday> = self.availability.days.into_iter().collect();
        let times: Vec<m::TimeOfDay> = self.availability.times.into_iter().collect();
        availability.set_days(&days);
        availability.set_times(&times);
        let languages = self
            .languages
            .into_iter()
            .map(|l| (m::normalise_tag(&l.language), l.level))
            .filter(|(language, _)| !language.is_empty())
            .collect();
        Ok(m::Profile {
            id,
            display_name: self.display_name.trim().to_string(),
            full_name: opt_text(self.full_name),
            pronouns: opt_text(self.pronouns),
            email: opt_text(self.email),
            phone: opt_text(self.phone),
            preferred_channel: self.preferred_channel,
            region: self.region.trim().to_string(),
            local_group: opt_text(self.local_group),
            languages,
            skills: tags(&self.skills),
            interests: tags(&self.interests),
            availability,
            access_needs: opt_text(self.access_needs),
            interpreter: opt_text(self.interpreter),
            status: self.status,
            joined: day(&self.joined)?,
            payment: self.payment,
            organisations: tags(&self.organisations),
            notes: self.notes,
            archived: self.archived,
        })
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ConsentRow {
    pub id: String,
    pub scope: ConsentScope,
    pub agreed: bool,
    pub date: String,
    pub recorded_by: String,
    pub review: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ConsentInput {
    pub scope: ConsentScope,
    pub agreed: bool,
    pub date: String,
    pub recorded_by: String,
    pub review: Option<String>,
    pub note: Option<String>,
}

impl ConsentInput {
    pub fn into_core(self) -> ApiResult<m::Consent> {
        Ok(m::Consent {
            id: String::new(),
            scope: self.scope,
            agreed: self.agreed,
            date: day(&self.date)?,
            recorded_by: self.recorded_by.trim().to_string(),
            review: opt_day(self.review)?,
            note: opt_text(self.note),
        })
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct TrainingInput {
    pub course_id: String,
    pub completed: String,
    pub trainer: Option<String>,
    pub evidence: Option<String>,
    /// Self-rated confidence before and after, 1 to 5.
    pub confidence_before: Option<u8>,
    pub confidence_after: Option<u8>,
    /// Where it took place ("Online" for online sessions).
    pub place: Option<String>,
    /// The person's own words on what the course meant to them.
    pub reflection: Option<String>,
}

impl TrainingInput {
    pub fn into_core(self) -> ApiResult<m::TrainingRecord> {
        Ok(m::TrainingRecord {
            id: String::new(),
            course_id: self.course_id,
            completed: day(&self.completed)?,
            trainer: opt_text(self.trainer),
            evidence: opt_text(self.evidence),
            confidence_before: self.confidence_before,
            confidence_after: self.confidence_after,
            place: opt_text(self.place),
            session_id: None,
            reflection: opt_text(self.reflection),
        })
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ContributionInput {
    pub project_id: Option<String>,
    pub date: String,
    pub role: String,
    /// When not given: the project's stream, else `other`.
    pub stream: Option<Stream>,
    /// Hours as typed, e.g. `1.5`.
    pub hours: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct RecognitionInput {
    pub kind: RecognitionKind,
    pub date: String,
    /// Pounds as typed, e.g. `12.50`; only for kinds that involve money.
    pub amount: Option<String>,
    pub description: Option<String>,
    pub project_id: Option<String>,
    pub contribution_id: Option<String>,
    /// The coordinator confirms they checked this person may receive it
    /// (when the network's policy says to check for their constraint).
    pub checked: bool,
    /// For travel and meals: the receipt's reference, or why there is none.
    pub receipt: Option<String>,
    pub no_receipt: Option<String>,
    /// Why a claim above the network's expense limit is right.
    pub note: Option<String>,
}

impl RecognitionInput {
    pub fn into_core(self) -> ApiResult<(m::Recognition, bool)> {
        let amount_pence = opt_text(self.amount)
            .map(|a| units::parse_pounds(&a))
            .transpose()?;
        let (receipt, no_receipt, note) = (
            opt_text(self.receipt),
            opt_text(self.no_receipt),
            opt_text(self.note),
        );
        let given = receipt.is_some() || no_receipt.is_some() || note.is_some();
        Ok((
            m::Recognition {
                id: String::new(),
                date: day(&self.date)?,
                kind: self.kind,
                amount_pence,
                description: opt_text(self.description),
                contribution_id: opt_text(self.contribution_id),
                project_id: opt_text(self.project_id),
                expense: given.then(|| m::Expense::claim(receipt, no_receipt, note)),
                review: None,
            },
            self.checked,
        ))
    }
}

/// Everything the profile page shows about one person.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AmbassadorDetail {
    pub profile: Profile,
    pub consents: Vec<ConsentRow>,
    /// Scopes with consent in force today.
    pub consent_in_force: Vec<ConsentScope>,
    pub training: Vec<TrainingRow>,
    pub contributions: Vec<ContributionRow>,
    pub recognition: Vec<RecognitionRow>,
    /// Total hours contributed, e.g. `12.5`.
    pub hours_contributed: String,
    /// Roles they moved into, in the order taken.
    pub pathways: Vec<views::PathwayRow>,
}

/// A new role on a person's pathway, as the profile's form sends it.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PathwayInput {
    pub role: super::vocab::PathwayRole,
    pub from: String,
    pub to: Option<String>,
    pub note: Option<String>,
}

impl PathwayInput {
    pub fn into_core(self) -> ApiResult<m::Pathway> {
        Ok(m::Pathway {
            id: String::new(),
            role: self.role,
            from: day(&self.from)?,
            to: opt_day(self.to)?,
            note: opt_text(self.note),
        })
    }
}

/// What a person's rows need besides their own document: course titles and
/// validity from the catalog, and the titles of projects they worked on,
/// from a coordinator's session or from a self-view (which knows only the
/// person's own projects).
pub struct Lookup<'a> {
    catalog: &'a m::Catalog,
    titles: Titles<'a>,
}

enum Titles<'a> {
    Network(&'a Sanctuary),
    SelfView(&'a SelfView),
}

impl<'a> Lookup<'a> {
    pub fn of(s: &'a Sanctuary) -> Lookup<'a> {
        Lookup {
            catalog: s.catalog(),
            titles: Titles::Network(s),
        }
    }

    pub fn of_self_view(view: &'a SelfView) -> Lookup<'a> {
        Lookup {
            catalog: view.catalog(),
            titles: Titles::SelfView(view),
        }
    }

    /// A project's title: any project for a coordinator, only the person's
    /// own in self-view.
    fn title(&self, id: &str) -> Option<String> {
        match self.titles {
            Titles::Network(s) => s.project(id).ok().map(|p| p.project.title.clone()),
            Titles::SelfView(view) => view.project_title(id).map(str::to_string),
        }
    }

    pub fn course_title(&self, course_id: &str) -> String {
        self.catalog
            .courses
            .get(course_id)
            .map_or_else(|| course_id.to_string(), |c| c.title.clone())
    }

    /// Every training record, newest first, each with its expiry state (the core's view).
    pub fn training_rows(&self, doc: &m::AmbassadorDoc, today: Day) -> Vec<TrainingRow> {
        views::training_rows(doc, self.catalog, today)
    }

    /// Contributions and recognition, newest first (the core's view).
    pub fn work_log(&self, doc: &m::AmbassadorDoc) -> views::WorkLog {
        views::work_log(doc, |_| true, |id| self.title(id))
    }
}

impl AmbassadorDetail {
    pub fn new(s: &Sanctuary, doc: &m::AmbassadorDoc, today: Day) -> AmbassadorDetail {
        let mut consents: Vec<ConsentRow> = doc
            .consents
            .values()
            .map(|c| ConsentRow {
                id: c.id.clone(),
                scope: c.scope,
                agreed: c.agreed,
                date: c.date.to_string(),
                recorded_by: c.recorded_by.clone(),
                review: c.review.map(|d| d.to_string()),
                note: c.note.clone(),
            })
            .collect();
        consents.sort_by(|a, b| (&b.date, &b.id).cmp(&(&a.date, &a.id)));
        let consent_in_force = m::ConsentScope::ALL
            .iter()
            .filter(|scope| doc.consent_in_force(**scope, today).is_some())
            .copied()
            .collect();

        let lookup = Lookup::of(s);
        let training = lookup.training_rows(doc, today);
        let views::WorkLog {
            contributions,
            recognition,
        } = lookup.work_log(doc);

        AmbassadorDetail {
            profile: Profile::from(&doc.profile),
            consents,
            consent_in_force,
            training,
            contributions,
            recognition,
            hours_contributed: units::format_hours(doc.minutes_contributed()),
            pathways: views::pathway_rows(doc, today),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_round_trips_through_the_form_shape() {
        let mut core = m::Profile::new("id-1".into(), "Amina", "Leeds", Day::today());
        core.email = Some("amina@example.org".into());
        core.languages
            .insert("arabic".into(), m::LanguageLevel::Native);
        core.skills = m::Tags::from_words(["public speaking"]);
        core.availability
            .set_days(&[m::Weekday::Mon, m::Weekday::Fri]);
        core.availability.set_times(&[m::TimeOfDay::Evening]);
        core.payment = m::PaymentConstraint::NotAllowed;
        let form = Profile::from(&core);
        assert_eq!(form.availability.days, vec![Weekday::Mon, Weekday::Fri]);
        let back = form.clone().into_core("id-1".into()).unwrap();
        assert_eq!(back, core);
    }

    #[test]
    fn blank_form_fields_become_none_and_bad_dates_are_invalid() {
        let core = m::Profile::new("x".into(), "Sam", "Wales", Day::today());
        let mut form = Profile::from(&core);
        form.full_name = Some("   ".into());
        form.languages.push(LanguageSkill {
            language: "  Tigrinya ".into(),
            level: LanguageLevel::Fluent,
        });
        form.languages.push(LanguageSkill {
            language: " ".into(),
            level: LanguageLevel::Basic,
        });
        let back = form.clone().into_core("x".into()).unwrap();
        assert_eq!(back.full_name, None);
        assert_eq!(back.languages.keys().collect::<Vec<_>>(), vec!["tigrinya"]);
        form.joined = "31/12/2025".into();
        assert_eq!(form.into_core("x".into()).unwrap_err().code, "invalid");
    }

    #[test]
    fn recognition_amounts_are_read_as_pounds() {
        let input = RecognitionInput {
            kind: RecognitionKind::TravelExpenses,
            date: "2026-01-02".into(),
            amount: Some("£12.50".into()),
            description: Some(" ".into()),
            project_id: None,
            contribution_id: Some(String::new()),
            checked: false,
            receipt: Some(" R-12 ".into()),
            no_receipt: Some(" ".into()),
            note: None,
        };
        let (r, checked) = input.into_core().unwrap();
        assert_eq!(r.amount_pence, Some(1250));
        assert_eq!(r.description, None);
        let expense = r.expense.clone().expect("a claim");
        assert_eq!(
            (expense.receipt.as_deref(), expense.no_receipt),
            (Some("R-12"), None)
        );
        assert_eq!(r.contribution_id, None);
        assert!(!checked);
    }
}
