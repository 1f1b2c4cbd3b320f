//! Write batches, compaction, deletion and settings.

use sanctuary_store::{DocInfo, DocWrite, StoreError};

use crate::common::*;

#[test]
fn appends_number_chunks_from_one() {
    let (_tmp, dir, mut store) = new_store();
    store
        .write(vec![append("d", 4, b"c1", b"s1")])
        .expect("write");
    store
        .write(vec![append("d", 4, b"c2", b"s2")])
        .expect("write");
    let info = DocInfo {
        id: "d".into(),
        kind: 4,
        first_seq: 1,
        last_seq: 2,
    };
    assert_eq!(store.documents().expect("docs"), vec![info]);
    drop(store);
    let store = reopen(&dir);
    assert_eq!(
        store.read_chunks("d").expect("chunks"),
        vec![b"c1".to_vec(), b"c2".to_vec()]
    );
    let snap = store.read_snapshot("d").expect("read").expect("exists");
    assert_eq!(
        (snap.first_seq, snap.last_seq, snap.data.as_slice()),
        (1, 2, &b"s2"[..])
    );
}

/// Only the chunks after a given position, also across a compaction.
#[test]
fn chunks_after_a_position() {
    let (_tmp, _dir, mut store) = new_store();
    for chunk in [b"c1", b"c2", b"c3"] {
        store
            .write(vec![append("d", 1, chunk, b"s")])
            .expect("write");
    }
    let after = |store: &sanctuary_store::Store, n| {
        store
            .find_chunks_after("d", n)
            .expect("read")
            .expect("exists")
            .chunks
    };
    assert_eq!(
        after(&store, 0),
        vec![b"c1".to_vec(), b"c2".to_vec(), b"c3".to_vec()]
    );
    assert_eq!(after(&store, 1), vec![b"c2".to_vec(), b"c3".to_vec()]);
    assert!(after(&store, 3).is_empty());
    assert!(after(&store, 99).is_empty());
    store
        .write(vec![compact("d", 1, b"all", b"s")])
        .expect("compact");
    // The compacted chunk is number 4: a reader that had up to 2 gets it whole.
    assert_eq!(after(&store, 2), vec![b"all".to_vec()]);
    assert!(after(&store, 4).is_empty());
    assert_eq!(store.find_chunks_after("nothing", 0).expect("read"), None);
}

#[test]
fn compaction_replaces_all_chunks_with_one() {
    let (_tmp, dir, mut store) = new_store();
    for i in 0..4u8 {
        store
            .write(vec![append("d", 1, &[i], b"s")])
            .expect("write");
    }
    store
        .write(vec![compact("d", 1, b"compacted", b"after compaction")])
        .expect("compact");
    assert_eq!(
        store.read_chunks("d").expect("chunks"),
        vec![b"compacted".to_vec()]
    );
    store
        .write(vec![append("d", 1, b"later", b"latest")])
        .expect("append after compaction");
    drop(store);
    let store = reopen(&dir);
    let info = DocInfo {
        id: "d".into(),
        kind: 1,
        first_seq: 5,
        last_seq: 6,
    };
    assert_eq!(store.documents().expect("docs"), vec![info]);
    assert_eq!(
        store.read_chunks("d").expect("chunks"),
        vec![b"compacted".to_vec(), b"later".to_vec()]
    );
    assert!(store.verify().expect("verify").problems.is_empty());
}

#[test]
fn snapshot_only_writes_keep_the_range() {
    let (_tmp, _dir, mut store) = new_store();
    let only_snapshot = |s: &[u8]| DocWrite {
        id: "d".into(),
        kind: 2,
        append: None,
        compact: None,
        snapshot: s.to_vec(),
    };
    store
        .write(vec![only_snapshot(b"empty doc")])
        .expect("new doc without chunks");
    let snap = store.read_snapshot("d").expect("read").expect("exists");
    assert_eq!((snap.first_seq, snap.last_seq), (0, 0));
    assert!(store.read_chunks("d").expect("chunks").is_empty());
    store
        .write(vec![append("d", 2, b"c", b"s")])
        .expect("first chunk");
    store
        .write(vec![only_snapshot(b"re-rendered")])
        .expect("snapshot only");
    let snap = store.read_snapshot("d").expect("read").expect("exists");
    assert_eq!(
        (snap.first_seq, snap.last_seq, snap.data.as_slice()),
        (1, 1, &b"re-rendered"[..])
    );
    assert!(store.verify().expect("verify").problems.is_empty());
}

