//! Sync between the laptops of a Sanctuary network, independent of the
//! domain: this crate knows bytes, keys and files, never Automerge or SQL.
//!
//! - [`bundle`]: the signed, encrypted bundle file (header parsed by hand,
//!   Ed25519 over everything, AES-256-GCM per document).
//! - [`invite`]: an invite file sealed under a short one-time code (Argon2id).
//! - [`folder`]: the shared-folder transport (own files only, temp + rename).
//! - [`watch`]: waiting for a shared folder to change (notify, debounced).
//! - [`keys`]: device signing keys (ring Ed25519) and network keys.
//! - [`epoch`]: a new network key wrapped for each remaining device (X25519 + HKDF).
//!
//! `sanctuary-core` decides what goes into a bundle and what an imported one
//! means (membership, merging, the one store transaction); everything that
//! reads untrusted bytes lives here so it can be fuzzed alone.

pub mod bundle;
pub mod epoch;
pub mod error;
pub mod folder;
pub mod invite;
pub mod keys;
pub mod watch;
mod wire;

pub use error::{Result, SyncError};
