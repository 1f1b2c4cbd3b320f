//! An ambassador's document: their profile, consent, training records,
//! contributions and recognition. One Automerge document per person, so a
//! person's data merges, encrypts and (one day) is erased as one unit.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::expense::{Expense, Review};
use super::packed;
use super::suggestion::Suggestion;
use super::validate::{Field, Invalid, check_len, check_optional_len, check_text, out_of_range};
use super::values::{Day, Tags};
use super::vocab::{
    Channel, ConsentScope, LanguageLevel, PathwayRole, PaymentConstraint, RecognitionKind, Status,
    Stream, TimeOfDay, Weekday,
};
use crate::matching::{Code, Param};

/// The schema version written into every ambassador document.
pub const AMBASSADOR_SCHEMA: u64 = 1;

/// Everything about one ambassador, exactly as held in their Automerge document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct AmbassadorDoc {
    pub schema: u64,
    pub profile: Profile,
    /// Keyed by record id, so records added on two laptops at once both
    /// survive; each record is kept whole (see [`packed`]).
    #[autosurgeon(with = "packed")]
    pub consents: BTreeMap<String, Consent>,
    #[autosurgeon(with = "packed")]
    pub training: BTreeMap<String, TrainingRecord>,
    #[autosurgeon(with = "packed")]
    pub contributions: BTreeMap<String, Contribution>,
    #[autosurgeon(with = "packed")]
    pub recognition: BTreeMap<String, Recognition>,
    /// What the person suggested in self-view, waiting for a coordinator.
    #[autosurgeon(missing = "BTreeMap::new")]
    #[serde(default)]
    pub suggestions: BTreeMap<String, Suggestion>,
    /// Roles the person moved into over time (steering group, trustee ...),
    /// keyed by id; documents written before pathways hydrate with none.
    #[autosurgeon(missing = "BTreeMap::new")]
    #[serde(default)]
    pub pathways: BTreeMap<String, Pathway>,
}

impl AmbassadorDoc {
    pub fn new(profile: Profile) -> AmbassadorDoc {
        AmbassadorDoc {
            schema: AMBASSADOR_SCHEMA,
            profile,
            consents: BTreeMap::new(),
            training: BTreeMap::new(),
            contributions: BTreeMap::new(),
            recognition: BTreeMap::new(),
            suggestions: BTreeMap::new(),
            pathways: BTreeMap::new(),
        }
    }

    pub fn id(&self) -> &str {
        &self.profile.id
    }

    /// The consent currently in force for a scope: the latest record by date
    /// (ties broken by id so every laptop agrees), if it was agreed and its
    /// review date has not passed.
    pub fn consent_in_force(&self, scope: ConsentScope, today: Day) -> Option<&Consent> {
        self.consents
            .values()
            .filter(|c| c.scope == scope && c.date <= today)
            .max_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)))
            .filter(|c| c.agreed && c.review.is_none_or(|review| review >= today))
    }

    /// Total minutes contributed.
    pub fn minutes_contributed(&self) -> u64 {
        self.contributions
            .values()
            .map(|c| u64::from(c.minutes))
            .sum()
    }
}

/// Who someone is and how to work with them. Never their immigration status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Profile {
    pub id: String,
    /// The name they want to be called; the only name shown in lists.
    pub display_name: String,
    pub full_name: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub preferred_channel: Option<Channel>,
    pub region: String,
    pub local_group: Option<String>,
    /// Language name (lower case) to how well they speak it.
    pub languages: BTreeMap<String, LanguageLevel>,
    pub skills: Tags,
    pub interests: Tags,
    pub availability: Availability,
    pub access_needs: Option<String>,
    /// The language an interpreter would need to speak, if they want one.
    pub interpreter: Option<String>,
    pub status: Status,
    pub joined: Day,
    pub payment: PaymentConstraint,
    /// Organisations they are linked to (a conflict of interest on award panels).
    pub organisations: Tags,
    pub notes: String,
    /// Archived profiles are kept but hidden from lists and matching.
    pub archived: bool,
}

/// When and how someone can take part.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Availability {
    pub days: BTreeMap<String, bool>,
    pub times: BTreeMap<String, bool>,
    pub remote: bool,
    pub in_person: bool,
    /// How far they can travel to take part in person, in kilometres.
    pub travel_km: Option<u32>,
}

impl Availability {
    pub fn set_days(&mut self, days: &[Weekday]) {
        self.days = days
            .iter()
            .map(|d| (d.as_str().to_string(), true))
            .collect();
    }

