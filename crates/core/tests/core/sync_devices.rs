//! Removing a device: its later bundles are refused, and what is written
//! afterwards is sealed under a new network key it does not have.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any error"
)]

use sanctuary_core::model::*;

use crate::support::{day, reopen};
use crate::sync::{assert_converged, network, refused};

#[test]
fn a_removed_device_is_refused_and_cannot_read_what_comes_after() {
    let (_temp, dirs, mut stores) = network(3);
    let removed = stores[2].device_id();
    let before = stores[2].sync_export(None).unwrap();
    stores[0].sync_import(&before).unwrap();

    let report = stores[0].revoke_device("laptop 2").unwrap();
    assert_eq!(report.device, removed);
    assert_eq!(report.epoch, 2);
    assert_eq!(report.wrapped_for, vec![stores[1].device_id()]);
    assert!(report.last_seq >= 1);
    let listed = stores[0].devices();
    assert!(
        listed
            .iter()
            .any(|d| d.id == removed && d.revoked.is_some())
    );
    assert!(
        stores[0].revoke_device(&removed).is_err(),
        "already removed"
    );
    assert!(
        stores[0].revoke_device("test laptop").is_err(),
        "not itself"
    );

    // Written after the removal: laptop 1 reads it (the key travels wrapped
    // in the bundle), laptop 2 cannot.
    let secret = Profile::new(String::new(), "After removal", "Kent", day("2025-05-01"));
    let id = stores[0].add_ambassador(secret).unwrap();
    let after = stores[0].sync_export(None).unwrap();
    stores[1].sync_import(&after).unwrap();
    assert!(stores[1].ambassador(&id).is_ok());
    assert!(stores[1].network().devices[&removed].revoked.is_some());
    // Laptop 1 now writes under the new key too.
    stores[1]
        .edit_profile(&id, |p| {
            p.notes = "from laptop 1".into();
            Ok(())
        })
        .unwrap();
    let from_1 = stores[1].sync_export(None).unwrap();

    // The removed laptop keeps working and exports its next bundle.
    let stranger = Profile::new(
        String::new(),
        "Written by the removed",
        "Kent",
        day("2025-05-02"),
    );
    stores[2].add_ambassador(stranger).unwrap();
    let late = stores[2].sync_export(None).unwrap();
    drop(stores);

    refused(&dirs[2], &after, "unknown-key-epoch");
    refused(&dirs[2], &from_1, "unknown-key-epoch");
    refused(&dirs[0], &late, "device-revoked");
    refused(&dirs[1], &late, "device-revoked");

    // Keys and removal survive a reopen; the two remaining laptops converge.
    let mut remaining = vec![reopen(&dirs[0]), reopen(&dirs[1])];
    remaining[0].sync_import(&from_1).unwrap();
    let again = remaining[0].sync_export(None).unwrap();
    remaining[1].sync_import(&again).unwrap();
    assert_converged(&mut remaining);
    assert_eq!(
        remaining[0].ambassador(&id).unwrap().profile.notes,
        "from laptop 1"
    );
}
