//! Sync: this laptop's identity, exporting its changes as a signed,
//! encrypted bundle, and importing other members' bundles.
//!
//! Export is cheap: the store's chunks *are* Automerge change chunks, so a
//! bundle is, per document, the chunks above a "mark" (each document's last
//! chunk position when an earlier bundle was made), without loading any
//! Automerge document. Import verifies everything (signature, membership,
//! every change's author) before it writes, loads only the documents the
//! bundle touches, and writes all of them in one store transaction; the read
//! model changes only after that commit.
//!
//! What each peer has acknowledged, and so what a bundle must carry, is in
//! `progress` ([`SyncProgress`]); the shared-folder pass is in `folder`.
//! Progress is written *after* the documents' transaction: a crash in
//! between only means the same bundle is imported again later, which
//! Automerge makes a no-op.

mod auto;
mod conflicts;
mod devices;
mod doc_keys;
mod folder;
mod fuzzing;
mod invite;
mod merge;
mod one_pass;
mod progress;
mod rehydrate;
mod schedule;
mod status;

pub use auto::{
    AUTO_SYNC_DEBOUNCE, AutoSync, AutoSyncState, AutoSyncStatus, NotifyFn, PassFn, SyncFailure,
};
pub use conflicts::{Conflict, ConflictValue};
pub(super) use devices::EXCHANGE_KEY_META;
pub use devices::{DeviceInfo, RevokeReport};
pub use folder::{FolderReport, SyncProblem, SyncProblemKind};
pub use fuzzing::{documents_input, merge_untrusted, merge_untrusted_input};
pub use invite::Invite;
pub(super) use invite::OpenedInvite;
pub use progress::{PeerState, SyncProgress};
pub use schedule::Schedule;
pub use status::PeerStatus;

use std::collections::{BTreeMap, BTreeSet};

use sanctuary_store::DocWrite;
use sanctuary_sync::SyncError;
use sanctuary_sync::bundle::{self, DocPayload, Header};
use sanctuary_sync::keys::{NetworkKey, SigningKey, from_hex, hex};
use serde::Serialize;

use super::{NETWORK_DOC, Sanctuary};
use crate::documents::{Kind, LiveDoc};
use crate::error::{CoreError, Result};
use crate::model::{NetworkDoc, Thing};
use merge::{Hydrated, Job, hydrate, prepare, prepare_all};
use progress::MARK_META_PREFIX;

pub(super) const DEVICE_KEY_META: &str = "sync.device-key";
pub(super) const NETWORK_KEYS_META: &str = "sync.network-keys";
/// Marks kept for working out what a peer still needs, besides the ones
/// peers build on; a peer whose mark went falls back to the newest kept
/// mark below (a larger bundle, never a missing change).
const KEPT_MARKS: usize = 6;
/// An import of at most this many documents keeps them loaded for editing.
const KEEP_LOADED: usize = 16;

/// Per document, its last chunk position when a bundle was made: the next
/// bundle on top of it holds only the chunks above.
pub(super) type Mark = BTreeMap<String, u64>;

fn mark_meta(seq: u64) -> String {
    format!("{MARK_META_PREFIX}{seq}")
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub sender: String,
    pub seq: u64,
    /// Documents that gained changes.
    pub changed: usize,
    /// The bundle had been applied before: nothing was written.
    pub duplicate: bool,
    /// The bundle builds on changes of the sender this laptop does not have:
    /// what could be applied was, and the next bundle to the sender asks again.
    pub gap: bool,
    /// Another bundle with the same sender and number was applied before.
    pub fork: bool,
    /// People's documents in it sealed under a key this laptop lacks
    /// (`missing-person-key`): not applied, the rest was; counted as a gap so
    /// the sender's next bundle carries them again.
    pub missing_keys: Vec<String>,
}

/// Whose key a bundle must be signed with.
pub(super) enum Trust {
    /// A member, looked up in this laptop's network document.
    Member,
    /// The inviter named in an invite (joining: there is no network document yet).
    Inviter { public_key: Vec<u8> },
}

/// The message an invite key signs to register a joining device.
pub(super) fn registration_message(network_id: &str, device: &str, public_key: &str) -> Vec<u8> {
    format!("sanctuary/register/v1\n{network_id}\n{device}\n{public_key}").into_bytes()
}

