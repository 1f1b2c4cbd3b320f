//! Team selection: choose a set of N people that covers what the work needs
//! and brings different voices, not simply the N best scores.
//!
//! The choice is greedy, one place at a time, which keeps it explainable
//! ("chosen because they cover facilitation") and fast. People already
//! invited to or accepted for the project keep their places first; people who
//! declined, were withdrawn or did not come are not suggested again. Then, for
//! each open place, the pick is the eligible candidate who:
//!
//! 1. covers the most required skills and needed languages the team still
//!    lacks (coverage always comes first), then
//! 2. has the highest score plus diversity bonus: `team_region` points for a
//!    region the team does not have yet, `team_language` per language the
//!    team does not speak yet (at most two counted), and `team_experience` for
//!    the team's first first-timer or first experienced member.
//!
//! Ties go to the better-ranked candidate, so the same data always gives
//! the same team.

use std::collections::HashMap;

use serde::Serialize;

use super::factors::covers_language;
use super::messages::{Code, Message, Param};
use super::ranking::{Standing, Standings};
use super::settings::MatchWeights;
use crate::model::{InvitationStatus, normalise_tag};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Coverage {
    pub required_skills: Vec<String>,
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TeamMember {
    pub ambassador_id: String,
    pub display_name: String,
    pub region: String,
    pub total: i32,
    pub first_timer: bool,
    pub invitation: Option<InvitationStatus>,
    /// Why they are in the team.
    pub why: Vec<Message>,
}

/// A team for the places: who, and what it covers and lacks.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Team {
    pub places: u32,
    /// In the order they were chosen.
    pub members: Vec<TeamMember>,
    pub covers: Coverage,
    pub lacks: Coverage,
    pub regions: Vec<String>,
    pub languages: Vec<String>,
    pub first_timers: u32,
    pub experienced: u32,
    /// Places no eligible candidate was left to fill.
    pub unfilled: u32,
    pub notes: Vec<Message>,
}

/// One candidate, reduced to numbers for the greedy loop.
struct Pick {
    needs: Vec<usize>,
    region: usize,
    languages: Vec<usize>,
    locked: bool,
    excluded: bool,
}

/// Selects a team for `places` from the eligible people of `standings`.
pub fn select_team(standings: &Standings, places: u32) -> Team {
    let ctx = standings.context();
    let (project, weights) = (ctx.project, &ctx.input.settings.weights);
    let ranked = standings.ranked();
    let needs: Vec<String> = project
        .required_skills
        .iter()
        .chain(project.languages.iter())
        .map(str::to_string)
        .collect();
    let skill_count = project.required_skills.len();
    let mut regions: HashMap<String, usize> = HashMap::new();
    let mut languages: HashMap<&str, usize> = HashMap::new();
    let options: Vec<Pick> = ranked
        .iter()
        .map(|c| {
            let p = &c.person.profile;
            let next = regions.len();
            let region = *regions.entry(normalise_tag(&p.region)).or_insert(next);
            let langs = p
                .languages
                .keys()
                .map(|l| {
                    let next = languages.len();
                    *languages.entry(l.as_str()).or_insert(next)
                })
                .collect();
            let covered = |i: usize, need: &String| {
                if i < skill_count {
                    p.skills.contains(need)
                } else {
                    p.languages.get(need).is_some_and(|&l| covers_language(l))
                }
            };
            Pick {
                needs: (0..needs.len())
                    .filter(|&i| covered(i, &needs[i]))
                    .collect(),
                region,
                languages: langs,
                locked: c.invitation.is_some_and(|s| {
                    matches!(
                        s,
                        InvitationStatus::Invited
                            | InvitationStatus::Accepted
                            | InvitationStatus::Attended
                    )
                }),
                excluded: c.invitation.is_some_and(|s| {
                    matches!(
                        s,
                        InvitationStatus::Declined
                            | InvitationStatus::Withdrawn
                            | InvitationStatus::NoShow
                    )
                }),
            }
        })
        .collect();

    let mut state = State {
        covered: vec![false; needs.len()],
        regions: vec![false; regions.len()],
        languages: vec![false; languages.len()],
        first_timer: false,
        experienced: false,
    };
    let mut chosen = vec![false; options.len()];
    let mut members = Vec::new();
    for (i, option) in options.iter().enumerate() {
        if option.locked {
            let candidate = &ranked[i];
            let status = candidate.invitation.unwrap_or(InvitationStatus::Invited);
            let mut why = vec![
                Message::new(Code::TeamAlready, format!("already {status}"))
                    .with("status", Param::Invitation(status)),
            ];
            why.extend(state.add(option, candidate, &needs, skill_count));
            chosen[i] = true;
            members.push(member(candidate, why));
        }
    }
    while members.len() < places as usize {
        let best = options
            .iter()
            .enumerate()
            .filter(|(i, o)| !chosen[*i] && !o.excluded)
            .map(|(i, o)| (i, state.gain(o, &ranked[i], weights)))
            .max_by(|(ia, ga), (ib, gb)| ga.cmp(gb).then(ib.cmp(ia)));
        let Some((i, _)) = best else { break };
        let candidate = &ranked[i];
        let why = state.add(&options[i], candidate, &needs, skill_count);
        chosen[i] = true;
        members.push(member(candidate, why));
    }
    summarise(places, members, &needs, skill_count, &state, ranked)
}

