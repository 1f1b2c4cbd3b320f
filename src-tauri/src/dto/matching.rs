//! Matching as the project page shows it: ranked candidates with the points
//! and reason of every factor, who is not eligible and what would change
//! that, the suggested team, invitations and a recurring seat's rota.
//!
//! Reasons, next steps, notes and team explanations are the core's coded
//! messages (`sanctuary_core::matching::Message`: a code, typed parameters
//! and the English sentence); the UI words them in the reader's language.

use sanctuary_core::matching::{self as mt, Message};
use sanctuary_core::model::{self as m, units};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vocab::{InvitationStatus, RecognitionKind};
use super::{day, opt_text, words};
use crate::error::ApiResult;

/// The factors a candidate's total is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Factor {
    RequiredSkills,
    DesiredSkills,
    Interests,
    Languages,
    Locality,
    Fairness,
}

impl From<mt::Factor> for Factor {
    fn from(f: mt::Factor) -> Self {
        match f {
            mt::Factor::RequiredSkills => Factor::RequiredSkills,
            mt::Factor::DesiredSkills => Factor::DesiredSkills,
            mt::Factor::Interests => Factor::Interests,
            mt::Factor::Languages => Factor::Languages,
            mt::Factor::Locality => Factor::Locality,
            mt::Factor::Fairness => Factor::Fairness,
        }
    }
}

/// The hard constraint a not-eligible person fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Constraint {
    Status,
    ContactConsent,
    MediaConsent,
    PhotographyConsent,
    PartnerConsent,
    Mode,
    Travel,
    Days,
    Training,
    DoubleBooking,
    ConflictOfInterest,
}

impl From<mt::Constraint> for Constraint {
    fn from(c: mt::Constraint) -> Self {
        match c {
            mt::Constraint::Status => Constraint::Status,
            mt::Constraint::ContactConsent => Constraint::ContactConsent,
            mt::Constraint::MediaConsent => Constraint::MediaConsent,
            mt::Constraint::PhotographyConsent => Constraint::PhotographyConsent,
            mt::Constraint::PartnerConsent => Constraint::PartnerConsent,
            mt::Constraint::Mode => Constraint::Mode,
            mt::Constraint::Travel => Constraint::Travel,
            mt::Constraint::Days => Constraint::Days,
            mt::Constraint::Training => Constraint::Training,
            mt::Constraint::DoubleBooking => Constraint::DoubleBooking,
            mt::Constraint::ConflictOfInterest => Constraint::ConflictOfInterest,
        }
    }
}

/// One factor's points and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FactorScore {
    pub factor: Factor,
    pub points: i32,
    /// The most the factor gives for this project (0: it does not apply).
    pub max: i32,
    pub reason: Message,
}

/// What to offer someone for taking part, given whether they may be paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RecognitionAdvice {
    pub offer: Vec<RecognitionKind>,
    /// Offered by the project but not to be offered to this person.
    pub withheld: Vec<RecognitionKind>,
    /// What to give instead of what is withheld.
    pub suggest: Vec<RecognitionKind>,
    /// Ask first whether they may receive these.
    pub check_first: Vec<RecognitionKind>,
    pub note: Option<Message>,
}

fn kinds(list: &[m::RecognitionKind]) -> Vec<RecognitionKind> {
    list.to_vec()
}

