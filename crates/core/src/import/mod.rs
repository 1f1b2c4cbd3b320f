//! Spreadsheets in: ambassadors, training and contributions from the files
//! coordinators keep today.
//!
//! An import is planned first, as a pure function of the sheet, the
//! mapping, the defaults and what the store already holds: every row is
//! read into a person or a record or rejected with its row number and
//! reason, and duplicates (same email, phone or name, within the file and
//! against the store) are merged into one person keeping every value. The
//! plan is then written in one store transaction, or not at all: a dry run
//! and a plan with rejected rows (unless `skip_invalid`) write nothing.

mod dates;
mod fields;
mod identity;
mod people;
mod preview;
mod problems;
mod records;
mod refusal;

use std::collections::BTreeMap;

use sanctuary_sheets::{Cell, Sheet};
use serde::Serialize;

pub use dates::{DateError, parse_day, parse_day_text};
pub use fields::{ImportKind, Mapping, columns, normalise_header};
pub use identity::{email_key, name_key, phone_key};
pub(crate) use preview::preview;
pub use preview::{ImportPreview, PREVIEW_ROWS};
pub use problems::{DuplicateCode, ProblemCode, RowProblem};
pub use refusal::ImportRefusal;

use crate::error::Result;
use crate::model::AmbassadorDoc;

/// How to import a file.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub kind: ImportKind,
    /// A mapping file's content; `None` uses the mapping remembered for
    /// this header row, else the usual header names.
    pub mapping: Option<Mapping>,
    /// FIELD=VALUE for fields the file lacks or leaves blank.
    pub defaults: Vec<(String, String)>,
    pub dry_run: bool,
    pub skip_invalid: bool,
}

/// A row that cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RejectedRow {
    /// The row number a spreadsheet program shows (the header is row 1).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub row: usize,
    /// Every problem, in English, joined by "; " (what the CLI prints).
    pub reason: String,
    /// Every problem, coded, for the app to word.
    pub problems: Vec<RowProblem>,
}

impl RejectedRow {
    pub(crate) fn new(row: usize, problems: Vec<RowProblem>) -> RejectedRow {
        let reason = problems
            .iter()
            .map(|p| p.message.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        RejectedRow {
            row,
            reason,
            problems,
        }
    }
}

/// A row found to be someone already seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DuplicateRow {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub row: usize,
    /// "row 3" or the display name of a person already in the store.
    pub of: String,
    /// The earlier row of the file it repeats (`None`: someone stored).
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub of_row: Option<usize>,
    pub code: DuplicateCode,
    /// "the same email", "the same phone number", "the same name", "already recorded".
    pub reason: String,
}

impl DuplicateRow {
    /// A row repeating the earlier row `first` of the file.
    pub(crate) fn of_row(row: usize, first: usize, code: DuplicateCode) -> DuplicateRow {
        DuplicateRow {
            row,
            of: format!("row {first}"),
            of_row: Some(first),
            code,
            reason: code.words().to_string(),
        }
    }

    /// A row that is someone (or something) already stored.
    pub(crate) fn of_stored(row: usize, name: &str, code: DuplicateCode) -> DuplicateRow {
        DuplicateRow {
            row,
            of: name.to_string(),
            of_row: None,
            code,
            reason: code.words().to_string(),
        }
    }
}

/// What an import did, or would do (dry run).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SheetImportReport {
    pub kind: ImportKind,
    /// Data rows in the file (the header not counted, blank rows not counted).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub rows: usize,
    /// People added (ambassadors) or records added (training, contributions).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub created: usize,
    /// People already in the store who gained values from the file.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub updated: usize,
    pub rejected: Vec<RejectedRow>,
    pub duplicates: Vec<DuplicateRow>,
    /// Header as in the file -> field it was read as.
    pub mapping: BTreeMap<String, String>,
    pub dry_run: bool,
    /// Whether anything was written to the store.
    pub written: bool,
    /// How the text was encoded (CSV only).
    pub encoding: Option<String>,
}

/// The documents an import writes: new people, and people already stored
/// with what the file adds to them.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    pub new: Vec<AmbassadorDoc>,
    pub changed: Vec<AmbassadorDoc>,
    pub created: usize,
    pub rejected: Vec<RejectedRow>,
    pub duplicates: Vec<DuplicateRow>,
}

/// A data row as field -> cell, with the defaults filled in.
pub(crate) struct Row<'a> {
    pub number: usize,
    cells: BTreeMap<&'static str, &'a Cell>,
    defaults: &'a BTreeMap<&'static str, Cell>,
}

impl Row<'_> {
    /// The cell of a field, or its default when the file has none or a blank.
    pub fn cell(&self, field: &str) -> Option<&Cell> {
        match self.cells.get(field) {
            Some(c) if !c.is_blank() => Some(*c),
            _ => self.defaults.get(field),
        }
    }

    /// The trimmed text of a field, `None` when blank.
    pub fn text(&self, field: &str) -> Option<String> {
        self.cell(field)
            .map(|c| c.text().trim().to_string())
            .filter(|t| !t.is_empty())
    }
}

