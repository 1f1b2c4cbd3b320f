//! Invites: whatever a new laptop needs to join, sealed under a key derived
//! from a short one-time code with Argon2id.
//!
//! ```text
//! magic "SNCTINVT" | version u16 | m_kib u32 | t u32 | p u32 | salt [16]
//! | expires i64 (unix seconds) | sealed payload (u32 len)
//! ```
//! The header is the payload's associated data, so neither the cost
//! parameters nor the expiry can be changed without the code failing. The
//! parameters are bounds-checked before any work, so a crafted file cannot
//! make the joiner allocate gigabytes.

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use crate::error::{Result, SyncError};
use crate::keys::{self, KEY_LEN};
use crate::wire::{Reader, Writer};

pub const INVITE_MAGIC: &[u8; 8] = b"SNCTINVT";
pub const INVITE_VERSION: u16 = 1;
pub const MAX_INVITE_BYTES: usize = 512 * 1024 * 1024;

/// Letters and digits that cannot be mistaken for one another aloud or on paper.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// 12 symbols of 31: about 59 bits, each guess costing an Argon2id run.
const CODE_LEN: usize = 12;

/// Argon2id cost of an invite's key (memory in KiB, passes, lanes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InviteKdf {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl InviteKdf {
    fn in_bounds(self) -> bool {
        (19 * 1024..=1024 * 1024).contains(&self.m_kib)
            && (2..=16).contains(&self.t)
            && (1..=8).contains(&self.p)
    }
}

/// A new one-time code, shown as three groups of four (`ABCD-EFGH-JKMN`).
pub fn new_code() -> Result<String> {
    let bytes: [u8; 32] = keys::random()?;
    let mut out = String::new();
    let mut n = 0;
    for b in bytes {
        // Rejection sampling keeps every symbol equally likely.
        if usize::from(b) >= 256 - 256 % ALPHABET.len() {
            continue;
        }
        if n > 0 && n % 4 == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[usize::from(b) % ALPHABET.len()]));
        n += 1;
        if n == CODE_LEN {
            return Ok(out);
        }
    }
    new_code()
}

/// The code as typed, upper-cased, without spaces or dashes.
fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

fn derive(code: &str, salt: &[u8], kdf: InviteKdf) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let params =
        Params::new(kdf.m_kib, kdf.t, kdf.p, Some(KEY_LEN)).map_err(|_| SyncError::NotAnInvite)?;
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(normalise(code).as_bytes(), salt, key.as_mut())
        .map_err(|_| SyncError::NotAnInvite)?;
    Ok(key)
}

fn header(kdf: InviteKdf, salt: &[u8; 16], expires: i64) -> Writer {
    let mut w = Writer::default();
    w.put(INVITE_MAGIC);
    w.u16(INVITE_VERSION);
    w.u32(kdf.m_kib);
    w.u32(kdf.t);
    w.u32(kdf.p);
    w.put(salt);
    w.i64(expires);
    w
}

/// Seals `payload` under `code`; the file refuses to open after `expires`.
pub fn seal(payload: &[u8], code: &str, kdf: InviteKdf, expires: i64) -> Result<Vec<u8>> {
    if !kdf.in_bounds() {
        return Err(SyncError::NotAnInvite);
    }
    let salt: [u8; 16] = keys::random()?;
    let mut w = header(kdf, &salt, expires);
    let key = derive(code, &salt, kdf)?;
    let sealed = keys::seal(&key, &w.bytes, payload)?;
    w.long(&sealed);
    Ok(w.bytes)
}

/// Opens an invite with its code at time `now` (unix seconds).
pub fn open(bytes: &[u8], code: &str, now: i64) -> Result<Vec<u8>> {
    if bytes.len() > MAX_INVITE_BYTES {
        return Err(SyncError::NotAnInvite);
    }
    let mut r = Reader::new(bytes, SyncError::NotAnInvite);
    if &r.array::<8>()? != INVITE_MAGIC {
        return Err(SyncError::NotAnInvite);
    }
    match r.u16()? {
        INVITE_VERSION => {}
        v if v > INVITE_VERSION => return Err(SyncError::FutureInvite),
        _ => return Err(SyncError::NotAnInvite),
    }
    let kdf = InviteKdf {
        m_kib: r.u32()?,
        t: r.u32()?,
        p: r.u32()?,
    };
    let salt = r.array::<16>()?;
    let expires = r.i64()?;
    let aad_len = r.position();
    let sealed = r.long()?;
    r.finish()?;
    if !kdf.in_bounds() {
        return Err(SyncError::NotAnInvite);
    }
    if normalise(code).len() != CODE_LEN {
        return Err(SyncError::WrongCode);
    }
    let key = derive(code, &salt, kdf)?;
    let payload = keys::open(&key, &bytes[..aad_len], sealed).ok_or(SyncError::WrongCode)?;
    if now > expires {
        return Err(SyncError::Expired);
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KDF: InviteKdf = InviteKdf {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };

    #[test]
    fn an_invite_opens_with_its_code_only_and_not_after_expiry() {
        let code = new_code().unwrap();
        assert_eq!(code.len(), 14);
        assert!(
            code.chars()
                .all(|c| c == '-' || ALPHABET.contains(&(c as u8)))
        );
        let file = seal(b"network key", &code, KDF, 1000).unwrap();
        assert_eq!(open(&file, &code, 999).unwrap(), b"network key");
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(open(&file, &typed, 999).unwrap(), b"network key");
        assert_eq!(
            open(&file, "AAAA-AAAA-AAAA", 999),
            Err(SyncError::WrongCode)
        );
        assert_eq!(open(&file, &code, 1001), Err(SyncError::Expired));
        let mut bad = file.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert_eq!(open(&bad, &code, 999), Err(SyncError::WrongCode));
        assert_eq!(open(&file[..30], &code, 999), Err(SyncError::NotAnInvite));
        let mut future = file.clone();
        future[9] = 9;
        assert_eq!(open(&future, &code, 999), Err(SyncError::FutureInvite));
    }
}
