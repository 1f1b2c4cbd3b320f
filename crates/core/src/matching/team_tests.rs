//! Team selection: coverage first, then diversity, deterministic.

use super::super::fixtures::*;
use super::super::{Ranking, select_team, standings};
use crate::matching::{Code, Param};
use crate::model::*;

fn team_of(w: &Fixture, people: &[&AmbassadorDoc], places: u32) -> (Ranking, super::Team) {
    w.run(people, |input| {
        let standings = standings(input);
        (standings.explain(), select_team(&standings, places))
    })
}

fn ids(team: &super::Team) -> Vec<&str> {
    let mut ids: Vec<&str> = team
        .members
        .iter()
        .map(|m| m.ambassador_id.as_str())
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_team_covers_required_skills_before_taking_higher_scores() {
    let mut w = Fixture::new();
    w.project().required_skills = Tags::from_words(["assessment", "facilitation"]);
    w.project().languages = Tags::from_words(["arabic"]);
    let mut a = w.person("a");
    let mut b = w.person("b");
    let mut c = w.person("c");
    for p in [&mut a, &mut b] {
        p.profile.skills = Tags::from_words(["assessment"]);
        speaks(p, "arabic", LanguageLevel::Native);
    }
    c.profile.skills = Tags::from_words(["facilitation"]);
    let (ranking, team) = team_of(&w, &[&a, &b, &c], 2);
    // b outscores c, but c brings the missing skill.
    assert!(ranking.ranked[1].total > ranking.ranked[2].total);
    assert_eq!(ids(&team), ["a", "c"]);
    assert_eq!(team.covers.required_skills, ["assessment", "facilitation"]);
    assert_eq!(team.covers.languages, ["arabic"]);
    assert!(team.lacks.required_skills.is_empty() && team.lacks.languages.is_empty());
    let c_member = team.members.iter().find(|m| m.ambassador_id == "c");
    assert!(c_member.is_some_and(|m| m.why[0] == "covers facilitation"));
}

#[test]
fn the_team_spreads_regions_and_mixes_experience() {
    let mut w = Fixture::new();
    w.project().location = None;
    let mut london = Vec::new();
    for id in ["a", "b", "c"] {
        let mut p = w.person(id);
        add_contribution(&mut p, "2020-01-01", None);
        london.push(p);
    }
    let mut wales = w.person("w");
    wales.profile.region = "Wales".into();
    add_contribution(&mut wales, "2020-01-01", None);
    let newcomer = w.person("n");
    let people: Vec<&AmbassadorDoc> = london.iter().chain([&wales, &newcomer]).collect();
    let (_, team) = team_of(&w, &people, 3);
    // The first-timer scores highest (fairness); then experience and a new
    // region win over a third Londoner.
    assert_eq!(ids(&team), ["a", "n", "w"]);
    assert_eq!(team.regions, ["London", "Wales"]);
    assert_eq!((team.first_timers, team.experienced), (1, 2));
}

#[test]
fn invited_people_keep_their_places_and_decliners_are_not_suggested() {
    let mut w = Fixture::new();
    let people: Vec<AmbassadorDoc> = ["a", "b", "c", "d"].iter().map(|id| w.person(id)).collect();
    for (id, status) in [
        ("d", InvitationStatus::Accepted),
        ("a", InvitationStatus::Declined),
    ] {
        let mut invitation = Invitation::new(id);
        invitation.events.insert(
            "e".into(),
            InvitationEvent {
                id: "e".into(),
                seq: 1,
                status,
                date: day("2026-02-01"),
                note: None,
                minutes: None,
                contribution_id: None,
            },
        );
        w.project.invitations.insert(id.into(), invitation);
    }
    let refs: Vec<&AmbassadorDoc> = people.iter().collect();
    let (ranking, team) = team_of(&w, &refs, 2);
    assert_eq!(ranking.ranked.len(), 4, "their status shows in the ranking");
    assert_eq!(ids(&team), ["b", "d"]);
    assert_eq!(team.members[0].why[0], "already accepted");
}

#[test]
fn too_few_people_leave_places_unfilled_and_say_what_is_lacking() {
    let mut w = Fixture::new();
    w.project().required_skills = Tags::from_words(["writing"]);
    w.project().languages = Tags::from_words(["tigrinya"]);
    let a = w.person("a");
    let (_, team) = team_of(&w, &[&a], 3);
    assert_eq!((team.members.len(), team.unfilled), (1, 2));
    assert_eq!(team.lacks.required_skills, ["writing"]);
    assert_eq!(team.lacks.languages, ["tigrinya"]);
    assert_eq!(team.notes.len(), 2);
    assert!(
        team.notes[1].as_str().contains("writing, tigrinya"),
        "{:?}",
        team.notes
    );
    // The skill stays as typed; the language is a language, for the UI to name.
    assert_eq!(team.notes[1].code, Code::TeamLacks);
    assert_eq!(
        team.notes[1].param("needs"),
        Some(&Param::List(vec![
            Param::Text("writing".into()),
            Param::Language("tigrinya".into())
        ]))
    );
    assert_eq!(team.notes[0].code, Code::TeamShort);
    assert_eq!(team.notes[0].param("places"), Some(&Param::Number(3)));
    let why: Vec<Code> = team.members[0].why.iter().map(|m| m.code).collect();
    assert_eq!(why.last(), Some(&Code::TeamScores));
}

#[test]
fn the_same_data_gives_the_same_team() {
    let mut w = Fixture::new();
    w.project().location = None;
    let people: Vec<AmbassadorDoc> = (0..30)
        .map(|i| {
            let mut p = w.person(&format!("p{i:02}"));
            p.profile.region = ["London", "Wales", "Scotland"][i % 3].into();
            p
        })
        .collect();
    let refs: Vec<&AmbassadorDoc> = people.iter().collect();
    let mut reversed = refs.clone();
    reversed.reverse();
    let (_, one) = team_of(&w, &refs, 5);
    let (_, two) = team_of(&w, &reversed, 5);
    assert_eq!(one, two);
    assert_eq!(one.regions.len(), 3);
}
