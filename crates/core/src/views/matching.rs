//! Matching as the project page shows it: the ranked page of candidates,
//! invitations with the moves they may make next, and a recurring seat's
//! rota.
//!
//! Most of matching's answer already is what a screen shows (factor
//! scores, reasons, the team), and those core types derive ts-rs
//! themselves. The types here are the few whose shape differs from the
//! core's: the CLI's JSON keeps the core's full answer (every language a
//! candidate speaks, a rota's project id, minutes), while the app receives
//! only what its panels show, with hours as people write them.

use serde::Serialize;

use crate::matching::{
    self as mt, FactorScore, MatchSettings, Message, NotEligible, RecognitionAdvice, RotaMember,
    RotaPlace, Team,
};
use crate::model::{Day, InvitationStatus, RotaTurn, units};

/// An eligible person as the matching panel lists them: matching's own
/// `Candidate` without every language they speak (the team selection's).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Candidate {
    pub ambassador_id: String,
    pub display_name: String,
    pub region: String,
    /// The sum of the factors' points.
    pub total: i32,
    pub factors: Vec<FactorScore>,
    pub first_timer: bool,
    /// Times asked within the recent months.
    pub recent_opportunities: u32,
    pub invitation: Option<InvitationStatus>,
    pub covers_skills: Vec<String>,
    pub covers_languages: Vec<String>,
    pub recognition: RecognitionAdvice,
    pub notes: Vec<Message>,
}

impl From<mt::Candidate> for Candidate {
    fn from(c: mt::Candidate) -> Self {
        Candidate {
            ambassador_id: c.ambassador_id,
            display_name: c.display_name,
            region: c.region,
            total: c.total,
            factors: c.factors,
            first_timer: c.first_timer,
            recent_opportunities: c.recent_opportunities,
            invitation: c.invitation,
            covers_skills: c.covers_skills,
            covers_languages: c.covers_languages,
            recognition: c.recognition,
            notes: c.notes,
        }
    }
}

/// The matching panel's data. `ranked` and `not_eligible` hold at most the
/// `limit` asked for; the counts say how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MatchView {
    pub project_id: String,
    pub project_title: String,
    /// The day matching was worked out for.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub today: Day,
    pub ranked: Vec<Candidate>,
    pub ranked_count: u32,
    pub not_eligible: Vec<NotEligible>,
    pub not_eligible_count: u32,
    pub team: Team,
}

/// A count as a number the webview holds exactly (people never near 2^32).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<mt::MatchReport> for MatchView {
    /// The core's report, whose lists hold the people asked for (see
    /// `MatchOptions::limit`): a network of thousands need not cross IPC whole.
    fn from(report: mt::MatchReport) -> Self {
        MatchView {
            project_id: report.project_id,
            project_title: report.project_title,
            today: report.today,
            ranked: report.ranked.into_iter().map(Into::into).collect(),
            ranked_count: count(report.ranked_count),
            not_eligible: report.not_eligible,
            not_eligible_count: count(report.not_eligible_count),
            team: report.team,
        }
    }
}

/// One move in an invitation's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InvitationEvent {
    pub status: InvitationStatus,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: Day,
    pub note: Option<String>,
    /// For `attended`, e.g. `2.5`.
    pub hours: Option<String>,
    pub contribution_id: Option<String>,
}

/// An invitation, its history and the moves it may make next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Invitation {
    pub project_id: String,
    pub project_title: String,
    pub ambassador_id: String,
    pub display_name: String,
    pub status: Option<InvitationStatus>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub asked_on: Option<Day>,
    /// Oldest first.
    pub history: Vec<InvitationEvent>,
    /// The statuses it may move to now, in lifecycle order.
    pub next: Vec<InvitationStatus>,
}

/// The statuses an invitation at `from` may move to, in lifecycle order:
/// the buttons the panel offers are exactly the moves the core accepts.
pub fn next_statuses(from: Option<InvitationStatus>) -> Vec<InvitationStatus> {
    InvitationStatus::ALL
        .iter()
        .copied()
        .filter(|s| s.may_follow(from).is_ok())
        .collect()
}

