//! A realistic synthetic network for demos, tests and benchmarks: names in
//! many languages and scripts, the courses and projects a real network runs,
//! and years of training, contributions and recognition.
//!
//! Everything is drawn from a seeded generator, so the same seed gives the
//! same people (their ids are drawn from it too).

use std::collections::BTreeMap;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::error::Result;
use crate::matching::MatchOptions;
use crate::model::*;
use crate::sanctuary::Sanctuary;

/// How big a demo network to make.
#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub ambassadors: usize,
    pub seed: u64,
    /// Training records per ambassador (on average).
    pub training_per_person: usize,
    /// Contributions per ambassador; each gets about one recognition entry.
    pub contributions_per_person: usize,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            ambassadors: 60,
            seed: 1,
            training_per_person: 10,
            contributions_per_person: 10,
        }
    }
}

/// What a demo run added.
#[derive(Debug, Clone, Copy, Default)]
pub struct DemoSummary {
    pub ambassadors: usize,
    pub projects: usize,
    pub courses: usize,
    pub training_records: usize,
    pub contributions: usize,
    pub recognition: usize,
}

const GIVEN: &[&str] = &[
    "زهراء",
    "محمد",
    "فاطمة",
    "أحمد",
    "مريم",
    "يوسف",
    "ሰላም",
    "ዮናስ",
    "ሃና",
    "ተስፋይ",
    "ኣማኒኤል",
    "ሩት",
    "Nguyễn",
    "Thị Hoà",
    "Amina",
    "Abdi",
    "Hodan",
    "Ahmad",
    "Parisa",
    "Reza",
    "Darya",
    "Oksana",
    "Olena",
    "Dmytro",
    "Blerina",
    "Arben",
    "Sofia",
    "Grace",
    "Joseph",
    "Esther",
    "Kwame",
    "Aisha",
    "Tariq",
    "Samira",
    "Hamid",
    "Shirin",
    "Zainab",
    "Mustafa",
    "Leyla",
    "Rahel",
    "Mehari",
    "Tsega",
    "Faisal",
    "Nadia",
    "Karim",
    "Ibrahim",
    "Halima",
    "Yasmin",
    "Daniel",
    "Mariam",
    "王芳",
    "李伟",
    "Lina",
    "Omar",
    "Sara",
    "Bilal",
];

const FAMILY: &[&str] = &[
    "الموسوي",
    "حسن",
    "العلي",
    "ተኽለሃይማኖት",
    "ገብረሚካኤል",
    "ሃብተ",
    "Nguyễn",
    "Trần",
    "Mohamed",
    "Hassan",
    "Ahmadi",
    "Karimi",
    "Hosseini",
    "Kovalenko",
    "Shevchenko",
    "Hoxha",
    "Krasniqi",
    "Mensah",
    "Okafor",
    "Osman",
    "Yusuf",
    "Ali",
    "Haile",
    "Tesfaye",
    "Abdullah",
    "Rahimi",
    "Bakr",
    "Suleiman",
    "Farah",
    "Idris",
    "Said",
];

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
    "kurdish sorani",
    "somali",
    "vietnamese",
    "albanian",
    "ukrainian",
    "russian",
    "urdu",
    "french",
    "oromo",
    "sudanese arabic",
    "mandarin",
    "swahili",
];

const SKILLS: &[&str] = &[
    "public speaking",
    "media interviews",
    "facilitation",
    "assessment",
    "writing",
    "translation",
    "interpreting",
    "research",
    "policy",
    "design",
    "photography",
    "peer support",
    "mentoring",
    "social media",
    "event planning",
    "training delivery",
];

const INTERESTS: &[&str] = &[
    "education",
    "health",
    "housing",
    "employment",
    "women's rights",
    "youth",
    "arts",
    "campaigning",
    "faith",
    "sport",
    "mental health",
    "legal rights",
    "welcoming cities",
];

