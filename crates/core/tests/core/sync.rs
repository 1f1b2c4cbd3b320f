//! Sync between replicas: bundles in any order, duplicates, a shared folder,
//! joining with an invite, and every refusal leaving the store untouched.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any error"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sanctuary_core::model::*;
use sanctuary_core::{KdfParams, Sanctuary};
use tempfile::TempDir;

use crate::support::*;

/// A founder and `n - 1` laptops that joined it with invites.
pub fn network(n: usize) -> (TempDir, Vec<PathBuf>, Vec<Sanctuary>) {
    let (temp, dir, mut founder) = new_store();
    let mut dirs = vec![dir];
    let mut stores = Vec::new();
    for i in 1..n {
        let invite = founder
            .create_invite(KdfParams::MINIMUM, 7)
            .expect("invite");
        let dir = temp.path().join(format!("store{i}"));
        let s = Sanctuary::join(
            &dir,
            &passphrase(),
            KdfParams::MINIMUM,
            &invite.bytes,
            &invite.code,
            &format!("laptop {i}"),
        )
        .expect("join");
        dirs.push(dir);
        stores.push(s);
    }
    stores.insert(0, founder);
    // Everyone learns about everyone (the founder has all registrations once it hears back).
    exchange_all(&mut stores);
    (temp, dirs, stores)
}

/// Every replica sends a full bundle to every other, twice round.
pub fn exchange_all(stores: &mut [Sanctuary]) {
    for _ in 0..2 {
        let bundles: Vec<Vec<u8>> = stores
            .iter_mut()
            .map(|s| s.sync_export(None).expect("export"))
            .collect();
        for (i, s) in stores.iter_mut().enumerate() {
            for (j, b) in bundles.iter().enumerate() {
                if i != j {
                    s.sync_import(b).expect("import");
                }
            }
        }
    }
}

/// The read model as JSON (sorted) and every document's heads.
pub fn state(s: &mut Sanctuary) -> (serde_json::Value, BTreeMap<String, Vec<String>>) {
    let mut ambassadors: Vec<_> = s.ambassadors().into_iter().cloned().collect();
    ambassadors.sort_by(|a, b| a.id().cmp(b.id()));
    let mut projects: Vec<_> = s.projects().into_iter().cloned().collect();
    projects.sort_by(|a, b| a.id().cmp(b.id()));
    let json = serde_json::json!({
        "ambassadors": ambassadors,
        "projects": projects,
        "catalog": s.catalog(),
        "network": s.network(),
    });
    (json, s.document_heads().expect("heads"))
}

pub fn assert_converged(stores: &mut [Sanctuary]) {
    let first = state(&mut stores[0]);
    for s in stores.iter_mut().skip(1) {
        let other = state(s);
        assert_eq!(first.1, other.1, "document heads differ");
        assert_eq!(first.0, other.0, "read models differ");
    }
}

/// Every file of a store directory, byte for byte.
pub fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            out.insert(path.clone(), std::fs::read(&path).expect("read"));
        }
    }
    out
}

fn profile(name: &str) -> Profile {
    Profile::new(String::new(), name, "West Midlands", day("2024-03-01"))
}

/// Concurrent edits of every entity kind on replica `i`.
fn edit_everything(s: &mut Sanctuary, i: usize, shared_ambassador: &str, shared_project: &str) {
    let tag = format!("r{i}");
    let course = course(s, &format!("Course {tag}"), Some(12));
    let new_one = s.add_ambassador(profile(&format!("Person {tag}"))).unwrap();
    s.edit_profile(shared_ambassador, |p| {
        p.notes = format!("notes from {tag}");
        p.skills.insert(&format!("skill {tag}"));
        Ok(())
    })
    .unwrap();
    s.add_consent(
        shared_ambassador,
        Consent {
            id: String::new(),
            scope: ConsentScope::Contact,
            agreed: true,
            date: day("2025-01-01"),
            recorded_by: format!("coordinator {tag}"),
            review: None,
            note: None,
        },
    )
    .unwrap();
    s.record_training(
        &new_one,
        // From JSON, so optional fields added later need no change here.
        serde_json::from_value::<TrainingRecord>(serde_json::json!({
            "id": "",
            "course_id": course,
            "completed": "2025-02-01",
            "trainer": format!("Trainer {tag}"),
        }))
        .unwrap(),
    )
    .unwrap();
    s.log_contribution(
        shared_ambassador,
        Contribution {
            id: String::new(),
            project_id: None,
            date: day("2025-03-01"),
            role: format!("speaker {tag}"),
            stream: Stream::Other,
            minutes: 90,
        },
    )
    .unwrap();
    s.log_recognition(
        shared_ambassador,
        Recognition {
            id: String::new(),
            date: day("2025-03-02"),
            kind: RecognitionKind::Thanks,
            amount_pence: None,
            description: Some(format!("thanks {tag}")),
            project_id: None,
            expense: None,
            review: None,
            contribution_id: None,
        },
        false,
    )
    .unwrap();
    s.edit_project(shared_project, |p| {
        p.description = format!("described by {tag}");
        p.places += 1;
        Ok(())
    })
    .unwrap();
}

