//! Writing documents: batches, compaction and deletion.
//!
//! A batch is one immediate SQLite transaction, so either every document in
//! it is written or none is. New document keys are only added to the key
//! cache after the commit succeeds, so a rolled-back batch can never leave a
//! key in memory that no row on disk matches.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::rows::{doc_row, seq, sql_seq};
use crate::{DocId, DocWrite, Keys, Store, StoreError, aad, check_doc_id, corrupt, crypto};

/// Rejects a malformed batch before any SQL runs.
fn check_batch(batch: &[DocWrite]) -> Result<(), StoreError> {
    for w in batch {
        check_doc_id(&w.id)?;
        if w.append.is_some() && w.compact.is_some() {
            return Err(StoreError::InvalidWrite(format!(
                "document {} was given both a chunk to append and a compacted chunk",
                w.id
            )));
        }
    }
    Ok(())
}

/// Writes one document inside the batch's transaction.
fn write_one(
    conn: &Connection,
    keys: &Keys,
    new_keys: &mut HashMap<DocId, crypto::Key>,
    w: &DocWrite,
) -> Result<(), StoreError> {
    let id = w.id.as_str();
    let existing = doc_row(conn, id)?;
    let key = match &existing {
        Some((kind, wrapped)) => {
            if *kind != w.kind {
                return Err(StoreError::InvalidWrite(format!(
                    "document {id} is of kind {kind}, but the write says kind {}",
                    w.kind
                )));
            }
            match new_keys.get(id) {
                Some(key) => key.clone(),
                None => keys.doc_key(id, *kind, wrapped)?,
            }
        }
        None => {
            let key = crypto::random_key()?;
            let wrapped = crypto::wrap_key(
                keys.store_key()?,
                &aad::doc_key(&keys.store_id, id, w.kind),
                &key,
            )?;
            conn.prepare_cached("INSERT INTO docs (id, kind, wrapped_key) VALUES (?1, ?2, ?3)")?
                .execute(params![id, w.kind, wrapped])?;
            new_keys.insert(id.to_owned(), key.clone());
            key
        }
    };

    // The snapshot row says which chunks exist; the highest stored chunk must
    // agree, otherwise appending would paper over a missing or extra chunk.
    let range: Option<(i64, i64)> = conn
        .prepare_cached("SELECT first_seq, last_seq FROM snapshots WHERE doc_id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (first, last) = match range {
        Some((first, last)) => (seq(id, first)?, seq(id, last)?),
        None if existing.is_some() => return Err(corrupt(Some(id), "its snapshot is missing")),
        None => (0, 0),
    };
    let max: Option<i64> = conn
        .prepare_cached("SELECT MAX(seq) FROM chunks WHERE doc_id = ?1")?
        .query_row([id], |r| r.get(0))?;
    if max.map(|m| seq(id, m)).transpose()? != (last != 0).then_some(last) {
        return Err(corrupt(
            Some(id),
            "its last chunk does not match its snapshot",
        ));
    }

    let next = last + 1;
    let insert_chunk = |plain: &[u8]| -> Result<(), StoreError> {
        let sealed = crypto::seal(&key, &aad::chunk(&keys.store_id, id, next), plain)?;
        conn.prepare_cached("INSERT INTO chunks (doc_id, seq, data) VALUES (?1, ?2, ?3)")?
            .execute(params![id, sql_seq(id, next)?, sealed])?;
        Ok(())
    };
    let (first, last) = if let Some(plain) = &w.compact {
        conn.prepare_cached("DELETE FROM chunks WHERE doc_id = ?1")?
            .execute([id])?;
        insert_chunk(plain)?;
        (next, next)
    } else if let Some(plain) = &w.append {
        insert_chunk(plain)?;
        (if first == 0 { next } else { first }, next)
    } else {
        (first, last)
    };

    let sealed = crypto::seal(
        &key,
        &aad::snapshot(&keys.store_id, id, first, last),
        &w.snapshot,
    )?;
    conn.prepare_cached(
        "INSERT INTO snapshots (doc_id, first_seq, last_seq, data) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (doc_id) DO UPDATE SET
             first_seq = excluded.first_seq, last_seq = excluded.last_seq, data = excluded.data",
    )?
    .execute(params![id, sql_seq(id, first)?, sql_seq(id, last)?, sealed])?;
    Ok(())
}

impl Store {
    /// All in one transaction; on any error nothing is written.
    pub fn write(&mut self, batch: Vec<DocWrite>) -> Result<(), StoreError> {
        check_batch(&batch)?;
        let Store { conn, keys, .. } = self;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut new_keys = HashMap::new();
        for w in &batch {
            write_one(&tx, keys, &mut new_keys, w)?;
        }
        tx.commit()?;
        keys.doc_keys.borrow_mut().extend(new_keys);
        Ok(())
    }

    /// Deletes a document's row, chunks, snapshot and wrapped key (crypto-shredding later builds on it).
    pub fn delete_document(&mut self, id: &str) -> Result<(), StoreError> {
        check_doc_id(id)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !delete_one(&tx, id)? {
            return Err(StoreError::UnknownDocument(id.to_owned()));
        }
        tx.commit()?;
        self.keys.doc_keys.borrow_mut().remove(id);
        Ok(())
    }

    /// Writes `batch` and destroys the documents `destroy` (their wrapped
    /// key, chunks, snapshot and secret; ids the store does not hold are skipped) in
    /// one transaction, then folds the log back into the database and
    /// truncates it. With `secure_delete` on, the freed pages are zeroed, so
    /// after this returns neither the database nor its WAL holds the
    /// destroyed documents' ciphertext or their wrapped keys (erasure).
    pub fn write_and_destroy(
        &mut self,
        batch: Vec<DocWrite>,
        destroy: &[String],
    ) -> Result<(), StoreError> {
        check_batch(&batch)?;
        for id in destroy {
            check_doc_id(id)?;
            if batch.iter().any(|w| w.id == *id) {
                return Err(StoreError::InvalidWrite(format!(
                    "document {id} is both written and destroyed"
                )));
            }
        }
        let Store { conn, keys, .. } = self;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut new_keys = HashMap::new();
        for w in &batch {
            write_one(&tx, keys, &mut new_keys, w)?;
        }
        for id in destroy {
            delete_one(&tx, id)?;
        }
        tx.commit()?;
        {
            let mut cached = keys.doc_keys.borrow_mut();
            cached.extend(new_keys);
            for id in destroy {
                cached.remove(id);
            }
        }
        // Committed already: the checkpoint only moves the pages out of the
        // log. A reader of another process could hold it back (none can: the
        // store is locked to this one), so its result needs no check.
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// Deletes one document's rows (and its secret, which may exist without
/// them) inside a transaction; false if it had no document row.
fn delete_one(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    conn.prepare_cached("DELETE FROM chunks WHERE doc_id = ?1")?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM snapshots WHERE doc_id = ?1")?
        .execute([id])?;
    // Its sync key goes with it: erasure destroys both in one transaction.
    conn.prepare_cached("DELETE FROM doc_secrets WHERE doc_id = ?1")?
        .execute([id])?;
    let removed = conn
        .prepare_cached("DELETE FROM docs WHERE id = ?1")?
        .execute([id])?;
    Ok(removed > 0)
}
