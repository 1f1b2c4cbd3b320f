//! What an ambassador suggested to their own record, as they see it in
//! self-view and as a coordinator sees it when deciding: the change in the
//! words of the form (hours as `1.5`), what became of it, and the course a
//! rating or reflection is about.

use serde::{Deserialize, Serialize};

use super::form::{opt_text, parse_day};
use super::lookup::Lookup;
use crate::error::{CoreError, Result};
use crate::matching::Code;
use crate::model::{
    AmbassadorDoc, Channel, Day, Field, Invalid, SuggestedChange, Suggestion, SuggestionStatus,
    units,
};

/// A change the ambassador suggests, as the form sends it and as a
/// coordinator reads it. Hours travel as text (`1.5`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// The change as the core keeps it: text trimmed, hours and the date
    /// read as people write them. Refuses contact details that change
    /// nothing, so a coordinator is never asked to approve an empty change.
    pub fn into_change(self) -> Result<SuggestedChange> {
        Ok(match self {
            SuggestionChange::Confidence { record_id, after } => {
                SuggestedChange::Confidence { record_id, after }
            }
            SuggestionChange::Reflection { record_id, text } => SuggestedChange::Reflection {
                record_id,
                text: text.trim().to_string(),
            },
            SuggestionChange::Hours { date, hours, role } => SuggestedChange::Hours {
                date: parse_day(&date)?,
                minutes: units::parse_hours(&hours)?,
                role: role.trim().to_string(),
            },
            SuggestionChange::Contact {
                email,
                phone,
                channel,
            } => {
                let (email, phone) = (opt_text(email), opt_text(phone));
                if email.is_none() && phone.is_none() && channel.is_none() {
                    return Err(CoreError::Invalid(Invalid::new(
                        Field::ContactDetails,
                        Code::InvalidEmpty,
                        "write a new email, phone or way to reach you",
                    )));
                }
                SuggestedChange::Contact {
                    email,
                    phone,
                    channel,
                }
            }
        })
    }
}

impl From<&SuggestedChange> for SuggestionChange {
    fn from(change: &SuggestedChange) -> SuggestionChange {
        match change.clone() {
            SuggestedChange::Confidence { record_id, after } => {
                SuggestionChange::Confidence { record_id, after }
            }
            SuggestedChange::Reflection { record_id, text } => {
                SuggestionChange::Reflection { record_id, text }
            }
            SuggestedChange::Hours {
                date,
                minutes,
                role,
            } => SuggestionChange::Hours {
                date: date.to_string(),
                hours: units::format_hours(u64::from(minutes)),
                role,
            },
            SuggestedChange::Contact {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum SuggestionState {
    Pending,
    Approved,
    Declined,
}

impl From<SuggestionStatus> for SuggestionState {
    fn from(status: SuggestionStatus) -> SuggestionState {
        match status {
            SuggestionStatus::Pending => SuggestionState::Pending,
            SuggestionStatus::Approved => SuggestionState::Approved,
            SuggestionStatus::Declined => SuggestionState::Declined,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SuggestionRow {
    pub id: String,
    pub ambassador_id: String,
    pub display_name: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub made_on: Day,
    pub state: SuggestionState,
    pub change: SuggestionChange,
    /// The course a confidence rating or reflection is about.
    pub course_title: Option<String>,
}

/// `doc`'s suggestions that pass `keep`, newest first.
pub fn suggestion_rows(
    doc: &AmbassadorDoc,
    lookup: &Lookup,
    keep: impl Fn(&Suggestion) -> bool,
) -> Vec<SuggestionRow> {
    let mut rows: Vec<SuggestionRow> = doc
        .suggestions
        .values()
        .filter(|s| keep(s))
        .map(|s| suggestion_row(doc, s, lookup))
        .collect();
    rows.sort_by(|a, b| (b.made_on, &b.id).cmp(&(a.made_on, &a.id)));
    rows
}

/// One suggestion of `doc`, with the title of the course it is about.
pub fn suggestion_row(doc: &AmbassadorDoc, s: &Suggestion, lookup: &Lookup) -> SuggestionRow {
    let course_title = match &s.change {
        SuggestedChange::Confidence { record_id, .. }
        | SuggestedChange::Reflection { record_id, .. } => doc
            .training
            .get(record_id)
            .map(|r| lookup.course_title(&r.course_id)),
        _ => None,
    };
    SuggestionRow {
        id: s.id.clone(),
        ambassador_id: doc.id().to_string(),
        display_name: doc.profile.display_name.clone(),
        made_on: s.made_on,
        state: s.status.into(),
        change: SuggestionChange::from(&s.change),
        course_title,
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
        .into_change()
        .unwrap();
        assert_eq!(
            change,
            SuggestedChange::Hours {
                date: "2026-11-02".parse().unwrap(),
                minutes: 90,
                role: "Panel member".into(),
            }
        );
        assert_eq!(
            SuggestionChange::from(&change),
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
        let refused = blank.into_change().unwrap_err();
        assert_eq!(refused.code(), "invalid");
        assert_eq!(
            refused.to_string(),
            "contact details: write a new email, phone or way to reach you"
        );
        let bad = SuggestionChange::Hours {
            date: "2026-02-30".into(),
            hours: "1".into(),
            role: "Speaker".into(),
        };
        assert_eq!(bad.into_change().unwrap_err().code(), "invalid");
    }

    #[test]
    fn the_change_crosses_tagged_by_its_kind() {
        let json = serde_json::to_value(SuggestionChange::Confidence {
            record_id: "t1".into(),
            after: 4,
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "confidence", "record_id": "t1", "after": 4})
        );
        let back: SuggestionChange = serde_json::from_value(serde_json::json!(
            {"kind": "contact", "email": "a@example.org", "phone": null, "channel": null}
        ))
        .unwrap();
        assert!(matches!(back, SuggestionChange::Contact { .. }));
    }
}
