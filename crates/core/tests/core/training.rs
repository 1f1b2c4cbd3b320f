//! Training sessions, expiry and reminders.

use sanctuary_core::model::*;
use sanctuary_core::{TrainingSession, reminder_band};

use crate::support::*;

fn person(s: &mut sanctuary_core::Sanctuary, name: &str) -> String {
    let mut p = full_profile();
    p.display_name = name.into();
    s.add_ambassador(p).expect("add ambassador")
}

#[test]
fn a_session_records_every_attendee_at_once_or_no_one() {
    let (_temp, dir, mut s) = new_store();
    let induction = course(&mut s, "Induction", None);
    let mut media = Course::new(String::new(), "Media training");
    media.validity_months = Some(36);
    media.prerequisites = Tags::from_words([induction.as_str()]);
    s.add_course(media).unwrap();
    let (a, b, c) = (
        person(&mut s, "Amina"),
        person(&mut s, "Biniam"),
        person(&mut s, "Chen"),
    );

    let made = s
        .record_session(TrainingSession {
            course: "Induction".into(),
            date: day("2026-01-10"),
            trainer: Some("Sam".into()),
            place: Some("Online".into()),
            attendees: vec![a.clone(), b.clone(), "Chen".into(), a.clone()],
        })
        .unwrap();
    assert_eq!(made.len(), 3, "Amina named twice attended once");
    for id in [&a, &b, &c] {
        let records: Vec<_> = s
            .ambassador(id)
            .unwrap()
            .training
            .values()
            .cloned()
            .collect();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].place.as_deref(), Some("Online"));
        assert!(records[0].session_id.is_some());
    }

    // Dana has not done Induction: the whole media session is refused.
    let d = person(&mut s, "Dana");
    let err = s
        .record_session(TrainingSession {
            course: "Media training".into(),
            date: day("2026-02-01"),
            trainer: None,
            place: None,
            attendees: vec![a.clone(), d.clone()],
        })
        .unwrap_err();
    assert_eq!(err.code(), "prerequisite");
    assert!(err.to_string().contains("Dana"), "{err}");
    assert_eq!(
        s.ambassador(&a).unwrap().training.len(),
        1,
        "nothing recorded for Amina either"
    );
    drop(s);
    let s = reopen(&dir);
    assert_eq!(s.ambassador(&a).unwrap().training.len(), 1);
    assert_eq!(s.ambassador(&c).unwrap().training.len(), 1);
}

#[test]
fn expiry_is_computed_from_the_latest_completion_of_each_course() {
    let (_temp, _dir, mut s) = new_store();
    course(&mut s, "Safeguarding", Some(24));
    course(&mut s, "Induction", None);
    let a = person(&mut s, "Amina");
    let b = person(&mut s, "Biniam");
    let record = |course: &str, date: &str| TrainingRecord::new(course, day(date));
    s.record_training(&a, record("Induction", "2020-01-01"))
        .unwrap();
    s.record_training(&a, record("Safeguarding", "2023-03-01"))
        .unwrap(); // expired 2025-03-01 ...
    s.record_training(&a, record("Safeguarding", "2025-01-31"))
        .unwrap(); // ... refreshed: expires 2027-01-31
    s.record_training(&b, record("Safeguarding", "2024-12-15"))
        .unwrap(); // expires 2026-12-15

    let today = day("2026-11-22");
    let amina = s.course_standings(&a, today).unwrap();
    assert_eq!(amina.len(), 2, "one line per course, the latest completion");
    let safeguarding = amina
        .iter()
        .find(|c| c.course_title == "Safeguarding")
        .unwrap();
    assert_eq!(safeguarding.expires, Some(day("2027-01-31")));
    assert_eq!(safeguarding.days_left, Some(70));
    let induction = amina
        .iter()
        .find(|c| c.course_title == "Induction")
        .unwrap();
    assert_eq!((induction.expires, induction.days_left), (None, None));

    let soon: Vec<_> = s
        .expiring(today, 30, false)
        .into_iter()
        .map(|c| c.display_name)
        .collect();
    assert_eq!(soon, vec!["Biniam"]);
    assert_eq!(s.expiring(today, 90, false).len(), 2);
    // A day later for Biniam's course it is expired "without anyone touching it".
    let later = day("2026-12-16");
    assert!(
        s.expiring(later, 30, false)
            .iter()
            .all(|c| c.display_name != "Biniam")
    );
    let with_expired = s.expiring(later, 30, true);
    let biniam = with_expired
        .iter()
        .find(|c| c.display_name == "Biniam")
        .unwrap();
    assert!(biniam.is_expired());
    assert_eq!(reminder_band(biniam.days_left.unwrap()), None);
    assert_eq!(reminder_band(23), Some(30));
}
