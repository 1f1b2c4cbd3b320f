//! Every entity goes into its document, through the store, and back after reopening.

use sanctuary_core::model::*;

use crate::support::*;

#[test]
fn every_entity_survives_a_reopen_exactly() {
    let (_temp, dir, mut s) = new_store();
    let induction = course(&mut s, "Induction", None);
    let mut assessor = Course::new(String::new(), "Award assessor training");
    assessor.description = "How to assess an award application".into();
    assessor.mode = DeliveryMode::Blended;
    assessor.languages = Tags::from_words(["english", "arabic"]);
    assessor.duration_minutes = Some(240);
    assessor.validity_months = Some(12);
    assessor.prerequisites = Tags::from_words([induction.as_str()]);
    assessor.co_designed = true;
    let assessor = s.add_course(assessor).unwrap();

    let mut project = Project::new(
        String::new(),
        "Schools award panel",
        Stream::AwardsPanel,
        Level::Regional,
        day("2026-12-01"),
    );
    project.description = "Assess three schools".into();
    project.end = Some(day("2026-12-02"));
    project.location = Some("Coventry".into());
    project.remote = true;
    project.places = 4;
    project.required_skills = Tags::from_words(["assessment"]);
    project.desired_skills = Tags::from_words(["public speaking"]);
    project.languages = Tags::from_words(["arabic"]);
    project.required_training = Tags::from_words([assessor.as_str()]);
    project.recognition = Tags::from_words(["thanks", "travel-expenses"]);
    project.organisation = Some("St Anne's School".into());
    let project_id = s.add_project(project).unwrap();

    let id = s.add_ambassador(full_profile()).unwrap();
    s.add_consent(
        &id,
        Consent {
            id: String::new(),
            scope: ConsentScope::Contact,
            agreed: true,
            date: day("2024-03-01"),
            recorded_by: "Coordinator A".into(),
            review: Some(day("2026-03-01")),
            note: Some("Agreed at the drop-in".into()),
        },
    )
    .unwrap();
    s.record_training(
        &id,
        TrainingRecord {
            id: String::new(),
            course_id: "Induction".into(),
            completed: day("2024-04-01"),
            trainer: Some("Trainer B".into()),
            evidence: Some("Signed register".into()),
            confidence_before: Some(2),
            confidence_after: Some(4),
            place: None,
            session_id: None,
            reflection: None,
        },
    )
    .unwrap();
    s.record_training(
        &id,
        TrainingRecord {
            id: String::new(),
            course_id: assessor.clone(),
            completed: day("2024-05-01"),
            trainer: None,
            evidence: None,
            confidence_before: None,
            confidence_after: None,
            place: None,
            session_id: None,
            reflection: None,
        },
    )
    .unwrap();
    let contribution = s
        .log_contribution(
            &id,
            Contribution {
                id: String::new(),
                project_id: Some(project_id.clone()),
                date: day("2024-06-01"),
                role: "panel assessor".into(),
                stream: Stream::AwardsPanel,
                minutes: 150,
            },
        )
        .unwrap();
    s.log_recognition(
        &id,
        Recognition {
            id: String::new(),
            date: day("2024-06-01"),
            kind: RecognitionKind::TravelExpenses,
            amount_pence: Some(1250),
            description: Some("Bus fares".into()),
            contribution_id: Some(contribution),
            project_id: Some(project_id.clone()),
            expense: Some(Expense::claim(Some("bus tickets".into()), None, None)),
            review: None,
        },
        false,
    )
    .unwrap();
    s.edit_profile(&id, |p| {
        p.status = Status::Paused;
        p.skills.insert("facilitation");
        Ok(())
    })
    .unwrap();

    let before = (
        s.ambassador(&id).unwrap().clone(),
        s.project(&project_id).unwrap().clone(),
        s.catalog().clone(),
        s.network().clone(),
    );
    drop(s);
    let s = reopen(&dir);
    let after = (
        s.ambassador(&id).unwrap().clone(),
        s.project(&project_id).unwrap().clone(),
        s.catalog().clone(),
        s.network().clone(),
    );
    assert_eq!(before, after);
    let person = &after.0;
    assert_eq!(person.profile.full_name.as_deref(), Some("زهراء الموسوی"));
    assert_eq!(person.profile.status, Status::Paused);
    assert_eq!(person.training.len(), 2);
    assert_eq!(person.minutes_contributed(), 150);
    assert_eq!(after.2.courses.len(), 2);
    assert_eq!(after.3.name, "Test network");
    // The read model is a cache: the documents themselves agree with it.
    let report = s.verify().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let (_temp, dir, mut s) = new_store();
    let id = s.add_ambassador(full_profile()).unwrap();
    let before = s.ambassador(&id).unwrap().clone();

    let err = s
        .edit_profile(&id, |p| {
            p.email = Some("not an email".into());
            Ok(())
        })
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("email"), "{err}");

    let bad_contribution = Contribution {
        id: String::new(),
        project_id: None,
        date: day("2024-06-01"),
        role: "speaker".into(),
        stream: Stream::Media,
        minutes: 0,
    };
    assert!(s.log_contribution(&id, bad_contribution).is_err());
    let unknown_course = TrainingRecord {
        id: String::new(),
        course_id: "No such course".into(),
        completed: day("2024-06-01"),
        trainer: None,
        evidence: None,
        confidence_before: Some(9),
        confidence_after: None,
        place: None,
        session_id: None,
        reflection: None,
    };
    assert!(s.record_training(&id, unknown_course).is_err());
    assert_eq!(s.ambassador(&id).unwrap(), &before);
    drop(s);
    assert_eq!(reopen(&dir).ambassador(&id).unwrap(), &before);
}

