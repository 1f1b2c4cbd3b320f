//! Projects as a coordinator sees them: a line of the list, and the project
//! page (the project, the courses it needs by title, the work and
//! recognition logged against it, and "you said, we did").

use serde::Serialize;

use super::feedback::{OutcomeRow, project_outcomes};
use super::project::{PersonContribution, PersonRecognition, project_work_log};
use super::project_form::ProjectForm;
use crate::model::{Day, Level, ProjectDoc, Stream};
use crate::sanctuary::Sanctuary;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProjectRow {
    pub id: String,
    pub title: String,
    pub stream: Stream,
    pub level: Level,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub start: Day,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub end: Option<Day>,
    pub places: u32,
    pub location: Option<String>,
    pub remote: bool,
}

impl From<&ProjectDoc> for ProjectRow {
    fn from(d: &ProjectDoc) -> Self {
        let p = &d.project;
        ProjectRow {
            id: p.id.clone(),
            title: p.title.clone(),
            stream: p.stream,
            level: p.level,
            start: p.start,
            end: p.end,
            places: p.places,
            location: p.location.clone(),
            remote: p.remote,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CourseRef {
    pub id: String,
    pub title: String,
}

/// The project page: the project, and the work and recognition logged for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProjectPage {
    pub project: ProjectForm,
    pub required_training: Vec<CourseRef>,
    pub contributions: Vec<PersonContribution>,
    pub recognition: Vec<PersonRecognition>,
    pub hours_contributed: String,
    /// "You said, we did", newest first.
    pub outcomes: Vec<OutcomeRow>,
}

impl ProjectPage {
    /// The page of `doc`; a course the catalog no longer has shows its id.
    pub fn new(s: &Sanctuary, doc: &ProjectDoc) -> ProjectPage {
        let log = project_work_log(s, doc.id());
        ProjectPage {
            project: ProjectForm::from(&doc.project),
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
            outcomes: project_outcomes(doc),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_page_names_its_courses_and_carries_its_work_log() {
        let temp = tempfile::tempdir().unwrap();
        let s = crate::demo::demo_store(temp.path(), 12);
        let doc = s
            .projects()
            .into_iter()
            .find(|p| !p.project.required_training.is_empty())
            .expect("a demo project needs training");
        let page = ProjectPage::new(&s, doc);
        for course in &page.required_training {
            let title = &s.catalog().courses[&course.id].title;
            assert_eq!(&course.title, title);
        }
        let log = project_work_log(&s, doc.id());
        assert_eq!(page.contributions, log.contributions);
        assert_eq!(page.hours_contributed, log.hours_contributed);
        let row = serde_json::to_value(ProjectRow::from(doc)).unwrap();
        assert_eq!(row["start"], doc.project.start.to_string());
        assert_eq!(row["title"], doc.project.title);
    }
}
