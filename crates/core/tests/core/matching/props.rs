//! Property tests of matching: each property is written above its test.

use proptest::prelude::*;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use sanctuary_core::matching::{
    MatchInput, MatchSettings, Ranking, Team, gini, select_team, standings,
};
use sanctuary_core::model::*;

use super::build::{self, PersonSpec, ProjectSpec, person_spec, project_spec};
use crate::support::day;

fn today() -> Day {
    day("2030-03-01")
}

fn start() -> Day {
    day("2030-03-14")
}

fn people(specs: &[PersonSpec]) -> Vec<AmbassadorDoc> {
    specs
        .iter()
        .enumerate()
        .map(|(i, spec)| build::person(i, spec, start(), today()))
        .collect()
}

fn run(
    project: &ProjectDoc,
    people: &[&AmbassadorDoc],
    settings: &MatchSettings,
) -> (Ranking, Team) {
    let catalog = build::catalog();
    let input = MatchInput {
        project,
        ambassadors: people,
        projects: &[project],
        catalog: &catalog,
        today: today(),
        settings,
        policy: &RecognitionPolicy::default(),
    };
    let standings = standings(&input);
    let team = select_team(&standings, project.project.places);
    (standings.explain(), team)
}

/// Whether a generated person fails a hard constraint, worked out from the
/// spec alone (an oracle independent of the matching code, for the
/// constraints whose outcome the spec fixes).
fn surely_ineligible(spec: &PersonSpec, project: &ProjectSpec, doc: &ProjectDoc) -> bool {
    let end = doc.project.end.unwrap_or(doc.project.start);
    let training_fails = project.training
        && match spec.trained {
            None => true,
            Some(before) if before < 0 => true,
            Some(before) => start().plus_days(-i64::from(before)).plus_months(12) < end,
        };
    spec.status >= 4
        || spec.contact == 0
        || spec.contact == 3
        || (project.media && !spec.media)
        || (project.organisation && spec.organisation)
        || (!spec.remote && !spec.in_person)
        || training_fails
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The same people, in any order, give the same ranking and the same team.
    #[test]
    fn ranking_and_team_are_deterministic(
        project in project_spec(),
        specs in prop::collection::vec(person_spec(), 1..40),
        seed in any::<u64>(),
    ) {
        let doc = build::project(&project, start());
        let people = people(&specs);
        let refs: Vec<&AmbassadorDoc> = people.iter().collect();
        let mut shuffled = refs.clone();
        shuffled.shuffle(&mut rand_chacha::ChaCha8Rng::seed_from_u64(seed));
        let settings = MatchSettings::default();
        let one = run(&doc, &refs, &settings);
        let two = run(&doc, &shuffled, &settings);
        prop_assert_eq!(&one, &two);
        prop_assert_eq!(one, run(&doc, &refs, &settings));
    }

    /// Adding one of the project's required skills to a candidate never
    /// lowers their score.
    #[test]
    fn a_required_skill_never_lowers_a_score(
        project in project_spec(),
        specs in prop::collection::vec(person_spec(), 1..20),
        who in any::<prop::sample::Index>(),
        which in any::<prop::sample::Index>(),
    ) {
        let doc = build::project(&project, start());
        let settings = MatchSettings::default();
        let mut people = people(&specs);
        let before = run(&doc, &people.iter().collect::<Vec<_>>(), &settings).0;
        prop_assume!(!before.ranked.is_empty() && !doc.project.required_skills.is_empty());
        let candidate = &before.ranked[who.index(before.ranked.len())];
        let skills: Vec<&str> = doc.project.required_skills.iter().collect();
        let skill = skills[which.index(skills.len())];
        let person = people
            .iter_mut()
            .find(|p| p.id() == candidate.ambassador_id)
            .expect("the candidate");
        person.profile.skills.insert(skill);
        let after = run(&doc, &people.iter().collect::<Vec<_>>(), &settings).0;
        let again = after
            .ranked
            .iter()
            .find(|c| c.ambassador_id == candidate.ambassador_id)
            .expect("still eligible");
        prop_assert!(again.total >= candidate.total, "{} -> {}", candidate.total, again.total);
    }

    /// Someone who fails a hard constraint never appears in the ranked list
    /// or in a selected team; every one of them is listed as not eligible,
    /// except archived people, who are not listed at all.
    #[test]
    fn the_ineligible_are_never_ranked_or_chosen(
        project in project_spec(),
        specs in prop::collection::vec(person_spec(), 1..40),
    ) {
        let doc = build::project(&project, start());
        let people = people(&specs);
        let (ranking, team) = run(&doc, &people.iter().collect::<Vec<_>>(), &MatchSettings::default());
        for (person, spec) in people.iter().zip(&specs) {
            let id = person.id();
            let ranked = ranking.ranked.iter().any(|c| c.ambassador_id == id);
            let chosen = team.members.iter().any(|m| m.ambassador_id == id);
            let listed = ranking.not_eligible.iter().any(|n| n.ambassador_id == id);
            if spec.archived {
                prop_assert!(!ranked && !chosen && !listed);
            } else if surely_ineligible(spec, &project, &doc) {
                prop_assert!(!ranked && !chosen && listed, "{id} {spec:?}");
            }
            prop_assert!(ranked != listed || spec.archived);
            prop_assert!(!chosen || ranked);
        }
        for n in &ranking.not_eligible {
            prop_assert!(!n.reasons.is_empty());
        }
    }
}

