//! A small fixed network whose report figures were counted by hand: four
//! people, two projects, two courses. Each report's tests check against it.

use crate::model::{
    AmbassadorDoc, Catalog, Contribution, Course, Day, Invitation, InvitationEvent,
    InvitationStatus, LanguageLevel, Pathway, PathwayRole, PaymentConstraint, Profile, Project,
    ProjectDoc, Recognition, RecognitionKind, Stream, TrainingRecord,
};

use super::Population;

pub(crate) struct Fixture {
    pub docs: Vec<AmbassadorDoc>,
    pub projects: Vec<ProjectDoc>,
    pub catalog: Catalog,
}

impl Fixture {
    pub fn day(&self, s: &str) -> Day {
        day(s)
    }

    pub fn population(&self) -> Population<'_> {
        Population {
            ambassadors: self.docs.iter().collect(),
            projects: self.projects.iter().collect(),
            catalog: &self.catalog,
        }
    }

    pub fn new() -> Fixture {
        let mut catalog = Catalog::new();
        for (id, title) in [("induction", "Induction"), ("safeguarding", "Safeguarding")] {
            catalog
                .courses
                .insert(id.into(), Course::new(id.into(), title));
        }

        let mut amina = person("amina", "Amina", "West Midlands", "2025-06-01");
        amina.profile.payment = PaymentConstraint::NotAllowed;
        speaks(
            &mut amina,
            &[
                ("arabic", LanguageLevel::Native),
                ("english", LanguageLevel::Conversational),
            ],
        );
        contribution(&mut amina, "a1", "2026-01-10", Stream::Schools, 90);
        contribution(&mut amina, "a2", "2026-03-05", Stream::Schools, 120);
        recognition(
            &mut amina,
            "r1",
            "2026-01-10",
            RecognitionKind::TravelExpenses,
            Some(640),
        );
        recognition(
            &mut amina,
            "r2",
            "2026-03-05",
            RecognitionKind::Certificate,
            None,
        );
        recognition(
            &mut amina,
            "r3",
            "2026-03-05",
            RecognitionKind::Meal,
            Some(850),
        );
        training(&mut amina, "t1", "safeguarding", "2026-01-20", Some((2, 4)));
        training(&mut amina, "t2", "induction", "2025-07-01", Some((1, 3)));
        pathway(
            &mut amina,
            "w1",
            PathwayRole::SteeringGroup,
            "2025-09-01",
            Some("2026-01-31"),
        );
        pathway(&mut amina, "w2", PathwayRole::Trustee, "2026-02-01", None);

        let mut biniam = person("biniam", "Biniam", "Yorkshire", "2025-10-01");
        biniam.profile.payment = PaymentConstraint::Allowed;
        speaks(
            &mut biniam,
            &[
                ("tigrinya", LanguageLevel::Native),
                ("english", LanguageLevel::Fluent),
            ],
        );
        contribution(&mut biniam, "b1", "2026-03-12", Stream::Media, 60);
        recognition(
            &mut biniam,
            "r4",
            "2026-03-12",
            RecognitionKind::Payment,
            Some(5000),
        );
        recognition(
            &mut biniam,
            "r5",
            "2026-03-12",
            RecognitionKind::Thanks,
            None,
        );
        training(&mut biniam, "t3", "induction", "2026-02-02", Some((3, 3)));
        pathway(&mut biniam, "w3", PathwayRole::Trainer, "2026-03-01", None);

        let mut chen = person("chen", "Chen", "West Midlands", "2024-01-01");
        chen.profile.archived = true;
        speaks(&mut chen, &[("vietnamese", LanguageLevel::Native)]);
        contribution(&mut chen, "c1", "2026-03-20", Stream::Schools, 30);
        training(&mut chen, "t4", "induction", "2024-02-01", None);
        pathway(
            &mut chen,
            "w4",
            PathwayRole::AdvisoryGroup,
            "2024-06-01",
            Some("2025-06-30"),
        );

        let mut dawit = person("dawit", "Dawit", "Yorkshire", "2026-01-05");
        speaks(&mut dawit, &[("amharic", LanguageLevel::Native)]);

        let mut schools = project("p1", "Schools panel", Stream::Schools, "2026-01-01");
        invite(
            &mut schools,
            "amina",
            &[
                ("2026-01-02", InvitationStatus::Invited),
                ("2026-01-10", InvitationStatus::Attended),
            ],
        );
        invite(
            &mut schools,
            "chen",
            &[
                ("2026-03-01", InvitationStatus::Shortlisted),
                ("2026-03-02", InvitationStatus::Invited),
                ("2026-03-20", InvitationStatus::Attended),
            ],
        );
        let mut radio = project("p2", "Radio", Stream::Media, "2025-08-01");
        invite(
            &mut radio,
            "biniam",
            &[
                ("2026-03-01", InvitationStatus::Invited),
                ("2026-03-03", InvitationStatus::Accepted),
                ("2026-03-12", InvitationStatus::Attended),
            ],
        );
        invite(
            &mut radio,
            "amina",
            &[
                ("2025-08-01", InvitationStatus::Invited),
                ("2025-08-02", InvitationStatus::Declined),
            ],
        );

        Fixture {
            docs: vec![amina, biniam, chen, dawit],
            projects: vec![schools, radio],
            catalog,
        }
    }
}

