//! Builders for the matching tests. Records are built from JSON, so optional
//! fields added to them later need no change here; people for the property
//! tests are built from small specs that proptest can generate and shrink.

use proptest::prelude::*;
use sanctuary_core::matching::RotaAssignment;
use sanctuary_core::model::*;

use crate::support::day;

pub fn consent(scope: ConsentScope, agreed: bool, date: &str) -> Consent {
    serde_json::from_value(serde_json::json!({
        "id": "", "scope": scope, "agreed": agreed, "date": date, "recorded_by": "Coordinator",
    }))
    .expect("consent")
}

pub fn contribution(project: &str, date: &str, minutes: u32) -> Contribution {
    serde_json::from_value(serde_json::json!({
        "id": "", "project_id": project, "date": date, "role": "panel member",
        "stream": "awards-panel", "minutes": minutes,
    }))
    .expect("contribution")
}

pub fn training(id: &str, course: &str, completed: Day) -> TrainingRecord {
    serde_json::from_value(serde_json::json!({
        "id": id, "course_id": course, "completed": completed,
    }))
    .expect("training record")
}

pub fn assignment(date: &str, who: &[&str], reason: Option<&str>) -> RotaAssignment {
    RotaAssignment {
        date: day(date),
        ambassadors: who.iter().map(|s| s.to_string()).collect(),
        reason: reason.map(str::to_string),
        recorded: day("2030-03-01"),
    }
}

pub const SKILLS: &[&str] = &["assessment", "facilitation", "writing", "media", "research"];
pub const LANGUAGES: &[&str] = &["arabic", "tigrinya", "farsi", "somali"];
pub const REGIONS: &[&str] = &["London", "Wales", "Yorkshire"];
pub const COURSE: &str = "safeguarding";
pub const ORGANISATION: &str = "northfield college";

/// The project every property test matches, on `start`.
pub fn project(spec: &ProjectSpec, start: Day) -> ProjectDoc {
    let stream = if spec.media {
        Stream::Media
    } else {
        Stream::AwardsPanel
    };
    let mut p = Project::new("project".into(), "Panel", stream, Level::Local, start);
    p.end = Some(start.plus_days(i64::from(spec.days)));
    p.remote = spec.remote;
    p.in_person = spec.in_person || !spec.remote;
    p.location = Some(REGIONS[spec.region as usize % REGIONS.len()].into());
    p.places = u32::from(spec.places);
    p.required_skills = pick(SKILLS, spec.required);
    p.desired_skills = pick(SKILLS, spec.desired);
    p.languages = pick(LANGUAGES, spec.languages);
    if spec.training {
        p.required_training = Tags::from_words([COURSE]);
    }
    if spec.organisation {
        p.organisation = Some("Northfield College".into());
    }
    p.recognition = Tags::from_words(["thanks", "payment"]);
    ProjectDoc::new(p)
}

pub fn catalog() -> Catalog {
    let mut catalog = Catalog::new();
    let mut course = Course::new(COURSE.into(), "Safeguarding");
    course.validity_months = Some(12);
    catalog.courses.insert(COURSE.into(), course);
    catalog
}

fn pick(words: &[&str], mask: u8) -> Tags {
    Tags::from_words(
        words
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, w)| *w),
    )
}

#[derive(Debug, Clone)]
pub struct ProjectSpec {
    pub media: bool,
    pub remote: bool,
    pub in_person: bool,
    pub region: u8,
    pub days: u8,
    pub places: u8,
    pub required: u8,
    pub desired: u8,
    pub languages: u8,
    pub training: bool,
    pub organisation: bool,
}

pub fn project_spec() -> impl Strategy<Value = ProjectSpec> {
    (
        (any::<bool>(), any::<bool>(), any::<bool>(), 0..3u8, 0..10u8),
        (
            1..6u8,
            0..32u8,
            0..32u8,
            0..16u8,
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (media, remote, in_person, region, days),
                (places, required, desired, languages, training, organisation),
            )| {
                ProjectSpec {
                    media,
                    remote,
                    in_person,
                    region,
                    days,
                    places,
                    required,
                    desired,
                    languages,
                    training,
                    organisation,
                }
            },
        )
}

