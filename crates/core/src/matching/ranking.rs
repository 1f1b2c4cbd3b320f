//! Ranking: everyone not archived is either a candidate, with a score per
//! factor that adds up to their total, or not eligible, with the reasons.
//!
//! Candidates are ordered by total, best first, ties broken by ambassador id
//! so every laptop shows the same order. The not-eligible list puts the
//! people nearest to eligible (fewest reasons) first: they are the ones a
//! coordinator can most easily bring in.
//!
//! Ranking is done in two steps, because a network has thousands of people
//! and a screen shows a page of them. [`standings`] checks everyone and adds
//! up their points, writing no words (ranking 5,000 people must stay under
//! 10 ms); [`Standings`] then puts the people asked for into words: each
//! factor's reason, each reason someone is not eligible. [`rank`] does both
//! for everyone.

use serde::Serialize;

use super::constraints::{self, Ineligibility};
use super::factors::{self, Factor, FactorScore, Points, SkillKind};
use super::fairness::Experience;
use super::locality::Reach;
use super::messages::{Code, Message, Param};
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
    pub notes: Vec<Message>,
}

impl Candidate {
    pub fn factor(&self, factor: Factor) -> Option<&FactorScore> {
        self.factors.iter().find(|f| f.factor == factor)
    }
}

/// Someone who cannot take part yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

/// Ranks every ambassador in `input` for its project, with every reason in
/// words.
pub fn rank(input: &MatchInput) -> Ranking {
    standings(input).explain()
}

/// Everyone's place for one project, before it is put in words.
pub struct Standings<'a> {
    ctx: Context<'a>,
    /// Best first.
    ranked: Vec<Standing<'a>>,
    /// Nearest to eligible first.
    not_eligible: Vec<Unfit<'a>>,
}

/// An eligible person's points.
#[derive(Clone, Copy)]
pub(crate) struct Standing<'a> {
    pub person: &'a AmbassadorDoc,
    pub invitation: Option<InvitationStatus>,
    pub total: i32,
    pub experience: Experience,
    reach: Reach,
}

/// Someone who is not eligible, and how many reasons there are.
struct Unfit<'a> {
    person: &'a AmbassadorDoc,
    invitation: Option<InvitationStatus>,
    reasons: u32,
}

/// Checks everyone in `input` and adds up their points: the order of the
/// ranking and each total, with no words written yet.
pub fn standings<'a>(input: &'a MatchInput<'a>) -> Standings<'a> {
    let ctx = Context::new(input);
    // Ties go to the lower id. The read model hands people over in id order;
    // people in any other order are sorted first, so that the lists below
    // need only a stable sort on score, without comparing ids again.
    let mut people: Vec<&AmbassadorDoc> = input
        .ambassadors
        .iter()
        .copied()
        .filter(|p| !p.profile.archived)
        .collect();
    if !people.is_sorted_by_key(|p| p.id()) {
        people.sort_unstable_by_key(|p| p.id());
    }
    let (mut ranked, mut not_eligible) = (Vec::new(), Vec::new());
    let mut scratch = Vec::new();
    for person in people {
        let invitation = input
            .project
            .invitations
            .get(person.id())
            .and_then(|i| i.status());
        let history = ctx.history.of(person.id());
        let mut reasons = 0u32;
        constraints::check(&ctx, person, history, &mut reasons);
        if reasons > 0 {
            not_eligible.push(Unfit {
                person,
                invitation,
                reasons,
            });
            continue;
        }
        let experience = fairness::experience(person, history, ctx.recent_from, &mut scratch);
        // Eligibility already checked the reach; an error cannot happen here.
        let reach = locality::reach(&ctx, person).unwrap_or(Reach::Anywhere);
        let points = points(&ctx, person, experience, reach);
        ranked.push(Standing {
            person,
            invitation,
            total: points.iter().map(|p| p.points).sum(),
            experience,
            reach,
        });
    }
    ranked.sort_by_key(|s| std::cmp::Reverse(s.total));
    not_eligible.sort_by_key(|u| u.reasons);
    Standings {
        ctx,
        ranked,
        not_eligible,
    }
}

/// Each factor's points for an eligible person, in the order of [`Factor`].
fn points(
    ctx: &Context,
    person: &AmbassadorDoc,
    experience: Experience,
    reach: Reach,
) -> [Points; 6] {
    let (project, p) = (ctx.project, &person.profile);
    let weights = &ctx.input.settings.weights;
    [
        factors::skills(
            &project.required_skills,
            &p.skills,
            weights.required_skills,
            SkillKind::Required,
        )
        .points,
        factors::skills(
            &project.desired_skills,
            &p.skills,
            weights.desired_skills,
            SkillKind::Desired,
        )
        .points,
        factors::interests(ctx, person).points,
        factors::languages(ctx, person).points,
        locality::factor(ctx, person, reach).points,
        fairness::factor(ctx, experience).points,
    ]
}

/// The same factors with their reasons in words.
fn words(
    ctx: &Context,
    person: &AmbassadorDoc,
    experience: Experience,
    reach: Reach,
) -> Vec<FactorScore> {
    let (project, p) = (ctx.project, &person.profile);
    let weights = &ctx.input.settings.weights;
    vec![
        factors::skills(
            &project.required_skills,
            &p.skills,
            weights.required_skills,
            SkillKind::Required,
        )
        .explain(Factor::RequiredSkills),
        factors::skills(
            &project.desired_skills,
            &p.skills,
            weights.desired_skills,
            SkillKind::Desired,
        )
        .explain(Factor::DesiredSkills),
        factors::interests(ctx, person).explain(Factor::Interests),
        factors::languages(ctx, person).explain(Factor::Languages),
        locality::factor(ctx, person, reach).explain(Factor::Locality),
        fairness::factor(ctx, experience).explain(Factor::Fairness),
    ]
}

