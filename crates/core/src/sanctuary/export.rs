//! Spreadsheets out: people, training, contributions, recognition, projects,
//! invitations, expenses and pathways as tables with headers a person reads, one worksheet (or
//! CSV file, or JSON array) each. Archived people are included and marked,
//! so an export is the whole record a funder or trustee may ask for.

use std::path::Path;

use sanctuary_sheets::{Cell, SheetError, Table};

use super::Sanctuary;
use crate::error::{CoreError, Result};
use crate::model::{AmbassadorDoc, Day};

/// The tables an export holds, in order (also the CSV file names).
pub const EXPORT_TABLES: [&str; 8] = [
    "People",
    "Training",
    "Contributions",
    "Recognition",
    "Projects",
    "Invitations",
    super::export_expenses_pathways::EXPENSES,
    super::export_expenses_pathways::PATHWAYS,
];

/// Where and how to write an export.
#[derive(Debug, Clone, Copy)]
pub enum ExportFormat<'a> {
    Xlsx(&'a Path),
    CsvDir(&'a Path),
    Json(&'a Path),
}

pub(super) fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

pub(super) fn opt(s: &Option<String>) -> Cell {
    s.as_deref().map_or(Cell::Empty, text)
}

pub(super) fn day(d: Day) -> Cell {
    Cell::Date(d.0)
}

fn hours(minutes: u64) -> Cell {
    Cell::Number(minutes as f64 / 60.0)
}

pub(super) fn table(name: &str, header: &[&str], rows: Vec<Vec<Cell>>) -> Table {
    Table {
        name: name.to_string(),
        header: header.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

impl Sanctuary {
    /// The cell naming a record's project: its title, its id if the project
    /// is gone, empty when the record has none.
    pub(super) fn project_cell(&self, id: &Option<String>) -> Cell {
        match id {
            Some(id) => text(
                self.projects
                    .get(id)
                    .map_or(id.as_str(), |p| p.project.title.as_str()),
            ),
            None => Cell::Empty,
        }
    }

    /// Every table of an export, built from the read model.
    pub fn export_tables(&self) -> Vec<Table> {
        let mut people: Vec<&AmbassadorDoc> = self.ambassadors.values().collect();
        people.sort_by_cached_key(|d| (d.profile.display_name.to_lowercase(), d.id().to_string()));
        let name_of = |id: &str| {
            self.ambassadors
                .get(id)
                .map_or_else(|| id.to_string(), |d| d.profile.display_name.clone())
        };
        let course_title = |id: &str| {
            self.catalog
                .courses
                .get(id)
                .map_or_else(|| id.to_string(), |c| c.title.clone())
        };
        let join = |words: Vec<&str>| words.join(", ");

        let mut rows = Vec::new();
        for d in &people {
            let p = &d.profile;
            let languages: Vec<String> = p
                .languages
                .iter()
                .map(|(l, lv)| format!("{l} ({lv})"))
                .collect();
            rows.push(vec![
                text(p.display_name.clone()),
                opt(&p.full_name),
                opt(&p.email),
                opt(&p.phone),
                opt(&p.pronouns),
                text(p.region.clone()),
                opt(&p.local_group),
                text(languages.join(", ")),
                text(join(p.skills.iter().collect())),
                text(join(p.interests.iter().collect())),
                text(p.status.as_str()),
                day(p.joined),
                text(p.payment.as_str()),
                hours(d.minutes_contributed()),
                text(if p.archived { "yes" } else { "" }),
                text(p.notes.clone()),
                text(p.id.clone()),
            ]);
        }
        let people_table = table(
            EXPORT_TABLES[0],
            &[
                "Name",
                "Full name",
                "Email",
                "Phone",
                "Pronouns",
                "Region",
                "Group",
                "Languages",
                "Skills",
                "Interests",
                "Status",
                "Date joined",
                "Payment",
                "Hours contributed",
                "Archived",
                "Notes",
                "Id",
            ],
            rows,
        );

        let (mut training, mut contributions, mut recognition) =
            (Vec::new(), Vec::new(), Vec::new());
        for d in &people {
            let name = &d.profile.display_name;
            let mut records: Vec<_> = d.training.values().collect();
            records.sort_by_key(|r| (r.completed, r.id.clone()));
            for r in records {
                training.push(vec![
                    text(name.clone()),
                    text(course_title(&r.course_id)),
                    day(r.completed),
                    self.training_expiry(r).map_or(Cell::Empty, day),
                    opt(&r.trainer),
                    opt(&r.place),
                    r.confidence_before
                        .map_or(Cell::Empty, |c| Cell::Number(f64::from(c))),
                    r.confidence_after
                        .map_or(Cell::Empty, |c| Cell::Number(f64::from(c))),
                ]);
            }
            let mut records: Vec<_> = d.contributions.values().collect();
            records.sort_by_key(|r| (r.date, r.id.clone()));
            for c in records {
                contributions.push(vec![
                    text(name.clone()),
                    day(c.date),
                    hours(u64::from(c.minutes)),
                    text(c.role.clone()),
                    text(c.stream.label()),
                    self.project_cell(&c.project_id),
                ]);
            }
            let mut records: Vec<_> = d.recognition.values().collect();
            records.sort_by_key(|r| (r.date, r.id.clone()));
            for r in records {
                recognition.push(vec![
                    text(name.clone()),
                    day(r.date),
                    text(r.kind.label()),
                    r.amount_pence
                        .map_or(Cell::Empty, |p| Cell::Number(p as f64 / 100.0)),
                    opt(&r.description),
                    self.project_cell(&r.project_id),
                ]);
            }
        }

        let mut projects: Vec<_> = self.projects.values().collect();
        projects.sort_by_key(|p| (p.project.start, p.id().to_string()));
        let mut project_rows = Vec::new();
        let mut invitation_rows = Vec::new();
        for doc in &projects {
            let p = &doc.project;
            project_rows.push(vec![
                text(p.title.clone()),
                text(p.stream.label()),
                text(p.level.as_str()),
                day(p.start),
                p.end.map_or(Cell::Empty, day),
                opt(&p.location),
                opt(&p.organisation),
                Cell::Number(f64::from(p.places)),
                Cell::Number(doc.invitations.len() as f64),
            ]);
            let mut invitations: Vec<_> = doc.invitations.values().collect();
            invitations.sort_by_cached_key(|i| name_of(&i.ambassador_id).to_lowercase());
            for i in invitations {
                let latest = i.latest();
                invitation_rows.push(vec![
                    text(p.title.clone()),
                    text(name_of(&i.ambassador_id)),
                    i.status().map_or(Cell::Empty, |s| text(s.as_str())),
                    latest.map_or(Cell::Empty, |e| day(e.date)),
                    i.asked_on().map_or(Cell::Empty, day),
                ]);
            }
        }

        let [expenses, pathways] = self.expense_and_pathway_tables(&people);
        vec![
            people_table,
            table(
                EXPORT_TABLES[1],
                &[
                    "Name",
                    "Course",
                    "Completed",
                    "Valid until",
                    "Trainer",
                    "Place",
                    "Confidence before",
                    "Confidence after",
                ],
                training,
            ),
            table(
                EXPORT_TABLES[2],
                &["Name", "Date", "Hours", "Role", "Type of work", "Project"],
                contributions,
            ),
            table(
                EXPORT_TABLES[3],
                &[
                    "Name",
                    "Date",
                    "Kind",
                    "Amount (£)",
                    "Description",
                    "Project",
                ],
                recognition,
            ),
            table(
                EXPORT_TABLES[4],
                &[
                    "Title",
                    "Type of work",
                    "Level",
                    "Start",
                    "End",
                    "Location",
                    "Organisation",
                    "Places",
                    "Invitations",
                ],
                project_rows,
            ),
            table(
                EXPORT_TABLES[5],
                &["Project", "Name", "Status", "Status since", "Asked on"],
                invitation_rows,
            ),
            expenses,
            pathways,
        ]
    }

    /// Writes the export; returns the number of rows of each table.
    pub fn export(&self, format: ExportFormat<'_>) -> Result<Vec<(String, usize)>> {
        let tables = self.export_tables();
        let counts = tables
            .iter()
            .map(|t| (t.name.clone(), t.rows.len()))
            .collect();
        let write = |path: &Path, bytes: &[u8]| {
            sanctuary_store::write_private(path, bytes).map_err(|e| {
                CoreError::Sheet(SheetError::Write(format!("{}: {e}", path.display())))
            })
        };
        match format {
            ExportFormat::Xlsx(path) => write(path, &sanctuary_sheets::xlsx_bytes(&tables)?)?,
            ExportFormat::CsvDir(dir) => {
                std::fs::create_dir_all(dir).map_err(SheetError::from)?;
                for t in &tables {
                    let path = dir.join(format!("{}.csv", t.name));
                    write(&path, &sanctuary_sheets::csv_bytes(t)?)?;
                }
            }
            ExportFormat::Json(path) => {
                let json = tables_json(&tables);
                let bytes = serde_json::to_vec_pretty(&json)
                    .map_err(|e| CoreError::Internal(format!("encoding the export: {e}")))?;
                write(path, &bytes)?;
            }
        }
        Ok(counts)
    }
}

/// `{"People": [{"Name": ..., ...}], ...}`: the same headers as the sheets.
fn tables_json(tables: &[Table]) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for t in tables {
        let rows: Vec<serde_json::Value> = t
            .rows
            .iter()
            .map(|row| {
                let mut obj = serde_json::Map::new();
                for (h, cell) in t.header.iter().zip(row) {
                    let value = match cell {
                        Cell::Empty => serde_json::Value::Null,
                        Cell::Number(n) => serde_json::json!(n),
                        Cell::Bool(b) => serde_json::json!(b),
                        other => serde_json::json!(other.text()),
                    };
                    obj.insert(h.clone(), value);
                }
                serde_json::Value::Object(obj)
            })
            .collect();
        out.insert(t.name.clone(), serde_json::Value::Array(rows));
    }
    serde_json::Value::Object(out)
}
