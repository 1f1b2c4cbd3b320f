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
