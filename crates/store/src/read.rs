//! Reading documents: snapshots on the unlock path, chunks on demand.
//!
//! Every read authenticates what it returns. The snapshot's chunk range is
//! bound into its associated data, and the rows actually present in `chunks`
//! are compared with that range, so a deleted, extra or replayed chunk is
//! reported as damage to that document rather than silently ignored.

use rusqlite::Row;

use crate::rows::{blob, check_range, doc_row, kind, seq, sql_seq};
use crate::{
    DocInfo, Keys, Snapshot, Store, StoreError, StoredChunks, aad, check_doc_id, corrupt, crypto,
};

/// Every document with its snapshot and the shape of its stored chunks.
/// The chunk aggregates use the `(doc_id, seq)` primary-key index only.
const SNAPSHOT_SELECT: &str = "
SELECT d.id, d.kind, d.wrapped_key, s.first_seq, s.last_seq, s.data,
       (SELECT COUNT(*) FROM chunks c WHERE c.doc_id = d.id),
       (SELECT MIN(seq) FROM chunks c WHERE c.doc_id = d.id),
       (SELECT MAX(seq) FROM chunks c WHERE c.doc_id = d.id)
FROM docs d LEFT JOIN snapshots s ON s.doc_id = d.id";

impl Keys {
    /// Unwraps a document key from its stored row, bypassing the cache.
    pub(crate) fn unwrap_doc_key(
        &self,
        doc: &str,
        kind: u8,
        wrapped: &[u8],
    ) -> Result<crypto::Key, StoreError> {
        crypto::unwrap_key(
            self.store_key()?,
            &aad::doc_key(&self.store_id, doc, kind),
            wrapped,
        )
        .map_err(|_| corrupt(Some(doc), "its key does not authenticate"))
    }

    /// Returns the document key, unwrapping and caching it on first use.
    pub(crate) fn doc_key(
        &self,
        doc: &str,
        kind: u8,
        wrapped: &[u8],
    ) -> Result<crypto::Key, StoreError> {
        if let Some(key) = self.doc_keys.borrow().get(doc) {
            return Ok(key.clone());
        }
        let key = self.unwrap_doc_key(doc, kind, wrapped)?;
        self.doc_keys
            .borrow_mut()
            .insert(doc.to_owned(), key.clone());
        Ok(key)
    }
}

impl Store {
    /// Decodes and authenticates one row of [`SNAPSHOT_SELECT`].
    fn snapshot_from_row(&self, row: &Row<'_>) -> Result<Snapshot, StoreError> {
        let id: String = row.get(0)?;
        let kind = kind(&id, row.get(1)?)?;
        let (first, last): (Option<i64>, Option<i64>) = (row.get(3)?, row.get(4)?);
        let (Some(first), Some(last), Ok(Some(sealed))) =
            (first, last, row.get_ref(5)?.as_blob_or_null())
        else {
            return Err(corrupt(Some(&id), "its snapshot is missing"));
        };
        let (first, last) = (seq(&id, first)?, seq(&id, last)?);
        let count = seq(&id, row.get(6)?)?;
        let lo = row
            .get::<_, Option<i64>>(7)?
            .map(|v| seq(&id, v))
            .transpose()?;
        let hi = row
            .get::<_, Option<i64>>(8)?
            .map(|v| seq(&id, v))
            .transpose()?;
        let key = self.keys.doc_key(&id, kind, blob(&id, row, 2)?)?;
        let data = crypto::open(
            &key,
            &aad::snapshot(&self.keys.store_id, &id, first, last),
            sealed,
        )
        .map_err(|_| corrupt(Some(&id), "its snapshot does not authenticate"))?;
        check_range(&id, first, last, count, lo, hi)?;
        Ok(Snapshot {
            id,
            kind,
            first_seq: first,
            last_seq: last,
            data,
        })
    }

