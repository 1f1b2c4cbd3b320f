//! One test per hard constraint, with the boundary days. The fixture's
//! project is on Saturday 2026-03-14 in London; today is 2026-03-01.

use super::super::fixtures::*;
use super::Constraint;
use crate::matching::{Code, Message, Param};
use crate::model::*;

#[test]
fn a_fixture_person_is_eligible() {
    let w = Fixture::new();
    assert_eq!(w.failed(&w.person("ok")), []);
}

#[test]
fn only_active_people_take_part() {
    let w = Fixture::new();
    for status in [Status::Paused, Status::Alumni] {
        let mut p = w.person("p");
        p.profile.status = status;
        let problems = w.problems(&p);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].constraint, Constraint::Status);
        assert_eq!(problems[0].reason.as_str(), format!("is {status}"));
        assert_eq!(problems[0].reason.code, Code::Status);
        assert_eq!(
            problems[0].reason.param("status"),
            Some(&Param::Status(status))
        );
    }
}

#[test]
fn archived_people_are_not_listed_at_all() {
    let w = Fixture::new();
    let mut p = w.person("p");
    p.profile.archived = true;
    let ranking = w.rank(&[&p]);
    assert!(ranking.ranked.is_empty() && ranking.not_eligible.is_empty());
}

#[test]
fn contact_consent_must_be_in_force_today() {
    let w = Fixture::new();
    let mut p = w.person("p");
    p.consents.clear();
    let none = w.problems(&p);
    assert_eq!(none[0].constraint, Constraint::ContactConsent);
    assert!(none[0].next_step.is_some());

    let refused = consent(ConsentScope::Contact, false, "2025-06-01", None);
    p.consents.insert(refused.id.clone(), refused);
    let no = w.problems(&p);
    assert_eq!(
        no[0].reason,
        "said no to being contacted about opportunities on 2025-06-01"
    );
    assert_eq!(no[0].next_step, None, "a no is respected, not chased");

    // Review day is today: still in force. The day before: lapsed.
    let mut q = w.person("q");
    q.consents.clear();
    let c = consent(
        ConsentScope::Contact,
        true,
        "2025-01-01",
        Some("2026-03-01"),
    );
    q.consents.insert(c.id.clone(), c);
    assert_eq!(w.failed(&q), []);
    q.consents.clear();
    let c = consent(
        ConsentScope::Contact,
        true,
        "2025-01-01",
        Some("2026-02-28"),
    );
    q.consents.insert(c.id.clone(), c);
    let lapsed = w.problems(&q);
    assert!(
        lapsed[0]
            .reason
            .as_str()
            .contains("due for review on 2026-02-28"),
        "{}",
        lapsed[0].reason
    );
}

#[test]
fn media_work_needs_media_consent_until_the_first_day() {
    let mut w = Fixture::new();
    w.project().stream = Stream::Media;
    let mut p = w.person("p");
    p.consents.retain(|_, c| c.scope != ConsentScope::Media);
    assert_eq!(w.failed(&p), [Constraint::MediaConsent]);

    let ends_on_the_day = consent(ConsentScope::Media, true, "2025-01-01", Some("2026-03-14"));
    p.consents
        .insert(ends_on_the_day.id.clone(), ends_on_the_day);
    assert_eq!(w.failed(&p), []);
    p.consents.clear();
    let contact = consent(ConsentScope::Contact, true, "2025-01-01", None);
    let ends_before = consent(ConsentScope::Media, true, "2025-01-01", Some("2026-03-13"));
    p.consents.insert(contact.id.clone(), contact);
    p.consents.insert(ends_before.id.clone(), ends_before);
    let problems = w.problems(&p);
    assert_eq!(problems[0].constraint, Constraint::MediaConsent);
    assert!(
        problems[0]
            .reason
            .as_str()
            .contains("due for review before the project")
    );

    // Other streams do not ask for media consent.
    w.project().stream = Stream::Schools;
    p.consents.retain(|_, c| c.scope != ConsentScope::Media);
    assert_eq!(w.failed(&p), []);
}

#[test]
fn weekdays_must_fit_unless_none_are_recorded() {
    let mut w = Fixture::new();
    let mut p = w.person("p");
    p.profile
        .availability
        .set_days(&[Weekday::Mon, Weekday::Fri]);
    let problems = w.problems(&p);
    assert_eq!(problems[0].constraint, Constraint::Days);
    assert_eq!(
        problems[0].reason,
        "is usually free on mon, fri; the project is on sat"
    );
    p.profile.availability.set_days(&[Weekday::Sat]);
    assert_eq!(w.failed(&p), []);
    // Saturday to Monday includes a Monday.
    p.profile.availability.set_days(&[Weekday::Mon]);
    w.project().end = Some(day("2026-03-16"));
    assert_eq!(w.failed(&p), []);
    // A month-long project includes every weekday.
    p.profile.availability.set_days(&[Weekday::Wed]);
    w.project().end = Some(day("2026-04-14"));
    assert_eq!(w.failed(&p), []);
}

