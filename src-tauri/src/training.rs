//! How training stands, as the UI shows it: the core works out each
//! person's latest completion of each course and its days left
//! ([`sanctuary_core::standings`], [`Sanctuary::expiring`]); this names the
//! state of each record for a badge and the reminder band (60, 30, 7 days)
//! the home screen groups them by.

use sanctuary_core::model::Day;
use sanctuary_core::{Sanctuary, reminder_band};
use serde::Serialize;
use ts_rs::TS;

use crate::dto::catalog::ExpiringTraining;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
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

/// The state of a latest completion with `days_left` until it expires.
pub fn expiry_state(days_left: Option<i64>) -> ExpiryState {
    match days_left {
        None => ExpiryState::Never,
        Some(d) if d < 0 => ExpiryState::Expired,
        Some(d) if reminder_band(d).is_some() => ExpiryState::ExpiringSoon,
        Some(_) => ExpiryState::Valid,
    }
}

/// People whose latest completion has expired or expires within `days`,
/// soonest first (the core's query).
pub fn expiring(s: &Sanctuary, today: Day, days: i64) -> Vec<ExpiringTraining> {
    s.expiring(today, days, true)
        .into_iter()
        .map(|c| ExpiringTraining {
            state: expiry_state(c.days_left),
            ambassador_id: c.ambassador_id,
            display_name: c.display_name,
            course_id: c.course_id,
            course_title: c.course_title,
            completed: c.completed.to_string(),
            expires: c.expires.map(|d| d.to_string()).unwrap_or_default(),
            days_left: c.days_left,
            reminder: c.days_left.and_then(reminder_band),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
