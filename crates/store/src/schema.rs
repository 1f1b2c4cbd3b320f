//! The SQLite schema, connection settings and the key-derivation header.
//!
//! SQL only ever sees document ids, small integers and ciphertext. The header
//! row holds what is needed to turn the passphrase back into the store key;
//! its parameters are checked against fixed bounds before Argon2 runs, so a
//! tampered file cannot make us allocate gigabytes or loop for hours.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::aad::StoreId;
use crate::{KdfParams, StoreError, corrupt};

/// The only on-disk format this code reads and writes.
pub(crate) const FORMAT_VERSION: u32 = 1;

/// `PRAGMA application_id` value ("SNCT") so tools can recognise the file.
const APPLICATION_ID: i32 = 0x534E_4354;

const SCHEMA: &str = "
CREATE TABLE header (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    m_kib INTEGER NOT NULL,
    t INTEGER NOT NULL,
    p INTEGER NOT NULL,
    salt BLOB NOT NULL,
    store_id BLOB NOT NULL,
    wrapped_key BLOB NOT NULL
);
CREATE TABLE docs (
    id TEXT PRIMARY KEY,
    kind INTEGER NOT NULL,
    wrapped_key BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE chunks (
    doc_id TEXT NOT NULL REFERENCES docs(id),
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE TABLE snapshots (
    doc_id TEXT PRIMARY KEY REFERENCES docs(id),
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE meta (
    name TEXT PRIMARY KEY,
    data BLOB NOT NULL
) WITHOUT ROWID;
";

/// Indexes added after the first stores were made. `IF NOT EXISTS` makes
/// this a no-op on a store that has them, and older code reads a store with
/// them as before, so they are not a format change.
///
/// `snapshot_ranges` lets a listing of every document's chunk range read a
/// small index instead of every snapshot row (each holds a sealed snapshot
/// of kilobytes): listing 5,000 documents was most of a day's sync export.
const INDEXES: &str = "
CREATE INDEX IF NOT EXISTS snapshot_ranges ON snapshots (doc_id, first_seq, last_seq);
";

/// Tables added after the first stores were made, on the same terms as
/// [`INDEXES`]: older code never reads them.
///
/// `doc_secrets` holds per-document secrets (a person's sync key), sealed
/// under the store key; see `secrets.rs`.
const ADDED_TABLES: &str = "
CREATE TABLE IF NOT EXISTS doc_secrets (
    doc_id TEXT PRIMARY KEY,
    data BLOB NOT NULL
) WITHOUT ROWID;
";

/// Adds any index of [`INDEXES`] or table of [`ADDED_TABLES`] the store does not have yet.
pub(crate) fn add_indexes(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(INDEXES)?;
    conn.execute_batch(ADDED_TABLES)?;
    Ok(())
}

/// The key-derivation header as stored in its single row.
pub(crate) struct Header {
    pub kdf: KdfParams,
    pub salt: [u8; 16],
    pub store_id: StoreId,
    pub wrapped_key: Vec<u8>,
}

/// Whether `kdf` lies inside the range we are willing to run.
pub(crate) fn kdf_in_bounds(kdf: KdfParams) -> bool {
    (19 * 1024..=4 * 1024 * 1024).contains(&kdf.m_kib)
        && (2..=20).contains(&kdf.t)
        && (1..=8).contains(&kdf.p)
}

/// Opens the database file and applies the per-connection settings.
pub(crate) fn connect(path: &Path, create: bool) -> Result<Connection, StoreError> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    // WAL with FULL sync makes each commit durable once `write` returns; temp
    // data stays in memory so nothing spills to unencrypted temp files; secure
    // delete zeroes freed pages so old ciphertext does not linger.
    //
    // The log is folded back into the database every 8,000 pages (32 MB)
    // instead of SQLite's 1,000: a day's sync import writes about 1,070
    // pages, and folding them in inline cost it ~100 ms of its ~170 ms
    // write. Durability does not depend on the checkpoint, and SQLite
    // checkpoints and removes the log when the store closes.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA wal_autocheckpoint = 8000;
         PRAGMA synchronous = FULL;
         PRAGMA temp_store = MEMORY;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;",
    )
    .map_err(not_a_database)?;
    conn.set_prepared_statement_cache_capacity(32);
    // Plans must not depend on the values bound to them. Otherwise SQLite
    // marks statements such as "chunks WHERE doc_id = ?1" as tied to their
    // last value, and rusqlite's statement cache (which clears bindings when
    // a statement comes back) makes SQLite parse and plan them again on every
    // use: a tenth of a sync import went to that.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(conn)
}

/// A file that is not SQLite at all is damage, not a database error.
fn not_a_database(err: rusqlite::Error) -> StoreError {
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            corrupt(None, "the file is not a Sanctuary store database")
        }
        _ => StoreError::Sqlite(err),
    }
}