impl From<&mt::RecognitionAdvice> for RecognitionAdvice {
    fn from(a: &mt::RecognitionAdvice) -> Self {
        RecognitionAdvice {
            offer: kinds(&a.offer),
            withheld: kinds(&a.withheld),
            suggest: kinds(&a.suggest),
            check_first: kinds(&a.check_first),
            note: a.note.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
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

impl From<&mt::Candidate> for Candidate {
    fn from(c: &mt::Candidate) -> Self {
        Candidate {
            ambassador_id: c.ambassador_id.clone(),
            display_name: c.display_name.clone(),
            region: c.region.clone(),
            total: c.total,
            factors: c
                .factors
                .iter()
                .map(|f| FactorScore {
                    factor: f.factor.into(),
                    points: f.points,
                    max: f.max,
                    reason: f.reason.clone(),
                })
                .collect(),
            first_timer: c.first_timer,
            recent_opportunities: c.recent_opportunities,
            invitation: c.invitation,
            covers_skills: c.covers_skills.clone(),
            covers_languages: c.covers_languages.clone(),
            recognition: (&c.recognition).into(),
            notes: c.notes.clone(),
        }
    }
}

/// Why someone cannot take part, and what would change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Ineligibility {
    pub constraint: Constraint,
    /// Completes "<name> ...", e.g. "is paused".
    pub reason: Message,
    /// E.g. "offer them Safeguarding before 2026-03-14".
    pub next_step: Option<Message>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NotEligible {
    pub ambassador_id: String,
    pub display_name: String,
    pub region: String,
    pub invitation: Option<InvitationStatus>,
    pub reasons: Vec<Ineligibility>,
}

impl From<&mt::NotEligible> for NotEligible {
    fn from(n: &mt::NotEligible) -> Self {
        NotEligible {
            ambassador_id: n.ambassador_id.clone(),
            display_name: n.display_name.clone(),
            region: n.region.clone(),
            invitation: n.invitation,
            reasons: n
                .reasons
                .iter()
                .map(|r| Ineligibility {
                    constraint: r.constraint.into(),
                    reason: r.reason.clone(),
                    next_step: r.next_step.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Coverage {
    pub required_skills: Vec<String>,
    pub languages: Vec<String>,
}

impl From<&mt::Coverage> for Coverage {
    fn from(c: &mt::Coverage) -> Self {
        Coverage {
            required_skills: c.required_skills.clone(),
            languages: c.languages.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
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

impl From<&mt::Team> for Team {
    fn from(t: &mt::Team) -> Self {
        Team {
            places: t.places,
            members: t
                .members
                .iter()
                .map(|p| TeamMember {
                    ambassador_id: p.ambassador_id.clone(),
                    display_name: p.display_name.clone(),
                    region: p.region.clone(),
                    total: p.total,
                    first_timer: p.first_timer,
                    invitation: p.invitation,
                    why: p.why.clone(),
                })
                .collect(),
            covers: (&t.covers).into(),
            lacks: (&t.lacks).into(),
            regions: t.regions.clone(),
            languages: t.languages.clone(),
            first_timers: t.first_timers,
            experienced: t.experienced,
            unfilled: t.unfilled,
            notes: t.notes.clone(),
        }
    }
}

/// The matching panel's data. `ranked` and `not_eligible` hold at most the
/// `limit` asked for; the counts say how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MatchView {
    pub project_id: String,
    pub project_title: String,
    /// The day matching was worked out for.
    pub today: String,
    pub ranked: Vec<Candidate>,
    pub ranked_count: u32,
    pub not_eligible: Vec<NotEligible>,
    pub not_eligible_count: u32,
    pub team: Team,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl MatchView {
    /// The core's report, whose lists hold the people asked for (see
    /// `MatchOptions::limit`): a network of thousands need not cross IPC whole.
    pub fn new(report: &mt::MatchReport) -> MatchView {
        MatchView {
            project_id: report.project_id.clone(),
            project_title: report.project_title.clone(),
            today: report.today.to_string(),
            ranked: report.ranked.iter().map(Into::into).collect(),
            ranked_count: count(report.ranked_count),
            not_eligible: report.not_eligible.iter().map(Into::into).collect(),
            not_eligible_count: count(report.not_eligible_count),
            team: (&report.team).into(),
        }
    }
}

/// One move in an invitation's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InvitationEvent {
    pub status: InvitationStatus,
    pub date: String,
    pub note: Option<String>,
    /// For `attended`, e.g. `2.5`.
    pub hours: Option<String>,
    pub contribution_id: Option<String>,
}

/// An invitation, its history and the moves it may make next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Invitation {
    pub project_id: String,
    pub project_title: String,
    pub ambassador_id: String,
    pub display_name: String,
    pub status: Option<InvitationStatus>,
    pub asked_on: Option<String>,
    /// Oldest first.
    pub history: Vec<InvitationEvent>,
    /// The statuses it may move to now, in lifecycle order.
    pub next: Vec<InvitationStatus>,
}

/// The statuses an invitation at `from` may move to.
pub fn next_statuses(from: Option<m::InvitationStatus>) -> Vec<InvitationStatus> {
    m::InvitationStatus::ALL
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
            asked_on: v.asked_on.map(|d| d.to_string()),
            history: v
                .history
                .iter()
                .map(|e| InvitationEvent {
                    status: e.status,
                    date: e.date.to_string(),
                    note: e.note.clone(),
                    hours: e.minutes.map(|m| units::format_hours(u64::from(m))),
                    contribution_id: e.contribution_id.clone(),
                })
                .collect(),
            next: next_statuses(v.status),
        }
    }
}

/// A move of an invitation, as the panel sends it.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct InvitationInput {
    pub status: InvitationStatus,
    /// `YYYY-MM-DD`; today when not given.
    pub date: Option<String>,
    pub note: Option<String>,
    /// Hours given, as typed (e.g. `2.5`): needed for `attended`.
    pub hours: Option<String>,
    /// The role for the contribution `attended` logs (default: one that fits the project).
    pub role: Option<String>,
    /// For a media project: who asked the person and heard their yes to this
    /// engagement (recorded with the invitation, dated the day of the move).
    #[serde(default)]
    pub engagement_consent_by: Option<String>,
}

impl InvitationInput {
    pub fn into_core(self, today: m::Day) -> ApiResult<mt::InvitationChange> {
        let status: m::InvitationStatus = self.status;
        let minutes = opt_text(self.hours)
            .map(|h| units::parse_hours(&h))
            .transpose()?;
        if status == m::InvitationStatus::Attended && minutes.is_none() {
            return Err(m::Invalid::new(
                m::Field::Hours,
                sanctuary_core::matching::Code::InvalidHoursNeeded,
                "say how many hours they gave",
            )
            .into());
        }
        let date = match opt_text(self.date) {
            Some(d) => day(&d)?,
            None => today,
        };
        Ok(mt::InvitationChange {
            status,
            date,
            note: opt_text(self.note),
            minutes,
            role: opt_text(self.role),
            media_consent: opt_text(self.engagement_consent_by).map(|by| m::EngagementConsent {
                agreed: true,
                recorded_by: by,
                date,
            }),
        })
    }
}

/// A recorded rota turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RotaTurn {
    pub date: String,
    /// Ambassador ids.
    pub ambassadors: Vec<String>,
    /// Who the fair rotation suggested.
    pub suggested: Vec<String>,
    pub override_reason: Option<String>,
    pub recorded: String,
}

impl From<&m::RotaTurn> for RotaTurn {
    fn from(t: &m::RotaTurn) -> Self {
        RotaTurn {
            date: t.date.to_string(),
            ambassadors: words(&t.ambassadors),
            suggested: words(&t.suggested),
            override_reason: t.override_reason.clone(),
            recorded: t.recorded.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RotaMember {
    pub ambassador_id: String,
    pub display_name: String,
    pub turns: u32,
    pub last_turn: Option<String>,
}

/// A rota at a glance; no members means the project has no rota.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RotaSummary {
    pub seats: u32,
    /// Fewest turns first.
    pub members: Vec<RotaMember>,
    /// Oldest first.
    pub turns: Vec<RotaTurn>,
    /// How unevenly turns are spread: 0 is perfectly even, 1 all to one person.
    pub spread: f64,
}

impl From<&mt::RotaSummary> for RotaSummary {
    fn from(s: &mt::RotaSummary) -> Self {
        RotaSummary {
            seats: s.seats,
            members: s
                .members
                .iter()
                .map(|p| RotaMember {
                    ambassador_id: p.ambassador_id.clone(),
                    display_name: p.display_name.clone(),
                    turns: p.turns,
                    last_turn: p.last_turn.map(|d| d.to_string()),
                })
                .collect(),
            turns: s.turns.iter().map(Into::into).collect(),
            spread: s.spread,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RotaPlace {
    pub ambassador_id: String,
    pub display_name: String,
    pub turns: u32,
    pub last_turn: Option<String>,
    pub reason: Message,
}

/// Whose turn it is at one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RotaPlan {
    pub date: String,
    pub seats: u32,
    /// Ambassador ids: the first `seats` of `order`.
    pub suggested: Vec<String>,
    /// Every eligible member, in fair order.
    pub order: Vec<RotaPlace>,
    pub not_eligible: Vec<NotEligible>,
    /// The turn already recorded for this date.
    pub recorded: Option<RotaTurn>,
}

impl From<&mt::RotaPlan> for RotaPlan {
    fn from(p: &mt::RotaPlan) -> Self {
        RotaPlan {
            date: p.date.to_string(),
            seats: p.seats,
            suggested: p.suggested.clone(),
            order: p
                .order
                .iter()
                .map(|o| RotaPlace {
                    ambassador_id: o.ambassador_id.clone(),
                    display_name: o.display_name.clone(),
                    turns: o.turns,
                    last_turn: o.last_turn.map(|d| d.to_string()),
                    reason: o.reason.clone(),
                })
                .collect(),
            not_eligible: p.not_eligible.iter().map(Into::into).collect(),
            recorded: p.recorded.as_ref().map(Into::into),
        }
    }
}

/// The network's match settings, and the defaults the settings screen can
/// put back (so the UI does not keep its own copy of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct MatchSettingsView {
    pub settings: mt::MatchSettings,
    pub defaults: mt::MatchSettings,
}

impl MatchSettingsView {
    pub fn new(settings: mt::MatchSettings) -> MatchSettingsView {
        MatchSettingsView {
            settings,
            defaults: mt::MatchSettings::default(),
        }
    }
}

/// Who takes the seat(s) at a meeting: nobody named means the fair
/// suggestion; naming others needs a reason.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct RotaTurnInput {
    pub date: String,
    pub ambassadors: Vec<String>,
    pub reason: Option<String>,
}

impl RotaTurnInput {
    pub fn into_core(self, today: m::Day) -> ApiResult<mt::RotaAssignment> {
        Ok(mt::RotaAssignment {
            date: day(&self.date)?,
            ambassadors: self
                .ambassadors
                .into_iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            reason: opt_text(self.reason),
            recorded: today,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> m::Day {
        "2026-03-14".parse().unwrap()
    }

    #[test]
    fn next_statuses_follow_the_lifecycle() {
        use InvitationStatus::*;
        assert_eq!(next_statuses(None), [Shortlisted, Invited]);
        assert_eq!(
            next_statuses(Some(m::InvitationStatus::Invited)),
            [Accepted, Declined, Withdrawn]
        );
        assert_eq!(
            next_statuses(Some(m::InvitationStatus::Accepted)),
            [Declined, Withdrawn, Attended, NoShow]
        );
        assert!(next_statuses(Some(m::InvitationStatus::Attended)).is_empty());
    }

    #[test]
    fn an_invitation_move_reads_hours_and_defaults_the_date() {
        let input = InvitationInput {
            status: InvitationStatus::Attended,
            date: Some(" ".into()),
            note: Some("  ".into()),
            hours: Some("2.5".into()),
            role: None,
            engagement_consent_by: None,
        };
        let change = input.into_core(today()).unwrap();
        assert_eq!(change.date, today());
        assert_eq!(change.minutes, Some(150));
        assert_eq!(change.note, None);
        assert_eq!(change.media_consent, None);

        let no_hours = InvitationInput {
            status: InvitationStatus::Attended,
            date: None,
            note: None,
            hours: None,
            role: None,
            engagement_consent_by: None,
        };
        assert_eq!(no_hours.into_core(today()).unwrap_err().code, "invalid");
        let bad_date = InvitationInput {
            status: InvitationStatus::Invited,
            date: Some("14/03/2026".into()),
            note: None,
            hours: None,
            role: None,
            engagement_consent_by: None,
        };
        assert_eq!(bad_date.into_core(today()).unwrap_err().code, "invalid");

        // A media invitation carries the coordinator's record of the person's yes.
        let media = InvitationInput {
            status: InvitationStatus::Invited,
            date: None,
            note: None,
            hours: None,
            role: None,
            engagement_consent_by: Some(" Maryam ".into()),
        };
        let consent = media.into_core(today()).unwrap().media_consent.unwrap();
        assert!(consent.agreed);
        assert_eq!(
            (consent.recorded_by.as_str(), consent.date),
            ("Maryam", today())
        );
    }

    #[test]
    fn a_rota_turn_drops_blank_names_and_reasons() {
        let input = RotaTurnInput {
            date: "2026-04-01".into(),
            ambassadors: vec![" ".into(), " a-1 ".into()],
            reason: Some(" ".into()),
        };
        let a = input.into_core(today()).unwrap();
        assert_eq!(a.ambassadors, ["a-1"]);
        assert_eq!((a.reason, a.recorded), (None, today()));
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
            invitation: Some(m::InvitationStatus::Invited),
            covers_skills: vec![],
            covers_languages: vec![],
            languages: vec![],
            recognition: mt::RecognitionAdvice {
                offer: vec![m::RecognitionKind::Thanks],
                withheld: vec![m::RecognitionKind::Payment],
                suggest: vec![m::RecognitionKind::Meal],
                check_first: vec![],
                note: Some(
                    Message::new(
                        mt::Code::RecognitionNotAllowed,
                        "may not be paid: do not offer payment",
                    )
                    .with("kinds", mt::Param::kinds(&[m::RecognitionKind::Payment])),
                ),
            },
            notes: vec![],
        };
        let report = mt::MatchReport {
            project_id: "p".into(),
            project_title: "Panel".into(),
            today: today(),
            settings: mt::MatchSettings::default(),
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
                    Message::new(mt::Code::TrainingMissing, "needs Safeguarding first")
                        .with("course", mt::Param::Text("Safeguarding".into())),
                    Some(
                        Message::new(
                            mt::Code::NextOfferCourse,
                            "offer them Safeguarding before 2026-03-14",
                        )
                        .with("course", mt::Param::Text("Safeguarding".into()))
                        .with("first", mt::Param::Date("2026-03-14".into())),
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
        let view = MatchView::new(&report);
        assert_eq!((view.ranked.len(), view.ranked_count), (2, 3));
        assert_eq!(view.ranked[0].invitation, Some(InvitationStatus::Invited));
        assert_eq!(
            view.ranked[0].recognition.withheld,
            [RecognitionKind::Payment]
        );
        assert_eq!(view.not_eligible_count, 1);
        let reason = &view.not_eligible[0].reasons[0];
        assert_eq!(reason.constraint, Constraint::Training);
        assert_eq!(
            reason.next_step.as_ref().map(Message::as_str),
            Some("offer them Safeguarding before 2026-03-14")
        );
        assert_eq!(view.team.lacks.required_skills, ["assessment"]);
        assert_eq!(view.today, "2026-03-14");
        let json = serde_json::to_value(&view.not_eligible[0].reasons[0]).unwrap();
        assert_eq!(json["constraint"], "training");
        assert_eq!(json["reason"]["code"], "training-missing");
        assert_eq!(json["next_step"]["params"]["first"]["type"], "date");
    }
}