    /// Decrypts every snapshot; fails with Corrupt naming the doc if one does not authenticate.
    pub fn read_snapshots(&self) -> Result<Vec<Snapshot>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SNAPSHOT_SELECT} ORDER BY d.id"))?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(self.snapshot_from_row(row)?);
        }
        Ok(out)
    }

    /// Decrypts one document's snapshot, or `None` if there is no such document.
    pub fn read_snapshot(&self, id: &str) -> Result<Option<Snapshot>, StoreError> {
        check_doc_id(id)?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SNAPSHOT_SELECT} WHERE d.id = ?1"))?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => Ok(Some(self.snapshot_from_row(row)?)),
            None => Ok(None),
        }
    }

    /// Decrypted chunks of one document in seq order (checks contiguity against the snapshot's range).
    pub fn read_chunks(&self, id: &str) -> Result<Vec<Vec<u8>>, StoreError> {
        self.find_chunks(id)?
            .map(|stored| stored.chunks)
            .ok_or_else(|| StoreError::UnknownDocument(id.to_owned()))
    }

    /// A document's kind and decrypted chunks, or `None` if the store does
    /// not have it: one lookup for a caller that merges into documents it
    /// may or may not hold, instead of listing every document first.
    pub fn find_chunks(&self, id: &str) -> Result<Option<StoredChunks>, StoreError> {
        self.find_chunks_after(id, 0)
    }

    /// Like [`Store::find_chunks`], but only the chunks numbered above
    /// `after`: what a document gained since a sync bundle was made, without
    /// reading and decrypting its older chunks.
    pub fn find_chunks_after(
        &self,
        id: &str,
        after: u64,
    ) -> Result<Option<StoredChunks>, StoreError> {
        // Reading the snapshot first authenticates the range we check against.
        let Some(snap) = self.read_snapshot(id)? else {
            return Ok(None);
        };
        let from = after
            .saturating_add(1)
            .max(snap.first_seq)
            .min(snap.last_seq + 1);
        let (kind, wrapped) =
            doc_row(&self.conn, id)?.ok_or_else(|| StoreError::UnknownDocument(id.to_owned()))?;
        let key = self.keys.doc_key(id, kind, &wrapped)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, data FROM chunks WHERE doc_id = ?1 AND seq >= ?2 ORDER BY seq",
        )?;
        let mut rows = stmt.query(rusqlite::params![id, sql_seq(id, from)?])?;
        let mut out = Vec::new();
        let mut expected = from;
        while let Some(row) = rows.next()? {
            let at = seq(id, row.get(0)?)?;
            if at != expected || at > snap.last_seq {
                return Err(corrupt(
                    Some(id),
                    format!("chunk {at} is out of place (expected {expected})"),
                ));
            }
            let data = crypto::open(
                &key,
                &aad::chunk(&self.keys.store_id, id, at),
                blob(id, row, 1)?,
            )
            .map_err(|_| corrupt(Some(id), format!("chunk {at} does not authenticate")))?;
            out.push(data);
            expected += 1;
        }
        if snap.last_seq != 0 && expected != snap.last_seq + 1 {
            return Err(corrupt(
                Some(id),
                format!("chunks after {} are missing", expected - 1),
            ));
        }
        Ok(Some(StoredChunks { kind, chunks: out }))
    }

    /// Authenticates every stored chunk without keeping the plaintext, so
    /// unlocking notices a damaged chunk even in a document nobody opens.
    /// Call after [`Store::read_snapshots`], which has checked each
    /// document's chunk range and cached its key.
    pub fn authenticate_chunks(&self) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.doc_id, c.seq, c.data, d.kind, d.wrapped_key
             FROM chunks c JOIN docs d ON d.id = c.doc_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let at = seq(&id, row.get(1)?)?;
            let key = self
                .keys
                .doc_key(&id, kind(&id, row.get(3)?)?, blob(&id, row, 4)?)?;
            crypto::open(
                &key,
                &aad::chunk(&self.keys.store_id, &id, at),
                blob(&id, row, 2)?,
            )
            .map_err(|_| corrupt(Some(&id), format!("chunk {at} does not authenticate")))?;
        }
        Ok(())
    }

    /// Lists documents from plaintext columns only; run [`Store::verify`] to authenticate them.
    /// It reads neither chunks nor snapshots, only the docs table and the
    /// `snapshot_ranges` index.
    pub fn documents(&self) -> Result<Vec<DocInfo>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.kind, s.first_seq, s.last_seq
             FROM docs d LEFT JOIN snapshots s INDEXED BY snapshot_ranges ON s.doc_id = d.id
             ORDER BY d.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let kind = kind(&id, row.get(1)?)?;
            let first_seq = seq(&id, row.get::<_, Option<i64>>(2)?.unwrap_or(0))?;
            let last_seq = seq(&id, row.get::<_, Option<i64>>(3)?.unwrap_or(0))?;
            out.push(DocInfo {
                id,
                kind,
                first_seq,
                last_seq,
            });
        }
        Ok(out)
    }
}