fn seed(s: &mut Sanctuary) -> (String, String) {
    let a = s.add_ambassador(profile("Shared person")).unwrap();
    let p = s
        .add_project(Project::new(
            String::new(),
            "Shared project",
            Stream::Other,
            Level::Local,
            day("2026-01-01"),
        ))
        .unwrap();
    (a, p)
}

#[test]
fn three_replicas_converge_whatever_the_order() {
    let (_temp, _dirs, mut stores) = network(3);
    let (a, p) = seed(&mut stores[0]);
    exchange_all(&mut stores);
    for (i, s) in stores.iter_mut().enumerate() {
        edit_everything(s, i, &a, &p);
    }
    let bundles: Vec<Vec<u8>> = stores
        .iter_mut()
        .map(|s| s.sync_export(None).unwrap())
        .collect();
    // Replica 0 gets 2 then 1; replica 1 gets 0 then 2 then 0 again; replica 2 gets 1 then 0.
    stores[0].sync_import(&bundles[2]).unwrap();
    stores[0].sync_import(&bundles[1]).unwrap();
    stores[1].sync_import(&bundles[0]).unwrap();
    stores[1].sync_import(&bundles[2]).unwrap();
    let again = stores[1].sync_import(&bundles[0]).unwrap();
    assert!(again.duplicate);
    stores[2].sync_import(&bundles[1]).unwrap();
    stores[2].sync_import(&bundles[0]).unwrap();
    assert_converged(&mut stores);
    let shared = stores[2].ambassador(&a).unwrap().clone();
    assert_eq!(shared.consents.len(), 3);
    assert_eq!(shared.contributions.len(), 3);
    assert_eq!(stores[2].ambassadors().len(), 4);
    assert_eq!(stores[2].courses().len(), 3);
}

#[test]
fn changes_are_relayed_and_survive_a_reopen() {
    let (_temp, dirs, mut stores) = network(3);
    let id = stores[0].add_ambassador(profile("Relayed")).unwrap();
    let from_0 = stores[0].sync_export(None).unwrap();
    stores[1].sync_import(&from_0).unwrap();
    // 2 never hears from 0 directly: 1 passes 0's changes on.
    let from_1 = stores[1].sync_export(None).unwrap();
    stores[2].sync_import(&from_1).unwrap();
    assert_eq!(
        stores[2].ambassador(&id).unwrap().profile.display_name,
        "Relayed"
    );
    drop(stores);
    let mut reopened: Vec<Sanctuary> = dirs.iter().map(|d| reopen(d)).collect();
    assert_eq!(
        reopened[2].ambassador(&id).unwrap().profile.display_name,
        "Relayed"
    );
    for (from, to) in [(2, 0), (0, 2), (2, 1)] {
        let bundle = reopened[from].sync_export(None).unwrap();
        reopened[to].sync_import(&bundle).unwrap();
    }
    assert_converged(&mut reopened);
}

#[test]
fn bundles_for_a_peer_hold_only_what_it_has_not_acknowledged() {
    let (_temp, _dirs, mut stores) = network(2);
    for i in 0..20 {
        stores[0]
            .add_ambassador(profile(&format!("Person {i}")))
            .unwrap();
    }
    let peer = stores[1].device_id();
    let first = stores[0].sync_export(Some(&peer)).unwrap();
    stores[1].sync_import(&first).unwrap();
    let ack = stores[1].sync_export(None).unwrap();
    stores[0].sync_import(&ack).unwrap();
    let id = stores[0].ambassadors()[0].id().to_string();
    stores[0]
        .edit_profile(&id, |p| {
            p.notes = "one edit".into();
            Ok(())
        })
        .unwrap();
    let delta = stores[0].sync_export(Some(&peer)).unwrap();
    assert!(
        delta.len() * 4 < first.len(),
        "{} vs {}",
        delta.len(),
        first.len()
    );
    let report = stores[1].sync_import(&delta).unwrap();
    assert_eq!(report.changed, 1);
    assert!(!report.gap);
    assert_converged(&mut stores);
}

