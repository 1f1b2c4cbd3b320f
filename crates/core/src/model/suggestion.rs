//! Suggestions an ambassador makes to their own record in self-view. They
//! are kept in the person's document and change nothing until a coordinator
//! approves them, so nothing in a record changes silently.

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::validate::{Field, Invalid, check_optional_len, check_text, out_of_range};
use super::values::Day;
use super::vocab::{Channel, SuggestionStatus};
use crate::matching::Code;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Suggestion {
    pub id: String,
    pub made_on: Day,
    pub change: SuggestedChange,
    pub status: SuggestionStatus,
    pub decided_on: Option<Day>,
}

/// What the person would like added or corrected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub enum SuggestedChange {
    /// How confident they felt after a course, 1 to 5.
    Confidence { record_id: String, after: u8 },
    /// A few words on what a course meant to them.
    Reflection { record_id: String, text: String },
    /// Time they gave that has not been logged yet.
    Hours {
        date: Day,
        minutes: u32,
        role: String,
    },
    /// Corrected contact details; `None` leaves a detail as it is.
    Contact {
        email: Option<String>,
        phone: Option<String>,
        channel: Option<Channel>,
    },
}

impl SuggestedChange {
    pub fn validate(&self) -> Result<(), Invalid> {
        match self {
            SuggestedChange::Confidence { after, .. } if !(1..=5).contains(after) => Err(
                out_of_range(Field::Confidence, 1, 5, "a confidence rating is 1 to 5"),
            ),
            SuggestedChange::Reflection { text, .. } => check_text(Field::Reflection, text, 1000),
            SuggestedChange::Hours { minutes, role, .. } => {
                check_text(Field::Role, role, 120)?;
                if *minutes == 0 || *minutes > 24 * 60 {
                    return Err(Invalid::new(
                        Field::Hours,
                        Code::InvalidHoursForADay,
                        "hours must be more than 0 and at most 24 for one day",
                    ));
                }
                Ok(())
            }
            SuggestedChange::Contact { email, phone, .. } => {
                check_optional_len(Field::Email, email, 254)?;
                check_optional_len(Field::Phone, phone, 40)
            }
            SuggestedChange::Confidence { .. } => Ok(()),
        }
    }
}
