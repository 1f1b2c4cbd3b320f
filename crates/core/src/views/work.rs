//! A person's work: what they contributed, how they were thanked, their
//! hours by kind of work, and the kind a new contribution is filed under.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::Result;
use crate::model::{
    AmbassadorDoc, Contribution, Day, Expense, Recognition, RecognitionKind, Review, Stream, units,
};
use crate::sanctuary::Sanctuary;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContributionRow {
    pub id: String,
    pub project_id: Option<String>,
    pub project_title: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: Day,
    pub role: String,
    pub stream: Stream,
    /// Hours as people write them, e.g. `1.5`.
    pub hours: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecognitionRow {
    pub id: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: Day,
    pub kind: RecognitionKind,
    /// Formatted, e.g. `£12.50`.
    pub amount: Option<String>,
    pub description: Option<String>,
    pub contribution_id: Option<String>,
    pub project_id: Option<String>,
    pub project_title: Option<String>,
    /// For reimbursements: receipt, approval and status.
    pub expense: Option<Expense>,
    /// Set when the entry was flagged for review.
    pub review: Option<Review>,
}

/// Hours of one kind of work (a project stream), e.g. `schools`, `4.5`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HoursByKind {
    pub stream: Stream,
    pub hours: String,
}

/// A work log: contributions and recognition, each newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WorkLog {
    pub contributions: Vec<ContributionRow>,
    pub recognition: Vec<RecognitionRow>,
}

impl ContributionRow {
    pub fn new(c: &Contribution, project_title: Option<String>) -> ContributionRow {
        ContributionRow {
            id: c.id.clone(),
            project_id: c.project_id.clone(),
            project_title,
            date: c.date,
            role: c.role.clone(),
            stream: c.stream,
            hours: units::format_hours(u64::from(c.minutes)),
        }
    }
}

impl RecognitionRow {
    pub fn new(r: &Recognition, project_title: Option<String>) -> RecognitionRow {
        RecognitionRow {
            id: r.id.clone(),
            date: r.date,
            kind: r.kind,
            amount: r.amount_pence.map(units::format_pounds),
            description: r.description.clone(),
            contribution_id: r.contribution_id.clone(),
            project_id: r.project_id.clone(),
            project_title,
            expense: r.expense.clone(),
            review: r.review.clone(),
        }
    }
}

/// `person`'s contributions and recognition whose project passes `keep`,
/// newest first. `title` names a project by id: the whole network's for a
/// coordinator, only the person's own projects in self-view.
pub fn work_log(
    person: &AmbassadorDoc,
    keep: impl Fn(Option<&str>) -> bool,
    title: impl Fn(&str) -> Option<String>,
) -> WorkLog {
    let title_of = |id: &Option<String>| id.as_deref().and_then(&title);
    let mut contributions: Vec<ContributionRow> = person
        .contributions
        .values()
        .filter(|c| keep(c.project_id.as_deref()))
        .map(|c| ContributionRow::new(c, title_of(&c.project_id)))
        .collect();
    contributions.sort_by(|a, b| (b.date, &b.id).cmp(&(a.date, &a.id)));
    let mut recognition: Vec<RecognitionRow> = person
        .recognition
        .values()
        .filter(|r| keep(r.project_id.as_deref()))
        .map(|r| RecognitionRow::new(r, title_of(&r.project_id)))
        .collect();
    recognition.sort_by(|a, b| (b.date, &b.id).cmp(&(a.date, &a.id)));
    WorkLog {
        contributions,
        recognition,
    }
}

/// Hours by kind of work, in the vocabulary's order, kinds with no hours left out.
pub fn hours_by_kind(person: &AmbassadorDoc) -> Vec<HoursByKind> {
    let mut minutes: BTreeMap<Stream, u64> = BTreeMap::new();
    for c in person.contributions.values() {
        *minutes.entry(c.stream).or_default() += u64::from(c.minutes);
    }
    minutes
        .into_iter()
        .map(|(stream, minutes)| HoursByKind {
            stream,
            hours: units::format_hours(minutes),
        })
        .collect()
}

/// The kind of work a new contribution is filed under: the one given, else
/// its project's stream, else `other`. Refuses a project that does not exist.
pub fn contribution_stream(
    s: &Sanctuary,
    project: Option<&str>,
    given: Option<Stream>,
) -> Result<Stream> {
    let project_stream = match project {
        Some(p) => Some(s.project(p)?.project.stream),
        None => None,
    };
    Ok(given.or(project_stream).unwrap_or(Stream::Other))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Profile;

    fn contribution(id: &str, date: &str, stream: Stream, minutes: u32) -> Contribution {
        Contribution {
            id: id.into(),
            project_id: Some(format!("p-{id}")),
            date: date.parse().unwrap(),
            role: "Speaker".into(),
            stream,
            minutes,
        }
    }

    fn person() -> AmbassadorDoc {
        let mut doc = AmbassadorDoc::new(Profile::new(
            "a1".into(),
            "Amal",
            "Leeds",
            "2020-01-01".parse().unwrap(),
        ));
        for c in [
            contribution("c1", "2024-01-01", Stream::Schools, 90),
            contribution("c2", "2024-03-01", Stream::Health, 60),
            contribution("c3", "2024-02-01", Stream::Schools, 30),
        ] {
            doc.contributions.insert(c.id.clone(), c);
        }
        doc
    }

    #[test]
    fn hours_add_up_by_kind_in_vocabulary_order() {
        let hours: Vec<_> = hours_by_kind(&person())
            .into_iter()
            .map(|h| (h.stream, h.hours))
            .collect();
        assert_eq!(
            hours,
            [(Stream::Schools, "2".into()), (Stream::Health, "1".into())]
        );
    }

    #[test]
    fn work_log_is_newest_first_and_keeps_only_what_is_asked() {
        let log = work_log(
            &person(),
            |p| p != Some("p-c2"),
            |id| Some(id.to_uppercase()),
        );
        let rows: Vec<_> = log
            .contributions
            .iter()
            .map(|c| (c.id.as_str(), c.project_title.as_deref()))
            .collect();
        assert_eq!(rows, [("c3", Some("P-C3")), ("c1", Some("P-C1"))]);
        assert_eq!(log.contributions[1].hours, "1.5");
    }
}
