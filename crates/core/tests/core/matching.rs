//! Matching, invitations and rotas through a real store: what is written
//! survives a reopen, attendance becomes a contribution, the history of asks
//! changes the next ranking, and a rota override keeps its reason.
//! Property tests of the pure functions are in `matching/props.rs`.

mod build;
mod props;

use sanctuary_core::Sanctuary;
use sanctuary_core::matching::{Constraint, Factor, InvitationChange, MatchOptions};
use sanctuary_core::model::*;

use crate::support::*;

/// Someone who may be contacted and takes part remotely or in person in London.
fn person(s: &mut Sanctuary, name: &str) -> String {
    let mut p = Profile::new(String::new(), name, "London", day("2024-01-01"));
    p.availability.remote = true;
    p.availability.in_person = true;
    p.skills = Tags::from_words(["assessment"]);
    let id = s.add_ambassador(p).expect("add ambassador");
    s.add_consent(
        &id,
        build::consent(ConsentScope::Contact, true, "2025-01-01"),
    )
    .expect("consent");
    id
}

fn project(s: &mut Sanctuary, title: &str, start: &str) -> String {
    let mut p = Project::new(
        String::new(),
        title,
        Stream::AwardsPanel,
        Level::Local,
        day(start),
    );
    p.location = Some("London".into());
    p.places = 2;
    p.required_skills = Tags::from_words(["assessment"]);
    p.recognition = Tags::from_words(["thanks", "voucher"]);
    s.add_project(p).expect("add project")
}

fn options() -> MatchOptions {
    MatchOptions {
        today: Some(day("2030-03-01")),
        ..MatchOptions::default()
    }
}

fn change(status: InvitationStatus, date: &str) -> InvitationChange {
    InvitationChange::new(status, day(date))
}

#[test]
fn the_invitation_lifecycle_is_kept_and_attendance_logs_hours() {
    let (_temp, dir, mut s) = new_store();
    let amina = person(&mut s, "Amina");
    let panel = project(&mut s, "Library award panel", "2030-03-14");

    s.set_invitation(
        &panel,
        "Amina",
        change(InvitationStatus::Shortlisted, "2030-03-01"),
    )
    .unwrap();
    let early = s
        .set_invitation(
            &panel,
            &amina,
            change(InvitationStatus::Attended, "2030-03-14"),
        )
        .unwrap_err();
    assert_eq!(early.code(), "invalid");
    assert!(
        early
            .to_string()
            .contains("can become invited or withdrawn, not attended"),
        "{early}"
    );
    for (status, date) in [
        (InvitationStatus::Invited, "2030-03-02"),
        (InvitationStatus::Accepted, "2030-03-04"),
    ] {
        s.set_invitation(&panel, &amina, change(status, date))
            .unwrap();
    }
    let no_hours = s
        .set_invitation(
            &panel,
            &amina,
            change(InvitationStatus::Attended, "2030-03-14"),
        )
        .unwrap_err();
    assert!(no_hours.to_string().contains("hours"), "{no_hours}");
    let mut attended = change(InvitationStatus::Attended, "2030-03-14");
    attended.minutes = Some(150);
    let update = s.set_invitation(&panel, &amina, attended).unwrap();
    let contribution = update.contribution_id.expect("a contribution");
    assert_eq!(update.invitation.status, Some(InvitationStatus::Attended));
    assert_eq!(update.invitation.asked_on, Some(day("2030-03-02")));

    drop(s);
    let s = reopen(&dir);
    let views = s.invitations(&panel).unwrap();
    let statuses: Vec<InvitationStatus> = views[0].history.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            InvitationStatus::Shortlisted,
            InvitationStatus::Invited,
            InvitationStatus::Accepted,
            InvitationStatus::Attended
        ]
    );
    let logged = &s.ambassador(&amina).unwrap().contributions[&contribution];
    assert_eq!(logged.minutes, 150);
    assert_eq!(logged.role, "panel member");
    assert_eq!(logged.project_id.as_deref(), Some(panel.as_str()));
    assert_eq!(s.ambassador_invitations("Amina").unwrap().len(), 1);
    assert!(s.verify().unwrap().problems.is_empty());
}

#[test]
fn attendance_recorded_again_after_a_failure_reuses_the_contribution() {
    let (_temp, _dir, mut s) = new_store();
    let id = person(&mut s, "Reza");
    let panel = project(&mut s, "Panel", "2030-03-14");
    for (status, date) in [
        (InvitationStatus::Invited, "2030-03-02"),
        (InvitationStatus::Accepted, "2030-03-03"),
        (InvitationStatus::NoShow, "2030-03-14"),
    ] {
        s.set_invitation(&panel, &id, change(status, date)).unwrap();
    }
    // As if an earlier attempt wrote the contribution but not the event.
    let orphan = s
        .log_contribution(&id, build::contribution(&panel, "2030-03-14", 120))
        .unwrap();
    let mut attended = change(InvitationStatus::Attended, "2030-03-14");
    attended.minutes = Some(120);
    let update = s.set_invitation(&panel, &id, attended).unwrap();
    assert_eq!(update.contribution_id, Some(orphan));
    assert_eq!(s.ambassador(&id).unwrap().contributions.len(), 1);
}

