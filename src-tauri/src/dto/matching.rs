//! Matching's input forms: an invitation's move and a rota turn as the
//! project page sends them (text as typed, read by the core's parsers).
//! What the page shows comes from the core (`sanctuary_core::views`:
//! `MatchView`, `Invitation`, `RotaPlan` ...), beside the CLI's output.

use sanctuary_core::matching as mt;
use sanctuary_core::model::{self as m, units};
use serde::Deserialize;
use ts_rs::TS;

use super::vocab::InvitationStatus;
use super::{day, opt_text};
use crate::error::ApiResult;

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
}
