//! Creating, opening, locking and re-keying a store.

use std::time::Duration;

use sanctuary_store::{KdfParams, Store, StoreError};

use crate::common::*;

#[test]
fn create_then_open_round_trips() {
    let (_tmp, dir, mut store) = new_store();
    assert!(Store::exists(&dir));
    assert_eq!(store.dir(), dir);
    assert_eq!(store.kdf_params(), KdfParams::MINIMUM);
    assert!(store.kdf_duration() > Duration::ZERO);
    store
        .write(vec![append("doc-1", 3, b"chunk", b"snap")])
        .expect("write");
    store.put_meta("actor", b"actor-bytes").expect("meta");
    drop(store);

    let store = reopen(&dir);
    let snaps = store.read_snapshots().expect("snapshots");
    assert_eq!(snaps.len(), 1);
    assert_eq!(
        (
            snaps[0].id.as_str(),
            snaps[0].kind,
            snaps[0].first_seq,
            snaps[0].last_seq
        ),
        ("doc-1", 3, 1, 1)
    );
    assert_eq!(snaps[0].data, b"snap");
    assert_eq!(
        store.read_chunks("doc-1").expect("chunks"),
        vec![b"chunk".to_vec()]
    );
    assert_eq!(
        store.get_meta("actor").expect("meta"),
        Some(b"actor-bytes".to_vec())
    );
    assert!(store.size_on_disk().expect("size") > 0);
    assert!(store.verify().expect("verify").problems.is_empty());
}

#[cfg(unix)]
#[test]
fn directory_and_files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, dir, store) = new_store();
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    for name in [
        "store.sqlite3",
        "store.sqlite3-wal",
        "store.sqlite3-shm",
        "store.lock",
    ] {
        assert_eq!(mode(&dir.join(name)), 0o600, "{name}");
    }
    drop(store);
}

/// A store made before the `snapshot_ranges` index existed gets it when it
/// is next unlocked (not when the passphrase is wrong), and lists as before.
#[test]
fn an_older_store_gains_its_index_on_unlock() {
    let (_tmp, dir, mut store) = new_store();
    store
        .write(vec![append("doc-1", 1, b"chunk", b"snap")])
        .expect("write");
    let listed = store.documents().expect("docs");
    drop(store);
    raw(&dir)
        .execute_batch("DROP INDEX snapshot_ranges")
        .expect("drop the index");
    let has_index = || -> bool {
        raw(&dir)
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'snapshot_ranges'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .expect("query")
            == 1
    };
    assert!(!has_index());
    assert!(Store::open(&dir, &pass("not the passphrase")).is_err());
    assert!(!has_index());
    let store = reopen(&dir);
    assert!(has_index());
    assert_eq!(store.documents().expect("docs"), listed);
}

#[test]
fn wrong_passphrase_is_refused_and_changes_nothing() {
    let (_tmp, dir, mut store) = new_store();
    store
        .write(vec![append("doc-1", 1, b"chunk", b"snap")])
        .expect("write");
    drop(store);
    let before = dir_bytes(&dir);
    assert!(matches!(
        Store::open(&dir, &pass("not the passphrase")),
        Err(StoreError::WrongPassphrase)
    ));
    assert_eq!(dir_bytes(&dir), before);
    let msg = StoreError::WrongPassphrase.to_string();
    assert!(
        msg.contains("passphrase") && msg.contains("try again"),
        "{msg}"
    );
    reopen(&dir);
}

#[test]
fn missing_store_is_not_found_and_existing_is_not_overwritten() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("nothing-here");
    assert!(!Store::exists(&dir));
    assert!(matches!(
        Store::open(&dir, &pass(PASS)),
        Err(StoreError::NotFound)
    ));
    let (_tmp, dir, store) = new_store();
    drop(store);
    let before = dir_bytes(&dir);
    assert!(matches!(
        Store::create(&dir, &pass("other"), KdfParams::MINIMUM),
        Err(StoreError::AlreadyExists)
    ));
    assert_eq!(dir_bytes(&dir), before);
}

#[test]
fn second_open_while_first_is_alive_is_in_use() {
    let (_tmp, dir, store) = new_store();
    // flock locks belong to the open file description, so this is refused
    // even within one process.
    let second = Store::open(&dir, &pass(PASS));
    assert!(
        matches!(second, Err(StoreError::InUse)),
        "{:?}",
        second.err()
    );
    assert!(
        StoreError::InUse
            .to_string()
            .contains("close it and try again")
    );
    drop(store);
    reopen(&dir);
}

