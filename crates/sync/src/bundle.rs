//! The bundle file: a fixed header, one encrypted payload per document and an
//! Ed25519 signature over everything before it.
//!
//! ```text
//! magic "SNCTBNDL" | version u16 | network id (u8 len) | epoch u32
//! | sender (u8 len) | recipient (u8 len, empty = anyone) | seq u64 | base u64
//! | prev hash [32] | created i64 (unix seconds)
//! | acks: u16 count x (device (u8 len), seq u64)
//! | wraps (version 2): by (u8 len) | u16 count x (device (u8 len), sealed (u8 len))
//! | keys (version 3): u32 count x (doc id (u8 len), key id [8], sealed (u8 len = 60))
//! | docs: u32 count x (id (u8 len), kind u8, key id [8] (version 3), sealed (u32 len))
//! | signature [64]
//! ```
//! All integers are big-endian. Each document's payload is AES-256-GCM, its
//! associated data naming the network, epoch, sender, sequence, document and
//! kind, so a payload cannot be moved to another bundle or document. The
//! header is parsed by hand (no serde on untrusted bytes) and the signature
//! checked before anything is decrypted.
//!
//! Version 2 added the key wraps: after a device is removed, a bundle sealed
//! under the new epoch carries that epoch's key wrapped for each remaining
//! device (see [`crate::epoch`]), so a member that has not heard of the
//! removal yet can still read it.
//!
//! Version 3 added per-document keys (crypto-shredding). A document whose
//! key id is not zero is sealed under HKDF-SHA256 of the epoch's network key
//! *and* that document's own [`DocKey`], so a reader needs both: a removed
//! device (no new network key) is cut off as before, and once every copy of
//! the document key is destroyed nobody can open the payload, network key or
//! not. The keys section carries document keys wrapped under the network key
//! (bound to this bundle) for readers that may not have them yet. Documents
//! with key id zero are sealed under the network key alone, as in versions 1
//! and 2, which still read.

use std::collections::BTreeMap;

use zeroize::Zeroizing;

use crate::error::{Result, SyncError};
use crate::keys::{
    self, DocKey, KEY_ID_LEN, KEY_LEN, KeyId, NetworkKey, SIGNATURE_LEN, SigningKey,
};
use crate::wire::{Reader, Writer};

pub const MAGIC: &[u8; 8] = b"SNCTBNDL";
pub const FORMAT_VERSION: u16 = 3;
/// The oldest version this build reads.
const OLDEST_VERSION: u16 = 1;
/// Refused before parsing: larger than any real network's first sync.
pub const MAX_BUNDLE_BYTES: usize = 512 * 1024 * 1024;
const MAX_DOCS: u32 = 10_000_000;
const MAX_ACKS: u16 = 4096;
const MAX_WRAPS: u16 = 4096;
/// A wrapped document key: nonce, key and tag.
const WRAPPED_DOC_KEY_LEN: usize = 12 + KEY_LEN + 16;
/// "Sealed under the network key alone."
const NO_KEY: KeyId = [0; KEY_ID_LEN];

/// The key of the bundle's epoch, wrapped by device `by` for each remaining device.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wraps {
    /// The device that made the epoch (empty: no wraps).
    pub by: Vec<u8>,
    /// Recipient device id and its sealed key.
    pub keys: Vec<(Vec<u8>, Vec<u8>)>,
}

/// Who made a bundle, for whom, and where it sits in its sender's sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub network_id: String,
    pub epoch: u32,
    /// The sender's device id (its Automerge actor id bytes).
    pub sender: Vec<u8>,
    /// The device it was made for; empty when any member may read it.
    pub recipient: Vec<u8>,
    /// The sender's bundle counter, from 1.
    pub seq: u64,
    /// The bundle whose content this one builds on (0: it holds everything).
    pub base: u64,
    /// SHA-256 of the sender's previous bundle (zero for the first).
    pub prev_hash: [u8; 32],
    pub created: i64,
    /// For each device, the highest bundle of theirs the sender has applied
    /// with everything before it.
    pub acks: Vec<(Vec<u8>, u64)>,
    /// The epoch key for members that do not hold it yet.
    pub wraps: Wraps,
}

