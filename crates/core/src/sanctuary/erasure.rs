//! Erasing a person from the whole network.
//!
//! `erase_ambassador` destroys this laptop's copy of the person's document
//! (its wrapped key, chunks and snapshot) and the person's document sync key
//! (which opens their payloads in bundles: see `sync::doc_keys`), takes them
//! out of every project (invitations and rota places become anonymous
//! entries, so counts stay true) and writes a signed tombstone, the person's id and the day only,
//! into the network document: all in one store transaction, after which the
//! log is checkpointed so no freed page keeps the old ciphertext.
//!
//! The tombstone travels with the network document. The sync import path has
//! three small hooks into this module: a merged network's new tombstones must
//! be signed by a member ([`check_tombstones`]); documents of erased people
//! are dropped from an incoming bundle before anything is merged
//! ([`is_erased`]), so a later or replayed bundle still applies without them;
//! and after the import commits, [`Sanctuary::apply_tombstones`] destroys the
//! local copy of anyone newly erased and scrubs project references that a
//! concurrent edit brought in. Unlocking runs it too, so a crash between an
//! import and its clean-up is finished on the next unlock.

use std::collections::BTreeSet;

use automerge::ROOT;
use sanctuary_sync::SyncError;
use sanctuary_sync::keys::{from_hex, hex, sha256, verify};
use serde::{Deserialize, Serialize};

use super::ambassadors::internal;
use super::{NETWORK_DOC, Sanctuary, prepare_write};
use crate::documents::{Kind, encode_snapshot, root_map};
use crate::error::{CoreError, Result};
use crate::model::{Day, Invitation, NetworkDoc, ProjectDoc, Tombstone};

/// What an erasure did, for the coordinator and for scripts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErasureReport {
    /// The erased person's id: the only thing about them left in the network.
    pub id: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub on: Day,
    /// Projects whose invitations or rota named them (now anonymous entries).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub projects_changed: usize,
}

fn tombstone_message(network_id: &str, person: &str, on: Day, by: &str) -> Vec<u8> {
    format!("sanctuary/erase/v1\n{network_id}\n{person}\n{on}\n{by}").into_bytes()
}

/// Whether the document `id` belongs to someone erased in `network`.
pub(super) fn is_erased(network: &NetworkDoc, id: &str) -> bool {
    network.erased.contains_key(id)
}

/// Checks the tombstones of a merged network document against what this
/// laptop knew: each new one must be signed by the member device it names,
/// and none is ever taken back (an erased person does not come back).
pub(super) fn check_tombstones(known: &NetworkDoc, merged: &NetworkDoc) -> Result<()> {
    let bad = || CoreError::Sync(SyncError::BadSignedChange);
    if known
        .erased
        .keys()
        .any(|id| !merged.erased.contains_key(id))
    {
        return Err(bad());
    }
    for (person, t) in &merged.erased {
        if known.erased.get(person) == Some(t) {
            continue;
        }
        let key = merged
            .devices
            .get(&t.by)
            .and_then(|d| from_hex(&d.public_key))
            .unwrap_or_default();
        let signature = from_hex(&t.signature).unwrap_or_default();
        let message = tombstone_message(&merged.id, person, t.on, &t.by);
        if key.len() != 32 || !verify(&key, &message, &signature) {
            return Err(bad());
        }
    }
    Ok(())
}

/// The anonymous key that stands for an erased person in one project: the
/// same on every laptop (so two laptops scrubbing at once agree), and
/// different in each project (so entries cannot be joined across projects).
fn anonymous_key(project: &str, person: &str) -> String {
    let digest = sha256(format!("sanctuary/erased/v1\n{project}\n{person}").as_bytes());
    format!("erased-{}", &hex(&digest)[..16])
}

/// `project` with every mention of the people in `erased` replaced by an
/// anonymous entry: their invitation keeps its statuses and dates (so counts
/// of invited and attended stay) without notes; rota turns keep their seats;
/// rota membership goes. `None` if the project never mentions them.
fn scrubbed(project: &ProjectDoc, erased: &BTreeSet<&str>) -> Option<ProjectDoc> {
    let mentions = |id: &str| erased.contains(id);
    let named = project.invitations.keys().any(|id| mentions(id))
        || project.rota.members.iter().any(mentions)
        || project
            .rota
            .turns
            .values()
            .any(|t| t.ambassadors.iter().any(mentions) || t.suggested.iter().any(mentions));
    if !named {
        return None;
    }
    let mut doc = project.clone();
    let pid = project.id().to_string();
    for person in erased {
        if let Some(old) = doc.invitations.remove(*person) {
            let key = anonymous_key(&pid, person);
            let mut anonymous = Invitation::new(&key);
            anonymous.events = old
                .events
                .into_iter()
                .map(|(id, mut e)| {
                    e.note = None;
                    (id, e)
                })
                .collect();
            doc.invitations.insert(key, anonymous);
        }
        doc.rota.members.remove(person);
        for turn in doc.rota.turns.values_mut() {
            for tags in [&mut turn.ambassadors, &mut turn.suggested] {
                if tags.remove(person) {
                    tags.insert(&anonymous_key(&pid, person));
                }
            }
        }
    }
    Some(doc)
}

