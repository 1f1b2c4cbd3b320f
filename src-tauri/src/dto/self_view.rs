//! Self-view (one ambassador looking at their own record), the suggestions
//! they leave for a coordinator, and training sessions recorded for several
//! people at once.

use sanctuary_core::model::{self as m, Day, units};
use sanctuary_core::views::{self, HoursByKind};
use sanctuary_core::{SelfView, TrainingSession};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ambassador::{ContributionRow, LanguageSkill, Lookup, RecognitionRow, TrainingRow};
use super::vocab::Channel;
use super::{day, opt_text, words};
use crate::error::{ApiError, ApiResult};

/// Everything the ambassador sees of themselves, and nothing about anyone
/// else. Coordinators' notes, payment constraint and organisation links are
/// left out: they are for the coordinator's work, not the person's CV.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SelfViewPage {
    pub network_name: String,
    pub display_name: String,
    pub full_name: Option<String>,
    pub pronouns: Option<String>,
    pub region: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub preferred_channel: Option<Channel>,
    pub joined: String,
    pub languages: Vec<LanguageSkill>,
    pub skills: Vec<String>,
    pub interests: Vec<String>,
    pub training: Vec<TrainingRow>,
    pub contributions: Vec<ContributionRow>,
    pub recognition: Vec<RecognitionRow>,
    pub hours_contributed: String,
    pub hours_by_kind: Vec<HoursByKind>,
    /// What they suggested, newest first, with what became of it.
    pub suggestions: Vec<SuggestionRow>,
    /// "You said, we did" on the projects they took part in, newest first.
    pub outcomes: Vec<views::OutcomeRow>,
    /// Roles they moved into in the network.
    pub pathways: Vec<views::PathwayRow>,
}

impl SelfViewPage {
    pub fn new(view: &SelfView, today: Day) -> SelfViewPage {
        let doc = view.person();
        let lookup = Lookup::of_self_view(view);
        let views::WorkLog {
            contributions,
            recognition,
        } = lookup.work_log(doc);
        let p = &doc.profile;
        SelfViewPage {
            network_name: view.network_name().to_string(),
            display_name: p.display_name.clone(),
            full_name: p.full_name.clone(),
            pronouns: p.pronouns.clone(),
            region: p.region.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            preferred_channel: p.preferred_channel,
            joined: p.joined.to_string(),
            languages: p
                .languages
                .iter()
                .map(|(language, level)| LanguageSkill {
                    language: language.clone(),
                    level: (*level),
                })
                .collect(),
            skills: words(&p.skills),
            interests: words(&p.interests),
            training: lookup.training_rows(doc, today),
            contributions,
            recognition,
            hours_contributed: units::format_hours(doc.minutes_contributed()),
            hours_by_kind: views::hours_by_kind(doc),
            suggestions: suggestion_rows(doc, &lookup, |_| true),
            outcomes: view.outcomes().to_vec(),
            pathways: views::pathway_rows(doc, today),
        }
    }
}

/// A change the ambassador suggests, as the form sends it and as a
/// coordinator reads it. Hours travel as text (`1.5`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SuggestionChange {
    Confidence {
        record_id: String,
        after: u8,
    },
    Reflection {
        record_id: String,
        text: String,
    },
    Hours {
        date: String,
        hours: String,
        role: String,
    },
    Contact {
        email: Option<String>,
        phone: Option<String>,
        channel: Option<Channel>,
    },
}

impl SuggestionChange {
    pub fn into_core(self) -> ApiResult<m::SuggestedChange> {
        Ok(match self {
            SuggestionChange::Confidence { record_id, after } => {
                m::SuggestedChange::Confidence { record_id, after }
            }
            SuggestionChange::Reflection { record_id, text } => m::SuggestedChange::Reflection {
                record_id,
                text: text.trim().to_string(),
            },
            SuggestionChange::Hours { date, hours, role } => m::SuggestedChange::Hours {
                date: day(&date)?,
                minutes: units::parse_hours(&hours)?,
                role: role.trim().to_string(),
            },
            SuggestionChange::Contact {
                email,
                phone,
                channel,
            } => {
                let change = m::SuggestedChange::Contact {
                    email: opt_text(email),
                    phone: opt_text(phone),
                    channel,
                };
                if change
                    == (m::SuggestedChange::Contact {
                        email: None,
                        phone: None,
                        channel: None,
                    })
                {
                    return Err(ApiError::invalid(
                        "contact details: write a new email, phone or way to reach you",
                    ));
                }
                change
            }
        })
    }

