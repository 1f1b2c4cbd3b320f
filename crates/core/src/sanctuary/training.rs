//! Training: sessions that record a course for every attendee in one step,
//! and what has expired or is about to, computed from the catalog every time
//! it is asked (so a record goes out of date without anyone touching it).

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::Sanctuary;
use super::ambassadors::internal;
use crate::documents::{Kind, root_map};
use crate::error::{CoreError, Result};
use crate::model::{AmbassadorDoc, Catalog, Course, Day, Status, TrainingRecord, new_id};

/// A training session: one course on one day, for several people.
#[derive(Debug, Clone)]
pub struct TrainingSession {
    /// Course id, id prefix or title.
    pub course: String,
    pub date: Day,
    pub trainer: Option<String>,
    /// Where it was held; "Online" for an online session.
    pub place: Option<String>,
    /// Ambassadors (id, id prefix or name) who completed it.
    pub attendees: Vec<String>,
}

/// Where one person stands with one course: their latest completion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourseStanding {
    pub ambassador_id: String,
    pub display_name: String,
    pub course_id: String,
    pub course_title: String,
    pub completed: Day,
    /// `None` for a course that never expires.
    pub expires: Option<Day>,
    /// Days from today to expiry; negative once expired.
    pub days_left: Option<i64>,
}

impl CourseStanding {
    pub fn is_expired(&self) -> bool {
        self.days_left.is_some_and(|d| d < 0)
    }
}

/// The reminder bands: a course shows a reminder 60, 30 and 7 days before it expires.
pub const REMINDER_DAYS: [i64; 3] = [60, 30, 7];

/// The band a number of days left falls in: 7, 30 or 60 (the tightest that
/// applies), or `None` when expiry is further away or already past.
pub fn reminder_band(days_left: i64) -> Option<i64> {
    if days_left < 0 {
        return None;
    }
    REMINDER_DAYS
        .iter()
        .rev()
        .copied()
        .find(|band| days_left <= *band)
}

