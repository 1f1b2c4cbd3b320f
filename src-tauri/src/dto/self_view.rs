//! Training sessions recorded for several people at once, as the form
//! sends them. The self-view page and the suggestions are the core's views
//! (`sanctuary_core::views`).

use sanctuary_core::TrainingSession;
use serde::Deserialize;
use ts_rs::TS;

use super::{day, opt_text};
use crate::error::ApiResult;

/// One training session: a course, a date, who trained, where, and everyone
/// who completed it.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SessionInput {
    pub course_id: String,
    pub date: String,
    pub trainer: Option<String>,
    /// Where it was held; blank with `online` for an online session.
    pub place: Option<String>,
    pub online: bool,
    pub attendees: Vec<String>,
}

impl SessionInput {
    pub fn into_core(self) -> ApiResult<TrainingSession> {
        Ok(TrainingSession {
            course: self.course_id,
            date: day(&self.date)?,
            trainer: opt_text(self.trainer),
            place: if self.online {
                Some("Online".into())
            } else {
                opt_text(self.place)
            },
            attendees: self.attendees,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_online_session_is_held_online() {
        let session = SessionInput {
            course_id: "c1".into(),
            date: "2026-11-20".into(),
            trainer: Some("  ".into()),
            place: Some("Leeds".into()),
            online: true,
            attendees: vec!["a".into(), "b".into()],
        }
        .into_core()
        .unwrap();
        assert_eq!(session.place.as_deref(), Some("Online"));
        assert_eq!(session.trainer, None);
    }
}
