//! The keys of sync: a device's Ed25519 signing key, the network key shared
//! by members, and the AES-256-GCM sealing both bundles and invites use.

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use zeroize::Zeroizing;

use crate::error::{Result, SyncError};

pub const PUBLIC_KEY_LEN: usize = 32;
pub const SIGNATURE_LEN: usize = 64;
pub const KEY_LEN: usize = 32;
pub(crate) const TAG_LEN: usize = 16;

pub(crate) fn random<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    SystemRandom::new()
        .fill(&mut out)
        .map_err(|_| SyncError::Random)?;
    Ok(out)
}

/// A device's (or an invite's) Ed25519 key pair, kept as its PKCS#8 document.
pub struct SigningKey {
    pkcs8: Zeroizing<Vec<u8>>,
    pair: Ed25519KeyPair,
}

impl SigningKey {
    pub fn generate() -> Result<SigningKey> {
        let doc =
            Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).map_err(|_| SyncError::Random)?;
        SigningKey::from_pkcs8(doc.as_ref()).ok_or(SyncError::Random)
    }

    /// `None` if the bytes are not an Ed25519 PKCS#8 document.
    pub fn from_pkcs8(bytes: &[u8]) -> Option<SigningKey> {
        let pair = Ed25519KeyPair::from_pkcs8(bytes).ok()?;
        Some(SigningKey {
            pkcs8: Zeroizing::new(bytes.to_vec()),
            pair,
        })
    }

    pub fn pkcs8(&self) -> &[u8] {
        &self.pkcs8
    }

    pub fn public_key(&self) -> [u8; PUBLIC_KEY_LEN] {
        let mut out = [0u8; PUBLIC_KEY_LEN];
        out.copy_from_slice(self.pair.public_key().as_ref());
        out
    }

    pub fn sign(&self, message: &[u8]) -> [u8; SIGNATURE_LEN] {
        let mut out = [0u8; SIGNATURE_LEN];
        out.copy_from_slice(self.pair.sign(message).as_ref());
        out
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({})", hex(&self.public_key()))
    }
}

/// Whether `signature` is `public_key`'s Ed25519 signature of `message`.
pub fn verify(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    UnparsedPublicKey::new(&ED25519, public_key)
        .verify(message, signature)
        .is_ok()
}

/// A symmetric 256-bit key (the network key of one epoch), wiped on drop.
#[derive(Clone)]
pub struct NetworkKey(Zeroizing<[u8; KEY_LEN]>);

impl NetworkKey {
    pub fn generate() -> Result<NetworkKey> {
        Ok(NetworkKey(Zeroizing::new(random()?)))
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<NetworkKey> {
        let arr: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(NetworkKey(Zeroizing::new(arr)))
    }

    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

impl std::fmt::Debug for NetworkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NetworkKey(..)")
    }
}

/// The id of a [`DocKey`]: random, never all zero (zero in a bundle means
/// "sealed under the network key alone").
pub type KeyId = [u8; KEY_ID_LEN];
pub const KEY_ID_LEN: usize = 8;

/// One document's own sync key (crypto-shredding: destroying every copy
/// makes the document's payloads in old bundles unreadable), wiped on drop.
/// Its id travels in the clear so a reader can pick the right key when two
/// laptops each made one for the same document.
#[derive(Clone, PartialEq, Eq)]
pub struct DocKey {
    id: KeyId,
    key: Zeroizing<[u8; KEY_LEN]>,
}

impl DocKey {
    pub fn generate() -> Result<DocKey> {
        let mut id: KeyId = random()?;
        // Zero is reserved; one fixed bit keeps a random id from being it.
        id[0] |= 0x80;
        Ok(DocKey {
            id,
            key: Zeroizing::new(random()?),
        })
    }

    /// `None` for an all-zero id or a key of the wrong size.
    pub fn from_parts(id: &[u8], key: &[u8]) -> Option<DocKey> {
        let id: KeyId = id.try_into().ok()?;
        if id == [0; KEY_ID_LEN] {
            return None;
        }
        let key: [u8; KEY_LEN] = key.try_into().ok()?;
        Some(DocKey {
            id,
            key: Zeroizing::new(key),
        })
    }

    pub fn id(&self) -> KeyId {
        self.id
    }

    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.key
    }
}

impl std::fmt::Debug for DocKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DocKey({})", hex(&self.id))
    }
}

fn aead(key: &[u8; KEY_LEN]) -> LessSafeKey {
    // Any 32 bytes are a valid AES-256 key.
    #[expect(clippy::expect_used, reason = "a 32-byte key cannot be rejected")]
    LessSafeKey::new(UnboundKey::new(&AES_256_GCM, key).expect("AES-256 keys are 32 bytes"))
}

struct KeyLen;

impl ring::hkdf::KeyType for KeyLen {
    fn len(&self) -> usize {
        KEY_LEN
    }
}

/// HKDF-SHA256 (ring) of `ikm` into one 256-bit key for `info`.
pub(crate) fn hkdf(salt: &[u8], ikm: &[u8], info: &[u8]) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let prk = ring::hkdf::Salt::new(ring::hkdf::HKDF_SHA256, salt).extract(ikm);
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    // Only an output longer than 255 hashes is refused; 32 bytes never is.
    prk.expand(&[info], KeyLen)
        .and_then(|okm| okm.fill(&mut out[..]))
        .map_err(|_| SyncError::Random)?;
    Ok(out)
}

/// `nonce || ciphertext || tag` with a fresh random nonce.
pub(crate) fn seal(key: &[u8; KEY_LEN], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
    let nonce: [u8; NONCE_LEN] = random()?;
    let mut out = Vec::with_capacity(NONCE_LEN + plain.len() + TAG_LEN);
    out.extend_from_slice(&nonce);
    let mut body = plain.to_vec();
    aead(key)
        .seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad),
            &mut body,
        )
        .map_err(|_| SyncError::Random)?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// Opens what [`seal`] made; `None` if it does not authenticate.
pub(crate) fn open(key: &[u8; KEY_LEN], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return None;
    }
    let (nonce, body) = sealed.split_at(NONCE_LEN);
    let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
    let mut body = body.to_vec();
    let plain = aead(key)
        .open_in_place(nonce, Aad::from(aad), &mut body)
        .ok()?;
    let n = plain.len();
    body.truncate(n);
    Some(body)
}

pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    out.copy_from_slice(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref());
    out
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_verify_only_for_their_key_and_message() {
        let a = SigningKey::generate().unwrap();
        let b = SigningKey::generate().unwrap();
        let sig = a.sign(b"hello");
        assert!(verify(&a.public_key(), b"hello", &sig));
        assert!(!verify(&b.public_key(), b"hello", &sig));
        assert!(!verify(&a.public_key(), b"hellO", &sig));
        let again = SigningKey::from_pkcs8(a.pkcs8()).unwrap();
        assert_eq!(again.public_key(), a.public_key());
    }

    #[test]
    fn sealing_twice_differs_and_opens_only_with_its_context() {
        let key = NetworkKey::generate().unwrap();
        let one = seal(key.as_bytes(), b"ctx", b"secret").unwrap();
        let two = seal(key.as_bytes(), b"ctx", b"secret").unwrap();
        assert_ne!(one, two);
        assert_eq!(open(key.as_bytes(), b"ctx", &one).unwrap(), b"secret");
        assert!(open(key.as_bytes(), b"other", &one).is_none());
        assert_eq!(from_hex(&hex(&[0, 255, 16])).unwrap(), vec![0, 255, 16]);
        assert!(from_hex("zz").is_none());
    }
}
