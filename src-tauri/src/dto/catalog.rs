//! The catalog: courses and the skills and interests vocabulary.

use sanctuary_core::model as m;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vocab::DeliveryMode;
use super::{tags, words};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Course {
    /// Ignored when adding.
    pub id: String,
    pub title: String,
    pub description: String,
    pub mode: DeliveryMode,
    pub languages: Vec<String>,
    pub duration_minutes: Option<u32>,
    /// How long a completion stays valid; `null` means it never expires.
    pub validity_months: Option<u32>,
    /// Course ids (or titles) that must be completed first.
    pub prerequisites: Vec<String>,
    pub co_designed: bool,
}

impl From<&m::Course> for Course {
    fn from(c: &m::Course) -> Self {
        Course {
            id: c.id.clone(),
            title: c.title.clone(),
            description: c.description.clone(),
            mode: c.mode,
            languages: words(&c.languages),
            duration_minutes: c.duration_minutes,
            validity_months: c.validity_months,
            prerequisites: words(&c.prerequisites),
            co_designed: c.co_designed,
        }
    }
}

impl Course {
    pub fn into_core(self) -> m::Course {
        m::Course {
            id: String::new(),
            title: self.title.trim().to_string(),
            description: self.description,
            mode: self.mode,
            languages: tags(&self.languages),
            duration_minutes: self.duration_minutes,
            validity_months: self.validity_months,
            // Ids are case-sensitive UUIDs; Tags would lower-case them (they
            // already are), and the core resolves each by id or title.
            prerequisites: tags(&self.prerequisites),
            co_designed: self.co_designed,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CatalogView {
    pub courses: Vec<Course>,
    pub skills: Vec<String>,
    pub interests: Vec<String>,
}

impl From<&m::Catalog> for CatalogView {
    fn from(c: &m::Catalog) -> Self {
        let mut courses: Vec<Course> = c.courses.values().map(Course::from).collect();
        courses.sort_by_key(|c| c.title.to_lowercase());
        CatalogView {
            courses,
            skills: words(&c.skills),
            interests: words(&c.interests),
        }
    }
}

pub use sanctuary_core::views::ExpiringTraining;