impl<'a> Standing<'a> {
    pub fn id(&self) -> &'a str {
        self.person.id()
    }
}

impl<'a> Standings<'a> {
    pub(crate) fn context(&self) -> &Context<'a> {
        &self.ctx
    }

    /// Eligible people's standings, best first.
    pub(crate) fn ranked(&self) -> &[Standing<'a>] {
        &self.ranked
    }

    pub fn ranked_count(&self) -> usize {
        self.ranked.len()
    }

    pub fn not_eligible_count(&self) -> usize {
        self.not_eligible.len()
    }

    /// The eligible people's ids and totals, best first (no words).
    pub fn totals(&self) -> impl ExactSizeIterator<Item = (&'a str, i32)> + '_ {
        self.ranked.iter().map(|s| (s.id(), s.total))
    }

    /// The eligible people in words, best first.
    pub fn candidates(&self) -> impl ExactSizeIterator<Item = Candidate> + '_ {
        self.ranked.iter().map(|s| self.candidate(s))
    }

    /// The people who are not eligible in words, nearest to eligible first.
    pub fn not_eligible(&self) -> impl ExactSizeIterator<Item = NotEligible> + '_ {
        self.not_eligible.iter().map(|u| {
            let mut reasons = Vec::with_capacity(u.reasons as usize);
            let history = self.ctx.history.of(u.person.id());
            constraints::check(&self.ctx, u.person, history, &mut reasons);
            NotEligible {
                ambassador_id: u.person.id().to_string(),
                display_name: u.person.profile.display_name.clone(),
                region: u.person.profile.region.clone(),
                invitation: u.invitation,
                reasons,
            }
        })
    }

    /// Everyone in words.
    pub fn explain(&self) -> Ranking {
        Ranking {
            project_id: self.ctx.project.id.clone(),
            ranked: self.candidates().collect(),
            not_eligible: self.not_eligible().collect(),
        }
    }

    pub(crate) fn candidate(&self, s: &Standing) -> Candidate {
        let ctx = &self.ctx;
        let p = &s.person.profile;
        let factors = words(ctx, s.person, s.experience, s.reach);
        debug_assert_eq!(factors.iter().map(|f| f.points).sum::<i32>(), s.total);
        let mut notes = Vec::new();
        if let Some(language) = &p.interpreter {
            notes.push(
                Message::new(
                    Code::NoteInterpreter,
                    format!("needs an interpreter ({language})"),
                )
                .with("language", Param::Language(language.clone())),
            );
        }
        if p.access_needs.is_some() {
            notes.push(Message::new(
                Code::NoteAccessNeeds,
                "has access needs recorded: check them against the venue",
            ));
        }
        Candidate {
            ambassador_id: p.id.clone(),
            display_name: p.display_name.clone(),
            region: p.region.clone(),
            total: s.total,
            factors,
            first_timer: s.experience.first_timer,
            recent_opportunities: s.experience.recent,
            invitation: s.invitation,
            covers_skills: factors::covered_skills(&ctx.project.required_skills, &p.skills),
            covers_languages: factors::covered_languages(ctx, s.person),
            languages: p.languages.keys().cloned().collect(),
            recognition: ctx.advice(p.payment),
            notes,
        }
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
            !c.notes[1].as_str().contains("step-free"),
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

    #[test]
    fn a_page_in_words_is_the_head_of_the_whole_ranking() {
        let mut w = Fixture::new();
        w.project().required_skills = Tags::from_words(["assessment"]);
        let mut people: Vec<AmbassadorDoc> = (0..9).map(|i| w.person(&format!("p{i}"))).collect();
        for (i, p) in people.iter_mut().enumerate() {
            if i % 3 == 0 {
                p.profile.skills = Tags::from_words(["assessment"]);
            }
            if i % 4 == 0 {
                p.profile.status = Status::Paused;
            }
        }
        // Given out of id order: the order of the answer must not depend on it.
        let refs: Vec<&AmbassadorDoc> = people.iter().rev().collect();
        let whole = w.rank(&refs);
        let page = w.run(&refs, |input| {
            super::super::match_project(input, Some(2), Some(2))
        });
        assert_eq!(page.ranked, whole.ranked[..2]);
        assert_eq!(page.not_eligible, whole.not_eligible[..2]);
        assert_eq!(page.ranked_count, whole.ranked.len());
        assert_eq!(page.not_eligible_count, whole.not_eligible.len());
        let totals: Vec<(String, i32)> = w.run(&refs, |input| {
            super::standings(input)
                .totals()
                .map(|(id, total)| (id.to_string(), total))
                .collect()
        });
        let explained: Vec<(String, i32)> = whole
            .ranked
            .iter()
            .map(|c| (c.ambassador_id.clone(), c.total))
            .collect();
        assert_eq!(totals, explained);
        let ids: Vec<&str> = whole
            .ranked
            .iter()
            .map(|c| c.ambassador_id.as_str())
            .collect();
        assert_eq!(ids, ["p3", "p6", "p1", "p2", "p5", "p7"]);
    }
}
