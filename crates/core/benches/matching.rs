//! Matching on a 5,000-ambassador network held in memory, as the read model
//! holds it after unlocking: rank everyone for one project (target under
//! 10 ms), select a team of 10 from the ranking (under 50 ms), what the
//! project page asks for (both, and the first 50 of each list in words), and
//! the whole ranking in words.
//!
//! The network is generated here from a seed, without a store: matching is a
//! pure function over the hydrated structs, so the store would only measure
//! itself. Run with `cargo bench -p sanctuary-core --bench matching`.
//!
//! Each is measured twice: wall time, and (on Linux) the CPU time of the
//! benchmark thread, which leaves out time spent waiting for a core on a
//! busy machine.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sanctuary_core::matching::{
    MatchInput, MatchSettings, match_project, rank, select_team, standings,
};
use sanctuary_core::model::*;

const AMBASSADORS: usize = 5_000;
const PROJECTS: usize = 100;

const REGIONS: &[&str] = &[
    "London",
    "West Midlands",
    "North West",
    "Yorkshire",
    "North East",
    "East Midlands",
    "South West",
    "South East",
    "Scotland",
    "Wales",
    "Northern Ireland",
];
const LANGUAGES: &[&str] = &[
    "arabic",
    "tigrinya",
    "amharic",
    "farsi",
    "dari",
    "pashto",
    "kurdish",
    "somali",
    "vietnamese",
    "albanian",
    "ukrainian",
    "urdu",
    "french",
];
const SKILLS: &[&str] = &[
    "public speaking",
    "media interviews",
    "facilitation",
    "assessment",
    "writing",
    "translation",
    "research",
    "policy",
    "peer support",
    "mentoring",
];
const INTERESTS: &[&str] = &[
    "education",
    "health",
    "housing",
    "employment",
    "youth",
    "arts",
    "campaigning",
    "mental health",
    "welcoming cities",
];

struct Network {
    people: Vec<AmbassadorDoc>,
    projects: Vec<ProjectDoc>,
    catalog: Catalog,
    today: Day,
}

/// A random handful (`range.start` to `range.end - 1`) of `items`.
fn some<'a>(
    rng: &mut ChaCha8Rng,
    items: &[&'a str],
    range: std::ops::Range<usize>,
) -> Vec<&'a str> {
    let n = rng.gen_range(range);
    items.choose_multiple(rng, n).copied().collect()
}

fn record<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("a valid record")
}

fn network() -> Network {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let today = Day::from_ymd(2026, 3, 1).expect("a date");
    let mut catalog = Catalog::new();
    let mut course = Course::new("assessor".into(), "Award assessor training");
    course.validity_months = Some(12);
    catalog.courses.insert(course.id.clone(), course);

    let mut people = Vec::with_capacity(AMBASSADORS);
    for i in 0..AMBASSADORS {
        let region = REGIONS[rng.gen_range(0..REGIONS.len())];
        let mut p = Profile::new(format!("a{i:05}"), &format!("Person {i}"), region, today);
        p.languages = BTreeMap::from([("english".to_string(), LanguageLevel::Fluent)]);
        for l in some(&mut rng, LANGUAGES, 1..3) {
            p.languages.insert(l.to_string(), LanguageLevel::Native);
        }
        p.skills = Tags::from_words(some(&mut rng, SKILLS, 1..5));
        p.interests = Tags::from_words(some(&mut rng, INTERESTS, 1..4));
        p.availability.remote = rng.gen_bool(0.7);
        p.availability.in_person = !p.availability.remote || rng.gen_bool(0.6);
        p.availability.travel_km = Some(rng.gen_range(2..80));
        p.availability
            .set_days(&[Weekday::Mon, Weekday::Thu, Weekday::Sat]);
        p.status = if rng.gen_bool(0.85) {
            Status::Active
        } else {
            Status::Paused
        };
        p.payment = [PaymentConstraint::NotAllowed, PaymentConstraint::Allowed][i % 2];
        let mut doc = AmbassadorDoc::new(p);
        for (n, scope) in ["contact", "media"].iter().enumerate() {
            let consent: Consent = record(serde_json::json!({
                "id": format!("k{n}"), "scope": scope, "agreed": rng.gen_bool(0.9),
                "date": "2025-01-01", "recorded_by": "bench",
            }));
            doc.consents.insert(consent.id.clone(), consent);
        }
        if rng.gen_bool(0.6) {
            let done = today.plus_days(-rng.gen_range(0..500));
            let t: TrainingRecord = record(serde_json::json!({
                "id": "t0", "course_id": "assessor", "completed": done,
            }));
            doc.training.insert(t.id.clone(), t);
        }
        for n in 0..rng.gen_range(0..12) {
            let c: Contribution = record(serde_json::json!({
                "id": format!("c{n}"),
                "project_id": format!("p{:03}", rng.gen_range(0..PROJECTS)),
                "date": today.plus_days(-rng.gen_range(0..700)),
                "role": "speaker", "stream": "schools", "minutes": 120,
            }));
            doc.contributions.insert(c.id.clone(), c);
        }
        people.push(doc);
    }

    let mut projects = Vec::with_capacity(PROJECTS);
    for i in 0..PROJECTS {
        let start = today.plus_days(rng.gen_range(-200..60));
        let mut p = Project::new(
            format!("p{i:03}"),
            &format!("Project {i}"),
            Stream::AwardsPanel,
            Level::Local,
            start,
        );
        p.end = Some(start.plus_days(rng.gen_range(0..3)));
        let mut doc = ProjectDoc::new(p);
        for person in people.choose_multiple(&mut rng, 40) {
            let mut invitation = Invitation::new(person.id());
            let status = [
                InvitationStatus::Invited,
                InvitationStatus::Accepted,
                InvitationStatus::Declined,
                InvitationStatus::Attended,
            ][rng.gen_range(0..4)];
            for (seq, status) in [InvitationStatus::Invited, status].into_iter().enumerate() {
                let event = InvitationEvent {
                    id: format!("e{seq}"),
                    seq: seq as u64 + 1,
                    status,
                    date: start.plus_days(-14),
                    note: None,
                    minutes: None,
                    contribution_id: None,
                };
                invitation.events.insert(event.id.clone(), event);
            }
            doc.invitations.insert(person.id().to_string(), invitation);
        }
        projects.push(doc);
    }
    Network {
        people,
        projects,
        catalog,
        today,
    }
}

