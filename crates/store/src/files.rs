//! The store directory, its lock file and owner-only permissions.
//!
//! The lock is an advisory whole-file lock (`flock` on Unix) on `store.lock`,
//! taken before SQLite opens the database and held for the life of the
//! [`Store`](crate::Store). Because `flock` locks belong to an open file
//! description, a second open in the same process is refused just like one
//! from another process.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use crate::StoreError;

pub(crate) const DB_FILE: &str = "store.sqlite3";
pub(crate) const LOCK_FILE: &str = "store.lock";

pub(crate) fn db_path(dir: &Path) -> PathBuf {
    dir.join(DB_FILE)
}

/// Creates the directory (and missing parents), owner-only on Unix.
pub(crate) fn create_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    Ok(())
}

/// Options for a file only the owner may read or write.
pub(crate) fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Opens (creating if needed) the lock file and takes an exclusive lock on it.
pub(crate) fn lock(dir: &Path) -> Result<File, StoreError> {
    let file = private_options()
        .create(true)
        .truncate(false)
        .open(dir.join(LOCK_FILE))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(StoreError::InUse),
        Err(TryLockError::Error(err)) => Err(StoreError::Io(err)),
    }
}

/// Creates the empty database file with owner-only permissions.
///
/// SQLite gives its WAL and shared-memory files the same permissions as the
/// database file, so creating it ourselves keeps all three private.
pub(crate) fn create_db_file(dir: &Path) -> Result<(), StoreError> {
    match private_options().create_new(true).open(db_path(dir)) {
        Ok(_) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Err(StoreError::AlreadyExists),
        Err(err) => Err(StoreError::Io(err)),
    }
}

/// Removes a half-created database so a failed `create` can be retried.
pub(crate) fn remove_db_files(dir: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let path = dir.join(format!("{DB_FILE}{suffix}"));
        if let Err(err) = fs::remove_file(&path)
            && err.kind() != io::ErrorKind::NotFound
        {
            tracing::warn!(path = %path.display(), %err, "could not remove a partly created store file");
        }
    }
}

/// Bytes on disk of the database file and its WAL.
pub(crate) fn size_on_disk(dir: &Path) -> Result<u64, StoreError> {
    let mut total = 0;
    for name in [DB_FILE.to_owned(), format!("{DB_FILE}-wal")] {
        match fs::metadata(dir.join(name)) {
            Ok(meta) => total += meta.len(),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(err) => return Err(StoreError::Io(err)),
        }
    }
    Ok(total)
}
