//! The core of Sanctuary Ambassadors: the people who coordinate a network of
//! ambassadors with lived experience of seeking asylum keep their profiles,
//! projects, training and recognition here.
//!
//! Each ambassador, each project, the catalog and the network are Automerge
//! documents, so laptops that work offline can merge their work later. The
//! documents are held, encrypted, by `sanctuary-store`; beside each one the
//! store keeps an encrypted snapshot of its hydrated struct, which is what
//! unlocking reads: lists, search and matching run over plain Rust structs in
//! memory, and a document is loaded into Automerge only when it changes.
//!
//! [`Sanctuary`] is the one API the desktop app, the `sanctuary` CLI and the
//! tests share. Nothing outside this crate touches Automerge or the store.

pub mod about;
pub mod demo;
pub mod documents;
pub mod error;
pub mod import;
pub mod matching;
pub mod model;
pub mod record;
pub mod record_language;
pub mod reports;
mod sanctuary;
pub mod views;

pub use error::{CoreError, Result};
pub use sanctuary::{
    AUTO_SYNC_DEBOUNCE, AutoSync, AutoSyncState, AutoSyncStatus, NotifyFn, PassFn, Schedule,
    SyncFailure, SyncProblem, SyncProblemKind,
};
pub use sanctuary::{
    AmbassadorQuery, CATALOG_DOC, CreateOptions, NETWORK_DOC, OpenTimings, SEARCH_TEXT_SEPARATOR,
    Sanctuary, search_text,
};
pub use sanctuary::{BACKUP_REMINDER_DAYS, BackupStatus, EXPORT_TABLES, ExportFormat};
pub use sanctuary::{
    Conflict, ConflictValue, DeviceInfo, FolderReport, ImportReport, Invite, PeerState, PeerStatus,
    RevokeReport, SyncProgress, documents_input, merge_untrusted, merge_untrusted_input,
};
pub use sanctuary::{
    CourseStanding, REMINDER_DAYS, SelfView, StillInSelfView, TrainingSession, reminder_band,
    standings,
};
// Data protection: consent review, subject access, audit trail, erasure, retention.
pub use sanctuary::{
    ConsentDue, ErasureReport, HistoryEntry, RetentionDue, RotaPlace, SubjectAccess,
};
pub use sanctuary_store::{KdfParams, Problem, SecretString, StoreError, VerifyReport};
/// Waiting for a shared sync folder to change (automatic sync).
pub use sanctuary_sync::watch;

/// Whether `dir` holds a store (without unlocking it).
pub fn store_exists(dir: &std::path::Path) -> bool {
    sanctuary_store::Store::exists(dir)
}
