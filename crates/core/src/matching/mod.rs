//! Project matching: who can take part in a project, who fits it best and
//! why, which team of N covers what the work needs, and whose turn a
//! recurring seat is.
//!
//! Coordinators must be able to defend every suggestion, and the network
//! must stop asking the same confident few. So matching is explainable by
//! construction: a hard constraint that fails puts a person under "not
//! eligible" with a sentence saying what to fix ([`constraints`]); everyone
//! else gets one score per factor, each with its reason, and the scores add
//! up to their total ([`factors`], [`ranking`]). A fairness factor
//! ([`fairness`]) lifts people who have never taken part or were asked
//! least in recent months. Team selection ([`team`]) picks a set, not the
//! top N: it covers the required skills and languages first, then spreads
//! regions, languages and experience.
//!
//! Everything here is a pure function over the in-memory read model (the
//! hydrated documents as plain structs) and a `today` date: no store, no
//! Automerge, no clock. The same input gives the same output on every laptop,
//! and ties are broken by ambassador id. `Sanctuary` wraps these functions;
//! the benchmark calls them directly.

pub mod constraints;
pub mod factors;
pub mod fairness;
pub mod locality;
pub mod ranking;
pub mod recognition;
pub mod requests;
pub mod rota;
pub mod settings;
pub mod team;

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::{
    AmbassadorDoc, Catalog, Day, PaymentConstraint, Project, ProjectDoc, RecognitionPolicy, Stream,
    Weekday, normalise_tag,
};

pub use constraints::{Constraint, Ineligibility};
pub use factors::{Factor, FactorScore};
pub use fairness::gini;
pub use ranking::{Candidate, NotEligible, Ranking, Standings, rank, standings};
pub use recognition::RecognitionAdvice;
pub use requests::{
    InvitationChange, InvitationUpdate, InvitationView, MatchOptions, RotaAssignment, default_role,
};
pub use rota::{RotaMember, RotaPlace, RotaPlan, RotaSummary, plan_turn, rota_summary};
pub use settings::{MatchSettings, MatchWeights};
pub use team::{Coverage, Team, TeamMember, select_team};

/// What matching reads: one project, the people to consider, every project
/// (for the history of asks and for double booking), the catalog (course
/// validity) and the day it is.
#[derive(Debug, Clone, Copy)]
pub struct MatchInput<'a> {
    pub project: &'a ProjectDoc,
    /// Archived people are skipped (they are hidden from matching).
    pub ambassadors: &'a [&'a AmbassadorDoc],
    /// Every project, the one being matched included or not.
    pub projects: &'a [&'a ProjectDoc],
    pub catalog: &'a Catalog,
    pub today: Day,
    pub settings: &'a MatchSettings,
    /// The network's recognition policy: what to offer whom.
    pub policy: &'a RecognitionPolicy,
}

/// The whole answer for a project's matching screen.
#[derive(Debug, Clone, Serialize)]
pub struct MatchReport {
    pub project_id: String,
    pub project_title: String,
    pub today: Day,
    pub settings: MatchSettings,
    /// Eligible people, best first (the first `limit` of them).
    pub ranked: Vec<Candidate>,
    /// How many people are eligible in all.
    pub ranked_count: usize,
    /// People who cannot take part yet, nearest to eligible first (the
    /// first `limit` of them).
    pub not_eligible: Vec<NotEligible>,
    pub not_eligible_count: usize,
    pub team: Team,
}

/// Ranks everyone for the project and selects a team for `places` (the
/// project's own number of places if `None`). Everyone is ranked and
/// considered for the team; only the first `limit` people of each list
/// (all of them if `None`) are put in words.
pub fn match_project(input: &MatchInput, places: Option<u32>, limit: Option<usize>) -> MatchReport {
    let standings = standings(input);
    let project = &input.project.project;
    let team = select_team(&standings, places.unwrap_or(project.places));
    let limit = limit.unwrap_or(usize::MAX);
    MatchReport {
        project_id: project.id.clone(),
        project_title: project.title.clone(),
        today: input.today,
        settings: *input.settings,
        ranked: standings.candidates().take(limit).collect(),
        ranked_count: standings.ranked_count(),
        not_eligible: standings.not_eligible().take(limit).collect(),
        not_eligible_count: standings.not_eligible_count(),
        team,
    }
}

