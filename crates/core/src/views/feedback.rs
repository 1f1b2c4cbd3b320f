//! "You said, we did" and pathways: what changed because of the
//! ambassadors' input on a project, who sees it, and the roles a person
//! moved into over time.
//!
//! An outcome is shown to the people who took part in its project, and to
//! nobody else: someone whose invitation ended `attended`, or who has time
//! logged against the project. Being shortlisted, invited or declining is
//! not taking part.

use serde::Serialize;

use crate::model::{AmbassadorDoc, Day, Outcome, Pathway, PathwayRole, ProjectDoc};

/// One outcome of a project, as a screen or a record shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutcomeRow {
    pub id: String,
    pub project_id: String,
    pub project_title: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: Day,
    /// As the coordinator typed it; never translated.
    pub text: String,
    pub recorded_by: String,
}

impl OutcomeRow {
    pub fn new(project: &ProjectDoc, outcome: &Outcome) -> OutcomeRow {
        OutcomeRow {
            id: outcome.id.clone(),
            project_id: project.id().to_string(),
            project_title: project.project.title.clone(),
            date: outcome.date,
            text: outcome.text.clone(),
            recorded_by: outcome.recorded_by.clone(),
        }
    }
}

/// Whether `person` took part in `project`: attended it, or has time
/// logged against it.
pub fn took_part(project: &ProjectDoc, person: &AmbassadorDoc) -> bool {
    project
        .invitations
        .get(person.id())
        .is_some_and(|i| i.attended())
        || person
            .contributions
            .values()
            .any(|c| c.project_id.as_deref() == Some(project.id()))
}

/// A project's outcomes, newest first (ties by id, the same on every laptop).
pub fn project_outcomes(project: &ProjectDoc) -> Vec<OutcomeRow> {
    let mut rows: Vec<OutcomeRow> = project
        .outcomes
        .values()
        .map(|o| OutcomeRow::new(project, o))
        .collect();
    rows.sort_by(|a, b| (b.date, &b.id).cmp(&(a.date, &a.id)));
    rows
}

/// The outcomes of every project `person` took part in, newest first.
pub fn outcomes_for<'a>(
    person: &AmbassadorDoc,
    projects: impl IntoIterator<Item = &'a ProjectDoc>,
) -> Vec<OutcomeRow> {
    let mut rows: Vec<OutcomeRow> = projects
        .into_iter()
        .filter(|p| !p.outcomes.is_empty() && took_part(p, person))
        .flat_map(|p| p.outcomes.values().map(move |o| OutcomeRow::new(p, o)))
        .collect();
    rows.sort_by(|a, b| (b.date, &b.id).cmp(&(a.date, &a.id)));
    rows
}

/// One role on a person's pathway.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PathwayRow {
    pub id: String,
    pub role: PathwayRole,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub from: Day,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub to: Option<Day>,
    pub note: Option<String>,
    /// Whether they hold the role today.
    pub current: bool,
}

impl PathwayRow {
    pub fn new(p: &Pathway, today: Day) -> PathwayRow {
        PathwayRow {
            id: p.id.clone(),
            role: p.role,
            from: p.from,
            to: p.to,
            note: p.note.clone(),
            current: p.held_on(today),
        }
    }
}

/// A person's pathway, in the order they moved into each role.
pub fn pathway_rows(person: &AmbassadorDoc, today: Day) -> Vec<PathwayRow> {
    let mut rows: Vec<PathwayRow> = person
        .pathways
        .values()
        .map(|p| PathwayRow::new(p, today))
        .collect();
    rows.sort_by(|a, b| (a.from, &a.id).cmp(&(b.from, &b.id)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contribution, Invitation, InvitationEvent, InvitationStatus, Stream};
    use crate::reports::fixture::Fixture;

    fn outcome(id: &str, date: &str, text: &str) -> Outcome {
        Outcome {
            id: id.into(),
            date: date.parse().unwrap(),
            text: text.into(),
            recorded_by: "Sam".into(),
        }
    }

    #[test]
    fn only_people_who_took_part_see_a_projects_outcomes() {
        let mut f = Fixture::new();
        let schools = &mut f.projects[0];
        schools.outcomes.insert(
            "o1".into(),
            outcome("o1", "2026-04-01", "New induction pack"),
        );
        schools.outcomes.insert(
            "o2".into(),
            outcome("o2", "2026-05-01", "Panel guidance rewritten"),
        );
        // Amina attended the schools panel; Chen attended too (archived, still
        // sees it); Biniam was only on the radio project; Dawit was never asked.
        let seen = |i: usize| -> Vec<String> {
            outcomes_for(&f.docs[i], &f.projects)
                .into_iter()
                .map(|o| o.text)
                .collect()
        };
        assert_eq!(seen(0), ["Panel guidance rewritten", "New induction pack"]);
        assert_eq!(seen(2).len(), 2);
        assert!(seen(1).is_empty());
        assert!(seen(3).is_empty());
    }

    #[test]
    fn logged_time_counts_as_taking_part_and_a_mere_invitation_does_not() {
        let mut f = Fixture::new();
        let radio = &mut f.projects[1];
        radio
            .outcomes
            .insert("o".into(), outcome("o", "2026-04-01", "Shorter interviews"));
        // Dawit was invited to the radio project but never went.
        let mut invitation = Invitation::new("dawit");
        invitation.events.insert(
            "e".into(),
            InvitationEvent {
                id: "e".into(),
                seq: 1,
                status: InvitationStatus::Invited,
                date: "2026-03-01".parse().unwrap(),
                note: None,
                minutes: None,
                contribution_id: None,
            },
        );
        radio.invitations.insert("dawit".into(), invitation);
        assert!(outcomes_for(&f.docs[3], &f.projects).is_empty());
        // Then time was logged for him against the project.
        f.docs[3].contributions.insert(
            "d1".into(),
            Contribution {
                id: "d1".into(),
                project_id: Some("p2".into()),
                date: "2026-03-15".parse().unwrap(),
                role: "guest".into(),
                stream: Stream::Media,
                minutes: 30,
            },
        );
        let rows = outcomes_for(&f.docs[3], &f.projects);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].project_title.as_str(), rows[0].recorded_by.as_str()),
            ("Radio", "Sam")
        );
    }

    #[test]
    fn pathways_are_in_the_order_taken_and_know_whether_they_are_current() {
        let mut f = Fixture::new();
        let day = |s: &str| s.parse::<Day>().unwrap();
        let dawit = &mut f.docs[3];
        for (id, role, from, to) in [
            ("p2", PathwayRole::Trustee, "2026-02-01", None),
            (
                "p1",
                PathwayRole::SteeringGroup,
                "2025-09-01",
                Some("2026-01-31"),
            ),
        ] {
            dawit.pathways.insert(
                id.into(),
                Pathway {
                    id: id.into(),
                    role,
                    from: day(from),
                    to: to.map(day),
                    note: None,
                },
            );
        }
        let rows = pathway_rows(&f.docs[3], day("2026-03-01"));
        let got: Vec<(PathwayRole, bool)> = rows.iter().map(|r| (r.role, r.current)).collect();
        assert_eq!(
            got,
            [
                (PathwayRole::SteeringGroup, false),
                (PathwayRole::Trustee, true)
            ]
        );
    }
}