#[test]
fn training_must_be_done_by_the_first_day_and_valid_on_the_last() {
    let mut w = Fixture::new();
    w.course("safeguarding", Some(12));
    let mut p = w.person("p");
    let never = w.problems(&p);
    assert_eq!(never[0].reason, "needs safeguarding first");
    assert_eq!(
        never[0].next_step.as_ref().map(Message::as_str),
        Some("offer them safeguarding before 2026-03-14")
    );

    // Completed 2025-03-14: valid until 2026-03-14, the project day.
    train(&mut p, "safeguarding", "2025-03-14");
    assert_eq!(w.failed(&p), []);
    // A two-day project outlives it.
    w.project().end = Some(day("2026-03-15"));
    let expired = w.problems(&p);
    assert_eq!(
        expired[0].reason,
        "has safeguarding valid only until 2026-03-14; the project runs until 2026-03-15"
    );
    w.project().end = None;

    // Completed the day after the project starts: too late.
    let mut late = w.person("late");
    train(&mut late, "safeguarding", "2026-03-15");
    assert!(
        w.problems(&late)[0]
            .reason
            .as_str()
            .starts_with("completed safeguarding on 2026-03-15")
    );
    // Completed on the first day: in time.
    train(&mut late, "safeguarding", "2026-03-14");
    assert_eq!(w.failed(&late), []);
}

#[test]
fn expiry_at_a_month_end_clamps_like_the_training_screens() {
    let mut w = Fixture::new();
    w.course("assessor", Some(1));
    w.project().start = day("2026-02-28");
    let mut p = w.person("p");
    p.profile.availability.days.clear();
    // 31 January + 1 month = 28 February: valid on the 28th ...
    train(&mut p, "assessor", "2026-01-31");
    assert_eq!(w.failed(&p), []);
    // ... and not on 1 March.
    w.project().start = day("2026-03-01");
    let problems = w.problems(&p);
    assert_eq!(
        problems[0].reason,
        "has assessor valid only until 2026-02-28; the project is on 2026-03-01"
    );
    assert!(
        problems[0]
            .next_step
            .as_ref()
            .map_or("", Message::as_str)
            .contains("refresher")
    );
    // A refresher counts.
    train(&mut p, "assessor", "2026-02-20");
    assert_eq!(w.failed(&p), []);
}

#[test]
fn courses_without_validity_never_expire() {
    let mut w = Fixture::new();
    w.course("induction", None);
    let mut p = w.person("p");
    train(&mut p, "induction", "2001-01-01");
    assert_eq!(w.failed(&p), []);
}

#[test]
fn overlapping_invitations_and_rota_turns_are_double_bookings() {
    let mut w = Fixture::new();
    w.project().end = Some(day("2026-03-15"));
    let p = w.person("p");
    // Accepted elsewhere on the last day of this project: overlaps.
    w.ask_on(
        "p",
        "a",
        InvitationStatus::Accepted,
        "2026-02-01",
        "2026-03-15",
        "2026-03-20",
    );
    let problems = w.problems(&p);
    assert_eq!(problems[0].constraint, Constraint::DoubleBooking);
    assert_eq!(
        problems[0].reason,
        "has accepted 'Project a' from 2026-03-15 to 2026-03-20, which overlaps"
    );

    // The day after the project ends does not overlap; nor does a declined ask.
    let mut w = Fixture::new();
    w.project().end = Some(day("2026-03-15"));
    w.ask_on(
        "p",
        "b",
        InvitationStatus::Invited,
        "2026-02-01",
        "2026-03-16",
        "2026-03-16",
    );
    w.ask_on(
        "p",
        "c",
        InvitationStatus::Declined,
        "2026-02-01",
        "2026-03-14",
        "2026-03-14",
    );
    assert_eq!(w.failed(&p), []);
    w.ask_on(
        "p",
        "d",
        InvitationStatus::Invited,
        "2026-02-01",
        "2026-03-01",
        "2026-03-14",
    );
    assert_eq!(w.failed(&p), [Constraint::DoubleBooking]);

    let mut w = Fixture::new();
    w.rota_turn("p", "2026-03-14");
    assert!(
        w.problems(&p)[0]
            .reason
            .as_str()
            .starts_with("has a turn at 'Advisory Group seat' on 2026-03-14")
    );
}

#[test]
fn an_invitation_to_this_project_is_not_a_double_booking() {
    let mut w = Fixture::new();
    let p = w.person("p");
    let mut invitation = Invitation::new("p");
    invitation.events.insert(
        "e".into(),
        InvitationEvent {
            id: "e".into(),
            seq: 1,
            status: InvitationStatus::Accepted,
            date: day("2026-02-01"),
            note: None,
            minutes: None,
            contribution_id: None,
        },
    );
    w.project.invitations.insert("p".into(), invitation);
    assert_eq!(w.failed(&p), []);
}

#[test]
fn people_linked_to_the_assessed_organisation_are_not_eligible() {
    let mut w = Fixture::new();
    w.project().organisation = Some("Northfield  College".into());
    let mut p = w.person("p");
    p.profile.organisations = Tags::from_words(["northfield college"]);
    let problems = w.problems(&p);
    assert_eq!(problems[0].constraint, Constraint::ConflictOfInterest);
    assert_eq!(
        problems[0].reason,
        "is linked to Northfield  College, whose work this project assesses"
    );
    p.profile.organisations = Tags::from_words(["St Anne's School"]);
    assert_eq!(w.failed(&p), []);
}

#[test]
fn every_failing_constraint_is_listed() {
    let mut w = Fixture::new();
    w.project().organisation = Some("X".into());
    w.course("induction", None);
    let mut p = w.person("p");
    p.profile.status = Status::Paused;
    p.consents.clear();
    p.profile.organisations = Tags::from_words(["x"]);
    assert_eq!(
        w.failed(&p),
        [
            Constraint::Status,
            Constraint::ContactConsent,
            Constraint::Training,
            Constraint::ConflictOfInterest
        ]
    );
}
