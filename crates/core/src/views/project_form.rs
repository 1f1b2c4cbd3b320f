//! A project as its editor shows it and sends it back: every field, sets as
//! lists, dates and optional text as typed.

use serde::{Deserialize, Serialize};

use super::form::{opt_day, opt_text, parse_day, words};
use crate::model::{InvalidDate, Level, Project, RecognitionKind, Stream, Tags};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "Project"))]
pub struct ProjectForm {
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

impl From<&Project> for ProjectForm {
    fn from(p: &Project) -> Self {
        ProjectForm {
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
            recognition: p.recognition_kinds(),
            organisation: p.organisation.clone(),
            photography: p.photography,
            shares_with: p.shares_with.clone(),
        }
    }
}

impl ProjectForm {
    /// The project this form describes, with id `id` (the form's own id is
    /// never trusted). Blank optional text becomes `None`; refuses a start
    /// or end it cannot read.
    pub fn into_project(self, id: String) -> Result<Project, InvalidDate> {
        Ok(Project {
            id,
            title: self.title.trim().to_string(),
            description: self.description,
            stream: self.stream,
            level: self.level,
            start: parse_day(&self.start)?,
            end: opt_day(self.end)?,
            location: opt_text(self.location),
            remote: self.remote,
            in_person: self.in_person,
            places: self.places,
            required_skills: Tags::from_words(&self.required_skills),
            desired_skills: Tags::from_words(&self.desired_skills),
            languages: Tags::from_words(&self.languages),
            required_training: Tags::from_words(&self.required_training),
            recognition: self.recognition.into_iter().map(|k| k.as_str()).collect(),
            organisation: opt_text(self.organisation),
            photography: self.photography,
            shares_with: opt_text(self.shares_with),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Day;

    #[test]
    fn a_project_round_trips_through_the_form_shape() {
        let mut core = Project::new(
            "p1".into(),
            "Schools panel",
            Stream::ALL[0],
            Level::ALL[0],
            Day::from_ymd(2026, 3, 1).unwrap(),
        );
        core.required_skills = Tags::from_words(["public speaking"]);
        core.recognition = Tags::from_words([RecognitionKind::Certificate.as_str()]);
        core.shares_with = Some("Partner".into());
        let form = ProjectForm::from(&core);
        assert_eq!(form.start, "2026-03-01");
        assert_eq!(form.recognition, [RecognitionKind::Certificate]);
        assert_eq!(form.clone().into_project("p1".into()).unwrap(), core);

        let mut blank = form;
        blank.end = Some("  ".into());
        blank.location = Some(" ".into());
        let back = blank.clone().into_project("p1".into()).unwrap();
        assert_eq!((back.end, back.location), (None, None));
        blank.start = "1 March".into();
        assert!(blank.into_project("p1".into()).is_err());
    }
}
