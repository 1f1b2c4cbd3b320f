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

/// Writes `bytes` to `path` so that a crash never leaves half a file under
/// that name, and only the owner can read it: every file the app writes
/// outside its store (backups, spreadsheet exports, reports) holds personal
/// data. The bytes go to `.<name>.partial` beside the target (created
/// owner-only, never reusing a leftover), are flushed to disk, renamed over
/// the target, and the directory is flushed so the rename itself survives a
/// power cut. On failure the partial file is removed and the target, if it
/// existed, is untouched.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a file name", path.display()),
        )
    })?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let temp = dir.join(format!(".{name}.partial"));
    let _ = fs::remove_file(&temp);
    let result = (|| {
        let mut file = private_options().create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Flushes a directory's entries (Unix; elsewhere the rename is enough).
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_private_replaces_whole_files_owner_only_and_leaves_no_partial() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("export.csv");
        write_private(&path, b"first").expect("written");
        // A leftover from a crashed write does not stop the next one.
        fs::write(dir.path().join(".export.csv.partial"), b"stale").expect("leftover");
        write_private(&path, b"second").expect("rewritten");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["export.csv"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("kept.xlsx");
        write_private(&path, b"old").expect("written");
        // A target that is a directory cannot be replaced by a file.
        let blocked = dir.path().join("blocked");
        fs::create_dir(&blocked).expect("dir");
        fs::write(blocked.join("inside"), b"x").expect("file");
        assert!(write_private(&blocked, b"new").is_err());
        assert!(!dir.path().join(".blocked.partial").exists());
        assert_eq!(fs::read(&path).expect("read"), b"old");
        assert!(write_private(Path::new("/"), b"x").is_err());
    }
}
