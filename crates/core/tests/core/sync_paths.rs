//! Sync whatever the path: several shared folders, a USB bundle, a laptop
//! restored from an older copy, bundles lost and duplicated. Everything
//! converges; every gap is reported, then repaired by the next exchange;
//! and a pass with nothing new writes nothing.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any error"
)]

use std::path::{Path, PathBuf};

use sanctuary_core::model::*;
use sanctuary_core::{FolderReport, Sanctuary, SyncProblem, SyncProblemKind};

use crate::support::*;
use crate::sync::{assert_converged, files, network};

fn set_notes(s: &mut Sanctuary, id: &str, text: &str) {
    s.edit_profile(id, |p| {
        p.notes = text.to_string();
        Ok(())
    })
    .unwrap();
}

fn notes(s: &Sanctuary, id: &str) -> String {
    s.ambassador(id).unwrap().profile.notes.clone()
}

fn new_person(s: &mut Sanctuary, name: &str) -> String {
    s.add_ambassador(Profile::new(
        String::new(),
        name,
        "West Midlands",
        day("2024-03-01"),
    ))
    .unwrap()
}

/// Passes over every folder by each of its laptops until a whole round
/// imports and writes nothing. Returns every problem reported on the way.
fn settle(stores: &mut [Sanctuary], folders: &[(&Path, &[usize])]) -> Vec<SyncProblem> {
    let mut problems = Vec::new();
    for _ in 0..10 {
        let mut busy = false;
        for (dir, members) in folders {
            for i in *members {
                let r: FolderReport = stores[*i].sync_folder(dir).unwrap();
                busy |= r.written.is_some() || r.imported > 0;
                problems.extend(r.problems);
            }
        }
        if !busy {
            return problems;
        }
    }
    panic!("the folders never settled");
}

fn is_gap(problem: &SyncProblem) -> bool {
    problem.kind == SyncProblemKind::Gap
        && problem
            .to_string()
            .contains("build on some this laptop has not received")
}

/// The files of a store directory, copied as a backup would.
fn copy_store(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for (path, bytes) in files(from) {
        std::fs::write(to.join(path.file_name().unwrap()), bytes).unwrap();
    }
}