/// One generated person: every field that a constraint or factor reads.
#[derive(Debug, Clone)]
pub struct PersonSpec {
    /// 0 to 3 active, 4 paused, 5 alumni.
    pub status: u8,
    pub archived: bool,
    pub region: u8,
    pub skills: u8,
    pub languages: u8,
    pub basic: bool,
    pub remote: bool,
    pub in_person: bool,
    pub travel_km: Option<u8>,
    /// 0 none, 1 or 2 agreed, 3 refused.
    pub contact: u8,
    pub media: bool,
    /// Days before the project start the course was completed (negative: after).
    pub trained: Option<i16>,
    pub organisation: bool,
    /// Weekdays free (bit 0 is Monday); 0 records none.
    pub days: u8,
    /// Days ago, and whether tied to a project.
    pub contributions: Vec<(u16, bool)>,
}

pub fn person_spec() -> impl Strategy<Value = PersonSpec> {
    (
        (
            0..6u8,
            prop::bool::weighted(0.05),
            0..3u8,
            0..32u8,
            0..16u8,
            any::<bool>(),
        ),
        (
            prop::bool::weighted(0.8),
            prop::bool::weighted(0.8),
            prop::option::of(0..120u8),
            0..4u8,
            any::<bool>(),
        ),
        (
            prop::option::of(-30..800i16),
            prop::bool::weighted(0.1),
            0..128u8,
            prop::collection::vec((0..400u16, any::<bool>()), 0..6),
        ),
    )
        .prop_map(
            |(
                (status, archived, region, skills, languages, basic),
                (remote, in_person, travel_km, contact, media),
                (trained, organisation, days, contributions),
            )| PersonSpec {
                status,
                archived,
                region,
                skills,
                languages,
                basic,
                remote,
                in_person,
                travel_km,
                contact,
                media,
                trained,
                organisation,
                days,
                contributions,
            },
        )
}

pub fn person(id: usize, spec: &PersonSpec, start: Day, today: Day) -> AmbassadorDoc {
    let mut p = Profile::new(
        format!("p{id:04}"),
        &format!("Person {id}"),
        REGIONS[spec.region as usize % REGIONS.len()],
        day("2023-01-01"),
    );
    p.status = match spec.status {
        4 => Status::Paused,
        5 => Status::Alumni,
        _ => Status::Active,
    };
    p.archived = spec.archived;
    p.skills = pick(SKILLS, spec.skills);
    for language in pick(LANGUAGES, spec.languages).iter() {
        let level = if spec.basic {
            LanguageLevel::Basic
        } else {
            LanguageLevel::Native
        };
        p.languages.insert(language.into(), level);
    }
    p.availability.remote = spec.remote;
    p.availability.in_person = spec.in_person;
    p.availability.travel_km = spec.travel_km.map(u32::from);
    let days: Vec<Weekday> = Weekday::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| spec.days & (1 << i) != 0)
        .map(|(_, d)| *d)
        .collect();
    p.availability.set_days(&days);
    if spec.organisation {
        p.organisations = Tags::from_words([ORGANISATION]);
    }
    let mut doc = AmbassadorDoc::new(p);
    let mut add_consent = |scope: ConsentScope, agreed: bool| {
        let mut c = consent(scope, agreed, "2024-01-01");
        c.id = format!("{scope}");
        doc.consents.insert(c.id.clone(), c);
    };
    if spec.contact > 0 {
        add_consent(ConsentScope::Contact, spec.contact < 3);
    }
    if spec.media {
        add_consent(ConsentScope::Media, true);
    }
    if let Some(before) = spec.trained {
        let record = training("t", COURSE, start.plus_days(-i64::from(before)));
        doc.training.insert(record.id.clone(), record);
    }
    for (i, (ago, linked)) in spec.contributions.iter().enumerate() {
        let date = today.plus_days(-i64::from(*ago)).to_string();
        let mut c = contribution(if *linked { "other" } else { "x" }, &date, 60);
        c.id = format!("c{i}");
        if !*linked {
            c.project_id = None;
        }
        doc.contributions.insert(c.id.clone(), c);
    }
    doc
}