#[test]
fn a_shared_folder_brings_everyone_together() {
    let (temp, _dirs, mut stores) = network(3);
    let folder = temp.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    let (a, p) = seed(&mut stores[1]);
    for _ in 0..2 {
        for s in stores.iter_mut() {
            s.sync_folder(&folder).unwrap();
        }
    }
    for (i, s) in stores.iter_mut().enumerate() {
        edit_everything(s, i, &a, &p);
    }
    // Another sync program's leftovers are ignored.
    let other = stores[0].device_id();
    std::fs::write(
        folder.join(&other).join(".syncthing.9.bundle.tmp"),
        b"partial",
    )
    .unwrap();
    std::fs::write(folder.join(&other).join("9.bundle"), b"SNCTBNDL\0\x01half").unwrap();
    for _ in 0..2 {
        for s in stores.iter_mut() {
            s.sync_folder(&folder).unwrap();
        }
    }
    assert_converged(&mut stores);
    // Nothing new: a further pass writes no file.
    let written = stores[2].sync_folder(&folder).unwrap().written;
    assert_eq!(written, None);
}

pub fn refused(dir: &Path, bytes: &[u8], code: &str) {
    let before = files(dir);
    {
        let mut s = reopen(dir);
        let error = s.sync_import(bytes).expect_err("must be refused");
        assert_eq!(error.code(), code, "{error}");
    }
    assert_eq!(before, files(dir), "a refused bundle changed the store");
}

#[test]
fn refusals_change_nothing() {
    let (temp, dirs, mut stores) = network(2);
    stores[0].add_ambassador(profile("Someone")).unwrap();
    let good = stores[0].sync_export(None).unwrap();
    let (_other_temp, _other_dir, mut stranger) = new_store();
    stranger.add_ambassador(profile("Stranger")).unwrap();
    let foreign = stranger.sync_export(None).unwrap();
    drop(stores);

    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x40;
    let mut future = good.clone();
    future[9] = 4;
    refused(&dirs[1], &flipped, "bundle-altered");
    refused(&dirs[1], &good[..good.len() - 1], "bundle-altered");
    refused(&dirs[1], &good[..good.len() / 3], "bundle-altered");
    refused(&dirs[1], &foreign, "other-network");
    refused(&dirs[1], &future, "newer-version");
    refused(&dirs[1], b"not a bundle at all", "not-a-bundle");
    let _ = temp;
}

#[test]
fn a_wrong_code_or_a_used_up_invite_is_refused() {
    let (temp, _dir, mut founder) = new_store();
    let invite = founder.create_invite(KdfParams::MINIMUM, 7).unwrap();
    let dir = temp.path().join("joiner");
    let wrong = Sanctuary::join(
        &dir,
        &passphrase(),
        KdfParams::MINIMUM,
        &invite.bytes,
        "AAAA-BBBB-CCCC",
        "x",
    )
    .err()
    .unwrap();
    assert_eq!(wrong.code(), "wrong-code");
    assert!(!sanctuary_core::store_exists(&dir));
    let expired = founder.create_invite(KdfParams::MINIMUM, 0).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let err = Sanctuary::join(
        &dir,
        &passphrase(),
        KdfParams::MINIMUM,
        &expired.bytes,
        &expired.code,
        "x",
    )
    .err()
    .unwrap();
    assert_eq!(err.code(), "invite-expired");

    // Two laptops joining with one invite: members accept only one of them.
    let a = Sanctuary::join(
        &temp.path().join("a"),
        &passphrase(),
        KdfParams::MINIMUM,
        &invite.bytes,
        &invite.code,
        "a",
    )
    .unwrap();
    let mut b = Sanctuary::join(
        &temp.path().join("b"),
        &passphrase(),
        KdfParams::MINIMUM,
        &invite.bytes,
        &invite.code,
        "b",
    )
    .unwrap();
    let mut a = a;
    founder.sync_import(&a.sync_export(None).unwrap()).unwrap();
    let err = founder
        .sync_import(&b.sync_export(None).unwrap())
        .unwrap_err();
    assert_eq!(err.code(), "invite-used");
    let relayed = founder.sync_export(None).unwrap();
    b.sync_import(&relayed).unwrap_err();
}

