//! When training runs out: the state of each record, and the people whose
//! training has expired or soon will.
//!
//! This is a small rule the core does not have yet (it knows each record's
//! expiry day, not "soon" nor which record a refresher replaced); it lives
//! here until the core offers it, and is tested here.

use std::collections::HashMap;

use sanctuary_core::Sanctuary;
use sanctuary_core::model::{AmbassadorDoc, Day, Status};
use serde::Serialize;
use ts_rs::TS;

use crate::dto::catalog::ExpiringTraining;

/// A record counts as expiring soon this many days before it expires.
pub const EXPIRING_SOON_DAYS: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ExpiryState {
    /// The course never expires.
    Never,
    Valid,
    ExpiringSoon,
    Expired,
    /// A later completion of the same course replaced this one.
    Renewed,
}

pub fn expiry_state(expires: Option<Day>, today: Day) -> ExpiryState {
    match expires {
        None => ExpiryState::Never,
        Some(day) if day < today => ExpiryState::Expired,
        Some(day) if today.days_until(day) <= EXPIRING_SOON_DAYS => ExpiryState::ExpiringSoon,
        Some(_) => ExpiryState::Valid,
    }
}

/// For each course someone completed, the id of their latest completion.
pub fn latest_per_course(doc: &AmbassadorDoc) -> HashMap<&str, &str> {
    let mut latest: HashMap<&str, (&Day, &str)> = HashMap::new();
    for t in doc.training.values() {
        let entry = latest
            .entry(t.course_id.as_str())
            .or_insert((&t.completed, t.id.as_str()));
        if (&t.completed, t.id.as_str()) > *entry {
            *entry = (&t.completed, t.id.as_str());
        }
    }
    latest.into_iter().map(|(c, (_, id))| (c, id)).collect()
}

/// Active ambassadors whose latest completion of a course has expired or
/// expires soon, soonest first.
pub fn expiring(s: &Sanctuary, today: Day) -> Vec<ExpiringTraining> {
    let mut out = Vec::new();
    for doc in s.ambassadors() {
        if doc.profile.status != Status::Active {
            continue;
        }
        for id in latest_per_course(doc).values() {
            let Some(record) = doc.training.get(*id) else {
                continue;
            };
            let Some(expires) = s.training_expiry(record) else {
                continue;
            };
            let state = expiry_state(Some(expires), today);
            if matches!(state, ExpiryState::Expired | ExpiryState::ExpiringSoon) {
                out.push(ExpiringTraining {
                    ambassador_id: doc.id().to_string(),
                    display_name: doc.profile.display_name.clone(),
                    course_id: record.course_id.clone(),
                    course_title: s
                        .catalog()
                        .courses
                        .get(&record.course_id)
                        .map_or_else(|| record.course_id.clone(), |c| c.title.clone()),
                    completed: record.completed.to_string(),
                    expires: expires.to_string(),
                    state,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.expires, &a.display_name, &a.ambassador_id).cmp(&(
            &b.expires,
            &b.display_name,
            &b.ambassador_id,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use sanctuary_core::model::{Profile, TrainingRecord};

    use super::*;

    fn day(s: &str) -> Day {
        s.parse().unwrap()
    }

    #[test]
    fn states_by_distance_to_expiry() {
        let today = day("2026-06-01");
        let cases = [
            (None, ExpiryState::Never),
            (Some("2026-05-31"), ExpiryState::Expired),
            (Some("2026-06-01"), ExpiryState::ExpiringSoon),
            (Some("2026-07-31"), ExpiryState::ExpiringSoon),
            (Some("2026-08-01"), ExpiryState::Valid),
        ];
        for (expires, expect) in cases {
            assert_eq!(expiry_state(expires.map(day), today), expect, "{expires:?}");
        }
    }

    #[test]
    fn the_latest_completion_of_a_course_counts() {
        let mut doc = AmbassadorDoc::new(Profile::new("a".into(), "A", "B", day("2020-01-01")));
        for (id, course, completed) in [
            ("r1", "c1", "2021-01-01"),
            ("r2", "c1", "2023-01-01"),
            ("r3", "c2", "2022-01-01"),
        ] {
            doc.training.insert(
                id.into(),
                TrainingRecord {
                    id: id.into(),
                    course_id: course.into(),
                    completed: day(completed),
                    trainer: None,
                    evidence: None,
                    confidence_before: None,
                    confidence_after: None,
                    place: None,
                    session_id: None,
                    reflection: None,
                },
            );
        }
        let latest = latest_per_course(&doc);
        assert_eq!(latest.get("c1"), Some(&"r2"));
        assert_eq!(latest.get("c2"), Some(&"r3"));
    }
}
