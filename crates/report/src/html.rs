//! The record as one standalone HTML page: CSS inline, no scripts, no
//! fonts or images to fetch, laid out for the screen and for printing on A4.
//!
//! Every string from the report is escaped. Data (names, course titles,
//! places) is wrapped in `<bdi dir="auto">`, so each piece takes its own
//! direction from its first strong letter without moving the text around it;
//! labels take the page's direction, set from [`Labels::lang`].
//!
//! [`Labels::lang`]: crate::Labels::lang

use crate::RecordReport;
use crate::model::is_rtl_lang;

const CSS: &str = r#"
:root { color-scheme: light; }
body { margin: 0; background: #f2f5f6; color: #1d2329;
  font: 15px/1.5 "Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic", system-ui, sans-serif; }
.record { max-width: 52rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff;
  box-shadow: 0 1px 4px rgb(0 0 0 / 0.12); }
.network { margin: 0; color: #0b5a63; font-weight: 700; font-size: 0.85rem; }
h1 { margin: 0.2rem 0 0.6rem; font-size: 1.75rem; line-height: 1.25; }
.name { margin: 0 0 0.6rem; font-size: 1.4rem; font-weight: 700; }
.details { display: flex; flex-wrap: wrap; gap: 0.3rem 2.5rem; margin: 0;
  padding-block-end: 0.8rem; border-block-end: 2px solid #0b5a63; }
.details dt { color: #555e66; font-size: 0.8rem; }
.details dd { margin: 0; }
h2 { margin: 1.6rem 0 0.4rem; color: #0b5a63; font-size: 1.15rem; }
table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
th, td { padding: 0.35rem 0.45rem; text-align: start; vertical-align: top;
  border-block-end: 1px solid #cfd5da; }
thead th { background: #e9f1f2; color: #555e66; font-size: 0.8rem;
  border-block-end: 1.5px solid #0b5a63; }
.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot th, tfoot td { font-weight: 700; border-block-start: 1.5px solid #1d2329; border-block-end: 0; }
.note { display: block; color: #555e66; font-size: 0.8rem; }
.none { color: #555e66; }
ul { margin: 0; padding-inline-start: 1.2rem; }
.said { margin: 0.15rem 0 0.5rem; white-space: pre-line; }
footer { margin-block-start: 2rem; padding-block-start: 0.5rem; border-block-start: 1px solid #cfd5da;
  color: #555e66; font-size: 0.8rem; }
@page { size: A4; margin: 18mm 18mm 20mm; }
@media print {
  body { background: none; font-size: 10pt; }
  .record { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"#;

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A piece of data: escaped and isolated in its own direction.
fn data(text: &str) -> String {
    format!(r#"<bdi dir="auto">{}</bdi>"#, escape_html(text))
}

/// Renders the record as a standalone HTML page.
pub fn render_html(report: &RecordReport) -> String {
    let labels = &report.labels;
    let person = &report.person;
    let dir = if is_rtl_lang(&labels.lang) {
        "rtl"
    } else {
        "ltr"
    };
    let mut h = String::with_capacity(8192);

    h.push_str("<!DOCTYPE html>\n");
    h.push_str(&format!(
        r#"<html lang="{}" dir="{dir}">"#,
        escape_html(&labels.lang)
    ));
    h.push_str("\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#);
    h.push_str(&format!(
        "\n<title>{} – {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main class=\"record\">\n",
        escape_html(&labels.title),
        escape_html(&person.display_name)
    ));

    // Title block.
    h.push_str("<header>\n");
    h.push_str(&format!(
        "<p class=\"network\">{}</p>\n",
        data(&report.network_name)
    ));
    h.push_str(&format!("<h1>{}</h1>\n", escape_html(&labels.title)));
    h.push_str(&format!(
        "<p class=\"name\">{}</p>\n",
        data(&person.display_name)
    ));
    h.push_str("<dl class=\"details\">\n");
    let details = [
        (&labels.full_name, person.full_name.as_deref()),
        (&labels.pronouns, person.pronouns.as_deref()),
        (&labels.region, Some(person.region.as_str())),
        (&labels.member_since, Some(person.member_since.as_str())),
    ];
    for (label, value) in details {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            h.push_str(&format!(
                "<div><dt>{}</dt><dd>{}</dd></div>\n",
                escape_html(label),
                data(value)
            ));
        }
    }
    h.push_str("</dl>\n</header>\n");

    // Courses.
    let course_rows: Vec<Vec<String>> = report
        .courses
        .iter()
        .map(|c| {
            let mut title = data(&c.title);
            if c.co_designed {
                title.push_str(&format!(
                    "<span class=\"note\">{}</span>",
                    escape_html(&labels.co_designed)
                ));
            }
            vec![
                title,
                data(&c.completed),
                data(&c.status),
                c.duration_hours.as_deref().map(data).unwrap_or_default(),
            ]
        })
        .collect();
    section(
        &mut h,
        &labels.courses_heading,
        &labels.none_recorded,
        &[
            (&labels.course_column, false),
            (&labels.completed_column, false),
            (&labels.status_column, false),
            (&labels.duration_column, true),
        ],
        &course_rows,
        None,
    );

    // Hours.
    let hour_rows: Vec<Vec<String>> = report
        .hours_by_kind
        .iter()
        .map(|l| vec![data(&l.kind), l.sessions.to_string(), data(&l.hours)])
        .collect();
    let total = [
        escape_html(&labels.total),
        report.total_sessions().to_string(),
        data(&report.total_hours),
    ];
    section(
        &mut h,
        &labels.hours_heading,
        &labels.none_recorded,
        &[
            (&labels.kind_column, false),
            (&labels.sessions_column, true),
            (&labels.hours_column, true),
        ],
        &hour_rows,
        Some(&total),
    );

    // Roles.
    let role_rows: Vec<Vec<String>> = report
        .roles
        .iter()
        .map(|r| {
            vec![
                data(&r.role),
                r.project.as_deref().map(data).unwrap_or_default(),
                data(&r.period()),
                r.times.to_string(),
            ]
        })
        .collect();
    section(
        &mut h,
        &labels.roles_heading,
        &labels.none_recorded,
        &[
            (&labels.role_column, false),
            (&labels.project_column, false),
            (&labels.period_column, false),
            (&labels.times_column, true),
        ],
        &role_rows,
        None,
    );

    // Recognition.
    h.push_str(&format!(
        "<section>\n<h2>{}</h2>\n",
        escape_html(&labels.recognition_heading)
    ));
    if report.recognition.is_empty() {
        h.push_str(&format!(
            "<p class=\"none\">{}</p>\n",
            escape_html(&labels.none_recorded)
        ));
    } else {
        h.push_str("<ul>\n");
        for item in &report.recognition {
            h.push_str(&format!("<li>{}</li>\n", data(item)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");

    // Pathways: roles taken on in the network.
    let pathway_rows: Vec<Vec<String>> = report
        .pathways
        .iter()
        .map(|p| {
            let mut role = data(&p.role);
            if let Some(note) = p.note.as_deref().filter(|n| !n.trim().is_empty()) {
                role.push_str(&format!("<span class=\"note\">{}</span>", data(note)));
            }
            vec![role, data(&p.period)]
        })
        .collect();
    section(
        &mut h,
        &labels.pathways_heading,
        &labels.none_recorded,
        &[(&labels.role_column, false), (&labels.period_column, false)],
        &pathway_rows,
        None,
    );

    // You said, we did.
    h.push_str(&format!(
        "<section class=\"outcomes\">\n<h2>{}</h2>\n",
        escape_html(&labels.outcomes_heading)
    ));
    if report.outcomes.is_empty() {
        h.push_str(&format!(
            "<p class=\"none\">{}</p>\n",
            escape_html(&labels.none_recorded)
        ));
    } else {
        h.push_str(&format!(
            "<p class=\"note\">{}</p>\n<ul>\n",
            escape_html(&labels.outcomes_intro)
        ));
        for o in &report.outcomes {
            h.push_str(&format!(
                "<li><strong>{}</strong>, {}<p class=\"said\">{}</p></li>\n",
                data(&o.project),
                data(&o.date),
                data(&o.text)
            ));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");

    // Expenses paid back: only on a record asked for with them.
    if !report.expenses.is_empty() {
        let rows: Vec<Vec<String>> = report
            .expenses
            .iter()
            .map(|e| {
                vec![
                    data(&e.date),
                    data(&e.kind),
                    data(&e.amount),
                    data(&e.receipt),
                    data(&e.status),
                ]
            })
            .collect();
        section(
            &mut h,
            &labels.expenses_heading,
            &labels.none_recorded,
            &[
                (&labels.date_column, false),
                (&labels.expense_column, false),
                (&labels.amount_column, true),
                (&labels.receipt_column, false),
                (&labels.status_column, false),
            ],
            &rows,
            None,
        );
        h.push_str(&format!(
            "<p class=\"note\">{}</p>\n",
            escape_html(&labels.expenses_intro)
        ));
    }

    h.push_str(&format!(
        "<footer>{}</footer>\n</main>\n</body>\n</html>\n",
        escape_html(&report.footer_line())
    ));
    h
}

/// A heading and a table, or a note that there is nothing to show. Each
/// column is (header, numeric); cells arrive already escaped. A `total` row
/// goes in the table's footer, its first cell as a row header.
fn section(
    h: &mut String,
    heading: &str,
    none: &str,
    columns: &[(&String, bool)],
    rows: &[Vec<String>],
    total: Option<&[String]>,
) {
    h.push_str(&format!("<section>\n<h2>{}</h2>\n", escape_html(heading)));
    if rows.is_empty() {
        h.push_str(&format!(
            "<p class=\"none\">{}</p>\n</section>\n",
            escape_html(none)
        ));
        return;
    }
    let class = |numeric: bool| if numeric { " class=\"num\"" } else { "" };
    h.push_str("<table>\n<thead><tr>");
    for (header, numeric) in columns {
        h.push_str(&format!(
            "<th scope=\"col\"{}>{}</th>",
            class(*numeric),
            escape_html(header)
        ));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        h.push_str("<tr>");
        for ((_, numeric), cell) in columns.iter().zip(row) {
            h.push_str(&format!("<td{}>{cell}</td>", class(*numeric)));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n");
    if let Some(total) = total {
        h.push_str("<tfoot><tr>");
        for (i, ((_, numeric), cell)) in columns.iter().zip(total).enumerate() {
            let tag = if i == 0 { "th scope=\"row\"" } else { "td" };
            let close = if i == 0 { "th" } else { "td" };
            h.push_str(&format!("<{tag}{}>{cell}</{close}>", class(*numeric)));
        }
        h.push_str("</tr></tfoot>\n");
    }
    h.push_str("</table>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CourseLine, HoursLine, Labels, PersonLine};

    fn report() -> RecordReport {
        RecordReport {
            network_name: "North & West <Network>".into(),
            generated_on: "22 November 2026".into(),
            person: PersonLine {
                display_name: "<script>alert('x')</script>".into(),
                full_name: Some("زهراء الموسوی".into()),
                pronouns: None,
                region: "Leeds".into(),
                member_since: "March 2024".into(),
            },
            courses: vec![CourseLine {
                title: "Media \"training\"".into(),
                completed: "3 March 2026".into(),
                status: "Does not expire".into(),
                co_designed: true,
                duration_hours: Some("6".into()),
            }],
            hours_by_kind: vec![HoursLine {
                kind: "Awards panel".into(),
                hours: "12.5".into(),
                sessions: 4,
            }],
            total_hours: "12.5".into(),
            ..RecordReport::default()
        }
    }

    #[test]
    fn escapes_everything_from_the_report() {
        let html = render_html(&report());
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(html.contains("North &amp; West &lt;Network&gt;"));
        assert!(html.contains("Media &quot;training&quot;"));
    }

    #[test]
    fn names_are_isolated_and_the_page_has_a_language() {
        let html = render_html(&report());
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
        assert!(html.contains(r#"<dd><bdi dir="auto">زهراء الموسوی</bdi></dd>"#));
        // A missing pronoun leaves no empty entry.
        assert!(!html.contains("Pronouns"));

        let mut arabic = report();
        arabic.labels = Labels {
            lang: "ar".into(),
            ..Labels::default()
        };
        assert!(render_html(&arabic).contains(r#"<html lang="ar" dir="rtl">"#));
    }

    #[test]
    fn pathways_and_outcomes_are_listed_with_the_text_as_typed() {
        let mut r = report();
        r.pathways = vec![crate::PathwayLine {
            role: "Trustee".into(),
            period: "March 2025 – present".into(),
            note: Some("Board of <trustees>".into()),
        }];
        r.outcomes = vec![crate::OutcomeLine {
            project: "Schools panel".into(),
            date: "1 April 2026".into(),
            text: "We rewrote the guidance & added a glossary.".into(),
        }];
        let html = render_html(&r);
        assert!(html.contains("<h2>Roles in the network</h2>"));
        assert!(html.contains(r#"<td><bdi dir="auto">Trustee</bdi><span class="note"><bdi dir="auto">Board of &lt;trustees&gt;</bdi></span></td>"#));
        assert!(html.contains("<h2>You said, we did</h2>"));
        assert!(html.contains(r#"<li><strong><bdi dir="auto">Schools panel</bdi></strong>, <bdi dir="auto">1 April 2026</bdi><p class="said"><bdi dir="auto">We rewrote the guidance &amp; added a glossary.</bdi></p></li>"#));
    }

    /// Expenses print only on a record asked for with them; a record for a
    /// CV has no money and no heading for it.
    #[test]
    fn expenses_are_a_section_only_when_the_record_has_them() {
        let mut r = report();
        assert!(!render_html(&r).contains("Expenses paid back"));
        r.expenses = vec![crate::ExpenseLine {
            date: "2 March 2026".into(),
            kind: "Travel expenses".into(),
            amount: "£12.40".into(),
            receipt: "No receipt: <lost>".into(),
            status: "Approved by Sam".into(),
        }];
        let html = render_html(&r);
        assert!(html.contains("<h2>Expenses paid back</h2>"));
        assert!(html.contains(r#"<td class="num"><bdi dir="auto">£12.40</bdi></td><td><bdi dir="auto">No receipt: &lt;lost&gt;</bdi></td><td><bdi dir="auto">Approved by Sam</bdi></td>"#));
        assert!(html.contains("A reimbursement, not payment."));
    }

    #[test]
    fn standalone_with_print_css() {
        let html = render_html(&report());
        for absent in ["<link", "<script", "src=", "url(", "@import", "http"] {
            assert!(!html.contains(absent), "{absent}");
        }
        assert!(html.contains("@page { size: A4;"));
        assert!(html.contains("@media print"));
    }

    #[test]
    fn sections_tables_and_totals() {
        let html = render_html(&report());
        assert!(html.contains("Co-designed with ambassadors"));
        assert!(html.contains(
            r#"<tfoot><tr><th scope="row">Total</th><td class="num">4</td><td class="num"><bdi dir="auto">12.5</bdi></td></tr></tfoot>"#
        ));
        // No roles, recognition, pathways or outcomes: each says so instead
        // of an empty table.
        assert_eq!(html.matches("None recorded.").count(), 4);
        assert!(html.contains("Generated by Sanctuary Ambassadors on 22 November 2026"));
    }
}
