//! Tampering with the store file is detected, by `open` and by `verify`, and
//! names the document; a wrong passphrase changes nothing.

use rusqlite::Connection;
use sanctuary_core::{Sanctuary, SecretString};

use crate::support::*;

fn db(dir: &std::path::Path) -> Connection {
    Connection::open(dir.join("store.sqlite3")).expect("raw connection")
}

/// Flips one byte of one stored blob in place.
fn flip(dir: &std::path::Path, table: &str, key_col: &str, key: &str, extra: &str, at: usize) {
    let conn = db(dir);
    let sql = format!("SELECT data FROM {table} WHERE {key_col} = ?1 {extra}");
    let mut data: Vec<u8> = conn.query_row(&sql, [key], |r| r.get(0)).expect("row");
    let i = at % data.len();
    data[i] ^= 0x40;
    let sql = format!("UPDATE {table} SET data = ?1 WHERE {key_col} = ?2 {extra}");
    conn.execute(&sql, rusqlite::params![data, key])
        .expect("update");
}

#[test]
fn a_flipped_byte_in_any_chunk_is_detected_by_open_and_verify() {
    for at in [0, 5, 17, 40, 1000] {
        let (_temp, dir, mut s) = new_store();
        let id = s.add_ambassador(full_profile()).unwrap();
        s.edit_profile(&id, |p| {
            p.notes = "second chunk".into();
            Ok(())
        })
        .unwrap();
        drop(s);
        flip(&dir, "chunks", "doc_id", &id, "AND seq = 1", at);
        let err = Sanctuary::open(&dir, &passphrase())
            .err()
            .expect("open must fail");
        assert_eq!(err.code(), "damaged", "{err}");
        assert!(
            err.to_string().contains(&id),
            "the error names the document: {err}"
        );
    }
}

#[test]
fn a_flipped_byte_in_a_snapshot_is_detected() {
    let (_temp, dir, mut s) = new_store();
    let id = s.add_ambassador(full_profile()).unwrap();
    drop(s);
    flip(&dir, "snapshots", "doc_id", &id, "", 30);
    let err = Sanctuary::open(&dir, &passphrase())
        .err()
        .expect("open must fail");
    assert_eq!(err.code(), "damaged");
    assert!(err.to_string().contains(&id), "{err}");
}

#[test]
fn wrong_passphrase_fails_clearly_and_changes_no_byte() {
    let (_temp, dir, mut s) = new_store();
    s.add_ambassador(full_profile()).unwrap();
    drop(s);
    let snapshot = files(&dir);
    let err = Sanctuary::open(&dir, &SecretString::from("not the passphrase".to_string()))
        .err()
        .expect("must fail");
    assert_eq!(err.code(), "wrong-passphrase");
    assert!(err.to_string().contains("wrong passphrase"), "{err}");
    assert_eq!(files(&dir), snapshot);
}

/// Every file in the store directory with its bytes.
pub fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn no_personal_data_appears_in_any_file() {
    let (_temp, dir, mut s) = new_store();
    sanctuary_core::demo::populate(
        &mut s,
        &sanctuary_core::demo::DemoOptions {
            ambassadors: 30,
            ..Default::default()
        },
    )
    .unwrap();
    let id = s.add_ambassador(full_profile()).unwrap();
    s.edit_profile(&id, |p| {
        p.notes = "CANARY-note-7f3a".into();
        Ok(())
    })
    .unwrap();
    let mut needles: Vec<String> = vec![
        "CANARY-note-7f3a".into(),
        "zahra@example.org".into(),
        "زهراء".into(),
    ];
    for doc in s.ambassadors() {
        needles.push(doc.profile.display_name.clone());
        needles.extend(doc.profile.full_name.clone());
        needles.extend(doc.profile.email.clone());
        needles.push(doc.profile.notes.clone());
    }
    // Scan while the store is open (WAL present) and after it is closed.
    assert_no_needle(&dir, &needles, "open");
    drop(s);
    assert_no_needle(&dir, &needles, "closed");
}

fn assert_no_needle(dir: &std::path::Path, needles: &[String], phase: &str) {
    for (name, bytes) in files(dir) {
        for needle in needles {
            let hit = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
            assert!(
                !hit,
                "{needle:?} found in {name} while the store was {phase}"
            );
        }
    }
}
