//! `sanctuary training ...` and `sanctuary suggestion ...`.

use sanctuary_core::model::{Day, TrainingRecord};
use sanctuary_core::views::{self, SuggestionChange};
use sanctuary_core::{Sanctuary, TrainingSession};

use crate::args::{SuggestionCommand, TrainingCommand};
use crate::output;

pub fn run(s: &mut Sanctuary, command: TrainingCommand) -> anyhow::Result<()> {
    match command {
        TrainingCommand::Record {
            ambassador,
            course,
            date,
            trainer,
            place,
            evidence,
            confidence_before,
            confidence_after,
        } => {
            let record = TrainingRecord {
                trainer,
                place,
                evidence,
                confidence_before,
                confidence_after,
                ..TrainingRecord::new(&course, date)
            };
            say!("{}", s.record_training(&ambassador, record)?);
        }
        TrainingCommand::Session {
            course,
            date,
            trainer,
            place,
            online,
            attendees,
        } => {
            let place = if online {
                Some("Online".to_string())
            } else {
                place
            };
            let made = s.record_session(TrainingSession {
                course,
                date,
                trainer,
                place,
                attendees,
            })?;
            for (ambassador, _) in &made {
                let name = s
                    .ambassador(ambassador)
                    .map(|a| a.profile.display_name.clone())
                    .unwrap_or_default();
                say!("Recorded for {name}");
            }
            say!("{} attendee(s) recorded.", made.len());
        }
        TrainingCommand::Expiring {
            days,
            expired,
            json,
        } => {
            let list = sanctuary_core::views::expiring(s, Day::today(), days, expired);
            if json {
                output::json(&list)?;
                return Ok(());
            }
            for item in &list {
                let when = match (item.expires, item.days_left) {
                    (Some(day), Some(left)) if left < 0 => format!("expired {day}"),
                    (Some(day), Some(left)) => format!("expires {day} (in {left} days)"),
                    _ => String::new(),
                };
                say!("{:<24} {:<28} {when}", item.display_name, item.course_title);
            }
            say!("{} course(s) expiring within {days} days.", list.len());
        }
    }
    Ok(())
}

pub fn suggestions(s: &mut Sanctuary, command: SuggestionCommand) -> anyhow::Result<()> {
    let today = Day::today();
    match command {
        SuggestionCommand::List { json } => {
            let pending = s.pending_suggestions();
            if json {
                let rows: Vec<_> = pending
                    .iter()
                    .map(|(person, suggestion)| serde_json::json!({"ambassador_id": person.id(), "suggestion": suggestion}))
                    .collect();
                output::json(&rows)?;
                return Ok(());
            }
            // The rows a coordinator decides on in the app, with the
            // course a rating or reflection is about.
            let lookup = views::Lookup::of(s);
            for (person, suggestion) in &pending {
                let row = views::suggestion_row(person, suggestion, &lookup);
                let course = row.course_title.as_deref().unwrap_or("a course");
                let what = match &row.change {
                    SuggestionChange::Confidence { after, .. } => {
                        format!("confidence after {course}: {after} of 5")
                    }
                    SuggestionChange::Reflection { text, .. } => {
                        format!("reflection on {course}: {text}")
                    }
                    SuggestionChange::Hours { date, hours, role } => {
                        format!("{hours} hours as {role} on {date}")
                    }
                    SuggestionChange::Contact {
                        email,
                        phone,
                        channel,
                    } => format!(
                        "contact details: {} {} {}",
                        email.as_deref().unwrap_or(""),
                        phone.as_deref().unwrap_or(""),
                        channel.map(|c| c.as_str()).unwrap_or("")
                    ),
                };
                say!(
                    "{}  {}  {:<20} {what}",
                    &row.id[..row.id.len().min(8)],
                    row.made_on,
                    row.display_name
                );
            }
            say!("{} pending suggestion(s).", pending.len());
        }
        SuggestionCommand::Approve {
            ambassador,
            suggestion,
        } => {
            let id = full_id(s, &ambassador, &suggestion)?;
            s.decide_suggestion(&ambassador, &id, true, today)?;
            say!("Approved and applied.");
        }
        SuggestionCommand::Decline {
            ambassador,
            suggestion,
        } => {
            let id = full_id(s, &ambassador, &suggestion)?;
            s.decide_suggestion(&ambassador, &id, false, today)?;
            say!("Declined; the record stays as it was.");
        }
    }
    Ok(())
}

/// Writes `ambassador`'s record as PDF and/or HTML, with the expenses paid
/// back when `expenses` is set; files are written only once the document is
/// complete.
pub fn export_record(
    s: &Sanctuary,
    ambassador: &str,
    pdf: Option<&std::path::Path>,
    html: Option<&std::path::Path>,
    lang: &str,
    expenses: bool,
) -> anyhow::Result<()> {
    use anyhow::Context;
    let lang = sanctuary_core::record::RecordLanguage::for_code(lang)?;
    let report = if expenses {
        s.record_report_with_expenses(ambassador, Day::today(), &lang)?
    } else {
        s.record_report(ambassador, Day::today(), &lang)?
    };
    if let Some(path) = pdf {
        let bytes =
            sanctuary_core::record::render_pdf(&report).map_err(sanctuary_core::CoreError::from)?;
        std::fs::write(path, bytes)
            .with_context(|| format!("could not write {}", path.display()))?;
        say!("Wrote {}", path.display());
    }
    if let Some(path) = html {
        std::fs::write(path, sanctuary_core::record::render_html(&report))
            .with_context(|| format!("could not write {}", path.display()))?;
        say!("Wrote {}", path.display());
    }
    Ok(())
}

/// Accepts a unique prefix of a suggestion id, as the list prints them.
fn full_id(s: &Sanctuary, ambassador: &str, prefix: &str) -> anyhow::Result<String> {
    let person = s.ambassador(ambassador)?;
    let matches: Vec<&String> = person
        .suggestions
        .keys()
        .filter(|id| id.starts_with(prefix.trim()))
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => anyhow::bail!(
            "no suggestion {prefix} on {}'s record",
            person.profile.display_name
        ),
        _ => anyhow::bail!("'{prefix}' matches more than one suggestion; give more of the id"),
    }
}
