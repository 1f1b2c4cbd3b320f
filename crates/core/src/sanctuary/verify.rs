//! `verify`: every chunk, snapshot and setting decrypts and authenticates
//! (the store's check), and every document loads into Automerge and reads
//! back as exactly what its snapshot says.

use sanctuary_store::{Problem, VerifyReport};

use super::Sanctuary;
use crate::documents::{Kind, LiveDoc};
use crate::error::Result;
use crate::model::{AmbassadorDoc, Catalog, NetworkDoc, ProjectDoc};

impl Sanctuary {
    pub fn verify(&self) -> Result<VerifyReport> {
        let mut report = self.store.verify()?;
        for info in self.store.documents()? {
            if report
                .problems
                .iter()
                .any(|p| p.doc.as_deref() == Some(info.id.as_str()))
            {
                continue; // Already reported by the store; reading it again says nothing new.
            }
            if let Err(detail) = self.check_document(&info.id, info.kind) {
                report.problems.push(Problem {
                    doc: Some(info.id.clone()),
                    detail,
                });
            }
        }
        Ok(report)
    }

    fn check_document(&self, id: &str, kind: u8) -> Result<(), String> {
        let chunks = self.store.read_chunks(id).map_err(|e| e.to_string())?;
        let live = LiveDoc::load(id, &chunks, &self.actor).map_err(|e| e.to_string())?;
        let same = match Kind::from_u8(kind) {
            Some(Kind::Ambassador) => {
                autosurgeon::hydrate::<_, AmbassadorDoc>(&live.doc)
                    .ok()
                    .as_ref()
                    == self.ambassadors.get(id)
            }
            Some(Kind::Project) => {
                autosurgeon::hydrate::<_, ProjectDoc>(&live.doc)
                    .ok()
                    .as_ref()
                    == self.projects.get(id)
            }
            Some(Kind::Catalog) => {
                autosurgeon::hydrate::<_, Catalog>(&live.doc).ok().as_ref() == Some(&self.catalog)
            }
            Some(Kind::Network) => {
                autosurgeon::hydrate::<_, NetworkDoc>(&live.doc)
                    .ok()
                    .as_ref()
                    == Some(&self.network)
            }
            None => return Err(format!("unknown document kind {kind}")),
        };
        if same {
            Ok(())
        } else {
            Err("the document and its snapshot disagree".into())
        }
    }
}
