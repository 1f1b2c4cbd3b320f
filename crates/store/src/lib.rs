//! The encrypted on-disk store of Sanctuary Ambassadors.
//!
//! A store is one directory holding a single SQLite file (`store.sqlite3`,
//! with its WAL) and a lock file. The store is domain-agnostic: it sees
//! opaque document ids, a small kind number and bytes. For every document it
//! keeps an append-only sequence of encrypted Automerge chunks and one
//! encrypted read-model snapshot that records which chunk range it reflects,
//! plus a few encrypted settings in `meta`. No plaintext personal data ever
//! reaches SQLite, its WAL or temporary files.
//!
//! Keys form a small hierarchy: the passphrase goes through Argon2id to a
//! key-encryption key, which unwraps a random store key, which in turn
//! unwraps one random key per document. Changing the passphrase therefore
//! only rewraps the store key. Every ciphertext is AES-256-GCM with a random
//! nonce and associated data naming its purpose, the store, the document and
//! its position, so rows cannot be moved between documents, positions or
//! stores without detection. A missing, swapped or replayed chunk, or a stale
//! snapshot, shows up as [`StoreError::Corrupt`] naming the document.
//!
//! Each [`Store::write`] is one durable SQLite transaction: all documents of
//! the batch are written, or none.

mod aad;
mod backup;
mod crypto;
mod error;
mod files;
mod meta;
mod read;
mod restrict;
mod rows;
mod schema;
mod secrets;
mod types;
mod verify;
mod write;

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use secrecy::ExposeSecret;

pub use error::StoreError;
pub use files::write_private;
pub use secrecy::SecretString;
pub use types::{
    DocId, DocInfo, DocWrite, KdfParams, Problem, Snapshot, StoredChunks, VerifyReport,
};

use aad::StoreId;
use crypto::Key;
use schema::Header;

/// The key material of an unlocked store.
struct Keys {
    store_id: StoreId,
    /// `None` while the store is restricted to one document (self-view).
    store_key: Option<Key>,
    /// Unwrapped document keys, filled on first use; only keys that
    /// authenticated against a committed row are ever inserted.
    doc_keys: RefCell<HashMap<DocId, Key>>,
}

/// An unlocked store. Dropping it closes SQLite first, then releases the lock.
pub struct Store {
    conn: Connection,
    keys: Keys,
    kdf: KdfParams,
    kdf_duration: Duration,
    dir: PathBuf,
    _lock: File,
}

/// Shows where the store is and how it is unlocked, never key material.
impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .field("kdf", &self.kdf)
            .finish_non_exhaustive()
    }
}

pub(crate) fn corrupt(doc: Option<&str>, detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        doc: doc.map(str::to_owned),
        detail: detail.into(),
    }
}

/// Checks the documented id syntax, which also keeps ids safe to show and log.
pub(crate) fn check_doc_id(id: &str) -> Result<(), StoreError> {
    let ok = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(StoreError::InvalidDocId(id.to_owned()))
    }
}

/// Derives the KEK and reports how long Argon2id took.
fn derive(
    passphrase: &SecretString,
    salt: &[u8],
    kdf: KdfParams,
) -> Result<(Key, Duration), StoreError> {
    let start = Instant::now();
    let kek = crypto::derive_kek(passphrase.expose_secret().as_bytes(), salt, kdf)
        .map_err(|_| StoreError::BadKdfParams)?;
    Ok((kek, start.elapsed()))
}

impl Store {
    /// Whether `dir` holds a store database (it may still be locked or damaged).
    pub fn exists(dir: &Path) -> bool {
        files::db_path(dir).is_file()
    }

