//! Invitations to a project and the rota of a recurring seat, both kept in
//! the project's Automerge document.
//!
//! An invitation is a map of status events keyed by event id, not a single
//! status field: when two laptops move the same invitation at once (one
//! records "accepted", the other "withdrawn"), both events survive the merge
//! and every laptop derives the same current status from them (the event with
//! the highest sequence number, ties broken by date and then id). The history
//! of asks, which the fairness factor reads, is exactly these events.
//!
//! Invitations are keyed by the ambassador's id, so a person has at most one
//! invitation per project, and two coordinators shortlisting the same person
//! at the same time end up with one invitation, not two.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::validate::{Field, Invalid, check_optional_len};
use super::values::{Day, Tags};
use super::vocab::InvitationStatus;
use crate::matching::{Code, Param};

/// One person's invitation to one project: every status it has had.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Invitation {
    pub ambassador_id: String,
    /// Keyed by event id, so concurrent moves all survive a merge.
    pub events: BTreeMap<String, InvitationEvent>,
    /// For a media project: the person's consent to this one engagement
    /// (being filmed, quoted or speaking here), asked before they are invited.
    #[autosurgeon(missing = "Option::default")]
    #[serde(default)]
    pub media_consent: Option<EngagementConsent>,
}

/// Consent to one media or speaking engagement: yes or no, who asked, when.
/// General media consent says someone is open to such work; this says they
/// agreed to this particular piece.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct EngagementConsent {
    pub agreed: bool,
    pub recorded_by: String,
    pub date: Day,
}

impl EngagementConsent {
    pub fn validate(&self) -> Result<(), Invalid> {
        super::validate::check_text(Field::ConsentRecordedBy, &self.recorded_by, 80)
    }
}

/// A move of an invitation to a status, on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct InvitationEvent {
    pub id: String,
    /// One more than the highest sequence number seen when it was recorded:
    /// orders events recorded on the same day, and on different laptops.
    pub seq: u64,
    pub status: InvitationStatus,
    pub date: Day,
    /// Why, in the coordinator's words (a reason for withdrawing, a message).
    pub note: Option<String>,
    /// Minutes given, for `attended`.
    pub minutes: Option<u32>,
    /// The contribution `attended` created in the ambassador's document.
    pub contribution_id: Option<String>,
}

impl Invitation {
    pub fn new(ambassador_id: &str) -> Invitation {
        Invitation {
            ambassador_id: ambassador_id.to_string(),
            events: BTreeMap::new(),
            media_consent: None,
        }
    }

    /// The events oldest first, in the order every laptop agrees on.
    pub fn history(&self) -> Vec<&InvitationEvent> {
        let mut events: Vec<&InvitationEvent> = self.events.values().collect();
        events.sort_by(|a, b| (a.seq, a.date, &a.id).cmp(&(b.seq, b.date, &b.id)));
        events
    }

    pub fn latest(&self) -> Option<&InvitationEvent> {
        self.events
            .values()
            .max_by(|a, b| (a.seq, a.date, &a.id).cmp(&(b.seq, b.date, &b.id)))
    }

    /// The current status: that of the latest event.
    pub fn status(&self) -> Option<InvitationStatus> {
        self.latest().map(|e| e.status)
    }

    /// The sequence number for the next event.
    pub fn next_seq(&self) -> u64 {
        self.events.values().map(|e| e.seq).max().unwrap_or(0) + 1
    }

    /// The day the person was first asked, if they were: the earliest event
    /// that means an ask went out. Being shortlisted is not an ask, and
    /// neither is being withdrawn from a shortlist.
    pub fn asked_on(&self) -> Option<Day> {
        self.events
            .values()
            .filter(|e| e.status.is_an_ask())
            .map(|e| e.date)
            .min()
    }

    /// Whether they took part (the latest status is `attended`).
    pub fn attended(&self) -> bool {
        self.status() == Some(InvitationStatus::Attended)
    }
}

impl InvitationStatus {
    /// Statuses that can only follow an ask to the person.
    pub fn is_an_ask(self) -> bool {
        !matches!(self, Self::Shortlisted | Self::Withdrawn)
    }

    /// Statuses that hold the person's dates: they were asked and have not
    /// said no, or they said yes.
    pub fn holds_dates(self) -> bool {
        matches!(self, Self::Invited | Self::Accepted)
    }

