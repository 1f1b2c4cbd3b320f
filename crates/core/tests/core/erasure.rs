//! Erasure across replicas: a person erased on one laptop is gone from every
//! laptop that syncs with it, through bundle files and a shared folder, and
//! a bundle made before the erasure, replayed later, applies without them.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any error"
)]

use sanctuary_core::matching::{InvitationChange, MatchOptions, RotaAssignment};
use sanctuary_core::model::*;
use sanctuary_core::{AmbassadorQuery, CoreError, Sanctuary};

use crate::support::*;
use crate::sync::{exchange_all, network};

const NAME: &str = "Erasable Zahra";

/// A person with consent, training and hours, invited to a project and
/// sitting in its rota; and one other person who stays.
fn seed(s: &mut Sanctuary) -> (String, String, String) {
    let mut p = full_profile();
    p.display_name = NAME.into();
    p.availability.set_days(Weekday::ALL);
    let zahra = s.add_ambassador(p).unwrap();
    let other = s
        .add_ambassador(Profile::new(
            String::new(),
            "Stays",
            "West Midlands",
            day("2024-03-01"),
        ))
        .unwrap();
    for id in [&zahra, &other] {
        s.add_consent(
            id,
            Consent {
                id: String::new(),
                scope: ConsentScope::Contact,
                agreed: true,
                date: day("2025-01-01"),
                recorded_by: "Coordinator".into(),
                review: None,
                note: None,
            },
        )
        .unwrap();
    }
    let course = course(s, "Safeguarding", None);
    s.record_training(&zahra, TrainingRecord::new(&course, day("2025-02-01")))
        .unwrap();
    let mut project = Project::new(
        String::new(),
        "Library panel",
        Stream::AwardsPanel,
        Level::Local,
        day("2030-03-14"),
    );
    project.remote = true;
    let project = s.add_project(project).unwrap();
    let mut invite = InvitationChange::new(InvitationStatus::Invited, Day::today());
    invite.note = Some(format!("{NAME} asked for a quiet room"));
    s.set_invitation(&project, &zahra, invite).unwrap();
    s.edit_rota(&project, &[zahra.clone(), other.clone()], &[], Some(1))
        .unwrap();
    s.assign_rota_turn(
        &project,
        RotaAssignment {
            date: day("2030-04-01"),
            ambassadors: vec![zahra.clone()],
            reason: Some("asked to go first".into()),
            recorded: Day::today(),
        },
    )
    .unwrap();
    (zahra, other, project)
}

/// The person is nowhere on this replica: list, show, search, match,
/// reports, verify, the project's invitations and rota, the store's documents.
fn assert_gone(s: &Sanctuary, person: &str, project: &str, label: &str) {
    assert!(
        matches!(s.ambassador(person), Err(CoreError::NotFound { .. })),
        "{label}: show"
    );
    assert!(
        s.ambassadors().iter().all(|a| a.id() != person),
        "{label}: list"
    );
    let query = AmbassadorQuery {
        text: Some("erasable".into()),
        include_archived: true,
        ..AmbassadorQuery::default()
    };
    assert!(s.search_ambassadors(&query).is_empty(), "{label}: search");
    let matched = s.match_project(project, &MatchOptions::default()).unwrap();
    let json = serde_json::to_string(&matched).unwrap();
    assert!(
        !json.contains(person) && !json.contains(NAME),
        "{label}: match"
    );
    assert!(
        s.record_report(
            person,
            Day::today(),
            &sanctuary_core::record::RecordLanguage::english()
        )
        .is_err(),
        "{label}: record report"
    );
    let doc = serde_json::to_string(s.project(project).unwrap()).unwrap();
    assert!(
        !doc.contains(person) && !doc.contains(NAME),
        "{label}: project {doc}"
    );
    let p = s.project(project).unwrap();
    assert_eq!(p.invitations.len(), 1, "{label}: the invitation is counted");
    assert_eq!(p.rota.turns.len(), 1, "{label}: the turn is counted");
    assert!(
        s.store()
            .documents()
            .unwrap()
            .iter()
            .all(|d| d.id != person),
        "{label}: the document is destroyed"
    );
    assert!(s.verify().unwrap().problems.is_empty(), "{label}: verify");
    assert!(
        s.network().erased.contains_key(person),
        "{label}: tombstone"
    );
}