/// One document's new changes in plaintext (Automerge chunks, concatenated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocPayload {
    pub id: String,
    pub kind: u8,
    pub data: Vec<u8>,
}

/// The document keys a bundle is written with.
#[derive(Debug, Clone, Default)]
pub struct DocKeys {
    /// The key each named document is sealed under (with the network key);
    /// a document not named here is sealed under the network key alone.
    pub sealing: BTreeMap<String, DocKey>,
    /// Keys carried wrapped under the network key, for readers that may lack them.
    pub carried: Vec<(String, DocKey)>,
}

/// What [`Bundle::open`] could decrypt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opened {
    pub docs: Vec<DocPayload>,
    /// Documents sealed under a document key the reader does not hold.
    pub missing: Vec<String>,
}

fn payload_aad(h: &Header, id: &str, kind: u8) -> Vec<u8> {
    let mut w = Writer::default();
    w.put(b"sanctuary/bundle-doc/v1");
    w.short(h.network_id.as_bytes());
    w.u32(h.epoch);
    w.short(&h.sender);
    w.u64(h.seq);
    w.short(id.as_bytes());
    w.u8(kind);
    w.bytes
}

/// The key a document's payload is sealed under when it has its own key:
/// HKDF-SHA256 over both keys, so either alone opens nothing.
fn payload_key(
    h: &Header,
    network: &NetworkKey,
    id: &str,
    doc: &DocKey,
) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let mut ikm = Zeroizing::new([0u8; 2 * KEY_LEN]);
    ikm[..KEY_LEN].copy_from_slice(network.as_bytes());
    ikm[KEY_LEN..].copy_from_slice(doc.as_bytes());
    let mut info = Writer::default();
    info.put(b"sanctuary/bundle-doc-key/v3");
    info.short(h.network_id.as_bytes());
    info.u32(h.epoch);
    info.short(id.as_bytes());
    info.put(&doc.id());
    keys::hkdf(b"sanctuary/bundle-doc-key", &ikm[..], &info.bytes)
}

/// A carried document key is bound to this bundle, its document and its id.
fn key_aad(h: &Header, id: &str, key_id: &KeyId) -> Vec<u8> {
    let mut w = Writer::default();
    w.put(b"sanctuary/bundle-doc-key-wrap/v3");
    w.short(h.network_id.as_bytes());
    w.u32(h.epoch);
    w.short(&h.sender);
    w.u64(h.seq);
    w.short(id.as_bytes());
    w.put(key_id);
    w.bytes
}

fn check_short(v: &[u8]) -> Result<()> {
    if v.len() > 64 {
        Err(SyncError::NotABundle)
    } else {
        Ok(())
    }
}

/// Writes and signs a bundle whose documents are all sealed under the
/// network key alone.
pub fn write(
    header: &Header,
    docs: &[DocPayload],
    key: &NetworkKey,
    signer: &SigningKey,
) -> Result<Vec<u8>> {
    write_as(
        FORMAT_VERSION,
        header,
        docs,
        &DocKeys::default(),
        key,
        signer,
    )
}

/// Writes and signs a bundle, sealing the documents named in `doc_keys`
/// under their own keys and carrying its carried keys.
pub fn write_with_keys(
    header: &Header,
    docs: &[DocPayload],
    doc_keys: &DocKeys,
    key: &NetworkKey,
    signer: &SigningKey,
) -> Result<Vec<u8>> {
    write_as(FORMAT_VERSION, header, docs, doc_keys, key, signer)
}