/// Splits the CLI's `--default FIELD=VALUE`; the app sends the field and
/// the value apart. Either way [`ImportOptions::defaults`] is read by one
/// rule: a known field of the kind, filled where a row has no cell or a blank.
pub fn parse_default(text: &str) -> Result<(String, String)> {
    match text.split_once('=') {
        Some((field, value)) if !field.trim().is_empty() => {
            Ok((field.trim().to_string(), value.to_string()))
        }
        _ => Err(ImportRefusal::BadDefault(text.to_string()).into()),
    }
}

/// Reads the defaults (`region=Yorkshire`), refusing fields this kind has not.
fn defaults(kind: ImportKind, given: &[(String, String)]) -> Result<BTreeMap<&'static str, Cell>> {
    let mut out = BTreeMap::new();
    for (field, value) in given {
        let known = kind.fields().iter().find(|(f, _)| *f == field.trim());
        let Some((field, _)) = known else {
            return Err(ImportRefusal::UnknownDefault {
                kind,
                field: field.clone(),
            }
            .into());
        };
        out.insert(*field, Cell::Text(value.trim().to_string()));
    }
    Ok(out)
}

/// The rows of `sheet` as fields, skipping blank rows.
pub(crate) fn rows<'a>(
    sheet: &'a Sheet,
    cols: &[(usize, &'static str)],
    defaults: &'a BTreeMap<&'static str, Cell>,
) -> Vec<Row<'a>> {
    sheet
        .data_rows()
        .filter(|(_, cells)| !cells.iter().all(Cell::is_blank))
        .map(|(number, cells)| Row {
            number,
            cells: cols
                .iter()
                .filter_map(|(i, field)| cells.get(*i).map(|c| (*field, c)))
                .collect(),
            defaults,
        })
        .collect()
}

/// Plans an import against what the store holds; writes nothing.
pub(crate) fn plan(
    sheet: &Sheet,
    options: &ImportOptions,
    mapping: &Mapping,
    store: &records::Existing<'_>,
) -> Result<(Plan, SheetImportReport)> {
    let header = sheet.header();
    let cols = columns(options.kind, &header, mapping);
    let defaults = defaults(options.kind, &options.defaults)?;
    let has = |field: &str| cols.iter().any(|(_, f)| *f == field) || defaults.contains_key(field);
    let required: &[&[&str]] = match options.kind {
        ImportKind::Ambassadors => &[&["name", "first-name"], &["region"]],
        ImportKind::Training => &[
            &["name", "first-name", "email", "phone"],
            &["course"],
            &["date"],
        ],
        ImportKind::Contributions => &[
            &["name", "first-name", "email", "phone"],
            &["date"],
            &["hours"],
        ],
    };
    for any_of in required {
        if !any_of.iter().any(|f| has(f)) {
            return Err(ImportRefusal::NoColumn { field: any_of[0] }.into());
        }
    }
    let rows = rows(sheet, &cols, &defaults);
    let plan = match options.kind {
        ImportKind::Ambassadors => people::plan(&rows, store),
        ImportKind::Training => records::plan_training(&rows, store),
        ImportKind::Contributions => records::plan_contributions(&rows, store),
    };
    let report = SheetImportReport {
        kind: options.kind,
        rows: rows.len(),
        created: plan.created,
        updated: plan.changed.len(),
        rejected: plan.rejected.clone(),
        duplicates: plan.duplicates.clone(),
        mapping: cols
            .iter()
            .filter_map(|(i, f)| header.get(*i).map(|h| (h.clone(), f.to_string())))
            .collect(),
        dry_run: options.dry_run,
        written: false,
        encoding: sheet.encoding.map(|e| e.name().to_string()),
    };
    Ok((plan, report))
}

pub(crate) use records::Existing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_default_is_field_equals_value() {
        let ok = |text: &str| parse_default(text).expect(text);
        assert_eq!(
            ok("region=Yorkshire"),
            ("region".into(), "Yorkshire".into())
        );
        assert_eq!(
            ok(" region = North East"),
            ("region".into(), " North East".into())
        );
        assert_eq!(ok("notes=a=b"), ("notes".into(), "a=b".into()));
        assert_eq!(ok("region="), ("region".into(), String::new()));
        for bad in ["Yorkshire", "=Yorkshire", " =x", ""] {
            let e = parse_default(bad).expect_err(bad);
            assert!(e.to_string().contains("FIELD=VALUE"), "{e}");
        }
    }

    #[test]
    fn a_default_must_name_a_field_of_the_kind() {
        let given = [("region".to_string(), " Yorkshire ".to_string())];
        let read = defaults(ImportKind::Ambassadors, &given).expect("known");
        assert_eq!(read.get("region"), Some(&Cell::Text("Yorkshire".into())));
        let unknown = [("shoe-size".to_string(), "9".to_string())];
        let e = defaults(ImportKind::Ambassadors, &unknown).expect_err("unknown");
        assert!(e.to_string().contains("unknown field 'shoe-size'"), "{e}");
    }
}
