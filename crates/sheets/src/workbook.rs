//! XLSX and ODS through calamine: the first worksheet, with real date
//! cells kept as dates.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use crate::{Cell, Sheet, SheetError, excel_serial_to_date};

/// Reads the first worksheet of an XLSX or ODS file.
pub fn read_workbook(bytes: &[u8]) -> Result<Sheet, SheetError> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| SheetError::Workbook(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(SheetError::NoWorksheet)?
        .map_err(|e| SheetError::Workbook(e.to_string()))?;
    // Rows are placed by their real position so row numbers in messages
    // match what the spreadsheet program shows, blank rows above included.
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = (0..top).map(|_| Vec::new()).collect();
    for row in range.rows() {
        let mut cells: Vec<Cell> = (0..left).map(|_| Cell::Empty).collect();
        cells.extend(row.iter().map(cell));
        rows.push(cells);
    }
    while rows.last().is_some_and(|r| r.iter().all(Cell::is_blank)) {
        rows.pop();
    }
    if rows.is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(Sheet {
        rows,
        encoding: None,
        separator: None,
    })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match excel_serial_to_date(dt.as_f64()) {
            Some(day) => Cell::Date(day),
            None => Cell::Text(dt.as_f64().to_string()),
        },
        // ODS writes dates as ISO text; the date part is what matters here.
        Data::DateTimeIso(s) => {
            match chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
                Ok(day) => Cell::Date(day),
                Err(_) => Cell::Text(s.clone()),
            }
        }
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}
