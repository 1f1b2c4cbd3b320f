//! Per-document secrets a layer above keeps beside a document (sync keeps
//! each person's document sync key here, for crypto-shredding of bundles).
//!
//! Each value is sealed under the store key and bound to its document id,
//! like a setting. A secret may exist before its document does (a key can
//! arrive before the changes it opens), so it has no foreign key; destroying
//! or deleting a document deletes its secret in the same transaction (see
//! `write::delete_one`), which is what makes erasure destroy it too.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use crate::{Store, StoreError, aad, check_doc_id, corrupt, crypto};

impl Store {
    /// Stores (or replaces) the secrets of several documents in one transaction.
    pub fn put_doc_secrets(&mut self, items: &[(String, Vec<u8>)]) -> Result<(), StoreError> {
        for (id, _) in items {
            check_doc_id(id)?;
        }
        let Store { conn, keys, .. } = self;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (id, value) in items {
            let sealed = crypto::seal(
                keys.store_key()?,
                &aad::doc_secret(&keys.store_id, id),
                value,
            )?;
            tx.prepare_cached(
                "INSERT INTO doc_secrets (doc_id, data) VALUES (?1, ?2)
                 ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data",
            )?
            .execute(params![id, sealed])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// One document's secret, or `None` if it has none.
    pub fn doc_secret(&self, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        check_doc_id(id)?;
        let sealed: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT data FROM doc_secrets WHERE doc_id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        sealed.map(|s| self.open_secret(id, &s)).transpose()
    }

    /// Every document secret, by document id.
    pub fn doc_secrets(&self) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT doc_id, data FROM doc_secrets ORDER BY doc_id")?;
        let rows: Vec<(String, Vec<u8>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(id, sealed)| {
                let value = self.open_secret(&id, &sealed)?;
                Ok((id, value))
            })
            .collect()
    }

    pub(crate) fn open_secret(&self, id: &str, sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
        crypto::open(
            self.keys.store_key()?,
            &aad::doc_secret(&self.keys.store_id, id),
            sealed,
        )
        .map_err(|_| corrupt(Some(id), "its sync key does not authenticate"))
    }
}
