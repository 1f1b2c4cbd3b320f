//! A full integrity check that reports every problem instead of stopping.
//!
//! Unlike the read path, verification unwraps each document key afresh from
//! its row (ignoring the cache), decrypts every chunk, snapshot and setting,
//! compares chunk positions with the snapshot's range, looks for rows that
//! belong to no document, and runs SQLite's own page-level check.

use crate::rows::{blob, check_range, kind, seq};
use crate::{Problem, Store, StoreError, VerifyReport, aad, corrupt, crypto};

/// Turns damage into a reported problem; other errors (I/O, SQLite) still abort.
fn collect(report: &mut VerifyReport, result: Result<(), StoreError>) -> Result<(), StoreError> {
    match result {
        Ok(()) => Ok(()),
        Err(StoreError::Corrupt { doc, detail }) => {
            report.problems.push(Problem { doc, detail });
            Ok(())
        }
        Err(err) => Err(err),
    }
}

impl Store {
    /// Decrypts and checks every chunk, snapshot, meta row and document secret; collects problems instead of stopping at the first.
    pub fn verify(&self) -> Result<VerifyReport, StoreError> {
        let mut report = VerifyReport::default();
        let mut stmt = self.conn.prepare("PRAGMA quick_check")?;
        for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                report.problems.push(Problem {
                    doc: None,
                    detail: format!("database check: {line}"),
                });
            }
        }

        let mut stmt = self
            .conn
            .prepare("SELECT id, kind, wrapped_key FROM docs ORDER BY id")?;
        let docs: Vec<(String, i64, Vec<u8>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        for (id, kind_value, wrapped) in docs {
            report.documents += 1;
            let result = self.verify_doc(&mut report, &id, kind_value, &wrapped);
            collect(&mut report, result)?;
        }

        for table in ["chunks", "snapshots"] {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT DISTINCT doc_id FROM {table} WHERE doc_id NOT IN (SELECT id FROM docs) ORDER BY doc_id"
            ))?;
            for doc in stmt.query_map([], |r| r.get::<_, String>(0))? {
                let detail = format!("it has rows in {table} but no key, so they cannot be read");
                report.problems.push(Problem {
                    doc: Some(doc?),
                    detail,
                });
            }
        }

        let mut stmt = self
            .conn
            .prepare("SELECT name, data FROM meta ORDER BY name")?;
        let rows: Vec<(String, Vec<u8>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (name, sealed) in rows {
            report.bytes += sealed.len() as u64;
            if crypto::open(
                self.keys.store_key()?,
                &aad::meta(&self.keys.store_id, &name),
                &sealed,
            )
            .is_err()
            {
                let detail = format!("the setting {name} does not authenticate");
                report.problems.push(Problem { doc: None, detail });
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id, data FROM doc_secrets ORDER BY doc_id")?;
        let rows: Vec<(String, Vec<u8>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (id, sealed) in rows {
            report.bytes += sealed.len() as u64;
            let result = self.open_secret(&id, &sealed).map(|_| ());
            collect(&mut report, result)?;
        }
        Ok(report)
    }

    /// Checks one document, pushing chunk-level problems and returning the first fatal one.
    fn verify_doc(
        &self,
        report: &mut VerifyReport,
        id: &str,
        kind_value: i64,
        wrapped: &[u8],
    ) -> Result<(), StoreError> {
        let kind = kind(id, kind_value)?;
        let key = self.keys.unwrap_doc_key(id, kind, wrapped)?;
        let store_id = &self.keys.store_id;

        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq, data FROM chunks WHERE doc_id = ?1 ORDER BY seq")?;
        let mut rows = stmt.query([id])?;
        let (mut count, mut lo, mut hi) = (0u64, None, None);
        while let Some(row) = rows.next()? {
            let at = seq(id, row.get(0)?)?;
            let sealed = blob(id, row, 1)?;
            report.chunks += 1;
            report.bytes += sealed.len() as u64;
            count += 1;
            lo = lo.or(Some(at));
            hi = Some(at);
            if crypto::open(&key, &aad::chunk(store_id, id, at), sealed).is_err() {
                let detail = format!("chunk {at} does not authenticate");
                report.problems.push(Problem {
                    doc: Some(id.to_owned()),
                    detail,
                });
            }
        }

        let mut stmt = self
            .conn
            .prepare_cached("SELECT first_seq, last_seq, data FROM snapshots WHERE doc_id = ?1")?;
        let mut rows = stmt.query([id])?;
        let Some(row) = rows.next()? else {
            return Err(corrupt(Some(id), "its snapshot is missing"));
        };
        let (first, last) = (seq(id, row.get(0)?)?, seq(id, row.get(1)?)?);
        let sealed = blob(id, row, 2)?;
        report.bytes += sealed.len() as u64;
        if crypto::open(&key, &aad::snapshot(store_id, id, first, last), sealed).is_err() {
            return Err(corrupt(Some(id), "its snapshot does not authenticate"));
        }
        check_range(id, first, last, count, lo, hi)
    }
}