/// Writes format `version` (older ones only for tests of reading them).
fn write_as(
    version: u16,
    header: &Header,
    docs: &[DocPayload],
    doc_keys: &DocKeys,
    key: &NetworkKey,
    signer: &SigningKey,
) -> Result<Vec<u8>> {
    check_short(header.network_id.as_bytes())?;
    check_short(&header.sender)?;
    check_short(&header.recipient)?;
    let has_doc_keys = !doc_keys.sealing.is_empty() || !doc_keys.carried.is_empty();
    let has_wraps = !header.wraps.by.is_empty() || !header.wraps.keys.is_empty();
    if (version < 3 && has_doc_keys) || (version < 2 && has_wraps) {
        return Err(SyncError::NotABundle);
    }
    let mut w = Writer::default();
    w.put(MAGIC);
    w.u16(version);
    w.short(header.network_id.as_bytes());
    w.u32(header.epoch);
    w.short(&header.sender);
    w.short(&header.recipient);
    w.u64(header.seq);
    w.u64(header.base);
    w.put(&header.prev_hash);
    w.i64(header.created);
    w.u16(u16::try_from(header.acks.len()).map_err(|_| SyncError::NotABundle)?);
    for (device, seq) in &header.acks {
        check_short(device)?;
        w.short(device);
        w.u64(*seq);
    }
    if version >= 2 {
        check_short(&header.wraps.by)?;
        w.short(&header.wraps.by);
        w.u16(u16::try_from(header.wraps.keys.len()).map_err(|_| SyncError::NotABundle)?);
        for (device, sealed) in &header.wraps.keys {
            check_short(device)?;
            if sealed.len() > 255 {
                return Err(SyncError::NotABundle);
            }
            w.short(device);
            w.short(sealed);
        }
    }
    if version >= 3 {
        w.u32(u32::try_from(doc_keys.carried.len()).map_err(|_| SyncError::TooLarge)?);
        for (id, doc_key) in &doc_keys.carried {
            check_short(id.as_bytes())?;
            let key_id = doc_key.id();
            let sealed = keys::seal(
                key.as_bytes(),
                &key_aad(header, id, &key_id),
                doc_key.as_bytes(),
            )?;
            w.short(id.as_bytes());
            w.put(&key_id);
            w.short(&sealed);
        }
    }
    w.u32(u32::try_from(docs.len()).map_err(|_| SyncError::TooLarge)?);
    for doc in docs {
        check_short(doc.id.as_bytes())?;
        w.short(doc.id.as_bytes());
        w.u8(doc.kind);
        let aad = payload_aad(header, &doc.id, doc.kind);
        let sealed = match doc_keys.sealing.get(&doc.id) {
            Some(doc_key) => {
                w.put(&doc_key.id());
                let sealing = payload_key(header, key, &doc.id, doc_key)?;
                keys::seal(&sealing, &aad, &doc.data)?
            }
            None => {
                if version >= 3 {
                    w.put(&NO_KEY);
                }
                keys::seal(key.as_bytes(), &aad, &doc.data)?
            }
        };
        w.long(&sealed);
    }
    let signature = signer.sign(&w.bytes);
    w.put(&signature);
    if w.bytes.len() > MAX_BUNDLE_BYTES {
        return Err(SyncError::TooLarge);
    }
    Ok(w.bytes)
}

/// One document's payload as the file holds it.
#[derive(Debug)]
struct Sealed<'a> {
    id: String,
    kind: u8,
    /// Zero: sealed under the network key alone.
    key_id: KeyId,
    sealed: &'a [u8],
}

/// A parsed but not yet verified bundle, borrowing the file's bytes.
#[derive(Debug)]
pub struct Bundle<'a> {
    pub header: Header,
    /// The carried document keys: document, key id, wrapped key.
    keys: Vec<(String, KeyId, &'a [u8])>,
    sealed: Vec<Sealed<'a>>,
    signed: &'a [u8],
    signature: &'a [u8],
    hash: [u8; 32],
}

/// Reads the format version only, so a newer file gets the right message
/// even if the rest of its layout changed.
fn read_version(bytes: &[u8]) -> Result<u16> {
    let mut r = Reader::new(bytes, SyncError::NotABundle);
    if &r.array::<8>()? != MAGIC {
        return Err(SyncError::NotABundle);
    }
    r.u16()
}