    fn from_core(change: &m::SuggestedChange) -> SuggestionChange {
        match change.clone() {
            m::SuggestedChange::Confidence { record_id, after } => {
                SuggestionChange::Confidence { record_id, after }
            }
            m::SuggestedChange::Reflection { record_id, text } => {
                SuggestionChange::Reflection { record_id, text }
            }
            m::SuggestedChange::Hours {
                date,
                minutes,
                role,
            } => SuggestionChange::Hours {
                date: date.to_string(),
                hours: units::format_hours(u64::from(minutes)),
                role,
            },
            m::SuggestedChange::Contact {
                email,
                phone,
                channel,
            } => SuggestionChange::Contact {
                email,
                phone,
                channel,
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SuggestionState {
    Pending,
    Approved,
    Declined,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SuggestionRow {
    pub id: String,
    pub ambassador_id: String,
    pub display_name: String,
    pub made_on: String,
    pub state: SuggestionState,
    pub change: SuggestionChange,
    /// The course a confidence rating or reflection is about.
    pub course_title: Option<String>,
}

/// `doc`'s suggestions that pass `keep`, newest first.
pub fn suggestion_rows(
    doc: &m::AmbassadorDoc,
    lookup: &Lookup,
    keep: impl Fn(&m::Suggestion) -> bool,
) -> Vec<SuggestionRow> {
    let mut rows: Vec<SuggestionRow> = doc
        .suggestions
        .values()
        .filter(|s| keep(s))
        .map(|s| suggestion_row(doc, s, lookup))
        .collect();
    rows.sort_by(|a, b| (&b.made_on, &b.id).cmp(&(&a.made_on, &a.id)));
    rows
}

pub fn suggestion_row(doc: &m::AmbassadorDoc, s: &m::Suggestion, lookup: &Lookup) -> SuggestionRow {
    let course_title = match &s.change {
        m::SuggestedChange::Confidence { record_id, .. }
        | m::SuggestedChange::Reflection { record_id, .. } => doc
            .training
            .get(record_id)
            .map(|r| lookup.course_title(&r.course_id)),
        _ => None,
    };
    SuggestionRow {
        id: s.id.clone(),
        ambassador_id: doc.id().to_string(),
        display_name: doc.profile.display_name.clone(),
        made_on: s.made_on.to_string(),
        state: match s.status {
            m::SuggestionStatus::Pending => SuggestionState::Pending,
            m::SuggestionStatus::Approved => SuggestionState::Approved,
            m::SuggestionStatus::Declined => SuggestionState::Declined,
        },
        change: SuggestionChange::from_core(&s.change),
        course_title,
    }
}

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
    fn suggested_hours_are_read_as_people_write_them() {
        let change = SuggestionChange::Hours {
            date: "2026-11-02".into(),
            hours: "1.5".into(),
            role: " Panel member ".into(),
        }
        .into_core()
        .unwrap();
        assert_eq!(
            change,
            m::SuggestedChange::Hours {
                date: "2026-11-02".parse().unwrap(),
                minutes: 90,
                role: "Panel member".into(),
            }
        );
        assert_eq!(
            SuggestionChange::from_core(&change),
            SuggestionChange::Hours {
                date: "2026-11-02".into(),
                hours: "1.5".into(),
                role: "Panel member".into(),
            }
        );
    }

    #[test]
    fn blank_contact_details_and_bad_dates_are_refused() {
        let blank = SuggestionChange::Contact {
            email: Some(" ".into()),
            phone: None,
            channel: None,
        };
        assert_eq!(blank.into_core().unwrap_err().code, "invalid");
        let bad = SuggestionChange::Hours {
            date: "2026-02-30".into(),
            hours: "1".into(),
            role: "Speaker".into(),
        };
        assert_eq!(bad.into_core().unwrap_err().code, "invalid");
    }

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