    pub fn set_times(&mut self, times: &[TimeOfDay]) {
        self.times = times
            .iter()
            .map(|t| (t.as_str().to_string(), true))
            .collect();
    }

    pub fn has_day(&self, day: Weekday) -> bool {
        self.days.get(day.as_str()).copied().unwrap_or(false)
    }
}

/// One consent decision: what was agreed (or refused), when, and who recorded it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Consent {
    pub id: String,
    pub scope: ConsentScope,
    pub agreed: bool,
    pub date: Day,
    pub recorded_by: String,
    /// When to ask again; after this day the consent is no longer in force.
    pub review: Option<Day>,
    pub note: Option<String>,
}

/// A course someone completed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct TrainingRecord {
    pub id: String,
    pub course_id: String,
    pub completed: Day,
    pub trainer: Option<String>,
    pub evidence: Option<String>,
    /// Self-rated confidence before and after, 1 to 5.
    pub confidence_before: Option<u8>,
    pub confidence_after: Option<u8>,
    /// Where it took place ("Online" for online sessions).
    pub place: Option<String>,
    /// The training session it was recorded with, if any.
    pub session_id: Option<String>,
    /// The person's own words on what the course meant to them.
    pub reflection: Option<String>,
}

impl TrainingRecord {
    /// A completion with nothing but the course and the day.
    pub fn new(course_id: &str, completed: Day) -> TrainingRecord {
        TrainingRecord {
            id: String::new(),
            course_id: course_id.to_string(),
            completed,
            trainer: None,
            evidence: None,
            confidence_before: None,
            confidence_after: None,
            place: None,
            session_id: None,
            reflection: None,
        }
    }
}

/// Time someone gave to a piece of co-production work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Contribution {
    pub id: String,
    pub project_id: Option<String>,
    pub date: Day,
    pub role: String,
    pub stream: Stream,
    pub minutes: u32,
}

/// How someone was thanked or reimbursed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Recognition {
    pub id: String,
    pub date: Day,
    pub kind: RecognitionKind,
    /// In pence, for kinds that involve money.
    pub amount_pence: Option<u64>,
    pub description: Option<String>,
    pub contribution_id: Option<String>,
    pub project_id: Option<String>,
    /// For reimbursements (travel, meals): receipt, approval and status.
    #[autosurgeon(missing = "Option::default")]
    #[serde(default)]
    pub expense: Option<Expense>,
    /// Set when the entry was flagged for review (see `model::expense`).
    #[autosurgeon(missing = "Option::default")]
    #[serde(default)]
    pub review: Option<Review>,
}

/// A role someone moved into, from a day and (once it ended) to a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Pathway {
    pub id: String,
    pub role: PathwayRole,
    pub from: Day,
    /// The last day in the role; none while they still hold it.
    pub to: Option<Day>,
    /// What the role is ("Yorkshire steering group"), as the coordinator wrote it.
    pub note: Option<String>,
}

impl Pathway {
    /// Whether the role was held on `day`.
    pub fn held_on(&self, day: Day) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        if self.to.is_some_and(|to| to < self.from) {
            return Err(Invalid::new(
                Field::To,
                Code::InvalidEndsBeforeStart,
                format!(
                    "the role ends ({}) before it starts ({})",
                    self.to.map(|d| d.to_string()).unwrap_or_default(),
                    self.from
                ),
            )
            .with("start", Param::date(self.from))
            .with("end", Param::date(self.to.unwrap_or(self.from))));
        }
        check_optional_len(Field::Note, &self.note, 500)
    }
}

