//! Creating and unlocking a store: the read model comes from the decrypted
//! snapshots; a document is only loaded and hydrated when its snapshot is
//! missing or from an older format.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

use automerge::ActorId;
use sanctuary_store::{DocWrite, KdfParams, SecretString, Store};

use super::{CATALOG_DOC, NETWORK_DOC, Sanctuary};
use crate::documents::{Kind, LiveDoc, decode_snapshot, encode_snapshot};
use crate::error::{CoreError, Result};
use crate::matching::MatchSettings;
use crate::model::{AmbassadorDoc, Catalog, Day, Device, NetworkDoc, ProjectDoc, new_id};

/// The meta entry holding this device's Automerge actor id.
pub(super) const ACTOR_META: &str = "actor";

/// How a new store is set up.
#[derive(Debug, Clone)]
pub struct CreateOptions {
    pub network_name: String,
    pub device_name: String,
    pub kdf: KdfParams,
}

impl Default for CreateOptions {
    fn default() -> Self {
        CreateOptions {
            network_name: "Sanctuary Ambassadors".into(),
            device_name: "this laptop".into(),
            kdf: KdfParams::DEFAULT,
        }
    }
}

/// How long unlocking took, split into its parts (the benchmark reports them).
#[derive(Debug, Clone, Copy, Default)]
pub struct OpenTimings {
    pub kdf_ms: f64,
    pub total_ms: f64,
    pub rebuilt_snapshots: usize,
}

impl Sanctuary {
    /// Creates a new store in `dir` with a new network, catalog and device identity.
    pub fn create(dir: &Path, passphrase: &SecretString, options: &CreateOptions) -> Result<Self> {
        crate::model::validate::check_text(
            crate::model::Field::NetworkName,
            &options.network_name,
            120,
        )?;
        let mut store = Store::create(dir, passphrase, options.kdf)?;
        let actor = ActorId::random();
        store.put_meta(ACTOR_META, actor.to_bytes())?;
        let today = Day::today();
        let network = NetworkDoc {
            schema: crate::model::network::NETWORK_SCHEMA,
            id: new_id(),
            name: options.network_name.trim().to_string(),
            created: today,
            devices: BTreeMap::from([(
                actor.to_hex_string(),
                Device {
                    name: options.device_name.clone(),
                    added: today,
                    public_key: String::new(),
                    invite: String::new(),
                    proof: String::new(),
                    exchange_key: String::new(),
                    exchange_proof: String::new(),
                    revoked: None,
                    coordinator: String::new(),
                },
            )]),
            invites: BTreeMap::new(),
            epochs: BTreeMap::new(),
            matching: MatchSettings::default(),
            recognition_policy: crate::model::RecognitionPolicy::default(),
            erased: BTreeMap::new(),
            retention_years: crate::model::network::DEFAULT_RETENTION_YEARS,
        };
        let mut sanctuary = Sanctuary {
            network: network.clone(),
            ..Sanctuary::empty(store, actor)
        };
        sanctuary.create_documents(
            Kind::Network,
            &[(NETWORK_DOC.to_string(), network)],
            reconcile_whole,
        )?;
        sanctuary.create_documents(
            Kind::Catalog,
            &[(CATALOG_DOC.to_string(), Catalog::new())],
            reconcile_whole,
        )?;
        Ok(sanctuary)
    }

    /// Unlocks the store in `dir`.
    pub fn open(dir: &Path, passphrase: &SecretString) -> Result<Self> {
        Self::open_timed(dir, passphrase).map(|(s, _)| s)
    }

    /// Unlocks the store and says how long each part took.
    pub fn open_timed(dir: &Path, passphrase: &SecretString) -> Result<(Self, OpenTimings)> {
        let started = Instant::now();
        let store = Store::open(dir, passphrase)?;
        let kdf_ms = store.kdf_duration().as_secs_f64() * 1000.0;
        let actor = match store.get_meta(ACTOR_META)? {
            Some(bytes) => ActorId::from(bytes),
            None => {
                return Err(CoreError::Damaged {
                    doc: ACTOR_META.into(),
                    detail: "this device's identity is missing".into(),
                });
            }
        };
        let (mut sanctuary, rebuilt_snapshots) =
            Self::from_unlocked_store(store, actor, HashMap::new()).map_err(|(_, e)| e)?;
        sanctuary.upgrade_sync_state()?;
        // Finishes an erasure an import learnt of but had not yet carried out.
        sanctuary.apply_tombstones()?;
        // A network made before the recognition policy existed (or before a
        // kind was added) gets the default rows, once. A laptop that has not
        // received its network document yet has nothing to fill in.
        if !sanctuary.network.id.is_empty() {
            sanctuary.fill_recognition_policy()?;
        }
        let timings = OpenTimings {
            kdf_ms,
            total_ms: started.elapsed().as_secs_f64() * 1000.0,
            rebuilt_snapshots,
        };
        Ok((sanctuary, timings))
    }