struct State {
    covered: Vec<bool>,
    regions: Vec<bool>,
    languages: Vec<bool>,
    first_timer: bool,
    experienced: bool,
}

impl State {
    /// (needs newly covered, score plus diversity bonus).
    fn gain(&self, o: &Pick, c: &Standing, w: &MatchWeights) -> (usize, i64) {
        let coverage = o.needs.iter().filter(|&&n| !self.covered[n]).count();
        let mut value = i64::from(c.total);
        if !self.regions[o.region] {
            value += i64::from(w.team_region);
        }
        let new_languages = o.languages.iter().filter(|&&l| !self.languages[l]).count();
        value += i64::from(w.team_language) * new_languages.min(2) as i64;
        let first_timer = c.experience.first_timer;
        if (first_timer && !self.first_timer) || (!first_timer && !self.experienced) {
            value += i64::from(w.team_experience);
        }
        (coverage, value)
    }

    /// Adds a member; returns why they help. `needs` are the required
    /// skills, then (from `skill_count` on) the languages.
    fn add(
        &mut self,
        o: &Pick,
        c: &Standing,
        needs: &[String],
        skill_count: usize,
    ) -> Vec<Message> {
        let (p, first_timer) = (&c.person.profile, c.experience.first_timer);
        let mut why = Vec::new();
        let newly: Vec<usize> = o
            .needs
            .iter()
            .copied()
            .filter(|&n| !self.covered[n])
            .collect();
        if !newly.is_empty() {
            why.push(needs_message(
                Code::TeamCovers,
                "covers",
                &newly,
                needs,
                skill_count,
            ));
        }
        if !self.regions[o.region] {
            why.push(
                Message::new(Code::TeamBrings, format!("brings {}", p.region))
                    .with("region", Param::Text(p.region.clone())),
            );
        }
        let new_languages: Vec<&str> = o
            .languages
            .iter()
            .zip(p.languages.keys())
            .filter(|(l, _)| !self.languages[**l])
            .map(|(_, name)| name.as_str())
            .collect();
        if !new_languages.is_empty() {
            why.push(
                Message::new(
                    Code::TeamSpeaks,
                    format!("speaks {}", new_languages.join(", ")),
                )
                .with("languages", Param::languages(&new_languages)),
            );
        }
        if first_timer && !self.first_timer {
            why.push(Message::new(Code::TeamFirstTimer, "a first-timer"));
        } else if !first_timer && !self.experienced {
            why.push(Message::new(Code::TeamExperienced, "has taken part before"));
        }
        why.push(
            Message::new(Code::TeamScores, format!("scores {}", c.total))
                .with("points", Param::count(c.total)),
        );
        for &n in &o.needs {
            self.covered[n] = true;
        }
        self.regions[o.region] = true;
        for &l in &o.languages {
            self.languages[l] = true;
        }
        self.first_timer |= first_timer;
        self.experienced |= !first_timer;
        why
    }
}

