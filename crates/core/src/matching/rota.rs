//! Rotas for recurring seats, such as the Advisory Group member invited to
//! each trustee meeting.
//!
//! A rota belongs to a project (the recurring seat) and names its members.
//! For a meeting date, the members who pass every hard constraint on that
//! date (the project's requirements, with the meeting as its only day) are
//! put in fair order: fewest turns first, then the longest since their last
//! turn (never comes first), then ambassador id. The first `seats` of them
//! are suggested. A coordinator may choose others, but must say why, and the
//! reason is kept with the turn (`Sanctuary::assign_rota_turn`).

use std::collections::HashMap;

use serde::Serialize;

use super::messages::{Code, Message, Param};
use super::ranking::{NotEligible, rank};
use super::{MatchInput, gini};
use crate::model::{AmbassadorDoc, Day, ProjectDoc, RotaTurn};

/// A member's place in the fair order for one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RotaPlace {
    pub ambassador_id: String,
    pub display_name: String,
    /// Turns on other dates.
    pub turns: u32,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub last_turn: Option<Day>,
    pub reason: Message,
}

/// Who should take the seat(s) at one meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RotaPlan {
    pub project_id: String,
    pub date: Day,
    pub seats: u32,
    /// The first `seats` of `order`.
    pub suggested: Vec<String>,
    /// Every eligible member, in fair order.
    pub order: Vec<RotaPlace>,
    pub not_eligible: Vec<NotEligible>,
    /// The turn already recorded for this date, if any.
    pub recorded: Option<RotaTurn>,
}

/// The fair order of the rota's members for the meeting on `date`.
/// `input.project` is the rota's project; `input.ambassadors` may hold anyone
/// (only members are considered).
pub fn plan_turn(input: &MatchInput, date: Day) -> RotaPlan {
    let rota = &input.project.rota;
    let mut meeting = input.project.clone();
    meeting.project.start = date;
    meeting.project.end = None;
    let members: Vec<&AmbassadorDoc> = input
        .ambassadors
        .iter()
        .copied()
        .filter(|a| rota.members.contains(a.id()))
        .collect();
    let ranking = rank(&MatchInput {
        project: &meeting,
        ambassadors: &members,
        ..*input
    });
    let counts = turn_counts(&input.project.rota, Some(date));
    let mut order: Vec<RotaPlace> = ranking
        .ranked
        .iter()
        .map(|c| {
            let (turns, last_turn) = counts
                .get(c.ambassador_id.as_str())
                .copied()
                .unwrap_or((0, None));
            let reason = match (turns, last_turn) {
                (0, _) | (_, None) => Message::new(Code::RotaNoTurn, "has not had a turn yet"),
                (n, Some(last)) => Message::new(
                    Code::RotaTurns,
                    if n == 1 {
                        format!("1 turn so far, on {last}")
                    } else {
                        format!("{n} turns so far, the last on {last}")
                    },
                )
                .with("count", Param::count(n))
                .with("last", Param::date(last)),
            };
            RotaPlace {
                ambassador_id: c.ambassador_id.clone(),
                display_name: c.display_name.clone(),
                turns,
                last_turn,
                reason,
            }
        })
        .collect();
    order.sort_by(|a, b| {
        (a.turns, a.last_turn, &a.ambassador_id).cmp(&(b.turns, b.last_turn, &b.ambassador_id))
    });
    RotaPlan {
        project_id: input.project.project.id.clone(),
        date,
        seats: rota.seats,
        suggested: order
            .iter()
            .take(rota.seats as usize)
            .map(|p| p.ambassador_id.clone())
            .collect(),
        order,
        not_eligible: ranking.not_eligible,
        recorded: rota.turns.get(&date.to_string()).cloned(),
    }
}

/// Turns per member and their last turn, leaving out the turn on `except`.
fn turn_counts(
    rota: &crate::model::Rota,
    except: Option<Day>,
) -> HashMap<&str, (u32, Option<Day>)> {
    let mut counts: HashMap<&str, (u32, Option<Day>)> = HashMap::new();
    for turn in rota.turns.values().filter(|t| Some(t.date) != except) {
        for id in turn.ambassadors.iter() {
            let entry = counts.entry(id).or_insert((0, None));
            entry.0 += 1;
            entry.1 = entry.1.max(Some(turn.date));
        }
    }
    counts
}

/// One member's record on a rota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RotaMember {
    pub ambassador_id: String,
    pub display_name: String,
    pub turns: u32,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub last_turn: Option<Day>,
}

