//! The catalog: training courses and the skills and interests vocabulary.

use automerge::ROOT;

use super::ambassadors::internal;
use super::{CATALOG_DOC, Sanctuary, find_one};
use crate::documents::{Kind, root_map};
use crate::error::{CoreError, Result};
use crate::model::Thing;
use crate::model::{Catalog, Course, Tags, new_id};

impl Sanctuary {
    /// Every course, by title (in the order the app's catalog shows them).
    pub fn courses(&self) -> Vec<&Course> {
        crate::views::courses_by_title(&self.catalog)
    }

    /// Finds a course by id, id prefix or title.
    pub fn course(&self, key: &str) -> Result<&Course> {
        find_one(Thing::Course, key, self.catalog.courses.iter(), |c| {
            c.title.as_str()
        })
    }

    /// Adds a course; prerequisites may be given by id or title and are
    /// stored as ids. The title is trimmed and languages written as tags
    /// here, so a course from the app's form (JSON, as typed) and one from
    /// the CLI are stored alike.
    pub fn add_course(&mut self, mut course: Course) -> Result<String> {
        course.id = new_id();
        course.title = course.title.trim().to_string();
        course.languages = Tags::from_words(course.languages.iter());
        let mut prerequisites = Tags::new();
        for key in course.prerequisites.iter() {
            prerequisites.insert(&self.course(key)?.id);
        }
        course.prerequisites = prerequisites;
        course.validate()?;
        if self
            .catalog
            .courses
            .values()
            .any(|c| c.title.eq_ignore_ascii_case(&course.title))
        {
            return Err(CoreError::Invalid(
                crate::model::Invalid::new(
                    crate::model::Field::CourseTitle,
                    crate::matching::Code::InvalidAlreadyExists,
                    format!("a course called '{}' already exists", course.title),
                )
                .with("value", crate::matching::Param::Text(course.title.clone())),
            ));
        }
        let id = course.id.clone();
        let mut catalog = self.catalog.clone();
        catalog.courses.insert(id.clone(), course.clone());
        self.commit(CATALOG_DOC, Kind::Catalog, "add course", &catalog, |am| {
            let courses = root_map(am, "courses")?;
            autosurgeon::reconcile_prop(am, courses, id.as_str(), &course).map_err(internal)
        })?;
        self.catalog = catalog;
        Ok(id)
    }

    /// Adds words to the shared skills and interests vocabulary.
    pub fn extend_vocabulary(&mut self, skills: &Tags, interests: &Tags) -> Result<()> {
        let mut catalog: Catalog = self.catalog.clone();
        catalog.skills.0.extend(skills.0.iter().cloned());
        catalog.interests.0.extend(interests.0.iter().cloned());
        if catalog == self.catalog {
            return Ok(());
        }
        let (new_skills, new_interests) = (catalog.skills.clone(), catalog.interests.clone());
        self.commit(CATALOG_DOC, Kind::Catalog, "vocabulary", &catalog, |am| {
            autosurgeon::reconcile_prop(&mut *am, ROOT, "skills", &new_skills).map_err(internal)?;
            autosurgeon::reconcile_prop(am, ROOT, "interests", &new_interests).map_err(internal)
        })?;
        self.catalog = catalog;
        Ok(())
    }
}
