//! Builders for the matching unit tests: a project on Saturday 2026-03-14, a
//! `today` of 2026-03-01, and people who pass every constraint until a test
//! changes one thing about them.

use super::constraints::{Constraint, Ineligibility};
use super::factors::{Factor, FactorScore};
use super::{MatchInput, MatchSettings, Ranking, rank};
use crate::model::*;

pub fn day(s: &str) -> Day {
    s.parse().expect("test date")
}

pub struct Fixture {
    pub project: ProjectDoc,
    pub others: Vec<ProjectDoc>,
    pub catalog: Catalog,
    pub today: Day,
    pub settings: MatchSettings,
}

impl Fixture {
    pub fn new() -> Fixture {
        let mut project = Project::new(
            "target".into(),
            "Schools of Sanctuary award panel",
            Stream::AwardsPanel,
            Level::Regional,
            day("2026-03-14"),
        );
        project.location = Some("London".into());
        project.remote = false;
        project.in_person = true;
        Fixture {
            project: ProjectDoc::new(project),
            others: Vec::new(),
            catalog: Catalog::new(),
            today: day("2026-03-01"),
            settings: MatchSettings::default(),
        }
    }

    pub fn project(&mut self) -> &mut Project {
        &mut self.project.project
    }

    /// Someone eligible for the default project, with nothing that scores.
    pub fn person(&self, id: &str) -> AmbassadorDoc {
        let mut p = Profile::new(id.into(), id, "London", day("2024-01-01"));
        p.availability.remote = true;
        p.availability.in_person = true;
        let mut doc = AmbassadorDoc::new(p);
        for scope in [ConsentScope::Contact, ConsentScope::Media] {
            let consent = consent(scope, true, "2025-01-01", None);
            doc.consents.insert(consent.id.clone(), consent);
        }
        doc
    }

    pub fn course(&mut self, id: &str, validity_months: Option<u32>) {
        let mut course = Course::new(id.into(), id);
        course.validity_months = validity_months;
        self.catalog.courses.insert(id.into(), course);
        self.project.project.required_training.insert(id);
    }

    /// Runs `f` over an input made of `people` and this fixture.
    pub fn run<R>(&self, people: &[&AmbassadorDoc], f: impl FnOnce(&MatchInput) -> R) -> R {
        let mut projects: Vec<&ProjectDoc> = self.others.iter().collect();
        projects.push(&self.project);
        let input = MatchInput {
            project: &self.project,
            ambassadors: people,
            projects: &projects,
            catalog: &self.catalog,
            today: self.today,
            settings: &self.settings,
            policy: &crate::model::RecognitionPolicy::default(),
        };
        f(&input)
    }

    pub fn rank(&self, people: &[&AmbassadorDoc]) -> Ranking {
        self.run(people, rank)
    }

    /// One factor of an eligible person's score.
    pub fn score(&self, person: &AmbassadorDoc, factor: Factor) -> FactorScore {
        let ranking = self.rank(&[person]);
        let candidate = ranking.ranked.first().unwrap_or_else(|| {
            panic!(
                "{} is not eligible: {:?}",
                person.id(),
                ranking.not_eligible
            )
        });
        candidate
            .factors
            .iter()
            .find(|f| f.factor == factor)
            .cloned()
            .expect("factor scored")
    }

    /// Why someone is not eligible (empty if they are).
    pub fn problems(&self, person: &AmbassadorDoc) -> Vec<Ineligibility> {
        self.rank(&[person])
            .not_eligible
            .into_iter()
            .flat_map(|n| n.reasons)
            .collect()
    }

    pub fn failed(&self, person: &AmbassadorDoc) -> Vec<Constraint> {
        self.problems(person)
            .into_iter()
            .map(|p| p.constraint)
            .collect()
    }

    /// Another project, on `start`..=`end`, where `ambassador` has `status`
    /// (recorded on `date`, after an invitation that day if needed).
    pub fn ask_on(
        &mut self,
        ambassador: &str,
        project_id: &str,
        status: InvitationStatus,
        date: &str,
        start: &str,
        end: &str,
    ) {
        let mut project = Project::new(
            project_id.into(),
            &format!("Project {project_id}"),
            Stream::Health,
            Level::Local,
            day(start),
        );
        project.end = Some(day(end));
        let mut doc = ProjectDoc::new(project);
        let mut invitation = Invitation::new(ambassador);
        let mut statuses = vec![status];
        if status.is_an_ask() && status != InvitationStatus::Invited {
            statuses.insert(0, InvitationStatus::Invited);
        }
        for (seq, status) in statuses.into_iter().enumerate() {
            let event = InvitationEvent {
                id: format!("e{seq}"),
                seq: seq as u64 + 1,
                status,
                date: day(date),
                note: None,
                minutes: (status == InvitationStatus::Attended).then_some(60),
                contribution_id: None,
            };
            invitation.events.insert(event.id.clone(), event);
        }
        doc.invitations.insert(ambassador.into(), invitation);
        self.others.push(doc);
    }

    pub fn ask(
        &mut self,
        ambassador: &str,
        project_id: &str,
        status: InvitationStatus,
        date: &str,
    ) {
        self.ask_on(
            ambassador,
            project_id,
            status,
            date,
            "2025-01-01",
            "2025-01-01",
        );
    }

    /// A turn for `ambassador` on the rota of a separate recurring project.
    pub fn rota_turn(&mut self, ambassador: &str, date: &str) {
        let index = self.others.iter().position(|p| p.id() == "rota");
        let doc = match index {
            Some(i) => &mut self.others[i],
            None => {
                let project = Project::new(
                    "rota".into(),
                    "Advisory Group seat",
                    Stream::AdvisoryGroup,
                    Level::Strategic,
                    day("2024-01-01"),
                );
                self.others.push(ProjectDoc::new(project));
                let last = self.others.len() - 1;
                &mut self.others[last]
            }
        };
        doc.rota.members.insert(ambassador);
        doc.rota.turns.insert(
            date.into(),
            RotaTurn {
                date: day(date),
                ambassadors: Tags::from_words([ambassador]),
                suggested: Tags::from_words([ambassador]),
                override_reason: None,
                recorded: day(date),
            },
        );
    }
}

// Records are built from JSON so optional fields added to them later need no
// change here.

pub fn consent(scope: ConsentScope, agreed: bool, date: &str, review: Option<&str>) -> Consent {
    serde_json::from_value(serde_json::json!({
        "id": format!("{scope}-{date}"),
        "scope": scope,
        "agreed": agreed,
        "date": date,
        "recorded_by": "Coordinator",
        "review": review,
    }))
    .expect("consent")
}

pub fn add_contribution(person: &mut AmbassadorDoc, date: &str, project: Option<&str>) {
    let c: Contribution = serde_json::from_value(serde_json::json!({
        "id": format!("c{}", person.contributions.len()),
        "project_id": project,
        "date": date,
        "role": "speaker",
        "stream": "schools",
        "minutes": 60,
    }))
    .expect("contribution");
    person.contributions.insert(c.id.clone(), c);
}

pub fn train(person: &mut AmbassadorDoc, course: &str, completed: &str) {
    let record: TrainingRecord = serde_json::from_value(serde_json::json!({
        "id": format!("t{}", person.training.len()),
        "course_id": course,
        "completed": completed,
    }))
    .expect("training record");
    person.training.insert(record.id.clone(), record);
}

pub fn speaks(person: &mut AmbassadorDoc, language: &str, level: LanguageLevel) {
    person.profile.languages.insert(language.into(), level);
}
