//! Invitations: shortlisting, inviting and recording the answer and the
//! attendance, in the project's document.
//!
//! Each move is one new event in the invitation's map of events, written
//! with `reconcile_prop` on that one entry, so moves made on two laptops
//! both survive a merge. A move must follow the lifecycle
//! (`InvitationStatus::may_follow`), and shortlisting or inviting someone
//! re-checks the hard constraints on the day of the move: nobody is asked
//! who has not agreed to be contacted, whatever the list showed earlier.
//!
//! Attendance records a contribution with the hours in the person's own
//! document through `log_contribution` (the one way contributions are
//! written), then the event with the contribution's id. If the second write
//! fails, recording the attendance again reuses the contribution instead of
//! counting the hours twice.

use automerge::{AutoCommit, ObjId, ObjType, ReadDoc};

use super::Sanctuary;
use super::ambassadors::internal;
use super::matching::{eligibility_of, reason_words};
use crate::documents::{Kind, root_map};
use crate::error::{CoreError, Result};
use crate::matching::{
    Code, InvitationChange, InvitationUpdate, InvitationView, Param, default_role,
};
use crate::model::{
    Contribution, Field, Invalid, Invitation, InvitationEvent, InvitationStatus, ProjectDoc, new_id,
};

impl Sanctuary {
    /// Moves `ambassador`'s invitation to `project` (each by id, id prefix or
    /// name) to a new status, creating the invitation on its first move.
    pub fn set_invitation(
        &mut self,
        project: &str,
        ambassador: &str,
        change: InvitationChange,
    ) -> Result<InvitationUpdate> {
        let mut doc = self.project(project)?.clone();
        let person = self.ambassador(ambassador)?;
        let (person_id, name) = (person.id().to_string(), person.profile.display_name.clone());
        let mut invitation = doc
            .invitations
            .get(&person_id)
            .cloned()
            .unwrap_or_else(|| Invitation::new(&person_id));
        let is_new = invitation.events.is_empty();
        change
            .status
            .may_follow(invitation.status())
            .map_err(|refusal| refusal.for_person(&name))?;
        if matches!(
            change.status,
            InvitationStatus::Shortlisted | InvitationStatus::Invited
        ) {
            let reasons = eligibility_of(self, &doc, person, change.date);
            if !reasons.is_empty() {
                return Err(CoreError::NotEligible {
                    name,
                    reasons: reason_words(&reasons),
                    why: reasons.iter().map(|r| r.reason.clone()).collect(),
                });
            }
        }
        if let Some(consent) = &change.media_consent {
            consent.validate()?;
            invitation.media_consent = Some(consent.clone());
        }
        check_engagement_consent(&doc, &invitation, change.status, &name)?;
        let consent_changed = change.media_consent.is_some();
        let mut event = InvitationEvent {
            id: new_id(),
            seq: invitation.next_seq(),
            status: change.status,
            date: change.date,
            note: change.note.clone().filter(|n| !n.trim().is_empty()),
            minutes: change.minutes,
            contribution_id: None,
        };
        event.validate()?;
        if change.status == InvitationStatus::Attended {
            event.contribution_id = Some(self.attendance_contribution(&doc, &person_id, &change)?);
        }
        invitation.events.insert(event.id.clone(), event.clone());
        doc.invitations
            .insert(person_id.clone(), invitation.clone());
        let project_id = doc.id().to_string();
        self.commit(&project_id, Kind::Project, "invitation", &doc, |am| {
            let invitations = root_map(am, "invitations")?;
            let events = match existing_map(am, &invitations, &person_id)? {
                Some(obj) if !is_new => existing_map(am, &obj, "events")?,
                _ => None,
            };
            match events {
                Some(events) => {
                    autosurgeon::reconcile_prop(&mut *am, events, event.id.as_str(), &event)
                        .map_err(internal)?;
                    if consent_changed
                        && let Some(obj) = existing_map(am, &invitations, &person_id)?
                    {
                        autosurgeon::reconcile_prop(
                            am,
                            obj,
                            "media_consent",
                            &invitation.media_consent,
                        )
                        .map_err(internal)?;
                    }
                    Ok(())
                }
                None => {
                    autosurgeon::reconcile_prop(am, invitations, person_id.as_str(), &invitation)
                        .map_err(internal)
                }
            }
        })?;
        let contribution_id = event.contribution_id.clone();
        self.projects.insert(project_id, doc);
        let doc = self.project(project)?;
        Ok(InvitationUpdate {
            invitation: self.view(doc, &invitation),
            contribution_id,
        })
    }

