//! Crypto-shredding of bundles: each person's document travels sealed under
//! its own document sync key as well as the network key (see
//! `sanctuary_sync::bundle`), so destroying that key (erasure) makes the
//! person's payload in every old bundle unreadable.
//!
//! - A person's key is made on the first bundle that carries their document
//!   (for people made before this version too), and kept in the store's
//!   `doc_secrets` table, sealed under the store key; erasure deletes it in
//!   the same transaction as the document.
//! - Two laptops that each made a key for the same person keep both; every
//!   laptop seals under the lowest key id it holds, so they converge.
//! - A key is *carried* (wrapped under the network key) in our bundles while
//!   some current member may lack it: from the first bundle of an unbroken
//!   run of bundles that all carried it (`since`), until every current
//!   member has acknowledged one of ours at or after `since`. Every bundle
//!   in a run carries the key, so such an acknowledgement means that member
//!   applied a bundle that held it. A new member, or a key newly learnt,
//!   starts a new run. An invite's bundle carries every key.
//! - A received key is stored unless the person is erased; a payload whose
//!   key this laptop lacks is reported (`missing-person-key`) and the rest
//!   of the bundle still applies.

use std::collections::{BTreeMap, BTreeSet};

use sanctuary_store::DocInfo;
use sanctuary_sync::bundle::DocKeys;
use sanctuary_sync::keys::{DocKey, KeyId};
use zeroize::Zeroizing;

use super::{SyncProgress, decode, encode};
use crate::documents::Kind;
use crate::error::{CoreError, Result};
use crate::model::NetworkDoc;
use crate::sanctuary::erasure::is_erased;
use crate::sanctuary::{CATALOG_DOC, NETWORK_DOC, Sanctuary};

/// Where the carry runs are kept: document id to (since, last) bundle numbers.
const CARRY_META: &str = "sync.key-carry";

/// Every person key this laptop holds, by document.
#[derive(Debug, Default, Clone)]
pub(super) struct HeldKeys(BTreeMap<String, Vec<DocKey>>);

impl HeldKeys {
    /// The key `id`'s payloads are sealed under: the lowest id held.
    pub(super) fn sealing(&self, id: &str) -> Option<&DocKey> {
        self.0.get(id)?.iter().min_by_key(|k| k.id())
    }

    pub(super) fn find(&self, id: &str, key_id: &KeyId) -> Option<DocKey> {
        self.0.get(id)?.iter().find(|k| k.id() == *key_id).cloned()
    }

    fn add(&mut self, id: &str, key: DocKey) -> bool {
        let keys = self.0.entry(id.to_string()).or_default();
        if keys.iter().any(|k| k.id() == key.id()) {
            return false;
        }
        keys.push(key);
        true
    }
}

/// The stored form of one document's keys: (key id, key) pairs.
fn encode_keys(keys: &[DocKey]) -> Result<Vec<u8>> {
    let raw: Vec<(Vec<u8>, Vec<u8>)> = keys
        .iter()
        .map(|k| (k.id().to_vec(), k.as_bytes().to_vec()))
        .collect();
    let out = encode(&raw);
    for (_, key) in raw {
        drop(Zeroizing::new(key));
    }
    out
}

fn decode_keys(id: &str, bytes: &[u8]) -> Result<Vec<DocKey>> {
    let raw: Vec<(Vec<u8>, Vec<u8>)> = decode(bytes, "a person's sync key")?;
    let keys = raw
        .iter()
        .map(|(key_id, key)| {
            DocKey::from_parts(key_id, key).ok_or_else(|| {
                CoreError::Internal(format!("the sync key of {id} has the wrong size"))
            })
        })
        .collect();
    for (_, key) in raw {
        drop(Zeroizing::new(key));
    }
    keys
}

impl Sanctuary {
    /// Every person key in the store.
    pub(super) fn held_keys(&self) -> Result<HeldKeys> {
        let mut held = HeldKeys::default();
        for (id, bytes) in self.store.doc_secrets()? {
            let bytes = Zeroizing::new(bytes);
            held.0.insert(id.clone(), decode_keys(&id, &bytes)?);
        }
        Ok(held)
    }