/// A rota at a glance: members and their turns, every turn, and how evenly
/// the turns are spread (the Gini coefficient: 0 is perfectly even).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RotaSummary {
    pub project_id: String,
    pub title: String,
    pub seats: u32,
    pub members: Vec<RotaMember>,
    /// Oldest first.
    pub turns: Vec<RotaTurn>,
    pub spread: f64,
}

pub fn rota_summary(project: &ProjectDoc, ambassadors: &[&AmbassadorDoc]) -> RotaSummary {
    let rota = &project.rota;
    let counts = turn_counts(rota, None);
    let name = |id: &str| {
        ambassadors
            .iter()
            .find(|a| a.id() == id)
            .map_or("(no longer on record)".to_string(), |a| {
                a.profile.display_name.clone()
            })
    };
    let mut members: Vec<RotaMember> = rota
        .members
        .iter()
        .map(|id| {
            let (turns, last_turn) = counts.get(id).copied().unwrap_or((0, None));
            RotaMember {
                ambassador_id: id.to_string(),
                display_name: name(id),
                turns,
                last_turn,
            }
        })
        .collect();
    members.sort_by(|a, b| {
        (a.turns, a.last_turn, &a.ambassador_id).cmp(&(b.turns, b.last_turn, &b.ambassador_id))
    });
    let spread = gini(&members.iter().map(|m| m.turns).collect::<Vec<_>>());
    RotaSummary {
        project_id: project.project.id.clone(),
        title: project.project.title.clone(),
        seats: rota.seats,
        members,
        turns: rota.turns.values().cloned().collect(),
        spread,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::model::Tags;

    fn turn(date: &str, who: &[&str]) -> RotaTurn {
        RotaTurn {
            date: day(date),
            ambassadors: Tags::from_words(who),
            suggested: Tags::from_words(who),
            override_reason: None,
            recorded: day(date),
        }
    }

    #[test]
    fn fewest_turns_then_longest_wait_then_id() {
        let mut w = Fixture::new();
        let people: Vec<_> = ["a", "b", "c", "d"].iter().map(|id| w.person(id)).collect();
        w.project.rota.members = Tags::from_words(["a", "b", "c", "d"]);
        for t in [turn("2026-01-10", &["a"]), turn("2026-02-10", &["b"])] {
            w.project.rota.turns.insert(t.date.to_string(), t);
        }
        let refs: Vec<&AmbassadorDoc> = people.iter().collect();
        let plan = w.run(&refs, |input| plan_turn(input, day("2026-03-14")));
        let order: Vec<&str> = plan
            .order
            .iter()
            .map(|p| p.ambassador_id.as_str())
            .collect();
        assert_eq!(order, ["c", "d", "a", "b"]);
        assert_eq!(plan.suggested, ["c"]);
        assert_eq!(plan.order[2].reason, "1 turn so far, on 2026-01-10");
        assert_eq!(plan.order[2].reason.code, Code::RotaTurns);
        assert_eq!(plan.order[2].reason.param("count"), Some(&Param::Number(1)));
        assert_eq!(plan.order[0].reason.code, Code::RotaNoTurn);
    }

    #[test]
    fn ineligible_members_are_skipped_with_their_reason_and_non_members_ignored() {
        let mut w = Fixture::new();
        let mut paused = w.person("a");
        paused.profile.status = crate::model::Status::Paused;
        let b = w.person("b");
        let outsider = w.person("z");
        w.project.rota.members = Tags::from_words(["a", "b"]);
        w.project.rota.seats = 2;
        let plan = w.run(&[&paused, &b, &outsider], |input| {
            plan_turn(input, day("2026-03-14"))
        });
        assert_eq!(plan.suggested, ["b"]);
        assert_eq!(plan.not_eligible[0].ambassador_id, "a");
    }

    #[test]
    fn the_summary_counts_turns_and_their_spread() {
        let mut w = Fixture::new();
        w.project.rota.members = Tags::from_words(["a", "b"]);
        for t in [turn("2026-01-10", &["a"]), turn("2026-02-10", &["a"])] {
            w.project.rota.turns.insert(t.date.to_string(), t);
        }
        let a = w.person("a");
        let summary = rota_summary(&w.project, &[&a]);
        assert_eq!(summary.members[0].display_name, "(no longer on record)");
        assert_eq!(summary.members[1].turns, 2);
        assert!((summary.spread - 0.5).abs() < 1e-9);
    }
}
