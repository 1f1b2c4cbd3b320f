//! Ranking: everyone not archived is either a candidate, with a score per
//! factor that adds up to their total, or not eligible, with the reasons.
//!
//! Candidates are ordered by total, best first, ties broken by ambassador id
//! so every laptop shows the same order. The not-eligible list puts the
//! people nearest to eligible (fewest reasons) first: they are the ones a
//! coordinator can most easily bring in.

use serde::Serialize;

use super::constraints::{self, Ineligibility};
use super::factors::{self, Factor, FactorScore};
use super::fairness::PersonHistory;
use super::recognition::RecognitionAdvice;
use super::{Context, MatchInput, fairness, locality};
use crate::model::{AmbassadorDoc, InvitationStatus};

/// Someone who can take part, and why they rank where they do.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub ambassador_id: String,
    pub display_name: String,
    pub region: String,
    /// The sum of the factors' points.
    pub total: i32,
    /// Required skills, desired skills, interests, languages, locality, fairness.
    pub factors: Vec<FactorScore>,
    /// Never taken part (no contribution, no attended invitation).
    pub first_timer: bool,
    /// Opportunities in the recent window (see the fairness factor).
    pub recent_opportunities: u32,
    /// Where their invitation to this project stands, if they have one.
    pub invitation: Option<InvitationStatus>,
    /// The project's required skills they have.
    pub covers_skills: Vec<String>,
    /// The project's languages they speak beyond a basic level.
    pub covers_languages: Vec<String>,
    /// Every language they speak (for the team's spread).
    pub languages: Vec<String>,
    pub recognition: RecognitionAdvice,
    /// Things to arrange before they take part (interpreter, access needs).
    pub notes: Vec<String>,
}

impl Candidate {
    pub fn factor(&self, factor: Factor) -> Option<&FactorScore> {
        self.factors.iter().find(|f| f.factor == factor)
    }
}

/// Someone who cannot take part yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotEligible {
    pub ambassador_id: String,
    pub display_name: String,
    pub region: String,
    pub invitation: Option<InvitationStatus>,
    pub reasons: Vec<Ineligibility>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    pub project_id: String,
    pub ranked: Vec<Candidate>,
    pub not_eligible: Vec<NotEligible>,
}

/// Ranks every ambassador in `input` for its project.
pub fn rank(input: &MatchInput) -> Ranking {
    let ctx = Context::new(input);
    let mut ranked = Vec::new();
    let mut not_eligible = Vec::new();
    for person in input.ambassadors.iter().filter(|p| !p.profile.archived) {
        let invitation = input
            .project
            .invitations
            .get(person.id())
            .and_then(|i| i.status());
        let history = ctx.history.of(person.id());
        let mut reasons = Vec::new();
        constraints::check(&ctx, person, history, &mut reasons);
        if reasons.is_empty() {
            ranked.push(candidate(&ctx, person, history, invitation));
        } else {
            not_eligible.push(NotEligible {
                ambassador_id: person.id().to_string(),
                display_name: person.profile.display_name.clone(),
                region: person.profile.region.clone(),
                invitation,
                reasons,
            });
        }
    }
    ranked.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then_with(|| a.ambassador_id.cmp(&b.ambassador_id))
    });
    not_eligible.sort_by(|a, b| {
        (a.reasons.len(), &a.ambassador_id).cmp(&(b.reasons.len(), &b.ambassador_id))
    });
    Ranking {
        project_id: input.project.project.id.clone(),
        ranked,
        not_eligible,
    }
}

