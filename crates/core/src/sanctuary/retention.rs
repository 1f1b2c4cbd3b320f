//! Retention review: people with no recorded activity for the network's
//! retention period (`NetworkDoc::retention_years`, two years unless a
//! coordinator changes it) are listed for a coordinator to archive or erase.
//! Nothing is deleted automatically: a person may have good reason to stay.
//!
//! Activity is whatever the record itself dates: joining, consent given,
//! training completed, contributions, recognition, invitation moves and rota
//! turns. It is read from the in-memory model, so the review is instant.

use serde::{Deserialize, Serialize};

use super::{NETWORK_DOC, Sanctuary};
use crate::documents::Kind;
use crate::error::Result;
use crate::model::{AmbassadorDoc, Day, Field};

/// Someone due for a retention review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RetentionDue {
    pub ambassador_id: String,
    pub display_name: String,
    pub archived: bool,
    /// The latest day anything about them was dated.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub last_activity: Day,
    /// Whole days since then.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub days_inactive: i64,
}

impl Sanctuary {
    /// The latest dated activity of a person, in their document and in
    /// every project's invitations and rota turns.
    fn last_activity(&self, person: &AmbassadorDoc) -> Day {
        let id = person.id();
        let own = std::iter::once(person.profile.joined)
            .chain(person.consents.values().map(|c| c.date))
            .chain(person.training.values().map(|t| t.completed))
            .chain(person.contributions.values().map(|c| c.date))
            .chain(person.recognition.values().map(|r| r.date));
        let projects = self.projects.values().flat_map(|p| {
            let invited = p
                .invitations
                .get(id)
                .into_iter()
                .flat_map(|i| i.events.values().map(|e| e.date));
            let turns = p
                .rota
                .turns
                .values()
                .filter(|t| t.ambassadors.contains(id))
                .map(|t| t.date);
            invited.chain(turns)
        });
        own.chain(projects).max().unwrap_or(person.profile.joined)
    }

    /// Everyone with no activity for the retention period before `today`,
    /// longest inactive first. Empty when the period is 0 (never review).
    pub fn retention_review(&self, today: Day) -> Vec<RetentionDue> {
        let years = self.network.retention_years;
        if years == 0 {
            return Vec::new();
        }
        let months = u32::try_from(years.saturating_mul(12)).unwrap_or(u32::MAX);
        let mut out: Vec<RetentionDue> = self
            .ambassadors
            .values()
            .filter_map(|person| {
                let last = self.last_activity(person);
                (last.plus_months(months) < today).then(|| RetentionDue {
                    ambassador_id: person.id().to_string(),
                    display_name: person.profile.display_name.clone(),
                    archived: person.profile.archived,
                    last_activity: last,
                    days_inactive: last.days_until(today),
                })
            })
            .collect();
        out.sort_by(|a, b| {
            (a.last_activity, a.display_name.to_lowercase())
                .cmp(&(b.last_activity, b.display_name.to_lowercase()))
        });
        out
    }

    /// Sets the network's retention period in years (0: never review), for
    /// every coordinator.
    pub fn set_retention_years(&mut self, years: u64) -> Result<()> {
        if years > 50 {
            return Err(crate::model::validate::out_of_range(
                Field::Retention,
                0,
                50,
                "the retention period is 0 (never) to 50 years",
            )
            .into());
        }
        let mut network = self.network.clone();
        network.retention_years = years;
        self.commit(
            NETWORK_DOC,
            Kind::Network,
            "retention period",
            &network,
            |doc| {
                autosurgeon::reconcile_prop(doc, automerge::ROOT, "retention_years", years)
                    .map_err(super::ambassadors::internal)
            },
        )?;
        self.network = network;
        Ok(())
    }
}