/// "covers a, b" (or "the team does not cover ..."): skills as typed,
/// languages by name.
fn needs_message(
    code: Code,
    verb: &str,
    which: &[usize],
    needs: &[String],
    skill_count: usize,
) -> Message {
    let words: Vec<&str> = which.iter().map(|&n| needs[n].as_str()).collect();
    let params = which
        .iter()
        .map(|&n| {
            if n < skill_count {
                Param::Text(needs[n].clone())
            } else {
                Param::Language(needs[n].clone())
            }
        })
        .collect();
    Message::new(code, format!("{verb} {}", words.join(", "))).with("needs", Param::List(params))
}

fn member(c: &Standing, why: Vec<Message>) -> TeamMember {
    let p = &c.person.profile;
    TeamMember {
        ambassador_id: p.id.clone(),
        display_name: p.display_name.clone(),
        region: p.region.clone(),
        total: c.total,
        first_timer: c.experience.first_timer,
        invitation: c.invitation,
        why,
    }
}

fn summarise(
    places: u32,
    members: Vec<TeamMember>,
    needs: &[String],
    skill_count: usize,
    state: &State,
    ranked: &[Standing],
) -> Team {
    let mut covers = Coverage::default();
    let mut lacks = Coverage::default();
    for (i, need) in needs.iter().enumerate() {
        let side = if state.covered[i] {
            &mut covers
        } else {
            &mut lacks
        };
        let list = if i < skill_count {
            &mut side.required_skills
        } else {
            &mut side.languages
        };
        list.push(need.clone());
    }
    let in_team = |id: &str| members.iter().any(|m| m.ambassador_id == id);
    let team: Vec<_> = ranked
        .iter()
        .map(|c| &c.person.profile)
        .filter(|p| in_team(&p.id))
        .collect();
    let mut regions: Vec<String> = team.iter().map(|p| p.region.clone()).collect();
    regions.sort();
    regions.dedup();
    let mut languages: Vec<String> = team
        .iter()
        .flat_map(|p| p.languages.keys().cloned())
        .collect();
    languages.sort();
    languages.dedup();
    let first_timers = members.iter().filter(|m| m.first_timer).count() as u32;
    let filled = members.len() as u32;
    let mut notes = Vec::new();
    let counts = |m: Message| {
        m.with("filled", Param::count(filled))
            .with("places", Param::count(places))
    };
    if filled > places {
        notes.push(counts(Message::new(
            Code::TeamOverFilled,
            format!("{filled} people are already invited or accepted for {places} place(s)"),
        )));
    }
    let unfilled = places.saturating_sub(filled);
    if unfilled > 0 {
        notes.push(counts(Message::new(
            Code::TeamShort,
            format!(
                "only {filled} eligible people for {places} place(s); see who is not eligible and why"
            ),
        )));
    }
    let missing: Vec<usize> = (0..needs.len()).filter(|&i| !state.covered[i]).collect();
    if !missing.is_empty() {
        notes.push(needs_message(
            Code::TeamLacks,
            "the team does not cover",
            &missing,
            needs,
            skill_count,
        ));
    }
    Team {
        places,
        experienced: filled - first_timers,
        first_timers,
        members,
        covers,
        lacks,
        regions,
        languages,
        unfilled,
        notes,
    }
}

#[cfg(test)]
#[path = "team_tests.rs"]
mod tests;
