//! The one error type of the store.

use thiserror::Error;

/// Everything that can go wrong with the store; callers branch on the variant.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "wrong passphrase: the store could not be unlocked; check the passphrase and try again"
    )]
    WrongPassphrase,
    #[error("the store is in use by another Sanctuary window or command; close it and try again")]
    InUse,
    #[error("there is no Sanctuary store in this folder; check the path or create a new store")]
    NotFound,
    #[error("a Sanctuary store already exists in this folder; open it or choose another folder")]
    AlreadyExists,
    #[error(
        "the store was written by a newer or unknown version of Sanctuary (format {found}); update Sanctuary and try again"
    )]
    UnsupportedFormat { found: u32 },
    #[error(
        "the store's unlock settings are outside the allowed range; the file may be damaged, restore it from a backup"
    )]
    BadKdfParams,
    #[error("the store is damaged: {}{detail}; restore from a backup or sync from another laptop", doc.as_ref().map(|d| format!("document {d}: ")).unwrap_or_default())]
    Corrupt { doc: Option<String>, detail: String },
    #[error(
        "only one person's record is open (self-view); leave self-view with the coordinator's passphrase to see anything else"
    )]
    Restricted,
    #[error("there is no document {0} in the store; check the id")]
    UnknownDocument(String),
    #[error("{0:?} is not a valid document id: use 1 to 64 letters, digits, '-' or '_'")]
    InvalidDocId(String),
    #[error("{0:?} is not a valid setting name: use 1 to 64 letters, digits, '-', '_' or '.'")]
    InvalidName(String),
    #[error("the write was refused because it was malformed: {0}; nothing was written")]
    InvalidWrite(String),
    #[error(
        "this file is not a Sanctuary backup, or it was cut short; choose the file `sanctuary backup` wrote"
    )]
    NotABackup,
    #[error(
        "the backup is damaged (it does not authenticate); nothing was restored, use another backup"
    )]
    BackupDamaged,
    #[error(
        "the store's database reported an error: {0}; try again, and restore from a backup if it persists"
    )]
    Sqlite(#[from] rusqlite::Error),
    #[error(
        "the store's files could not be read or written: {0}; check the disk and permissions and try again"
    )]
    Io(#[from] std::io::Error),
}
