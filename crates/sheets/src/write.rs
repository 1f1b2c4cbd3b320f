//! Writing tables for people to read: XLSX with one worksheet per table
//! (bold header, frozen header row, dates as real dates) and CSV in UTF-8
//! with a byte-order mark so Excel shows every script correctly.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::{Cell, SheetError};

/// One table to write: a name (the worksheet or file name), its header and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> SheetError {
    SheetError::Write(e.to_string())
}

/// The bytes of an XLSX workbook holding `tables`, one worksheet each.
pub fn xlsx_bytes(tables: &[Table]) -> Result<Vec<u8>, SheetError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&table.name).map_err(xlsx_error)?;
        for (c, title) in table.header.iter().enumerate() {
            sheet
                .write_string_with_format(0, col(c)?, title, &bold)
                .map_err(xlsx_error)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| SheetError::Write("too many rows".into()))?;
            for (c, value) in row.iter().enumerate() {
                let c = col(c)?;
                match value {
                    Cell::Empty => continue,
                    Cell::Text(t) => sheet.write_string(r, c, t).map(drop),
                    Cell::Number(n) => sheet.write_number(r, c, *n).map(drop),
                    Cell::Bool(b) => sheet.write_boolean(r, c, *b).map(drop),
                    Cell::Date(d) => {
                        use chrono::Datelike;
                        let day = ExcelDateTime::from_ymd(
                            u16::try_from(d.year()).unwrap_or(1900),
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .map_err(xlsx_error)?;
                        sheet
                            .write_datetime_with_format(r, c, &day, &date)
                            .map(drop)
                    }
                }
                .map_err(xlsx_error)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        for c in 0..table.header.len() {
            sheet.set_column_width(col(c)?, 18).map_err(xlsx_error)?;
        }
    }
    book.save_to_buffer().map_err(xlsx_error)
}

fn col(c: usize) -> Result<u16, SheetError> {
    u16::try_from(c).map_err(|_| SheetError::Write("too many columns".into()))
}

/// Writes `tables` as one XLSX file, through a temporary file and a rename
/// so a crash never leaves half a workbook under the name asked for.
pub fn write_xlsx(path: &Path, tables: &[Table]) -> Result<(), SheetError> {
    write_file(path, &xlsx_bytes(tables)?)
}

/// The CSV text of one table, with a byte-order mark.
pub fn csv_bytes(table: &Table) -> Result<Vec<u8>, SheetError> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let write_error = |e: csv::Error| SheetError::Write(e.to_string());
        writer.write_record(&table.header).map_err(write_error)?;
        for row in &table.rows {
            writer
                .write_record(row.iter().map(Cell::text))
                .map_err(write_error)?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// Writes one table as `DIR/<name>.csv`.
pub fn write_csv(dir: &Path, table: &Table) -> Result<(), SheetError> {
    write_file(&dir.join(format!("{}.csv", table.name)), &csv_bytes(table)?)
}

/// Writes bytes under `path` through a temporary file and a rename.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), SheetError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| SheetError::Write(format!("{} is not a file name", path.display())))?;
    let temp = dir.join(format!(".{name}.partial"));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    Ok(result?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read;

    fn table() -> Table {
        Table {
            name: "People".into(),
            header: vec!["Name".into(), "Joined".into(), "Hours".into()],
            rows: vec![
                vec![
                    Cell::Text("ሳባ ተስፋይ".into()),
                    Cell::Date(chrono::NaiveDate::from_ymd_opt(2024, 2, 1).expect("day")),
                    Cell::Number(1.5),
                ],
                vec![
                    Cell::Text("Nguyễn, \"Lan\"".into()),
                    Cell::Empty,
                    Cell::Number(3.0),
                ],
            ],
        }
    }

    #[test]
    fn xlsx_reads_back_with_dates_and_scripts_intact() {
        let bytes = xlsx_bytes(&[table()]).expect("written");
        let sheet = read(&bytes).expect("read back");
        assert_eq!(sheet.header(), ["Name", "Joined", "Hours"]);
        assert_eq!(sheet.rows[1], table().rows[0]);
        assert_eq!(sheet.rows[2][0], Cell::Text("Nguyễn, \"Lan\"".into()));
        assert_eq!(sheet.rows[2][2], Cell::Number(3.0));
    }

    #[test]
    fn csv_reads_back_the_same_text() {
        let bytes = csv_bytes(&table()).expect("written");
        let sheet = read(&bytes).expect("read back");
        let want: Vec<Vec<String>> = table()
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect();
        let got: Vec<Vec<String>> = sheet.rows[1..]
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect();
        assert_eq!(got, want);
    }
}