impl From<&mt::InvitationView> for Invitation {
    fn from(v: &mt::InvitationView) -> Self {
        Invitation {
            project_id: v.project_id.clone(),
            project_title: v.project_title.clone(),
            ambassador_id: v.ambassador_id.clone(),
            display_name: v.display_name.clone(),
            status: v.status,
            asked_on: v.asked_on,
            history: v
                .history
                .iter()
                .map(|e| InvitationEvent {
                    status: e.status,
                    date: e.date,
                    note: e.note.clone(),
                    hours: e.minutes.map(|m| units::format_hours(u64::from(m))),
                    contribution_id: e.contribution_id.clone(),
                })
                .collect(),
            next: next_statuses(v.status),
        }
    }
}

/// A rota at a glance; no members means the project has no rota.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RotaSummary {
    pub seats: u32,
    /// Fewest turns first.
    pub members: Vec<RotaMember>,
    /// Oldest first.
    pub turns: Vec<RotaTurn>,
    /// How unevenly turns are spread: 0 is perfectly even, 1 all to one person.
    pub spread: f64,
}

impl From<mt::RotaSummary> for RotaSummary {
    fn from(s: mt::RotaSummary) -> Self {
        RotaSummary {
            seats: s.seats,
            members: s.members,
            turns: s.turns,
            spread: s.spread,
        }
    }
}

/// Whose turn it is at one meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RotaPlan {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: Day,
    pub seats: u32,
    /// Ambassador ids: the first `seats` of `order`.
    pub suggested: Vec<String>,
    /// Every eligible member, in fair order.
    pub order: Vec<RotaPlace>,
    pub not_eligible: Vec<NotEligible>,
    /// The turn already recorded for this date.
    pub recorded: Option<RotaTurn>,
}

impl From<mt::RotaPlan> for RotaPlan {
    fn from(p: mt::RotaPlan) -> Self {
        RotaPlan {
            date: p.date,
            seats: p.seats,
            suggested: p.suggested,
            order: p.order,
            not_eligible: p.not_eligible,
            recorded: p.recorded,
        }
    }
}

/// The network's match settings, and the defaults the settings screen can
/// put back (so the UI does not keep its own copy of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MatchSettingsView {
    pub settings: MatchSettings,
    pub defaults: MatchSettings,
}

