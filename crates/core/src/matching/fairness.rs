//! The history of asks, and the fairness factor it feeds.
//!
//! Co-production loses its point when the same confident few are asked every
//! time. The fairness factor therefore lifts people who have never taken
//! part, and lowers people who had many opportunities recently:
//!
//! * start at +1 for someone who has never taken part (no contribution and
//!   no attended invitation), or +1/2 for someone who has;
//! * subtract 1/4 for each opportunity in the last `recent_months`: each
//!   distinct project they were asked to or gave time to, and each rota turn;
//! * clamp to -1..=+1 and multiply by the fairness weight.
//!
//! So with the default weight of 25: a first-timer gets +25, an experienced
//! person not asked lately +13, after two recent opportunities 0, after six
//! or more -25. The history is built once per matching run from every
//! project's invitations and rota turns (an index by person), plus each
//! person's own contributions.

use rustc_hash::FxHashMap;

use super::Context;
use super::factors::{Points, Scored};
use super::messages::{Code, Message, Param};
use crate::model::{AmbassadorDoc, Day, InvitationStatus, ProjectDoc};

/// What one person has been asked to, and which dates other projects hold.
#[derive(Debug, Default)]
pub(crate) struct PersonHistory<'a> {
    pub asks: Vec<Ask<'a>>,
    pub holds: Vec<Hold<'a>>,
    pub attended: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Ask<'a> {
    pub project_id: &'a str,
    pub date: Day,
    /// A rota turn: each one counts, even for the same project.
    pub rota_turn: bool,
}

/// Days another project holds: an open or accepted invitation, or a rota turn.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hold<'a> {
    pub project_id: &'a str,
    pub title: &'a str,
    pub first: Day,
    pub last: Day,
    /// `None` for a rota turn.
    pub status: Option<InvitationStatus>,
}

/// Every person's history, by ambassador id. Fx hashing: it is looked up
/// once per person per run and SipHash showed in the profile; the keys are
/// ids from the network's own signed documents, so hash flooding is not a
/// concern here.
#[derive(Debug, Default)]
pub(crate) struct History<'a> {
    people: FxHashMap<&'a str, PersonHistory<'a>>,
}

impl<'a> History<'a> {
    pub fn new(projects: &[&'a ProjectDoc]) -> History<'a> {
        let invitations = projects.iter().map(|p| p.invitations.len()).sum();
        let mut people: FxHashMap<&'a str, PersonHistory<'a>> =
            FxHashMap::with_capacity_and_hasher(invitations, Default::default());
        for doc in projects {
            let project = &doc.project;
            let last = project.end.unwrap_or(project.start).max(project.start);
            for invitation in doc.invitations.values() {
                let person = people.entry(invitation.ambassador_id.as_str()).or_default();
                if let Some(date) = invitation.asked_on() {
                    person.asks.push(Ask {
                        project_id: &project.id,
                        date,
                        rota_turn: false,
                    });
                }
                match invitation.status() {
                    Some(status) if status.holds_dates() => person.holds.push(Hold {
                        project_id: &project.id,
                        title: &project.title,
                        first: project.start,
                        last,
                        status: Some(status),
                    }),
                    Some(InvitationStatus::Attended) => person.attended = true,
                    _ => {}
                }
            }
            for turn in doc.rota.turns.values() {
                for id in turn.ambassadors.iter() {
                    let person = people.entry(id).or_default();
                    person.asks.push(Ask {
                        project_id: &project.id,
                        date: turn.recorded.min(turn.date),
                        rota_turn: true,
                    });
                    person.holds.push(Hold {
                        project_id: &project.id,
                        title: &project.title,
                        first: turn.date,
                        last: turn.date,
                        status: None,
                    });
                }
            }
        }
        History { people }
    }

    pub fn of(&self, id: &str) -> Option<&PersonHistory<'a>> {
        self.people.get(id)
    }
}

/// How much someone has taken part, as fairness sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Experience {
    pub first_timer: bool,
    /// Opportunities (asks, time given, rota turns) since `recent_from`.
    pub recent: u32,
}

/// `scratch` is a buffer the caller keeps between people, so counting
/// distinct projects allocates nothing per person.
pub(crate) fn experience<'a>(
    person: &'a AmbassadorDoc,
    history: Option<&PersonHistory<'a>>,
    recent_from: Day,
    scratch: &mut Vec<&'a str>,
) -> Experience {
    let first_timer = person.contributions.is_empty() && !history.is_some_and(|h| h.attended);
    let projects = scratch;
    projects.clear();
    let mut recent = 0;
    for c in person.contributions.values() {
        if c.date < recent_from {
            continue;
        }
        match &c.project_id {
            Some(id) => projects.push(id),
            None => recent += 1,
        }
    }
    if let Some(history) = history {
        for ask in history.asks.iter().filter(|a| a.date >= recent_from) {
            if ask.rota_turn {
                recent += 1;
            } else {
                projects.push(ask.project_id);
            }
        }
    }
    projects.sort_unstable();
    projects.dedup();
    Experience {
        first_timer,
        recent: recent + projects.len() as u32,
    }
}

