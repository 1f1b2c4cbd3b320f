//! Authenticated encryption, key wrapping and passphrase key derivation.
//!
//! Everything the store writes to SQLite goes through [`seal`], which uses
//! AES-256-GCM from `ring` with a fresh random 96-bit nonce per call and lays
//! the result out as `nonce || ciphertext || tag`. Keys live in
//! [`Zeroizing`] buffers so they are wiped when dropped.

use argon2::{Algorithm, Argon2, Params, Version};
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

use crate::KdfParams;

/// Length of every symmetric key in the hierarchy.
pub(crate) const KEY_LEN: usize = 32;
/// Length of the GCM authentication tag appended to every sealed blob.
pub(crate) const TAG_LEN: usize = 16;
/// Length of a sealed key: nonce, encrypted key and tag.
pub(crate) const WRAPPED_KEY_LEN: usize = NONCE_LEN + KEY_LEN + TAG_LEN;

/// A 256-bit key that is wiped from memory when dropped.
pub(crate) type Key = Zeroizing<[u8; KEY_LEN]>;

/// The sealed blob did not authenticate: wrong key, wrong context or damaged bytes.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct AuthError;

/// The operating system's random number generator failed, which we cannot recover from.
#[derive(Debug)]
pub(crate) struct RngError;

impl From<RngError> for crate::StoreError {
    fn from(_: RngError) -> Self {
        crate::StoreError::Io(std::io::Error::other(
            "the system random number generator failed",
        ))
    }
}

/// Fills a fixed-size array with bytes from the system CSPRNG.
pub(crate) fn random_array<const N: usize>() -> Result<[u8; N], RngError> {
    let mut out = [0u8; N];
    SystemRandom::new().fill(&mut out).map_err(|_| RngError)?;
    Ok(out)
}

/// Makes a fresh random key, used for the store key and for each document key.
pub(crate) fn random_key() -> Result<Key, RngError> {
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    SystemRandom::new()
        .fill(key.as_mut())
        .map_err(|_| RngError)?;
    Ok(key)
}

fn aead_key(key: &[u8; KEY_LEN]) -> LessSafeKey {
    // A 32-byte slice is always a valid AES-256 key, so this cannot fail.
    LessSafeKey::new(UnboundKey::new(&AES_256_GCM, key).expect("AES-256 keys are 32 bytes"))
}

/// Encrypts `plaintext` under `key`, binding it to `aad`, with a random nonce.
pub(crate) fn seal(key: &[u8; KEY_LEN], aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, RngError> {
    let nonce: [u8; NONCE_LEN] = random_array()?;
    let mut out = Vec::with_capacity(NONCE_LEN + plaintext.len() + TAG_LEN);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(plaintext);
    let tag = aead_key(key)
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad),
            &mut out[NONCE_LEN..],
        )
        // Sealing only fails for inputs longer than GCM's 64 GiB limit, far beyond any chunk.
        .expect("plaintext is within the AES-GCM length limit");
    out.extend_from_slice(tag.as_ref());
    Ok(out)
}

/// Decrypts a blob made by [`seal`] with the same key and the same `aad`.
pub(crate) fn open(key: &[u8; KEY_LEN], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, AuthError> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(AuthError);
    }
    let (nonce, body) = sealed.split_at(NONCE_LEN);
    let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| AuthError)?;
    let mut buf = body.to_vec();
    let len = aead_key(key)
        .open_in_place(nonce, Aad::from(aad), &mut buf)
        .map_err(|_| AuthError)?
        .len();
    buf.truncate(len);
    Ok(buf)
}

/// Seals one key under another (key wrapping).
pub(crate) fn wrap_key(kek: &[u8; KEY_LEN], aad: &[u8], key: &Key) -> Result<Vec<u8>, RngError> {
    seal(kek, aad, key.as_ref())
}

/// Opens a wrapped key, checking that it is exactly one key long.
pub(crate) fn unwrap_key(
    kek: &[u8; KEY_LEN],
    aad: &[u8],
    wrapped: &[u8],
) -> Result<Key, AuthError> {
    let plain = Zeroizing::new(open(kek, aad, wrapped)?);
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    if plain.len() != KEY_LEN {
        return Err(AuthError);
    }
    key.copy_from_slice(&plain);
    Ok(key)
}

/// Derives the key-encryption key from the passphrase with Argon2id (version 0x13).
///
/// Callers must bounds-check `params` first when they come from disk.
pub(crate) fn derive_kek(
    passphrase: &[u8],
    salt: &[u8],
    params: KdfParams,
) -> Result<Key, argon2::Error> {
    let params = Params::new(params.m_kib, params.t, params.p, Some(KEY_LEN))?;
    let mut kek = Zeroizing::new([0u8; KEY_LEN]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params).hash_password_into(
        passphrase,
        salt,
        kek.as_mut(),
    )?;
    Ok(kek)
}

#[cfg(test)]
#[path = "crypto_tests.rs"]
mod tests;
