//! Conflicts: two laptops change the same field at once; every laptop shows
//! the same winner, lists the same conflict, and one resolution settles it
//! everywhere.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any error"
)]

use sanctuary_core::model::*;
use sanctuary_core::{Conflict, Sanctuary};

use crate::support::day;
use crate::sync::{assert_converged, exchange_all, network};

fn edit_concurrently(stores: &mut [Sanctuary], a: &str, p: &str) {
    for (i, s) in stores.iter_mut().enumerate().take(2) {
        s.edit_profile(a, |profile| {
            profile.notes = format!("notes from laptop {i}");
            profile.availability.travel_km = Some(10 + i as u32);
            Ok(())
        })
        .unwrap();
        s.edit_project(p, |project| {
            project.description = format!("described on laptop {i}");
            Ok(())
        })
        .unwrap();
    }
}

#[test]
fn a_concurrent_edit_is_listed_everywhere_and_one_resolution_settles_it() {
    let (_temp, _dirs, mut stores) = network(3);
    let a = stores[0]
        .add_ambassador(Profile::new(
            String::new(),
            "Amal",
            "London",
            day("2024-01-01"),
        ))
        .unwrap();
    let p = stores[0]
        .add_project(Project::new(
            String::new(),
            "Panel",
            Stream::Other,
            Level::Local,
            day("2026-01-01"),
        ))
        .unwrap();
    exchange_all(&mut stores);
    assert!(stores[1].conflicts().unwrap().is_empty());

    edit_concurrently(&mut stores, &a, &p);
    // Merge both ways directly, then laptop 2 hears from laptop 1 only (relayed).
    let b0 = stores[0].sync_export(None).unwrap();
    let b1 = stores[1].sync_export(None).unwrap();
    stores[0].sync_import(&b1).unwrap();
    stores[1].sync_import(&b0).unwrap();
    let relayed = stores[1].sync_export(None).unwrap();
    stores[2].sync_import(&relayed).unwrap();
    assert_converged(&mut stores);

    let listed: Vec<Vec<Conflict>> = stores.iter_mut().map(|s| s.conflicts().unwrap()).collect();
    assert_eq!(listed[0].len(), 3, "{:#?}", listed[0]);
    for other in &listed[1..] {
        assert_eq!(other, &listed[0], "every laptop lists the same conflicts");
    }
    let notes = listed[0]
        .iter()
        .find(|c| c.field == "profile.notes")
        .unwrap();
    assert_eq!(notes.name, "Amal");
    assert_eq!(notes.kind, "ambassador");
    assert_eq!(notes.others.len(), 1);
    let shown = &stores[2].ambassador(&a).unwrap().profile.notes;
    assert_eq!(
        notes.winner.value,
        serde_json::json!(shown),
        "the winner is what is shown"
    );
    assert!(notes.winner.device_name.is_some());
    let travel = listed[0]
        .iter()
        .find(|c| c.field == "profile.availability.travel_km")
        .unwrap();
    let mut values = vec![travel.winner.value.clone(), travel.others[0].value.clone()];
    values.sort_by_key(|v| v.to_string());
    assert_eq!(values, vec![serde_json::json!(10), serde_json::json!(11)]);
    let description = listed[0].iter().find(|c| c.kind == "project").unwrap();
    assert!(
        description.field.ends_with("description"),
        "{description:?}"
    );
    let description = description.field.clone();

    // Laptop 2 keeps the losing note; the others follow after a sync.
    let loser = notes.others[0].value.clone();
    stores[2].resolve_conflict(&a, "profile.notes", 1).unwrap();
    assert_eq!(
        serde_json::json!(stores[2].ambassador(&a).unwrap().profile.notes),
        loser
    );
    assert!(stores[2].resolve_conflict(&a, "profile.notes", 0).is_err());
    assert_eq!(stores[2].conflicts().unwrap().len(), 2);
    exchange_all(&mut stores);
    assert_converged(&mut stores);
    for s in stores.iter_mut() {
        let left = s.conflicts().unwrap();
        assert!(left.iter().all(|c| c.field != "profile.notes"), "{left:#?}");
        assert_eq!(left.len(), 2);
        assert_eq!(
            serde_json::json!(s.ambassador(&a).unwrap().profile.notes),
            loser
        );
    }
    // Settling the rest everywhere leaves nothing.
    stores[0]
        .resolve_conflict(&a, "profile.availability.travel_km", 0)
        .unwrap();
    stores[0].resolve_conflict(&p, &description, 0).unwrap();
    exchange_all(&mut stores);
    for s in stores.iter_mut() {
        assert!(s.conflicts().unwrap().is_empty());
    }
    assert_converged(&mut stores);
}

