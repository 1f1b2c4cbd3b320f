//! What the `Sanctuary` matching, invitation and rota methods take and
//! return, beyond the reports of the pure functions: plain serde types, so
//! the app and the CLI's `--json` can pass them through unchanged.

use serde::{Deserialize, Serialize};

use super::settings::MatchSettings;
use crate::model::{Day, InvitationEvent, InvitationStatus, Stream};

/// How to run matching for a project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchOptions {
    /// Places to fill (default: the project's number of places).
    pub places: Option<u32>,
    /// Settings for this run only (default: the network's).
    pub settings: Option<MatchSettings>,
    /// The day to match on (default: today).
    pub today: Option<Day>,
    /// How many people of each list to put in words (default: all).
    pub limit: Option<usize>,
}

impl MatchOptions {
    pub fn today(&self) -> Day {
        self.today.unwrap_or_else(Day::today)
    }
}

/// A move of one person's invitation to a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvitationChange {
    pub status: InvitationStatus,
    /// When it happened (for `attended`, the day they took part).
    pub date: Day,
    pub note: Option<String>,
    /// Minutes given; required for `attended`, refused otherwise.
    pub minutes: Option<u32>,
    /// The role for the contribution `attended` creates (default: one
    /// that fits the project's stream, see [`default_role`]).
    pub role: Option<String>,
    /// For a media project: their answer when asked about this engagement.
    #[serde(default)]
    pub media_consent: Option<crate::model::EngagementConsent>,
}

impl InvitationChange {
    pub fn new(status: InvitationStatus, date: Day) -> InvitationChange {
        InvitationChange {
            status,
            date,
            note: None,
            minutes: None,
            role: None,
            media_consent: None,
        }
    }
}

/// One invitation, as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvitationView {
    pub project_id: String,
    pub project_title: String,
    pub project_start: Day,
    pub ambassador_id: String,
    pub display_name: String,
    pub status: Option<InvitationStatus>,
    /// The day they were first asked (not set while only shortlisted).
    pub asked_on: Option<Day>,
    /// Every move, oldest first.
    pub history: Vec<InvitationEvent>,
    /// Consent to this engagement (media projects).
    pub media_consent: Option<crate::model::EngagementConsent>,
}

/// What a move did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvitationUpdate {
    pub invitation: InvitationView,
    /// The contribution recorded for `attended`.
    pub contribution_id: Option<String>,
}

/// Who takes the seat(s) at one meeting of a rota.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RotaAssignment {
    pub date: Day,
    /// Ambassadors (id, id prefix or name); empty takes the fair suggestion.
    pub ambassadors: Vec<String>,
    /// Needed when the choice differs from the fair suggestion.
    pub reason: Option<String>,
    /// The day this is recorded (also the day consent is checked).
    pub recorded: Day,
}

/// The role a contribution from attending a project of `stream` records.
pub fn default_role(stream: Stream) -> &'static str {
    match stream {
        Stream::AwardsPanel => "panel member",
        Stream::Media => "speaker",
        Stream::AdvisoryGroup => "advisory group member",
        Stream::Training => "co-trainer",
        Stream::Health | Stream::FocusGroup => "focus group participant",
        Stream::LocalAuthorities => "steering group member",
        Stream::Schools | Stream::Universities => "speaker",
        Stream::Other => "participant",
    }
}