fn day(s: &str) -> Day {
    s.parse().expect("a fixture date")
}

fn person(id: &str, name: &str, region: &str, joined: &str) -> AmbassadorDoc {
    AmbassadorDoc::new(Profile::new(id.into(), name, region, day(joined)))
}

fn speaks(doc: &mut AmbassadorDoc, languages: &[(&str, LanguageLevel)]) {
    for (name, level) in languages {
        doc.profile.languages.insert(name.to_string(), *level);
    }
}

fn contribution(doc: &mut AmbassadorDoc, id: &str, date: &str, stream: Stream, minutes: u32) {
    doc.contributions.insert(
        id.into(),
        Contribution {
            id: id.into(),
            project_id: None,
            date: day(date),
            role: "panel member".into(),
            stream,
            minutes,
        },
    );
}

fn recognition(
    doc: &mut AmbassadorDoc,
    id: &str,
    date: &str,
    kind: RecognitionKind,
    pence: Option<u64>,
) {
    doc.recognition.insert(
        id.into(),
        Recognition {
            id: id.into(),
            date: day(date),
            kind,
            amount_pence: pence,
            description: None,
            contribution_id: None,
            project_id: None,
            expense: None,
            review: None,
        },
    );
}

fn training(
    doc: &mut AmbassadorDoc,
    id: &str,
    course: &str,
    date: &str,
    confidence: Option<(u8, u8)>,
) {
    let record = TrainingRecord {
        id: id.into(),
        confidence_before: confidence.map(|c| c.0),
        confidence_after: confidence.map(|c| c.1),
        ..TrainingRecord::new(course, day(date))
    };
    doc.training.insert(id.into(), record);
}

fn pathway(doc: &mut AmbassadorDoc, id: &str, role: PathwayRole, from: &str, to: Option<&str>) {
    doc.pathways.insert(
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

fn project(id: &str, title: &str, stream: Stream, start: &str) -> ProjectDoc {
    ProjectDoc::new(Project::new(
        id.into(),
        title,
        stream,
        crate::model::Level::Regional,
        day(start),
    ))
}

fn invite(project: &mut ProjectDoc, who: &str, moves: &[(&str, InvitationStatus)]) {
    let mut invitation = Invitation::new(who);
    for (seq, (date, status)) in moves.iter().enumerate() {
        let id = format!("{}-{who}-{seq}", project.project.id);
        invitation.events.insert(
            id.clone(),
            InvitationEvent {
                id,
                seq: seq as u64 + 1,
                status: *status,
                date: day(date),
                note: None,
                minutes: None,
                contribution_id: None,
            },
        );
    }
    project.invitations.insert(who.into(), invitation);
}
