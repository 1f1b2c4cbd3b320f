//! Automerge documents as the store sees them: their kinds, how a loaded
//! document hands over only its new changes, and the encoded read-model
//! snapshot written beside them.
//!
//! The snapshot is a cache of the hydrated struct: if it cannot be decoded
//! (an older snapshot format after an upgrade), the document itself is loaded
//! and hydrated instead, and a fresh snapshot written.

use automerge::{ActorId, AutoCommit, ChangeHash, ObjType, ROOT, ReadDoc};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::CoreError;

/// What a document holds; stored beside it as a small number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Ambassador = 1,
    Project = 2,
    Catalog = 3,
    Network = 4,
}

impl Kind {
    pub fn from_u8(n: u8) -> Option<Kind> {
        match n {
            1 => Some(Kind::Ambassador),
            2 => Some(Kind::Project),
            3 => Some(Kind::Catalog),
            4 => Some(Kind::Network),
            _ => None,
        }
    }
}

/// Bumped whenever a snapshot's struct layout changes; old snapshots are then
/// rebuilt from their documents. 2: projects gained invitations and a rota.
/// 3: network devices gained keys, invites and revocation (sync).
/// 4: ambassadors gained suggestions; training records place, session, reflection.
/// 5: network devices gained exchange keys, revocations an epoch and a
/// signature, the network its key epochs (device removal, sync).
/// 6: the network gained its match settings.
/// 7: the network gained erasure tombstones and its retention period.
/// 8: ambassadors gained pathways, projects their outcomes ("you said, we did").
const SNAPSHOT_FORMAT: u8 = 8;

pub fn encode_snapshot<T: Serialize>(value: &T) -> Result<Vec<u8>, CoreError> {
    postcard::to_extend(value, vec![SNAPSHOT_FORMAT])
        .map_err(|e| CoreError::Internal(format!("encoding a snapshot: {e}")))
}

/// Decodes a snapshot, or `None` if it was written in another format.
pub fn decode_snapshot<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    match bytes.split_first() {
        Some((&SNAPSHOT_FORMAT, rest)) => postcard::from_bytes(rest).ok(),
        _ => None,
    }
}

/// A document loaded for editing, remembering which changes the store already has.
pub struct LiveDoc {
    pub doc: AutoCommit,
    saved_heads: Vec<ChangeHash>,
    /// Chunks the store holds for this document; compaction resets it to one.
    pub chunks: u64,
}

impl LiveDoc {
    /// A new, empty document written by this device.
    pub fn new(actor: &ActorId) -> LiveDoc {
        LiveDoc {
            doc: AutoCommit::new().with_actor(actor.clone()),
            saved_heads: Vec::new(),
            chunks: 0,
        }
    }

    /// Loads a document from its stored chunks (a full save followed by
    /// incremental ones); loading checks every change's hash.
    pub fn load(doc_id: &str, chunks: &[Vec<u8>], actor: &ActorId) -> Result<LiveDoc, CoreError> {
        let bytes = chunks.concat();
        let mut doc = AutoCommit::load(&bytes).map_err(|e| CoreError::Damaged {
            doc: doc_id.to_string(),
            detail: e.to_string(),
        })?;
        doc.set_actor(actor.clone());
        let saved_heads = doc.get_heads();
        Ok(LiveDoc {
            doc,
            saved_heads,
            chunks: chunks.len() as u64,
        })
    }

    /// The changes made since the last call (or since loading), as one chunk;
    /// `None` if nothing changed.
    pub fn take_new_changes(&mut self) -> Option<Vec<u8>> {
        let heads = self.doc.get_heads();
        if heads == self.saved_heads {
            return None;
        }
        let chunk = self.doc.save_after(&self.saved_heads);
        self.saved_heads = heads;
        Some(chunk)
    }

    /// Records that the store now holds everything this document has
    /// (after storing bytes received whole).
    pub fn mark_saved(&mut self) {
        self.saved_heads = self.doc.get_heads();
    }

    /// The whole document as one compact chunk (for compaction).
    pub fn save_all(&mut self) -> Vec<u8> {
        self.saved_heads = self.doc.get_heads();
        self.doc.save()
    }

    pub fn commit(&mut self, message: &str) {
        let now = chrono::Utc::now().timestamp();
        self.doc.commit_with(
            automerge::transaction::CommitOptions::default()
                .with_message(message.to_string())
                .with_time(now),
        );
    }
}

/// The id of the map under `key` at the document root, created if missing
/// (a record map in a document written before that map existed).
pub fn root_map(doc: &mut AutoCommit, key: &str) -> Result<automerge::ObjId, CoreError> {
    use automerge::transaction::Transactable;
    match doc.get(ROOT, key) {
        Ok(Some((automerge::Value::Object(ObjType::Map), id))) => Ok(id),
        Ok(_) => doc
            .put_object(ROOT, key, ObjType::Map)
            .map_err(|e| CoreError::Internal(format!("creating map {key}: {e}"))),
        Err(e) => Err(CoreError::Internal(format!("reading map {key}: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_changes_are_only_those_since_the_last_save() {
        let actor = ActorId::random();
        let mut live = LiveDoc::new(&actor);
        autosurgeon::reconcile_prop(&mut live.doc, ROOT, "a", 1_u64).unwrap();
        live.commit("one");
        let first = live.take_new_changes().unwrap();
        assert!(live.take_new_changes().is_none());
        autosurgeon::reconcile_prop(&mut live.doc, ROOT, "b", 2_u64).unwrap();
        live.commit("two");
        let second = live.take_new_changes().unwrap();

        let loaded = LiveDoc::load("d", &[first.clone(), second], &actor).unwrap();
        let b: u64 = autosurgeon::hydrate_prop(&loaded.doc, ROOT, "b").unwrap();
        assert_eq!(b, 2);
        assert!(LiveDoc::load("d", &[b"nonsense".to_vec()], &actor).is_err());
    }

    #[test]
    fn snapshots_of_another_format_are_not_decoded() {
        let bytes = encode_snapshot(&("x".to_string(), 7_u32)).unwrap();
        assert_eq!(
            decode_snapshot::<(String, u32)>(&bytes),
            Some(("x".into(), 7))
        );
        let mut other = bytes.clone();
        other[0] = SNAPSHOT_FORMAT + 1;
        assert_eq!(decode_snapshot::<(String, u32)>(&other), None);
    }
}
