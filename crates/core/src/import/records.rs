//! What the store already holds, indexed for matching rows against it, and
//! training and contribution rows, each added to the person it names.

use std::collections::HashMap;

use super::identity::{email_key, name_key, phone_key, profile_keys};
use super::problems::{DuplicateCode, ProblemCode, RowProblem};
use super::{DuplicateRow, Plan, RejectedRow, Row, parse_day};
use crate::model::{
    AmbassadorDoc, Catalog, Contribution, Profile, ProjectDoc, Stream, TrainingRecord, new_id,
};

/// The people, courses and projects already stored, with match keys.
pub(crate) struct Existing<'a> {
    people: &'a HashMap<String, AmbassadorDoc>,
    by_key: HashMap<String, Vec<&'a str>>,
    catalog: &'a Catalog,
    projects: &'a HashMap<String, ProjectDoc>,
}

impl<'a> Existing<'a> {
    pub fn new(
        people: &'a HashMap<String, AmbassadorDoc>,
        catalog: &'a Catalog,
        projects: &'a HashMap<String, ProjectDoc>,
    ) -> Existing<'a> {
        let mut by_key: HashMap<String, Vec<&'a str>> = HashMap::new();
        for doc in people.values() {
            for (_, key) in profile_keys(&doc.profile) {
                let ids = by_key.entry(key).or_default();
                if !ids.contains(&doc.id()) {
                    ids.push(doc.id());
                }
            }
        }
        Existing {
            people,
            by_key,
            catalog,
            projects,
        }
    }

    pub fn get(&self, id: &str) -> Option<&'a AmbassadorDoc> {
        self.people.get(id)
    }

    /// Stored people sharing a key with `p`, each once, with the first reason.
    pub fn people_matching(&self, p: &Profile) -> Vec<(&'a AmbassadorDoc, DuplicateCode)> {
        let mut found: Vec<(&'a AmbassadorDoc, DuplicateCode)> = Vec::new();
        for (why, key) in profile_keys(p) {
            for id in self.by_key.get(&key).into_iter().flatten() {
                if let Some(doc) = self.people.get(*id)
                    && !found.iter().any(|(d, _)| d.id() == doc.id())
                    && (why != DuplicateCode::SameName
                        || super::identity::compatible(&doc.profile, p))
                {
                    found.push((doc, why));
                }
            }
        }
        found
    }

    /// The one stored person a training or contribution row names.
    fn person(&self, row: &Row<'_>) -> Result<&'a AmbassadorDoc, RowProblem> {
        let name = row.text("name").or_else(|| {
            let parts: Vec<String> = ["first-name", "surname"]
                .iter()
                .filter_map(|f| row.text(f))
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        });
        let keys = [
            row.text("email").as_deref().and_then(email_key),
            row.text("phone").as_deref().and_then(phone_key),
            name.as_deref().and_then(name_key),
        ];
        for key in keys.into_iter().flatten() {
            let ids: Vec<&str> = self.by_key.get(&key).cloned().unwrap_or_default();
            match ids.as_slice() {
                [] => continue,
                [one] => {
                    return self.people.get(*one).ok_or_else(|| {
                        RowProblem::new(
                            ProblemCode::UnknownPerson,
                            "name",
                            None,
                            "no such person".to_string(),
                        )
                    });
                }
                _ => {
                    return Err(RowProblem::new(
                        ProblemCode::AmbiguousPerson,
                        "name",
                        Some(&key),
                        format!("'{key}' matches more than one ambassador; add their email"),
                    ));
                }
            }
        }
        let who = name
            .or_else(|| row.text("email"))
            .or_else(|| row.text("phone"));
        Err(match who {
            Some(who) => RowProblem::new(
                ProblemCode::UnknownPerson,
                "name",
                Some(&who),
                format!("no ambassador matches '{who}'; import them first"),
            ),
            None => RowProblem::new(
                ProblemCode::NoPerson,
                "name",
                None,
                "the row names no ambassador".to_string(),
            ),
        })
    }
}

/// A record added to a stored person, reported as a duplicate when the
/// same one is already stored or came earlier in the file.
#[derive(Default)]
struct Adder {
    changed: HashMap<String, AmbassadorDoc>,
    first_row: HashMap<(String, String), usize>,
    plan: Plan,
}

impl Adder {
    fn reject(&mut self, row: usize, problems: Vec<RowProblem>) {
        self.plan.rejected.push(RejectedRow::new(row, problems));
    }

    /// Adds one record unless `identity` (what makes two records the same)
    /// is already stored (`stored`) or was added from an earlier row.
    fn add(
        &mut self,
        row: usize,
        person: &AmbassadorDoc,
        identity: String,
        stored: bool,
        insert: impl FnOnce(&mut AmbassadorDoc),
    ) {
        let key = (person.id().to_string(), identity);
        if stored {
            self.plan.duplicates.push(DuplicateRow::of_stored(
                row,
                &person.profile.display_name,
                DuplicateCode::AlreadyRecorded,
            ));
            return;
        }
        if let Some(first) = self.first_row.get(&key) {
            self.plan
                .duplicates
                .push(DuplicateRow::of_row(row, *first, DuplicateCode::SameRecord));
            return;
        }
        self.first_row.insert(key, row);
        let doc = self
            .changed
            .entry(person.id().to_string())
            .or_insert_with(|| person.clone());
        insert(doc);
        self.plan.created += 1;
    }

    fn finish(mut self) -> Plan {
        let mut changed: Vec<AmbassadorDoc> = self.changed.into_values().collect();
        changed.sort_by(|a, b| a.id().cmp(b.id()));
        self.plan.changed = changed;
        self.plan.rejected.sort_by_key(|r| r.row);
        self.plan
    }
}

/// Training rows: who, which course (by title or id), when.
pub(super) fn plan_training(rows: &[Row<'_>], store: &Existing<'_>) -> Plan {
    let mut adder = Adder::default();
    for row in rows {
        let person = store.person(row);
        let course = match row.text("course") {
            None => Err(RowProblem::empty(ProblemCode::EmptyCourse, "course")),
            Some(title) => store
                .catalog
                .courses
                .values()
                .find(|c| c.id == title || c.title.eq_ignore_ascii_case(&title))
                .ok_or_else(|| {
                    RowProblem::new(
                        ProblemCode::UnknownCourse,
                        "course",
                        Some(&title),
                        format!("unknown course '{title}'; add it to the catalog first"),
                    )
                }),
        };
        let date = row.cell("date").map_or_else(
            || Err(RowProblem::empty(ProblemCode::EmptyDate, "date")),
            |c| parse_day(c).map_err(|e| RowProblem::date("date", e)),
        );
        let (person, course, date) = match (person, course, date) {
            (Ok(p), Ok(c), Ok(d)) => (p, c, d),
            (p, c, d) => {
                let problems: Vec<RowProblem> =
                    [p.err(), c.err(), d.err()].into_iter().flatten().collect();
                adder.reject(row.number, problems);
                continue;
            }
        };
        let mut record = TrainingRecord::new(&course.id, date);
        record.id = new_id();
        record.trainer = row.text("trainer");
        record.place = row.text("place");
        if let Err(e) = record.validate() {
            adder.reject(row.number, vec![RowProblem::invalid(&e, None)]);
            continue;
        }
        let stored = person
            .training
            .values()
            .any(|t| t.course_id == course.id && t.completed == date);
        let identity = format!("{}|{date}", course.id);
        adder.add(row.number, person, identity, stored, |doc| {
            doc.training.insert(record.id.clone(), record);
        });
    }
    adder.finish()
}

/// Contribution rows: who, when, how many hours, doing what.
pub(super) fn plan_contributions(rows: &[Row<'_>], store: &Existing<'_>) -> Plan {
    let mut adder = Adder::default();
    for row in rows {
        let mut reasons = Vec::new();
        let person = store.person(row).map_err(|e| reasons.push(e)).ok();
        let date = row
            .cell("date")
            .map_or_else(
                || Err(RowProblem::empty(ProblemCode::EmptyDate, "date")),
                |c| parse_day(c).map_err(|e| RowProblem::date("date", e)),
            )
            .map_err(|e| reasons.push(e))
            .ok();
        let minutes = match row.text("hours") {
            None => Err(RowProblem::empty(ProblemCode::EmptyHours, "hours")),
            Some(h) => match h
                .trim_end_matches(['h', 'H', ' '])
                .replace(',', ".")
                .parse::<f64>()
            {
                Ok(hours) if hours > 0.0 && hours <= 24.0 => Ok((hours * 60.0).round() as u32),
                _ => Err(RowProblem::new(
                    ProblemCode::BadHours,
                    "hours",
                    Some(&h),
                    format!("'{h}' is not a number of hours between 0 and 24"),
                )),
            },
        }
        .map_err(|e| reasons.push(e))
        .ok();
        let stream = match row.text("stream") {
            None => Some(Stream::Other),
            Some(s) => s
                .parse::<Stream>()
                .map_err(|e| {
                    reasons.push(RowProblem::new(
                        ProblemCode::BadStream,
                        "stream",
                        Some(&s),
                        e.to_string(),
                    ))
                })
                .ok(),
        };
        let project = match row.text("project") {
            None => Some(None),
            Some(title) => store
                .projects
                .values()
                .find(|p| p.id() == title || p.project.title.eq_ignore_ascii_case(&title))
                .map(|p| Some(p.id().to_string()))
                .ok_or_else(|| {
                    reasons.push(RowProblem::new(
                        ProblemCode::UnknownProject,
                        "project",
                        Some(&title),
                        format!("unknown project '{title}'"),
                    ))
                })
                .ok(),
        };
        let (Some(person), Some(date), Some(minutes), Some(stream), Some(project)) =
            (person, date, minutes, stream, project)
        else {
            adder.reject(row.number, reasons);
            continue;
        };
        let contribution = Contribution {
            id: new_id(),
            project_id: project,
            date,
            role: row.text("role").unwrap_or_else(|| stream.to_string()),
            stream,
            minutes,
        };
        if let Err(e) = contribution.validate() {
            adder.reject(row.number, vec![RowProblem::invalid(&e, None)]);
            continue;
        }
        let same = |c: &Contribution| {
            c.date == date
                && c.minutes == minutes
                && c.role.eq_ignore_ascii_case(&contribution.role)
        };
        let stored = person.contributions.values().any(same);
        let identity = format!("{date}|{minutes}|{}", contribution.role.to_lowercase());
        adder.add(row.number, person, identity, stored, |doc| {
            doc.contributions
                .insert(contribution.id.clone(), contribution);
        });
    }
    adder.finish()
}
