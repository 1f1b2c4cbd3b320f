//! [`Sanctuary`]: an unlocked store and its read model, the one API the app,
//! the CLI and the tests share.
//!
//! Every change follows one path: validate the new value, reconcile only the
//! part that changed into the document's Automerge doc, take the new changes
//! as one chunk, and hand the chunk and the updated snapshot to the store in
//! one transaction. Only once that transaction has committed does the read
//! model change, so a failed write leaves memory and disk as they were.

mod ambassadors;
mod backup;
pub use backup::{BACKUP_REMINDER_DAYS, BackupStatus};
mod catalog;
mod consent_due;
mod erasure;
mod export;
mod export_expenses_pathways;
mod feedback;
mod history;
mod import;
mod invitations;
mod matching;
mod open;
mod projects;
mod recognition;
mod retention;
mod rota;
mod self_view;
mod subject_access;
mod subject_access_html;
mod suggestions;
mod sync;
mod training;
mod verify;

use std::collections::HashMap;

use automerge::ActorId;
use sanctuary_store::{DocWrite, Store};
use serde::Serialize;

use crate::documents::{Kind, LiveDoc, encode_snapshot};
use crate::error::{CoreError, Result};
use crate::model::{AmbassadorDoc, Catalog, NetworkDoc, ProjectDoc};

pub use ambassadors::{AmbassadorQuery, SEARCH_TEXT_SEPARATOR, search_text};
pub use consent_due::ConsentDue;
pub use erasure::ErasureReport;
pub use export::{EXPORT_TABLES, ExportFormat};
pub use history::HistoryEntry;
pub use open::{CreateOptions, OpenTimings};
pub use retention::RetentionDue;
pub use self_view::{SelfView, StillInSelfView};
pub use subject_access::{RotaPlace, SubjectAccess};
pub use sync::{
    AUTO_SYNC_DEBOUNCE, AutoSync, AutoSyncState, AutoSyncStatus, Conflict, ConflictValue,
    DeviceInfo, FolderReport, ImportReport, Invite, NotifyFn, PassFn, PeerState, PeerStatus,
    RevokeReport, Schedule, SyncFailure, SyncProblem, SyncProblemKind, SyncProgress,
    documents_input, merge_untrusted, merge_untrusted_input,
};
pub use training::{CourseStanding, REMINDER_DAYS, TrainingSession, reminder_band, standings};

/// The document ids every network shares: there is one catalog and one network document.
pub const CATALOG_DOC: &str = "catalog";
pub const NETWORK_DOC: &str = "network";

/// A compacted document is rewritten as one chunk once it has this many;
/// below it, each change is appended (cheap, and what sync sends anyway).
const COMPACT_AFTER_CHUNKS: u64 = 64;

/// An unlocked store: the decrypted read model plus the documents loaded for editing.
pub struct Sanctuary {
    store: Store,
    actor: ActorId,
    ambassadors: HashMap<String, AmbassadorDoc>,
    projects: HashMap<String, ProjectDoc>,
    catalog: Catalog,
    network: NetworkDoc,
    /// Automerge documents loaded on first edit and kept for the next ones.
    live: HashMap<String, LiveDoc>,
}

impl Sanctuary {
    /// A session over `store` with nothing read from it yet.
    fn empty(store: Store, actor: ActorId) -> Sanctuary {
        Sanctuary {
            store,
            actor,
            ambassadors: HashMap::new(),
            projects: HashMap::new(),
            catalog: Catalog::new(),
            network: NetworkDoc::unloaded(),
            live: HashMap::new(),
        }
    }