#[test]
fn prerequisites_must_come_first() {
    let (_temp, _dir, mut s) = new_store();
    let induction = course(&mut s, "Induction", None);
    let mut media = Course::new(String::new(), "Media training");
    media.prerequisites = Tags::from_words([induction.as_str()]);
    s.add_course(media).unwrap();
    let id = s.add_ambassador(full_profile()).unwrap();
    let record = |course: &str, date: &str| TrainingRecord {
        id: String::new(),
        course_id: course.into(),
        completed: day(date),
        trainer: None,
        evidence: None,
        confidence_before: None,
        confidence_after: None,
        place: None,
        session_id: None,
        reflection: None,
    };
    let err = s
        .record_training(&id, record("Media training", "2025-01-01"))
        .unwrap_err();
    assert_eq!(err.code(), "prerequisite");
    assert!(err.to_string().contains("Induction"), "{err}");
    s.record_training(&id, record("Induction", "2025-02-01"))
        .unwrap();
    // Induction after the media course does not count for it.
    assert!(
        s.record_training(&id, record("Media training", "2025-01-01"))
            .is_err()
    );
    s.record_training(&id, record("Media training", "2025-02-01"))
        .unwrap();
}

#[test]
fn search_finds_by_name_skill_language_region_and_status() {
    let (_temp, _dir, mut s) = new_store();
    let zahra = s.add_ambassador(full_profile()).unwrap();
    let mut other = Profile::new(String::new(), "ሰላም", "Scotland", day("2025-01-01"));
    other
        .languages
        .insert("tigrinya".into(), LanguageLevel::Native);
    other.skills = Tags::from_words(["photography"]);
    let salam = s.add_ambassador(other).unwrap();
    let find = |q: sanctuary_core::AmbassadorQuery| -> Vec<String> {
        s.search_ambassadors(&q)
            .iter()
            .map(|d| d.id().to_string())
            .collect()
    };
    use sanctuary_core::AmbassadorQuery as Q;
    assert_eq!(
        find(Q {
            text: Some("زهراء".into()),
            ..Q::default()
        }),
        vec![zahra.clone()]
    );
    assert_eq!(
        find(Q {
            text: Some("PHOTO".into()),
            ..Q::default()
        }),
        vec![salam.clone()]
    );
    assert_eq!(
        find(Q {
            language: Some("Tigrinya".into()),
            ..Q::default()
        }),
        vec![salam.clone()]
    );
    assert_eq!(
        find(Q {
            region: Some("west midlands".into()),
            ..Q::default()
        }),
        vec![zahra.clone()]
    );
    assert_eq!(
        find(Q {
            skill: Some("assessment".into()),
            ..Q::default()
        }),
        vec![zahra.clone()]
    );
    assert_eq!(
        find(Q {
            status: Some(Status::Alumni),
            ..Q::default()
        }),
        Vec::<String>::new()
    );
    assert_eq!(find(Q::default()).len(), 2);
    s.archive_ambassador(&salam).unwrap();
    assert_eq!(s.ambassadors().len(), 1);
    assert_eq!(
        s.search_ambassadors(&Q {
            include_archived: true,
            ..Q::default()
        })
        .len(),
        2
    );
}

#[test]
fn search_text_holds_every_searched_field_and_never_joins_two() {
    let (_temp, _dir, mut s) = new_store();
    let mut p = Profile::new(String::new(), "Amina", "Leeds", day("2025-01-01"));
    p.local_group = Some("Chapeltown".into());
    p.skills = Tags::from_words(["facilitation"]);
    p.languages.insert("somali".into(), LanguageLevel::Native);
    let id = s.add_ambassador(p).unwrap();
    let text = sanctuary_core::search_text(s.ambassador(&id).unwrap());
    for needle in ["amina", "leeds", "chapeltown", "facilitation", "somali"] {
        assert!(text.contains(needle), "{needle}");
    }
    // "aminaleeds" would match if fields were simply concatenated.
    let find = |text: &str| {
        s.search_ambassadors(&sanctuary_core::AmbassadorQuery {
            text: Some(text.into()),
            ..Default::default()
        })
        .len()
    };
    assert_eq!(find("aminaleeds"), 0);
    assert!(!text.contains("aminaleeds"));
    assert_eq!(find("MINA"), 1);
}

#[test]
fn a_snapshot_of_another_format_is_rebuilt_from_its_document() {
    let (_temp, dir, mut s) = new_store();
    let id = s.add_ambassador(full_profile()).unwrap();
    s.edit_profile(&id, |p| {
        p.notes = "kept in the document".into();
        Ok(())
    })
    .unwrap();
    let expected = s.ambassador(&id).unwrap().clone();
    drop(s);

    // Replace the snapshot with bytes of an unknown format, as an older or
    // newer version of the app might have left it.
    let mut store = sanctuary_store::Store::open(&dir, &passphrase()).unwrap();
    store
        .write(vec![sanctuary_store::DocWrite {
            id: id.clone(),
            kind: 1,
            append: None,
            compact: None,
            snapshot: vec![250, 1, 2, 3],
        }])
        .unwrap();
    drop(store);

    let (s, timings) = sanctuary_core::Sanctuary::open_timed(&dir, &passphrase()).unwrap();
    assert_eq!(timings.rebuilt_snapshots, 1);
    assert_eq!(s.ambassador(&id).unwrap(), &expected);
    drop(s);
    let (_, timings) = sanctuary_core::Sanctuary::open_timed(&dir, &passphrase()).unwrap();
    assert_eq!(
        timings.rebuilt_snapshots, 0,
        "the rebuilt snapshot was written back"
    );
}