#[test]
fn passphrase_change_rewraps_only_the_header() {
    let (_tmp, dir, mut store) = new_store();
    store
        .write(vec![
            append("a", 1, b"chunk a", b"snap a"),
            append("b", 2, b"chunk b", b"snap b"),
        ])
        .expect("write");
    store.put_meta("settings", b"{}").expect("meta");
    let dump = |dir: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let conn = raw(dir);
        let mut stmt = conn
            .prepare(
                "SELECT 'chunk' || doc_id || seq, data FROM chunks UNION ALL
                 SELECT 'snap' || doc_id, data FROM snapshots UNION ALL
                 SELECT 'key' || id, wrapped_key FROM docs UNION ALL
                 SELECT 'meta' || name, data FROM meta ORDER BY 1",
            )
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect()
    };
    let header = |dir: &std::path::Path| -> Vec<u8> {
        raw(dir)
            .query_row("SELECT wrapped_key FROM header", [], |r| r.get(0))
            .expect("header")
    };
    let rows_before = dump(&dir);
    let header_before = header(&dir);
    let new_kdf = KdfParams {
        m_kib: 20 * 1024,
        ..KdfParams::MINIMUM
    };
    store
        .change_passphrase(&pass("new passphrase"), new_kdf)
        .expect("change");
    assert_eq!(store.kdf_params(), new_kdf);
    drop(store);

    assert_eq!(dump(&dir), rows_before);
    assert_ne!(header(&dir), header_before);
    assert!(matches!(
        Store::open(&dir, &pass(PASS)),
        Err(StoreError::WrongPassphrase)
    ));
    let store = Store::open(&dir, &pass("new passphrase")).expect("open with new passphrase");
    assert_eq!(store.kdf_params(), new_kdf);
    assert_eq!(
        store.read_chunks("a").expect("chunks"),
        vec![b"chunk a".to_vec()]
    );
    assert_eq!(
        store
            .read_snapshot("b")
            .expect("snap")
            .expect("exists")
            .data,
        b"snap b"
    );
    assert_eq!(
        store.get_meta("settings").expect("meta"),
        Some(b"{}".to_vec())
    );
}

#[test]
fn invalid_ids_and_names_are_refused() {
    let (_tmp, _dir, mut store) = new_store();
    let long = "x".repeat(65);
    for id in ["", "has space", "slash/", "ünïcode", long.as_str()] {
        let result = store.write(vec![append(id, 1, b"c", b"s")]);
        assert!(matches!(result, Err(StoreError::InvalidDocId(_))), "{id:?}");
        assert!(
            matches!(store.read_snapshot(id), Err(StoreError::InvalidDocId(_))),
            "{id:?}"
        );
    }
    store
        .write(vec![append(&"x".repeat(64), 1, b"c", b"s")])
        .expect("64 chars is fine");
    assert!(matches!(
        store.put_meta("bad name", b""),
        Err(StoreError::InvalidName(_))
    ));
}

/// Settings can be listed by prefix and removed, and a removal lasts.
#[test]
fn settings_are_listed_by_prefix_and_deleted() {
    let (_tmp, dir, mut store) = new_store();
    for name in ["sync.mark.2", "sync.mark.10", "sync.progress", "actor"] {
        store.put_meta(name, name.as_bytes()).expect("meta");
    }
    assert_eq!(
        store.meta_names("sync.mark.").expect("names"),
        vec!["sync.mark.10", "sync.mark.2"]
    );
    store.delete_meta("sync.mark.2").expect("delete");
    store
        .delete_meta("never.stored")
        .expect("deleting nothing is fine");
    assert!(matches!(
        store.delete_meta("bad name"),
        Err(StoreError::InvalidName(_))
    ));
    drop(store);
    let store = reopen(&dir);
    assert_eq!(store.get_meta("sync.mark.2").expect("read"), None);
    assert_eq!(
        store.meta_names("sync.").expect("names"),
        vec!["sync.mark.10", "sync.progress"]
    );
    assert_eq!(
        store.get_meta("sync.mark.10").expect("read").as_deref(),
        Some(&b"sync.mark.10"[..])
    );
}