/// The fairness factor for someone with this experience.
pub(crate) fn factor<'a>(
    ctx: &'a Context,
    experience: Experience,
) -> Scored<impl FnOnce() -> Message + 'a> {
    let base = if experience.first_timer { 1.0 } else { 0.5 };
    let fraction = (base - 0.25 * f64::from(experience.recent)).clamp(-1.0, 1.0);
    let points = Points::share(ctx.input.settings.weights.fairness, fraction);
    let reason = move || -> Message {
        if experience.first_timer && experience.recent == 0 {
            return Message::new(Code::FairnessNeverTakenPart, NEVER_TAKEN_PART);
        }
        ctx.fairness_reason(experience, || {
            reason(experience, fraction, ctx.input.settings.recent_months)
        })
    };
    Scored { points, reason }
}

const NEVER_TAKEN_PART: &str = "has never taken part yet: lifted to give them a first opportunity";

/// The fairness reason in words; few distinct ones exist, so `Context`
/// keeps each once and hands out copies.
fn reason(experience: Experience, fraction: f64, months: u32) -> Message {
    let recent = match experience.recent {
        0 => format!("no opportunities in the last {months} months"),
        1 => format!("1 opportunity in the last {months} months"),
        n => format!("{n} opportunities in the last {months} months"),
    };
    let (code, text) = if experience.first_timer {
        (
            Code::FairnessFirstTimer,
            format!("has not taken part yet; {recent}"),
        )
    } else if fraction > 0.0 {
        (Code::FairnessLifted, format!("{recent}: lifted"))
    } else if fraction < 0.0 {
        (
            Code::FairnessLowered,
            format!("{recent}: lowered to give others a turn"),
        )
    } else {
        (Code::FairnessEven, recent)
    };
    Message::new(code, text)
        .with("recent", Param::count(experience.recent))
        .with("months", Param::count(months))
}

/// The Gini coefficient of a distribution (0: everyone has the same; towards
/// 1: one person has everything). Used to check that fairness spreads
/// invitations; the app can show it for a network's asks too.
pub fn gini(values: &[u32]) -> f64 {
    let n = values.len();
    let total: u64 = values.iter().map(|&v| u64::from(v)).sum();
    if n == 0 || total == 0 {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    // G = sum_i (2i - n - 1) x_i / (n * sum x), with i from 1 on sorted values.
    let weighted: i64 = sorted
        .iter()
        .enumerate()
        .map(|(i, &x)| (2 * (i as i64 + 1) - n as i64 - 1) * i64::from(x))
        .sum();
    weighted as f64 / (n as f64 * total as f64)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::matching::Factor;

    #[test]
    fn gini_of_known_distributions() {
        assert_eq!(gini(&[]), 0.0);
        assert_eq!(gini(&[0, 0, 0]), 0.0);
        assert_eq!(gini(&[3, 3, 3, 3]), 0.0);
        assert!((gini(&[0, 0, 0, 4]) - 0.75).abs() < 1e-9);
        assert!((gini(&[1, 2, 3]) - 2.0 / 9.0).abs() < 1e-9);
    }

    #[test]
    fn first_timers_are_lifted_and_the_often_asked_lowered() {
        let w = Fixture::new();
        let newcomer = w.person("new");
        let fresh = w.score(&newcomer, Factor::Fairness);
        assert_eq!(fresh.points, 25);
        assert!(
            fresh.reason.as_str().contains("never taken part"),
            "{}",
            fresh.reason
        );

        let mut veteran = w.person("vet");
        add_contribution(&mut veteran, "2020-01-01", None);
        assert_eq!(w.score(&veteran, Factor::Fairness).points, 13);
        for (i, date) in ["2026-01-05", "2026-02-05"].iter().enumerate() {
            add_contribution(&mut veteran, date, Some(&format!("p{i}")));
        }
        assert_eq!(w.score(&veteran, Factor::Fairness).points, 0);
        for (i, date) in ["2026-02-06", "2026-02-07", "2026-02-08", "2026-02-09"]
            .iter()
            .enumerate()
        {
            add_contribution(&mut veteran, date, Some(&format!("q{i}")));
        }
        let busy = w.score(&veteran, Factor::Fairness);
        assert_eq!(busy.points, -25);
        assert!(
            busy.reason.as_str().contains("6 opportunities"),
            "{}",
            busy.reason
        );
        assert!(busy.reason.as_str().contains("lowered"), "{}", busy.reason);
    }

    #[test]
    fn the_window_starts_recent_months_before_today() {
        // Today is 2026-03-01 in the fixture; six months back is 2025-09-01.
        let w = Fixture::new();
        let mut edge = w.person("edge");
        add_contribution(&mut edge, "2025-09-01", Some("a"));
        let mut before = w.person("before");
        add_contribution(&mut before, "2025-08-31", Some("a"));
        assert_eq!(w.score(&edge, Factor::Fairness).points, 6); // 0.5 - 0.25
        assert_eq!(w.score(&before, Factor::Fairness).points, 13);
    }

    #[test]
    fn asks_in_other_projects_count_once_per_project_and_rota_turns_each() {
        let mut w = Fixture::new();
        let person = w.person("p");
        w.ask("p", "other", InvitationStatus::Declined, "2026-02-01");
        w.ask("p", "third", InvitationStatus::Shortlisted, "2026-02-01");
        let recent = |w: &Fixture| {
            w.run(&[&person], |input| {
                let ctx = Context::new(input);
                experience(
                    &person,
                    ctx.history.of("p"),
                    ctx.recent_from,
                    &mut Vec::new(),
                )
            })
        };
        assert_eq!(
            recent(&w),
            Experience {
                first_timer: true,
                recent: 1
            }
        );
        w.rota_turn("p", "2026-02-10");
        w.rota_turn("p", "2026-02-24");
        assert_eq!(recent(&w).recent, 3);
    }
}
