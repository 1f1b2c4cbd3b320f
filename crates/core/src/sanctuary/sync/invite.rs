//! Joining a network: an invite made by a member, opened on a new laptop
//! with its one-time code.
//!
//! The invite holds the network keys, a key pair made for this invite alone
//! (its public half is registered in the network document when the invite
//! is made), and a full bundle of the network signed by the inviter. The new
//! laptop signs its own registration with the invite key, so every member
//! can check it was admitted by someone who held the code, once.

use std::collections::BTreeMap;
use std::path::Path;

use automerge::ActorId;
use sanctuary_store::{KdfParams, SecretString, Store};
use sanctuary_sync::SyncError;
use sanctuary_sync::invite::{self, InviteKdf};
use sanctuary_sync::keys::{NetworkKey, SigningKey, hex};
use serde::{Deserialize, Serialize};

use super::{DEVICE_KEY_META, Trust, registration_message};
use crate::documents::Kind;
use crate::error::{CoreError, Result};
use crate::model::{Day, Device, InviteEntry, new_id};
use crate::sanctuary::{NETWORK_DOC, Sanctuary};

/// What the sealed part of an invite holds (only read after it authenticated under the code).
#[derive(Serialize, Deserialize)]
struct InvitePayload {
    network_id: String,
    invite_id: String,
    invite_key: Vec<u8>,
    inviter: String,
    inviter_key: Vec<u8>,
    keys: Vec<(u32, Vec<u8>)>,
    state: Vec<u8>,
}

/// A new invite: the file to hand over and the code to say aloud.
pub struct Invite {
    pub bytes: Vec<u8>,
    pub code: String,
    /// Unix seconds.
    pub expires: i64,
}

impl Sanctuary {
    /// Makes an invite valid for `valid_days`; `kdf` is the cost of guessing its code.
    pub fn create_invite(&mut self, kdf: KdfParams, valid_days: u32) -> Result<Invite> {
        let (signer, _, _) = self.ensure_identity()?;
        let invite_key = SigningKey::generate()?;
        let invite_id = new_id();
        let expires = chrono::Utc::now().timestamp() + i64::from(valid_days) * 86_400;
        let entry = InviteEntry {
            public_key: hex(&invite_key.public_key()),
            created_by: self.device_id(),
            expires,
        };
        let mut network = self.network.clone();
        network.invites.insert(invite_id.clone(), entry.clone());
        self.commit(NETWORK_DOC, Kind::Network, "invite", &network, |doc| {
            let invites = crate::documents::root_map(doc, "invites")?;
            autosurgeon::reconcile_prop(doc, invites, invite_id.as_str(), &entry)
                .map_err(|e| CoreError::Internal(format!("recording the invite: {e}")))
        })?;
        self.network = network;
        // Every person's key: the new laptop has none.
        let (state, sync_state, _) = self.make_bundle(None, 0, true)?;
        self.put_sync_progress(&sync_state)?;
        let payload = InvitePayload {
            network_id: self.network.id.clone(),
            invite_id,
            invite_key: invite_key.pkcs8().to_vec(),
            inviter: self.device_id(),
            inviter_key: signer.public_key().to_vec(),
            keys: self
                .network_keys()?
                .iter()
                .map(|(e, k)| (*e, k.as_bytes().to_vec()))
                .collect(),
            state,
        };
        let plain = postcard::to_stdvec(&payload)
            .map_err(|e| CoreError::Internal(format!("encoding the invite: {e}")))?;
        let code = invite::new_code()?;
        let kdf = InviteKdf {
            m_kib: kdf.m_kib,
            t: kdf.t,
            p: kdf.p,
        };
        let bytes = invite::seal(&plain, &code, kdf, expires)?;
        Ok(Invite {
            bytes,
            code,
            expires,
        })
    }