impl MatchSettingsView {
    pub fn new(settings: MatchSettings) -> MatchSettingsView {
        MatchSettingsView {
            settings,
            defaults: MatchSettings::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::{Code, Param};
    use crate::model::RecognitionKind;

    fn today() -> Day {
        "2026-03-14".parse().unwrap()
    }

    #[test]
    fn next_statuses_follow_the_lifecycle() {
        use InvitationStatus::*;
        assert_eq!(next_statuses(None), [Shortlisted, Invited]);
        assert_eq!(
            next_statuses(Some(Invited)),
            [Accepted, Declined, Withdrawn]
        );
        assert_eq!(
            next_statuses(Some(Accepted)),
            [Declined, Withdrawn, Attended, NoShow]
        );
        assert!(next_statuses(Some(Attended)).is_empty());
    }

    #[test]
    fn an_invitation_shows_hours_as_written_and_its_next_moves() {
        let view = mt::InvitationView {
            project_id: "p".into(),
            project_title: "Panel".into(),
            project_start: today(),
            ambassador_id: "a".into(),
            display_name: "Amal".into(),
            status: Some(InvitationStatus::Accepted),
            asked_on: Some(today()),
            history: vec![crate::model::InvitationEvent {
                id: "e1".into(),
                seq: 1,
                status: InvitationStatus::Accepted,
                date: today(),
                note: None,
                minutes: Some(150),
                contribution_id: None,
            }],
            media_consent: None,
        };
        let shown = Invitation::from(&view);
        assert_eq!(shown.history[0].hours.as_deref(), Some("2.5"));
        assert_eq!(shown.next, next_statuses(Some(InvitationStatus::Accepted)));
        let json = serde_json::to_value(&shown).unwrap();
        assert_eq!(json["asked_on"], "2026-03-14");
        assert_eq!(json["history"][0]["date"], "2026-03-14");
    }

    #[test]
    fn the_view_limits_the_lists_but_counts_everyone() {
        let candidate = |id: &str, total: i32| mt::Candidate {
            ambassador_id: id.into(),
            display_name: id.to_uppercase(),
            region: "Leeds".into(),
            total,
            factors: vec![],
            first_timer: true,
            recent_opportunities: 0,
            invitation: Some(InvitationStatus::Invited),
            covers_skills: vec![],
            covers_languages: vec![],
            languages: vec!["arabic".into()],
            recognition: mt::RecognitionAdvice {
                offer: vec![RecognitionKind::Thanks],
                withheld: vec![RecognitionKind::Payment],
                suggest: vec![RecognitionKind::Meal],
                check_first: vec![],
                note: Some(
                    Message::new(
                        Code::RecognitionNotAllowed,
                        "may not be paid: do not offer payment",
                    )
                    .with("kinds", Param::kinds(&[RecognitionKind::Payment])),
                ),
            },
            notes: vec![],
        };
        let report = mt::MatchReport {
            project_id: "p".into(),
            project_title: "Panel".into(),
            today: today(),
            settings: MatchSettings::default(),
            // The first two of three, as the core hands over a limit of 2.
            ranked: vec![candidate("a", 50), candidate("b", 40)],
            ranked_count: 3,
            not_eligible_count: 1,
            not_eligible: vec![mt::NotEligible {
                ambassador_id: "z".into(),
                display_name: "Z".into(),
                region: "Wales".into(),
                invitation: None,
                reasons: vec![mt::Ineligibility::new(
                    mt::Constraint::Training,
                    Message::new(Code::TrainingMissing, "needs Safeguarding first")
                        .with("course", Param::Text("Safeguarding".into())),
                    Some(
                        Message::new(
                            Code::NextOfferCourse,
                            "offer them Safeguarding before 2026-03-14",
                        )
                        .with("course", Param::Text("Safeguarding".into()))
                        .with("first", Param::Date("2026-03-14".into())),
                    ),
                )],
            }],
            team: mt::Team {
                places: 2,
                members: vec![],
                covers: mt::Coverage::default(),
                lacks: mt::Coverage {
                    required_skills: vec!["assessment".into()],
                    languages: vec![],
                },
                regions: vec![],
                languages: vec![],
                first_timers: 0,
                experienced: 0,
                unfilled: 2,
                notes: vec![],
            },
        };
        let view = MatchView::from(report);
        assert_eq!((view.ranked.len(), view.ranked_count), (2, 3));
        assert_eq!(view.ranked[0].invitation, Some(InvitationStatus::Invited));
        assert_eq!(
            view.ranked[0].recognition.withheld,
            [RecognitionKind::Payment]
        );
        assert_eq!(view.not_eligible_count, 1);
        let reason = &view.not_eligible[0].reasons[0];
        assert_eq!(reason.constraint, mt::Constraint::Training);
        assert_eq!(
            reason.next_step.as_ref().map(Message::as_str),
            Some("offer them Safeguarding before 2026-03-14")
        );
        assert_eq!(view.team.lacks.required_skills, ["assessment"]);
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["today"], "2026-03-14");
        // The panel does not read every language a candidate speaks.
        assert!(json["ranked"][0].get("languages").is_none());
        let reason = &json["not_eligible"][0]["reasons"][0];
        assert_eq!(reason["constraint"], "training");
        assert_eq!(reason["reason"]["code"], "training-missing");
        assert_eq!(reason["next_step"]["params"]["first"]["type"], "date");
    }

    #[test]
    fn a_rota_leaves_out_what_the_cli_alone_reads() {
        let turn = RotaTurn {
            date: today(),
            ambassadors: crate::model::Tags::from_words(["a-2", "a-1"]),
            suggested: crate::model::Tags::from_words(["a-1"]),
            override_reason: Some("speaks Tigrinya".into()),
            recorded: today(),
        };
        let summary = RotaSummary::from(mt::RotaSummary {
            project_id: "p".into(),
            title: "Trustees".into(),
            seats: 1,
            members: vec![],
            turns: vec![turn],
            spread: 0.0,
        });
        let json = serde_json::to_value(&summary).unwrap();
        assert!(json.get("project_id").is_none() && json.get("title").is_none());
        assert_eq!(
            json["turns"][0]["ambassadors"],
            serde_json::json!(["a-1", "a-2"])
        );
        assert_eq!(json["turns"][0]["recorded"], "2026-03-14");
    }
}
