//! The readable subject access record: one standalone HTML page (inline CSS,
//! no scripts, nothing fetched), in any language records are printed in
//! (its words come from the UI's message files, as the printable record's
//! do; Arabic and Farsi pages run right to left).
//!
//! It is drawn from the same JSON as `record.json`, so it cannot leave out a
//! field the JSON holds: each section is a table whose columns are the keys
//! its records have. Headings and the explanation are translated; field
//! names are the record's own, made readable ("recorded_by" -> "recorded by").
//! Every value is escaped and wrapped in `<bdi>` so names in any script keep
//! their own direction.

use serde_json::{Map, Value};

use super::subject_access::SubjectAccess;
use crate::record::RecordLanguage;
use sanctuary_report::escape_html as esc;

/// The sections of the page, in order: the message key of each heading
/// (`subjectAccess.section.<key>`).
const SECTIONS: [&str; 9] = [
    "profile",
    "consents",
    "training",
    "contributions",
    "recognition",
    "suggestions",
    "invitations",
    "rota",
    "history",
];

const CSS: &str = "body{margin:0;background:#f2f5f6;color:#1d2329;\
font:15px/1.5 system-ui,\"Noto Sans\",\"Noto Naskh Arabic\",sans-serif}\
main{max-width:60rem;margin:2rem auto;padding:2rem 2.5rem;background:#fff}\
h1{margin:0 0 .5rem;font-size:1.6rem}h2{margin:1.6rem 0 .4rem;color:#0b5a63;font-size:1.1rem}\
table{width:100%;border-collapse:collapse;font-size:.85rem}\
th,td{padding:.3rem .4rem;text-align:start;vertical-align:top;border-block-end:1px solid #cfd5da}\
th{background:#e9f1f2;color:#3d464e}.none{color:#555e66}\
@media print{body{background:none}main{margin:0;padding:0}tr{break-inside:avoid}}";

fn readable_key(key: &str) -> String {
    esc(&key.replace('_', " "))
}

/// A value as text: strings as they are, lists and maps flattened.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => format!("<bdi>{}</bdi>", esc(s)),
        Value::Bool(b) => if *b { "✓" } else { "✗" }.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(", "),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| match v {
                // Sets are maps of item -> true: show the item alone.
                Value::Bool(true) => format!("<bdi>{}</bdi>", esc(k)),
                _ => format!("{}: {}", readable_key(k), cell(v)),
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A table of records, one row each, a column per key any of them has.
fn table(rows: &[&Map<String, Value>], none: &str) -> String {
    if rows.is_empty() {
        return format!("<p class=\"none\">{}</p>", esc(none));
    }
    let mut keys: Vec<&String> = Vec::new();
    for row in rows {
        for key in row.keys() {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    let mut html = String::from("<table><thead><tr>");
    for key in &keys {
        html.push_str(&format!("<th scope=\"col\">{}</th>", readable_key(key)));
    }
    html.push_str("</tr></thead><tbody>");
    for row in rows {
        html.push_str("<tr>");
        for key in &keys {
            html.push_str(&format!(
                "<td>{}</td>",
                row.get(*key).map(cell).unwrap_or_default()
            ));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// One record as rows of field and value (the profile: too wide for columns).
fn fields(map: &Map<String, Value>) -> String {
    let mut html = String::from("<table><tbody>");
    for (key, value) in map {
        html.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            readable_key(key),
            cell(value)
        ));
    }
    html.push_str("</tbody></table>");
    html
}

/// The records of a map keyed by id, or of a list.
fn records(value: Option<&Value>) -> Vec<&Map<String, Value>> {
    match value {
        Some(Value::Object(map)) => map.values().filter_map(Value::as_object).collect(),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    }
}

/// The page for `record` in `language`.
pub(super) fn render(record: &SubjectAccess, language: &RecordLanguage) -> String {
    let w = |key: &str| language.subject_access(key);
    let json = serde_json::to_value(record).unwrap_or(Value::Null);
    let person = json.get("person");
    let profile = person
        .and_then(|p| p.get("profile"))
        .and_then(Value::as_object);
    let name = record.person.profile.display_name.as_str();
    let mut html = format!(
        "<!doctype html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <title>{title} · {name}</title><style>{CSS}</style></head><body><main>\
         <p><bdi>{network}</bdi></p><h1>{title}: <bdi>{name}</bdi></h1><p>{intro}</p>\
         <p>{generated} {day}</p>",
        lang = language.code(),
        dir = if language.is_rtl() { "rtl" } else { "ltr" },
        title = esc(&w("title")),
        name = esc(name),
        network = esc(&record.network),
        intro = esc(&w("intro")),
        generated = esc(&w("generated")),
        day = record.generated,
    );
    let sections: [Vec<&Map<String, Value>>; 9] = [
        profile.into_iter().collect(),
        records(person.and_then(|p| p.get("consents"))),
        records(person.and_then(|p| p.get("training"))),
        records(person.and_then(|p| p.get("contributions"))),
        records(person.and_then(|p| p.get("recognition"))),
        records(person.and_then(|p| p.get("suggestions"))),
        records(json.get("invitations")),
        records(json.get("rota")),
        records(json.get("history")),
    ];
    let none = w("none");
    for (i, (section, rows)) in SECTIONS.iter().zip(sections.iter()).enumerate() {
        let heading = w(&format!("section.{section}"));
        html.push_str(&format!("<h2>{}</h2>", esc(&heading)));
        match rows.as_slice() {
            [profile] if i == 0 => html.push_str(&fields(profile)),
            _ => html.push_str(&table(rows, &none)),
        }
    }
    html.push_str("</main></body></html>\n");
    html
}