/// Whether device `id` carries a registration for network `network_id`
/// signed with the key of the invite it names (one of `invites`): the one
/// check a laptop new to us must pass.
fn registered_by_invite(
    network_id: &str,
    invites: &BTreeMap<String, crate::model::InviteEntry>,
    id: &str,
    device: &crate::model::Device,
) -> bool {
    let Some(invite) = invites.get(&device.invite) else {
        return false;
    };
    let proof = from_hex(&device.proof).unwrap_or_default();
    let invite_key = from_hex(&invite.public_key).unwrap_or_default();
    let message = registration_message(network_id, id, &device.public_key);
    sanctuary_sync::keys::verify(&invite_key, &message, &proof)
}

fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    postcard::to_stdvec(value)
        .map_err(|e| CoreError::Internal(format!("encoding sync progress: {e}")))
}

fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T> {
    postcard::from_bytes(bytes).map_err(|e| CoreError::Internal(format!("reading {what}: {e}")))
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn now_micros() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp_micros()).unwrap_or(0)
}

/// A refusal that names the check that failed (the store's own data is fine).
pub(super) fn damaged_bundle(detail: impl std::fmt::Display) -> CoreError {
    CoreError::Sync(SyncError::BadDocument(detail.to_string()))
}

impl Sanctuary {
    /// A kept mark; an unknown one is empty, which means "send everything".
    pub(super) fn mark(&self, seq: u64) -> Result<Mark> {
        match self.store.get_meta(&mark_meta(seq))? {
            Some(bytes) if seq != 0 => decode(&bytes, "a sync mark"),
            _ => Ok(Mark::new()),
        }
    }