    /// Whether an invitation may move from `from` (none for a new one) to `self`.
    ///
    /// A new invitation starts shortlisted or invited. Someone who declined
    /// or was withdrawn can be asked again; a no-show can be corrected to
    /// attended; attendance is final because it created a contribution (to
    /// undo it, correct the contribution). A refusal's `name` parameter
    /// (whose invitation) is the caller's to add.
    pub fn may_follow(self, from: Option<InvitationStatus>) -> Result<(), Invalid> {
        use InvitationStatus::*;
        let allowed: &[InvitationStatus] = match from {
            None => &[Shortlisted, Invited],
            Some(Shortlisted) => &[Invited, Withdrawn],
            Some(Invited) => &[Accepted, Declined, Withdrawn],
            Some(Accepted) => &[Attended, NoShow, Declined, Withdrawn],
            Some(Declined) | Some(Withdrawn) => &[Shortlisted, Invited],
            Some(NoShow) => &[Attended],
            Some(Attended) => &[],
        };
        if allowed.contains(&self) {
            return Ok(());
        }
        let from_words = from.map_or("not yet invited".to_string(), |f| f.to_string());
        let text = if allowed.is_empty() {
            format!(
                "the invitation is {from_words}, which is final; correct the contribution instead"
            )
        } else {
            let words: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
            format!(
                "an invitation that is {from_words} can become {}, not {self}",
                words.join(" or ")
            )
        };
        let either = Param::Either(allowed.iter().copied().map(Param::Invitation).collect());
        Err(match from {
            Some(from) if allowed.is_empty() => {
                Invalid::new(Field::Status, Code::InvalidInvitationFinal, text)
                    .with("from", Param::Invitation(from))
            }
            Some(from) => Invalid::new(Field::Status, Code::InvalidInvitationMove, text)
                .with("from", Param::Invitation(from))
                .with("to", Param::Invitation(self))
                .with("allowed", either),
            None => Invalid::new(Field::Status, Code::InvalidInvitationNotYet, text)
                .with("to", Param::Invitation(self))
                .with("allowed", either),
        })
    }
}

impl InvitationEvent {
    pub fn validate(&self) -> Result<(), Invalid> {
        check_optional_len(Field::Note, &self.note, 2000)?;
        match (self.status, self.minutes) {
            (InvitationStatus::Attended, None | Some(0)) => Err(Invalid::new(
                Field::Hours,
                Code::InvalidHoursNeeded,
                "attendance needs the hours they gave, e.g. 2.5",
            )),
            (InvitationStatus::Attended, Some(m)) if m > 24 * 60 => Err(Invalid::new(
                Field::Hours,
                Code::InvalidHoursForADay,
                "hours must be at most 24 for one day",
            )),
            (InvitationStatus::Attended, _) | (_, None) => Ok(()),
            (status, Some(_)) => Err(Invalid::new(
                Field::Hours,
                Code::InvalidHoursOnlyAttended,
                format!("hours go with attended, not {status}"),
            )
            .with("status", Param::Invitation(status))),
        }
    }
}

/// The rota of a recurring seat (for example the Advisory Group member at each
/// trustee meeting): who takes turns, how many seats a meeting has, and who
/// sat at each meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Rota {
    /// Ambassador ids who take turns (a set, so concurrent additions merge).
    pub members: Tags,
    /// People per meeting.
    pub seats: u32,
    /// Keyed by the meeting date (`YYYY-MM-DD`).
    pub turns: BTreeMap<String, RotaTurn>,
}

impl Default for Rota {
    fn default() -> Self {
        Rota {
            members: Tags::new(),
            seats: 1,
            turns: BTreeMap::new(),
        }
    }
}

impl Rota {
    pub fn is_set_up(&self) -> bool {
        !self.members.is_empty()
    }
}

/// Who took the seat at one meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RotaTurn {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: Day,
    /// Ambassador ids.
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub ambassadors: Tags,
    /// Who the fair rotation suggested.
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub suggested: Tags,
    /// Why the coordinator chose differently, if they did.
    pub override_reason: Option<String>,
    /// The day the turn was recorded.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub recorded: Day,
}

#[cfg(test)]
mod tests {
    use super::*;
    use InvitationStatus::*;

    fn event(id: &str, seq: u64, status: InvitationStatus, date: &str) -> InvitationEvent {
        InvitationEvent {
            id: id.into(),
            seq,
            status,
            date: date.parse().unwrap(),
            note: None,
            minutes: None,
            contribution_id: None,
        }
    }

    #[test]
    fn the_status_is_the_latest_event_and_concurrent_events_agree() {
        let mut inv = Invitation::new("a");
        assert_eq!(inv.status(), None);
        for e in [
            event("e1", 1, Shortlisted, "2026-01-01"),
            event("e2", 2, Invited, "2026-01-02"),
            // Two laptops recorded seq 3 at once: the later date wins, then the id.
            event("e4", 3, Withdrawn, "2026-01-03"),
            event("e3", 3, Accepted, "2026-01-03"),
        ] {
            inv.events.insert(e.id.clone(), e);
        }
        assert_eq!(inv.status(), Some(Withdrawn));
        assert_eq!(inv.next_seq(), 4);
        assert_eq!(inv.asked_on(), Some("2026-01-02".parse().unwrap()));
        let order: Vec<&str> = inv.history().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(order, ["e1", "e2", "e3", "e4"]);
    }