#[test]
fn a_batch_with_an_invalid_write_leaves_nothing_written() {
    let (_tmp, dir, mut store) = new_store();
    store
        .write(vec![append("existing", 1, b"c", b"original")])
        .expect("write");
    let size_before = store.documents().expect("docs");
    let both = DocWrite {
        append: Some(b"x".to_vec()),
        ..compact("new-2", 1, b"y", b"s")
    };
    let batches = [
        vec![
            append("new-1", 1, b"c", b"s"),
            append("existing", 9, b"c", b"kind mismatch"),
        ],
        vec![append("existing", 1, b"c", b"changed"), both],
        vec![
            append("new-1", 1, b"c", b"s"),
            append("bad id!", 1, b"c", b"s"),
        ],
    ];
    for batch in batches {
        let err = store.write(batch).expect_err("refused");
        assert!(
            matches!(
                err,
                StoreError::InvalidWrite(_) | StoreError::InvalidDocId(_)
            ),
            "{err:?}"
        );
        assert_eq!(store.documents().expect("docs"), size_before);
        assert_eq!(
            store
                .read_snapshot("existing")
                .expect("read")
                .expect("exists")
                .data,
            b"original"
        );
        assert_eq!(store.read_snapshot("new-1").expect("read"), None);
    }
    drop(store);
    let store = reopen(&dir);
    assert_eq!(store.documents().expect("docs"), size_before);
    assert_eq!(store.read_chunks("existing").expect("chunks").len(), 1);
}

#[test]
fn one_batch_may_touch_a_document_twice() {
    let (_tmp, dir, mut store) = new_store();
    store
        .write(vec![
            append("d", 1, b"c1", b"s1"),
            append("d", 1, b"c2", b"s2"),
        ])
        .expect("write");
    drop(store);
    let store = reopen(&dir);
    assert_eq!(
        store.read_chunks("d").expect("chunks"),
        vec![b"c1".to_vec(), b"c2".to_vec()]
    );
}

#[test]
fn deleted_documents_are_gone_and_ids_reusable() {
    let (_tmp, dir, mut store) = new_store();
    store
        .write(vec![append("a", 1, b"c", b"s"), append("b", 1, b"c", b"s")])
        .expect("write");
    store.delete_document("a").expect("delete");
    assert!(matches!(
        store.delete_document("a"),
        Err(StoreError::UnknownDocument(_))
    ));
    assert!(matches!(
        store.read_chunks("a"),
        Err(StoreError::UnknownDocument(_))
    ));
    assert_eq!(store.read_snapshot("a").expect("read"), None);
    store
        .write(vec![append("a", 2, b"new", b"new s")])
        .expect("recreate with another kind");
    drop(store);
    let store = reopen(&dir);
    assert_eq!(
        store.read_chunks("a").expect("chunks"),
        vec![b"new".to_vec()]
    );
    assert_eq!(store.read_snapshots().expect("snapshots").len(), 2);
    assert!(store.verify().expect("verify").problems.is_empty());
}

#[test]
fn settings_round_trip() {
    let (_tmp, dir, mut store) = new_store();
    assert_eq!(store.get_meta("actor").expect("get"), None);
    store.put_meta("actor", b"one").expect("put");
    store.put_meta("actor", b"two").expect("replace");
    store.put_meta("ui.theme", b"").expect("empty value");
    drop(store);
    let store = reopen(&dir);
    assert_eq!(store.get_meta("actor").expect("get"), Some(b"two".to_vec()));
    assert_eq!(store.get_meta("ui.theme").expect("get"), Some(Vec::new()));
}

#[test]
fn a_large_write_stays_in_the_log_until_the_store_closes() {
    let (_tmp, dir, mut store) = new_store();
    let (db, wal) = (dir.join("store.sqlite3"), dir.join("store.sqlite3-wal"));
    let size = |path: &std::path::Path| std::fs::metadata(path).map_or(0, |m| m.len());
    // About 1,500 pages: more than SQLite's default checkpoint threshold
    // (1,000), fewer than the store's (8,000).
    let writes: Vec<DocWrite> = (0..1500)
        .map(|i| append(&format!("d{i}"), 1, &[7u8; 3000], b"s"))
        .collect();
    store.write(writes).expect("write");
    // Not folded into the database by the commit (SQLite's default would have).
    assert!(size(&wal) > 4_000_000, "the log holds the write");
    assert!(size(&db) < 1_000_000, "the database file has not grown yet");
    drop(store);
    // Closing folds the log into the database and removes it; nothing is lost.
    assert_eq!(size(&wal), 0);
    assert!(size(&db) > 4_000_000);
    let store = reopen(&dir);
    assert_eq!(store.documents().expect("docs").len(), 1500);
    assert_eq!(
        store.read_chunks("d1499").expect("chunks"),
        vec![vec![7u8; 3000]]
    );
}

