//! The way back for a lost laptop: restored from a backup into a new store,
//! refused by sync (with the sentence that says what to do) until it joins
//! again with an invite, keeping everything the store holds; then it syncs
//! both ways and converges, as a new device that reuses nothing of its old
//! self's.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any error"
)]

use std::collections::BTreeSet;

use sanctuary_core::model::Profile;
use sanctuary_core::{KdfParams, Sanctuary};

use crate::support::*;
use crate::sync::{assert_converged, files, network};

fn profile(name: &str) -> Profile {
    Profile::new(String::new(), name, "Yorkshire", day("2024-03-01"))
}

fn names(s: &Sanctuary) -> BTreeSet<String> {
    s.ambassadors()
        .iter()
        .map(|a| a.profile.display_name.clone())
        .collect()
}

#[test]
fn a_restored_laptop_joins_again_keeping_its_store_and_syncs_both_ways() {
    let (temp, _dirs, mut stores) = network(2);
    let mut b = stores.pop().unwrap();
    let mut a = stores.pop().unwrap();
    let (a_old, b_id) = (a.device_id(), b.device_id());

    // A and B in step, then A is backed up.
    a.add_ambassador(profile("Before the backup")).unwrap();
    b.sync_import(&a.sync_export(Some(&b_id)).unwrap()).unwrap();
    a.sync_import(&b.sync_export(Some(&a_old)).unwrap())
        .unwrap();
    let backup = temp.path().join("a.backup");
    a.backup(&backup, &passphrase()).unwrap();

    // A goes on after the backup and syncs that to B; then A is lost.
    a.add_ambassador(profile("After the backup")).unwrap();
    let last_of_a = b.sync_import(&a.sync_export(Some(&b_id)).unwrap()).unwrap();
    assert_eq!(last_of_a.sender, a_old);
    drop(a);

    // Restored into a new store: a new device, which may still edit.
    let a2_dir = temp.path().join("a2");
    let mut a2 = Sanctuary::restore(&a2_dir, &backup, &passphrase()).unwrap();
    assert!(!a2.is_member());
    assert_ne!(a2.device_id(), a_old);
    a2.add_ambassador(profile("Written after the restore"))
        .unwrap();
    drop(a2);

    // Every way of syncing is refused with what to do, and writes nothing.
    let from_b = b.sync_export(None).unwrap();
    let folder = temp.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let before = files(&a2_dir);
    {
        let mut a2 = reopen(&a2_dir);
        let errors = [
            a2.sync_export(None).expect_err("export refused"),
            a2.sync_import(&from_b).expect_err("import refused"),
            a2.sync_folder(&folder).expect_err("folder refused"),
        ];
        for e in errors {
            assert_eq!(e.code(), "not-a-device", "{e}");
            assert!(
                e.to_string()
                    .contains("sanctuary join INVITE-FILE --code CODE")
            );
        }
    }
    assert_eq!(before, files(&a2_dir), "a refused sync changed the store");
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);

    // B invites; a wrong code and an invite of another network change nothing.
    let invite = b.create_invite(KdfParams::MINIMUM, 7).unwrap();
    let (_other_temp, _other_dir, mut stranger) = new_store();
    let foreign = stranger.create_invite(KdfParams::MINIMUM, 7).unwrap();
    {
        let mut a2 = reopen(&a2_dir);
        let wrong = a2
            .rejoin(&invite.bytes, "WRONG-CODE", "Amina's laptop")
            .expect_err("wrong code");
        assert_eq!(wrong.code(), "wrong-code", "{wrong}");
        let other = a2
            .rejoin(&foreign.bytes, &foreign.code, "Amina's laptop")
            .expect_err("other network");
        assert_eq!(other.code(), "other-network", "{other}");
    }
    assert_eq!(before, files(&a2_dir), "a refused join changed the store");

    // Joining again keeps the store, and brings what A synced after the backup.
    let mut a2 = reopen(&a2_dir);
    a2.rejoin(&invite.bytes, &invite.code, "Amina's laptop")
        .unwrap();
    assert!(a2.is_member());
    assert_eq!(
        names(&a2),
        BTreeSet::from([
            "Before the backup".to_string(),
            "After the backup".to_string(),
            "Written after the restore".to_string(),
        ])
    );
    let again = a2
        .rejoin(&invite.bytes, &invite.code, "Amina's laptop")
        .expect_err("a member does not join twice");
    assert_eq!(again.code(), "invalid", "{again}");
    drop(a2);
    let mut a2 = reopen(&a2_dir);
    assert!(a2.is_member(), "the registration survives a reopen");
    let a2_id = a2.device_id();
    // Its own keys: a network key wrapped for it after the lost original is
    // removed must not open with the original's copy of the exchange key.
    let (old, new) = (&a2.network().devices[&a_old], &a2.network().devices[&a2_id]);
    assert!(!new.exchange_key.is_empty());
    assert_ne!(new.exchange_key, old.exchange_key);
    assert_ne!(new.public_key, old.public_key);

    // Both ways, with nothing refused and no bundle number of A's reused.
    let to_b = b
        .sync_import(&a2.sync_export(Some(&b_id)).unwrap())
        .unwrap();
    assert_eq!(to_b.sender, a2_id);
    assert!(to_b.seq > last_of_a.seq, "a new number, above A's last");
    assert!(
        !to_b.gap && !to_b.fork && !to_b.duplicate && to_b.changed > 0,
        "{to_b:?}"
    );
    assert!(names(&b).contains("Written after the restore"));
    let to_a2 = a2
        .sync_import(&b.sync_export(Some(&a2_id)).unwrap())
        .unwrap();
    assert!(!to_a2.gap && !to_a2.fork);

    // Later edits on both sides still meet.
    a2.add_ambassador(profile("From the restored laptop"))
        .unwrap();
    b.add_ambassador(profile("From B")).unwrap();
    for _ in 0..2 {
        let r = b
            .sync_import(&a2.sync_export(Some(&b_id)).unwrap())
            .unwrap();
        assert!(!r.gap && !r.fork, "{r:?}");
        let r = a2
            .sync_import(&b.sync_export(Some(&a2_id)).unwrap())
            .unwrap();
        assert!(!r.gap && !r.fork, "{r:?}");
    }
    assert_eq!(names(&a2).len(), 5);

    // The lost original is removed; what B writes afterwards, under the new
    // network key, still reaches the restored laptop.
    b.revoke_device(&a_old).unwrap();
    b.add_ambassador(profile("After the removal")).unwrap();
    let r = a2
        .sync_import(&b.sync_export(Some(&a2_id)).unwrap())
        .unwrap();
    assert!(!r.gap && !r.fork, "{r:?}");
    assert!(names(&a2).contains("After the removal"));
    b.sync_import(&a2.sync_export(Some(&b_id)).unwrap())
        .unwrap();
    assert_converged(&mut [a2, b]);
}
