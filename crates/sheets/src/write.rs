//! Writing tables for people to read: XLSX with one worksheet per table
//! (bold header, frozen header row, dates as real dates) and CSV in UTF-8
//! with a byte-order mark so Excel shows every script correctly.
//!
//! Only bytes are made here; putting them on disk (atomically, owner-only:
//! they hold personal data) is `sanctuary_store::write_private`'s job.

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

/// The CSV text of one table, with a byte-order mark.
pub fn csv_bytes(table: &Table) -> Result<Vec<u8>, SheetError> {
    csv_blocks(std::slice::from_ref(table))
}

/// The CSV text of several tables in one file: one byte-order mark, then
/// each table's header and rows, tables separated by an empty line.
///
/// This is the one CSV writer of the project (exports and reports), so the
/// one place that defuses formulas: a text cell that a spreadsheet would run
/// as a formula is written with a leading `'` (see [`defuse_formula`]).
/// Numbers are written as numbers, so `-3.5` stays a number a funder can
/// add up.
pub fn csv_blocks(tables: &[Table]) -> Result<Vec<u8>, SheetError> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    let write_error = |e: csv::Error| SheetError::Write(e.to_string());
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            // The csv crate writes an empty record as `""`; a truly empty
            // line is what people and spreadsheet programs expect.
            out.extend_from_slice(b"\r\n");
        }
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(&mut out);
        writer
            .write_record(table.header.iter().map(|h| defuse_formula(h)))
            .map_err(write_error)?;
        for row in &table.rows {
            writer
                .write_record(row.iter().map(csv_text))
                .map_err(write_error)?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// A cell as CSV text: text defused, other cells as they read.
fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => defuse_formula(t),
        other => other.text(),
    }
}

/// The characters that make a spreadsheet program read a cell as a formula
/// (or, for tab and carriage return, that hide one behind white space):
/// OWASP's list for CSV injection.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` with a leading `'` when it starts like a formula, so a name such
/// as `=HYPERLINK("http://...")` is shown, never run, when someone opens the
/// file. Text that already starts with `'`s before a formula character gets
/// one more, so the CSV reader's [`undo_defuse`] gives back exactly `text`.
pub fn defuse_formula(text: &str) -> String {
    if text.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The reverse of [`defuse_formula`], for files this program wrote (and
/// files other programs defused the same way): one `'` is taken off text
/// made of `'`s and then a formula character.
pub fn undo_defuse(text: &str) -> Option<&str> {
    text.strip_prefix('\'')
        .filter(|rest| rest.trim_start_matches('\'').starts_with(FORMULA_STARTS))
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

    fn csv_text_of(tables: &[Table]) -> String {
        let bytes = csv_blocks(tables).expect("written");
        String::from_utf8(bytes[3..].to_vec()).expect("utf-8")
    }

    #[test]
    fn formulas_are_defused_and_numbers_stay_numbers() {
        let t = Table {
            name: "t".into(),
            header: vec!["Name".into(), "Hours".into()],
            rows: vec![
                vec![
                    Cell::Text("=HYPERLINK(\"http://x\")".into()),
                    Cell::Number(-3.5),
                ],
                vec![Cell::Text("+44 7700 900123".into()), Cell::Number(2.0)],
                vec![Cell::Text("-1".into()), Cell::Empty],
                vec![Cell::Text("@SUM(A1)".into()), Cell::Bool(true)],
                vec![Cell::Text("\t=1".into()), Cell::Text("\r=1".into())],
                vec![
                    Cell::Text("Amina, \"Ami\"".into()),
                    Cell::Text("a=b".into()),
                ],
            ],
        };
        assert_eq!(
            csv_text_of(&[t]),
            "Name,Hours\r\n\
             \"'=HYPERLINK(\"\"http://x\"\")\",-3.5\r\n\
             '+44 7700 900123,2\r\n\
             '-1,\r\n\
             '@SUM(A1),TRUE\r\n\
             '\t=1,\"'\r=1\"\r\n\
             \"Amina, \"\"Ami\"\"\",a=b\r\n"
        );
    }

    #[test]
    fn several_tables_share_one_mark_and_are_parted_by_an_empty_line() {
        let one = |name: &str| Table {
            name: name.into(),
            header: vec!["A".into(), "B".into()],
            rows: vec![vec![Cell::Number(1.0), Cell::Text(name.into())]],
        };
        let bytes = csv_blocks(&[one("x"), one("y")]).expect("written");
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        assert_eq!(
            bytes
                .windows(3)
                .filter(|w| *w == [0xEF, 0xBB, 0xBF])
                .count(),
            1
        );
        assert_eq!(
            csv_text_of(&[one("x"), one("y")]),
            "A,B\r\n1,x\r\n\r\nA,B\r\n1,y\r\n"
        );
    }

    #[test]
    fn undo_defuse_takes_off_only_what_defuse_added() {
        for text in [
            "=1+1", "+44 1", "-x", "@a", "\tx", "plain", "'quoted", "'", "", "'@", "''=x",
        ] {
            let defused = defuse_formula(text);
            assert_eq!(undo_defuse(&defused).unwrap_or(&defused), text);
        }
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
