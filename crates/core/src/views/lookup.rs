//! What a person's rows need besides their own document: course titles
//! from the catalog, and project titles from a coordinator's session or
//! from a self-view (which knows only the person's own projects). One
//! type, so the profile page and the self-view page word a row alike.

use super::training::{TrainingRow, training_rows};
use super::work::{WorkLog, work_log};
use crate::model::{AmbassadorDoc, Catalog, Day};
use crate::sanctuary::{Sanctuary, SelfView};

pub struct Lookup<'a> {
    catalog: &'a Catalog,
    titles: Titles<'a>,
}

enum Titles<'a> {
    Network(&'a Sanctuary),
    SelfView(&'a SelfView),
}

impl<'a> Lookup<'a> {
    /// A coordinator's lookup: every course and every project.
    pub fn of(s: &'a Sanctuary) -> Lookup<'a> {
        Lookup {
            catalog: s.catalog(),
            titles: Titles::Network(s),
        }
    }

    /// A self-view's lookup: the catalog, and only the person's own projects.
    pub fn of_self_view(view: &'a SelfView) -> Lookup<'a> {
        Lookup {
            catalog: view.catalog(),
            titles: Titles::SelfView(view),
        }
    }

    /// A project's title: any project for a coordinator, only the person's
    /// own in self-view.
    pub fn project_title(&self, id: &str) -> Option<String> {
        match self.titles {
            Titles::Network(s) => s.project(id).ok().map(|p| p.project.title.clone()),
            Titles::SelfView(view) => view.project_title(id).map(str::to_string),
        }
    }

    /// A course's title, or its id when the catalog no longer has it.
    pub fn course_title(&self, course_id: &str) -> String {
        self.catalog
            .courses
            .get(course_id)
            .map_or_else(|| course_id.to_string(), |c| c.title.clone())
    }

    /// Every training record, newest first, each with its expiry state.
    pub fn training_rows(&self, doc: &AmbassadorDoc, today: Day) -> Vec<TrainingRow> {
        training_rows(doc, self.catalog, today)
    }

    /// Contributions and recognition, newest first.
    pub fn work_log(&self, doc: &AmbassadorDoc) -> WorkLog {
        work_log(doc, |_| true, |id| self.project_title(id))
    }
}
