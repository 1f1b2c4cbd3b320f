//! Subject access, the audit trail, consent review and retention through
//! real stores: data written on two laptops, exported and explained on one.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any error"
)]

use sanctuary_core::matching::{Constraint, InvitationChange, MatchOptions};
use sanctuary_core::model::*;

use crate::support::*;
use crate::sync::{exchange_all, network};

fn consent(scope: ConsentScope, agreed: bool, date: &str, review: Option<&str>) -> Consent {
    Consent {
        id: String::new(),
        scope,
        agreed,
        date: day(date),
        recorded_by: "Coordinator".into(),
        review: review.map(day),
        note: None,
    }
}

#[test]
fn subject_access_holds_data_from_two_laptops_and_a_history_naming_both() {
    let (temp, _dirs, mut stores) = network(2);
    stores[0]
        .set_coordinator_name("Maryam Coordinator")
        .unwrap();
    stores[1].set_coordinator_name("Tomás Coordinator").unwrap();
    let id = stores[0].add_ambassador(full_profile()).unwrap();
    stores[0]
        .add_consent(
            &id,
            consent(ConsentScope::Contact, true, "2025-01-01", None),
        )
        .unwrap();
    exchange_all(&mut stores);
    stores[1]
        .edit_profile(&id, |p| {
            p.phone = Some("07700 900999".into());
            Ok(())
        })
        .unwrap();
    stores[1]
        .add_consent(&id, consent(ConsentScope::Media, false, "2025-06-01", None))
        .unwrap();
    exchange_all(&mut stores);

    let out = temp.path().join("sar");
    let (json_path, html_path) = stores[0]
        .export_subject_access(&id, &out, None, day("2026-01-01"))
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    // Written on laptop 0: the profile and the contact consent; on laptop 1:
    // the phone number and the media refusal. Both consents, with history.
    assert_eq!(json["person"]["profile"]["email"], "zahra@example.org");
    assert_eq!(json["person"]["profile"]["phone"], "07700 900999");
    assert_eq!(json["person"]["consents"].as_object().unwrap().len(), 2);
    let history = json["history"].as_array().unwrap();
    let coordinators: Vec<&str> = history
        .iter()
        .filter_map(|e| e["coordinator"].as_str())
        .collect();
    assert!(coordinators.contains(&"Maryam Coordinator"), "{history:?}");
    assert!(coordinators.contains(&"Tomás Coordinator"), "{history:?}");
    let devices: Vec<&str> = history
        .iter()
        .filter_map(|e| e["device_name"].as_str())
        .collect();
    assert!(devices.contains(&"test laptop") && devices.contains(&"laptop 1"));
    assert!(
        history.iter().any(|e| e["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "profile.phone")),
        "the phone change is named: {history:?}"
    );

    // The readable page: Arabic for someone who speaks it natively, escaped.
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.contains("dir=\"rtl\"") && html.contains("كل ما نحتفظ به عنك"));
    assert!(html.contains("07700 900999") && html.contains("Tomás Coordinator"));
    let (_, english) = stores[0]
        .export_subject_access(&id, &out, Some("en"), day("2026-01-01"))
        .unwrap();
    assert!(
        std::fs::read_to_string(english)
            .unwrap()
            .contains("Everything we hold about you")
    );
    // Any language the app has: Farsi runs right to left and is Persian.
    let (_, farsi) = stores[0]
        .export_subject_access(&id, &out, Some("fa"), day("2026-01-01"))
        .unwrap();
    let farsi = std::fs::read_to_string(farsi).unwrap();
    assert!(farsi.contains("<html lang=\"fa\" dir=\"rtl\">"), "{farsi}");
    let fa_messages: serde_json::Value =
        serde_json::from_str(include_str!("../../../../ui/messages/fa.json")).unwrap();
    let fa_title = fa_messages["subjectAccess.title"].as_str().unwrap();
    assert!(farsi.contains(fa_title) && !farsi.contains("Everything we hold about you"));
    assert!(
        stores[0]
            .export_subject_access(&id, &out, Some("xx"), day("2026-01-01"))
            .is_err()
    );
}

#[test]
fn history_lists_each_change_with_its_fields() {
    let (_temp, _dir, mut s) = new_store();
    let id = s.add_ambassador(full_profile()).unwrap();
    s.edit_profile(&id, |p| {
        p.notes = "Changed".into();
        Ok(())
    })
    .unwrap();
    let history = s.person_history(&id).unwrap();
    assert!(history.len() >= 2);
    let last = history.last().unwrap();
    assert_eq!(last.fields, vec!["profile.notes".to_string()]);
    assert_eq!(last.device_name.as_deref(), Some("test laptop"));
    assert_eq!(last.coordinator, None);
}

#[test]
fn consent_past_its_review_date_is_due_and_excluded_from_matching() {
    let (_temp, _dir, mut s) = new_store();
    let mut p = Profile::new(String::new(), "Reviewed", "London", day("2024-01-01"));
    p.availability.remote = true;
    let id = s.add_ambassador(p).unwrap();
    s.add_consent(
        &id,
        consent(
            ConsentScope::Contact,
            true,
            "2025-01-01",
            Some("2026-01-31"),
        ),
    )
    .unwrap();
    let mut project = Project::new(
        String::new(),
        "Remote panel",
        Stream::AwardsPanel,
        Level::Local,
        day("2026-01-20"),
    );
    project.remote = true;
    project.in_person = false;
    let project = s.add_project(project).unwrap();
    let on = |today: &str| MatchOptions {
        today: Some(day(today)),
        ..MatchOptions::default()
    };

    // Before the review date: due soon, and eligible.
    let due = s.consent_expiring(day("2026-01-10"), 30, false);
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].days_left, due[0].expired), (21, false));
    assert!(s.consent_expiring(day("2026-01-10"), 7, false).is_empty());
    let report = s.match_project(&project, &on("2026-01-10")).unwrap();
    assert_eq!(report.ranked_count, 1);

    // After it: listed only with --expired, and not eligible for anything.
    assert!(s.consent_expiring(day("2026-02-10"), 30, false).is_empty());
    let expired = s.consent_expiring(day("2026-02-10"), 30, true);
    assert_eq!((expired.len(), expired[0].expired), (1, true));
    let report = s.match_project(&project, &on("2026-02-10")).unwrap();
    assert_eq!(report.ranked_count, 0);
    assert_eq!(report.not_eligible[0].ambassador_id, id);

    // Renewed: nothing due, eligible again.
    s.add_consent(
        &id,
        consent(
            ConsentScope::Contact,
            true,
            "2026-02-10",
            Some("2027-02-10"),
        ),
    )
    .unwrap();
    assert!(s.consent_expiring(day("2026-02-10"), 30, true).is_empty());
    let report = s.match_project(&project, &on("2026-02-10")).unwrap();
    assert_eq!(report.ranked_count, 1);
}

