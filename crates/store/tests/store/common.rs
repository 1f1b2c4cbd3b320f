//! Helpers shared by the integration tests.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use sanctuary_store::{DocWrite, KdfParams, SecretString, Store, StoreError};
use tempfile::TempDir;

pub const PASS: &str = "a long test passphrase";

pub fn pass(s: &str) -> SecretString {
    SecretString::from(s)
}

/// A fresh store in a not-yet-existing subdirectory of a temp dir.
pub fn new_store() -> (TempDir, PathBuf, Store) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("store");
    let store = Store::create(&dir, &pass(PASS), KdfParams::MINIMUM).expect("create");
    (tmp, dir, store)
}

pub fn reopen(dir: &Path) -> Store {
    Store::open(dir, &pass(PASS)).expect("open")
}

pub fn append(id: &str, kind: u8, chunk: &[u8], snapshot: &[u8]) -> DocWrite {
    DocWrite {
        id: id.into(),
        kind,
        append: Some(chunk.to_vec()),
        compact: None,
        snapshot: snapshot.to_vec(),
    }
}

pub fn compact(id: &str, kind: u8, chunk: &[u8], snapshot: &[u8]) -> DocWrite {
    DocWrite {
        id: id.into(),
        kind,
        append: None,
        compact: Some(chunk.to_vec()),
        snapshot: snapshot.to_vec(),
    }
}

/// Opens the SQLite file directly, as an attacker or a disk error would see it.
pub fn raw(dir: &Path) -> Connection {
    Connection::open(dir.join("store.sqlite3")).expect("raw open")
}

/// Flips one bit in the middle of a blob selected by `select` (which returns one row: rowid-ish key, data).
pub fn flip_blob(dir: &Path, table: &str, column: &str, where_clause: &str) {
    let conn = raw(dir);
    let sql = format!("SELECT {column} FROM {table} WHERE {where_clause}");
    let mut data: Vec<u8> = conn.query_row(&sql, [], |r| r.get(0)).expect("row to flip");
    let mid = data.len() / 2;
    data[mid] ^= 0x01;
    let sql = format!("UPDATE {table} SET {column} = ?1 WHERE {where_clause}");
    assert_eq!(conn.execute(&sql, [data]).expect("update"), 1);
}

/// Every file in the store directory with its bytes.
pub fn dir_bytes(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("dir entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read file"),
            )
        })
        .collect()
}

/// The document named by a `Corrupt` error, failing the test for any other result.
pub fn corrupt_doc<T: std::fmt::Debug>(result: Result<T, StoreError>) -> Option<String> {
    match result {
        Err(StoreError::Corrupt { doc, .. }) => doc,
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

/// The documents named by `verify` problems.
pub fn problem_docs(store: &Store) -> Vec<Option<String>> {
    store
        .verify()
        .expect("verify runs")
        .problems
        .into_iter()
        .map(|p| p.doc)
        .collect()
}