#[test]
fn erasure_reaches_three_replicas_through_bundles_a_folder_and_a_replay() {
    let (temp, dirs, mut stores) = network(3);
    let (zahra, other, project) = seed(&mut stores[0]);
    exchange_all(&mut stores);
    for s in &stores {
        assert_eq!(s.ambassador(&zahra).unwrap().profile.display_name, NAME);
    }
    // Bundles made before the erasure, to replay afterwards.
    let old_from_b = stores[1].sync_export(None).unwrap();
    let old_from_c = stores[2].sync_export(None).unwrap();

    let report = stores[0].erase_ambassador(NAME).unwrap();
    assert_eq!(report.id, zahra);
    assert_eq!(report.projects_changed, 1);
    assert_gone(&stores[0], &zahra, &project, "eraser");

    // B hears through a bundle file.
    let bundle = stores[0].sync_export(None).unwrap();
    stores[1].sync_import(&bundle).unwrap();
    assert_gone(&stores[1], &zahra, &project, "bundle");

    // C hears through a shared folder.
    let folder = temp.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    stores[0].sync_folder(&folder).unwrap();
    stores[2].sync_folder(&folder).unwrap();
    assert_gone(&stores[2], &zahra, &project, "folder");

    // Bundles made before the erasure still apply, without the person.
    // The eraser already had everything else of it: the person's document,
    // the one thing new to it, is dropped before anything is stored.
    let replayed = stores[0].sync_import(&old_from_b).unwrap();
    assert!(!replayed.duplicate);
    assert_eq!(
        replayed.changed, 0,
        "nothing of the erased person is stored"
    );
    stores[2].sync_import(&old_from_b).unwrap();
    stores[1].sync_import(&old_from_c).unwrap();
    stores[0].sync_import(&old_from_c).unwrap();
    for (i, s) in stores.iter().enumerate() {
        assert_gone(s, &zahra, &project, &format!("replay {i}"));
        assert!(s.ambassador(&other).is_ok(), "the rest still applies");
    }

    // Everyone agrees afterwards, and a reopen does not bring them back.
    exchange_all(&mut stores);
    crate::sync::assert_converged(&mut stores);
    drop(stores);
    for (i, dir) in dirs.iter().enumerate() {
        let s = reopen(dir);
        assert_gone(&s, &zahra, &project, &format!("reopened {i}"));
    }
}

#[test]
fn a_concurrent_invitation_is_scrubbed_when_the_tombstone_arrives() {
    let (_temp, _dirs, mut stores) = network(2);
    let (zahra, _, project) = seed(&mut stores[0]);
    exchange_all(&mut stores);
    // B moves the invitation on while A erases, neither having heard of the other.
    stores[1]
        .set_invitation(
            &project,
            &zahra,
            InvitationChange::new(InvitationStatus::Accepted, Day::today()),
        )
        .unwrap();
    stores[0].erase_ambassador(&zahra).unwrap();
    exchange_all(&mut stores);
    for (i, s) in stores.iter().enumerate() {
        assert_gone(s, &zahra, &project, &format!("replica {i}"));
    }
    crate::sync::assert_converged(&mut stores);
}

#[test]
fn erasing_needs_an_existing_person_and_changes_nothing_otherwise() {
    let (_temp, dir, mut s) = new_store();
    let (zahra, _, _) = seed(&mut s);
    let before = serde_json::to_string(s.network()).unwrap();
    assert!(matches!(
        s.erase_ambassador("nobody by that name"),
        Err(CoreError::NotFound { .. })
    ));
    assert_eq!(serde_json::to_string(s.network()).unwrap(), before);
    assert!(s.ambassador(&zahra).is_ok());
    drop(s);
    assert!(reopen(&dir).ambassador(&zahra).is_ok());
}