    /// Creates a store in `dir` that joins the network of `invite`. The
    /// invite and its code are checked before anything is created.
    pub fn join(
        dir: &Path,
        passphrase: &SecretString,
        kdf: KdfParams,
        invite_bytes: &[u8],
        code: &str,
        device_name: &str,
    ) -> Result<Self> {
        crate::model::validate::check_text(crate::model::Field::DeviceName, device_name, 120)?;
        let invite = OpenedInvite::open(invite_bytes, code)?;
        let mut store = Store::create(dir, passphrase, kdf)?;
        let actor = ActorId::random();
        store.put_meta(crate::sanctuary::open::ACTOR_META, actor.to_bytes())?;
        let mut s = Sanctuary::empty(store, actor);
        s.admit(invite, BTreeMap::new(), device_name)?;
        Ok(s)
    }

    /// Merges the invite's network state into this store and registers
    /// this laptop as a new device with the invite's key. `keys` are
    /// network keys this store already held (a restored laptop), kept
    /// beside the invite's.
    pub(in crate::sanctuary) fn admit(
        &mut self,
        invite: OpenedInvite,
        mut keys: BTreeMap<u32, NetworkKey>,
        device_name: &str,
    ) -> Result<()> {
        let OpenedInvite {
            payload,
            invite_key,
            keys: invite_keys,
        } = invite;
        keys.extend(invite_keys);
        self.put_network_keys(&keys)?;
        self.import_bundle(
            &payload.state,
            Trust::Inviter {
                public_key: payload.inviter_key.clone(),
            },
        )?;
        if self.network.id != payload.network_id {
            return Err(SyncError::NotAnInvite.into());
        }
        let device_key = SigningKey::generate()?;
        self.store.put_meta(DEVICE_KEY_META, device_key.pkcs8())?;
        let me = self.device_id();
        let public_key = hex(&device_key.public_key());
        let device = Device {
            name: device_name.trim().to_string(),
            added: Day::today(),
            proof: hex(&invite_key.sign(&registration_message(
                &payload.network_id,
                &me,
                &public_key,
            ))),
            public_key,
            invite: payload.invite_id.clone(),
            exchange_key: String::new(),
            exchange_proof: String::new(),
            revoked: None,
            coordinator: String::new(),
        };
        let network_id = payload.network_id.clone();
        let device = self.registered_device(device, &device_key, &network_id)?;
        let mut network = self.network.clone();
        network.devices.insert(me.clone(), device.clone());
        self.commit(NETWORK_DOC, Kind::Network, "join", &network, |doc| {
            let devices = crate::documents::root_map(doc, "devices")?;
            autosurgeon::reconcile_prop(doc, devices, me.as_str(), &device)
                .map_err(|e| CoreError::Internal(format!("registering this laptop: {e}")))
        })?;
        self.network = network;
        Ok(())
    }
}

/// An invite whose code, signature and network were checked; nothing of it
/// has been written anywhere yet.
pub(in crate::sanctuary) struct OpenedInvite {
    payload: InvitePayload,
    invite_key: SigningKey,
    keys: BTreeMap<u32, NetworkKey>,
}

impl OpenedInvite {
    pub(in crate::sanctuary) fn open(invite_bytes: &[u8], code: &str) -> Result<Self> {
        let plain = invite::open(invite_bytes, code, chrono::Utc::now().timestamp())?;
        let payload: InvitePayload =
            postcard::from_bytes(&plain).map_err(|_| SyncError::NotAnInvite)?;
        let invite_key =
            SigningKey::from_pkcs8(&payload.invite_key).ok_or(SyncError::NotAnInvite)?;
        let bundle = sanctuary_sync::bundle::parse(&payload.state)?;
        bundle.verify(&payload.inviter_key)?;
        if bundle.header.network_id != payload.network_id {
            return Err(SyncError::WrongNetwork.into());
        }
        let mut keys = BTreeMap::new();
        for (epoch, key) in &payload.keys {
            keys.insert(
                *epoch,
                NetworkKey::from_bytes(key).ok_or(SyncError::NotAnInvite)?,
            );
        }
        Ok(OpenedInvite {
            payload,
            invite_key,
            keys,
        })
    }

    /// The network the invite admits to.
    pub(in crate::sanctuary) fn network_id(&self) -> &str {
        &self.payload.network_id
    }
}