    /// The other devices of the network that are still members: the readers
    /// of a bundle left in a shared folder.
    pub(super) fn current_peers(&self) -> Vec<String> {
        let me = self.device_id();
        self.network
            .devices
            .iter()
            .filter(|(id, d)| **id != me && d.revoked.is_none())
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The network keys this laptop holds, by epoch.
    pub(super) fn network_keys(&self) -> Result<BTreeMap<u32, NetworkKey>> {
        let Some(bytes) = self.store.get_meta(NETWORK_KEYS_META)? else {
            return Ok(BTreeMap::new());
        };
        let raw: Vec<(u32, Vec<u8>)> = postcard::from_bytes(&bytes)
            .map_err(|e| CoreError::Internal(format!("reading network keys: {e}")))?;
        raw.into_iter()
            .map(|(epoch, key)| {
                NetworkKey::from_bytes(&key)
                    .map(|k| (epoch, k))
                    .ok_or_else(|| CoreError::Internal("a network key has the wrong size".into()))
            })
            .collect()
    }

    pub(super) fn put_network_keys(&mut self, keys: &BTreeMap<u32, NetworkKey>) -> Result<()> {
        let raw: Vec<(u32, Vec<u8>)> = keys
            .iter()
            .map(|(e, k)| (*e, k.as_bytes().to_vec()))
            .collect();
        let bytes = postcard::to_stdvec(&raw)
            .map_err(|e| CoreError::Internal(format!("encoding network keys: {e}")))?;
        self.store.put_meta(NETWORK_KEYS_META, &bytes)?;
        Ok(())
    }

    pub(super) fn device_key(&self) -> Result<Option<SigningKey>> {
        Ok(self
            .store
            .get_meta(DEVICE_KEY_META)?
            .and_then(|pkcs8| SigningKey::from_pkcs8(&pkcs8)))
    }

    /// Makes sure this laptop can sync: it has a signing key registered in
    /// the network document and (for the laptop that made the network) a
    /// network key. Idempotent; a crash halfway is finished next time.
    pub(super) fn ensure_identity(&mut self) -> Result<(SigningKey, u32, NetworkKey)> {
        self.ensure_member()?;
        let key = match self.device_key()? {
            Some(key) => key,
            None => {
                let key = SigningKey::generate()?;
                self.store.put_meta(DEVICE_KEY_META, key.pkcs8())?;
                key
            }
        };
        let me = self.device_id();
        let current = self
            .network
            .devices
            .get(&me)
            .cloned()
            .ok_or(CoreError::NotADevice)?;
        let network_id = self.network.id.clone();
        let device = self.registered_device(current.clone(), &key, &network_id)?;
        if device != current {
            let mut network = self.network.clone();
            network.devices.insert(me.clone(), device.clone());
            self.commit(
                NETWORK_DOC,
                Kind::Network,
                "register device key",
                &network,
                |doc| {
                    let devices = crate::documents::root_map(doc, "devices")?;
                    autosurgeon::reconcile_prop(doc, devices, me.as_str(), &device)
                        .map_err(|e| CoreError::Internal(format!("registering the key: {e}")))
                },
            )?;
            self.network = network;
        }
        self.learn_epoch_keys()?;
        let mut keys = self.network_keys()?;
        if keys.is_empty() {
            keys.insert(1, NetworkKey::generate()?);
            self.put_network_keys(&keys)?;
        }
        let (epoch, net_key) = keys
            .iter()
            .next_back()
            .map(|(e, k)| (*e, k.clone()))
            .ok_or_else(|| CoreError::Internal("no network key".into()))?;
        Ok((key, epoch, net_key))
    }

    /// Builds a bundle of every chunk above the mark of bundle `base` (all of
    /// them when `base` is 0), and the progress to save once it is
    /// delivered; also how many documents it holds.
    ///
    /// People's documents are sealed under their own keys too; `carry_all`
    /// (an invite's bundle) carries every key, otherwise only those some
    /// current member may lack (see `doc_keys`).
    pub(super) fn make_bundle(
        &mut self,
        recipient: Option<&str>,
        base: u64,
        carry_all: bool,
    ) -> Result<(Vec<u8>, SyncProgress, usize)> {
        let (signer, epoch, net_key) = self.ensure_identity()?;
        let mut progress = self.sync_progress()?;
        let mark = self.mark(base)?;
        let mut docs = Vec::new();
        let mut new_mark = BTreeMap::new();
        let infos = self.store.documents()?;
        for info in infos.iter().cloned() {
            let since = mark.get(&info.id).copied().unwrap_or(0);
            if info.last_seq > since {
                let stored = self
                    .store
                    .find_chunks_after(&info.id, since)?
                    .ok_or_else(|| CoreError::Internal(format!("{} vanished", info.id)))?;
                docs.push(DocPayload {
                    id: info.id.clone(),
                    kind: info.kind,
                    data: stored.chunks.concat(),
                });
            }
            new_mark.insert(info.id, info.last_seq);
        }
        let recipient = match recipient {
            Some(r) => from_hex(r).ok_or_else(|| CoreError::NotFound {
                what: Thing::Device,
                key: r.to_string(),
            })?,
            None => Vec::new(),
        };
        let seq = progress.next_seq(now_micros());
        // Every current member is told what we hold of it, 0 included: a
        // restored laptop's lower number is how its peers learn to resend.
        let mut acks: BTreeMap<String, u64> =
            self.current_peers().into_iter().map(|id| (id, 0)).collect();
        for (id, peer) in &progress.peers {
            if let Some(ack) = acks.get_mut(id) {
                *ack = peer.complete;
            }
        }
        let header = Header {
            network_id: self.network.id.clone(),
            epoch,
            sender: self.actor.to_bytes().to_vec(),
            recipient,
            seq,
            base,
            prev_hash: progress.last_hash,
            created: now(),
            acks: acks
                .iter()
                .filter_map(|(d, complete)| Some((from_hex(d)?, *complete)))
                .collect(),
            wraps: self.wraps_for(epoch),
        };
        let count = docs.len();
        let doc_keys = self.keys_for_bundle(&infos, seq, &progress, carry_all)?;
        let bytes = bundle::write_with_keys(&header, &docs, &doc_keys, &net_key, &signer)?;
        progress.seq = seq;
        progress.last_hash = sanctuary_sync::keys::sha256(&bytes);
        // Stored now, kept once the caller saves `progress` (which names it);
        // unsaved, it is removed with the next marks no longer kept.
        self.store.put_meta(&mark_meta(seq), &encode(&new_mark)?)?;
        progress.marks.insert(seq, base);
        // The marks peers build on are kept, so a peer that has not been
        // heard from for a while still gets only what it lacks.
        let mut needed: BTreeSet<u64> = progress
            .peers
            .keys()
            .map(|peer| progress.base_for(peer))
            .collect();
        needed.insert(seq);
        while progress.marks.len() > KEPT_MARKS {
            match progress.marks.keys().copied().find(|s| !needed.contains(s)) {
                Some(oldest) => progress.marks.remove(&oldest),
                None => break,
            };
        }
        Ok((bytes, progress, count))
    }

    /// A bundle of the changes `peer` has not acknowledged (everything when
    /// no peer is named), for a file on a USB stick or an email. Returns the
    /// bytes; the caller writes them, then nothing else needs saving.
    pub fn sync_export(&mut self, peer: Option<&str>) -> Result<Vec<u8>> {
        let peer = match peer {
            Some(p) => Some(self.device(p)?.0),
            None => None,
        };
        let base = match &peer {
            Some(p) => self.sync_progress()?.base_for(p),
            None => 0,
        };
        let (bytes, mut progress, _) = self.make_bundle(peer.as_deref(), base, false)?;
        // What we owed its reader(s) is said now.
        for (id, state) in progress.peers.iter_mut() {
            if peer.as_ref().is_none_or(|p| p == id) {
                state.owe_ack = false;
            }
        }
        self.put_sync_progress(&progress)?;
        Ok(bytes)
    }

    /// Finds a member device by id, unique id prefix or exact name.
    pub fn device(&self, key: &str) -> Result<(String, &crate::model::Device)> {
        let found = super::find_one(Thing::Device, key, self.network.devices.iter(), |d| {
            d.name.as_str()
        })?;
        let id = self
            .network
            .devices
            .iter()
            .find(|(_, d)| std::ptr::eq(*d, found))
            .map(|(id, _)| id.clone())
            .ok_or_else(|| CoreError::Internal("device vanished".into()))?;
        Ok((id, found))
    }

    /// Verifies and merges a bundle. Refusals write nothing.
    pub fn sync_import(&mut self, bytes: &[u8]) -> Result<ImportReport> {
        self.ensure_member()?;
        self.import_bundle(bytes, Trust::Member)
    }

    pub(super) fn import_bundle(&mut self, bytes: &[u8], trust: Trust) -> Result<ImportReport> {
        let bundle = bundle::parse(bytes)?;
        let h = bundle.header.clone();
        let sender = hex(&h.sender);
        let mut report = ImportReport {
            sender: sender.clone(),
            seq: h.seq,
            ..Default::default()
        };
        let public_key = match &trust {
            Trust::Member => {
                if h.network_id != self.network.id {
                    return Err(SyncError::WrongNetwork.into());
                }
                match self.network.devices.get(&sender) {
                    Some(device) => {
                        if device.revoked.as_ref().is_some_and(|r| h.seq > r.last_seq) {
                            return Err(SyncError::Revoked.into());
                        }
                        from_hex(&device.public_key)
                            .filter(|k| k.len() == 32)
                            .ok_or(SyncError::UnknownDevice)?
                    }
                    None => self.newcomer_key(&bundle, &sender)?,
                }
            }
            Trust::Inviter { public_key } => public_key.clone(),
        };
        bundle.verify(&public_key)?;
        if sender == self.device_id() {
            report.duplicate = true;
            return Ok(report);
        }
        let mut progress = self.sync_progress()?;
        let peer = progress.peers.get(&sender).cloned().unwrap_or_default();
        match peer.applied.get(&h.seq) {
            Some(hash) if *hash == bundle.hash() => {
                report.duplicate = true;
                return Ok(report);
            }
            Some(_) => report.fork = true,
            // Everything up to `complete` is here already.
            None if h.seq <= peer.complete => {
                report.duplicate = true;
                return Ok(report);
            }
            None => {}
        }
        let keys = self.network_keys()?;
        let mut new_key = None;
        let key = match keys.get(&h.epoch) {
            Some(key) => key,
            // A removal this laptop has not heard of yet: the bundle carries the new key.
            None => new_key.insert(self.key_from_bundle(&h)?.ok_or(SyncError::UnknownEpoch)?),
        };
        // People's documents open with their own key too: one this laptop
        // holds, or one the bundle carries (stored below unless erased).
        let carried_keys = bundle.carried_keys(key)?;
        let held = self.held_keys_for(
            bundle
                .sealed_with_doc_keys()
                .map(|(id, _)| id)
                .chain(carried_keys.iter().map(|(id, _)| id.as_str())),
        )?;
        let opened = bundle.open(key, |id, key_id| {
            held.find(id, key_id).or_else(|| {
                carried_keys
                    .iter()
                    .find(|(d, k)| d == id && k.id() == *key_id)
                    .map(|(_, k)| k.clone())
            })
        })?;
        let mut payloads = opened.docs;
        // The network document first: it says who the members are.
        payloads.sort_by_key(|p| (p.id != NETWORK_DOC, p.id.clone()));

        let (writes, merged, conflicted) =
            self.merge_payloads(&payloads, &trust, &sender, &public_key)?;
        // The network as this import leaves it: its tombstones decide which
        // keys are refused and which missing ones do not matter.
        let network_after = merged
            .iter()
            .find_map(|(_, _, value)| match value {
                Hydrated::Network(n) => Some(n.clone()),
                _ => None,
            })
            .unwrap_or_else(|| self.network.clone());
        report.missing_keys = opened
            .missing
            .into_iter()
            .filter(|id| !super::erasure::is_erased(&network_after, id))
            .collect();
        self.learn_keys(held, carried_keys, &network_after)?;
        report.changed = writes.len();
        if !writes.is_empty() {
            self.store.write(writes)?;
        }
        // Committed: now the read model and the loaded documents follow.
        for (id, live, value) in merged {
            match value {
                Hydrated::Ambassador(d) => {
                    self.ambassadors.insert(id.clone(), d);
                }
                Hydrated::Project(d) => {
                    self.projects.insert(id.clone(), d);
                }
                Hydrated::Catalog(d) => self.catalog = d,
                Hydrated::Network(d) => self.network = d,
            }
            match live {
                Some(live) => self.live.insert(id, live),
                None => self.live.remove(&id),
            };
        }
        self.note_conflicts(conflicted)?;
        if let Some(key) = new_key {
            let mut keys = self.network_keys()?;
            keys.insert(h.epoch, key);
            self.put_network_keys(&keys)?;
        }
        self.learn_epoch_keys()?;
        // Erasure hook: anyone the network now names as erased is destroyed here too.
        self.apply_tombstones()?;

        // A bundle built on changes we lack: what could be applied was, and
        // it counts for nothing until a bundle on what we have arrives.
        // So is one with people's documents this laptop could not open.
        report.gap = h.base > peer.complete || !report.missing_keys.is_empty();
        let hash = bundle.hash();
        // A bundle with documents is acknowledged by our next one, so its
        // sender learns what we hold (an empty one is not: no ping-pong).
        let carried = !payloads.is_empty();
        let new_gap = progress.applied(&sender, h.seq, hash, report.gap, carried);
        if (!report.gap || new_gap)
            && let Some(p) = progress.peers.get_mut(&sender)
        {
            // A gap read again while waiting for the repair is not news.
            p.last_heard = now();
        }
        let me = self.actor.to_bytes().to_vec();
        if let Some((_, acked)) = h.acks.iter().find(|(d, _)| *d == me) {
            progress.acknowledged(&sender, h.seq, *acked);
        }
        self.put_sync_progress(&progress)?;
        Ok(report)
    }

    /// The key of a laptop this one has not heard of, from its own
    /// registration in the bundle: accepted only if signed with the key of an
    /// invite this laptop knows. The payloads are decrypted first (which
    /// already proves the sender holds the network key), then the signature
    /// is checked with the key found there.
    fn newcomer_key(&mut self, bundle: &bundle::Bundle<'_>, sender: &str) -> Result<Vec<u8>> {
        let keys = self.network_keys()?;
        let key = keys
            .get(&bundle.header.epoch)
            .ok_or(SyncError::UnknownDevice)?;
        let payloads = bundle.open(key, |_, _| None)?.docs;
        let payload = payloads
            .iter()
            .find(|p| p.id == NETWORK_DOC)
            .ok_or(SyncError::UnknownDevice)?;
        let chunks = self.store.read_chunks(NETWORK_DOC)?;
        let mut live = LiveDoc::load(NETWORK_DOC, &chunks, &self.actor)?;
        live.doc
            .load_incremental(&payload.data)
            .map_err(damaged_bundle)?;
        let merged: NetworkDoc = hydrate(NETWORK_DOC, &live)?;
        let device = merged.devices.get(sender).ok_or(SyncError::UnknownDevice)?;
        // Only invites this laptop already knows vouch for a newcomer (the
        // merged document could name an invite the newcomer made up).
        if !registered_by_invite(&self.network.id, &self.network.invites, sender, device) {
            return Err(SyncError::UnknownDevice.into());
        }
        from_hex(&device.public_key)
            .filter(|k| k.len() == 32)
            .ok_or_else(|| SyncError::UnknownDevice.into())
    }

    /// Merges each payload into its document, checks membership and
    /// authorship, and prepares the one batch to write.
    ///
    /// The network document goes first, alone (it says who the members
    /// are); the others are merged on worker threads (see `sync_merge`).
    /// Only a few merged documents stay loaded (a first sync would hold
    /// thousands); the rest load again on their first edit.
    #[expect(clippy::type_complexity, reason = "private plumbing")]
    fn merge_payloads(
        &mut self,
        payloads: &[DocPayload],
        trust: &Trust,
        sender: &str,
        sender_key: &[u8],
    ) -> Result<(
        Vec<DocWrite>,
        Vec<(String, Option<LiveDoc>, Hydrated)>,
        Vec<String>,
    )> {
        let keep_loaded = payloads.len() <= KEEP_LOADED;
        // The network document is sorted first by the caller.
        let (network, rest) = match payloads.split_first() {
            Some((first, rest)) if first.id == NETWORK_DOC => (Some(first), rest),
            _ => (None, payloads),
        };
        let mut prepared = Vec::with_capacity(payloads.len());
        let mut members: BTreeSet<String> = self.network.devices.keys().cloned().collect();
        if let Some(payload) = network
            && let Some(p) = prepare(self.merge_job(payload)?, &self.actor, true)?
        {
            if let Hydrated::Network(network) = &p.value {
                self.check_network(network, trust, sender, sender_key)?;
                members = network.devices.keys().cloned().collect();
            }
            prepared.push(p);
        }
        // Erasure hook: documents of erased people (by the merged network's
        // tombstones) are dropped from the bundle; the rest still applies.
        let erased_in = prepared
            .first()
            .and_then(|p| match &p.value {
                Hydrated::Network(n) => Some(n),
                _ => None,
            })
            .unwrap_or(&self.network);
        let rest: Vec<&DocPayload> = rest
            .iter()
            .filter(|p| !super::erasure::is_erased(erased_in, &p.id))
            .collect();
        let jobs = rest.iter().map(|payload| self.merge_job(payload));
        prepared.extend(prepare_all(jobs, &self.actor, keep_loaded)?);

        let mut writes = Vec::with_capacity(prepared.len());
        let mut merged = Vec::with_capacity(prepared.len());
        let mut conflicted = Vec::new();
        for p in prepared {
            if !p.authors.is_subset(&members) {
                return Err(SyncError::NotAMember.into());
            }
            if p.conflicted {
                conflicted.push(p.id.clone());
            }
            writes.push(p.write);
            merged.push((p.id, p.live, p.value));
        }
        Ok((writes, merged, conflicted))
    }

    /// A payload with what the store and the read model hold of its document.
    fn merge_job<'a>(&'a self, payload: &'a DocPayload) -> Result<Job<'a>> {
        let kind = Kind::from_u8(payload.kind).ok_or(SyncError::FutureVersion)?;
        if (payload.id == NETWORK_DOC) != (kind == Kind::Network) {
            return Err(damaged_bundle("the network document has another kind"));
        }
        let chunks = match self.store.find_chunks(&payload.id)? {
            Some(stored) if stored.kind != payload.kind => {
                return Err(damaged_bundle("its kind differs from the stored one"));
            }
            Some(stored) => Some(stored.chunks),
            None => None,
        };
        // What the read model holds now: updated from the merge's
        // patches rather than hydrated again (see `sync_rehydrate`).
        let previous = match (kind, &chunks) {
            (Kind::Ambassador, Some(_)) => self.ambassadors.get(&payload.id),
            _ => None,
        };
        Ok(Job {
            payload,
            kind,
            chunks,
            previous,
        })
    }

    /// Checks a merged network document: devices new to this laptop must
    /// carry a valid invite signature (each invite used once), and a known
    /// device's key never changes once set.
    fn check_network(
        &self,
        merged: &NetworkDoc,
        trust: &Trust,
        sender: &str,
        sender_key: &[u8],
    ) -> Result<()> {
        if let Trust::Inviter { .. } = trust {
            // Joining: the inviter vouches for the whole network; it must be in it, with its key.
            let ok = merged
                .devices
                .get(sender)
                .is_some_and(|d| from_hex(&d.public_key).as_deref() == Some(sender_key));
            return if ok {
                Ok(())
            } else {
                Err(SyncError::NotAMember.into())
            };
        }
        if merged.id != self.network.id {
            return Err(SyncError::WrongNetwork.into());
        }
        devices::check_signed_device_changes(&self.network, merged)?;
        super::erasure::check_tombstones(&self.network, merged)?;
        for (id, device) in &merged.devices {
            match self.network.devices.get(id) {
                Some(known) => {
                    if !known.public_key.is_empty() && known.public_key != device.public_key {
                        return Err(SyncError::NotAMember.into());
                    }
                }
                None => {
                    if !registered_by_invite(&merged.id, &merged.invites, id, device) {
                        return Err(SyncError::NotAMember.into());
                    }
                    let uses = merged
                        .devices
                        .values()
                        .filter(|d| d.invite == device.invite)
                        .count();
                    if uses > 1 {
                        return Err(SyncError::InviteUsed.into());
                    }
                }
            }
        }
        Ok(())
    }
}

/// The heads of every document, for tests comparing replicas.
impl Sanctuary {
    pub fn document_heads(&mut self) -> Result<BTreeMap<String, Vec<String>>> {
        let mut out = BTreeMap::new();
        for info in self.store.documents()? {
            let chunks = self.store.read_chunks(&info.id)?;
            let mut live = LiveDoc::load(&info.id, &chunks, &self.actor)?;
            let mut heads: Vec<String> =
                live.doc.get_heads().iter().map(|h| h.to_string()).collect();
            heads.sort();
            out.insert(info.id, heads);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_store;

    /// The passphrase of [`demo_store`]'s stores.
    fn passphrase() -> sanctuary_store::SecretString {
        sanctuary_store::SecretString::from("a test passphrase".to_string())
    }

    /// Only the kept marks have settings: older ones go when progress is saved.
    #[test]
    fn marks_beyond_the_kept_ones_are_removed() {
        let temp = tempfile::tempdir().expect("temp dir");
        let mut s = demo_store(&temp.path().join("s"), 6);
        for _ in 0..KEPT_MARKS + 3 {
            s.sync_export(None).expect("export");
        }
        let state = s.sync_progress().expect("progress");
        assert_eq!(state.marks.len(), KEPT_MARKS);
        let kept: Vec<String> = state.marks.keys().map(|seq| mark_meta(*seq)).collect();
        let mut stored = s.store.meta_names(MARK_META_PREFIX).expect("names");
        stored.sort_by_key(|name| name[MARK_META_PREFIX.len()..].parse::<u64>().ok());
        assert_eq!(stored, kept);
        let newest = s.mark(state.seq).expect("mark");
        assert_eq!(newest.len(), s.store.documents().expect("docs").len());
    }

    /// A peer's mark survives however many bundles are made for others, so
    /// the next bundle for that peer holds only what it lacks.
    #[test]
    fn the_mark_a_peer_builds_on_is_kept() {
        let temp = tempfile::tempdir().expect("temp dir");
        let mut founder = demo_store(&temp.path().join("founder"), 6);
        let invite = founder
            .create_invite(sanctuary_store::KdfParams::MINIMUM, 1)
            .expect("invite");
        let mut peer = Sanctuary::join(
            &temp.path().join("peer"),
            &passphrase(),
            sanctuary_store::KdfParams::MINIMUM,
            &invite.bytes,
            &invite.code,
            "peer laptop",
        )
        .expect("join");
        let hello = peer.sync_export(None).expect("hello");
        founder.sync_import(&hello).expect("import hello");
        let peer_id = peer.device_id();
        let first = founder.sync_export(Some(&peer_id)).expect("export");
        for _ in 0..KEPT_MARKS * 2 {
            founder.sync_export(None).expect("export for nobody");
        }
        let again = founder.sync_export(Some(&peer_id)).expect("export");
        let state = founder.sync_progress().expect("progress");
        assert!(state.marks.len() <= KEPT_MARKS + 1, "{:?}", state.marks);
        // Same content as the first bundle for it (not the whole network).
        let docs = |bytes: &[u8]| bundle::parse(bytes).expect("parse").documents().count();
        assert_eq!(docs(&again), docs(&first));
        let everything = founder.sync_export(None).expect("everything");
        assert!(docs(&again) < docs(&everything));
    }

    /// Progress stored the old way, marks inside, is moved at unlock (to
    /// the single-chain form, then to `SyncProgress`): the marks read back,
    /// the counters and what peers acknowledged are kept, and the old
    /// settings are gone.
    #[test]
    fn progress_stored_the_old_way_is_moved_on_unlock() {
        #[derive(Serialize)]
        struct OldPeer {
            acked: u64,
            complete: u64,
            applied: BTreeMap<u64, [u8; 32]>,
            last_heard: i64,
        }
        #[derive(Serialize)]
        struct OldState {
            seq: u64,
            last_hash: [u8; 32],
            folder_seq: u64,
            marks: BTreeMap<u64, Mark>,
            peers: BTreeMap<String, OldPeer>,
        }
        let temp = tempfile::tempdir().expect("temp dir");
        let dir = temp.path().join("s");
        let mut s = demo_store(&dir, 6);
        for _ in 0..3 {
            s.sync_export(None).expect("export");
        }
        let state = s.sync_progress().expect("progress");
        let marks: BTreeMap<u64, Mark> = state
            .marks
            .keys()
            .map(|seq| (*seq, s.mark(*seq).expect("mark")))
            .collect();
        assert_eq!(marks.len(), 3);
        assert!(marks.values().all(|m| !m.is_empty()));
        let peer = OldPeer {
            acked: 2,
            complete: 5,
            applied: [(4, [1; 32]), (5, [2; 32]), (7, [3; 32])].into(),
            last_heard: 99,
        };
        let legacy = OldState {
            seq: state.seq,
            last_hash: state.last_hash,
            folder_seq: state.seq,
            marks: marks.clone(),
            peers: [("b0b0".to_string(), peer)].into(),
        };
        s.store
            .put_meta("sync.state", &encode(&legacy).expect("encode"))
            .expect("write the old form");
        s.store
            .delete_meta(progress::PROGRESS_META)
            .expect("delete");
        for name in s.store.meta_names(MARK_META_PREFIX).expect("names") {
            s.store.delete_meta(&name).expect("delete");
        }
        drop(s);

        let s = Sanctuary::open(&dir, &passphrase()).expect("reopen");
        let moved = s.sync_progress().expect("progress");
        assert_eq!(moved.seq, state.seq);
        assert_eq!(moved.last_hash, state.last_hash);
        assert_eq!(
            moved.marks.keys().collect::<Vec<_>>(),
            marks.keys().collect::<Vec<_>>()
        );
        let b = &moved.peers["b0b0"];
        assert_eq!((b.acked, b.complete, b.last_heard), (2, 5, 99));
        assert_eq!(b.applied.keys().copied().collect::<Vec<_>>(), [7]);
        for (seq, mark) in &marks {
            assert_eq!(&s.mark(*seq).expect("mark"), mark);
        }
        assert_eq!(s.store.get_meta("sync.state").expect("read"), None);
        assert_eq!(s.store.get_meta("sync.progress").expect("read"), None);
        // The next bundle's number is above every one made before.
        assert!(moved.next_seq(0) > state.seq);
    }
}