/// Each course's latest completion for one person, by course title.
pub fn standings(person: &AmbassadorDoc, catalog: &Catalog, today: Day) -> Vec<CourseStanding> {
    let mut latest: BTreeMap<&str, &TrainingRecord> = BTreeMap::new();
    for record in person.training.values() {
        let newer = latest
            .get(record.course_id.as_str())
            .is_none_or(|seen| (record.completed, &record.id) > (seen.completed, &seen.id));
        if newer {
            latest.insert(&record.course_id, record);
        }
    }
    let mut out: Vec<CourseStanding> = latest
        .into_values()
        .map(|record| {
            let course: Option<&Course> = catalog.courses.get(&record.course_id);
            let expires = course.and_then(|c| c.expiry(record.completed));
            CourseStanding {
                ambassador_id: person.id().to_string(),
                display_name: person.profile.display_name.clone(),
                course_id: record.course_id.clone(),
                course_title: course.map_or_else(|| "(unknown course)".into(), |c| c.title.clone()),
                completed: record.completed,
                expires,
                days_left: expires.map(|e| today.days_until(e)),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.course_title
            .to_lowercase()
            .cmp(&b.course_title.to_lowercase())
    });
    out
}

impl Sanctuary {
    /// Records a course for every attendee in one transaction: everyone or no one.
    pub fn record_session(&mut self, session: TrainingSession) -> Result<Vec<(String, String)>> {
        let course = self.course(&session.course)?.clone();
        if session.attendees.is_empty() {
            return Err(CoreError::Invalid(crate::model::Invalid::new(
                crate::model::Field::Attendees,
                crate::matching::Code::InvalidNoAttendees,
                "a session needs at least one attendee",
            )));
        }
        let session_id = new_id();
        let mut seen = HashSet::new();
        let mut docs = Vec::new();
        let mut made = Vec::new();
        for key in &session.attendees {
            let person = self.ambassador(key)?;
            let id = person.id().to_string();
            if !seen.insert(id.clone()) {
                continue; // The same person named twice attended once.
            }
            let mut record = TrainingRecord::new(&course.id, session.date);
            record.id = new_id();
            record.trainer = session.trainer.clone();
            record.place = session.place.clone();
            record.session_id = Some(session_id.clone());
            record.validate()?;
            self.check_prerequisites(person, &course, session.date)?;
            let mut doc = person.clone();
            doc.training.insert(record.id.clone(), record.clone());
            made.push((id.clone(), record.id.clone()));
            docs.push((id, doc));
        }
        let records: BTreeMap<&str, &TrainingRecord> = docs
            .iter()
            .zip(&made)
            .filter_map(|((id, doc), (_, record))| Some((id.as_str(), doc.training.get(record)?)))
            .collect();
        self.commit_batch(Kind::Ambassador, "training session", &docs, |id, am| {
            let record = records
                .get(id)
                .ok_or_else(|| CoreError::Internal(format!("session record for {id} vanished")))?;
            let training = root_map(am, "training")?;
            autosurgeon::reconcile_prop(am, training, record.id.as_str(), *record).map_err(internal)
        })?;
        for (id, doc) in docs {
            self.ambassadors.insert(id, doc);
        }
        Ok(made)
    }

    /// Refuses a completion whose prerequisites were not completed on or before `date`.
    pub(super) fn check_prerequisites(
        &self,
        person: &AmbassadorDoc,
        course: &Course,
        date: Day,
    ) -> Result<()> {
        for prerequisite in course.prerequisites.iter() {
            let done = person
                .training
                .values()
                .any(|t| t.course_id == prerequisite && t.completed <= date);
            if !done {
                let title = self
                    .catalog
                    .courses
                    .get(prerequisite)
                    .map_or(prerequisite, |c| c.title.as_str());
                return Err(CoreError::Prerequisite {
                    course: title.to_string(),
                    name: person.profile.display_name.clone(),
                    before: course.title.clone(),
                });
            }
        }
        Ok(())
    }

    /// `key`'s training and contribution record as a printable document.
    pub fn record_report(
        &self,
        key: &str,
        today: Day,
        lang: &crate::record::RecordLanguage,
    ) -> Result<sanctuary_report::RecordReport> {
        let person = self.ambassador(key)?;
        let outcomes = crate::views::outcomes_for(person, self.projects.values());
        Ok(crate::record::record_report(
            person,
            &self.catalog,
            |id| self.projects.get(id).map(|p| p.project.title.clone()),
            &outcomes,
            &self.network.name,
            today,
            lang,
        ))
    }

    /// `key`'s record with the travel and meal costs paid back added
    /// (receipt, amount, status, who approved): for the person's or the
    /// network's own files. A record for a CV is [`Sanctuary::record_report`].
    pub fn record_report_with_expenses(
        &self,
        key: &str,
        today: Day,
        lang: &crate::record::RecordLanguage,
    ) -> Result<sanctuary_report::RecordReport> {
        let mut report = self.record_report(key, today, lang)?;
        report.expenses = crate::record::expense_lines(self.ambassador(key)?, lang);
        Ok(report)
    }

    /// One person's latest completion of each course, with expiry.
    pub fn course_standings(&self, key: &str, today: Day) -> Result<Vec<CourseStanding>> {
        Ok(standings(self.ambassador(key)?, &self.catalog, today))
    }

    /// Across the network (active and paused people, not archived): latest
    /// completions that expire within `days` from `today`, soonest first;
    /// with `include_expired`, also those already past.
    pub fn expiring(&self, today: Day, days: i64, include_expired: bool) -> Vec<CourseStanding> {
        let mut out: Vec<CourseStanding> = self
            .ambassadors
            .values()
            .filter(|d| !d.profile.archived && d.profile.status != Status::Alumni)
            .flat_map(|d| standings(d, &self.catalog, today))
            .filter(|s| {
                s.days_left
                    .is_some_and(|left| left <= days && (include_expired || left >= 0))
            })
            .collect();
        out.sort_by(|a, b| {
            (a.days_left, &a.display_name, &a.course_title).cmp(&(
                b.days_left,
                &b.display_name,
                &b.course_title,
            ))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminder_bands_are_the_tightest_that_applies() {
        let cases = [
            (61, None),
            (60, Some(60)),
            (31, Some(60)),
            (30, Some(30)),
            (8, Some(30)),
            (7, Some(7)),
            (0, Some(7)),
            (-1, None),
        ];
        for (days, band) in cases {
            assert_eq!(reminder_band(days), band, "{days} days left");
        }
    }
}