#[test]
fn nobody_is_invited_who_fails_a_hard_constraint() {
    let (_temp, _dir, mut s) = new_store();
    let id = person(&mut s, "Olena");
    let panel = project(&mut s, "Panel", "2030-03-14");
    s.add_consent(
        &id,
        build::consent(ConsentScope::Contact, false, "2030-02-01"),
    )
    .unwrap();
    let err = s
        .set_invitation(&panel, &id, change(InvitationStatus::Invited, "2030-03-01"))
        .unwrap_err();
    assert_eq!(err.code(), "not-eligible");
    assert_eq!(
        err.to_string(),
        "Olena cannot take part yet: said no to being contacted about opportunities on 2030-02-01"
    );
    // For a screen: a coded lead naming her, then each reason's own code.
    let said = err.said();
    assert_eq!(said.len(), 2);
    assert_eq!(
        said[0].code,
        sanctuary_core::matching::Code::RefusedNotEligible
    );
    assert_eq!(
        said[1].code,
        sanctuary_core::matching::Code::ContactConsentRefused
    );
    assert!(s.invitations(&panel).unwrap().is_empty());
    let reasons = s.eligibility(&panel, &id, day("2030-03-01")).unwrap();
    assert_eq!(reasons[0].constraint, Constraint::ContactConsent);
}

#[test]
fn matching_reads_the_history_of_asks_and_holds_dates() {
    let (_temp, _dir, mut s) = new_store();
    let asked = person(&mut s, "Asked");
    let fresh = person(&mut s, "Fresh");
    let first = project(&mut s, "First panel", "2030-03-14");
    let second = project(&mut s, "Second panel", "2030-03-14");
    let third = project(&mut s, "Third panel", "2030-04-20");

    let before = s.match_project(&third, &options()).unwrap();
    assert_eq!(before.ranked[0].total, before.ranked[1].total);
    s.set_invitation(
        &first,
        &asked,
        change(InvitationStatus::Invited, "2030-02-20"),
    )
    .unwrap();

    // Invited to the first panel: double-booked for the second, same day.
    let report = s.match_project(&second, &options()).unwrap();
    assert_eq!(report.ranked.len(), 1);
    assert_eq!(report.not_eligible[0].ambassador_id, asked);
    assert_eq!(
        report.not_eligible[0].reasons[0].constraint,
        Constraint::DoubleBooking
    );
    // And ranked below the person never asked, for a later panel.
    let later = s.match_project(&third, &options()).unwrap();
    assert_eq!(later.ranked[0].ambassador_id, fresh);
    let fairness = |i: usize| later.ranked[i].factor(Factor::Fairness).unwrap().points;
    assert!(fairness(0) > fairness(1));
    assert_eq!(later.team.members.len(), 2);
    // Voucher withheld? Profiles default to check-first: flagged, not withheld.
    assert_eq!(
        later.ranked[0].recognition.check_first,
        [RecognitionKind::Voucher]
    );
}

#[test]
fn match_settings_live_in_the_network_and_every_laptop_ranks_alike() {
    let (_temp, dirs, mut stores) = crate::sync::network(2);
    let quiet = person(&mut stores[0], "Quiet");
    let panel = project(&mut stores[0], "Panel", "2030-03-14");
    let fairness = |s: &Sanctuary| {
        let report = s.match_project(&panel, &options()).unwrap();
        report.ranked[0].factor(Factor::Fairness).unwrap().max
    };
    assert_eq!(fairness(&stores[0]), 25, "the default weight");

    // Out of range: refused, nothing written.
    let before = crate::sync::files(&dirs[0]);
    let mut bad = stores[0].match_settings();
    bad.weights.fairness = 5000;
    let err = stores[0].set_match_settings(bad).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert_eq!(crate::sync::files(&dirs[0]), before);

    // Two laptops change different weights at once: both are kept.
    let mut mine = stores[0].match_settings();
    mine.weights.fairness = 40;
    stores[0].set_match_settings(mine).unwrap();
    let mut theirs = stores[1].match_settings();
    theirs.weights.locality = 0;
    stores[1].set_match_settings(theirs).unwrap();
    crate::sync::exchange_all(&mut stores);
    for s in &stores {
        let settings = s.match_settings();
        assert_eq!(
            (settings.weights.fairness, settings.weights.locality),
            (40, 0)
        );
        assert_eq!(fairness(s), 40);
    }
    // A run can try other weights without saving them.
    let mut trial = options();
    let mut other = stores[1].match_settings();
    other.weights.fairness = 10;
    trial.settings = Some(other);
    let report = stores[1].match_project(&panel, &trial).unwrap();
    assert_eq!(report.ranked[0].factor(Factor::Fairness).unwrap().max, 10);
    assert_eq!(stores[1].match_settings().weights.fairness, 40);
    assert_eq!(report.ranked[0].ambassador_id, quiet);

    drop(stores);
    assert_eq!(reopen(&dirs[1]).match_settings().weights.fairness, 40);
}

