//! The comparison: the same ambassadors and records as rows of a plain,
//! unencrypted SQLite file, each row's fields as JSON, loaded back into the
//! same structs. What a store without encryption or CRDTs would cost.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rusqlite::{Connection, params};
use sanctuary_core::model::AmbassadorDoc;

use crate::BenchError;

pub struct Baseline {
    pub path: PathBuf,
    pub bytes: u64,
}

const TABLES: [&str; 4] = ["consent", "training", "contribution", "recognition"];

pub fn build(path: &Path, docs: &[AmbassadorDoc]) -> Result<Baseline, BenchError> {
    let _ = std::fs::remove_file(path);
    let mut db = Connection::open(path)?;
    db.execute_batch("CREATE TABLE ambassador(id TEXT PRIMARY KEY, body TEXT NOT NULL);")?;
    for table in TABLES {
        db.execute_batch(&format!(
            "CREATE TABLE {table}(id TEXT PRIMARY KEY, ambassador TEXT NOT NULL, body TEXT NOT NULL);"
        ))?;
    }
    let tx = db.transaction()?;
    for doc in docs {
        let id = doc.id();
        tx.execute(
            "INSERT INTO ambassador VALUES (?1, ?2)",
            params![id, serde_json::to_string(&doc.profile)?],
        )?;
        let rows = [
            json_rows(&doc.consents)?,
            json_rows(&doc.training)?,
            json_rows(&doc.contributions)?,
            json_rows(&doc.recognition)?,
        ];
        for (table, rows) in TABLES.iter().zip(rows) {
            let mut insert =
                tx.prepare_cached(&format!("INSERT INTO {table} VALUES (?1, ?2, ?3)"))?;
            for (record, body) in rows {
                insert.execute(params![record, id, body])?;
            }
        }
    }
    tx.commit()?;
    drop(db);
    Ok(Baseline {
        path: path.to_path_buf(),
        bytes: std::fs::metadata(path)?.len(),
    })
}

fn json_rows<V: serde::Serialize>(
    records: &BTreeMap<String, V>,
) -> Result<Vec<(&String, String)>, serde_json::Error> {
    records
        .iter()
        .map(|(id, v)| Ok((id, serde_json::to_string(v)?)))
        .collect()
}

/// Opens the baseline and reads every row into `AmbassadorDoc`s; milliseconds.
pub fn load(path: &Path) -> Result<f64, BenchError> {
    let started = Instant::now();
    let db = Connection::open(path)?;
    let mut docs: HashMap<String, AmbassadorDoc> = HashMap::new();
    let mut people = db.prepare("SELECT id, body FROM ambassador")?;
    let mut rows = people.query([])?;
    while let Some(row) = rows.next()? {
        let body: String = row.get(1)?;
        docs.insert(
            row.get(0)?,
            AmbassadorDoc::new(serde_json::from_str(&body)?),
        );
    }
    for table in TABLES {
        let mut select = db.prepare(&format!("SELECT id, ambassador, body FROM {table}"))?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let (id, owner, body): (String, String, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?);
            let Some(doc) = docs.get_mut(&owner) else {
                continue;
            };
            match table {
                "consent" => drop(doc.consents.insert(id, serde_json::from_str(&body)?)),
                "training" => drop(doc.training.insert(id, serde_json::from_str(&body)?)),
                "contribution" => drop(doc.contributions.insert(id, serde_json::from_str(&body)?)),
                _ => drop(doc.recognition.insert(id, serde_json::from_str(&body)?)),
            }
        }
    }
    std::hint::black_box(docs.len());
    Ok(started.elapsed().as_secs_f64() * 1000.0)
}