fn candidate(
    ctx: &Context,
    person: &AmbassadorDoc,
    history: Option<&PersonHistory>,
    invitation: Option<InvitationStatus>,
) -> Candidate {
    let p = &person.profile;
    let project = ctx.project;
    let weights = &ctx.input.settings.weights;
    let experience = fairness::experience(person, history, ctx.recent_from);
    // Eligibility already checked the reach; an error cannot happen here.
    let reach = locality::reach(ctx, person).unwrap_or(locality::Reach::Anywhere);
    let (mut covers_skills, mut covers_languages) = (Vec::new(), Vec::new());
    let factors = vec![
        factors::skills(
            Factor::RequiredSkills,
            &project.required_skills,
            &p.skills,
            weights.required_skills,
            "required",
            Some(&mut covers_skills),
        ),
        factors::skills(
            Factor::DesiredSkills,
            &project.desired_skills,
            &p.skills,
            weights.desired_skills,
            "desired",
            None,
        ),
        factors::interests(ctx, person),
        factors::languages(ctx, person, &mut covers_languages),
        locality::factor(ctx, person, reach),
        fairness::factor(ctx, experience),
    ];
    let mut notes = Vec::new();
    if let Some(language) = &p.interpreter {
        notes.push(format!("needs an interpreter ({language})"));
    }
    if p.access_needs.is_some() {
        notes.push("has access needs recorded: check them against the venue".into());
    }
    Candidate {
        ambassador_id: p.id.clone(),
        display_name: p.display_name.clone(),
        region: p.region.clone(),
        total: factors.iter().map(|f| f.points).sum(),
        factors,
        first_timer: experience.first_timer,
        recent_opportunities: experience.recent,
        invitation,
        covers_skills,
        covers_languages,
        languages: p.languages.keys().cloned().collect(),
        recognition: ctx.advice(p.payment),
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use crate::model::*;

    #[test]
    fn factors_add_up_and_ties_are_broken_by_id() {
        let mut w = Fixture::new();
        w.project().required_skills = Tags::from_words(["assessment"]);
        w.project().languages = Tags::from_words(["arabic"]);
        let mut b = w.person("b");
        let a = w.person("a");
        let mut c = w.person("c");
        c.profile.skills = Tags::from_words(["assessment"]);
        speaks(&mut b, "arabic", LanguageLevel::Basic);
        let ranking = w.rank(&[&c, &b, &a]);
        let order: Vec<&str> = ranking
            .ranked
            .iter()
            .map(|c| c.ambassador_id.as_str())
            .collect();
        assert_eq!(order, ["c", "b", "a"]);
        for candidate in &ranking.ranked {
            let sum: i32 = candidate.factors.iter().map(|f| f.points).sum();
            assert_eq!(candidate.total, sum);
            assert_eq!(candidate.factors.len(), 6);
        }
        assert_eq!(ranking.ranked[0].covers_skills, ["assessment"]);
        assert!(
            ranking.ranked[1].covers_languages.is_empty(),
            "basic does not cover"
        );
        let twin = w.person("a2");
        let tied = w.rank(&[&twin, &a]);
        assert_eq!(tied.ranked[0].ambassador_id, "a");
    }

    #[test]
    fn notes_and_recognition_travel_with_the_candidate() {
        let mut w = Fixture::new();
        w.project().recognition = Tags::from_words(["voucher", "thanks"]);
        let mut p = w.person("p");
        p.profile.interpreter = Some("tigrinya".into());
        p.profile.access_needs = Some("step-free".into());
        p.profile.payment = PaymentConstraint::NotAllowed;
        let ranking = w.rank(&[&p]);
        let c = &ranking.ranked[0];
        assert_eq!(c.notes[0], "needs an interpreter (tigrinya)");
        assert!(
            !c.notes[1].contains("step-free"),
            "the detail stays on the profile"
        );
        assert_eq!(c.recognition.withheld, [RecognitionKind::Voucher]);
    }

    #[test]
    fn the_nearest_to_eligible_come_first_among_the_not_eligible() {
        let mut w = Fixture::new();
        w.course("induction", None);
        let mut one = w.person("z-one");
        train(&mut one, "induction", "2025-01-01");
        one.profile.status = Status::Paused;
        let mut two = w.person("a-two");
        two.profile.status = Status::Paused;
        let ranking = w.rank(&[&two, &one]);
        let order: Vec<usize> = ranking
            .not_eligible
            .iter()
            .map(|n| n.reasons.len())
            .collect();
        assert_eq!(order, [1, 2]);
    }
}