/// What every check and factor reads about the project, worked out once
/// per run rather than once per person (ranking 5,000 people must stay
/// under 10 ms).
pub(crate) struct Context<'a> {
    pub input: &'a MatchInput<'a>,
    pub project: &'a Project,
    /// The project's first and last day.
    pub first: Day,
    pub last: Day,
    /// Title and description as lower-case words between single spaces,
    /// with a space at each end, for whole-phrase search.
    pub text: String,
    pub history: fairness::History<'a>,
    /// The first day of "recently".
    pub recent_from: Day,
    /// The weekdays the project falls on (at most the first week).
    pub weekdays: Vec<Weekday>,
    /// The location's comma-separated parts, normalised like tags.
    pub location_parts: Vec<String>,
    /// The organisation whose work is assessed, normalised like a tag.
    pub organisation: Option<String>,
    /// The recognition advice for each payment constraint.
    advice: [RecognitionAdvice; 3],
    /// Whether an interest relates to the project, by interest.
    interests: RefCell<FxHashMap<String, bool>>,
    /// Fairness reasons already written, by experience.
    fairness_reasons: RefCell<FxHashMap<fairness::Experience, String>>,
}

impl<'a> Context<'a> {
    pub fn new(input: &'a MatchInput<'a>) -> Context<'a> {
        let project = &input.project.project;
        let last = project.end.unwrap_or(project.start).max(project.start);
        // A week holds every weekday; longer projects need not be walked further.
        let span = project.start.days_until(last).clamp(0, 6);
        let advice = |payment| recognition::advise(project, payment, input.policy);
        Context {
            input,
            project,
            first: project.start,
            last,
            text: phrase_text(&format!("{} {}", project.title, project.description)),
            history: fairness::History::new(input.projects),
            recent_from: months_before(input.today, input.settings.recent_months),
            weekdays: (0..=span)
                .map(|n| constraints::weekday(project.start.plus_days(n)))
                .collect(),
            location_parts: project
                .location
                .as_deref()
                .unwrap_or("")
                .split(',')
                .map(normalise_tag)
                .filter(|p| !p.is_empty())
                .collect(),
            organisation: project.organisation.as_deref().map(normalise_tag),
            advice: [
                advice(PaymentConstraint::Allowed),
                advice(PaymentConstraint::NotAllowed),
                advice(PaymentConstraint::CheckFirst),
            ],
            interests: RefCell::new(FxHashMap::default()),
            fairness_reasons: RefCell::new(FxHashMap::default()),
        }
    }

    pub fn advice(&self, payment: PaymentConstraint) -> RecognitionAdvice {
        let i = match payment {
            PaymentConstraint::Allowed => 0,
            PaymentConstraint::NotAllowed => 1,
            PaymentConstraint::CheckFirst => 2,
        };
        self.advice[i].clone()
    }

    /// The fairness reason for `experience`, written by `write` the first time.
    pub fn fairness_reason(
        &self,
        experience: fairness::Experience,
        write: impl FnOnce() -> String,
    ) -> String {
        self.fairness_reasons
            .borrow_mut()
            .entry(experience)
            .or_insert_with(write)
            .clone()
    }

    /// Whether `interest` is one the project's stream is about or appears in
    /// its title or description (remembered: people share interests).
    pub fn relates_to(&self, interest: &str) -> bool {
        if let Some(&known) = self.interests.borrow().get(interest) {
            return known;
        }
        let related = factors::stream_interests(self.project.stream).contains(&interest)
            || contains_phrase(&self.text, interest);
        self.interests
            .borrow_mut()
            .insert(interest.to_string(), related);
        related
    }

    pub fn is_media(&self) -> bool {
        self.project.stream == Stream::Media
    }
}

/// Lower-case words separated by single spaces, padded with a space at each
/// end, so `" mental health "` can be found as a phrase.
pub(crate) fn phrase_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
    {
        out.push_str(&word.to_lowercase());
        out.push(' ');
    }
    out
}

/// Whether `phrase` (a tag) occurs as whole words in a `phrase_text`.
pub(crate) fn contains_phrase(text: &str, phrase: &str) -> bool {
    let phrase = phrase_text(&normalise_tag(phrase));
    phrase.len() > 2 && text.contains(&phrase)
}

/// The same day `months` earlier (clamped to the month's end, like `plus_months`).
pub(crate) fn months_before(day: Day, months: u32) -> Day {
    Day(day
        .0
        .checked_sub_months(chrono::Months::new(months))
        .unwrap_or(chrono::NaiveDate::MIN))
}

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_only() {
        let text = phrase_text("Maternity services: a listening event on Mental-Health.");
        assert!(contains_phrase(&text, "mental health"));
        assert!(contains_phrase(&text, "Maternity"));
        assert!(!contains_phrase(&text, "health services"));
        assert!(!contains_phrase(&text, "ent"));
        assert!(!contains_phrase(&text, ""));
    }

    #[test]
    fn months_before_clamps_to_the_month_end() {
        let day = |s: &str| s.parse::<Day>().unwrap();
        assert_eq!(months_before(day("2026-08-31"), 6), day("2026-02-28"));
        assert_eq!(months_before(day("2028-08-31"), 6), day("2028-02-29"));
        assert_eq!(months_before(day("2026-03-15"), 0), day("2026-03-15"));
    }
}
