//! What an import does with the documents of a bundle whose signature and
//! membership checks passed, callable on arbitrary bytes: for the fuzz
//! targets (`fuzz/fuzz_targets/documents.rs`) and the regression tests that
//! replay their crashers. A member's laptop can send any bytes it likes, so
//! merging, rehydrating and the conflict scan must refuse, never panic.

use automerge::ActorId;
use sanctuary_sync::bundle::DocPayload;

use super::conflicts::scan_for_fuzzing;
use super::merge::{Job, hydrate, prepare};
use crate::documents::{Kind, LiveDoc};
use crate::error::Result;
use crate::model::AmbassadorDoc;

/// Merges `data` (Automerge chunks, as a bundle carries them) into a
/// document of kind `kind` that holds `existing` (or a new one), as an
/// import does: load, merge, update or rebuild the read model (for a stored
/// ambassador, from the merge's patches), and scan for conflicts. Returns
/// how many conflicted fields the merged document has (`None`: nothing new).
#[doc(hidden)]
pub fn merge_untrusted(existing: Option<&[u8]>, kind: u8, data: &[u8]) -> Result<Option<usize>> {
    let kind = Kind::from_u8(kind).ok_or(sanctuary_sync::SyncError::FutureVersion)?;
    let actor = ActorId::from([0x5a; 16]);
    let id = match kind {
        Kind::Network => crate::NETWORK_DOC.to_string(),
        Kind::Catalog => crate::CATALOG_DOC.to_string(),
        _ => "0123456789abcdef".to_string(),
    };
    let chunks = existing.map(|bytes| vec![bytes.to_vec()]);
    // What the read model would hold for a stored ambassador: the patch path.
    let previous: Option<AmbassadorDoc> = match (&chunks, kind) {
        (Some(chunks), Kind::Ambassador) => LiveDoc::load(&id, chunks, &actor)
            .ok()
            .and_then(|live| hydrate(&id, &live).ok()),
        _ => None,
    };
    let payload = DocPayload {
        id,
        kind: kind as u8,
        data: data.to_vec(),
    };
    let job = Job {
        payload: &payload,
        kind,
        chunks,
        previous: previous.as_ref(),
    };
    let Some(prepared) = prepare(job, &actor, true)? else {
        return Ok(None);
    };
    let conflicts = match &prepared.live {
        Some(live) => scan_for_fuzzing(&live.doc),
        None => 0,
    };
    Ok(Some(conflicts))
}

/// One fuzz input for [`merge_untrusted`]: kind byte, the length of the
/// existing document (u16, big-endian, 0 for none), that document, then
/// the bundle's bytes for it.
#[doc(hidden)]
pub fn documents_input(kind: u8, existing: Option<&[u8]>, data: &[u8]) -> Vec<u8> {
    let existing = existing.unwrap_or_default();
    let len = u16::try_from(existing.len()).unwrap_or(u16::MAX);
    let mut out = vec![kind];
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&existing[..usize::from(len)]);
    out.extend_from_slice(data);
    out
}

/// Splits a fuzz input made by [`documents_input`] (any bytes will do) and
/// runs [`merge_untrusted`] on it.
#[doc(hidden)]
pub fn merge_untrusted_input(input: &[u8]) -> Result<Option<usize>> {
    let (&kind, rest) = input.split_first().unwrap_or((&0, &[]));
    let (len, rest) = match rest {
        [a, b, rest @ ..] => (usize::from(u16::from_be_bytes([*a, *b])), rest),
        _ => (0, rest),
    };
    let (existing, data) = rest.split_at(len.min(rest.len()));
    merge_untrusted((len > 0).then_some(existing), kind, data)
}