    /// Builds the read model over a store already unlocked (at open, or when
    /// leaving self-view) and authenticates every chunk. Returns how many
    /// snapshots were rebuilt; on failure the store is handed back.
    #[expect(
        clippy::result_large_err,
        reason = "called once per unlock; the store must come back on failure"
    )]
    pub(super) fn from_unlocked_store(
        store: Store,
        actor: ActorId,
        live: HashMap<String, LiveDoc>,
    ) -> std::result::Result<(Sanctuary, usize), (Store, CoreError)> {
        let mut sanctuary = Sanctuary {
            live,
            ..Sanctuary::empty(store, actor)
        };
        let loaded = sanctuary.load_read_model().and_then(|rebuilt| {
            // A damaged chunk is reported now, not months later when someone edits that person.
            sanctuary.store.authenticate_chunks()?;
            Ok(rebuilt)
        });
        match loaded {
            Ok(rebuilt) => Ok((sanctuary, rebuilt)),
            Err(e) => Err((sanctuary.store, e)),
        }
    }

    /// Fills the read model from the snapshots, rebuilding any that are
    /// missing or unreadable from their documents. Returns how many were rebuilt.
    fn load_read_model(&mut self) -> Result<usize> {
        let mut fresh = std::collections::HashSet::new();
        let mut stale = Vec::new();
        for snapshot in self.store.read_snapshots()? {
            let kind = Kind::from_u8(snapshot.kind).ok_or_else(|| CoreError::Damaged {
                doc: snapshot.id.clone(),
                detail: format!("unknown document kind {}", snapshot.kind),
            })?;
            if self.accept_snapshot(kind, &snapshot.id, &snapshot.data) {
                fresh.insert(snapshot.id);
            } else {
                stale.push((snapshot.id, kind));
            }
        }
        for info in self.store.documents()? {
            if !fresh.contains(&info.id) && !stale.iter().any(|(id, _)| *id == info.id) {
                let kind = Kind::from_u8(info.kind).ok_or_else(|| CoreError::Damaged {
                    doc: info.id.clone(),
                    detail: format!("unknown document kind {}", info.kind),
                })?;
                stale.push((info.id, kind));
            }
        }
        let rebuilt = stale.len();
        for (id, kind) in stale {
            self.rebuild_snapshot(&id, kind)?;
        }
        Ok(rebuilt)
    }

    /// Puts a decoded snapshot into the read model; false if it does not decode.
    fn accept_snapshot(&mut self, kind: Kind, id: &str, data: &[u8]) -> bool {
        match kind {
            Kind::Ambassador => decode_snapshot::<AmbassadorDoc>(data)
                .map(|doc| self.ambassadors.insert(id.to_string(), doc))
                .is_some(),
            Kind::Project => decode_snapshot::<ProjectDoc>(data)
                .map(|doc| self.projects.insert(id.to_string(), doc))
                .is_some(),
            Kind::Catalog => decode_snapshot::<Catalog>(data)
                .map(|doc| self.catalog = doc)
                .is_some(),
            Kind::Network => decode_snapshot::<NetworkDoc>(data)
                .map(|doc| self.network = doc)
                .is_some(),
        }
    }

    /// Loads and hydrates one document, puts it in the read model, and writes
    /// a fresh snapshot for next time.
    fn rebuild_snapshot(&mut self, id: &str, kind: Kind) -> Result<()> {
        let chunks = self.store.read_chunks(id)?;
        let live = LiveDoc::load(id, &chunks, &self.actor)?;
        let snapshot = match kind {
            Kind::Ambassador => {
                let doc: AmbassadorDoc = hydrate(id, &live)?;
                let bytes = encode_snapshot(&doc)?;
                self.ambassadors.insert(id.to_string(), doc);
                bytes
            }
            Kind::Project => {
                let doc: ProjectDoc = hydrate(id, &live)?;
                let bytes = encode_snapshot(&doc)?;
                self.projects.insert(id.to_string(), doc);
                bytes
            }
            Kind::Catalog => {
                self.catalog = hydrate(id, &live)?;
                encode_snapshot(&self.catalog)?
            }
            Kind::Network => {
                self.network = hydrate(id, &live)?;
                encode_snapshot(&self.network)?
            }
        };
        self.store.write(vec![DocWrite {
            id: id.to_string(),
            kind: kind as u8,
            append: None,
            compact: None,
            snapshot,
        }])?;
        self.live.insert(id.to_string(), live);
        Ok(())
    }
}

fn hydrate<T: autosurgeon::Hydrate>(id: &str, live: &LiveDoc) -> Result<T> {
    autosurgeon::hydrate(&live.doc).map_err(|e| CoreError::Damaged {
        doc: id.to_string(),
        detail: e.to_string(),
    })
}

/// Writes a whole new value into an empty document as one change.
pub(super) fn reconcile_whole<T: autosurgeon::Reconcile>(
    live: &mut LiveDoc,
    value: &T,
) -> Result<()> {
    autosurgeon::reconcile(&mut live.doc, value)
        .map_err(|e| CoreError::Internal(format!("writing a new document: {e}")))?;
    live.commit("create");
    Ok(())
}
