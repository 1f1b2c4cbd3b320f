//! Damage and tampering done through a raw SQLite connection must be detected
//! and attributed to the right document.

use sanctuary_store::StoreError;

use crate::common::*;

/// A store with two documents of three chunks each, closed again.
fn two_docs() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, dir, mut store) = new_store();
    for i in 1..=3u8 {
        store
            .write(vec![
                append("alpha", 1, &[b'a', i], &[b'A', i]),
                append("beta", 2, &[b'b', i], &[b'B', i]),
            ])
            .expect("write");
    }
    store.put_meta("actor", b"me").expect("meta");
    drop(store);
    (tmp, dir)
}

fn only(doc: &str) -> Vec<Option<String>> {
    vec![Some(doc.to_owned())]
}

#[test]
fn healthy_store_verifies_clean() {
    let (_tmp, dir) = two_docs();
    let report = reopen(&dir).verify().expect("verify");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!((report.documents, report.chunks), (2, 6));
    assert!(report.bytes > 0);
}

#[test]
fn flipped_chunk_byte_is_detected() {
    let (_tmp, dir) = two_docs();
    flip_blob(&dir, "chunks", "data", "doc_id = 'beta' AND seq = 2");
    let store = reopen(&dir);
    assert_eq!(
        store
            .read_snapshots()
            .expect("snapshots do not read chunks")
            .len(),
        2
    );
    assert_eq!(
        corrupt_doc(store.read_chunks("beta")).as_deref(),
        Some("beta")
    );
    assert_eq!(store.read_chunks("alpha").expect("alpha is fine").len(), 3);
    assert_eq!(problem_docs(&store), only("beta"));
}

#[test]
fn flipped_snapshot_byte_is_detected() {
    let (_tmp, dir) = two_docs();
    flip_blob(&dir, "snapshots", "data", "doc_id = 'alpha'");
    let store = reopen(&dir);
    assert_eq!(
        corrupt_doc(store.read_snapshots()).as_deref(),
        Some("alpha")
    );
    assert_eq!(
        corrupt_doc(store.read_chunks("alpha")).as_deref(),
        Some("alpha")
    );
    assert_eq!(problem_docs(&store), only("alpha"));
    let msg = store.read_snapshots().expect_err("corrupt").to_string();
    assert!(msg.contains("alpha") && msg.contains("backup"), "{msg}");
}

#[test]
fn flipped_wrapped_key_or_changed_kind_is_detected() {
    let (_tmp, dir) = two_docs();
    flip_blob(&dir, "docs", "wrapped_key", "id = 'alpha'");
    raw(&dir)
        .execute("UPDATE docs SET kind = 7 WHERE id = 'beta'", [])
        .expect("patch kind");
    let store = reopen(&dir);
    assert_eq!(
        corrupt_doc(store.read_snapshots()).as_deref(),
        Some("alpha")
    );
    assert_eq!(
        corrupt_doc(store.read_snapshot("beta")).as_deref(),
        Some("beta")
    );
    assert_eq!(
        problem_docs(&store),
        vec![Some("alpha".into()), Some("beta".into())]
    );
}

#[test]
fn chunks_swapped_between_positions_are_detected() {
    let (_tmp, dir) = two_docs();
    let conn = raw(&dir);
    conn.execute_batch(
        "UPDATE chunks SET seq = 100 WHERE doc_id = 'alpha' AND seq = 1;
         UPDATE chunks SET seq = 1 WHERE doc_id = 'alpha' AND seq = 2;
         UPDATE chunks SET seq = 2 WHERE doc_id = 'alpha' AND seq = 100;",
    )
    .expect("swap");
    drop(conn);
    let store = reopen(&dir);
    assert_eq!(
        corrupt_doc(store.read_chunks("alpha")).as_deref(),
        Some("alpha")
    );
    // Both moved chunks fail, each reported on its own.
    assert_eq!(
        problem_docs(&store),
        vec![Some("alpha".into()), Some("alpha".into())]
    );
}

#[test]
fn chunks_and_snapshots_swapped_between_documents_are_detected() {
    let (_tmp, dir) = two_docs();
    let conn = raw(&dir);
    conn.execute_batch(
        "UPDATE chunks SET data = (SELECT data FROM chunks WHERE doc_id = 'beta' AND seq = 3)
             WHERE doc_id = 'alpha' AND seq = 3;
         UPDATE snapshots SET data = (SELECT data FROM snapshots WHERE doc_id = 'alpha')
             WHERE doc_id = 'beta';",
    )
    .expect("swap");
    drop(conn);
    let store = reopen(&dir);
    assert_eq!(
        corrupt_doc(store.read_chunks("alpha")).as_deref(),
        Some("alpha")
    );
    assert_eq!(
        corrupt_doc(store.read_snapshot("beta")).as_deref(),
        Some("beta")
    );
    assert_eq!(
        problem_docs(&store),
        vec![Some("alpha".into()), Some("beta".into())]
    );
}

