//! "You said, we did" outcomes on projects, and pathways on profiles.
//!
//! Both are maps keyed by record id (an outcome in its project's document,
//! a pathway in its person's), each entry written with `reconcile_prop` on
//! that one entry, so two laptops adding at once both keep theirs.

use super::Sanctuary;
use super::ambassadors::internal;
use crate::documents::{Kind, root_map};
use crate::error::{CoreError, Result};
use crate::matching::{Code, Param};
use crate::model::Thing;
use crate::model::{Day, Field, Invalid, Outcome, Pathway, new_id};
use crate::views::{self, OutcomeRow};

impl Sanctuary {
    /// Records what changed on `project` (id, id prefix or title) because
    /// of the ambassadors' input. Returns the outcome's id.
    pub fn add_outcome(&mut self, project: &str, mut outcome: Outcome) -> Result<String> {
        outcome.id = new_id();
        outcome.text = outcome.text.trim().to_string();
        outcome.recorded_by = outcome.recorded_by.trim().to_string();
        outcome.validate()?;
        let mut doc = self.project(project)?.clone();
        let id = doc.id().to_string();
        doc.outcomes.insert(outcome.id.clone(), outcome.clone());
        self.commit(&id, Kind::Project, "outcome", &doc, |am| {
            let obj = root_map(am, "outcomes")?;
            autosurgeon::reconcile_prop(am, obj, outcome.id.as_str(), &outcome).map_err(internal)
        })?;
        self.projects.insert(id, doc);
        Ok(outcome.id)
    }

    /// The outcomes of every project `person` took part in, newest first:
    /// what their self-view and record show.
    pub fn outcomes_for(&self, person: &str) -> Result<Vec<OutcomeRow>> {
        let person = self.ambassador(person)?;
        Ok(views::outcomes_for(person, self.projects.values()))
    }

    /// Adds a role to `person`'s pathway. Returns the pathway's id.
    pub fn add_pathway(&mut self, person: &str, mut pathway: Pathway) -> Result<String> {
        pathway.id = new_id();
        pathway.note = pathway
            .note
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty());
        pathway.validate()?;
        self.write_pathway(person, pathway)
    }

    /// Records the last day of a role on `person`'s pathway (`id` or a
    /// unique prefix of it).
    pub fn end_pathway(&mut self, person: &str, id: &str, to: Day) -> Result<String> {
        let doc = self.ambassador(person)?;
        let matching: Vec<&Pathway> = doc
            .pathways
            .values()
            .filter(|p| p.id.starts_with(id.trim()) && !id.trim().is_empty())
            .collect();
        let mut pathway = match matching.as_slice() {
            [one] => (*one).clone(),
            [] => {
                return Err(CoreError::NotFound {
                    what: Thing::Pathway,
                    key: id.to_string(),
                });
            }
            _ => {
                return Err(CoreError::Invalid(
                    Invalid::new(
                        Field::Pathway,
                        Code::InvalidAmbiguous,
                        format!("'{id}' matches more than one role; give more of the id"),
                    )
                    .with("value", Param::Text(id.to_string())),
                ));
            }
        };
        pathway.to = Some(to);
        pathway.validate()?;
        self.write_pathway(person, pathway)
    }

    fn write_pathway(&mut self, person: &str, pathway: Pathway) -> Result<String> {
        let mut doc = self.ambassador(person)?.clone();
        let id = doc.id().to_string();
        doc.pathways.insert(pathway.id.clone(), pathway.clone());
        self.commit(&id, Kind::Ambassador, "pathway", &doc, |am| {
            let obj = root_map(am, "pathways")?;
            autosurgeon::reconcile_prop(am, obj, pathway.id.as_str(), &pathway).map_err(internal)
        })?;
        self.ambassadors.insert(id, doc);
        Ok(pathway.id)
    }
}

#[cfg(test)]
mod tests {
    use crate::demo::demo_store;
    use crate::model::{Outcome, Pathway, PathwayRole};

    fn outcome(text: &str) -> Outcome {
        Outcome {
            id: String::new(),
            date: "2026-04-01".parse().unwrap(),
            text: text.into(),
            recorded_by: "Sam".into(),
        }
    }

    #[test]
    fn outcomes_and_pathways_survive_reopening_and_bad_input_changes_nothing() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("s");
        let mut s = demo_store(&path, 6);
        let project = s.projects()[0].id().to_string();
        let person = s.ambassadors()[0].id().to_string();

        let before = s.project(&project).unwrap().clone();
        assert!(s.add_outcome(&project, outcome("   ")).is_err());
        let mut unsigned = outcome("Kept the panel");
        unsigned.recorded_by = " ".into();
        assert!(s.add_outcome(&project, unsigned).is_err());
        assert_eq!(s.project(&project).unwrap(), &before);

        let o = s
            .add_outcome(&project, outcome("  The guidance now says who to call.  "))
            .unwrap();
        let p = s
            .add_pathway(
                &person,
                Pathway {
                    id: String::new(),
                    role: PathwayRole::SteeringGroup,
                    from: "2026-01-01".parse().unwrap(),
                    to: None,
                    note: Some(" ".into()),
                },
            )
            .unwrap();
        let backwards = Pathway {
            id: String::new(),
            role: PathwayRole::Trustee,
            from: "2026-01-01".parse().unwrap(),
            to: Some("2025-01-01".parse().unwrap()),
            note: None,
        };
        let err = s.add_pathway(&person, backwards).unwrap_err();
        assert!(
            err.to_string()
                .contains("ends (2025-01-01) before it starts"),
            "{err}"
        );
        assert!(
            s.end_pathway(&person, &p, "2025-12-31".parse().unwrap())
                .is_err()
        );
        s.end_pathway(&person, &p[..8], "2026-06-30".parse().unwrap())
            .unwrap();
        drop(s);

        let passphrase = sanctuary_store::SecretString::from("a test passphrase".to_string());
        let s = crate::Sanctuary::open(&path, &passphrase).unwrap();
        let stored = &s.project(&project).unwrap().outcomes[&o];
        assert_eq!(stored.text, "The guidance now says who to call.");
        let pathway = &s.ambassador(&person).unwrap().pathways[&p];
        assert_eq!(pathway.to, Some("2026-06-30".parse().unwrap()));
        assert_eq!(pathway.note, None);
        assert_eq!(s.ambassador(&person).unwrap().pathways.len(), 1);
    }
}