    /// The person keys of the documents `ids` only: an import reads the
    /// keys of what the bundle holds, not every key in the store.
    pub(super) fn held_keys_for<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<HeldKeys> {
        let mut held = HeldKeys::default();
        for id in ids {
            if held.0.contains_key(id) {
                continue;
            }
            if let Some(bytes) = self.store.doc_secret(id)? {
                let bytes = Zeroizing::new(bytes);
                held.0.insert(id.to_string(), decode_keys(id, &bytes)?);
            }
        }
        Ok(held)
    }

    /// Adds `new` keys to the store (one transaction); each document's
    /// carry run starts again, since our readers may not have them.
    fn store_keys(&mut self, held: &HeldKeys, new: &[String]) -> Result<()> {
        if new.is_empty() {
            return Ok(());
        }
        let mut rows = Vec::with_capacity(new.len());
        for id in new {
            if let Some(keys) = held.0.get(id) {
                rows.push((id.clone(), encode_keys(keys)?));
            }
        }
        self.store.put_doc_secrets(&rows)?;
        for (_, bytes) in rows {
            drop(Zeroizing::new(bytes));
        }
        let mut runs = self.carry_runs()?;
        let before = runs.len();
        runs.retain(|id, _| !new.contains(id));
        if runs.len() != before {
            self.store.put_meta(CARRY_META, &encode(&runs)?)?;
        }
        Ok(())
    }

    fn carry_runs(&self) -> Result<BTreeMap<String, (u64, u64)>> {
        match self.store.get_meta(CARRY_META)? {
            Some(bytes) => decode(&bytes, "the sync key carry state"),
            None => Ok(BTreeMap::new()),
        }
    }

    /// The document keys of bundle `seq`: a key for every person document in
    /// `docs` (made now for any that has none), and the keys to carry (every
    /// one when `carry_all`, for an invite). Records the carry runs unless
    /// `carry_all`.
    pub(super) fn keys_for_bundle(
        &mut self,
        docs: &[DocInfo],
        seq: u64,
        progress: &SyncProgress,
        carry_all: bool,
    ) -> Result<DocKeys> {
        let mut held = self.held_keys()?;
        let mut made = Vec::new();
        for info in docs {
            if info.kind == Kind::Ambassador as u8
                && !is_erased(&self.network, &info.id)
                && held.sealing(&info.id).is_none()
            {
                held.add(&info.id, DocKey::generate()?);
                made.push(info.id.clone());
            }
        }
        self.store_keys(&held, &made)?;

        // Only people's documents are sealed under their own keys (a key a
        // member sent for another kind of document is never used).
        let not_people: BTreeSet<&str> = docs
            .iter()
            .filter(|d| d.kind != Kind::Ambassador as u8)
            .map(|d| d.id.as_str())
            .collect();
        let peers = self.current_peers();
        let acked = |peer: &String| progress.peers.get(peer).map_or(0, |p| p.acked);
        let runs = self.carry_runs()?;
        let mut out = DocKeys::default();
        let mut new_runs = BTreeMap::new();
        for (id, keys) in &held.0 {
            if is_erased(&self.network, id) || not_people.contains(id.as_str()) {
                continue;
            }
            if let Some(key) = held.sealing(id) {
                out.sealing.insert(id.clone(), key.clone());
            }
            let run = runs.get(id).copied();
            let settled = run.is_some_and(|(since, _)| peers.iter().all(|p| acked(p) >= since));
            if carry_all || !settled {
                out.carried
                    .extend(keys.iter().map(|k| (id.clone(), k.clone())));
            }
            let run = match run {
                // Unbroken: the previous bundle of ours carried it too.
                Some((since, last)) if !settled && last == progress.seq => (since, seq),
                Some(run) if settled => run,
                _ => (seq, seq),
            };
            new_runs.insert(id.clone(), run);
        }
        // Settled runs do not change: a quiet network writes nothing here.
        if !carry_all && new_runs != runs {
            self.store.put_meta(CARRY_META, &encode(&new_runs)?)?;
        }
        Ok(out)
    }

