//! Automatic sync end to end in the core: a laptop with a configured
//! folder edits a person through the core API, the runner (driven the way
//! the app drives it: a pass function over the unlocked store, a change
//! noticed by the store's write count) writes a bundle, and another laptop
//! imports it from the folder.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any error"
)]

use std::path::Path;
use std::sync::mpsc::channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sanctuary_core::{AutoSync, AutoSyncState, AutoSyncStatus, Sanctuary};

use crate::sync::network;

#[test]
fn a_change_through_the_core_reaches_another_laptop_through_the_configured_folder() {
    let (temp, _dirs, mut stores) = network(2);
    let b = stores.pop().unwrap();
    let mut b = b;
    let a = Arc::new(Mutex::new(stores.pop().unwrap()));
    let shared = temp.path().join("shared");
    std::fs::create_dir_all(&shared).unwrap();

    // The folder is this laptop's own setting, read back at "unlock".
    a.lock()
        .unwrap()
        .set_auto_sync_folder(Some(&shared))
        .unwrap();
    let (folder, me) = {
        let a = a.lock().unwrap();
        (a.auto_sync_folder().unwrap(), a.device_id())
    };
    assert_eq!(folder.as_deref(), Some(shared.as_path()));

    let (tx, statuses) = channel::<AutoSyncStatus>();
    let tx = Mutex::new(tx);
    let store = Arc::clone(&a);
    let auto = AutoSync::start(
        Duration::from_millis(100),
        Box::new(move |dir: &Path| Some(store.lock().unwrap().sync_folder(dir))),
        Box::new(move |status: &AutoSyncStatus| {
            let _ = tx.lock().unwrap().send(status.clone());
        }),
    );
    auto.configure(folder, &me);
    let settled = |after: Instant| loop {
        let status = statuses.recv_timeout(Duration::from_secs(20)).unwrap();
        if status.state == AutoSyncState::Idle
            && status.last_synced.is_some()
            && Instant::now() > after
        {
            assert!(status.failure.is_none(), "{status:?}");
            return;
        }
    };
    settled(Instant::now());
    let own = shared.join(&me);
    let names = || -> Vec<String> {
        std::fs::read_dir(&own).map_or(Vec::new(), |dir| {
            dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
    };
    let before = names();

    // An edit, noticed the way the app notices one: the store was written.
    let id = {
        let mut a = a.lock().unwrap();
        let before = a.store().changes();
        let id = a
            .add_ambassador(sanctuary_core::model::Profile::new(
                String::new(),
                "Auto Synced",
                "West Midlands",
                crate::support::day("2024-03-01"),
            ))
            .unwrap();
        a.edit_profile(&id, |p| {
            p.notes = "written on laptop A".into();
            Ok(())
        })
        .unwrap();
        assert!(a.store().changes() > before);
        id
    };
    let edited = Instant::now();
    auto.changed();
    settled(edited);

    let new: Vec<String> = names()
        .into_iter()
        .filter(|n| !before.contains(n))
        .collect();
    assert_eq!(new.len(), 1, "one new bundle after the edit: {new:?}");
    assert!(new[0].ends_with(".bundle"), "{new:?}");
    let report = b.sync_folder(&shared).unwrap();
    assert!(report.imported >= 1, "{report:?}");
    assert!(report.problems.is_empty(), "{report:?}");
    assert_eq!(
        b.ambassador(&id).unwrap().profile.notes,
        "written on laptop A"
    );
    drop(auto);
    // The runner is gone: the store is ours alone again.
    assert_eq!(Arc::strong_count(&a), 1);
    let _: Sanctuary = Arc::try_unwrap(a).ok().unwrap().into_inner().unwrap();
}