fn folder(temp: &Path, name: &str) -> PathBuf {
    let dir = temp.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The path the issue found broken: a laptop syncs to a USB folder, then
/// to the shared folder. The shared folder's bundle still carries what
/// the USB one did, and every later edit of the same person arrives.
#[test]
fn a_usb_folder_then_the_shared_folder_loses_nothing() {
    let (temp, _dirs, mut stores) = network(2);
    let shared = folder(temp.path(), "shared");
    let usb = folder(temp.path(), "usb");
    settle(&mut stores, &[(&shared, &[0, 1])]);
    let id = new_person(&mut stores[0], "Travels by USB");
    set_notes(&mut stores[0], &id, "written before the USB stick");
    stores[0].sync_folder(&usb).unwrap();
    set_notes(&mut stores[0], &id, "written before the shared folder");
    let problems = settle(&mut stores, &[(&shared, &[0, 1])]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(notes(&stores[1], &id), "written before the shared folder");
    set_notes(&mut stores[0], &id, "a later edit");
    settle(&mut stores, &[(&shared, &[0, 1])]);
    assert_eq!(notes(&stores[1], &id), "a later edit");
    // Reading the USB folder afterwards changes nothing and reports nothing.
    let late = stores[1].sync_folder(&usb).unwrap();
    assert_eq!((late.changed, late.problems.len()), (0, 0), "{late:?}");
    assert_converged(&mut stores);
}

/// Three laptops, two folders (A-B-C and B-C), USB bundles lost and
/// delivered twice, and laptop C restored from a copy older than its
/// last syncs: C reports what it lacks, asks, and gets it all back.
#[test]
fn three_laptops_two_folders_usb_and_a_restored_laptop_converge() {
    let (temp, dirs, mut stores) = network(3);
    let (a, b, c) = (0, 1, 2);
    let everyone = folder(temp.path(), "everyone");
    let pair = folder(temp.path(), "b-and-c");
    let folders: [(&Path, &[usize]); 2] = [(&everyone, &[a, b, c]), (&pair, &[b, c])];
    let person = new_person(&mut stores[a], "Shared person");
    assert!(settle(&mut stores, &folders).is_empty());

    // A copy of C's store, as a backup drive holds it.
    let backup = temp.path().join("backup-of-c");
    stores.pop();
    copy_store(&dirs[c], &backup);
    stores.push(reopen(&dirs[c]));

    // After the copy: C works and syncs through the B-C folder only.
    let cs_person = new_person(&mut stores[c], "Added on C after the backup");
    set_notes(&mut stores[c], &person, "C's edit after the backup");
    stores[c].sync_folder(&pair).unwrap();
    stores[b].sync_folder(&pair).unwrap();
    assert!(stores[b].ambassador(&cs_person).is_ok());
    assert!(settle(&mut stores, &folders).is_empty());
    assert_eq!(notes(&stores[a], &person), "C's edit after the backup");

    // A USB bundle from B for A is lost; the next one is delivered twice.
    let a_id = stores[a].device_id();
    set_notes(&mut stores[b], &person, "B's edit on the lost stick");
    let _lost = stores[b].sync_export(Some(&a_id)).unwrap();
    let b_only = new_person(&mut stores[b], "Sent by USB");
    let stick = stores[b].sync_export(Some(&a_id)).unwrap();
    let first = stores[a].sync_import(&stick).unwrap();
    assert!(!first.gap && !first.duplicate, "{first:?}");
    assert!(stores[a].sync_import(&stick).unwrap().duplicate);
    assert_eq!(notes(&stores[a], &person), "B's edit on the lost stick");
    assert!(stores[a].ambassador(&b_only).is_ok());

    // C's disk dies; it is restored from the copy, which lacks its own
    // later work and everything it heard since.
    stores.pop();
    std::fs::remove_dir_all(&dirs[c]).unwrap();
    copy_store(&backup, &dirs[c]);
    stores.push(reopen(&dirs[c]));
    assert!(stores[c].ambassador(&cs_person).is_err());

    // B hands C a USB bundle built on what C acknowledged before its disk
    // died: C finds it builds on changes it no longer has, and says so.
    let c_id = stores[c].device_id();
    let stick = stores[b].sync_export(Some(&c_id)).unwrap();
    let report = stores[c].sync_import(&stick).unwrap();
    assert!(report.gap && !report.duplicate, "{report:?}");
    let status = stores[c].sync_status().unwrap();
    let from_b = status.iter().find(|p| p.device == stores[b].device_id());
    assert!(
        from_b.is_some_and(|p| !p.missing.is_empty() && !p.up_to_date),
        "{status:?}"
    );

    // The next exchange repairs it.
    let later = settle(&mut stores, &folders);
    assert!(later.iter().all(is_gap), "{later:?}");
    assert!(stores[c].ambassador(&cs_person).is_ok());
    assert!(stores[c].ambassador(&b_only).is_ok());
    for s in &stores {
        for peer in s.sync_status().unwrap() {
            assert!(peer.missing.is_empty(), "{peer:?}");
        }
    }
    // Once settled nothing is reported any more, and C edits again.
    assert!(settle(&mut stores, &folders).is_empty());
    set_notes(&mut stores[c], &person, "C again, after the restore");
    assert!(settle(&mut stores, &folders).is_empty());
    assert_eq!(notes(&stores[a], &person), "C again, after the restore");
    assert_converged(&mut stores);
}

/// With nothing new, a pass over the folder writes no file and leaves the
/// store's files byte for byte as they were; each laptop keeps at most its
/// newest bundle once the others have it.
#[test]
fn idle_passes_write_nothing_and_old_bundles_go() {
    let (temp, dirs, mut stores) = network(2);
    let shared = folder(temp.path(), "shared");
    let id = new_person(&mut stores[0], "Someone");
    for round in 0..4 {
        set_notes(&mut stores[round % 2], &id, &format!("round {round}"));
        settle(&mut stores, &[(&shared, &[0, 1])]);
    }
    for s in &stores {
        let own = s.device_id();
        let left = std::fs::read_dir(shared.join(&own)).unwrap().count();
        assert!(left <= 1, "{left} bundles of {own} left");
    }
    let before: Vec<_> = dirs.iter().map(|d| files(d)).collect();
    for s in stores.iter_mut() {
        let r = s.sync_folder(&shared).unwrap();
        assert_eq!(r, FolderReport::default());
    }
    let after: Vec<_> = dirs.iter().map(|d| files(d)).collect();
    assert!(before == after, "an idle pass changed a store file");
    for s in &stores {
        for peer in s.sync_status().unwrap() {
            assert!(peer.up_to_date, "{peer:?}");
        }
    }
    assert_converged(&mut stores);
}

/// A huge (sparse) file with a bundle's name is refused from its size
/// alone, every pass, and nothing else is disturbed.
#[test]
fn a_huge_file_in_the_folder_is_refused_without_being_read() {
    let (temp, _dirs, mut stores) = network(2);
    let shared = folder(temp.path(), "shared");
    // Named as a device's bundle would be (the size is checked first).
    let stranger = shared.join("abcdef12");
    std::fs::create_dir_all(&stranger).unwrap();
    let huge = std::fs::File::create(stranger.join("5.bundle")).unwrap();
    huge.set_len(1 << 40).unwrap();
    let id = new_person(&mut stores[1], "Arrives anyway");
    stores[1].sync_folder(&shared).unwrap();
    let r = stores[0].sync_folder(&shared).unwrap();
    assert_eq!(r.skipped, 1);
    let refused = &r.problems[0];
    assert_eq!(refused.kind, SyncProblemKind::Refused);
    assert_eq!(refused.code.as_deref(), Some("bundle-too-large"), "{r:?}");
    assert_eq!(refused.file, "abcdef12/5.bundle");
    assert!(refused.to_string().contains("too large"), "{r:?}");
    assert!(stores[0].ambassador(&id).is_ok());
}

/// One step of a random mix of transports.
#[derive(Debug, Clone)]
enum Step {
    /// Laptop `at` edits the shared person's notes.
    Edit { at: usize, text: u8 },
    /// Laptop `at` passes over folder `folder` (0: everyone's, 1: B and C's).
    Pass { at: usize, folder: usize },
    /// A USB bundle from `from` to `to` (for that peer, or for anyone),
    /// lost on the way, or delivered twice.
    Usb {
        from: usize,
        to: usize,
        for_peer: bool,
        lost: bool,
        twice: bool,
    },
    /// Another program loses a bundle of `at`'s from the folder.
    Vanish { at: usize, folder: usize },
}

fn step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    prop_oneof![
        (0..3usize, any::<u8>()).prop_map(|(at, text)| Step::Edit { at, text }),
        (0..3usize, 0..2usize).prop_map(|(at, folder)| Step::Pass { at, folder }),
        (
            0..3usize,
            0..3usize,
            any::<bool>(),
            any::<bool>(),
            any::<bool>()
        )
            .prop_map(|(from, to, for_peer, lost, twice)| Step::Usb {
                from,
                to,
                for_peer,
                lost,
                twice
            }),
        (0..3usize, 0..2usize).prop_map(|(at, folder)| Step::Vanish { at, folder }),
    ]
}

/// Property: whatever mix of folder passes, USB bundles (lost, duplicated)
/// and bundles vanishing from a folder, once the laptops keep passing over
/// the shared folder they converge, and nothing is left missing.
#[test]
fn random_mixes_of_transports_and_losses_converge() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    let (temp, _dirs, stores) = network(3);
    let everyone = folder(temp.path(), "everyone");
    let pair = folder(temp.path(), "b-and-c");
    let mut stores = stores;
    let person = new_person(&mut stores[0], "Shared person");
    settle(&mut stores, &[(&everyone, &[0, 1, 2])]);
    let mut runner = TestRunner::new(Config {
        cases: 12,
        failure_persistence: None,
        ..Config::default()
    });
    let stores = std::cell::RefCell::new(stores);
    runner
        .run(&prop::collection::vec(step(), 1..14), |steps| {
            let mut stores = stores.borrow_mut();
            let folders = [&everyone, &pair];
            for step in &steps {
                match *step {
                    Step::Edit { at, text } => {
                        set_notes(&mut stores[at], &person, &format!("{text} from {at}"));
                    }
                    // Laptop A is not in the B-C folder.
                    Step::Pass { at: 0, folder: 1 } => {}
                    Step::Pass { at, folder } => {
                        stores[at].sync_folder(folders[folder]).unwrap();
                    }
                    Step::Usb {
                        from,
                        to,
                        for_peer,
                        lost,
                        twice,
                    } if from != to => {
                        let peer = for_peer.then(|| stores[to].device_id());
                        let bundle = stores[from].sync_export(peer.as_deref()).unwrap();
                        if !lost {
                            stores[to].sync_import(&bundle).unwrap();
                            if twice {
                                assert!(stores[to].sync_import(&bundle).unwrap().duplicate);
                            }
                        }
                    }
                    Step::Usb { .. } => {}
                    Step::Vanish { at, folder } => {
                        let own = folders[folder].join(stores[at].device_id());
                        if let Some(Ok(file)) = std::fs::read_dir(&own).into_iter().flatten().next()
                        {
                            std::fs::remove_file(file.path()).unwrap();
                        }
                    }
                }
            }
            let problems = settle(&mut stores, &[(&everyone, &[0, 1, 2])]);
            prop_assert!(problems.iter().all(is_gap), "{problems:?}");
            for s in stores.iter() {
                for peer in s.sync_status().unwrap() {
                    prop_assert!(peer.missing.is_empty(), "{peer:?}");
                }
            }
            assert_converged(&mut stores);
            Ok(())
        })
        .unwrap();
}
