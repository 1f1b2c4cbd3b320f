//! An ambassador's training and contribution record as a printable document
//! (PDF or HTML, drawn by `sanctuary-report`): courses with dates and
//! validity, hours by kind of work, roles held and non-financial recognition.
//! Made to help a CV or a reference, so it leaves out money and anything
//! about immigration; only a record asked for with its expenses
//! ([`expense_lines`]) lists the costs paid back, with their receipts.

use std::collections::BTreeMap;

use sanctuary_report::{
    CourseLine, ExpenseLine, HoursLine, OutcomeLine, PathwayLine, PersonLine, RecordReport,
    RoleLine,
};

pub use crate::record_language::RecordLanguage;
use crate::views;

use crate::model::units::{format_hours, format_pounds};
use crate::model::{AmbassadorDoc, Catalog, Day, RecognitionKind, Stream};

pub use sanctuary_report::{ReportError, render_html, render_pdf};

/// Builds the record of `person`. `project_title` names the projects they
/// worked on; `lang` gives every word and date in the reader's language
/// (free text people typed, such as course titles and roles, stays as typed).
/// A course's status is the core's one expiry rule ([`views::training_rows`]),
/// the same the app's badge and the CLI show. `outcomes` are the "you said,
/// we did" outcomes of the projects they took part in
/// ([`views::outcomes_for`]); their text stays as typed.
pub fn record_report(
    person: &AmbassadorDoc,
    catalog: &Catalog,
    project_title: impl Fn(&str) -> Option<String>,
    outcomes: &[views::OutcomeRow],
    network_name: &str,
    today: Day,
    lang: &RecordLanguage,
) -> RecordReport {
    let p = &person.profile;
    let mut training = views::training_rows(person, catalog, today);
    // Oldest first, as a CV lists them.
    training.reverse();
    let courses = training
        .into_iter()
        .map(|row| {
            let course = catalog.courses.get(&row.course_id);
            CourseLine {
                title: course.map_or_else(|| lang.unknown_course(), |c| c.title.clone()),
                completed: lang.date(row.completed),
                status: lang.course_status(&row),
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
            kind: lang.stream(*stream),
            hours: format_hours(*minutes),
            sessions: *sessions,
        })
        .collect();
    let mut roles: Vec<RoleLine> = roles
        .into_iter()
        .map(|((role, project), (from, to, times))| RoleLine {
            role,
            project,
            from: lang.month_year(from),
            to: lang.month_year(to),
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
            format!("{}, {}{what}", lang.kind(r.kind), lang.date(r.date))
        })
        .collect();

    let pathways = views::pathway_rows(person, today)
        .into_iter()
        .map(|p| PathwayLine {
            role: lang.pathway_role(p.role),
            period: lang.period(p.from, p.to),
            note: p.note,
        })
        .collect();
    let outcomes = outcomes
        .iter()
        .map(|o| OutcomeLine {
            project: o.project_title.clone(),
            date: lang.date(o.date),
            text: o.text.clone(),
        })
        .collect();

    RecordReport {
        network_name: network_name.to_string(),
        generated_on: lang.date(today),
        person: PersonLine {
            display_name: p.display_name.clone(),
            full_name: p.full_name.clone(),
            pronouns: p.pronouns.clone(),
            region: p.region.clone(),
            member_since: lang.month_year(p.joined),
        },
        courses,
        hours_by_kind,
        total_hours: format_hours(person.minutes_contributed()),
        roles,
        recognition,
        pathways,
        outcomes,
        expenses: Vec::new(),
        labels: lang.labels(),
    }
}

/// `person`'s travel and meal costs as record lines, oldest first: the
/// receipt (or why there is none), the amount, where the claim stands and
/// who approved it. An entry logged before claims had a status shows an
/// empty receipt and status rather than a guess.
pub fn expense_lines(person: &AmbassadorDoc, lang: &RecordLanguage) -> Vec<ExpenseLine> {
    let mut entries: Vec<_> = person
        .recognition
        .values()
        .filter(|r| r.kind.is_reimbursement() || r.expense.is_some())
        .collect();
    entries.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    entries
        .into_iter()
        .map(|r| ExpenseLine {
            date: lang.date(r.date),
            kind: lang.kind(r.kind),
            amount: r.amount_pence.map(format_pounds).unwrap_or_default(),
            receipt: r
                .expense
                .as_ref()
                .map(|e| lang.receipt(e))
                .unwrap_or_default(),
            status: r
                .expense
                .as_ref()
                .map(|e| lang.expense_status(e))
                .unwrap_or_default(),
        })
        .collect()
}
