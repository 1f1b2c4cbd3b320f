//! Projects: co-production opportunities, one document each.

use automerge::ROOT;

use super::ambassadors::internal;
use super::{Sanctuary, find_one};
use crate::documents::Kind;
use crate::error::Result;
use crate::model::Thing;
use crate::model::{Project, ProjectDoc, new_id};

impl Sanctuary {
    /// Every project, soonest start first.
    pub fn projects(&self) -> Vec<&ProjectDoc> {
        let mut all: Vec<&ProjectDoc> = self.projects.values().collect();
        all.sort_by(|a, b| {
            (a.project.start, &a.project.title, a.id()).cmp(&(
                b.project.start,
                &b.project.title,
                b.id(),
            ))
        });
        all
    }

    /// Finds a project by id, id prefix or title.
    pub fn project(&self, key: &str) -> Result<&ProjectDoc> {
        find_one(Thing::Project, key, self.projects.iter(), |d| {
            d.project.title.as_str()
        })
    }

    /// Adds a project; its id is replaced by a new one.
    pub fn add_project(&mut self, mut project: Project) -> Result<String> {
        project.id = new_id();
        self.check_project(&mut project)?;
        let id = project.id.clone();
        let doc = ProjectDoc::new(project);
        self.create_documents(Kind::Project, &[(id.clone(), doc.clone())], |live, doc| {
            super::open::reconcile_whole(live, doc)
        })?;
        self.projects.insert(id.clone(), doc);
        Ok(id)
    }

    /// Edits a project through `edit`; the result is validated before anything is written.
    pub fn edit_project(
        &mut self,
        key: &str,
        edit: impl FnOnce(&mut Project) -> Result<()>,
    ) -> Result<()> {
        let mut doc = self.project(key)?.clone();
        let id = doc.id().to_string();
        edit(&mut doc.project)?;
        doc.project.id = id.clone();
        self.check_project(&mut doc.project)?;
        let project = doc.project.clone();
        self.commit(&id, Kind::Project, "edit project", &doc, |am| {
            autosurgeon::reconcile_prop(am, ROOT, "project", &project).map_err(internal)
        })?;
        self.projects.insert(id, doc);
        Ok(())
    }

    /// Validates a project and resolves required training to course ids.
    fn check_project(&self, project: &mut Project) -> Result<()> {
        project.validate()?;
        let mut courses = crate::model::Tags::new();
        for key in project.required_training.iter() {
            let course = self.course(key)?;
            courses.insert(&course.id);
        }
        project.required_training = courses;
        Ok(())
    }
}
