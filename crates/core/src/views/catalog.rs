//! The catalog as the training screen shows it: courses by title, and the
//! skills and interests vocabulary. A course is the core's own `Course`
//! (it derives ts-rs: the app's course form sends and receives that shape).

use serde::Serialize;

use crate::model::{Catalog, Course};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CatalogView {
    /// By title, as `course list` orders them.
    pub courses: Vec<Course>,
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub skills: crate::model::Tags,
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub interests: crate::model::Tags,
}

/// Every course by title whatever its case, ties by id so every laptop
/// lists them alike: the order of the training screen and `course list`.
pub fn courses_by_title(catalog: &Catalog) -> Vec<&Course> {
    let mut all: Vec<&Course> = catalog.courses.values().collect();
    all.sort_by_cached_key(|c| (c.title.to_lowercase(), c.id.as_str()));
    all
}

/// The catalog as the training screen shows it.
pub fn catalog_view(catalog: &Catalog) -> CatalogView {
    CatalogView {
        courses: courses_by_title(catalog).into_iter().cloned().collect(),
        skills: catalog.skills.clone(),
        interests: catalog.interests.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tags;

    #[test]
    fn courses_by_title_whatever_their_case() {
        let mut catalog = Catalog::default();
        for (id, title) in [
            ("c1", "safeguarding"),
            ("c2", "Assessment"),
            ("c3", "Media"),
        ] {
            catalog
                .courses
                .insert(id.into(), Course::new(id.into(), title));
        }
        catalog.skills = Tags::from_words(["Listening", "chairing"]);
        let view = catalog_view(&catalog);
        let titles: Vec<&str> = view.courses.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Assessment", "Media", "safeguarding"]);
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["skills"], serde_json::json!(["chairing", "listening"]));
        assert_eq!(json["courses"][0]["languages"], serde_json::json!([]));
    }
}