#[test]
fn a_rota_rotates_fairly_and_an_override_keeps_its_reason() {
    let (_temp, dir, mut s) = new_store();
    let ids: Vec<String> = ["Ayan", "Bilal", "Chen"]
        .iter()
        .map(|n| person(&mut s, n))
        .collect();
    let mut seat = Project::new(
        String::new(),
        "Advisory Group seat at trustee meeting",
        Stream::AdvisoryGroup,
        Level::Strategic,
        day("2030-01-01"),
    );
    seat.remote = true;
    let seat = s.add_project(seat).unwrap();
    let summary = s.edit_rota(&seat, &ids, &[], Some(1)).unwrap();
    assert_eq!(summary.members.len(), 3);

    let mut seen = Vec::new();
    for date in ["2030-03-05", "2030-04-02", "2030-05-07"] {
        let turn = s
            .assign_rota_turn(&seat, build::assignment(date, &[], None))
            .unwrap();
        seen.extend(turn.ambassadors.iter().map(str::to_string));
    }
    seen.sort();
    let mut all = ids.clone();
    all.sort();
    assert_eq!(seen, all, "three meetings, three different members");

    let plan = s.rota_plan(&seat, day("2030-06-04"), &options()).unwrap();
    let other = ids
        .iter()
        .find(|id| !plan.suggested.contains(id))
        .unwrap()
        .clone();
    let refused = s
        .assign_rota_turn(&seat, build::assignment("2030-06-04", &[&other], None))
        .unwrap_err();
    assert!(refused.to_string().contains("needs a reason"), "{refused}");
    s.assign_rota_turn(
        &seat,
        build::assignment("2030-06-04", &[&other], Some("agenda item on their report")),
    )
    .unwrap();

    drop(s);
    let s = reopen(&dir);
    let summary = s.rota_summary(&seat).unwrap();
    let june = summary
        .turns
        .iter()
        .find(|t| t.date == day("2030-06-04"))
        .unwrap();
    assert_eq!(
        june.override_reason.as_deref(),
        Some("agenda item on their report")
    );
    assert!(june.ambassadors.contains(&other));
    assert!(summary.spread > 0.0 && summary.spread < 0.5);
    assert!(s.verify().unwrap().problems.is_empty());
}

#[test]
fn a_rota_member_who_cannot_take_part_is_skipped_with_the_reason() {
    let (_temp, _dir, mut s) = new_store();
    let a = person(&mut s, "Ayan");
    let b = person(&mut s, "Bilal");
    let seat = project(&mut s, "Seat", "2030-01-01");
    s.edit_rota(&seat, &[a.clone(), b.clone()], &[], None)
        .unwrap();
    s.edit_profile(&a, |p| {
        p.status = Status::Paused;
        Ok(())
    })
    .unwrap();
    let plan = s.rota_plan(&seat, day("2030-03-05"), &options()).unwrap();
    assert_eq!(plan.suggested, std::slice::from_ref(&b));
    assert_eq!(plan.not_eligible[0].reasons[0].reason, "is paused");
    let err = s
        .assign_rota_turn(
            &seat,
            build::assignment("2030-03-05", &[&a], Some("asked for it")),
        )
        .unwrap_err();
    assert_eq!(err.code(), "not-eligible");
    let removed = s.edit_rota(&seat, &[], &["Ayan".into()], None).unwrap();
    assert_eq!(removed.members.len(), 1);
}

#[test]
fn the_demo_gives_the_advisory_seat_a_rota_with_a_fair_suggestion() {
    let (_temp, _dir, mut s) = new_store();
    sanctuary_core::demo::populate(
        &mut s,
        &sanctuary_core::demo::DemoOptions {
            ambassadors: 60,
            ..Default::default()
        },
    )
    .unwrap();
    let seat = s
        .projects()
        .into_iter()
        .find(|p| p.project.stream == Stream::AdvisoryGroup)
        .map(|p| p.id().to_string())
        .unwrap();
    let summary = s.rota_summary(&seat).unwrap();
    assert_eq!(summary.members.len(), 5);
    let plan = s
        .rota_plan(&seat, Day::today().plus_days(30), &MatchOptions::default())
        .unwrap();
    assert_eq!(plan.order.len() + plan.not_eligible.len(), 5);
    assert!(plan.suggested.len() <= 1);
}
