//! Writing a planned spreadsheet import (see `crate::import`): new people
//! and what the file adds to people already stored, all in one store
//! transaction, and the column mapping remembered per header row.

use automerge::ROOT;
use sanctuary_store::DocWrite;

use super::Sanctuary;
use super::ambassadors::{internal, write_new_ambassador};
use crate::documents::{Kind, LiveDoc, encode_snapshot, root_map};
use crate::error::{CoreError, Result};
use crate::import::{
    self, Existing, ImportKind, ImportOptions, ImportPreview, Mapping, SheetImportReport,
};
use crate::model::AmbassadorDoc;
use crate::model::packed::NewRecord;

const MAPPING_META_PREFIX: &str = "import.mapping.";

/// The setting that remembers the mapping of one header row. The name
/// holds only a hash of the header's compared form, never its text.
fn mapping_meta(kind: ImportKind, header: &[String]) -> String {
    // FNV-1a: stable across releases and platforms, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for title in header {
        for byte in import::normalise_header(title).bytes().chain([0x1f]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{MAPPING_META_PREFIX}{}.{hash:016x}", kind.as_str())
}

fn empty_header() -> CoreError {
    CoreError::Import(import::ImportRefusal::EmptyHeader)
}

impl Sanctuary {
    /// Imports a spreadsheet's rows (see [`ImportOptions`]). Returns the
    /// report; `written` says whether anything was stored. With rejected
    /// rows and no `skip_invalid`, or on a dry run, nothing is written.
    pub fn import_sheet(
        &mut self,
        bytes: &[u8],
        options: &ImportOptions,
    ) -> Result<SheetImportReport> {
        let sheet = sanctuary_sheets::read(bytes)?;
        let header = sheet.header();
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err(empty_header());
        }
        let remembered_name = mapping_meta(options.kind, &header);
        let mapping = match &options.mapping {
            Some(m) => m.clone(),
            None => self
                .remembered_mapping(options.kind, &header)?
                .unwrap_or_default(),
        };
        let existing = Existing::new(&self.ambassadors, &self.catalog, &self.projects);
        let (plan, mut report) = import::plan(&sheet, options, &mapping, &existing)?;
        let refused = !plan.rejected.is_empty() && !options.skip_invalid;
        if options.dry_run || refused {
            return Ok(report);
        }
        self.write_import(plan.new, plan.changed)?;
        report.written = true;
        if options.mapping.is_some() {
            let json = serde_json::to_vec(&mapping)
                .map_err(|e| CoreError::Internal(format!("encoding the mapping: {e}")))?;
            self.store.put_meta(&remembered_name, &json)?;
        }
        Ok(report)
    }

    /// A file's first rows and the field each column will be read as (the
    /// mapping remembered for its header row, else the usual header names),
    /// for the app's column-mapping step. Reads the file only.
    pub fn import_preview(&self, bytes: &[u8], kind: ImportKind) -> Result<ImportPreview> {
        let sheet = sanctuary_sheets::read(bytes)?;
        let header = sheet.header();
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err(empty_header());
        }
        let remembered = self.remembered_mapping(kind, &header)?;
        Ok(import::preview(
            &sheet,
            kind,
            remembered.as_ref().unwrap_or(&Mapping::default()),
            remembered.is_some(),
        ))
    }

    /// The mapping saved by the last import of a file with this header row.
    fn remembered_mapping(&self, kind: ImportKind, header: &[String]) -> Result<Option<Mapping>> {
        Ok(self
            .store
            .get_meta(&mapping_meta(kind, header))?
            .and_then(|bytes| serde_json::from_slice(&bytes).ok()))
    }

    /// Writes new people and changed people in one transaction; the read
    /// model changes only after it committed.
    fn write_import(&mut self, new: Vec<AmbassadorDoc>, changed: Vec<AmbassadorDoc>) -> Result<()> {
        let mut writes = Vec::with_capacity(new.len() + changed.len());
        for doc in &new {
            let mut live = LiveDoc::new(&self.actor);
            write_new_ambassador(&mut live, doc)?;
            writes.push(DocWrite {
                id: doc.id().to_string(),
                kind: Kind::Ambassador as u8,
                append: Some(live.save_all()),
                compact: None,
                snapshot: encode_snapshot(doc)?,
            });
        }
        let result = self.changed_writes(&changed).and_then(|more| {
            writes.extend(more);
            Ok(self.store.write(writes)?)
        });
        if result.is_err() {
            for doc in &changed {
                self.live.remove(doc.id());
            }
            return result;
        }
        for doc in new.into_iter().chain(changed) {
            self.ambassadors.insert(doc.id().to_string(), doc);
        }
        Ok(())
    }

    /// For each changed person: the profile, and every record the stored
    /// document lacks, as one new change each.
    fn changed_writes(&mut self, changed: &[AmbassadorDoc]) -> Result<Vec<DocWrite>> {
        let mut writes = Vec::with_capacity(changed.len());
        for doc in changed {
            let id = doc.id().to_string();
            let old = self
                .ambassadors
                .get(&id)
                .cloned()
                .ok_or_else(|| CoreError::Internal(format!("ambassador {id} vanished")))?;
            let snapshot = encode_snapshot(doc)?;
            let live = self.live_doc(&id)?;
            let write =
                super::prepare_write(live, &id, Kind::Ambassador, "import", snapshot, |am| {
                    if old.profile != doc.profile {
                        autosurgeon::reconcile_prop(am, ROOT, "profile", &doc.profile)
                            .map_err(internal)?;
                    }
                    let training = root_map(am, "training")?;
                    for (rid, r) in doc
                        .training
                        .iter()
                        .filter(|(k, _)| !old.training.contains_key(*k))
                    {
                        autosurgeon::reconcile_prop(am, &training, rid.as_str(), NewRecord(r))
                            .map_err(internal)?;
                    }
                    let contributions = root_map(am, "contributions")?;
                    for (rid, r) in doc
                        .contributions
                        .iter()
                        .filter(|(k, _)| !old.contributions.contains_key(*k))
                    {
                        autosurgeon::reconcile_prop(am, &contributions, rid.as_str(), NewRecord(r))
                            .map_err(internal)?;
                    }
                    Ok(())
                })?;
            writes.extend(write);
        }
        Ok(writes)
    }
}
