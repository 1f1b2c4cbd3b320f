//! Decoding stored rows into checked values.
//!
//! The plaintext columns (ids, kinds, positions) are untrusted until the
//! ciphertext bound to them authenticates, so every conversion here treats an
//! out-of-range value as damage to the named document rather than panicking.

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::{StoreError, corrupt};

/// Converts a stored integer that must be a non-negative sequence number.
pub(crate) fn seq(doc: &str, value: i64) -> Result<u64, StoreError> {
    u64::try_from(value).map_err(|_| corrupt(Some(doc), "a chunk position is negative"))
}

/// Converts a stored kind, which must fit in a byte.
pub(crate) fn kind(doc: &str, value: i64) -> Result<u8, StoreError> {
    u8::try_from(value).map_err(|_| corrupt(Some(doc), "its kind is out of range"))
}

/// Borrows a blob column; any other type means the row was tampered with.
pub(crate) fn blob<'a>(doc: &str, row: &'a Row<'_>, idx: usize) -> Result<&'a [u8], StoreError> {
    row.get_ref(idx)?
        .as_blob()
        .map_err(|_| corrupt(Some(doc), "a stored value has the wrong type"))
}

/// Checks that the stored chunks are exactly `first..=last` (none when both are 0).
pub(crate) fn check_range(
    doc: &str,
    first: u64,
    last: u64,
    count: u64,
    lo: Option<u64>,
    hi: Option<u64>,
) -> Result<(), StoreError> {
    let ok = if last == 0 {
        first == 0 && count == 0
    } else {
        first >= 1
            && first <= last
            && count == last - first + 1
            && lo == Some(first)
            && hi == Some(last)
    };
    if ok {
        return Ok(());
    }
    Err(corrupt(
        Some(doc),
        format!(
            "it has {count} chunks at positions {}..{} but its snapshot reflects positions {first}..{last}, so a chunk is missing, extra or replayed",
            lo.unwrap_or(0),
            hi.unwrap_or(0)
        ),
    ))
}

/// Looks up the stored kind and wrapped key of a document, if it exists.
pub(crate) fn doc_row(conn: &Connection, id: &str) -> Result<Option<(u8, Vec<u8>)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT kind, wrapped_key FROM docs WHERE id = ?1")?;
    let row: Option<(i64, Vec<u8>)> = stmt
        .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(|(k, w)| Ok((kind(id, k)?, w))).transpose()
}

/// Converts a sequence number for SQLite, whose integers are signed.
pub(crate) fn sql_seq(doc: &str, value: u64) -> Result<i64, StoreError> {
    i64::try_from(value).map_err(|_| corrupt(Some(doc), "chunk positions are exhausted"))
}
