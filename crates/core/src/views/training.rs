//! How a person's training stands: one rule for the state of every record
//! (never expires, valid, expiring soon, expired, or renewed by a later
//! completion of the same course) and the people a reminder is due for.

use serde::Serialize;

use crate::model::{AmbassadorDoc, Catalog, Day};
use crate::sanctuary::{Sanctuary, reminder_band, standings};

/// The state of one training record, as the badge and the CLI name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ExpiryState {
    /// The course never expires.
    Never,
    Valid,
    /// Within the widest reminder band (60 days) of expiring.
    ExpiringSoon,
    Expired,
    /// A later completion of the same course replaced this one.
    Renewed,
}

impl ExpiryState {
    /// The stable word (as JSON writes it), for the CLI's tables.
    pub fn as_str(self) -> &'static str {
        match self {
            ExpiryState::Never => "never",
            ExpiryState::Valid => "valid",
            ExpiryState::ExpiringSoon => "expiring-soon",
            ExpiryState::Expired => "expired",
            ExpiryState::Renewed => "renewed",
        }
    }
}

/// The state of a latest completion with `days_left` until it expires
/// (`None`: the course never expires).
pub fn expiry_state(days_left: Option<i64>) -> ExpiryState {
    match days_left {
        None => ExpiryState::Never,
        Some(d) if d < 0 => ExpiryState::Expired,
        Some(d) if reminder_band(d).is_some() => ExpiryState::ExpiringSoon,
        Some(_) => ExpiryState::Valid,
    }
}

/// One training record with its course and where it stands today.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrainingRow {
    pub id: String,
    pub course_id: String,
    pub course_title: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub completed: Day,
    /// When this completion stops being valid; `None` if the course never expires.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub expires: Option<Day>,
    pub expiry: ExpiryState,
    /// Days until the latest completion of this course expires (negative
    /// once expired); `None` if it never expires or was renewed.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub days_left: Option<i64>,
    pub trainer: Option<String>,
    pub evidence: Option<String>,
    pub confidence_before: Option<u8>,
    pub confidence_after: Option<u8>,
    pub place: Option<String>,
    pub reflection: Option<String>,
}

/// Every training record of `person`, newest first, each with its state.
/// Only the latest completion of a course counts; earlier ones are renewed.
pub fn training_rows(person: &AmbassadorDoc, catalog: &Catalog, today: Day) -> Vec<TrainingRow> {
    let standings = standings(person, catalog, today);
    let mut rows: Vec<TrainingRow> = person
        .training
        .values()
        .map(|t| {
            let course = catalog.courses.get(&t.course_id);
            let standing = standings
                .iter()
                .find(|c| c.course_id == t.course_id && c.completed == t.completed);
            TrainingRow {
                id: t.id.clone(),
                course_id: t.course_id.clone(),
                course_title: course.map_or_else(|| t.course_id.clone(), |c| c.title.clone()),
                completed: t.completed,
                expires: course.and_then(|c| c.expiry(t.completed)),
                expiry: standing.map_or(ExpiryState::Renewed, |c| expiry_state(c.days_left)),
                days_left: standing.and_then(|c| c.days_left),
                trainer: t.trainer.clone(),
                evidence: t.evidence.clone(),
                confidence_before: t.confidence_before,
                confidence_after: t.confidence_after,
                place: t.place.clone(),
                reflection: t.reflection.clone(),
            }
        })
        .collect();
    rows.sort_by(|a, b| (b.completed, &b.id).cmp(&(a.completed, &a.id)));
    rows
}

/// One person's latest completion of a course that has expired or expires soon.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExpiringTraining {
    pub ambassador_id: String,
    pub display_name: String,
    pub course_id: String,
    pub course_title: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub completed: Day,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub expires: Option<Day>,
    pub state: ExpiryState,
    /// Days until it expires; negative once expired.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub days_left: Option<i64>,
    /// The reminder band it is in: 7, 30 or 60 days; `None` once expired.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub reminder: Option<i64>,
}

/// Active people whose latest completion expires within `days` (and, with
/// `include_expired`, has expired), soonest first.
pub fn expiring(
    s: &Sanctuary,
    today: Day,
    days: i64,
    include_expired: bool,
) -> Vec<ExpiringTraining> {
    s.expiring(today, days, include_expired)
        .into_iter()
        .map(|c| ExpiringTraining {
            state: expiry_state(c.days_left),
            reminder: c.days_left.and_then(reminder_band),
            ambassador_id: c.ambassador_id,
            display_name: c.display_name,
            course_id: c.course_id,
            course_title: c.course_title,
            completed: c.completed,
            expires: c.expires,
            days_left: c.days_left,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Course, Profile, TrainingRecord};

    #[test]
    fn states_by_days_left() {
        let cases = [
            (None, ExpiryState::Never),
            (Some(-1), ExpiryState::Expired),
            (Some(0), ExpiryState::ExpiringSoon),
            (Some(60), ExpiryState::ExpiringSoon),
            (Some(61), ExpiryState::Valid),
        ];
        for (days_left, expect) in cases {
            assert_eq!(expiry_state(days_left), expect, "{days_left:?}");
        }
    }

    fn day(text: &str) -> Day {
        text.parse().unwrap()
    }

    #[test]
    fn an_earlier_completion_is_renewed_not_expired() {
        let mut catalog = Catalog::default();
        let mut course = Course::new("c1".into(), "Safeguarding");
        course.validity_months = Some(12);
        catalog.courses.insert("c1".into(), course);
        let mut person = AmbassadorDoc::new(Profile::new(
            "a1".into(),
            "Amal",
            "Leeds",
            day("2020-01-01"),
        ));
        for (id, completed) in [("t1", "2022-01-10"), ("t2", "2024-01-10")] {
            let mut record = TrainingRecord::new("c1", day(completed));
            record.id = id.into();
            person.training.insert(id.into(), record);
        }
        let rows = training_rows(&person, &catalog, day("2024-06-01"));
        let states: Vec<_> = rows.iter().map(|r| (r.id.as_str(), r.expiry)).collect();
        assert_eq!(
            states,
            [("t2", ExpiryState::Valid), ("t1", ExpiryState::Renewed)]
        );
        assert_eq!(rows[0].expires, Some(day("2025-01-10")));
        assert_eq!(rows[1].days_left, None);
        let json = serde_json::to_value(&rows[1]).unwrap();
        assert_eq!(json["expiry"], "renewed");
        assert_eq!(json["completed"], "2022-01-10");
    }
}