#[test]
fn destroyed_documents_leave_no_ciphertext_or_key_in_any_file() {
    let (_tmp, dir, mut store) = new_store();
    store
        .write(vec![
            append("gone", 1, &[1u8; 2000], &[2u8; 2000]),
            append("kept", 1, b"c", b"s"),
        ])
        .expect("write");
    store
        .write(vec![append("gone", 1, &[3u8; 2000], &[4u8; 2000])])
        .expect("second chunk");
    // The sealed bytes as SQLite holds them, read by a second connection.
    let sealed: Vec<Vec<u8>> = {
        let conn = raw(&dir);
        let mut rows = Vec::new();
        for sql in [
            "SELECT data FROM chunks WHERE doc_id = 'gone'",
            "SELECT data FROM snapshots WHERE doc_id = 'gone'",
            "SELECT wrapped_key FROM docs WHERE id = 'gone'",
        ] {
            let mut stmt = conn.prepare(sql).expect("prepare");
            let found = stmt
                .query_map([], |r| r.get::<_, Vec<u8>>(0))
                .expect("query")
                .collect::<Result<Vec<_>, _>>()
                .expect("rows");
            rows.extend(found);
        }
        rows
    };
    assert_eq!(sealed.len(), 4, "two chunks, a snapshot and a wrapped key");

    store
        .write_and_destroy(
            vec![append("kept", 1, b"c2", b"s2")],
            &["gone".to_string(), "never-there".to_string()],
        )
        .expect("destroy");
    assert!(matches!(
        store.read_chunks("gone"),
        Err(StoreError::UnknownDocument(_))
    ));
    let files = dir_bytes(&dir);
    for bytes in &sealed {
        // A 32-byte window of each sealed value is enough to recognise it.
        let needle = &bytes[bytes.len() - 32..];
        for (name, content) in &files {
            assert!(
                !content.windows(needle.len()).any(|w| w == needle),
                "a destroyed row's bytes remain in {name}"
            );
        }
    }
    // The write in the same transaction landed, and the store is sound.
    assert_eq!(
        store.read_chunks("kept").expect("kept"),
        vec![b"c".to_vec(), b"c2".to_vec()]
    );
    drop(store);
    assert!(reopen(&dir).verify().expect("verify").problems.is_empty());
}

#[test]
fn a_document_cannot_be_written_and_destroyed_at_once() {
    let (_tmp, _dir, mut store) = new_store();
    store
        .write(vec![append("a", 1, b"c", b"s")])
        .expect("write");
    assert!(matches!(
        store.write_and_destroy(vec![append("a", 1, b"c2", b"s2")], &["a".to_string()]),
        Err(StoreError::InvalidWrite(_))
    ));
    assert_eq!(store.read_chunks("a").expect("kept"), vec![b"c".to_vec()]);
}

/// A document's secret (its sync key) is sealed, bound to its id, and
/// destroyed with the document, or alone when the document never arrived.
#[test]
fn document_secrets_round_trip_and_are_destroyed_with_their_document() {
    let (_tmp, dir, mut store) = new_store();
    store
        .write(vec![append("gone", 1, b"c", b"s")])
        .expect("write");
    store
        .put_doc_secrets(&[
            ("gone".to_string(), vec![5u8; 40]),
            ("no-doc-yet".to_string(), vec![6u8; 40]),
            ("kept".to_string(), vec![7u8; 40]),
        ])
        .expect("secrets");
    assert_eq!(store.doc_secret("gone").expect("read"), Some(vec![5u8; 40]));
    assert_eq!(store.doc_secret("other").expect("read"), None);
    assert!(matches!(
        store.put_doc_secrets(&[("bad id!".to_string(), vec![1])]),
        Err(StoreError::InvalidDocId(_))
    ));
    let sealed: Vec<Vec<u8>> = {
        let conn = raw(&dir);
        let mut stmt = conn
            .prepare("SELECT data FROM doc_secrets WHERE doc_id IN ('gone', 'no-doc-yet')")
            .expect("prepare");
        stmt.query_map([], |r| r.get::<_, Vec<u8>>(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    assert_eq!(sealed.len(), 2);
    // Nothing of the plaintext reaches the file.
    for (name, content) in dir_bytes(&dir) {
        assert!(
            !content.windows(40).any(|w| w == [5u8; 40]),
            "a secret in plaintext in {name}"
        );
    }

    store
        .write_and_destroy(vec![], &["gone".to_string(), "no-doc-yet".to_string()])
        .expect("destroy");
    assert_eq!(store.doc_secret("gone").expect("read"), None);
    assert_eq!(store.doc_secret("no-doc-yet").expect("read"), None);
    assert_eq!(
        store.doc_secrets().expect("all"),
        vec![("kept".to_string(), vec![7u8; 40])]
    );
    for bytes in &sealed {
        let needle = &bytes[bytes.len() - 32..];
        for (name, content) in dir_bytes(&dir) {
            assert!(
                !content.windows(needle.len()).any(|w| w == needle),
                "a destroyed secret's bytes remain in {name}"
            );
        }
    }

    // A secret moved to another document does not authenticate.
    {
        let conn = raw(&dir);
        conn.execute(
            "INSERT INTO doc_secrets (doc_id, data) SELECT 'moved', data FROM doc_secrets WHERE doc_id = 'kept'",
            [],
        )
        .expect("copy");
    }
    assert!(corrupt_doc(store.doc_secret("moved")).is_some());
    drop(store);
    let problems = problem_docs(&reopen(&dir));
    assert_eq!(problems, vec![Some("moved".to_string())]);
}
