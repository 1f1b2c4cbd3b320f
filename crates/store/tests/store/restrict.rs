//! Self-view: a store restricted to one document reads and writes only that
//! document until the passphrase is given again.

use sanctuary_store::StoreError;

use crate::common::*;

#[test]
fn a_restricted_store_reaches_one_document_and_nothing_else() {
    let (_temp, _dir, mut store) = new_store();
    store
        .write(vec![
            append("alice", 1, b"a1", b"alice snap"),
            append("bob", 1, b"b1", b"bob snap"),
        ])
        .unwrap();
    store.put_meta("setting", b"x").unwrap();

    store.restrict_to("alice").unwrap();
    assert!(store.is_restricted());
    // Alice's document: readable and writable.
    assert_eq!(
        store.read_snapshot("alice").unwrap().unwrap().data,
        b"alice snap"
    );
    assert_eq!(store.read_chunks("alice").unwrap(), vec![b"a1".to_vec()]);
    store
        .write(vec![append("alice", 1, b"a2", b"alice snap 2")])
        .unwrap();
    // Everything else: refused.
    let refused =
        |r: Result<(), StoreError>| assert!(matches!(r, Err(StoreError::Restricted)), "{r:?}");
    refused(store.read_snapshot("bob").map(drop));
    refused(store.read_chunks("bob").map(drop));
    refused(store.read_snapshots().map(drop));
    refused(store.get_meta("setting").map(drop));
    refused(store.put_meta("setting", b"y"));
    refused(store.write(vec![append("bob", 1, b"b2", b"bob snap 2")]));
    refused(store.write(vec![append("carol", 1, b"c1", b"new person")]));
    refused(store.verify().map(drop));

    // A wrong passphrase keeps it restricted; the right one restores everything.
    assert!(matches!(
        store.unrestrict(&pass("wrong")),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(store.is_restricted());
    store.unrestrict(&pass(PASS)).unwrap();
    assert!(!store.is_restricted());
    assert_eq!(
        store.read_snapshot("bob").unwrap().unwrap().data,
        b"bob snap"
    );
    assert_eq!(
        store.read_chunks("alice").unwrap(),
        vec![b"a1".to_vec(), b"a2".to_vec()]
    );
    assert_eq!(store.get_meta("setting").unwrap().unwrap(), b"x");
}

#[test]
fn restricting_to_an_unknown_document_fails_and_keeps_everything_open() {
    let (_temp, _dir, mut store) = new_store();
    store.write(vec![append("alice", 1, b"a1", b"s")]).unwrap();
    assert!(store.restrict_to("nobody").is_err());
    assert!(!store.is_restricted());
}

#[test]
fn checking_a_passphrase_changes_nothing() {
    let (_temp, dir, store) = new_store();
    // SQLite's shared-memory index records readers; the data files must not move.
    let data = |dir| {
        let mut files = dir_bytes(dir);
        files.retain(|name, _| !name.ends_with("-shm"));
        files
    };
    let before = data(&dir);
    store.check_passphrase(&pass(PASS)).unwrap();
    assert!(matches!(
        store.check_passphrase(&pass("not the passphrase")),
        Err(StoreError::WrongPassphrase)
    ));
    assert_eq!(data(&dir), before);
    assert!(!store.is_restricted());
}