/// A plausible role for a piece of work in `stream`.
fn role_for(stream: Stream, rng: &mut ChaCha8Rng) -> &'static str {
    let roles: &[&str] = match stream {
        Stream::AwardsPanel => &["panel assessor", "lead assessor"],
        Stream::Media => &["interviewee", "speaker"],
        Stream::AdvisoryGroup => &["advisory group member", "trustee meeting observer"],
        Stream::Training => &["co-trainer", "workshop facilitator"],
        Stream::Health | Stream::FocusGroup => &["focus group participant", "expert by experience"],
        Stream::LocalAuthorities => &["steering group member", "speaker"],
        Stream::Schools | Stream::Universities => &["speaker", "workshop facilitator"],
        Stream::Other => &["volunteer"],
    };
    roles[rng.gen_range(0..roles.len())]
}

const ORGANISATIONS: &[&str] = &[
    "Northfield College",
    "St Anne's School",
    "Riverside Council",
    "City of Sanctuary Leeds",
    "Eastgate University",
    "Hope Health Trust",
];

/// (title, validity in months, co-designed, minutes)
const COURSES: &[(&str, Option<u32>, bool, u32)] = &[
    ("Induction", None, true, 180),
    ("Safeguarding", Some(24), false, 240),
    ("Media training", Some(36), true, 360),
    ("Public speaking", None, true, 300),
    ("Award assessor training", Some(12), true, 240),
    ("Trauma-informed practice", Some(36), false, 180),
    ("Facilitation skills", None, true, 360),
    ("Data protection basics", Some(24), false, 90),
];

const PROJECTS: &[(&str, Stream, Level)] = &[
    (
        "Schools of Sanctuary award panel",
        Stream::AwardsPanel,
        Level::Regional,
    ),
    (
        "University sanctuary scholarships review",
        Stream::Universities,
        Level::Strategic,
    ),
    (
        "Council welcome strategy steering group",
        Stream::LocalAuthorities,
        Level::Local,
    ),
    ("GP access focus group", Stream::Health, Level::Local),
    (
        "Refugee Week radio interviews",
        Stream::Media,
        Level::Regional,
    ),
    (
        "Advisory Group seat at trustee meeting",
        Stream::AdvisoryGroup,
        Level::Strategic,
    ),
    ("Teacher training workshop", Stream::Schools, Level::Local),
    (
        "Maternity services listening event",
        Stream::Health,
        Level::Regional,
    ),
    (
        "Co-delivering volunteer induction",
        Stream::Training,
        Level::Local,
    ),
    (
        "Libraries of Sanctuary assessment",
        Stream::AwardsPanel,
        Level::Local,
    ),
];

/// Fills `sanctuary` with a demo network; the catalog and projects first,
/// then the ambassadors in batches of one transaction each.
pub fn populate(sanctuary: &mut Sanctuary, options: &DemoOptions) -> Result<DemoSummary> {
    populate_on(sanctuary, options, Day::today())
}