/// A regional award panel: two required skills, one desired, a language,
/// required training, an organisation to check, in person or online.
fn target(today: Day) -> ProjectDoc {
    let mut p = Project::new(
        "target".into(),
        "Schools of Sanctuary award panel",
        Stream::AwardsPanel,
        Level::Regional,
        today.plus_days(18),
    );
    p.description = "Assess applications from schools; an education and youth panel.".into();
    p.location = Some("Leeds, Yorkshire".into());
    p.remote = true;
    p.places = 10;
    p.required_skills = Tags::from_words(["assessment", "public speaking"]);
    p.desired_skills = Tags::from_words(["facilitation"]);
    p.languages = Tags::from_words(["arabic", "tigrinya"]);
    p.required_training = Tags::from_words(["assessor"]);
    p.recognition = Tags::from_words(["thanks", "voucher"]);
    p.organisation = Some("Northfield College".into());
    ProjectDoc::new(p)
}

fn matching(c: &mut Criterion) {
    let network = network();
    let project = target(network.today);
    let people: Vec<&AmbassadorDoc> = network.people.iter().collect();
    let mut projects: Vec<&ProjectDoc> = network.projects.iter().collect();
    projects.push(&project);
    let settings = MatchSettings::default();
    let input = MatchInput {
        project: &project,
        ambassadors: &people,
        projects: &projects,
        catalog: &network.catalog,
        today: network.today,
        settings: &settings,
        policy: &sanctuary_core::model::RecognitionPolicy::default(),
    };
    let ranking = standings(&input);
    eprintln!(
        "{} ambassadors: {} ranked, {} not eligible",
        people.len(),
        ranking.ranked_count(),
        ranking.not_eligible_count()
    );
    // Ranking: everyone checked against every hard constraint, every
    // factor's points added up, both lists in order; no words yet.
    c.bench_function("rank 5000 ambassadors for one project", |b| {
        b.iter(|| standings(std::hint::black_box(&input)))
    });
    c.bench_function("select a team of 10 from the ranking", |b| {
        b.iter(|| select_team(&ranking, 10))
    });
    // What the project page asks for: the ranking, a team of 10, and the
    // first 50 of each list in words.
    c.bench_function("match a project: rank 5000, select 10, explain 50", |b| {
        b.iter(|| match_project(std::hint::black_box(&input), Some(10), Some(50)))
    });
    // Every one of the 5,000 in words (`sanctuary match --json`).
    c.bench_function("rank 5000 with every reason in words", |b| {
        b.iter(|| rank(std::hint::black_box(&input)))
    });
    c.bench_function("rank 5000 ambassadors for one project (CPU time)", |b| {
        b.iter_custom(|iters| cpu_time(iters, || standings(&input)))
    });
    c.bench_function("select a team of 10 from the ranking (CPU time)", |b| {
        b.iter_custom(|iters| cpu_time(iters, || select_team(&ranking, 10)))
    });
}

/// CPU time this thread has used so far, from Linux's schedstat. The kernel
/// brings that figure up to date when the thread passes through the
/// scheduler, so yield first; otherwise it can be a tick (4 ms) stale.
fn thread_cpu() -> Option<Duration> {
    std::thread::yield_now();
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Times `iters` runs of `f` in CPU time where the system says it, else in wall time.
fn cpu_time<R>(iters: u64, mut f: impl FnMut() -> R) -> Duration {
    let (cpu, wall) = (thread_cpu(), Instant::now());
    for _ in 0..iters {
        std::hint::black_box(f());
    }
    match (cpu, thread_cpu()) {
        (Some(before), Some(after)) => after.saturating_sub(before),
        _ => wall.elapsed(),
    }
}

criterion_group!(benches, matching);
criterion_main!(benches);
