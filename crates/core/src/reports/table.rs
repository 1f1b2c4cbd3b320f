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
/// Cells of a `stream`, `kind` or `role` column hold the vocabulary's stable word,
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

    /// The table as a spreadsheet table (vocabulary words as their English
    /// labels), for the one CSV and XLSX writer in sanctuary-sheets.
    pub fn to_sheet(&self) -> sanctuary_sheets::Table {
        use sanctuary_sheets::Cell as SheetCell;
        sanctuary_sheets::Table {
            name: self.name.clone(),
            header: self.headers.clone(),
            rows: self
                .readable_rows()
                .into_iter()
                .map(|row| {
                    row.into_iter()
                        .map(|cell| match cell {
                            Cell::Text(t) => SheetCell::Text(t),
                            Cell::Number(n) => SheetCell::Number(n),
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

/// The tables as one CSV file (see [`sanctuary_sheets::csv_blocks`]: one
/// block per table, formulas defused, numbers kept as numbers).
pub fn csv_bytes(tables: &[Table]) -> crate::Result<Vec<u8>> {
    let sheets: Vec<_> = tables.iter().map(Table::to_sheet).collect();
    Ok(sanctuary_sheets::csv_blocks(&sheets)?)
}

/// Writes the tables as one CSV file at `path`, atomically and owner-only
/// (a report may name people).
pub fn write_csv(path: &std::path::Path, tables: &[Table]) -> crate::Result<()> {
    write_private(path, &csv_bytes(tables)?)
}

fn write_private(path: &std::path::Path, bytes: &[u8]) -> crate::Result<()> {
    sanctuary_store::write_private(path, bytes).map_err(|e| {
        crate::CoreError::Sheet(sanctuary_sheets::SheetError::Write(format!(
            "{}: {e}",
            path.display()
        )))
    })
}

/// The tables as an XLSX workbook, one worksheet per table named by the
/// table (bold, frozen header row; numbers as numbers a spreadsheet can
/// add up; vocabulary words as their English labels, as in CSV). A
/// formula-like text stays text: it is written as a string cell.
pub fn xlsx_bytes(tables: &[Table]) -> crate::Result<Vec<u8>> {
    let sheets: Vec<_> = tables.iter().map(Table::to_sheet).collect();
    Ok(sanctuary_sheets::xlsx_bytes(&sheets)?)
}

/// Writes [`xlsx_bytes`] at `path`, atomically and owner-only (a report may
/// name people).
pub fn write_xlsx(path: &std::path::Path, tables: &[Table]) -> crate::Result<()> {
    write_private(path, &xlsx_bytes(tables)?)
}

/// The English label of a vocabulary word in a `stream` or `kind` column.
fn label(column: &str, word: &str) -> String {
    use crate::model::{PathwayRole, RecognitionKind, Stream};
    let known = match column {
        "stream" => Stream::from_word(word).map(Stream::label),
        "kind" => RecognitionKind::from_word(word).map(RecognitionKind::label),
        "role" => PathwayRole::from_word(word).map(PathwayRole::label),
        "group" => match word {
            "first-timers" => Some("Not offered anything before"),
            "returning" => Some("Offered something before"),
            _ => None,
        },
        _ => None,
    };
    known.unwrap_or(word).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSV text after its byte-order mark.
    fn csv_text(tables: &[Table]) -> String {
        let bytes = csv_bytes(tables).expect("written");
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        String::from_utf8(bytes[3..].to_vec()).expect("utf-8")
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_defuses_formulas() {
        let mut t = Table::new("t", &[("name", "Name"), ("hours", "Hours")]);
        t.row(vec!["Amina, \"Ami\"".into(), 1.5.into()]);
        t.row(vec!["=SUM(A1)".into(), 3u64.into()]);
        t.row(vec!["two\nlines".into(), 0.25.into()]);
        assert_eq!(
            csv_text(&[t]),
            "Name,Hours\r\n\"Amina, \"\"Ami\"\"\",1.5\r\n'=SUM(A1),3\r\n\"two\nlines\",0.25\r\n"
        );
    }

    #[test]
    fn xlsx_reads_back_with_numbers_as_numbers_and_labels_as_words() {
        use calamine::{Data, Reader, Xlsx};
        let mut t = Table::new(
            "hours-by-stream",
            &[("stream", "Kind of work"), ("hours", "Hours")],
        );
        t.row(vec!["awards-panel".into(), 1.5.into()]);
        t.row(vec!["=1+1".into(), 3u64.into()]);
        let bytes = xlsx_bytes(&[t]).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), ["hours-by-stream"]);
        let range = book.worksheet_range("hours-by-stream").unwrap();
        let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
        assert_eq!(
            rows,
            [
                vec![
                    Data::String("Kind of work".into()),
                    Data::String("Hours".into())
                ],
                vec![
                    Data::String("Award assessment panels".into()),
                    Data::Float(1.5)
                ],
                vec![Data::String("=1+1".into()), Data::Float(3.0)],
            ]
        );
    }

    #[test]
    fn files_show_vocabulary_labels_where_the_table_holds_words() {
        let mut t = Table::new("t", &[("stream", "Kind of work"), ("kind", "Kind")]);
        t.row(vec!["awards-panel".into(), "travel-expenses".into()]);
        t.row(vec!["not-a-word".into(), "meal".into()]);
        assert_eq!(
            csv_text(std::slice::from_ref(&t)),
            "Kind of work,Kind\r\nAward assessment panels,Travel expenses\r\nnot-a-word,Meal\r\n"
        );
        assert_eq!(t.rows[0][0], Cell::Text("awards-panel".into()));
    }
}
