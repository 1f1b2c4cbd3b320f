//! Matching over the read model: thin wrappers that find the project, hand
//! every ambassador and project (as the plain structs already in memory) to
//! the pure functions of `crate::matching`, and return their reports.

use super::{NETWORK_DOC, Sanctuary};
use crate::documents::Kind;
use crate::error::{CoreError, Result};
use crate::matching::{
    self, Ineligibility, MatchInput, MatchOptions, MatchReport, MatchSettings, RotaPlan,
    RotaSummary,
};
use crate::model::{AmbassadorDoc, Day, ProjectDoc};

impl Sanctuary {
    /// How this network's matching weighs its factors.
    pub fn match_settings(&self) -> MatchSettings {
        self.network.matching
    }

    /// Saves the network's match settings (checked first; nothing changes
    /// if they are out of range). Each weight is its own field, so a change
    /// made on another laptop to a different weight survives the merge.
    /// (A network made before settings existed has no settings map yet: if
    /// two laptops save their first settings at once, each creates one, and
    /// the merge keeps one whole map, listing the other under conflicts.)
    pub fn set_match_settings(&mut self, settings: MatchSettings) -> Result<()> {
        settings.validate()?;
        let mut network = self.network.clone();
        network.matching = settings;
        self.commit(
            NETWORK_DOC,
            Kind::Network,
            "change match settings",
            &network,
            |doc| {
                autosurgeon::reconcile_prop(doc, automerge::ROOT, "matching", settings)
                    .map_err(|e| CoreError::Internal(format!("recording match settings: {e}")))
            },
        )?;
        self.network = network;
        Ok(())
    }

    /// Ranks every ambassador for a project (by id, id prefix or title),
    /// lists who is not eligible and why, and selects a team.
    pub fn match_project(&self, project: &str, options: &MatchOptions) -> Result<MatchReport> {
        let doc = self.project(project)?;
        Ok(
            self.with_match_input(doc, options.today(), &self.settings_for(options), |input| {
                matching::match_project(input, options.places, options.limit)
            }),
        )
    }

    /// Why `ambassador` cannot take part in `project` on `today` (empty if they can).
    pub fn eligibility(
        &self,
        project: &str,
        ambassador: &str,
        today: Day,
    ) -> Result<Vec<Ineligibility>> {
        let doc = self.project(project)?;
        let person = self.ambassador(ambassador)?;
        Ok(eligibility_of(self, doc, person, today))
    }

    /// The fair order of a rota's members for the meeting on `date`.
    pub fn rota_plan(&self, project: &str, date: Day, options: &MatchOptions) -> Result<RotaPlan> {
        let doc = self.project(project)?;
        Ok(
            self.with_match_input(doc, options.today(), &self.settings_for(options), |input| {
                matching::plan_turn(input, date)
            }),
        )
    }

    /// A rota's members, their turns and how evenly the turns are spread.
    pub fn rota_summary(&self, project: &str) -> Result<RotaSummary> {
        let doc = self.project(project)?;
        let people: Vec<&AmbassadorDoc> = doc
            .rota
            .members
            .iter()
            .filter_map(|id| self.ambassadors.get(id))
            .collect();
        Ok(matching::rota_summary(doc, &people))
    }

    /// The settings a run uses: those it was given, else the network's.
    fn settings_for(&self, options: &MatchOptions) -> MatchSettings {
        options.settings.unwrap_or(self.network.matching)
    }

    /// Runs `f` over the whole read model for one project: no document is
    /// loaded into Automerge.
    pub(super) fn with_match_input<R>(
        &self,
        project: &ProjectDoc,
        today: Day,
        settings: &MatchSettings,
        f: impl FnOnce(&MatchInput) -> R,
    ) -> R {
        let ambassadors: Vec<&AmbassadorDoc> = self.ambassadors.values().collect();
        let projects: Vec<&ProjectDoc> = self.projects.values().collect();
        f(&MatchInput {
            project,
            ambassadors: &ambassadors,
            projects: &projects,
            catalog: &self.catalog,
            today,
            settings,
            policy: &self.network.recognition_policy,
        })
    }
}

/// The hard constraints `person` fails for `project` on `today`; an
/// archived person fails with a reason of their own.
pub(super) fn eligibility_of(
    s: &Sanctuary,
    project: &ProjectDoc,
    person: &AmbassadorDoc,
    today: Day,
) -> Vec<Ineligibility> {
    if person.profile.archived {
        return vec![Ineligibility::new(
            matching::Constraint::Status,
            "is archived",
            Some("restore their profile first".into()),
        )];
    }
    let projects: Vec<&ProjectDoc> = s.projects.values().collect();
    let settings = s.network.matching;
    let input = MatchInput {
        project,
        ambassadors: &[person],
        projects: &projects,
        catalog: &s.catalog,
        today,
        settings: &settings,
        policy: &s.network.recognition_policy,
    };
    matching::rank(&input)
        .not_eligible
        .into_iter()
        .flat_map(|n| n.reasons)
        .collect()
}

/// Reasons as the sentences of a `NotEligible` error.
pub(super) fn reason_words(reasons: &[Ineligibility]) -> Vec<String> {
    reasons
        .iter()
        .map(|r| match &r.next_step {
            Some(next) => format!("{} ({next})", r.reason),
            None => r.reason.to_string(),
        })
        .collect()
}
