//! Self-view: an ambassador looks at their own record on a coordinator's
//! laptop, and nothing else.
//!
//! Entering self-view consumes the [`Sanctuary`]: every other person's
//! decrypted data is dropped from memory and the store is restricted to this
//! one document (its key alone stays; the store key is wiped), so no command,
//! screen or devtools trick can reach anyone else. The person can add
//! suggestions to their own record; they wait for a coordinator. Leaving
//! needs the coordinator's passphrase, which unwraps the store key again.

use std::collections::{BTreeMap, HashMap};

use automerge::ActorId;
use sanctuary_store::{SecretString, Store};

use super::suggestions::{new_suggestion, reconcile_parts};
use super::{Sanctuary, prepare_write};
use crate::documents::{Kind, LiveDoc, encode_snapshot};
use crate::error::{CoreError, Result};
use crate::model::{AmbassadorDoc, Catalog, Day, SuggestedChange};

/// One ambassador's record, and nothing else.
pub struct SelfView {
    store: Store,
    actor: ActorId,
    person: AmbassadorDoc,
    live: Option<LiveDoc>,
    /// The catalog is the network's, not anyone's personal data: course titles.
    catalog: Catalog,
    /// Titles of the projects this person contributed to, and only those.
    project_titles: BTreeMap<String, String>,
    /// "You said, we did" on the projects they took part in, and only those.
    outcomes: Vec<crate::views::OutcomeRow>,
    network_name: String,
}

/// Leaving failed; the self-view is handed back unchanged.
pub struct StillInSelfView {
    pub view: Box<SelfView>,
    pub error: CoreError,
}

impl Sanctuary {
    /// Enters self-view for `key`. On failure the coordinator's session is
    /// handed back untouched.
    pub fn enter_self_view(
        mut self,
        key: &str,
    ) -> std::result::Result<SelfView, (Box<Sanctuary>, CoreError)> {
        let person = match self.ambassador(key) {
            Ok(person) => person.clone(),
            Err(e) => return Err((Box::new(self), e)),
        };
        let id = person.id().to_string();
        if let Err(e) = self.store.restrict_to(&id) {
            return Err((Box::new(self), e.into()));
        }
        let project_titles = person
            .contributions
            .values()
            .filter_map(|c| c.project_id.as_ref())
            .filter_map(|p| {
                self.projects
                    .get(p)
                    .map(|doc| (p.clone(), doc.project.title.clone()))
            })
            .collect();
        let outcomes = crate::views::outcomes_for(&person, self.projects.values());
        let live = self.live.remove(&id);
        Ok(SelfView {
            store: self.store,
            actor: self.actor,
            person,
            live,
            catalog: self.catalog,
            project_titles,
            outcomes,
            network_name: self.network.name,
        })
        // Everything else in `self` (every other person, project, loaded
        // document) is dropped here.
    }
}

impl SelfView {
    pub fn person(&self) -> &AmbassadorDoc {
        &self.person
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn project_title(&self, project_id: &str) -> Option<&str> {
        self.project_titles.get(project_id).map(String::as_str)
    }

    /// The outcomes of the projects this person took part in, newest first.
    pub fn outcomes(&self) -> &[crate::views::OutcomeRow] {
        &self.outcomes
    }

    pub fn network_name(&self) -> &str {
        &self.network_name
    }

    /// The person's own record as a printable document.
    pub fn record_report(
        &self,
        today: Day,
        lang: &crate::record::RecordLanguage,
    ) -> sanctuary_report::RecordReport {
        crate::record::record_report(
            &self.person,
            &self.catalog,
            |id| self.project_title(id).map(str::to_string),
            &self.outcomes,
            &self.network_name,
            today,
            lang,
        )
    }

    /// Whether the store really is restricted to this one document.
    pub fn is_isolated(&self) -> bool {
        self.store.is_restricted()
    }

    /// The person suggests a change to their own record; it is stored as
    /// pending for a coordinator to approve or decline.
    pub fn suggest(&mut self, change: SuggestedChange, today: Day) -> Result<String> {
        let suggestion = new_suggestion(&self.person, change, today)?;
        let suggestion_id = suggestion.id.clone();
        let mut doc = self.person.clone();
        doc.suggestions.insert(suggestion_id.clone(), suggestion);
        let id = doc.id().to_string();
        let result = self.write(&id, &doc);
        if result.is_err() {
            self.live = None; // Reload from the store next time.
        }
        result?;
        self.person = doc;
        Ok(suggestion_id)
    }

    fn write(&mut self, id: &str, doc: &AmbassadorDoc) -> Result<()> {
        if self.live.is_none() {
            let chunks = self.store.read_chunks(id)?;
            self.live = Some(LiveDoc::load(id, &chunks, &self.actor)?);
        }
        let live = self
            .live
            .as_mut()
            .ok_or_else(|| CoreError::Internal("no document loaded".into()))?;
        let snapshot = encode_snapshot(doc)?;
        if let Some(write) =
            prepare_write(live, id, Kind::Ambassador, "suggestion", snapshot, |am| {
                reconcile_parts(am, doc, &["suggestions"])
            })?
        {
            self.store.write(vec![write])?;
        }
        Ok(())
    }

    /// Leaves self-view with the coordinator's passphrase and unlocks the
    /// whole store again. A wrong passphrase keeps the self-view.
    pub fn leave(
        mut self,
        passphrase: &SecretString,
    ) -> std::result::Result<Sanctuary, StillInSelfView> {
        if let Err(e) = self.store.unrestrict(passphrase) {
            return Err(StillInSelfView {
                view: Box::new(self),
                error: e.into(),
            });
        }
        let mut live = HashMap::new();
        if let Some(doc) = self.live.take() {
            live.insert(self.person.id().to_string(), doc);
        }
        match Sanctuary::from_unlocked_store(self.store, self.actor.clone(), live) {
            Ok((sanctuary, _)) => Ok(sanctuary),
            Err((store, error)) => {
                // The passphrase was right but the store could not be read
                // back: stay in self-view, restricted again, and say why.
                let mut store = store;
                let _ = store.restrict_to(self.person.id());
                self.store = store;
                Err(StillInSelfView {
                    view: Box::new(self),
                    error,
                })
            }
        }
    }
}