    /// Every invitation to a project, by the person's name.
    pub fn invitations(&self, project: &str) -> Result<Vec<InvitationView>> {
        let doc = self.project(project)?;
        let mut all: Vec<InvitationView> = doc
            .invitations
            .values()
            .map(|i| self.view(doc, i))
            .collect();
        all.sort_by(|a, b| {
            (a.display_name.to_lowercase(), &a.ambassador_id)
                .cmp(&(b.display_name.to_lowercase(), &b.ambassador_id))
        });
        Ok(all)
    }

    /// Every invitation one person has had, soonest project first.
    pub fn ambassador_invitations(&self, ambassador: &str) -> Result<Vec<InvitationView>> {
        let id = self.ambassador(ambassador)?.id().to_string();
        let mut all: Vec<InvitationView> = self
            .projects
            .values()
            .filter_map(|doc| doc.invitations.get(&id).map(|i| self.view(doc, i)))
            .collect();
        all.sort_by(|a, b| (a.project_start, &a.project_id).cmp(&(b.project_start, &b.project_id)));
        Ok(all)
    }

    fn view(&self, doc: &ProjectDoc, invitation: &Invitation) -> InvitationView {
        let id = &invitation.ambassador_id;
        InvitationView {
            project_id: doc.id().to_string(),
            project_title: doc.project.title.clone(),
            project_start: doc.project.start,
            ambassador_id: id.clone(),
            display_name: self
                .ambassadors
                .get(id)
                .map_or("(no longer on record)".into(), |a| {
                    a.profile.display_name.clone()
                }),
            status: invitation.status(),
            asked_on: invitation.asked_on(),
            history: invitation.history().into_iter().cloned().collect(),
            media_consent: invitation.media_consent.clone(),
        }
    }

    /// The contribution for attending: an identical one already logged for
    /// this project and day and not yet tied to an attendance (a retry), or
    /// a new one.
    fn attendance_contribution(
        &mut self,
        doc: &ProjectDoc,
        person_id: &str,
        change: &InvitationChange,
    ) -> Result<String> {
        let minutes = change.minutes.unwrap_or(0);
        let linked: Vec<&str> = doc
            .invitations
            .get(person_id)
            .into_iter()
            .flat_map(|i| i.events.values())
            .filter_map(|e| e.contribution_id.as_deref())
            .collect();
        let person = self.ambassador(person_id)?;
        let earlier = person.contributions.values().find(|c| {
            c.project_id.as_deref() == Some(doc.id())
                && c.date == change.date
                && c.minutes == minutes
                && !linked.contains(&c.id.as_str())
        });
        if let Some(c) = earlier {
            return Ok(c.id.clone());
        }
        let role = change
            .role
            .clone()
            .filter(|r| !r.trim().is_empty())
            .unwrap_or_else(|| default_role(doc.project.stream).to_string());
        let contribution = Contribution {
            id: String::new(),
            project_id: Some(doc.id().to_string()),
            date: change.date,
            role,
            stream: doc.project.stream,
            minutes,
        };
        self.log_contribution(person_id, contribution)
    }
}

/// A media project asks each person about the engagement itself: inviting
/// them, or recording that they accepted, needs their "yes" to it recorded
/// (who asked, when), on top of their general media consent.
fn check_engagement_consent(
    doc: &ProjectDoc,
    invitation: &Invitation,
    status: InvitationStatus,
    name: &str,
) -> Result<()> {
    if doc.project.stream != crate::model::Stream::Media
        || !matches!(
            status,
            InvitationStatus::Invited | InvitationStatus::Accepted
        )
    {
        return Ok(());
    }
    match &invitation.media_consent {
        Some(c) if c.agreed => Ok(()),
        Some(c) => Err(Invalid::new(
            Field::MediaConsent,
            Code::InvalidMediaConsentRefused,
            format!(
                "{name} said no to this engagement on {}; they cannot be invited to it",
                c.date
            ),
        )
        .with("name", Param::Text(name.to_string()))
        .with("date", Param::date(c.date))
        .into()),
        None => Err(Invalid::new(
            Field::MediaConsent,
            Code::InvalidMediaConsentNotAsked,
            format!(
                "{name} has not been asked about this media engagement; ask them and record their answer with the invitation"
            ),
        )
        .with("name", Param::Text(name.to_string()))
        .into()),
    }
}

/// The map at `key` in `parent`, if there is one.
pub(super) fn existing_map(am: &AutoCommit, parent: &ObjId, key: &str) -> Result<Option<ObjId>> {
    match am.get(parent, key) {
        Ok(Some((automerge::Value::Object(ObjType::Map), id))) => Ok(Some(id)),
        Ok(_) => Ok(None),
        Err(e) => Err(CoreError::Internal(format!("reading {key}: {e}"))),
    }
}
