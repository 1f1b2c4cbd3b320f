//! The key-derivation header: bounds and format checks before Argon2 runs.

use std::time::{Duration, Instant};

use sanctuary_store::{KdfParams, Store, StoreError};

use crate::common::*;

#[test]
fn kdf_params_out_of_bounds_are_refused_at_create() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for kdf in [
        KdfParams {
            m_kib: 1024,
            t: 2,
            p: 1,
        },
        KdfParams {
            m_kib: 19 * 1024,
            t: 1,
            p: 1,
        },
        KdfParams {
            m_kib: 19 * 1024,
            t: 2,
            p: 0,
        },
        KdfParams {
            m_kib: 19 * 1024,
            t: 21,
            p: 1,
        },
    ] {
        assert!(
            matches!(
                Store::create(tmp.path(), &pass(PASS), kdf),
                Err(StoreError::BadKdfParams)
            ),
            "{kdf:?}"
        );
    }
    assert!(!Store::exists(tmp.path()));
}

/// A patched header must be refused before Argon2 runs: 2^31 KiB would need 2 TiB.
#[test]
fn tampered_header_is_refused_without_running_argon2() {
    let (_tmp, dir, store) = new_store();
    drop(store);
    type Check = fn(&StoreError) -> bool;
    let cases: [(&str, Check); 6] = [
        ("UPDATE header SET m_kib = 2147483648", |e| {
            matches!(e, StoreError::BadKdfParams)
        }),
        ("UPDATE header SET m_kib = 1024", |e| {
            matches!(e, StoreError::BadKdfParams)
        }),
        ("UPDATE header SET t = 1000000", |e| {
            matches!(e, StoreError::BadKdfParams)
        }),
        ("UPDATE header SET p = 64", |e| {
            matches!(e, StoreError::BadKdfParams)
        }),
        ("UPDATE header SET salt = x'00'", |e| {
            matches!(e, StoreError::BadKdfParams)
        }),
        ("UPDATE header SET version = 2", |e| {
            matches!(e, StoreError::UnsupportedFormat { found: 2 })
        }),
    ];
    let conn = raw(&dir);
    type Saved = (i64, i64, i64, i64, Vec<u8>);
    let (v, m, t, p, salt): Saved = conn
        .query_row("SELECT version, m_kib, t, p, salt FROM header", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .expect("header");
    for (sql, expected) in cases {
        conn.execute(sql, []).expect("patch");
        let start = Instant::now();
        let err = Store::open(&dir, &pass(PASS)).expect_err("refused");
        assert!(
            start.elapsed() < Duration::from_millis(300),
            "{sql} took {:?}",
            start.elapsed()
        );
        assert!(expected(&err), "{sql}: {err:?}");
        conn.execute(
            "UPDATE header SET version = ?1, m_kib = ?2, t = ?3, p = ?4, salt = ?5",
            rusqlite::params![v, m, t, p, salt],
        )
        .expect("restore");
    }
    drop(conn);
    reopen(&dir);
}

#[test]
fn a_file_that_is_not_a_database_is_corrupt() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(tmp.path().join("store.sqlite3"), vec![0x5au8; 8192]).expect("write junk");
    assert!(matches!(
        Store::open(tmp.path(), &pass(PASS)),
        Err(StoreError::Corrupt { doc: None, .. })
    ));
}
