//! An ambassador's training and contribution record as a printable document
//! (PDF or HTML, drawn by `sanctuary-report`): courses with dates and
//! validity, hours by kind of work, roles held and non-financial recognition.
//! Made to help a CV or a reference, so it leaves out money and anything
//! about immigration.

use std::collections::BTreeMap;

use sanctuary_report::{CourseLine, HoursLine, Labels, PersonLine, RecordReport, RoleLine};

use crate::model::units::format_hours;
use crate::model::{AmbassadorDoc, Catalog, Day, RecognitionKind, Stream};

pub use sanctuary_report::{ReportError, render_html, render_pdf};

/// "1 March 2027".
pub fn long_date(day: Day) -> String {
    day.0.format("%-d %B %Y").to_string()
}

/// Builds the record of `person`. `project_title` names the projects they
/// worked on; `labels` carries every word in the reader's language.
pub fn record_report(
    person: &AmbassadorDoc,
    catalog: &Catalog,
    project_title: impl Fn(&str) -> Option<String>,
    network_name: &str,
    today: Day,
    labels: Labels,
) -> RecordReport {
    let p = &person.profile;
    let mut training: Vec<_> = person.training.values().collect();
    training.sort_by(|a, b| (a.completed, &a.id).cmp(&(b.completed, &b.id)));
    let courses = training
        .into_iter()
        .map(|record| {
            let course = catalog.courses.get(&record.course_id);
            let status = match course.and_then(|c| c.expiry(record.completed)) {
                Some(expiry) if expiry < today => format!("Expired {}", long_date(expiry)),
                Some(expiry) => format!("Valid until {}", long_date(expiry)),
                None => "Does not expire".to_string(),
            };
            CourseLine {
                title: course.map_or_else(
                    || "(course no longer in the catalog)".into(),
                    |c| c.title.clone(),
                ),
                completed: long_date(record.completed),
                status,
                co_designed: course.is_some_and(|c| c.co_designed),
                duration_hours: course
                    .and_then(|c| c.duration_minutes)
                    .map(|m| format_hours(m.into())),
            }
        })
        .collect();

    let mut by_kind: BTreeMap<Stream, (u64, u32)> = BTreeMap::new();
    let mut roles: BTreeMap<(String, Option<String>), (Day, Day, u32)> = BTreeMap::new();
    for c in person.contributions.values() {
        let entry = by_kind.entry(c.stream).or_default();
        entry.0 += u64::from(c.minutes);
        entry.1 += 1;
        let project = c.project_id.as_deref().and_then(&project_title);
        let role = roles
            .entry((c.role.clone(), project))
            .or_insert((c.date, c.date, 0));
        role.0 = role.0.min(c.date);
        role.1 = role.1.max(c.date);
        role.2 += 1;
    }
    let hours_by_kind = by_kind
        .iter()
        .map(|(stream, (minutes, sessions))| HoursLine {
            kind: stream.label().to_string(),
            hours: format_hours(*minutes),
            sessions: *sessions,
        })
        .collect();
    let mut roles: Vec<RoleLine> = roles
        .into_iter()
        .map(|((role, project), (from, to, times))| RoleLine {
            role,
            project,
            from: month_year(from),
            to: month_year(to),
            times,
        })
        .collect();
    roles.sort_by(|a, b| b.times.cmp(&a.times).then_with(|| a.role.cmp(&b.role)));

    let mut recognition: Vec<_> = person
        .recognition
        .values()
        .filter(|r| !r.kind.involves_money() && r.kind != RecognitionKind::Payment)
        .collect();
    recognition.sort_by_key(|r| r.date);
    let recognition = recognition
        .into_iter()
        .map(|r| {
            let what = r
                .description
                .as_deref()
                .map(|d| format!(": {d}"))
                .unwrap_or_default();
            format!("{}, {}{what}", r.kind.label(), long_date(r.date))
        })
        .collect();

    RecordReport {
        network_name: network_name.to_string(),
        generated_on: long_date(today),
        person: PersonLine {
            display_name: p.display_name.clone(),
            full_name: p.full_name.clone(),
            pronouns: p.pronouns.clone(),
            region: p.region.clone(),
            member_since: month_year(p.joined),
        },
        courses,
        hours_by_kind,
        total_hours: format_hours(person.minutes_contributed()),
        roles,
        recognition,
        labels,
    }
}

fn month_year(day: Day) -> String {
    day.0.format("%B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        let day: Day = "2027-03-01".parse().unwrap();
        assert_eq!(long_date(day), "1 March 2027");
        assert_eq!(month_year(day), "March 2027");
    }
}
