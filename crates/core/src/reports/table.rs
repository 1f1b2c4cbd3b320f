//! A report laid out as a table: the one shape behind the CSV files, the
//! XLSX sheets and the table the app shows beside each chart.

use serde::Serialize;

/// One value in a table: text, or a number a spreadsheet can add up.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Cell {
    Text(String),
    Number(f64),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<f64> for Cell {
    fn from(n: f64) -> Cell {
        Cell::Number(n)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Cell {
        Cell::Number(n as f64)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Number(n as f64)
    }
}

/// A titled table. `name` is a stable short name (a file or sheet name, and
/// the key the app translates its title by); `columns` are stable keys of
/// the columns (`month`, `hours`, `stream` ...), `headers` the English a
/// person reads at the top of each column in a CSV or XLSX file.
///
/// Cells of a `stream` or `kind` column hold the vocabulary's stable word,
/// so the app can translate it; files show the English label instead.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Table {
    pub name: String,
    pub columns: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with `(key, English header)` columns.
    pub fn new(name: &str, columns: &[(&str, &str)]) -> Table {
        Table {
            name: name.to_string(),
            columns: columns.iter().map(|(k, _)| k.to_string()).collect(),
            headers: columns.iter().map(|(_, h)| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// The rows as a person reads them in a file: vocabulary words as their
    /// English labels.
    pub fn readable_rows(&self) -> Vec<Vec<Cell>> {
        self.rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&self.columns)
                    .map(|(cell, column)| match cell {
                        Cell::Text(word) => Cell::Text(label(column, word)),
                        number => number.clone(),
                    })
                    .collect()
            })
            .collect()
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.headers.len(), "a row of {}", self.name);
        self.rows.push(cells);
    }

    /// The table as CSV (RFC 4180: fields with a comma, quote or line break
    /// are quoted, quotes doubled), headers first. A text cell starting with
    /// `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet shows it
    /// rather than running it as a formula.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
            let fields: Vec<String> = cells.map(|c| csv_field(&c)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        };
        line(&mut out, &mut self.headers.iter().cloned());
        for row in &self.readable_rows() {
            line(
                &mut out,
                &mut row.iter().map(|cell| match cell {
                    Cell::Text(t) => defuse_formula(t),
                    Cell::Number(n) => format_number(*n),
                }),
            );
        }
        out
    }
}

/// The English label of a vocabulary word in a `stream` or `kind` column.
fn label(column: &str, word: &str) -> String {
    use crate::model::{RecognitionKind, Stream};
    let known = match column {
        "stream" => Stream::from_word(word).map(Stream::label),
        "kind" => RecognitionKind::from_word(word).map(RecognitionKind::label),
        _ => None,
    };
    known.unwrap_or(word).to_string()
}

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn defuse_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Whole numbers without a decimal point; others as written by Rust's
/// shortest round-trip formatting.
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting_and_defuses_formulas() {
        let mut t = Table::new("t", &[("name", "Name"), ("hours", "Hours")]);
        t.row(vec!["Amina, \"Ami\"".into(), 1.5.into()]);
        t.row(vec!["=SUM(A1)".into(), 3u64.into()]);
        t.row(vec!["two\nlines".into(), 0.25.into()]);
        assert_eq!(
            t.to_csv(),
            "Name,Hours\r\n\"Amina, \"\"Ami\"\"\",1.5\r\n'=SUM(A1),3\r\n\"two\nlines\",0.25\r\n"
        );
    }

    #[test]
    fn files_show_vocabulary_labels_where_the_table_holds_words() {
        let mut t = Table::new("t", &[("stream", "Kind of work"), ("kind", "Kind")]);
        t.row(vec!["awards-panel".into(), "travel-expenses".into()]);
        t.row(vec!["not-a-word".into(), "meal".into()]);
        assert_eq!(
            t.to_csv(),
            "Kind of work,Kind\r\nAward assessment panels,Travel expenses\r\nnot-a-word,Meal\r\n"
        );
        assert_eq!(t.rows[0][0], Cell::Text("awards-panel".into()));
    }
}