impl Sanctuary {
    /// Erases a person (id, id prefix or exact name) from this laptop and,
    /// through the tombstone, from every laptop that syncs after. Cannot be
    /// undone: the person's document key is destroyed.
    pub fn erase_ambassador(&mut self, key: &str) -> Result<ErasureReport> {
        let id = self.ambassador(key)?.id().to_string();
        let (signer, _, _) = self.ensure_identity()?;
        let by = self.device_id();
        let on = Day::today();
        let signature = hex(&signer.sign(&tombstone_message(&self.network.id, &id, on, &by)));
        let tombstone = Tombstone { on, by, signature };
        let mut network = self.network.clone();
        network.erased.insert(id.clone(), tombstone.clone());
        let projects_changed =
            self.destroy(std::slice::from_ref(&id), Some((network, tombstone)))?;
        Ok(ErasureReport {
            id,
            on,
            projects_changed,
        })
    }

    /// Finishes erasures this laptop learnt of: destroys the stored copy of
    /// anyone the network's tombstones name and scrubs projects that still
    /// mention them (a concurrent invitation, say). Cheap when there is
    /// nothing to do. Runs after every import and at unlock.
    pub(super) fn apply_tombstones(&mut self) -> Result<()> {
        if self.network.erased.is_empty() {
            return Ok(());
        }
        let erased: Vec<String> = self.network.erased.keys().cloned().collect();
        let set: BTreeSet<&str> = erased.iter().map(String::as_str).collect();
        let held: Vec<String> = erased
            .iter()
            .filter(|id| self.ambassadors.contains_key(*id) || self.live.contains_key(*id))
            .cloned()
            .collect();
        let mentioned = self.projects.values().any(|p| scrubbed(p, &set).is_some());
        // A person's sync key can arrive before their document (or without it).
        let mut key_held = false;
        for id in &erased {
            key_held |= self.store.doc_secret(id)?.is_some();
        }
        if held.is_empty() && !mentioned && !key_held {
            return Ok(());
        }
        self.destroy(&erased, None)?;
        Ok(())
    }

    /// Destroys the documents of `people` and scrubs every project that
    /// names them, with the network's new tombstone if there is one, in one
    /// store transaction; then updates the read model. Returns how many
    /// projects changed.
    fn destroy(
        &mut self,
        people: &[String],
        tombstone: Option<(NetworkDoc, Tombstone)>,
    ) -> Result<usize> {
        let set: BTreeSet<&str> = people.iter().map(String::as_str).collect();
        let changed: Vec<ProjectDoc> = self
            .projects
            .values()
            .filter_map(|p| scrubbed(p, &set))
            .collect();
        let mut touched: Vec<String> = changed.iter().map(|p| p.id().to_string()).collect();
        if let Err(e) = self.try_destroy(people, &changed, tombstone.as_ref()) {
            // Loaded documents may hold the uncommitted change: reload them next time.
            touched.push(NETWORK_DOC.to_string());
            for id in &touched {
                self.live.remove(id);
            }
            return Err(e);
        }
        if let Some((network, _)) = tombstone {
            self.network = network;
        }
        for project in &changed {
            self.projects
                .insert(project.id().to_string(), project.clone());
        }
        for id in people {
            self.ambassadors.remove(id);
            self.live.remove(id);
        }
        Ok(changed.len())
    }

    fn try_destroy(
        &mut self,
        people: &[String],
        changed: &[ProjectDoc],
        tombstone: Option<&(NetworkDoc, Tombstone)>,
    ) -> Result<()> {
        let mut writes = Vec::new();
        if let Some((network, t)) = tombstone {
            let snapshot = encode_snapshot(network)?;
            let person = people.first().map(String::as_str).unwrap_or_default();
            let live = self.live_doc(NETWORK_DOC)?;
            writes.extend(prepare_write(
                live,
                NETWORK_DOC,
                Kind::Network,
                "erase person",
                snapshot,
                |am| {
                    let erased = root_map(am, "erased")?;
                    autosurgeon::reconcile_prop(am, erased, person, t).map_err(internal)
                },
            )?);
        }
        for project in changed {
            let id = project.id().to_string();
            let snapshot = encode_snapshot(project)?;
            let live = self.live_doc(&id)?;
            writes.extend(prepare_write(
                live,
                &id,
                Kind::Project,
                "remove erased person",
                snapshot,
                |am| {
                    autosurgeon::reconcile_prop(
                        &mut *am,
                        ROOT,
                        "invitations",
                        &project.invitations,
                    )
                    .map_err(internal)?;
                    autosurgeon::reconcile_prop(am, ROOT, "rota", &project.rota).map_err(internal)
                },
            )?);
        }
        self.store.write_and_destroy(writes, people)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InvitationEvent, InvitationStatus, Project, RotaTurn, Tags};

