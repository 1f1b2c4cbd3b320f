//! Backups: a consistent copy of the whole store (SQLite's online backup
//! API, so writes may go on meanwhile), sealed as one AES-256-GCM message
//! under a key derived from the passphrase with Argon2id and a fresh salt.
//! A backup is self-contained and opens with the passphrase alone; any
//! changed byte is detected before anything is written on restore.
//!
//! Layout: magic `SNCTBAK1`, then (all little-endian) Argon2id memory KiB,
//! iterations, lanes, a 16-byte salt, the length of a sealed empty check
//! value and the check value, then the sealed database. The header is the
//! associated data of both seals. The check value tells a wrong passphrase
//! (check does not open) from damage (check opens, body does not).

use std::io::Write;
use std::path::Path;

use rusqlite::{Connection, MAIN_DB, OpenFlags};

use crate::crypto;
use crate::files;
use crate::schema;
use crate::{KdfParams, SecretString, Store, StoreError, derive};

const MAGIC: &[u8; 8] = b"SNCTBAK1";
const HEADER_LEN: usize = 8 + 12 + 16;
/// A backup larger than this is refused unread (stores are far smaller).
const MAX_BACKUP_BYTES: u64 = 4 << 30;

impl Store {
    /// Writes an encrypted backup of the whole store to `out` (through a
    /// temporary file and a rename). `passphrase` must be the store's, so
    /// the backup opens with the passphrase the coordinator knows.
    pub fn backup(&self, out: &Path, passphrase: &SecretString) -> Result<u64, StoreError> {
        self.check_passphrase(passphrase)?;
        let copy = self.dir.join(".backup-copy.partial");
        let _ = std::fs::remove_file(&copy);
        files::private_options().create_new(true).open(&copy)?;
        let result = self
            .conn
            .backup(MAIN_DB, &copy, None::<fn(rusqlite::backup::Progress)>)
            .map_err(StoreError::from)
            .and_then(|()| Ok(std::fs::read(&copy)?));
        let _ = std::fs::remove_file(&copy);
        let database = zeroize::Zeroizing::new(result?);
        let sealed = seal(&database, passphrase, self.kdf)?;
        files::write_private(out, &sealed)?;
        Ok(sealed.len() as u64)
    }

    /// Restores the backup in `backup` as a new store in `dir` (which must
    /// not hold one). Everything is checked first: the seal, SQLite's own
    /// integrity check and that the passphrase unlocks the restored store;
    /// a backup failing any check leaves nothing behind.
    pub fn restore(dir: &Path, backup: &Path, passphrase: &SecretString) -> Result<(), StoreError> {
        if Self::exists(dir) {
            return Err(StoreError::AlreadyExists);
        }
        let size = std::fs::metadata(backup)?.len();
        if size > MAX_BACKUP_BYTES {
            return Err(StoreError::NotABackup);
        }
        let bytes = std::fs::read(backup)?;
        let database = zeroize::Zeroizing::new(open(&bytes, passphrase)?);
        let created = !dir.exists();
        files::create_dir(dir)?;
        let partial = dir.join(".restore.partial");
        let result = write_and_check(&partial, &database, passphrase)
            .and_then(|()| Ok(std::fs::rename(&partial, files::db_path(dir))?));
        if result.is_err() {
            let _ = std::fs::remove_file(&partial);
            if created {
                let _ = std::fs::remove_dir(dir);
            }
        }
        result
    }
}

fn write_and_check(
    path: &Path,
    database: &[u8],
    passphrase: &SecretString,
) -> Result<(), StoreError> {
    let mut file = files::private_options().create_new(true).open(path)?;
    file.write_all(database)?;
    file.sync_all()?;
    drop(file);
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(StoreError::BackupDamaged);
    }
    let header = schema::read_header(&conn)?;
    let (kek, _) = derive(passphrase, &header.salt, header.kdf)?;
    crypto::unwrap_key(
        &kek,
        &crate::aad::store_key(&header.store_id),
        &header.wrapped_key,
    )
    .map_err(|_| StoreError::WrongPassphrase)?;
    // A backup copy is a single file: make sure it is not left in WAL
    // state that needs files the copy does not have.
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    Ok(())
}

fn header(kdf: KdfParams, salt: &[u8; 16]) -> Vec<u8> {
    let mut h = Vec::with_capacity(HEADER_LEN);
    h.extend_from_slice(MAGIC);
    for n in [kdf.m_kib, kdf.t, kdf.p] {
        h.extend_from_slice(&n.to_le_bytes());
    }
    h.extend_from_slice(salt);
    h
}

fn seal(database: &[u8], passphrase: &SecretString, kdf: KdfParams) -> Result<Vec<u8>, StoreError> {
    let salt: [u8; 16] = crypto::random_array()?;
    let header = header(kdf, &salt);
    let (key, _) = derive(passphrase, &salt, kdf)?;
    let check = crypto::seal(&key, &header, b"")?;
    let body = crypto::seal(&key, &header, database)?;
    let mut out = header;
    out.extend_from_slice(&(check.len() as u32).to_le_bytes());
    out.extend_from_slice(&check);
    out.extend_from_slice(&body);
    Ok(out)
}

/// Opens a backup's bytes: the header is read by hand, its parameters
/// bounds-checked before any work, then both seals opened.
fn open(bytes: &[u8], passphrase: &SecretString) -> Result<Vec<u8>, StoreError> {
    if bytes.len() < HEADER_LEN + 4 || &bytes[..8] != MAGIC {
        return Err(StoreError::NotABackup);
    }
    let word = |i: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&bytes[i..i + 4]);
        u32::from_le_bytes(w)
    };
    let kdf = KdfParams {
        m_kib: word(8),
        t: word(12),
        p: word(16),
    };
    if !schema::kdf_in_bounds(kdf) {
        return Err(StoreError::BackupDamaged);
    }
    let header = &bytes[..HEADER_LEN];
    let salt = &bytes[20..HEADER_LEN];
    let check_len = word(HEADER_LEN) as usize;
    let rest = &bytes[HEADER_LEN + 4..];
    if check_len > rest.len() || check_len > 256 {
        return Err(StoreError::BackupDamaged);
    }
    let (check, body) = rest.split_at(check_len);
    let (key, _) = derive(passphrase, salt, kdf)?;
    crypto::open(&key, header, check).map_err(|_| StoreError::WrongPassphrase)?;
    crypto::open(&key, header, body).map_err(|_| StoreError::BackupDamaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weak() -> KdfParams {
        KdfParams {
            m_kib: 19 * 1024,
            t: 2,
            p: 1,
        }
    }

    #[test]
    fn every_flipped_byte_is_refused_and_a_wrong_passphrase_named() {
        let pass = SecretString::from("correct horse");
        let sealed = seal(b"the database", &pass, weak()).expect("sealed");
        assert_eq!(open(&sealed, &pass).expect("opens"), b"the database");
        assert!(matches!(
            open(&sealed, &SecretString::from("wrong")),
            Err(StoreError::WrongPassphrase)
        ));
        // A few positions in each part (Argon2id per try keeps this short).
        for i in [
            0,
            9,
            25,
            HEADER_LEN + 1,
            HEADER_LEN + 10,
            sealed.len() - 1,
            sealed.len() - 20,
        ] {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert!(open(&bad, &pass).is_err(), "flipped byte {i} accepted");
        }
        assert!(matches!(
            open(&sealed[..30], &pass),
            Err(StoreError::NotABackup)
        ));
    }
}
