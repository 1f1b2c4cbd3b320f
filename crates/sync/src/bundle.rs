//! The bundle file: a fixed header, one encrypted payload per document and an
//! Ed25519 signature over everything before it.
//!
//! ```text
//! magic "SNCTBNDL" | version u16 | network id (u8 len) | epoch u32
//! | sender (u8 len) | recipient (u8 len, empty = anyone) | seq u64 | base u64
//! | prev hash [32] | created i64 (unix seconds)
//! | acks: u16 count x (device (u8 len), seq u64)
//! | wraps (version 2): by (u8 len) | u16 count x (device (u8 len), sealed (u8 len))
//! | docs: u32 count x (id (u8 len), kind u8, sealed (u32 len))
//! | signature [64]
//! ```
//! All integers are big-endian. Each document's payload is AES-256-GCM under
//! the network key of `epoch`, its associated data naming the network, epoch,
//! sender, sequence, document and kind, so a payload cannot be moved to
//! another bundle or document. The header is parsed by hand (no serde on
//! untrusted bytes) and the signature checked before anything is decrypted.
//!
//! Version 2 added the key wraps: after a device is removed, a bundle sealed
//! under the new epoch carries that epoch's key wrapped for each remaining
//! device (see [`crate::epoch`]), so a member that has not heard of the
//! removal yet can still read it. Version 1 files (no wraps) still read.

use crate::error::{Result, SyncError};
use crate::keys::{self, NetworkKey, SIGNATURE_LEN, SigningKey};
use crate::wire::{Reader, Writer};

pub const MAGIC: &[u8; 8] = b"SNCTBNDL";
pub const FORMAT_VERSION: u16 = 2;
/// The oldest version this build reads.
const OLDEST_VERSION: u16 = 1;
/// Refused before parsing: larger than any real network's first sync.
pub const MAX_BUNDLE_BYTES: usize = 512 * 1024 * 1024;
const MAX_DOCS: u32 = 10_000_000;
const MAX_ACKS: u16 = 4096;
const MAX_WRAPS: u16 = 4096;

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

fn check_short(v: &[u8]) -> Result<()> {
    if v.len() > 64 {
        Err(SyncError::NotABundle)
    } else {
        Ok(())
    }
}

/// Writes and signs a bundle.
pub fn write(
    header: &Header,
    docs: &[DocPayload],
    key: &NetworkKey,
    signer: &SigningKey,
) -> Result<Vec<u8>> {
    check_short(header.network_id.as_bytes())?;
    check_short(&header.sender)?;
    check_short(&header.recipient)?;
    let mut w = Writer::default();
    w.put(MAGIC);
    w.u16(FORMAT_VERSION);
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
    w.u32(u32::try_from(docs.len()).map_err(|_| SyncError::TooLarge)?);
    for doc in docs {
        check_short(doc.id.as_bytes())?;
        w.short(doc.id.as_bytes());
        w.u8(doc.kind);
        let sealed = keys::seal(
            key.as_bytes(),
            &payload_aad(header, &doc.id, doc.kind),
            &doc.data,
        )?;
        w.long(&sealed);
    }
    let signature = signer.sign(&w.bytes);
    w.put(&signature);
    if w.bytes.len() > MAX_BUNDLE_BYTES {
        return Err(SyncError::TooLarge);
    }
    Ok(w.bytes)
}

/// A parsed but not yet verified bundle, borrowing the file's bytes.
#[derive(Debug)]
pub struct Bundle<'a> {
    pub header: Header,
    sealed: Vec<(String, u8, &'a [u8])>,
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
    let doc_count = r.u32()?;
    if doc_count > MAX_DOCS {
        return Err(SyncError::Altered);
    }
    // Each document takes at least 6 bytes, which bounds the allocation by the input.
    let mut sealed = Vec::with_capacity((doc_count as usize).min(r.remaining() / 6));
    for _ in 0..doc_count {
        let id = r.id()?;
        let kind = r.u8()?;
        sealed.push((id, kind, r.long()?));
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
        self.sealed.iter().map(|(id, kind, _)| (id.as_str(), *kind))
    }

    /// Checks the sender's signature over everything before it.
    pub fn verify(&self, sender_public_key: &[u8]) -> Result<()> {
        if keys::verify(sender_public_key, self.signed, self.signature) {
            Ok(())
        } else {
            Err(SyncError::BadSignature)
        }
    }

    /// Decrypts every payload; any that does not authenticate refuses the whole bundle.
    pub fn open(&self, key: &NetworkKey) -> Result<Vec<DocPayload>> {
        self.sealed
            .iter()
            .map(|(id, kind, sealed)| {
                let data = keys::open(
                    key.as_bytes(),
                    &payload_aad(&self.header, id, *kind),
                    sealed,
                )
                .ok_or(SyncError::BadSeal)?;
                Ok(DocPayload {
                    id: id.clone(),
                    kind: *kind,
                    data,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ];
        (header, docs)
    }

    #[test]
    fn a_bundle_round_trips_and_every_flipped_byte_is_caught() {
        let key = NetworkKey::generate().unwrap();
        let signer = SigningKey::generate().unwrap();
        let (header, docs) = sample();
        let bytes = write(&header, &docs, &key, &signer).unwrap();
        let bundle = parse(&bytes).unwrap();
        assert_eq!(bundle.header, header);
        bundle.verify(&signer.public_key()).unwrap();
        assert_eq!(bundle.open(&key).unwrap(), docs);

        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x01;
            let refused = parse(&bad).and_then(|b| {
                b.verify(&signer.public_key())?;
                b.open(&key)
            });
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

    #[test]
    fn refusals_say_what_is_wrong() {
        let key = NetworkKey::generate().unwrap();
        let signer = SigningKey::generate().unwrap();
        let (header, docs) = sample();
        let bytes = write(&header, &docs, &key, &signer).unwrap();
        let mut future = bytes.clone();
        future[9] = 3;
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
            parse(&bytes).unwrap().open(&wrong_key),
            Err(SyncError::BadSeal)
        );
    }
}
