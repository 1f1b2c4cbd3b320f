//! Associated data that binds every ciphertext to its place in the store.
//!
//! Each blob is authenticated together with a purpose tag (which also names the
//! format version), the random store id, and its position: document id,
//! sequence numbers or setting name. A row copied to another document, another
//! position or another store therefore fails to decrypt instead of being
//! silently accepted. Variable-length fields carry a one-byte length prefix so
//! two different positions can never produce the same bytes.

/// Random identifier of one store, generated at creation.
pub(crate) type StoreId = [u8; 16];

fn build(tag: &[u8], store_id: &StoreId, var: &[u8], tail: &[&[u8]]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(tag.len() + 16 + 1 + var.len() + 17);
    aad.extend_from_slice(tag);
    aad.extend_from_slice(store_id);
    // Names and ids are validated to at most 64 bytes, so the length fits a byte.
    aad.push(u8::try_from(var.len()).unwrap_or(u8::MAX));
    aad.extend_from_slice(var);
    for part in tail {
        aad.extend_from_slice(part);
    }
    aad
}

/// Context for the store key sealed under the passphrase-derived key.
pub(crate) fn store_key(store_id: &StoreId) -> Vec<u8> {
    build(b"sanctuary/storekey/v1", store_id, b"", &[])
}

/// Context for a document key sealed under the store key; the kind is bound too.
pub(crate) fn doc_key(store_id: &StoreId, doc: &str, kind: u8) -> Vec<u8> {
    build(b"sanctuary/dockey/v1", store_id, doc.as_bytes(), &[&[kind]])
}

/// Context for one chunk at position `seq` of a document.
pub(crate) fn chunk(store_id: &StoreId, doc: &str, seq: u64) -> Vec<u8> {
    build(
        b"sanctuary/chunk/v1",
        store_id,
        doc.as_bytes(),
        &[&seq.to_be_bytes()],
    )
}

/// Context for a snapshot reflecting chunks `first..=last` (both 0 when there are none).
pub(crate) fn snapshot(store_id: &StoreId, doc: &str, first: u64, last: u64) -> Vec<u8> {
    build(
        b"sanctuary/snapshot/v1",
        store_id,
        doc.as_bytes(),
        &[&first.to_be_bytes(), &last.to_be_bytes()],
    )
}

/// Context for a small setting value sealed under the store key.
pub(crate) fn meta(store_id: &StoreId, name: &str) -> Vec<u8> {
    build(b"sanctuary/meta/v1", store_id, name.as_bytes(), &[])
}

/// Context for a document's secret (its sync key) sealed under the store key.
pub(crate) fn doc_secret(store_id: &StoreId, doc: &str) -> Vec<u8> {
    build(b"sanctuary/docsecret/v1", store_id, doc.as_bytes(), &[])
}