/// Parses a bundle's layout: size cap, magic, version, every length checked.
/// Nothing is trusted yet: call [`Bundle::verify`] and then [`Bundle::open`].
pub fn parse(bytes: &[u8]) -> Result<Bundle<'_>> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(SyncError::TooLarge);
    }
    let version = match read_version(bytes) {
        Ok(v @ OLDEST_VERSION..=FORMAT_VERSION) => v,
        Ok(v) if v > FORMAT_VERSION => return Err(SyncError::FutureVersion),
        Ok(_) => return Err(SyncError::NotABundle),
        // A file that starts like a bundle but ends early was cut short.
        Err(_) if bytes.starts_with(&MAGIC[..bytes.len().min(8)]) && !bytes.is_empty() => {
            return Err(SyncError::Altered);
        }
        Err(e) => return Err(e),
    };
    if bytes.len() < SIGNATURE_LEN + 10 {
        return Err(SyncError::Altered);
    }
    let (signed, signature) = bytes.split_at(bytes.len() - SIGNATURE_LEN);
    let mut r = Reader::new(signed, SyncError::Altered);
    r.take(10)?; // Magic and version, read above.
    let network_id = r.id()?;
    let epoch = r.u32()?;
    let sender = r.short()?.to_vec();
    let recipient = r.short()?.to_vec();
    if sender.is_empty() || sender.len() > 64 || recipient.len() > 64 {
        return Err(SyncError::Altered);
    }
    let seq = r.u64()?;
    let base = r.u64()?;
    let prev_hash = r.array::<32>()?;
    let created = r.i64()?;
    let ack_count = r.u16()?;
    if ack_count > MAX_ACKS {
        return Err(SyncError::Altered);
    }
    let mut acks = Vec::with_capacity(ack_count.into());
    for _ in 0..ack_count {
        let device = r.short()?.to_vec();
        acks.push((device, r.u64()?));
    }
    let mut wraps = Wraps::default();
    if version >= 2 {
        wraps.by = r.short()?.to_vec();
        let count = r.u16()?;
        if count > MAX_WRAPS || wraps.by.len() > 64 {
            return Err(SyncError::Altered);
        }
        for _ in 0..count {
            let device = r.short()?.to_vec();
            wraps.keys.push((device, r.short()?.to_vec()));
        }
    }
    let mut doc_keys = Vec::new();
    if version >= 3 {
        let count = r.u32()?;
        if count > MAX_DOCS {
            return Err(SyncError::Altered);
        }
        // Each carried key takes 71 bytes, which bounds the allocation by the input.
        doc_keys.reserve((count as usize).min(r.remaining() / (11 + WRAPPED_DOC_KEY_LEN)));
        for _ in 0..count {
            let id = r.id()?;
            let key_id = r.array::<KEY_ID_LEN>()?;
            let sealed = r.short()?;
            if key_id == NO_KEY || sealed.len() != WRAPPED_DOC_KEY_LEN {
                return Err(SyncError::Altered);
            }
            doc_keys.push((id, key_id, sealed));
        }
    }
    let doc_count = r.u32()?;
    if doc_count > MAX_DOCS {
        return Err(SyncError::Altered);
    }
    // Each document takes at least 6 bytes, which bounds the allocation by the input.
    let mut sealed = Vec::with_capacity((doc_count as usize).min(r.remaining() / 6));
    for _ in 0..doc_count {
        let id = r.id()?;
        let kind = r.u8()?;
        let key_id = if version >= 3 {
            r.array::<KEY_ID_LEN>()?
        } else {
            NO_KEY
        };
        sealed.push(Sealed {
            id,
            kind,
            key_id,
            sealed: r.long()?,
        });
    }
    r.finish()?;
    Ok(Bundle {
        header: Header {
            network_id,
            epoch,
            sender,
            recipient,
            seq,
            base,
            prev_hash,
            created,
            acks,
            wraps,
        },
        keys: doc_keys,
        sealed,
        signed,
        signature,
        hash: keys::sha256(bytes),
    })
}

