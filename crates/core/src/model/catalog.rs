//! The network's shared catalog: the skills and interests vocabulary and the
//! training courses. One Automerge document for the whole network.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::validate::{Field, Invalid, check_len, check_text, out_of_range};
use super::values::{Day, Tags};
use super::vocab::DeliveryMode;
use crate::matching::Code;

pub const CATALOG_SCHEMA: u64 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Catalog {
    pub schema: u64,
    pub skills: Tags,
    pub interests: Tags,
    pub courses: BTreeMap<String, Course>,
}

impl Catalog {
    pub fn new() -> Catalog {
        Catalog {
            schema: CATALOG_SCHEMA,
            ..Catalog::default()
        }
    }
}

/// A training course offered in the network.
///
/// The app's course form sends this shape too (its id is ignored: adding
/// gives a course a new one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Course {
    /// Ignored when adding.
    pub id: String,
    pub title: String,
    pub description: String,
    pub mode: DeliveryMode,
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub languages: Tags,
    pub duration_minutes: Option<u32>,
    /// How long a completion stays valid; `null` means it never expires.
    pub validity_months: Option<u32>,
    /// Course ids (or titles, when adding) that must be completed first.
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub prerequisites: Tags,
    /// Whether ambassadors helped design the course.
    pub co_designed: bool,
}

impl Course {
    pub fn new(id: String, title: &str) -> Course {
        Course {
            id,
            title: title.trim().to_string(),
            description: String::new(),
            mode: DeliveryMode::InPerson,
            languages: Tags::new(),
            duration_minutes: None,
            validity_months: None,
            prerequisites: Tags::new(),
            co_designed: false,
        }
    }

    /// The day a completion on `completed` stops being valid, if it ever does.
    pub fn expiry(&self, completed: Day) -> Option<Day> {
        self.validity_months.map(|m| completed.plus_months(m))
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        check_text(Field::CourseTitle, &self.title, 160)?;
        check_len(Field::CourseDescription, &self.description, 10_000)?;
        if self.validity_months.is_some_and(|m| m == 0 || m > 240) {
            return Err(out_of_range(
                Field::Validity,
                1,
                240,
                "validity is 1 to 240 months, or none",
            ));
        }
        if self.prerequisites.contains(&self.id) {
            return Err(Invalid::new(
                Field::Prerequisites,
                Code::InvalidOwnPrerequisite,
                "a course cannot be its own prerequisite",
            ));
        }
        Ok(())
    }
}