impl Profile {
    /// A new active profile with nothing but the required fields.
    pub fn new(id: String, display_name: &str, region: &str, joined: Day) -> Profile {
        Profile {
            id,
            display_name: display_name.trim().to_string(),
            full_name: None,
            pronouns: None,
            email: None,
            phone: None,
            preferred_channel: None,
            region: region.trim().to_string(),
            local_group: None,
            languages: BTreeMap::new(),
            skills: Tags::new(),
            interests: Tags::new(),
            availability: Availability::default(),
            access_needs: None,
            interpreter: None,
            status: Status::Active,
            joined,
            payment: PaymentConstraint::CheckFirst,
            organisations: Tags::new(),
            notes: String::new(),
            archived: false,
        }
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        check_text(Field::DisplayName, &self.display_name, 80)?;
        check_text(Field::Region, &self.region, 80)?;
        check_optional_len(Field::FullName, &self.full_name, 200)?;
        check_optional_len(Field::Pronouns, &self.pronouns, 40)?;
        check_optional_len(Field::Phone, &self.phone, 40)?;
        check_optional_len(Field::LocalGroup, &self.local_group, 80)?;
        check_optional_len(Field::AccessNeeds, &self.access_needs, 2000)?;
        check_optional_len(Field::InterpreterLanguage, &self.interpreter, 80)?;
        check_len(Field::Notes, &self.notes, 10_000)?;
        if let Some(email) = &self.email {
            let valid = email.len() <= 254
                && email
                    .split_once('@')
                    .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
                && !email.contains(char::is_whitespace);
            if !valid {
                return Err(Invalid::new(
                    Field::Email,
                    Code::InvalidNotAnEmail,
                    format!("'{email}' is not an email address"),
                )
                .with("value", Param::Text(email.clone())));
            }
        }
        for language in self.languages.keys() {
            check_text(Field::Language, language, 60)?;
        }
        for day in self.availability.days.keys() {
            day.parse::<Weekday>()
                .map_err(|e| Invalid::from((Field::AvailabilityDays, e)))?;
        }
        for time in self.availability.times.keys() {
            time.parse::<TimeOfDay>()
                .map_err(|e| Invalid::from((Field::AvailabilityTimes, e)))?;
        }
        Ok(())
    }
}

impl Consent {
    pub fn validate(&self) -> Result<(), Invalid> {
        check_text(Field::RecordedBy, &self.recorded_by, 80)?;
        if self.review.is_some_and(|review| review < self.date) {
            return Err(Invalid::new(
                Field::ReviewDate,
                Code::InvalidEndsBeforeStart,
                "the review date is before the consent date",
            )
            .with("start", Param::date(self.date))
            .with("end", Param::date(self.review.unwrap_or(self.date))));
        }
        check_optional_len(Field::ConsentNote, &self.note, 2000)
    }
}

impl TrainingRecord {
    pub fn validate(&self) -> Result<(), Invalid> {
        for (field, rating) in [
            (Field::ConfidenceBefore, self.confidence_before),
            (Field::ConfidenceAfter, self.confidence_after),
        ] {
            if rating.is_some_and(|r| !(1..=5).contains(&r)) {
                return Err(out_of_range(field, 1, 5, "a confidence rating is 1 to 5"));
            }
        }
        check_optional_len(Field::Trainer, &self.trainer, 120)?;
        check_optional_len(Field::Place, &self.place, 160)?;
        check_optional_len(Field::Reflection, &self.reflection, 1000)?;
        check_optional_len(Field::Evidence, &self.evidence, 2000)
    }
}

impl Contribution {
    pub fn validate(&self) -> Result<(), Invalid> {
        check_text(Field::Role, &self.role, 120)?;
        if self.minutes == 0 || self.minutes > 24 * 60 {
            return Err(Invalid::new(
                Field::Hours,
                Code::InvalidHoursForADay,
                "hours must be more than 0 and at most 24 for one day",
            ));
        }
        Ok(())
    }
}

/// The most one recognition entry may be, in pence (£10,000): more is
/// almost certainly a typing slip.
const MAX_AMOUNT_PENCE: u64 = 1_000_000;

impl Recognition {
    pub fn validate(&self) -> Result<(), Invalid> {
        match (self.kind.involves_money(), self.amount_pence) {
            (true, None) => Err(Invalid::new(
                Field::Amount,
                Code::InvalidAmountNeeded,
                format!("{} needs the amount in pounds", self.kind),
            )
            .with("kind", Param::Kind(self.kind))),
            (false, Some(_)) => Err(Invalid::new(
                Field::Amount,
                Code::InvalidAmountNotMoney,
                format!("{} does not involve money; leave the amount out", self.kind),
            )
            .with("kind", Param::Kind(self.kind))),
            (true, Some(0)) => Err(Invalid::new(
                Field::Amount,
                Code::InvalidAmountRange,
                "the amount must be more than 0",
            )
            .with("max", Param::money(MAX_AMOUNT_PENCE))),
            (true, Some(p)) if p > MAX_AMOUNT_PENCE => Err(Invalid::new(
                Field::Amount,
                Code::InvalidAmountRange,
                "the amount is more than £10,000; check it",
            )
            .with("max", Param::money(MAX_AMOUNT_PENCE))),
            _ if self.expense.is_some() && !self.kind.is_reimbursement() => Err(Invalid::new(
                Field::Receipt,
                Code::InvalidNotAReimbursement,
                format!(
                    "{} is not a reimbursement; leave out the receipt",
                    self.kind
                ),
            )
            .with("kind", Param::Kind(self.kind))),
            _ => check_optional_len(Field::Description, &self.description, 2000),
        }
    }
}