#[test]
fn retention_review_lists_people_inactive_for_the_period() {
    let (_temp, dir, mut s) = new_store();
    let old = s
        .add_ambassador(Profile::new(
            String::new(),
            "Quiet",
            "London",
            day("2020-01-01"),
        ))
        .unwrap();
    let busy = s
        .add_ambassador(Profile::new(
            String::new(),
            "Busy",
            "London",
            day("2020-01-01"),
        ))
        .unwrap();
    s.add_consent(
        &busy,
        consent(ConsentScope::Contact, true, "2025-06-01", None),
    )
    .unwrap();
    let due = s.retention_review(day("2026-01-01"));
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].ambassador_id, old);
    assert_eq!(due[0].last_activity, day("2020-01-01"));

    s.set_retention_years(10).unwrap();
    assert!(s.retention_review(day("2026-01-01")).is_empty());
    assert!(s.set_retention_years(99).is_err());
    drop(s);
    let s = reopen(&dir);
    assert_eq!(s.network().retention_years, 10);
}

#[test]
fn a_media_invitation_needs_consent_to_the_engagement() {
    let (_temp, dir, mut s) = new_store();
    let mut p = Profile::new(String::new(), "Speaker", "London", day("2024-01-01"));
    p.availability.remote = true;
    let id = s.add_ambassador(p).unwrap();
    for scope in [ConsentScope::Contact, ConsentScope::Media] {
        s.add_consent(&id, consent(scope, true, "2025-01-01", None))
            .unwrap();
    }
    let mut o = Profile::new(String::new(), "Other", "London", day("2024-01-01"));
    o.availability.remote = true;
    let other = s.add_ambassador(o).unwrap();
    s.add_consent(
        &other,
        consent(ConsentScope::Contact, true, "2025-01-01", None),
    )
    .unwrap();
    s.add_consent(
        &other,
        consent(ConsentScope::Media, true, "2025-01-01", None),
    )
    .unwrap();
    let mut project = Project::new(
        String::new(),
        "Radio interview",
        Stream::Media,
        Level::Local,
        day("2030-03-14"),
    );
    project.remote = true;
    project.in_person = false;
    let project = s.add_project(project).unwrap();
    let today = day("2030-03-01");
    let change = |consent: Option<bool>| {
        let mut c = InvitationChange::new(InvitationStatus::Invited, today);
        c.media_consent = consent.map(|agreed| EngagementConsent {
            agreed,
            recorded_by: "Maryam".into(),
            date: today,
        });
        c
    };

    // General media consent is not enough: this engagement must be asked about.
    let err = s.set_invitation(&project, &id, change(None)).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("not been asked"), "{err}");
    assert!(s.project(&project).unwrap().invitations.is_empty());

    // A "no" to this engagement: not invited, and matching says why.
    assert!(
        s.set_invitation(&project, &other, change(Some(false)))
            .is_err()
    );
    // Shortlisting records the answer without asking them yet.
    let mut shortlist = change(Some(false));
    shortlist.status = InvitationStatus::Shortlisted;
    s.set_invitation(&project, &other, shortlist).unwrap();
    let options = MatchOptions {
        today: Some(today),
        ..MatchOptions::default()
    };
    let report = s.match_project(&project, &options).unwrap();
    let refused = report
        .not_eligible
        .iter()
        .find(|n| n.ambassador_id == other)
        .expect("the person who said no is not eligible");
    assert!(
        refused
            .reasons
            .iter()
            .any(|r| r.constraint == Constraint::MediaConsent)
    );
    assert!(report.ranked.iter().any(|c| c.ambassador_id == id));

    // A "yes", with who asked and when, and the invitation goes ahead; it survives a reopen.
    let update = s.set_invitation(&project, &id, change(Some(true))).unwrap();
    assert_eq!(update.invitation.status, Some(InvitationStatus::Invited));
    drop(s);
    let s = reopen(&dir);
    let kept = s.project(&project).unwrap().invitations[&id]
        .media_consent
        .clone()
        .unwrap();
    assert!(kept.agreed);
    assert_eq!(kept.recorded_by, "Maryam");
}

