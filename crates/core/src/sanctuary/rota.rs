//! Rota storage: a project's rota members and seats, and one turn per
//! meeting date, in the project's document.
//!
//! Members are a set and turns a map keyed by the meeting date, each
//! written as its own entry, so two laptops adding members or recording
//! different meetings merge cleanly. Recording a turn takes the fair
//! suggestion unless the coordinator names others, and then a reason is
//! required and kept with the turn: the rota can be overridden, never
//! silently.

use automerge::ROOT;

use super::Sanctuary;
use super::ambassadors::internal;
use super::invitations::existing_map;
use super::matching::reason_words;
use crate::documents::Kind;
use crate::error::{CoreError, Result};
use crate::matching::{Code, MatchOptions, Param, RotaAssignment, RotaSummary};
use crate::model::Thing;
use crate::model::validate::out_of_range;
use crate::model::{Field, Invalid, RotaTurn, Tags};

impl Sanctuary {
    /// Adds and removes rota members (id, id prefix or name) and sets the
    /// seats per meeting; a project with members has a rota.
    pub fn edit_rota(
        &mut self,
        project: &str,
        add: &[String],
        remove: &[String],
        seats: Option<u32>,
    ) -> Result<RotaSummary> {
        let mut doc = self.project(project)?.clone();
        let mut rota = doc.rota.clone();
        for key in add {
            let id = self.ambassador(key)?.id().to_string();
            rota.members.insert(&id);
        }
        for key in remove {
            // Someone erased from the network can still be taken off by id.
            let id = self
                .ambassador(key)
                .map(|a| a.id().to_string())
                .unwrap_or_else(|_| key.trim().to_string());
            if !rota.members.remove(&id) {
                return Err(CoreError::NotFound {
                    what: Thing::RotaMember,
                    key: key.clone(),
                });
            }
        }
        if let Some(seats) = seats {
            if !(1..=20).contains(&seats) {
                return Err(
                    out_of_range(Field::Seats, 1, 20, "a meeting has 1 to 20 seats").into(),
                );
            }
            rota.seats = seats;
        }
        let project_id = doc.id().to_string();
        doc.rota = rota.clone();
        self.commit(&project_id, Kind::Project, "rota", &doc, |am| {
            match existing_map(am, &ROOT, "rota")? {
                Some(obj) => {
                    autosurgeon::reconcile_prop(&mut *am, &obj, "members", &rota.members)
                        .map_err(internal)?;
                    autosurgeon::reconcile_prop(am, &obj, "seats", rota.seats)
                }
                None => autosurgeon::reconcile_prop(am, ROOT, "rota", &rota),
            }
            .map_err(internal)
        })?;
        self.projects.insert(project_id.clone(), doc);
        self.rota_summary(&project_id)
    }

    /// Records who takes the seat(s) at one meeting: the fair suggestion, or
    /// the people named with a reason for overriding it. Everyone must pass
    /// the project's hard constraints on the meeting date.
    pub fn assign_rota_turn(
        &mut self,
        project: &str,
        assignment: RotaAssignment,
    ) -> Result<RotaTurn> {
        let options = MatchOptions {
            today: Some(assignment.recorded),
            ..MatchOptions::default()
        };
        let plan = self.rota_plan(project, assignment.date, &options)?;
        let mut doc = self.project(project)?.clone();
        if !doc.rota.is_set_up() {
            return Err(Invalid::new(
                Field::Rota,
                Code::InvalidNoRota,
                format!("'{}' has no rota yet; add members first", doc.project.title),
            )
            .with("project", Param::Text(doc.project.title.clone()))
            .into());
        }
        let suggested = Tags::from_words(&plan.suggested);
        let chosen = if assignment.ambassadors.is_empty() {
            suggested.clone()
        } else {
            let mut chosen = Tags::new();
            for key in &assignment.ambassadors {
                chosen.insert(self.ambassador(key)?.id());
            }
            chosen
        };
        if chosen.is_empty() {
            return Err(Invalid::new(
                Field::Rota,
                Code::InvalidNoMemberFree,
                format!(
                    "no member can take the seat on {}; see who is not eligible and why",
                    assignment.date
                ),
            )
            .with("date", Param::date(assignment.date))
            .into());
        }
        if chosen.len() > doc.rota.seats as usize {
            return Err(Invalid::new(
                Field::Rota,
                Code::InvalidTooManyChosen,
                format!("the meeting has {} seat(s)", doc.rota.seats),
            )
            .with("seats", Param::count(doc.rota.seats))
            .into());
        }
        for id in chosen.iter() {
            if plan.order.iter().any(|p| p.ambassador_id == id) {
                continue;
            }
            let person = self.ambassador(id)?;
            let mut meeting = doc.clone();
            meeting.project.start = assignment.date;
            meeting.project.end = None;
            let reasons =
                super::matching::eligibility_of(self, &meeting, person, assignment.recorded);
            if !reasons.is_empty() {
                return Err(CoreError::NotEligible {
                    name: person.profile.display_name.clone(),
                    reasons: reason_words(&reasons),
                    why: reasons.iter().map(|r| r.reason.clone()).collect(),
                });
            }
        }
        let reason = assignment.reason.filter(|r| !r.trim().is_empty());
        if chosen != suggested && reason.is_none() {
            return Err(Invalid::new(
                Field::Reason,
                Code::InvalidReasonNeeded,
                "choosing someone other than the rota's fair suggestion needs a reason",
            )
            .into());
        }
        if let Some(reason) = &reason {
            crate::model::validate::check_text(crate::model::Field::Reason, reason, 2000)?;
        }
        let turn = RotaTurn {
            date: assignment.date,
            ambassadors: chosen,
            suggested,
            override_reason: reason,
            recorded: assignment.recorded,
        };
        let key = assignment.date.to_string();
        doc.rota.turns.insert(key.clone(), turn.clone());
        let project_id = doc.id().to_string();
        let rota = doc.rota.clone();
        self.commit(&project_id, Kind::Project, "rota turn", &doc, |am| {
            let turns = match existing_map(am, &ROOT, "rota")? {
                Some(obj) => existing_map(am, &obj, "turns")?,
                None => None,
            };
            match turns {
                Some(turns) => autosurgeon::reconcile_prop(am, turns, key.as_str(), &turn),
                None => autosurgeon::reconcile_prop(am, ROOT, "rota", &rota),
            }
            .map_err(internal)
        })?;
        self.projects.insert(project_id, doc);
        Ok(turn)
    }
}