/// A first sync of many documents takes the parallel path and stores the
/// received bytes as they came: they reload after a reopen, and later edits
/// on either side still merge.
#[test]
fn a_large_first_sync_reloads_and_keeps_merging() {
    let (_temp, dirs, mut stores) = network(2);
    for i in 0..40 {
        stores[0]
            .add_ambassador(profile(&format!("Bulk {i}")))
            .unwrap();
    }
    let bundle = stores[0].sync_export(None).unwrap();
    assert!(stores[1].sync_import(&bundle).unwrap().changed >= 40);
    let id = stores[1].ambassador("Bulk 3").unwrap().id().to_string();
    stores[1]
        .edit_profile(&id, |p| {
            p.notes = "edited after the first sync".into();
            Ok(())
        })
        .unwrap();
    drop(stores);
    let mut stores: Vec<Sanctuary> = dirs.iter().map(|d| reopen(d)).collect();
    let back = stores[1].sync_export(None).unwrap();
    stores[0].sync_import(&back).unwrap();
    assert_eq!(
        stores[0].ambassador(&id).unwrap().profile.notes,
        "edited after the first sync"
    );
    assert_converged(&mut stores);
}

/// A member's properly signed and sealed bundle carrying a change written
/// by a device that is not in the network is refused whole (authors are
/// read from the change graph's metadata): for a document the receiver has,
/// for a new one sent as change chunks, and for a new one sent compacted.
/// The same bundle with the member's own change is accepted, so it is the
/// author that is refused.
#[test]
fn changes_by_a_non_member_are_refused() {
    use automerge::transaction::Transactable;
    use automerge::{ActorId, AutoCommit, ROOT, ReadDoc};
    use sanctuary_sync::bundle::{self, DocPayload, Header, Wraps};
    use sanctuary_sync::keys::{NetworkKey, SigningKey, from_hex};

    let (_temp, dirs, mut stores) = network(2);
    let id = stores[0].add_ambassador(profile("Known")).unwrap();
    exchange_all(&mut stores);
    let founder = &stores[0];
    let store = founder.store();
    let signer =
        SigningKey::from_pkcs8(&store.get_meta("sync.device-key").unwrap().unwrap()).unwrap();
    let keys: Vec<(u32, Vec<u8>)> =
        postcard::from_bytes(&store.get_meta("sync.network-keys").unwrap().unwrap()).unwrap();
    let (epoch, key) = keys.last().unwrap();
    let key = NetworkKey::from_bytes(key).unwrap();
    let chunks = store.read_chunks(&id).unwrap();
    let stored = chunks.concat();

    let edited_by = |actor: ActorId| {
        let mut doc = AutoCommit::load(&stored).unwrap();
        let heads = doc.get_heads();
        doc.set_actor(actor);
        let profile = doc.get(ROOT, "profile").unwrap().unwrap().1;
        doc.put(&profile, "notes", "who wrote this?").unwrap();
        doc.commit();
        let change = doc.save_after(&heads);
        (change, doc.save())
    };
    let network_id = founder.network().id.clone();
    let sender = from_hex(&founder.device_id()).unwrap();
    let founder_actor = ActorId::from(sender.clone());
    // Above the founder's own numbers (microseconds), so none reads as old.
    let mut seq = 1 << 60;
    let mut bundle_of = |docs: Vec<DocPayload>| {
        seq += 1;
        let header = Header {
            network_id: network_id.clone(),
            epoch: *epoch,
            sender: sender.clone(),
            recipient: Vec::new(),
            seq,
            base: 0,
            prev_hash: [0; 32],
            created: 0,
            acks: Vec::new(),
            wraps: Wraps::default(),
        };
        bundle::write(&header, &docs, &key, &signer).unwrap()
    };
    let payload = |id: &str, data: Vec<u8>| DocPayload {
        id: id.to_string(),
        kind: 1,
        data,
    };

    let (change, compacted) = edited_by(ActorId::random());
    let existing = bundle_of(vec![payload(&id, change.clone())]);
    let mut as_changes = stored.clone();
    as_changes.extend_from_slice(&change);
    let new_as_changes = bundle_of(vec![payload("0123456789abcdef", as_changes)]);
    let new_compacted = bundle_of(vec![payload("fedcba9876543210", compacted)]);
    let (own_change, _) = edited_by(founder_actor);
    let control = bundle_of(vec![payload(&id, own_change)]);
    drop(stores);

    refused(&dirs[1], &existing, "not-a-member");
    refused(&dirs[1], &new_as_changes, "not-a-member");
    refused(&dirs[1], &new_compacted, "not-a-member");
    let mut receiver = reopen(&dirs[1]);
    let report = receiver.sync_import(&control).unwrap();
    assert_eq!(report.changed, 1);
    assert_eq!(
        receiver.ambassador(&id).unwrap().profile.notes,
        "who wrote this?"
    );
}
