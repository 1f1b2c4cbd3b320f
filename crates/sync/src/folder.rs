//! The shared-folder transport: each device writes only
//! `DIR/<device-id>/<seq>.bundle` (through a temporary file and a rename) and
//! reads the other devices' files. Other programs syncing the folder leave
//! their own temporary and conflict files (Syncthing's `.syncthing.*.tmp`,
//! `*.sync-conflict-*`, Nextcloud's `.~*`, half-copied files): only names of
//! exactly the expected shape are read, and a file that does not parse yet is
//! skipped and tried again next time. Nothing here ever deletes or rewrites
//! another device's file: a device removes only its own bundles
//! ([`remove_own`]) once its peers no longer need them.
//!
//! A file's size is taken from its metadata before it is opened, and the
//! read stops at the limit, so a huge (or sparse) file with a bundle's name
//! costs neither memory nor time.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// A bundle file another device left in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderEntry {
    pub device: String,
    pub seq: u64,
    pub path: PathBuf,
}

/// Device ids are lowercase hex (an Automerge actor id).
fn is_device_dir(name: &str) -> bool {
    (2..=64).contains(&name.len()) && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// `<seq>.bundle` with a decimal seq without leading zeros, nothing else.
fn bundle_seq(name: &str) -> Option<u64> {
    let digits = name.strip_suffix(".bundle")?;
    if digits.is_empty() || digits.len() > 19 || digits.starts_with('0') {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Every well-named bundle of devices other than `me`, in (device, seq) order.
pub fn list(dir: &Path, me: &str) -> std::io::Result<Vec<FolderEntry>> {
    let mut out = Vec::new();
    for device in std::fs::read_dir(dir)? {
        let device = device?;
        let Some(name) = device.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if name == me || !is_device_dir(&name) || !device.file_type()?.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(device.path())? {
            let file = file?;
            let Some(seq) = file.file_name().to_str().and_then(bundle_seq) else {
                continue;
            };
            if file.file_type()?.is_file() {
                out.push(FolderEntry {
                    device: name.clone(),
                    seq,
                    path: file.path(),
                });
            }
        }
    }
    out.sort_by(|a, b| (&a.device, a.seq).cmp(&(&b.device, b.seq)));
    Ok(out)
}

/// This device's own bundles in the folder, by number.
pub fn own(dir: &Path, me: &str) -> std::io::Result<Vec<(u64, PathBuf)>> {
    let mut out = Vec::new();
    let own = dir.join(me);
    let entries = match std::fs::read_dir(&own) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e),
    };
    for file in entries {
        let file = file?;
        if let Some(seq) = file.file_name().to_str().and_then(bundle_seq)
            && file.file_type()?.is_file()
        {
            out.push((seq, file.path()));
        }
    }
    out.sort();
    Ok(out)
}

/// Removes this device's bundle `seq` (gone already is fine).
pub fn remove_own(dir: &Path, me: &str, seq: u64) -> std::io::Result<()> {
    match std::fs::remove_file(dir.join(me).join(format!("{seq}.bundle"))) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Why a bundle file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Larger than `max` by its metadata (or it grew while being read).
    TooLarge(u64),
    Io(std::io::Error),
}

/// Reads a file of at most `max` bytes: the size is checked from the
/// metadata first, and the read is bounded in case the file grows meanwhile.
pub fn read_bounded(path: &Path, max: usize) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let len = file.metadata().map_err(ReadError::Io)?.len();
    let limit = u64::try_from(max).unwrap_or(u64::MAX);
    if len > limit {
        return Err(ReadError::TooLarge(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > max {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Writes this device's bundle `seq` durably: a hidden temporary file, fsync, rename.
pub fn write(dir: &Path, me: &str, seq: u64, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let own = dir.join(me);
    std::fs::create_dir_all(&own)?;
    let target = own.join(format!("{seq}.bundle"));
    let temp = own.join(format!(".{seq}.bundle.tmp"));
    {
        let mut f = std::fs::File::create(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&temp, &target)?;
    if let Ok(d) = std::fs::File::open(&own) {
        // Makes the rename durable where the platform allows it.
        let _ = d.sync_all();
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_expected_names_of_other_devices_are_listed() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        write(dir, "aa11", 1, b"mine").unwrap();
        write(dir, "bb22", 1, b"one").unwrap();
        write(dir, "bb22", 2, b"two").unwrap();
        for junk in [
            "bb22/.syncthing.3.bundle.tmp",
            "bb22/3.sync-conflict-20240101-120000-ABCDEFG.bundle",
            "bb22/03.bundle",
            "bb22/4.bundle.part",
            "bb22/~5.bundle",
            "bb22/.6.bundle.tmp",
        ] {
            std::fs::write(dir.join(junk), b"junk").unwrap();
        }
        std::fs::create_dir_all(dir.join("Not-A-Device")).unwrap();
        std::fs::write(dir.join("Not-A-Device/1.bundle"), b"x").unwrap();
        let listed: Vec<_> = list(dir, "aa11")
            .unwrap()
            .into_iter()
            .map(|e| (e.device, e.seq))
            .collect();
        assert_eq!(listed, vec![("bb22".into(), 1), ("bb22".into(), 2)]);
        let own: Vec<u64> = own(dir, "aa11").unwrap().into_iter().map(|e| e.0).collect();
        assert_eq!(own, vec![1]);
        remove_own(dir, "aa11", 1).unwrap();
        remove_own(dir, "aa11", 1).unwrap();
        assert!(super::own(dir, "aa11").unwrap().is_empty());
        assert!(super::own(dir, "cc33").unwrap().is_empty());
    }

    /// A sparse file far above the limit is refused from its metadata,
    /// without reading it (1 TiB: reading it would never finish).
    #[test]
    fn a_huge_file_is_refused_without_being_read() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("1.bundle");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(1 << 40).unwrap();
        match read_bounded(&path, 1 << 20) {
            Err(ReadError::TooLarge(len)) => assert_eq!(len, 1 << 40),
            other => panic!("not refused: {other:?}"),
        }
        std::fs::write(&path, b"small").unwrap();
        assert_eq!(read_bounded(&path, 5).unwrap(), b"small");
        assert!(matches!(
            read_bounded(&path, 4),
            Err(ReadError::TooLarge(5))
        ));
    }
}