/// Rounds of the same kind of project for `n` equally qualified people, each
/// round's team invited and attending; the invitations each person got.
fn invitations_over_rounds(n: usize, places: u32, rounds: usize, fairness: i32) -> Vec<u32> {
    let mut settings = MatchSettings::default();
    settings.weights.fairness = fairness;
    let spec = PersonSpec {
        status: 0,
        archived: false,
        region: 0,
        skills: 0b1,
        languages: 0b1,
        basic: false,
        remote: true,
        in_person: true,
        travel_km: None,
        contact: 1,
        media: true,
        trained: None,
        organisation: false,
        days: 0,
        contributions: Vec::new(),
    };
    let mut people: Vec<AmbassadorDoc> = (0..n)
        .map(|i| build::person(i, &spec, start(), today()))
        .collect();
    let mut past: Vec<ProjectDoc> = Vec::new();
    let catalog = build::catalog();
    let mut counts = vec![0; n];
    for round in 0..rounds {
        let today = today().plus_days(14 * round as i64);
        let mut project = Project::new(
            format!("round{round:02}"),
            "Focus group",
            Stream::FocusGroup,
            Level::Local,
            today.plus_days(7),
        );
        project.required_skills = Tags::from_words([build::SKILLS[0]]);
        project.places = places;
        project.remote = true;
        let doc = ProjectDoc::new(project);
        let mut projects: Vec<&ProjectDoc> = past.iter().collect();
        projects.push(&doc);
        let refs: Vec<&AmbassadorDoc> = people.iter().collect();
        let input = MatchInput {
            project: &doc,
            ambassadors: &refs,
            projects: &projects,
            catalog: &catalog,
            today,
            settings: &settings,
            policy: &RecognitionPolicy::default(),
        };
        let team = select_team(&standings(&input), places);
        let mut doc = doc.clone();
        for member in &team.members {
            let i = people
                .iter()
                .position(|p| p.id() == member.ambassador_id)
                .expect("a member");
            counts[i] += 1;
            let mut invitation = Invitation::new(&member.ambassador_id);
            for (seq, status) in [InvitationStatus::Invited, InvitationStatus::Attended]
                .into_iter()
                .enumerate()
            {
                let event = InvitationEvent {
                    id: format!("e{seq}"),
                    seq: seq as u64 + 1,
                    status,
                    date: doc.project.start,
                    note: None,
                    minutes: None,
                    contribution_id: None,
                };
                invitation.events.insert(event.id.clone(), event);
            }
            doc.invitations
                .insert(member.ambassador_id.clone(), invitation);
            let mut c = build::contribution(doc.id(), &doc.project.start.to_string(), 90);
            c.id = format!("c{round}");
            people[i].contributions.insert(c.id.clone(), c);
        }
        past.push(doc);
    }
    counts
}

#[test]
fn fairness_spreads_invitations_in_a_typical_network() {
    let fair = invitations_over_rounds(12, 2, 10, 25);
    let unfair = invitations_over_rounds(12, 2, 10, 0);
    assert!(gini(&fair) < gini(&unfair), "{fair:?} {unfair:?}");
    assert!(gini(&fair) < 0.25, "{fair:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Over repeated rounds of the same kind of project, the fairness factor
    /// spreads invitations across equally qualified people: the Gini
    /// coefficient of invitations is lower than with the fairness weight at 0.
    #[test]
    fn fairness_lowers_the_gini_of_invitations(
        n in 4..16usize,
        places in 1..4u32,
        rounds in 3..12usize,
    ) {
        prop_assume!((places as usize) < n);
        let fair = invitations_over_rounds(n, places, rounds, 25);
        let unfair = invitations_over_rounds(n, places, rounds, 0);
        prop_assert!(gini(&fair) < gini(&unfair), "{:?} {:?}", fair, unfair);
    }
}