    /// Creates a new store in `dir`, creating the directory if needed.
    pub fn create(
        dir: &Path,
        passphrase: &SecretString,
        kdf: KdfParams,
    ) -> Result<Store, StoreError> {
        if !schema::kdf_in_bounds(kdf) {
            return Err(StoreError::BadKdfParams);
        }
        files::create_dir(dir)?;
        if Self::exists(dir) {
            return Err(StoreError::AlreadyExists);
        }
        let lock = files::lock(dir)?;
        let salt: [u8; 16] = crypto::random_array()?;
        let store_id: StoreId = crypto::random_array()?;
        let store_key = crypto::random_key()?;
        let (kek, kdf_duration) = derive(passphrase, &salt, kdf)?;
        let wrapped_key = crypto::wrap_key(&kek, &aad::store_key(&store_id), &store_key)?;
        let header = Header {
            kdf,
            salt,
            store_id,
            wrapped_key,
        };
        files::create_db_file(dir)?;
        let conn = schema::connect(&files::db_path(dir), true).and_then(|mut conn| {
            schema::initialise(&mut conn, &header)?;
            Ok(conn)
        });
        let conn = conn.inspect_err(|_| files::remove_db_files(dir))?;
        let keys = Keys {
            store_id,
            store_key: Some(store_key),
            doc_keys: RefCell::default(),
        };
        Ok(Store {
            conn,
            keys,
            kdf,
            kdf_duration,
            dir: dir.to_owned(),
            _lock: lock,
        })
    }

    /// Unlocks the existing store in `dir`. A wrong passphrase writes nothing.
    pub fn open(dir: &Path, passphrase: &SecretString) -> Result<Store, StoreError> {
        if !Self::exists(dir) {
            return Err(StoreError::NotFound);
        }
        let lock = files::lock(dir)?;
        let conn = schema::connect(&files::db_path(dir), false)?;
        let header = schema::read_header(&conn)?;
        let (kek, kdf_duration) = derive(passphrase, &header.salt, header.kdf)?;
        let store_key =
            crypto::unwrap_key(&kek, &aad::store_key(&header.store_id), &header.wrapped_key)
                .map_err(|_| StoreError::WrongPassphrase)?;
        // Only once the passphrase is right: a wrong one writes nothing.
        schema::add_indexes(&conn)?;
        let keys = Keys {
            store_id: header.store_id,
            store_key: Some(store_key),
            doc_keys: RefCell::default(),
        };
        Ok(Store {
            conn,
            keys,
            kdf: header.kdf,
            kdf_duration,
            dir: dir.to_owned(),
            _lock: lock,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Rows this session has inserted, changed or deleted since the store
    /// was opened: a cheap way to tell whether anything was written between
    /// two moments (automatic sync runs a pass after writes).
    pub fn changes(&self) -> u64 {
        self.conn.total_changes()
    }

    pub fn kdf_params(&self) -> KdfParams {
        self.kdf
    }

    /// How long the Argon2id derivation took at open/create (reported separately in benchmarks).
    pub fn kdf_duration(&self) -> Duration {
        self.kdf_duration
    }

    /// Rewraps the store key under a key derived from `new`; no data is re-encrypted.
    pub fn change_passphrase(
        &mut self,
        new: &SecretString,
        kdf: KdfParams,
    ) -> Result<(), StoreError> {
        if !schema::kdf_in_bounds(kdf) {
            return Err(StoreError::BadKdfParams);
        }
        let salt: [u8; 16] = crypto::random_array()?;
        let (kek, kdf_duration) = derive(new, &salt, kdf)?;
        let store_id = self.keys.store_id;
        let wrapped_key =
            crypto::wrap_key(&kek, &aad::store_key(&store_id), self.keys.store_key()?)?;
        schema::update_header(
            &mut self.conn,
            &Header {
                kdf,
                salt,
                store_id,
                wrapped_key,
            },
        )?;
        self.kdf = kdf;
        self.kdf_duration = kdf_duration;
        Ok(())
    }

    /// Bytes on disk of the store file + WAL.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        files::size_on_disk(&self.dir)
    }
}

// The store is moved between threads by its callers (it is not shared), so it must stay `Send`.
const _: fn() = || {
    fn assert_send<T: Send>() {}
    assert_send::<Store>();
};