    fn project_naming(person: &str) -> ProjectDoc {
        let day: Day = "2026-01-05".parse().expect("day");
        let mut doc = ProjectDoc::new(Project::new(
            "p1".into(),
            "Panel",
            crate::model::Stream::LocalAuthorities,
            crate::model::Level::Local,
            day,
        ));
        let mut inv = Invitation::new(person);
        inv.events.insert(
            "e1".into(),
            InvitationEvent {
                id: "e1".into(),
                seq: 1,
                status: InvitationStatus::Attended,
                date: day,
                note: Some("Amal asked for a quiet room".into()),
                minutes: Some(60),
                contribution_id: None,
            },
        );
        doc.invitations.insert(person.into(), inv);
        doc.rota.members = Tags::from_words([person, "other"]);
        doc.rota.turns.insert(
            day.to_string(),
            RotaTurn {
                date: day,
                ambassadors: Tags::from_words([person]),
                suggested: Tags::from_words([person]),
                override_reason: None,
                recorded: day,
            },
        );
        doc
    }

    #[test]
    fn scrubbing_keeps_counts_and_drops_the_person() {
        let doc = project_naming("person-1");
        let set = BTreeSet::from(["person-1"]);
        let clean = scrubbed(&doc, &set).expect("named");
        let json = serde_json::to_string(&clean).expect("json");
        assert!(!json.contains("person-1"), "{json}");
        assert!(!json.contains("quiet room"), "notes go: {json}");
        assert_eq!(clean.invitations.len(), 1);
        let anonymous = clean.invitations.values().next().expect("one");
        assert_eq!(anonymous.status(), Some(InvitationStatus::Attended));
        assert_eq!(clean.rota.members, Tags::from_words(["other"]));
        let turn = clean.rota.turns.values().next().expect("turn");
        assert_eq!(turn.ambassadors.len(), 1, "the seat is still counted");
        // Scrubbing again changes nothing, and two laptops agree on the key.
        assert!(scrubbed(&clean, &set).is_none());
        assert_eq!(scrubbed(&doc, &set), Some(clean));
    }

    /// A network with one device whose signing key is `key`.
    fn network_with(key: &sanctuary_sync::keys::SigningKey) -> NetworkDoc {
        let mut n = NetworkDoc::unloaded();
        n.id = "net".into();
        n.devices.insert(
            "dev".into(),
            crate::model::Device {
                name: "laptop".into(),
                added: Day::today(),
                public_key: hex(&key.public_key()),
                invite: String::new(),
                proof: String::new(),
                exchange_key: String::new(),
                exchange_proof: String::new(),
                revoked: None,
                coordinator: String::new(),
            },
        );
        n
    }

    fn signed(key: &sanctuary_sync::keys::SigningKey, person: &str, on: Day) -> Tombstone {
        Tombstone {
            on,
            by: "dev".into(),
            signature: hex(&key.sign(&tombstone_message("net", person, on, "dev"))),
        }
    }

    #[test]
    fn tombstones_must_be_signed_by_a_member_and_never_go_away() {
        let key = sanctuary_sync::keys::SigningKey::generate().expect("key");
        let known = network_with(&key);
        let on: Day = "2026-02-01".parse().expect("day");

        let mut merged = known.clone();
        merged.erased.insert("p1".into(), signed(&key, "p1", on));
        assert!(check_tombstones(&known, &merged).is_ok());

        // Signed for another person, the day changed, or another signer named: refused.
        for forged in [
            signed(&key, "p2", on),
            Tombstone {
                on: on.plus_days(1),
                ..signed(&key, "p1", on)
            },
            Tombstone {
                by: "stranger".into(),
                ..signed(&key, "p1", on)
            },
        ] {
            let mut bad = known.clone();
            bad.erased.insert("p1".into(), forged);
            assert!(check_tombstones(&known, &bad).is_err());
        }

        // Once known, a tombstone cannot be withdrawn.
        assert!(check_tombstones(&merged, &known).is_err());
        assert!(check_tombstones(&merged, &merged).is_ok());
    }

    #[test]
    fn anonymous_keys_differ_between_projects() {
        assert_ne!(anonymous_key("p1", "a"), anonymous_key("p2", "a"));
        assert_eq!(anonymous_key("p1", "a"), anonymous_key("p1", "a"));
    }
}