    pub fn network(&self) -> &NetworkDoc {
        &self.network
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// This device's id in the network (its Automerge actor id, in hex).
    pub fn device_id(&self) -> String {
        self.actor.to_hex_string()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Loads a document for editing, once per session.
    fn live_doc(&mut self, id: &str) -> Result<&mut LiveDoc> {
        if !self.live.contains_key(id) {
            let chunks = self.store.read_chunks(id)?;
            let live = LiveDoc::load(id, &chunks, &self.actor)?;
            self.live.insert(id.to_string(), live);
        }
        self.live
            .get_mut(id)
            .ok_or_else(|| CoreError::Internal(format!("document {id} vanished")))
    }

    /// Applies `change` to document `id`, commits it, and writes the new
    /// changes with `snapshot` (the document's struct after the change) in one
    /// store transaction. On any failure the loaded document is dropped so the
    /// next edit reloads it from what the store really holds.
    fn commit<T: Serialize>(
        &mut self,
        id: &str,
        kind: Kind,
        message: &str,
        snapshot: &T,
        change: impl FnOnce(&mut automerge::AutoCommit) -> Result<()>,
    ) -> Result<()> {
        let result = self.try_commit(id, kind, message, snapshot, change);
        if result.is_err() {
            self.live.remove(id);
        }
        result
    }

    fn try_commit<T: Serialize>(
        &mut self,
        id: &str,
        kind: Kind,
        message: &str,
        snapshot: &T,
        change: impl FnOnce(&mut automerge::AutoCommit) -> Result<()>,
    ) -> Result<()> {
        let snapshot = encode_snapshot(snapshot)?;
        let live = self.live_doc(id)?;
        if let Some(write) = prepare_write(live, id, kind, message, snapshot, change)? {
            self.store.write(vec![write])?;
        }
        Ok(())
    }

    /// Like [`Sanctuary::commit`] for several documents of one kind, all
    /// written in one store transaction: all of them or none.
    fn commit_batch<T: Serialize>(
        &mut self,
        kind: Kind,
        message: &str,
        docs: &[(String, T)],
        change: impl Fn(&str, &mut automerge::AutoCommit) -> Result<()>,
    ) -> Result<()> {
        let mut writes = Vec::with_capacity(docs.len());
        let mut result = Ok(());
        for (id, snapshot) in docs {
            let prepared = encode_snapshot(snapshot).and_then(|snapshot| {
                let live = self.live_doc(id)?;
                prepare_write(live, id, kind, message, snapshot, |am| change(id, am))
            });
            match prepared {
                Ok(write) => writes.extend(write),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        let result = result.and_then(|()| Ok(self.store.write(writes)?));
        if result.is_err() {
            for (id, _) in docs {
                self.live.remove(id);
            }
        }
        result
    }

    /// Writes brand-new documents, each built by `build` as several commits,
    /// in one store transaction (demo data and imports).
    fn create_documents<T: Serialize + autosurgeon::Reconcile>(
        &mut self,
        kind: Kind,
        docs: &[(String, T)],
        build: impl Fn(&mut LiveDoc, &T) -> Result<()>,
    ) -> Result<()> {
        let mut writes = Vec::with_capacity(docs.len());
        let mut lives = Vec::with_capacity(docs.len());
        for (id, value) in docs {
            let mut live = LiveDoc::new(&self.actor);
            build(&mut live, value)?;
            let chunk = live.save_all();
            live.chunks = 1;
            writes.push(DocWrite {
                id: id.clone(),
                kind: kind as u8,
                append: Some(chunk),
                compact: None,
                snapshot: encode_snapshot(value)?,
            });
            lives.push((id.clone(), live));
        }
        self.store.write(writes)?;
        // Only a few documents are kept loaded: the ones just created are
        // rarely edited straight away, and thousands would cost memory.
        if lives.len() <= 16 {
            self.live.extend(lives);
        }
        Ok(())
    }

    /// Changes the passphrase: the store key is rewrapped, nothing re-encrypted.
    pub fn change_passphrase(
        &mut self,
        new: &sanctuary_store::SecretString,
        kdf: sanctuary_store::KdfParams,
    ) -> Result<()> {
        self.store.change_passphrase(new, kdf)?;
        Ok(())
    }

    /// `wrong-passphrase` unless `passphrase` is the store's; changes nothing.
    pub fn check_passphrase(&self, passphrase: &sanctuary_store::SecretString) -> Result<()> {
        self.store.check_passphrase(passphrase)?;
        Ok(())
    }
}

/// Applies `change` to a loaded document, commits it, and returns the store
/// write that makes it durable: the new changes appended, or the whole
/// document as one chunk once it has many. `None` if nothing changed.
fn prepare_write(
    live: &mut LiveDoc,
    id: &str,
    kind: Kind,
    message: &str,
    snapshot: Vec<u8>,
    change: impl FnOnce(&mut automerge::AutoCommit) -> Result<()>,
) -> Result<Option<DocWrite>> {
    change(&mut live.doc)?;
    live.commit(message);
    let (append, compact) = if live.chunks >= COMPACT_AFTER_CHUNKS {
        live.chunks = 1;
        (None, Some(live.save_all()))
    } else {
        let Some(chunk) = live.take_new_changes() else {
            return Ok(None);
        };
        live.chunks += 1;
        (Some(chunk), None)
    };
    Ok(Some(DocWrite {
        id: id.to_string(),
        kind: kind as u8,
        append,
        compact,
        snapshot,
    }))
}

/// Finds one item by exact id, unique id prefix (4+ characters) or exact
/// name ignoring case: how people refer to things on the command line.
fn find_one<'a, T>(
    what: crate::model::Thing,
    key: &str,
    items: impl Iterator<Item = (&'a String, &'a T)> + Clone,
    name: impl Fn(&T) -> &str,
) -> Result<&'a T> {
    let key = key.trim();
    if let Some((_, item)) = items.clone().find(|(id, _)| id.as_str() == key) {
        return Ok(item);
    }
    let by_prefix: Vec<_> = if key.len() >= 4 {
        items
            .clone()
            .filter(|(id, _)| id.starts_with(key))
            .collect()
    } else {
        Vec::new()
    };
    let matches = if by_prefix.is_empty() {
        items
            .filter(|(_, item)| name(item).to_lowercase() == key.to_lowercase())
            .collect()
    } else {
        by_prefix
    };
    match matches.as_slice() {
        [(_, one)] => Ok(one),
        [] => Err(CoreError::NotFound {
            what,
            key: key.to_string(),
        }),
        many => {
            let mut ids: Vec<String> = many.iter().map(|(id, _)| id.to_string()).collect();
            ids.sort();
            Err(CoreError::Ambiguous {
                what,
                key: key.to_string(),
                matches: ids,
            })
        }
    }
}