#[test]
fn deleted_last_or_first_chunk_is_detected() {
    for seq in [3, 1] {
        let (_tmp, dir) = two_docs();
        raw(&dir)
            .execute(
                "DELETE FROM chunks WHERE doc_id = 'beta' AND seq = ?1",
                [seq],
            )
            .expect("delete");
        let mut store = reopen(&dir);
        assert_eq!(
            corrupt_doc(store.read_snapshots()).as_deref(),
            Some("beta"),
            "seq {seq}"
        );
        assert_eq!(
            corrupt_doc(store.read_chunks("beta")).as_deref(),
            Some("beta"),
            "seq {seq}"
        );
        // Reading only the newest chunks still notices a missing last one.
        if seq == 3 {
            assert_eq!(
                corrupt_doc(store.find_chunks_after("beta", 1)).as_deref(),
                Some("beta")
            );
        }
        assert_eq!(problem_docs(&store), only("beta"), "seq {seq}");
        // A later write must not paper over the gap.
        if seq == 3 {
            assert_eq!(
                corrupt_doc(store.write(vec![append("beta", 2, b"x", b"y")])).as_deref(),
                Some("beta")
            );
        }
    }
}

#[test]
fn stale_snapshot_replayed_is_detected() {
    let (_tmp, dir, mut store) = new_store();
    store
        .write(vec![append("doc", 1, b"one", b"state 1")])
        .expect("write");
    drop(store);
    let old: (i64, i64, Vec<u8>) = raw(&dir)
        .query_row("SELECT first_seq, last_seq, data FROM snapshots", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .expect("snapshot");
    let mut store = reopen(&dir);
    store
        .write(vec![append("doc", 1, b"two", b"state 2")])
        .expect("write");
    drop(store);
    // Replaying only the ciphertext fails authentication; replaying the whole
    // row fails the range check against the chunks that are present.
    raw(&dir)
        .execute("UPDATE snapshots SET data = ?1", [&old.2])
        .expect("replay data");
    assert_eq!(
        corrupt_doc(reopen(&dir).read_snapshots()).as_deref(),
        Some("doc")
    );
    raw(&dir)
        .execute(
            "UPDATE snapshots SET first_seq = ?1, last_seq = ?2, data = ?3",
            rusqlite::params![old.0, old.1, old.2],
        )
        .expect("replay row");
    let store = reopen(&dir);
    assert_eq!(corrupt_doc(store.read_snapshots()).as_deref(), Some("doc"));
    assert_eq!(problem_docs(&store), only("doc"));
}

#[test]
fn rows_copied_from_another_store_are_detected() {
    let (_tmp, dir) = two_docs();
    let (_tmp2, other, mut store2) = new_store();
    store2
        .write(vec![append("alpha", 1, b"evil", b"evil snapshot")])
        .expect("write");
    drop(store2);
    let conn = raw(&dir);
    conn.execute(
        "ATTACH DATABASE ?1 AS other",
        [other.join("store.sqlite3").to_str().expect("utf-8 path")],
    )
    .expect("attach");
    conn.execute_batch(
        "UPDATE docs SET wrapped_key = (SELECT wrapped_key FROM other.docs WHERE id = 'alpha') WHERE id = 'alpha';",
    )
    .expect("copy");
    drop(conn);
    let store = reopen(&dir);
    assert_eq!(
        corrupt_doc(store.read_snapshots()).as_deref(),
        Some("alpha")
    );
}

#[test]
fn flipped_meta_is_detected() {
    let (_tmp, dir) = two_docs();
    flip_blob(&dir, "meta", "data", "name = 'actor'");
    let store = reopen(&dir);
    assert!(matches!(
        store.get_meta("actor"),
        Err(StoreError::Corrupt { doc: None, .. })
    ));
    assert_eq!(problem_docs(&store), vec![None]);
}

#[test]
fn orphan_rows_are_reported() {
    let (_tmp, dir) = two_docs();
    let conn = raw(&dir);
    conn.execute_batch("PRAGMA foreign_keys = OFF; DELETE FROM docs WHERE id = 'beta';")
        .expect("orphan");
    drop(conn);
    let store = reopen(&dir);
    assert_eq!(store.read_snapshots().expect("alpha only").len(), 1);
    assert_eq!(
        problem_docs(&store),
        vec![Some("beta".into()), Some("beta".into())]
    );
}