impl Bundle<'_> {
    /// SHA-256 of the whole file: what the sender's next bundle names as `prev_hash`.
    pub fn hash(&self) -> [u8; 32] {
        self.hash
    }

    /// The documents it carries, by id and kind, without decrypting them.
    pub fn documents(&self) -> impl Iterator<Item = (&str, u8)> {
        self.sealed.iter().map(|s| (s.id.as_str(), s.kind))
    }

    /// The documents sealed under a document key, with that key's id.
    pub fn sealed_with_doc_keys(&self) -> impl Iterator<Item = (&str, KeyId)> {
        self.sealed
            .iter()
            .filter(|s| s.key_id != NO_KEY)
            .map(|s| (s.id.as_str(), s.key_id))
    }

    /// The ids of the documents whose keys it carries, without decrypting them.
    pub fn carried_key_ids(&self) -> impl Iterator<Item = (&str, KeyId)> {
        self.keys
            .iter()
            .map(|(id, key_id, _)| (id.as_str(), *key_id))
    }

    /// Checks the sender's signature over everything before it.
    pub fn verify(&self, sender_public_key: &[u8]) -> Result<()> {
        if keys::verify(sender_public_key, self.signed, self.signature) {
            Ok(())
        } else {
            Err(SyncError::BadSignature)
        }
    }

    /// Unwraps the document keys it carries; one that does not authenticate
    /// refuses the whole bundle (the signature passed, so it was made so).
    pub fn carried_keys(&self, key: &NetworkKey) -> Result<Vec<(String, DocKey)>> {
        self.keys
            .iter()
            .map(|(id, key_id, sealed)| {
                let plain = Zeroizing::new(
                    keys::open(key.as_bytes(), &key_aad(&self.header, id, key_id), sealed)
                        .ok_or(SyncError::BadSeal)?,
                );
                let doc_key = DocKey::from_parts(key_id, &plain).ok_or(SyncError::BadSeal)?;
                Ok((id.clone(), doc_key))
            })
            .collect()
    }

    /// Decrypts every payload: those under the network key alone, and
    /// those under a document key that `doc_key` (document id, key id)
    /// finds. A payload whose document key is not found is listed in
    /// [`Opened::missing`]; any that does not authenticate refuses the whole
    /// bundle.
    pub fn open(
        &self,
        key: &NetworkKey,
        doc_key: impl Fn(&str, &KeyId) -> Option<DocKey>,
    ) -> Result<Opened> {
        let mut out = Opened::default();
        for s in &self.sealed {
            let aad = payload_aad(&self.header, &s.id, s.kind);
            let data = if s.key_id == NO_KEY {
                keys::open(key.as_bytes(), &aad, s.sealed)
            } else {
                match doc_key(&s.id, &s.key_id) {
                    Some(doc) if doc.id() == s.key_id => {
                        let sealing = payload_key(&self.header, key, &s.id, &doc)?;
                        keys::open(&sealing, &aad, s.sealed)
                    }
                    _ => {
                        out.missing.push(s.id.clone());
                        continue;
                    }
                }
            };
            out.docs.push(DocPayload {
                id: s.id.clone(),
                kind: s.kind,
                data: data.ok_or(SyncError::BadSeal)?,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> (Header, Vec<DocPayload>) {
        let header = Header {
            network_id: "net-1".into(),
            epoch: 1,
            sender: vec![1; 16],
            recipient: vec![],
            seq: 3,
            base: 2,
            prev_hash: [7; 32],
            created: 1_700_000_000,
            acks: vec![(vec![2; 16], 5)],
            wraps: Wraps {
                by: vec![3; 16],
                keys: vec![(vec![2; 16], vec![9; 60])],
            },
        };
        let docs = vec![
            DocPayload {
                id: "network".into(),
                kind: 4,
                data: b"changes".to_vec(),
            },
            DocPayload {
                id: "a-1".into(),
                kind: 1,
                data: vec![],
            },
            DocPayload {
                id: "a-2".into(),
                kind: 1,
                data: b"a person".to_vec(),
            },
        ];
        (header, docs)
    }

    /// `a-1` and `a-2` under their own keys; only `a-1`'s is carried.
    fn sample_keys() -> (DocKeys, DocKey, DocKey) {
        let one = DocKey::generate().unwrap();
        let two = DocKey::generate().unwrap();
        let keys = DocKeys {
            sealing: [
                ("a-1".to_string(), one.clone()),
                ("a-2".to_string(), two.clone()),
            ]
            .into(),
            carried: vec![("a-1".to_string(), one.clone())],
        };
        (keys, one, two)
    }

    /// A lookup holding exactly `held`.
    fn holding(held: &[(&str, &DocKey)]) -> impl Fn(&str, &KeyId) -> Option<DocKey> {
        let held: Vec<(String, DocKey)> = held
            .iter()
            .map(|(id, k)| ((*id).to_string(), (*k).clone()))
            .collect();
        move |id, key_id| {
            held.iter()
                .find(|(d, k)| d == id && k.id() == *key_id)
                .map(|(_, k)| k.clone())
        }
    }

    #[test]
    fn a_bundle_round_trips_and_every_flipped_byte_is_caught() {
        let key = NetworkKey::generate().unwrap();
        let signer = SigningKey::generate().unwrap();
        let (header, docs) = sample();
        let (doc_keys, one, two) = sample_keys();
        let bytes = write_with_keys(&header, &docs, &doc_keys, &key, &signer).unwrap();
        let bundle = parse(&bytes).unwrap();
        assert_eq!(bundle.header, header);
        bundle.verify(&signer.public_key()).unwrap();
        let carried = bundle.carried_keys(&key).unwrap();
        assert_eq!(carried, vec![("a-1".to_string(), one.clone())]);
        let opened = bundle
            .open(&key, holding(&[("a-1", &one), ("a-2", &two)]))
            .unwrap();
        assert_eq!(opened.docs, docs);
        assert!(opened.missing.is_empty());

        let open_all = |b: &Bundle<'_>| -> Result<()> {
            b.verify(&signer.public_key())?;
            b.carried_keys(&key)?;
            let opened = b.open(&key, holding(&[("a-1", &one), ("a-2", &two)]))?;
            if opened.missing.is_empty() {
                Ok(())
            } else {
                Err(SyncError::BadSeal)
            }
        };
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x01;
            let refused = parse(&bad).and_then(|b| open_all(&b));
            assert!(refused.is_err(), "flipping byte {i} went unnoticed");
        }
        for n in 0..bytes.len() {
            assert!(
                parse(&bytes[..n])
                    .and_then(|b| b.verify(&signer.public_key()))
                    .is_err()
            );
        }
    }

    /// The keys section alone, with the signature made again over the
    /// edit (a member's laptop could do that): each of its checks holds.
    #[test]
    fn the_keys_section_is_checked_even_under_a_valid_signature() {
        let key = NetworkKey::generate().unwrap();
        let signer = SigningKey::generate().unwrap();
        let (header, docs) = sample();
        let (doc_keys, ..) = sample_keys();
        let bytes = write_with_keys(&header, &docs, &doc_keys, &key, &signer).unwrap();
        // The keys section starts right after the wraps.
        let mut unkeyed = write(&header, &[], &key, &signer).unwrap();
        unkeyed.truncate(unkeyed.len() - SIGNATURE_LEN - 8);
        let at = unkeyed.len();
        assert_eq!(bytes[at..at + 4], 1u32.to_be_bytes());
        let resign = |mut b: Vec<u8>| {
            b.truncate(b.len() - SIGNATURE_LEN);
            let sig = signer.sign(&b);
            b.extend_from_slice(&sig);
            b
        };
        let id_len = usize::from(bytes[at + 4]);
        let key_id_at = at + 5 + id_len;
        let sealed_len_at = key_id_at + KEY_ID_LEN;
        // A zero key id, a wrapped key of another length, a count beyond the
        // file: the layout is refused before anything is decrypted.
        let mut zero_id = bytes.clone();
        zero_id[key_id_at..sealed_len_at].fill(0);
        assert_eq!(parse(&resign(zero_id)).unwrap_err(), SyncError::Altered);
        let mut short = bytes.clone();
        short[sealed_len_at] -= 1;
        assert_eq!(parse(&resign(short)).unwrap_err(), SyncError::Altered);
        let mut many = bytes.clone();
        many[at..at + 4].copy_from_slice(&2u32.to_be_bytes());
        assert_eq!(parse(&resign(many)).unwrap_err(), SyncError::Altered);
        let mut huge = bytes.clone();
        huge[at..at + 4].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(parse(&resign(huge)).unwrap_err(), SyncError::Altered);
        // A flipped byte of the wrapped key: the signature catches it, and
        // re-signed, the key does not authenticate.
        let mut flipped = bytes.clone();
        flipped[sealed_len_at + 10] ^= 0x40;
        assert_eq!(
            parse(&flipped).unwrap().verify(&signer.public_key()),
            Err(SyncError::BadSignature)
        );
        let resigned = resign(flipped);
        let bundle = parse(&resigned).unwrap();
        bundle.verify(&signer.public_key()).unwrap();
        assert_eq!(bundle.carried_keys(&key), Err(SyncError::BadSeal));
    }

    #[test]
    fn a_payload_under_its_own_key_needs_both_keys() {
        let key = NetworkKey::generate().unwrap();
        let signer = SigningKey::generate().unwrap();
        let (header, docs) = sample();
        let (doc_keys, one, two) = sample_keys();
        let bytes = write_with_keys(&header, &docs, &doc_keys, &key, &signer).unwrap();
        let bundle = parse(&bytes).unwrap();
        let ids: Vec<(&str, KeyId)> = bundle.sealed_with_doc_keys().collect();
        assert_eq!(ids, vec![("a-1", one.id()), ("a-2", two.id())]);

        // The network key alone opens the network document, and not the people.
        let alone = bundle.open(&key, |_, _| None).unwrap();
        assert_eq!(alone.docs, docs[..1].to_vec());
        assert_eq!(alone.missing, vec!["a-1".to_string(), "a-2".to_string()]);
        // Offered as the person's key, the network key does not open it either.
        let as_doc_key = DocKey::from_parts(&two.id(), key.as_bytes()).unwrap();
        assert_eq!(
            bundle.open(&key, holding(&[("a-2", &as_doc_key)])),
            Err(SyncError::BadSeal)
        );
        // The person's key without this epoch's network key opens nothing.
        let other_epoch = NetworkKey::generate().unwrap();
        assert_eq!(
            bundle.open(&other_epoch, holding(&[("a-1", &one), ("a-2", &two)])),
            Err(SyncError::BadSeal)
        );
        assert_eq!(bundle.carried_keys(&other_epoch), Err(SyncError::BadSeal));
        // A key held for another document is not used for this one.
        let elsewhere = bundle
            .open(&key, holding(&[("a-3", &two), ("a-1", &one)]))
            .unwrap();
        assert_eq!(elsewhere.missing, vec!["a-2".to_string()]);
    }

    /// Files written by the two earlier versions still read.
    #[test]
    fn versions_1_and_2_still_read() {
        let key = NetworkKey::generate().unwrap();
        let signer = SigningKey::generate().unwrap();
        let (header, docs) = sample();
        let v2 = write_as(2, &header, &docs, &DocKeys::default(), &key, &signer).unwrap();
        assert_eq!(read_version(&v2).unwrap(), 2);
        let bundle = parse(&v2).unwrap();
        assert_eq!(bundle.header, header);
        bundle.verify(&signer.public_key()).unwrap();
        assert_eq!(bundle.carried_key_ids().count(), 0);
        assert_eq!(bundle.open(&key, |_, _| None).unwrap().docs, docs);

        let v1_header = Header {
            wraps: Wraps::default(),
            ..header.clone()
        };
        let v1 = write_as(1, &v1_header, &docs, &DocKeys::default(), &key, &signer).unwrap();
        assert_eq!(read_version(&v1).unwrap(), 1);
        let bundle = parse(&v1).unwrap();
        assert_eq!(bundle.header, v1_header);
        bundle.verify(&signer.public_key()).unwrap();
        assert_eq!(bundle.open(&key, |_, _| None).unwrap().docs, docs);
        // An older version cannot hold what it has no place for.
        let (doc_keys, ..) = sample_keys();
        assert!(write_as(2, &header, &docs, &doc_keys, &key, &signer).is_err());
        assert!(write_as(1, &header, &docs, &DocKeys::default(), &key, &signer).is_err());
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        let key = NetworkKey::generate().unwrap();
        let signer = SigningKey::generate().unwrap();
        let (header, docs) = sample();
        let bytes = write(&header, &docs, &key, &signer).unwrap();
        let mut future = bytes.clone();
        future[9] = 4;
        assert_eq!(parse(&future).unwrap_err(), SyncError::FutureVersion);
        assert_eq!(parse(b"hello world").unwrap_err(), SyncError::NotABundle);
        assert_eq!(parse(&bytes[..20]).unwrap_err(), SyncError::Altered);
        let other = SigningKey::generate().unwrap();
        assert_eq!(
            parse(&bytes).unwrap().verify(&other.public_key()),
            Err(SyncError::BadSignature)
        );
        let wrong_key = NetworkKey::generate().unwrap();
        assert_eq!(
            parse(&bytes).unwrap().open(&wrong_key, |_, _| None),
            Err(SyncError::BadSeal)
        );
    }

    fn doc_strategy() -> impl Strategy<Value = (String, u8, Vec<u8>, bool, bool)> {
        (
            "[a-z0-9-]{1,40}",
            any::<u8>(),
            prop::collection::vec(any::<u8>(), 0..64),
            any::<bool>(),
            any::<bool>(),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        /// Any mix of documents, sealed under the network key or their own,
        /// with or without their key carried, and older versions without
        /// keys: what is written reads back, and a reader that holds only
        /// the carried keys misses exactly the others.
        #[test]
        fn any_bundle_round_trips(
            docs in prop::collection::btree_map("[a-z0-9-]{1,40}", doc_strategy(), 0..8),
            version in 1u16..=3,
            seq in any::<u64>(),
            acks in prop::collection::vec((prop::collection::vec(any::<u8>(), 0..64), any::<u64>()), 0..4),
        ) {
            let key = NetworkKey::from_bytes(&[5; 32]).unwrap();
            let signer = SigningKey::generate().unwrap();
            let (mut header, _) = sample();
            header.seq = seq;
            header.acks = acks;
            if version < 2 {
                header.wraps = Wraps::default();
            }
            let mut payloads = Vec::new();
            let mut doc_keys = DocKeys::default();
            let mut expect_missing = Vec::new();
            for (id, (_, kind, data, own_key, carried)) in &docs {
                payloads.push(DocPayload { id: id.clone(), kind: *kind, data: data.clone() });
                if version == 3 && *own_key {
                    let k = DocKey::generate().unwrap();
                    doc_keys.sealing.insert(id.clone(), k.clone());
                    if *carried {
                        doc_keys.carried.push((id.clone(), k));
                    } else {
                        expect_missing.push(id.clone());
                    }
                }
            }
            let bytes = write_as(version, &header, &payloads, &doc_keys, &key, &signer).unwrap();
            let bundle = parse(&bytes).unwrap();
            prop_assert_eq!(&bundle.header, &header);
            bundle.verify(&signer.public_key()).unwrap();
            let carried = bundle.carried_keys(&key).unwrap();
            prop_assert_eq!(&carried, &doc_keys.carried);
            let opened = bundle
                .open(&key, |id, key_id| {
                    carried.iter().find(|(d, k)| d == id && k.id() == *key_id).map(|(_, k)| k.clone())
                })
                .unwrap();
            prop_assert_eq!(&opened.missing, &expect_missing);
            let all = bundle.open(&key, |id, _| doc_keys.sealing.get(id).cloned()).unwrap();
            prop_assert!(all.missing.is_empty());
            prop_assert_eq!(all.docs, payloads);
        }
    }
}