/// Creates the tables and the header row in one transaction.
pub(crate) fn initialise(conn: &mut Connection, header: &Header) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", FORMAT_VERSION)?;
    tx.execute_batch(SCHEMA)?;
    tx.execute_batch(INDEXES)?;
    tx.execute_batch(ADDED_TABLES)?;
    tx.execute(
        "INSERT INTO header (id, version, m_kib, t, p, salt, store_id, wrapped_key)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            FORMAT_VERSION,
            header.kdf.m_kib,
            header.kdf.t,
            header.kdf.p,
            &header.salt[..],
            &header.store_id[..],
            header.wrapped_key
        ],
    )?;
    tx.commit()?;
    Ok(())
}

/// Replaces the KDF parameters, salt and wrapped store key (passphrase change).
pub(crate) fn update_header(conn: &mut Connection, header: &Header) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    let changed = tx.execute(
        "UPDATE header SET m_kib = ?1, t = ?2, p = ?3, salt = ?4, wrapped_key = ?5 WHERE id = 1",
        params![
            header.kdf.m_kib,
            header.kdf.t,
            header.kdf.p,
            &header.salt[..],
            header.wrapped_key
        ],
    )?;
    if changed != 1 {
        return Err(corrupt(None, "the key header is missing"));
    }
    tx.commit()?;
    Ok(())
}

/// Reads and validates the header without running any key derivation.
pub(crate) fn read_header(conn: &Connection) -> Result<Header, StoreError> {
    let has_table: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'header')",
            [],
            |r| r.get(0),
        )
        .map_err(not_a_database)?;
    if !has_table {
        return Err(corrupt(None, "the key header is missing"));
    }
    type Row = (i64, i64, i64, i64, Vec<u8>, Vec<u8>, Vec<u8>);
    let row: Option<Row> = conn
        .query_row(
            "SELECT version, m_kib, t, p, salt, store_id, wrapped_key FROM header WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .optional()?;
    let Some((version, m_kib, t, p, salt, store_id, wrapped_key)) = row else {
        return Err(corrupt(None, "the key header is missing"));
    };
    // The version is checked first so a future format gets a clear message
    // rather than a misleading complaint about its parameters.
    if version != i64::from(FORMAT_VERSION) {
        let found = u32::try_from(version).unwrap_or(u32::MAX);
        return Err(StoreError::UnsupportedFormat { found });
    }
    let to_u32 = |v: i64| u32::try_from(v).map_err(|_| StoreError::BadKdfParams);
    let kdf = KdfParams {
        m_kib: to_u32(m_kib)?,
        t: to_u32(t)?,
        p: to_u32(p)?,
    };
    if !kdf_in_bounds(kdf) {
        return Err(StoreError::BadKdfParams);
    }
    let salt: [u8; 16] = salt.try_into().map_err(|_| StoreError::BadKdfParams)?;
    let store_id: StoreId = store_id
        .try_into()
        .map_err(|_| corrupt(None, "the store id in the key header has the wrong length"))?;
    if wrapped_key.len() != crate::crypto::WRAPPED_KEY_LEN {
        return Err(corrupt(
            None,
            "the wrapped store key in the key header has the wrong length",
        ));
    }
    Ok(Header {
        kdf,
        salt,
        store_id,
        wrapped_key,
    })
}

#[cfg(test)]
mod tests {
    use rusqlite::StatementStatus;

    use super::*;

    /// A cached statement run with a new value each time is planned once.
    #[test]
    fn cached_statements_are_not_prepared_again_for_each_value() {
        let dir = tempfile::tempdir().unwrap();
        let conn = connect(&dir.path().join("s.db"), true).unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        let sql = "SELECT seq, data FROM chunks WHERE doc_id = ?1 ORDER BY seq";
        for id in ["a", "b", "c"] {
            let mut stmt = conn.prepare_cached(sql).unwrap();
            let mut rows = stmt.query([id]).unwrap();
            while rows.next().unwrap().is_some() {}
        }
        let stmt = conn.prepare_cached(sql).unwrap();
        assert_eq!(stmt.get_status(StatementStatus::RePrepare), 0);
    }
}
