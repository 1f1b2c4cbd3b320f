//! A cell as read from a file: text, a number, a real date, or nothing.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell the spreadsheet program itself stores as a date.
    Date(NaiveDate),
}

impl Cell {
    /// The cell as a person would read it; numbers without a needless `.0`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// Whether the cell holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// The day an Excel serial number names, in the 1900 date system every
/// Windows Excel uses (serial 1 is 1900-01-01, and Excel counts a 29 Feb
/// 1900 that never was, so serials from 61 on are one day ahead). `None`
/// outside 1 ..= 2958465 (31 Dec 9999) or for a fraction-only time.
pub fn excel_serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let whole = serial.floor() as i64;
    // 1899-12-30 is day 0 for every serial after Excel's phantom leap day.
    let base = if whole >= 61 {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    };
    base.checked_add_signed(chrono::TimeDelta::days(whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn excel_serials_are_the_days_excel_shows() {
        for (serial, want) in [
            (1.0, day(1900, 1, 1)),
            (59.0, day(1900, 2, 28)),
            (61.0, day(1900, 3, 1)),
            (44927.0, day(2023, 1, 1)),
            (44999.5, day(2023, 3, 14)),
            (0.0, None),
            (-3.0, None),
            (f64::NAN, None),
            (3_000_000.0, None),
        ] {
            assert_eq!(excel_serial_to_date(serial), want, "serial {serial}");
        }
    }

    #[test]
    fn numbers_read_as_people_wrote_them() {
        assert_eq!(Cell::Number(7700900123.0).text(), "7700900123");
        assert_eq!(Cell::Number(1.5).text(), "1.5");
        assert!(Cell::Text("  ".into()).is_blank());
        assert!(!Cell::Number(0.0).is_blank());
    }
}