/// A record is kept whole: two laptops approving different suggestions about
/// the same training record at once end with one version shown everywhere
/// and the other listed as a conflict (both as objects of fields), and the
/// coordinator's choice settles it everywhere.
#[test]
fn the_same_record_changed_on_two_laptops_is_one_conflict_of_two_versions() {
    let (_temp, _dirs, mut stores) = network(2);
    let course_id = crate::support::course(&mut stores[0], "Induction", None);
    let a = stores[0]
        .add_ambassador(Profile::new(
            String::new(),
            "Zahra",
            "Leeds",
            day("2024-01-01"),
        ))
        .unwrap();
    let record = stores[0]
        .record_training(&a, TrainingRecord::new(&course_id, day("2026-01-10")))
        .unwrap();
    let founder = stores.remove(0);
    let mut view = founder
        .enter_self_view("Zahra")
        .unwrap_or_else(|(_, e)| panic!("self-view: {e}"));
    let today = day("2026-11-22");
    let confidence = view
        .suggest(
            SuggestedChange::Confidence {
                record_id: record.clone(),
                after: 4,
            },
            today,
        )
        .unwrap();
    let reflection = view
        .suggest(
            SuggestedChange::Reflection {
                record_id: record.clone(),
                text: "I spoke first".into(),
            },
            today,
        )
        .unwrap();
    let Ok(founder) = view.leave(&crate::support::passphrase()) else {
        panic!("leave self-view")
    };
    stores.insert(0, founder);
    exchange_all(&mut stores);

    stores[0]
        .decide_suggestion(&a, &confidence, true, today)
        .unwrap();
    stores[1]
        .decide_suggestion(&a, &reflection, true, today)
        .unwrap();
    exchange_all(&mut stores);
    assert_converged(&mut stores);

    let listed = stores[1].conflicts().unwrap();
    assert_eq!(listed, stores[0].conflicts().unwrap());
    let field = format!("training.{record}");
    let conflict = listed.iter().find(|c| c.field == field).unwrap();
    assert_eq!(conflict.others.len(), 1, "{listed:#?}");
    let shown = stores[1].ambassador(&a).unwrap().training[&record].clone();
    assert_eq!(conflict.winner.value, serde_json::to_value(&shown).unwrap());
    let other = &conflict.others[0].value;
    assert!(other.is_object(), "{other}");
    assert_eq!(
        conflict.differing_fields(),
        ["confidence_after", "reflection"]
    );
    let versions = [&conflict.winner.value, other];
    assert!(versions.iter().any(|v| v["confidence_after"] == 4));
    assert!(versions.iter().any(|v| v["reflection"] == "I spoke first"));

    stores[1].resolve_conflict(&a, &field, 1).unwrap();
    exchange_all(&mut stores);
    assert_converged(&mut stores);
    for s in stores.iter_mut() {
        let kept = &s.ambassador(&a).unwrap().training[&record];
        assert_eq!(&serde_json::to_value(kept).unwrap(), other);
        assert!(s.conflicts().unwrap().iter().all(|c| c.field != field));
    }
}
