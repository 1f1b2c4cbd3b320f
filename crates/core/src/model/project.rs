//! A co-production project or opportunity, in its own Automerge document.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::invitation::{Invitation, Rota};
use super::validate::{Field, Invalid, check_len, check_optional_len, check_text, out_of_range};
use super::values::{Day, Tags};
use super::vocab::{Level, RecognitionKind, Stream};
use crate::matching::{Code, Param};

pub const PROJECT_SCHEMA: u64 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct ProjectDoc {
    pub schema: u64,
    pub project: Project,
    /// Keyed by ambassador id; documents written before invitations existed
    /// hydrate with none.
    #[autosurgeon(missing = "BTreeMap::new")]
    #[serde(default)]
    pub invitations: BTreeMap<String, Invitation>,
    /// The rota, for a recurring seat; empty for other projects.
    #[autosurgeon(missing = "Rota::default")]
    #[serde(default)]
    pub rota: Rota,
    /// "You said, we did": what changed because of the ambassadors' input,
    /// keyed by id; documents written before outcomes hydrate with none.
    #[autosurgeon(missing = "BTreeMap::new")]
    #[serde(default)]
    pub outcomes: BTreeMap<String, Outcome>,
}

/// One thing that changed because of what the ambassadors said, as the
/// coordinator wrote it, dated and signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Outcome {
    pub id: String,
    pub date: Day,
    pub text: String,
    pub recorded_by: String,
}

impl Outcome {
    pub fn validate(&self) -> Result<(), Invalid> {
        check_text(Field::Text, &self.text, 4000)?;
        check_text(Field::RecordedBy, &self.recorded_by, 80)
    }
}

impl ProjectDoc {
    pub fn new(project: Project) -> ProjectDoc {
        ProjectDoc {
            schema: PROJECT_SCHEMA,
            project,
            invitations: BTreeMap::new(),
            rota: Rota::default(),
            outcomes: BTreeMap::new(),
        }
    }

    pub fn id(&self) -> &str {
        &self.project.id
    }
}

/// What a project needs and offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct Project {
    pub id: String,
    pub title: String,
    pub description: String,
    pub stream: Stream,
    pub level: Level,
    pub start: Day,
    pub end: Option<Day>,
    pub location: Option<String>,
    pub remote: bool,
    pub in_person: bool,
    pub places: u32,
    pub required_skills: Tags,
    pub desired_skills: Tags,
    /// Languages the work needs (lower case names).
    pub languages: Tags,
    /// Course ids someone must have completed, and not let expire.
    pub required_training: Tags,
    /// Recognition kinds offered, as their stable words.
    pub recognition: Tags,
    /// The organisation whose work is being assessed, for conflict-of-interest checks.
    pub organisation: Option<String>,
    /// Photographs or film of the people taking part are made: only people
    /// whose consent to photography is in force can be invited.
    #[autosurgeon(missing = "bool::default")]
    #[serde(default)]
    pub photography: bool,
    /// A partner organisation that is given the details of the people taking
    /// part: only people whose consent to sharing with partners is in force
    /// can be invited.
    #[autosurgeon(missing = "Option::default")]
    #[serde(default)]
    pub shares_with: Option<String>,
}

impl Project {
    pub fn new(id: String, title: &str, stream: Stream, level: Level, start: Day) -> Project {
        Project {
            id,
            title: title.trim().to_string(),
            description: String::new(),
            stream,
            level,
            start,
            end: None,
            location: None,
            remote: false,
            in_person: true,
            places: 1,
            required_skills: Tags::new(),
            desired_skills: Tags::new(),
            languages: Tags::new(),
            required_training: Tags::new(),
            recognition: Tags::new(),
            organisation: None,
            photography: false,
            shares_with: None,
        }
    }

    /// The recognition kinds offered, in their typed form.
    pub fn recognition_kinds(&self) -> Vec<RecognitionKind> {
        self.recognition
            .iter()
            .filter_map(|w| w.parse().ok())
            .collect()
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        check_text(Field::Title, &self.title, 160)?;
        check_len(Field::Description, &self.description, 10_000)?;
        check_optional_len(Field::Location, &self.location, 160)?;
        check_optional_len(Field::Organisation, &self.organisation, 160)?;
        check_optional_len(Field::SharesWith, &self.shares_with, 160)?;
        if self.end.is_some_and(|end| end < self.start) {
            return Err(Invalid::new(
                Field::EndDate,
                Code::InvalidEndsBeforeStart,
                "the project ends before it starts",
            )
            .with("start", Param::date(self.start))
            .with("end", Param::date(self.end.unwrap_or(self.start))));
        }
        if self.places == 0 || self.places > 500 {
            return Err(out_of_range(
                Field::Places,
                1,
                500,
                "places must be between 1 and 500",
            ));
        }
        if !self.remote && !self.in_person {
            return Err(Invalid::new(
                Field::Mode,
                Code::InvalidProjectMode,
                "a project is remote, in person, or both",
            ));
        }
        for word in self.recognition.iter() {
            word.parse::<RecognitionKind>()
                .map_err(|e| Invalid::from((Field::Recognition, e)))?;
        }
        Ok(())
    }
}