/// [`populate`] as if `today` were the day: every date is drawn relative to
/// it, so a fixed day and seed give the same network byte for byte (the
/// UI's mock fixture is written from one).
pub fn populate_on(
    sanctuary: &mut Sanctuary,
    options: &DemoOptions,
    today: Day,
) -> Result<DemoSummary> {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let mut summary = DemoSummary::default();

    sanctuary.extend_vocabulary(&Tags::from_words(SKILLS), &Tags::from_words(INTERESTS))?;
    let mut course_ids: Vec<String> = Vec::new();
    for (i, (title, validity, co_designed, minutes)) in COURSES.iter().enumerate() {
        let existing = sanctuary.course(title).ok().map(|c| c.id.clone());
        let id = match existing {
            Some(id) => id,
            None => {
                let mut course = Course::new(String::new(), title);
                course.description = format!("{title} for Sanctuary Ambassadors.");
                course.validity_months = *validity;
                course.co_designed = *co_designed;
                course.duration_minutes = Some(*minutes);
                course.mode = [
                    DeliveryMode::InPerson,
                    DeliveryMode::Online,
                    DeliveryMode::Blended,
                ][i % 3];
                course.languages = Tags::from_words(["english", "arabic"]);
                if i > 0 {
                    course.prerequisites = Tags::from_words([course_ids[0].as_str()]);
                }
                summary.courses += 1;
                sanctuary.add_course(course)?
            }
        };
        course_ids.push(id);
    }

    let project_count =
        (options.ambassadors / 50).clamp(PROJECTS.len().min(options.ambassadors.max(1)), 200);
    let mut project_ids = Vec::new();
    for i in 0..project_count {
        let (title, stream, level) = PROJECTS[i % PROJECTS.len()];
        let title = if i < PROJECTS.len() {
            title.to_string()
        } else {
            format!("{title} ({})", i / PROJECTS.len() + 1)
        };
        let mut project = Project::new(
            String::new(),
            &title,
            stream,
            level,
            today.plus_days(rng.gen_range(-200..120)),
        );
        project.end = Some(project.start.plus_days(rng.gen_range(0..60)));
        project.description = format!("{title}: co-production with ambassadors.");
        project.places = rng.gen_range(2..8);
        project.remote = rng.gen_bool(0.5);
        project.in_person = !project.remote || rng.gen_bool(0.5);
        project.location = project
            .in_person
            .then(|| REGIONS[rng.gen_range(0..REGIONS.len())].to_string());
        project.required_skills = Tags::from_words(SKILLS.choose_multiple(&mut rng, 1));
        project.desired_skills = Tags::from_words(SKILLS.choose_multiple(&mut rng, 2));
        project.languages = Tags::from_words(some(&mut rng, LANGUAGES, 0..2));
        project.recognition =
            Tags::from_words(["thanks", "certificate", "travel-expenses", "meal"]);
        if stream == Stream::AwardsPanel {
            project.required_training = Tags::from_words([course_ids[4].as_str()]);
            project.organisation =
                Some(ORGANISATIONS[rng.gen_range(0..ORGANISATIONS.len())].to_string());
        }
        project_ids.push(sanctuary.add_project(project)?);
    }
    summary.projects = project_count;

    let batch = 250;
    let mut made = 0;
    while made < options.ambassadors {
        let n = batch.min(options.ambassadors - made);
        let docs: Vec<AmbassadorDoc> = (0..n)
            .map(|_| {
                person(
                    &mut rng,
                    today,
                    options,
                    &course_ids,
                    &project_ids,
                    sanctuary,
                )
            })
            .collect();
        for d in &docs {
            summary.training_records += d.training.len();
            summary.contributions += d.contributions.len();
            summary.recognition += d.recognition.len();
        }
        sanctuary.import_ambassadors(docs)?;
        made += n;
    }
    summary.ambassadors = made;
    seat_rota(sanctuary, &project_ids, today)?;
    Ok(summary)
}

/// Gives the Advisory Group's trustee-meeting seat a rota of five members,
/// so the rota screen has something to show: of the first forty active
/// people who agreed to be contacted, those who could take the seat today
/// come first.
fn seat_rota(sanctuary: &mut Sanctuary, project_ids: &[String], today: Day) -> Result<()> {
    let Some(seat) = project_ids.iter().find(|id| {
        sanctuary
            .project(id)
            .is_ok_and(|p| p.project.stream == Stream::AdvisoryGroup)
    }) else {
        return Ok(());
    };
    let considered: Vec<String> = sanctuary
        .ambassadors()
        .into_iter()
        .filter(|a| {
            a.profile.status == Status::Active
                && a.consent_in_force(ConsentScope::Contact, today).is_some()
        })
        .take(40)
        .map(|a| a.id().to_string())
        .collect();
    if considered.is_empty() {
        return Ok(());
    }
    sanctuary.edit_rota(seat, &considered, &[], Some(1))?;
    let options = MatchOptions {
        today: Some(today),
        ..MatchOptions::default()
    };
    let plan = sanctuary.rota_plan(seat, today, &options)?;
    let mut keep: Vec<&String> = plan.order.iter().map(|p| &p.ambassador_id).collect();
    keep.extend(plan.not_eligible.iter().map(|n| &n.ambassador_id));
    keep.truncate(5);
    let others: Vec<String> = considered
        .iter()
        .filter(|id| !keep.contains(id))
        .cloned()
        .collect();
    sanctuary.edit_rota(seat, &[], &others, None)?;
    Ok(())
}

/// A random handful (between `range.start` and `range.end - 1`) of `items`.
fn some<T: Copy>(rng: &mut ChaCha8Rng, items: &[T], range: std::ops::Range<usize>) -> Vec<T> {
    let n = rng.gen_range(range);
    items.choose_multiple(rng, n).copied().collect()
}

