//! The plain data types of the public API.

/// An opaque document id chosen by the caller (a UUID string): 1 to 64 ASCII
/// characters from `[A-Za-z0-9_-]`, otherwise [`StoreError::InvalidDocId`](crate::StoreError::InvalidDocId).
pub type DocId = String;

/// Argon2id cost parameters: memory in KiB, passes and lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };
    /// The floor (19 MiB, t=2): used by tests and by `init --kdf minimum`.
    pub const MINIMUM: KdfParams = KdfParams {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };
}

/// One document's changes in a write batch.
#[derive(Clone, Debug)]
pub struct DocWrite {
    pub id: DocId,
    /// Used when the document is new; must match the stored kind otherwise.
    pub kind: u8,
    /// A new chunk appended at `last_seq + 1`.
    pub append: Option<Vec<u8>>,
    /// Replaces all chunks by this one at `last_seq + 1`; exclusive with `append`.
    pub compact: Option<Vec<u8>>,
    /// Plaintext snapshot reflecting every chunk after this write.
    pub snapshot: Vec<u8>,
}

/// A decrypted read-model snapshot and the chunk range it reflects
/// (`first_seq == last_seq == 0` when the document has no chunks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub id: DocId,
    pub kind: u8,
    pub first_seq: u64,
    pub last_seq: u64,
    pub data: Vec<u8>,
}

/// A document's kind and its decrypted chunks, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredChunks {
    pub kind: u8,
    pub chunks: Vec<Vec<u8>>,
}

/// What the store knows about a document without decrypting it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocInfo {
    pub id: DocId,
    pub kind: u8,
    pub first_seq: u64,
    pub last_seq: u64,
}

/// The outcome of [`Store::verify`](crate::Store::verify): counts of what was checked and every problem found.
#[derive(Debug, Default)]
pub struct VerifyReport {
    pub documents: u64,
    pub chunks: u64,
    /// Ciphertext bytes of the chunks, snapshots and settings that were checked.
    pub bytes: u64,
    pub problems: Vec<Problem>,
}

/// One problem found by [`Store::verify`](crate::Store::verify), naming the document when there is one.
#[derive(Debug)]
pub struct Problem {
    pub doc: Option<DocId>,
    pub detail: String,
}