#[test]
fn photography_and_sharing_with_a_partner_need_their_consents() {
    let (_temp, _dir, mut s) = new_store();
    let person = |s: &mut sanctuary_core::Sanctuary, name: &str, scopes: &[ConsentScope]| {
        let mut p = Profile::new(String::new(), name, "London", day("2024-01-01"));
        p.availability.remote = true;
        let id = s.add_ambassador(p).unwrap();
        for scope in scopes {
            s.add_consent(&id, consent(*scope, true, "2025-01-01", None))
                .unwrap();
        }
        id
    };
    let contact_only = person(&mut s, "Contact only", &[ConsentScope::Contact]);
    let everything = person(
        &mut s,
        "Everything",
        &[
            ConsentScope::Contact,
            ConsentScope::Photography,
            ConsentScope::SharePartners,
        ],
    );
    let mut project = Project::new(
        String::new(),
        "Panel with a photographer",
        Stream::AwardsPanel,
        Level::Local,
        day("2030-03-14"),
    );
    project.remote = true;
    project.in_person = false;
    project.photography = true;
    project.shares_with = Some("Partner Trust".into());
    let project = s.add_project(project).unwrap();
    let today = day("2030-03-01");
    let options = MatchOptions {
        today: Some(today),
        ..MatchOptions::default()
    };
    let report = s.match_project(&project, &options).unwrap();
    let refused = report
        .not_eligible
        .iter()
        .find(|n| n.ambassador_id == contact_only)
        .expect("without those consents they are not eligible");
    let constraints: Vec<Constraint> = refused.reasons.iter().map(|r| r.constraint).collect();
    assert!(
        constraints.contains(&Constraint::PhotographyConsent),
        "{constraints:?}"
    );
    assert!(
        constraints.contains(&Constraint::PartnerConsent),
        "{constraints:?}"
    );
    assert!(report.ranked.iter().any(|c| c.ambassador_id == everything));

    // The invitation flow refuses them too, and changes nothing.
    let invite = InvitationChange::new(InvitationStatus::Invited, today);
    assert!(
        s.set_invitation(&project, &contact_only, invite.clone())
            .is_err()
    );
    assert!(s.project(&project).unwrap().invitations.is_empty());
    s.set_invitation(&project, &everything, invite).unwrap();

    // An ordinary project asks for neither.
    let mut plain = Project::new(
        String::new(),
        "Plain panel",
        Stream::AwardsPanel,
        Level::Local,
        day("2030-03-14"),
    );
    plain.remote = true;
    plain.in_person = false;
    let plain = s.add_project(plain).unwrap();
    let report = s.match_project(&plain, &options).unwrap();
    assert!(
        report
            .ranked
            .iter()
            .any(|c| c.ambassador_id == contact_only)
    );
}
