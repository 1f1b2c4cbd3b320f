//! Property: the bundle and invite readers return an error, never panic,
//! on any bytes: random ones, and valid files with bytes flipped, cut or
//! inserted. Fuzz crashers are kept in `regressions/` and replayed here.

#![allow(
    clippy::unwrap_used,
    reason = "test fixtures fail the test on any error"
)]

use proptest::prelude::*;
use sanctuary_sync::bundle::{self, DocKeys, DocPayload, Header, Wraps};
use sanctuary_sync::invite::{self, InviteKdf};
use sanctuary_sync::keys::{DocKey, NetworkKey, SigningKey};

/// Everything a receiving laptop would do with the bytes, up to decryption.
fn read_bundle(bytes: &[u8], signer: &[u8], key: &NetworkKey) {
    if let Ok(b) = bundle::parse(bytes) {
        let _ = b.documents().count();
        let _ = b.verify(signer);
        let _ = b.carried_keys(key);
        // The reader holds a key for every document: the one with id [1; 8] and bytes [3; 32].
        let _ = b.open(key, |_, _| DocKey::from_parts(&[1; 8], &[3; 32]));
    }
}

fn read_invite(bytes: &[u8]) {
    // A code of the wrong length parses the whole header without an Argon2id run.
    let _ = invite::open(bytes, "", 0);
}

fn valid_bundle() -> (Vec<u8>, [u8; 32], NetworkKey) {
    let key = NetworkKey::from_bytes(&[9; 32]).unwrap();
    let signer = SigningKey::generate().unwrap();
    let header = Header {
        network_id: "net".into(),
        epoch: 2,
        sender: vec![1; 16],
        recipient: vec![],
        seq: 4,
        base: 3,
        prev_hash: [5; 32],
        created: 1_700_000_000,
        acks: vec![(vec![2; 16], 1)],
        wraps: Wraps {
            by: b"remover".to_vec(),
            keys: vec![(b"member".to_vec(), vec![3; 60])],
        },
    };
    let docs = vec![
        DocPayload {
            id: "network".into(),
            kind: 4,
            data: b"changes".to_vec(),
        },
        DocPayload {
            id: "person-1".into(),
            kind: 1,
            data: b"profile".to_vec(),
        },
    ];
    // Version 3: one document under its own key, carried in the keys section.
    let doc_key = DocKey::from_parts(&[1; 8], &[3; 32]).unwrap();
    let keys = DocKeys {
        sealing: [("person-1".to_string(), doc_key.clone())].into(),
        carried: vec![("person-1".to_string(), doc_key)],
    };
    let bytes = bundle::write_with_keys(&header, &docs, &keys, &key, &signer).unwrap();
    (bytes, signer.public_key(), key)
}

fn valid_invite() -> Vec<u8> {
    let kdf = InviteKdf {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };
    invite::seal(b"payload", "ABCD-EFGH-JKMN", kdf, 1_900_000_000).unwrap()
}

/// A valid file, then one edit: flip, cut or insert.
fn mutate(mut bytes: Vec<u8>, at: usize, value: u8, how: u8) -> Vec<u8> {
    let at = at % (bytes.len() + 1);
    match how % 3 {
        0 if at < bytes.len() => bytes[at] ^= value | 1,
        1 => bytes.truncate(at),
        _ => bytes.insert(at, value),
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let key = NetworkKey::from_bytes(&[9; 32]).unwrap();
        read_bundle(&bytes, &[7; 32], &key);
        read_invite(&bytes);
        // Behind a valid magic and version, so the parser gets past the first check.
        for version in [1u8, 2, 3] {
            let mut as_bundle = b"SNCTBNDL\0".to_vec();
            as_bundle.push(version);
            as_bundle.extend_from_slice(&bytes);
            read_bundle(&as_bundle, &[7; 32], &key);
        }
        let mut as_invite = b"SNCTINVT\0\x01".to_vec();
        as_invite.extend_from_slice(&bytes);
        read_invite(&as_invite);
    }

    #[test]
    fn edited_bundles_never_panic(at in any::<usize>(), value in any::<u8>(), how in any::<u8>()) {
        let (bytes, signer, key) = valid_bundle();
        let edited = mutate(bytes, at, value, how);
        read_bundle(&edited, &signer, &key);
    }
}

#[test]
fn edited_invites_never_panic() {
    let bytes = valid_invite();
    for at in 0..=bytes.len() {
        for how in 0..3 {
            read_invite(&mutate(bytes.clone(), at, 0x5a, how));
        }
    }
}

/// Every input a fuzz run found a crash with, replayed through both readers.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sync/regressions");
    let key = NetworkKey::from_bytes(&[9; 32]).unwrap();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "bin") {
            let bytes = std::fs::read(&path).unwrap();
            read_bundle(&bytes, &[7; 32], &key);
            read_invite(&bytes);
        }
    }
}