    /// Stores the keys a bundle carried that this laptop did not hold,
    /// never one of a person `network` names as erased nor one for a
    /// document that is not a person's. Returns the keys
    /// held afterwards.
    pub(super) fn learn_keys(
        &mut self,
        mut held: HeldKeys,
        carried: Vec<(String, DocKey)>,
        network: &NetworkDoc,
    ) -> Result<HeldKeys> {
        let mut new = Vec::new();
        for (id, key) in carried {
            let not_a_person =
                id == NETWORK_DOC || id == CATALOG_DOC || self.projects.contains_key(&id);
            if not_a_person || is_erased(network, &id) || is_erased(&self.network, &id) {
                continue;
            }
            if held.add(&id, key) && !new.contains(&id) {
                new.push(id);
            }
        }
        self.store_keys(&held, &new)?;
        Ok(held)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use sanctuary_store::{KdfParams, SecretString};
    use sanctuary_sync::SyncError;
    use sanctuary_sync::bundle;
    use sanctuary_sync::keys::NetworkKey;

    use super::*;
    use crate::demo::demo_store;
    use crate::model::{Day, Profile};

    fn passphrase() -> SecretString {
        SecretString::from("a test passphrase".to_string())
    }

    fn invite(from: &mut Sanctuary) -> crate::sanctuary::sync::Invite {
        from.create_invite(KdfParams::MINIMUM, 1).expect("invite")
    }

    fn join(dir: &Path, invite: &crate::sanctuary::sync::Invite, name: &str) -> Sanctuary {
        Sanctuary::join(
            dir,
            &passphrase(),
            KdfParams::MINIMUM,
            &invite.bytes,
            &invite.code,
            name,
        )
        .expect("join")
    }

    /// Every laptop's bundle for anyone, imported by every other, twice
    /// (the second round carries the acknowledgements of the first).
    fn exchange(stores: &mut [Sanctuary]) {
        for _ in 0..2 {
            for i in 0..stores.len() {
                let bytes = stores[i].sync_export(None).expect("export");
                for (j, other) in stores.iter_mut().enumerate() {
                    if j != i {
                        other.sync_import(&bytes).expect("import");
                    }
                }
            }
        }
    }

    /// A founder with six people and two laptops it invited, all in step.
    fn three_laptops(root: &Path) -> Vec<Sanctuary> {
        let mut a = demo_store(&root.join("a"), 6);
        let to_b = invite(&mut a);
        let mut b = join(&root.join("b"), &to_b, "laptop b");
        a.sync_import(&b.sync_export(None).expect("hello"))
            .expect("import hello");
        let to_c = invite(&mut a);
        let c = join(&root.join("c"), &to_c, "laptop c");
        b.sync_import(&a.sync_export(None).expect("news of c"))
            .expect("import");
        let mut stores = vec![a, b, c];
        exchange(&mut stores);
        stores
    }

    fn network_key(s: &Sanctuary, epoch: u32) -> NetworkKey {
        s.network_keys().expect("keys")[&epoch].clone()
    }

    #[test]
    fn a_joining_laptop_gets_every_person_from_its_join_bundle() {
        let temp = tempfile::tempdir().expect("temp dir");
        let stores = three_laptops(temp.path());
        let people = stores[0].ambassadors().len();
        assert!(people >= 6);
        for s in &stores {
            assert_eq!(s.ambassadors().len(), people);
            // Each holds a key for every person, the same ones.
            let held = s.held_keys().expect("held");
            for person in stores[0].ambassadors() {
                let id = person.id();
                assert_eq!(
                    held.sealing(id).map(DocKey::id),
                    stores[0]
                        .held_keys()
                        .expect("held")
                        .sealing(id)
                        .map(DocKey::id),
                );
            }
        }
        // An invite carries every key, however settled.
        let mut a = stores.into_iter().next().expect("a");
        let to_d = invite(&mut a);
        let d = join(&temp.path().join("d"), &to_d, "laptop d");
        assert_eq!(d.ambassadors().len(), people);
    }

    /// The crypto-shredding promise: a bundle made once every member had a
    /// person's key carries only their ciphertext, so after every replica
    /// erased them nobody can open it for that person, network key or not;
    /// replayed, the rest of it still applies.
    #[test]
    fn an_old_bundle_cannot_be_opened_for_an_erased_person_even_with_the_network_key() {
        let temp = tempfile::tempdir().expect("temp dir");
        let mut stores = three_laptops(temp.path());
        let ids: Vec<String> = stores[0]
            .ambassadors()
            .iter()
            .map(|a| a.id().to_string())
            .collect();
        let (erased, other) = (ids[0].clone(), ids[1].clone());

        // B edits both and writes a bundle C does not get yet.
        for id in [&erased, &other] {
            stores[1]
                .edit_profile(id, |p| {
                    p.notes = "written on laptop b".into();
                    Ok(())
                })
                .expect("edit");
        }
        let old = stores[1].sync_export(None).expect("export");
        let parsed = bundle::parse(&old).expect("parse");
        assert_eq!(
            parsed.carried_key_ids().count(),
            0,
            "every member has every key, so none is carried"
        );
        let sealed: Vec<&str> = parsed.sealed_with_doc_keys().map(|(id, _)| id).collect();
        assert!(sealed.contains(&erased.as_str()) && sealed.contains(&other.as_str()));
        // Before the erasure, B's own keys open it.
        let epoch = parsed.header.epoch;
        let key = network_key(&stores[1], epoch);
        let held = stores[1].held_keys().expect("held");
        let opened = parsed
            .open(&key, |id, key_id| held.find(id, key_id))
            .expect("open");
        assert!(opened.missing.is_empty());

        // A erases the person; the tombstone reaches B and C.
        stores[0].erase_ambassador(&erased).expect("erase");
        let news = stores[0].sync_export(None).expect("export");
        stores[1].sync_import(&news).expect("import");
        stores[2].sync_import(&news).expect("import");
        for s in &stores {
            assert!(s.ambassador(&erased).is_err());
            assert_eq!(s.store.doc_secret(&erased).expect("read"), None);
            assert!(s.held_keys().expect("held").sealing(&erased).is_none());
        }

        // The old bundle, with the network key of its epoch: the erased
        // person's payload opens with no key any replica holds ...
        for s in &stores {
            let held = s.held_keys().expect("held");
            let opened = parsed
                .open(&key, |id, key_id| held.find(id, key_id))
                .expect("open");
            assert_eq!(opened.missing, vec![erased.clone()]);
            assert!(opened.docs.iter().any(|d| d.id == other));
        }
        // ... nor with the network key standing in for theirs.
        let (_, key_id) = parsed
            .sealed_with_doc_keys()
            .find(|(id, _)| *id == erased)
            .expect("sealed");
        let stand_in = DocKey::from_parts(&key_id, key.as_bytes()).expect("key");
        assert!(
            parsed
                .open(&key, |id, _| (id == erased).then(|| stand_in.clone()))
                .is_err()
        );

        // Replayed to C, it applies without them.
        let report = stores[2].sync_import(&old).expect("replay");
        assert!(!report.duplicate);
        assert!(
            report.missing_keys.is_empty(),
            "an erased person is not missed"
        );
        assert!(stores[2].ambassador(&erased).is_err());
        assert_eq!(
            stores[2].ambassador(&other).expect("other").profile.notes,
            "written on laptop b"
        );
        assert_eq!(stores[2].store.doc_secret(&erased).expect("read"), None);
    }

    /// Laptops upgraded from a version without person keys each make their
    /// own key for the same people: every laptop ends up holding both,
    /// seals under the same one, reads everyone, and stops carrying them.
    #[test]
    fn keys_made_on_two_laptops_for_the_same_people_converge() {
        let temp = tempfile::tempdir().expect("temp dir");
        let mut stores = three_laptops(temp.path());
        // As stores of the older version were: documents without keys.
        for name in ["a", "b", "c"] {
            let conn = rusqlite::Connection::open(temp.path().join(name).join("store.sqlite3"))
                .expect("raw open");
            conn.execute("DELETE FROM doc_secrets", [])
                .expect("forget keys");
        }
        for s in &stores {
            assert!(s.held_keys().expect("held").0.is_empty());
        }
        let day: Day = "2025-06-01".parse().expect("day");
        let ids: Vec<String> = stores[0]
            .ambassadors()
            .iter()
            .map(|a| a.id().to_string())
            .collect();
        // A and B each edit, export (making their keys), and only then hear of each other.
        let from_a = {
            stores[0]
                .edit_profile(&ids[0], |p| {
                    p.notes = "a".into();
                    Ok(())
                })
                .expect("edit");
            stores[0].sync_export(None).expect("export")
        };
        let from_b = {
            stores[1]
                .edit_profile(&ids[1], |p| {
                    p.notes = "b".into();
                    Ok(())
                })
                .expect("edit");
            stores[1].sync_export(None).expect("export")
        };
        let key_of =
            |s: &Sanctuary, id: &str| s.held_keys().expect("held").sealing(id).map(DocKey::id);
        assert_ne!(key_of(&stores[0], &ids[0]), key_of(&stores[1], &ids[0]));
        for s in stores.iter_mut() {
            s.sync_import(&from_a).expect("import a");
            s.sync_import(&from_b).expect("import b");
        }
        exchange(&mut stores);
        exchange(&mut stores);
        for id in &ids {
            let sealing = key_of(&stores[0], id);
            assert!(sealing.is_some());
            for s in &stores {
                assert_eq!(s.held_keys().expect("held").0[id].len(), 2);
                assert_eq!(
                    key_of(s, id),
                    sealing,
                    "every laptop seals under the same key"
                );
            }
        }
        for s in &stores {
            assert_eq!(s.ambassador(&ids[0]).expect("a").profile.notes, "a");
            assert_eq!(s.ambassador(&ids[1]).expect("b").profile.notes, "b");
        }
        // Settled: a new edit travels without any key.
        stores[2]
            .add_ambassador(Profile::new(String::new(), "Later", "Kent", day))
            .expect("add");
        exchange(&mut stores);
        stores[0]
            .edit_profile(&ids[2], |p| {
                p.notes = "settled".into();
                Ok(())
            })
            .expect("edit");
        let quiet = stores[0].sync_export(None).expect("export");
        assert_eq!(
            bundle::parse(&quiet)
                .expect("parse")
                .carried_key_ids()
                .count(),
            0
        );
        let report = stores[1].sync_import(&quiet).expect("import");
        assert!(report.missing_keys.is_empty());
        assert_eq!(
            stores[1].ambassador(&ids[2]).expect("c").profile.notes,
            "settled"
        );
    }

    /// A payload whose key has not arrived is reported with a code, the rest
    /// applies, and the sender's next bundle carries the key.
    #[test]
    fn a_missing_key_is_reported_and_carried_next_time() {
        let temp = tempfile::tempdir().expect("temp dir");
        let mut stores = three_laptops(temp.path());
        // An invite made before the person exists: its bundle lacks their key.
        let early = invite(&mut stores[0]);
        let day: Day = "2025-05-01".parse().expect("day");
        let id = stores[0]
            .add_ambassador(Profile::new(String::new(), "New Person", "Kent", day))
            .expect("add");
        exchange(&mut stores);
        let settled = stores[0].sync_export(None).expect("export");
        assert_eq!(
            bundle::parse(&settled)
                .expect("parse")
                .carried_key_ids()
                .count(),
            0
        );

        let mut d = join(&temp.path().join("d"), &early, "laptop d");
        let report = d.sync_import(&settled).expect("import");
        assert_eq!(report.missing_keys, vec![id.clone()]);
        assert!(report.gap, "asked for again");
        assert!(d.ambassador(&id).is_err());
        assert_eq!(d.ambassadors().len(), stores[0].ambassadors().len() - 1);
        assert_eq!(
            SyncError::MissingDocKey.code(),
            "missing-person-key",
            "the code the folder report names"
        );

        // D is heard of: A carries the key again, and D reads the person.
        stores[0]
            .sync_import(&d.sync_export(None).expect("hello"))
            .expect("import");
        let next = stores[0].sync_export(None).expect("export");
        assert!(
            bundle::parse(&next)
                .expect("parse")
                .carried_key_ids()
                .any(|(doc, _)| doc == id)
        );
        let report = d.sync_import(&next).expect("import");
        assert!(report.missing_keys.is_empty());
        assert!(d.ambassador(&id).is_ok());
    }
}