fn random_id(rng: &mut ChaCha8Rng) -> String {
    uuid::Builder::from_random_bytes(rng.r#gen())
        .into_uuid()
        .to_string()
}

fn person(
    rng: &mut ChaCha8Rng,
    today: Day,
    options: &DemoOptions,
    course_ids: &[String],
    project_ids: &[String],
    sanctuary: &Sanctuary,
) -> AmbassadorDoc {
    let given = *GIVEN.choose(rng).unwrap_or(&"Sam");
    let family = *FAMILY.choose(rng).unwrap_or(&"Ali");
    let joined = today.plus_days(-rng.gen_range(30..2000));
    let mut profile = Profile::new(
        random_id(rng),
        given,
        REGIONS[rng.gen_range(0..REGIONS.len())],
        joined,
    );
    profile.full_name = Some(format!("{given} {family}"));
    profile.pronouns = Some(["she/her", "he/him", "they/them"][rng.gen_range(0..3)].to_string());
    let handle: u32 = rng.gen_range(1000..99999);
    profile.email = rng
        .gen_bool(0.8)
        .then(|| format!("ambassador{handle}@example.org"));
    profile.phone = rng
        .gen_bool(0.6)
        .then(|| format!("07700 9{:05}", handle % 100000));
    profile.preferred_channel = Some(*Channel::ALL.choose(rng).unwrap_or(&Channel::Phone));
    profile.local_group = rng
        .gen_bool(0.5)
        .then(|| format!("{} group", profile.region));
    profile.languages = BTreeMap::from([(
        "english".to_string(),
        *[LanguageLevel::Conversational, LanguageLevel::Fluent]
            .choose(rng)
            .unwrap_or(&LanguageLevel::Fluent),
    )]);
    for language in some(rng, LANGUAGES, 1..3) {
        profile
            .languages
            .insert(language.to_string(), LanguageLevel::Native);
    }
    profile.skills = Tags::from_words(some(rng, SKILLS, 1..5));
    profile.interests = Tags::from_words(some(rng, INTERESTS, 1..4));
    profile
        .availability
        .set_days(&some(rng, Weekday::ALL, 1..5));
    profile
        .availability
        .set_times(&some(rng, TimeOfDay::ALL, 1..3));
    profile.availability.remote = rng.gen_bool(0.7);
    profile.availability.in_person = !profile.availability.remote || rng.gen_bool(0.6);
    profile.availability.travel_km = profile.availability.in_person.then(|| rng.gen_range(2..60));
    profile.access_needs = rng
        .gen_bool(0.15)
        .then(|| "Step-free access; breaks every hour".to_string());
    profile.interpreter = rng
        .gen_bool(0.1)
        .then(|| LANGUAGES[rng.gen_range(0..LANGUAGES.len())].to_string());
    profile.status = if rng.gen_bool(0.85) {
        Status::Active
    } else {
        *[Status::Paused, Status::Alumni]
            .choose(rng)
            .unwrap_or(&Status::Paused)
    };
    profile.payment = *[
        PaymentConstraint::NotAllowed,
        PaymentConstraint::NotAllowed,
        PaymentConstraint::CheckFirst,
        PaymentConstraint::Allowed,
    ]
    .choose(rng)
    .unwrap_or(&PaymentConstraint::CheckFirst);
    if rng.gen_bool(0.1) {
        profile.organisations =
            Tags::from_words([ORGANISATIONS[rng.gen_range(0..ORGANISATIONS.len())]]);
    }
    profile.notes = "Prefers to be contacted after 10am. Happy to mentor new ambassadors.".into();

    let mut doc = AmbassadorDoc::new(profile);
    for scope in [
        ConsentScope::Profile,
        ConsentScope::Contact,
        ConsentScope::Media,
    ] {
        let consent = Consent {
            id: random_id(rng),
            scope,
            agreed: scope != ConsentScope::Media || rng.gen_bool(0.5),
            date: joined,
            recorded_by: "Demo coordinator".into(),
            review: Some(joined.plus_months(24)),
            note: None,
        };
        doc.consents.insert(consent.id.clone(), consent);
    }
    let trainings =
        rng.gen_range(options.training_per_person / 2..=options.training_per_person * 3 / 2);
    // Induction first (every other course needs it), then the others in a
    // random order, with refreshers of expiring courses once all are done.
    let mut order: Vec<usize> = (1..course_ids.len()).collect();
    order.shuffle(rng);
    let mut completed = joined;
    for i in 0..trainings {
        let course = if i == 0 {
            0
        } else {
            order[(i - 1) % order.len()]
        };
        completed = completed.plus_days(rng.gen_range(14..60));
        if completed > today {
            break;
        }
        let record = TrainingRecord {
            id: random_id(rng),
            course_id: course_ids[course].clone(),
            completed,
            trainer: Some("Regional trainer".into()),
            evidence: None,
            confidence_before: Some(rng.gen_range(1..4)),
            confidence_after: Some(rng.gen_range(3..6)),
            place: None,
            session_id: None,
            reflection: None,
        };
        doc.training.insert(record.id.clone(), record);
    }
    let contributions = rng
        .gen_range(options.contributions_per_person / 2..=options.contributions_per_person * 3 / 2);
    for _ in 0..contributions {
        let project_id = project_ids.choose(rng).cloned();
        let stream = project_id
            .as_ref()
            .and_then(|id| sanctuary.project(id).ok())
            .map_or(Stream::Other, |p| p.project.stream);
        let contribution = Contribution {
            id: random_id(rng),
            project_id: project_id.clone(),
            date: joined.plus_days(rng.gen_range(0..=joined.days_until(today).max(0))),
            role: role_for(stream, rng).to_string(),
            stream,
            minutes: rng.gen_range(2..16) * 30,
        };
        let kind = match doc.profile.payment {
            PaymentConstraint::Allowed => *[
                RecognitionKind::Payment,
                RecognitionKind::TravelExpenses,
                RecognitionKind::Voucher,
            ]
            .choose(rng)
            .unwrap_or(&RecognitionKind::Thanks),
            _ => *[
                RecognitionKind::Thanks,
                RecognitionKind::TravelExpenses,
                RecognitionKind::Meal,
                RecognitionKind::Certificate,
                RecognitionKind::ReferenceLetter,
            ]
            .choose(rng)
            .unwrap_or(&RecognitionKind::Thanks),
        };
        let recognition = Recognition {
            id: random_id(rng),
            date: contribution.date,
            kind,
            amount_pence: kind.involves_money().then(|| rng.gen_range(300..4000)),
            description: Some(format!("For {}", contribution.role)),
            contribution_id: Some(contribution.id.clone()),
            project_id,
            expense: kind.is_reimbursement().then(|| Expense {
                status: ExpenseStatus::PaidBack,
                approved_by: Some("Demo coordinator".into()),
                approved: Some(contribution.date),
                paid_back: Some(contribution.date),
                ..Expense::claim(
                    Some(format!("receipt {}", rng.gen_range(100..999))),
                    None,
                    None,
                )
            }),
            review: None,
        };
        doc.recognition.insert(recognition.id.clone(), recognition);
        doc.contributions
            .insert(contribution.id.clone(), contribution);
    }
    doc
}

/// A new store in `dir` (cheapest key derivation) holding a demo network of
/// `ambassadors` people: the setup of unit tests that need real documents.
#[cfg(test)]
pub(crate) fn demo_store(dir: &std::path::Path, ambassadors: usize) -> crate::Sanctuary {
    let options = crate::CreateOptions {
        kdf: sanctuary_store::KdfParams::MINIMUM,
        ..crate::CreateOptions::default()
    };
    let passphrase = sanctuary_store::SecretString::from("a test passphrase".to_string());
    let mut s = crate::Sanctuary::create(dir, &passphrase, &options).expect("a new store");
    let demo = DemoOptions {
        ambassadors,
        ..DemoOptions::default()
    };
    populate(&mut s, &demo).expect("demo data");
    s
}

#[cfg(test)]
mod tests {
    /// The demo shows people's languages by name in every UI language (an
    /// unknown name would show as the stored word), so the screenshots and
    /// the mock read as a real network's would.
    #[test]
    fn every_demo_language_has_a_name_in_every_ui_language() {
        for (locale, messages) in crate::error::tests::locale_files() {
            for language in super::LANGUAGES {
                assert!(
                    messages.contains_key(&format!("language.{language}")),
                    "{locale}.json has no name for {language}"
                );
            }
        }
    }
}
