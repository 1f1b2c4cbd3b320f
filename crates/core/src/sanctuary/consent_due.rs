//! Consent that is due for review: the consent in force for each person and
//! scope whose review date falls within a window, and (when asked) consent
//! whose review date has passed, which counts as absent everywhere (matching
//! and invitations use `AmbassadorDoc::consent_in_force`, which already
//! treats it so).

use serde::{Deserialize, Serialize};

use super::Sanctuary;
use crate::model::{AmbassadorDoc, Consent, ConsentScope, Day};

/// One consent to ask about again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConsentDue {
    pub ambassador_id: String,
    pub display_name: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub scope: ConsentScope,
    pub consent_id: String,
    /// The day it was given.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: Day,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub review: Day,
    /// Days from today to the review date; negative once it has passed.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub days_left: i64,
    /// Past its review date: no longer in force.
    pub expired: bool,
}

/// The latest agreed consent per scope that has a review date: the one a
/// review would renew. A later refusal supersedes it, so nothing is due.
fn latest_agreed(person: &AmbassadorDoc, today: Day) -> impl Iterator<Item = &Consent> {
    ConsentScope::ALL.iter().filter_map(move |scope| {
        person
            .consents
            .values()
            .filter(|c| c.scope == *scope && c.date <= today)
            .max_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)))
            .filter(|c| c.agreed && c.review.is_some())
    })
}

impl Sanctuary {
    /// Consent whose review date is within `days` of `today` (and, with
    /// `expired`, consent already past it), soonest first. Archived people
    /// are included: their consent still governs what is kept.
    pub fn consent_expiring(&self, today: Day, days: u32, expired: bool) -> Vec<ConsentDue> {
        let until = today.plus_days(i64::from(days));
        let mut out: Vec<ConsentDue> = self
            .ambassadors
            .values()
            .flat_map(|person| {
                latest_agreed(person, today).filter_map(move |c| {
                    let review = c.review?;
                    let past = review < today;
                    let due = if past { expired } else { review <= until };
                    due.then(|| ConsentDue {
                        ambassador_id: person.id().to_string(),
                        display_name: person.profile.display_name.clone(),
                        scope: c.scope,
                        consent_id: c.id.clone(),
                        date: c.date,
                        review,
                        days_left: today.days_until(review),
                        expired: past,
                    })
                })
            })
            .collect();
        out.sort_by(|a, b| {
            (a.review, a.display_name.to_lowercase(), a.scope.as_str()).cmp(&(
                b.review,
                b.display_name.to_lowercase(),
                b.scope.as_str(),
            ))
        });
        out
    }
}
