//! Spreadsheets in and out, with no domain knowledge.
//!
//! Coordinators arrive with whatever their tools wrote: CSV from Excel on
//! Windows (Windows-1252, semicolons in many European locales), CSV with a
//! byte-order mark, UTF-16 "Unicode text", XLSX and ODS. [`read`] turns any of
//! them into one [`Sheet`]: rows of typed [`Cell`]s, the first row being the
//! header as the file wrote it. Writing goes the other way: [`xlsx_bytes`]
//! (rust_xlsxwriter, one worksheet per table) and [`csv_blocks`] (UTF-8 with a
//! byte-order mark, which Excel needs to show non-Latin names correctly, and
//! formulas defused so a cell never runs when the file is opened). Callers
//! put the bytes on disk with `sanctuary_store::write_private`.
//!
//! What a column means, how a date written as text is read, and what is a
//! valid value are the caller's business (sanctuary-core's `import`).

mod cell;
mod csv_read;
mod error;
mod workbook;
mod write;

pub use cell::{Cell, excel_serial_to_date};
pub use csv_read::{Encoding, read_csv};
pub use error::SheetError;
pub use workbook::read_workbook;
pub use write::{Table, csv_blocks, csv_bytes, defuse_formula, undo_defuse, xlsx_bytes};

/// The largest file read: far beyond any network's spreadsheet, small
/// enough that a wrong file (a video, a disk image) is refused at once.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// One table read from a file: its rows, the first being the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub rows: Vec<Vec<Cell>>,
    /// How the text was encoded (CSV only).
    pub encoding: Option<Encoding>,
    /// The separator found (CSV only).
    pub separator: Option<u8>,
}

impl Sheet {
    /// The header row as text (empty when the file has no rows).
    pub fn header(&self) -> Vec<String> {
        self.rows
            .first()
            .map(|r| r.iter().map(Cell::text).collect())
            .unwrap_or_default()
    }

    /// The rows after the header, each paired with its row number as a
    /// spreadsheet program shows it (the header is row 1).
    pub fn data_rows(&self) -> impl Iterator<Item = (usize, &[Cell])> {
        self.rows
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, r)| (i + 1, r.as_slice()))
    }
}

/// Reads a spreadsheet from its bytes, choosing the reader by content (the
/// zip signature of XLSX and ODS), never by the file name alone.
pub fn read(bytes: &[u8]) -> Result<Sheet, SheetError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(SheetError::TooLarge);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        read_workbook(bytes)
    } else {
        read_csv(bytes)
    }
}