    #[test]
    fn transitions() {
        let ok = [
            (None, Shortlisted),
            (None, Invited),
            (Some(Shortlisted), Invited),
            (Some(Invited), Accepted),
            (Some(Invited), Declined),
            (Some(Accepted), Attended),
            (Some(Accepted), NoShow),
            (Some(Declined), Invited),
            (Some(NoShow), Attended),
        ];
        for (from, to) in ok {
            assert!(to.may_follow(from).is_ok(), "{from:?} -> {to}");
        }
        let refused = [
            (None, Accepted),
            (None, Attended),
            (Some(Shortlisted), Accepted),
            (Some(Invited), Attended),
            (Some(Invited), Invited),
            (Some(Attended), NoShow),
            (Some(NoShow), Accepted),
        ];
        for (from, to) in refused {
            assert!(to.may_follow(from).is_err(), "{from:?} -> {to}");
        }
        let refusal = Attended.may_follow(Some(Invited)).unwrap_err();
        assert_eq!(
            refusal.reason.text,
            "an invitation that is invited can become accepted or declined or withdrawn, not attended"
        );
        assert_eq!(refusal.code(), Code::InvalidInvitationMove);
        assert_eq!(refusal.field, Field::Status);
        assert_eq!(
            refusal.reason.param("to"),
            Some(&Param::Invitation(Attended))
        );
        let refusal = Shortlisted.may_follow(Some(Attended)).unwrap_err();
        assert_eq!(refusal.code(), Code::InvalidInvitationFinal);
        let refusal = Accepted.may_follow(None).unwrap_err();
        assert_eq!(refusal.code(), Code::InvalidInvitationNotYet);
    }

    #[test]
    fn attendance_needs_hours_and_only_attendance_has_them() {
        let mut e = event("e", 1, Attended, "2026-01-01");
        assert!(e.validate().is_err());
        e.minutes = Some(90);
        assert!(e.validate().is_ok());
        e.minutes = Some(25 * 60);
        assert!(e.validate().is_err());
        let mut invited = event("e", 1, Invited, "2026-01-01");
        invited.minutes = Some(60);
        assert!(invited.validate().is_err());
    }

    /// The map at `path` below the root of `doc`.
    fn map_at(doc: &automerge::AutoCommit, path: &[&str]) -> automerge::ObjId {
        use automerge::ReadDoc;
        let mut obj = automerge::ROOT;
        for key in path {
            obj = match doc.get(&obj, *key) {
                Ok(Some((automerge::Value::Object(_), id))) => id,
                other => panic!("no map at {key}: {other:?}"),
            };
        }
        obj
    }

    #[test]
    fn old_project_documents_hydrate_and_concurrent_moves_merge() {
        use crate::model::{Level, Project, ProjectDoc, Stream};
        #[derive(Reconcile)]
        struct OldProjectDoc {
            schema: u64,
            project: Project,
        }
        let start = "2026-03-14".parse().unwrap();
        let project = Project::new("p".into(), "Panel", Stream::Media, Level::Local, start);
        let mut doc = automerge::AutoCommit::new();
        autosurgeon::reconcile(&mut doc, &OldProjectDoc { schema: 1, project }).unwrap();
        let old: ProjectDoc = autosurgeon::hydrate(&doc).unwrap();
        assert!(old.invitations.is_empty());
        assert_eq!(old.rota, Rota::default());

        let mut invitation = Invitation::new("a");
        invitation
            .events
            .insert("e1".into(), event("e1", 1, Invited, "2026-03-01"));
        let invitations = BTreeMap::from([("a".to_string(), invitation)]);
        autosurgeon::reconcile_prop(&mut doc, automerge::ROOT, "invitations", &invitations)
            .unwrap();
        let mut other = doc.fork();
        let accepted = event("e2", 2, Accepted, "2026-03-02");
        let withdrawn = event("e3", 2, Withdrawn, "2026-03-02");
        let events = map_at(&doc, &["invitations", "a", "events"]);
        autosurgeon::reconcile_prop(&mut doc, &events, "e2", &accepted).unwrap();
        let events = map_at(&other, &["invitations", "a", "events"]);
        autosurgeon::reconcile_prop(&mut other, &events, "e3", &withdrawn).unwrap();
        let mut reverse = other.fork();
        doc.merge(&mut other).unwrap();
        reverse.merge(&mut doc).unwrap();
        for merged in [&doc, &reverse] {
            let project: ProjectDoc = autosurgeon::hydrate(merged).unwrap();
            let invitation = &project.invitations["a"];
            assert_eq!(invitation.events.len(), 3);
            assert_eq!(invitation.status(), Some(Withdrawn));
        }
    }
}
