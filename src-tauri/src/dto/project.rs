//! Projects: the list, the editor's shape and the project page.

use sanctuary_core::model as m;
use sanctuary_core::{Sanctuary, views};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vocab::{Level, RecognitionKind, Stream};
use super::{day, opt_day, opt_text, tags, words};
use crate::error::ApiResult;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Project {
    /// Ignored when adding and editing.
    pub id: String,
    pub title: String,
    pub description: String,
    pub stream: Stream,
    pub level: Level,
    pub start: String,
    pub end: Option<String>,
    pub location: Option<String>,
    pub remote: bool,
    pub in_person: bool,
    pub places: u32,
    pub required_skills: Vec<String>,
    pub desired_skills: Vec<String>,
    pub languages: Vec<String>,
    /// Course ids.
    pub required_training: Vec<String>,
    pub recognition: Vec<RecognitionKind>,
    pub organisation: Option<String>,
    /// Photos or film of the people taking part are made.
    pub photography: bool,
    /// The partner organisation given the details of the people taking part.
    pub shares_with: Option<String>,
}

impl From<&m::Project> for Project {
    fn from(p: &m::Project) -> Self {
        Project {
            id: p.id.clone(),
            title: p.title.clone(),
            description: p.description.clone(),
            stream: p.stream,
            level: p.level,
            start: p.start.to_string(),
            end: p.end.map(|d| d.to_string()),
            location: p.location.clone(),
            remote: p.remote,
            in_person: p.in_person,
            places: p.places,
            required_skills: words(&p.required_skills),
            desired_skills: words(&p.desired_skills),
            languages: words(&p.languages),
            required_training: words(&p.required_training),
            recognition: p.recognition_kinds().into_iter().collect(),
            organisation: p.organisation.clone(),
            photography: p.photography,
            shares_with: p.shares_with.clone(),
        }
    }
}

impl Project {
    pub fn into_core(self, id: String) -> ApiResult<m::Project> {
        Ok(m::Project {
            id,
            title: self.title.trim().to_string(),
            description: self.description,
            stream: self.stream,
            level: self.level,
            start: day(&self.start)?,
            end: opt_day(self.end)?,
            location: opt_text(self.location),
            remote: self.remote,
            in_person: self.in_person,
            places: self.places,
            required_skills: tags(&self.required_skills),
            desired_skills: tags(&self.desired_skills),
            languages: tags(&self.languages),
            required_training: tags(&self.required_training),
            recognition: self.recognition.into_iter().map(|k| k.as_str()).collect(),
            organisation: opt_text(self.organisation),
            photography: self.photography,
            shares_with: opt_text(self.shares_with),
        })
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ProjectRow {
    pub id: String,
    pub title: String,
    pub stream: Stream,
    pub level: Level,
    pub start: String,
    pub end: Option<String>,
    pub places: u32,
    pub location: Option<String>,
    pub remote: bool,
}

impl From<&m::ProjectDoc> for ProjectRow {
    fn from(d: &m::ProjectDoc) -> Self {
        let p = &d.project;
        ProjectRow {
            id: p.id.clone(),
            title: p.title.clone(),
            stream: p.stream,
            level: p.level,
            start: p.start.to_string(),
            end: p.end.map(|d| d.to_string()),
            places: p.places,
            location: p.location.clone(),
            remote: p.remote,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CourseRef {
    pub id: String,
    pub title: String,
}

pub use sanctuary_core::views::{PersonContribution, PersonRecognition};

/// The project page: the project, and the work and recognition logged for it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProjectPage {
    pub project: Project,
    pub required_training: Vec<CourseRef>,
    pub contributions: Vec<PersonContribution>,
    pub recognition: Vec<PersonRecognition>,
    pub hours_contributed: String,
    /// "You said, we did", newest first.
    pub outcomes: Vec<views::OutcomeRow>,
}

/// A new "you said, we did" outcome as the project page's form sends it.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct OutcomeInput {
    pub text: String,
    pub recorded_by: String,
    /// `YYYY-MM-DD`; today when blank.
    pub date: Option<String>,
}

impl OutcomeInput {
    pub fn into_core(self) -> ApiResult<m::Outcome> {
        Ok(m::Outcome {
            id: String::new(),
            date: opt_day(self.date)?.unwrap_or_else(m::Day::today),
            text: self.text,
            recorded_by: self.recorded_by,
        })
    }
}

impl ProjectPage {
    /// Gathers the page; the work log is the core's view of it.
    pub fn new(s: &Sanctuary, doc: &m::ProjectDoc) -> ProjectPage {
        let log = views::project_work_log(s, doc.id());
        ProjectPage {
            project: Project::from(&doc.project),
            required_training: doc
                .project
                .required_training
                .iter()
                .map(|course| CourseRef {
                    id: course.to_string(),
                    title: s
                        .catalog()
                        .courses
                        .get(course)
                        .map_or_else(|| course.to_string(), |c| c.title.clone()),
                })
                .collect(),
            contributions: log.contributions,
            recognition: log.recognition,
            hours_contributed: log.hours_contributed,
            outcomes: views::project_outcomes(doc),
        }
    }
}
