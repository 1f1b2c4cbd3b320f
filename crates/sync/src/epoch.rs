//! Moving the network key to a new epoch when a device is removed: the new
//! key is wrapped for each remaining device under a key only the remover and
//! that device can compute (static X25519 between their registered exchange
//! keys, then HKDF-SHA256), sealed with AES-256-GCM whose associated data
//! names the network, epoch, remover and recipient.
//!
//! Static-static Diffie-Hellman authenticates the remover implicitly: only
//! it or the recipient could have made a wrap that opens. Its exchange key is
//! itself signed by its Ed25519 device key in the network document.

use ring::hkdf::{HKDF_SHA256, KeyType, Salt};
use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::Zeroizing;

use crate::error::{Result, SyncError};
use crate::keys::{self, KEY_LEN, NetworkKey};
use crate::wire::Writer;

/// A device's static X25519 secret, wiped on drop.
pub struct ExchangeKey(StaticSecret);

impl ExchangeKey {
    pub fn generate() -> Result<ExchangeKey> {
        let bytes: Zeroizing<[u8; 32]> = Zeroizing::new(keys::random()?);
        Ok(ExchangeKey(StaticSecret::from(*bytes)))
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<ExchangeKey> {
        let arr: Zeroizing<[u8; 32]> = Zeroizing::new(bytes.try_into().ok()?);
        Some(ExchangeKey(StaticSecret::from(*arr)))
    }

    pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.0.to_bytes())
    }

    pub fn public_key(&self) -> [u8; 32] {
        PublicKey::from(&self.0).to_bytes()
    }

    /// The wrapping key shared with `their_public` for one wrap's context;
    /// `None` for a public key that would give a predictable secret.
    fn wrapping_key(&self, their_public: &[u8], info: &[u8]) -> Option<Zeroizing<[u8; KEY_LEN]>> {
        let theirs: [u8; 32] = their_public.try_into().ok()?;
        let shared = self.0.diffie_hellman(&PublicKey::from(theirs));
        if !shared.was_contributory() {
            return None;
        }
        let prk = Salt::new(HKDF_SHA256, b"sanctuary/epoch-wrap/v1").extract(shared.as_bytes());
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        prk.expand(&[info], Len).ok()?.fill(&mut out[..]).ok()?;
        Some(out)
    }
}

struct Len;

impl KeyType for Len {
    fn len(&self) -> usize {
        KEY_LEN
    }
}

impl std::fmt::Debug for ExchangeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExchangeKey({})", keys::hex(&self.public_key()))
    }
}

/// Who wraps for whom, in which network and epoch: the HKDF info and the AEAD associated data.
pub struct WrapContext<'a> {
    pub network_id: &'a str,
    pub epoch: u32,
    pub from: &'a [u8],
    pub to: &'a [u8],
}

impl WrapContext<'_> {
    fn bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.put(b"sanctuary/epoch-wrap/v1");
        w.short(self.network_id.as_bytes());
        w.u32(self.epoch);
        w.short(self.from);
        w.short(self.to);
        w.bytes
    }
}

/// Seals `key` for the device whose exchange key is `their_public`.
pub fn wrap(
    mine: &ExchangeKey,
    their_public: &[u8],
    context: &WrapContext<'_>,
    key: &NetworkKey,
) -> Result<Vec<u8>> {
    let info = context.bytes();
    let wrapping = mine
        .wrapping_key(their_public, &info)
        .ok_or(SyncError::NotAMember)?;
    keys::seal(&wrapping, &info, key.as_bytes())
}

/// Opens a wrap made by the device whose exchange key is `their_public`;
/// `None` if it was not made for this device in this context.
pub fn unwrap(
    mine: &ExchangeKey,
    their_public: &[u8],
    context: &WrapContext<'_>,
    sealed: &[u8],
) -> Option<NetworkKey> {
    let info = context.bytes();
    let wrapping = mine.wrapping_key(their_public, &info)?;
    let plain = Zeroizing::new(keys::open(&wrapping, &info, sealed)?);
    NetworkKey::from_bytes(&plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_named_recipient_unwraps_in_its_context() {
        let remover = ExchangeKey::generate().unwrap();
        let member = ExchangeKey::generate().unwrap();
        let removed = ExchangeKey::generate().unwrap();
        let key = NetworkKey::generate().unwrap();
        let ctx = WrapContext {
            network_id: "net",
            epoch: 2,
            from: b"remover",
            to: b"member",
        };
        let sealed = wrap(&remover, &member.public_key(), &ctx, &key).unwrap();
        let opened = unwrap(&member, &remover.public_key(), &ctx, &sealed).unwrap();
        assert_eq!(opened.as_bytes(), key.as_bytes());
        assert!(unwrap(&removed, &remover.public_key(), &ctx, &sealed).is_none());
        let other_epoch = WrapContext { epoch: 3, ..ctx };
        assert!(unwrap(&member, &remover.public_key(), &other_epoch, &sealed).is_none());
        let again = ExchangeKey::from_bytes(&*member.to_bytes()).unwrap();
        assert_eq!(again.public_key(), member.public_key());
        // A low-order public key is refused rather than giving a known secret.
        assert!(wrap(&remover, &[0u8; 32], &ctx, &key).is_err());
    }
}
