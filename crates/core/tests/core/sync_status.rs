//! `sync status`: when each peer was last heard from and what it has not acknowledged.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any error"
)]

use sanctuary_core::model::*;

use crate::support::day;
use crate::sync::network;

#[test]
fn status_counts_what_a_peer_has_not_acknowledged() {
    let (_temp, _dirs, mut stores) = network(3);
    let peer = stores[1].device_id();
    let status = |s: &sanctuary_core::Sanctuary| {
        s.sync_status()
            .unwrap()
            .into_iter()
            .find(|p| p.device == peer)
            .unwrap()
    };
    // Merges count too (they are writes here); one round trip settles them.
    let bundle = stores[0].sync_export(Some(&peer)).unwrap();
    stores[1].sync_import(&bundle).unwrap();
    let ack = stores[1].sync_export(None).unwrap();
    stores[0].sync_import(&ack).unwrap();
    let before = status(&stores[0]);
    assert_eq!(before.name, "laptop 1");
    assert!(before.last_heard.is_some());
    assert_eq!(
        stores[0].sync_status().unwrap().len(),
        2,
        "every other device"
    );
    assert_eq!(before.unacknowledged_documents, 0, "{before:?}");

    let mut ids = Vec::new();
    for name in ["One", "Two", "Three"] {
        let profile = Profile::new(String::new(), name, "Wales", day("2024-01-01"));
        ids.push(stores[0].add_ambassador(profile).unwrap());
    }
    stores[0]
        .edit_profile(&ids[0], |p| {
            p.notes = "again".into();
            Ok(())
        })
        .unwrap();
    let pending = status(&stores[0]);
    assert_eq!(pending.unacknowledged_documents, 3);
    assert_eq!(pending.unacknowledged_changes, 4);

    // Delivered but not yet acknowledged: still pending.
    let bundle = stores[0].sync_export(Some(&peer)).unwrap();
    stores[1].sync_import(&bundle).unwrap();
    assert_eq!(status(&stores[0]).unacknowledged_documents, 3);
    // Its next bundle carries the acknowledgement.
    let ack = stores[1].sync_export(None).unwrap();
    stores[0].sync_import(&ack).unwrap();
    let after = status(&stores[0]);
    assert_eq!(after.unacknowledged_changes, 0, "{after:?}");
    assert!(after.acknowledged > before.acknowledged);
    assert!(after.last_heard >= before.last_heard);
    // Laptop 2 heard nothing of this yet.
    let other = stores[0]
        .sync_status()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "laptop 2")
        .unwrap();
    assert!(other.unacknowledged_documents >= 3, "{other:?}");
}
