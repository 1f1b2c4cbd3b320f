//! Dates as people write them in spreadsheets: UK day-first order
//! (14/03/2023, 14-03-23, 14.03.2023), ISO (2023-03-14), words (1 Feb 2024,
//! 1 February 2024, 01-Feb-24), Excel serial numbers (as numbers or text),
//! and real date cells. A date that does not exist (31/02/2023) is refused,
//! never moved to a neighbouring day.

use chrono::NaiveDate;
use sanctuary_sheets::{Cell, excel_serial_to_date};

use crate::model::Day;

/// Serial numbers accepted as dates: 1 Jan 1950 to 31 Dec 2099. A number
/// outside is far more likely a mistake (a phone number, an amount).
const SERIALS: std::ops::RangeInclusive<f64> = 18_264.0..=73_415.0;

/// Why a cell is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("the date is empty")]
    Empty,
    #[error("'{0}' is not a date (write it as 14/03/2023 or 2023-03-14)")]
    NotADate(String),
    #[error("'{0}' is not a day that exists (dates are read day first: 14/03/2023)")]
    Impossible(String),
}

/// Reads one cell as a day, or says why it is not one.
pub fn parse_day(cell: &Cell) -> Result<Day, DateError> {
    match cell {
        Cell::Date(day) => Ok(Day(*day)),
        Cell::Number(n) => serial(*n).ok_or_else(|| DateError::NotADate(cell.text())),
        other => parse_day_text(&other.text()),
    }
}

fn serial(n: f64) -> Option<Day> {
    SERIALS
        .contains(&n)
        .then(|| excel_serial_to_date(n).map(Day))
        .flatten()
}

/// Reads a date written as text.
pub fn parse_day_text(text: &str) -> Result<Day, DateError> {
    let t = text.trim();
    let refuse = || DateError::NotADate(t.to_string());
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    if let Ok(n) = t.parse::<f64>() {
        return serial(n).ok_or_else(refuse);
    }
    // The date part of "2023-03-14 00:00:00" or "14/03/2023 09:30".
    let t = t
        .split([' ', 'T'])
        .next()
        .filter(|d| d.len() >= 6 && !t.contains(char::is_alphabetic))
        .unwrap_or(t);
    // ISO only with a four-digit year: chrono would read 14-03-23 as year 14.
    if t.as_bytes().get(4) == Some(&b'-')
        && let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d")
    {
        return Ok(Day(d));
    }
    let numeric: Vec<&str> = t.split(['/', '-', '.']).collect();
    if numeric.len() == 3
        && numeric
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let num = |s: &str| s.parse::<u32>().ok();
        let (Some(a), Some(b), Some(c)) = (num(numeric[0]), num(numeric[1]), num(numeric[2]))
        else {
            return Err(refuse());
        };
        if numeric[0].len() == 4 {
            // 2023/03/14: year first is never ambiguous.
            return day(a as i32, b, c).ok_or_else(|| impossible(t));
        }
        let year = match numeric[2].len() {
            4 => c as i32,
            2 => 2000 + c as i32 - if c > 69 { 100 } else { 0 },
            _ => return Err(refuse()),
        };
        // UK order: day first. 03/14/2023 is refused rather than guessed.
        return day(year, b, a).ok_or_else(|| impossible(t));
    }
    for format in [
        "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%B-%Y", "%d %b %y", "%d-%b-%y", "%b %d %Y",
        "%B %d %Y",
    ] {
        let cleaned = t.replace(',', "");
        let cleaned = strip_ordinal(&cleaned);
        if let Ok(d) = NaiveDate::parse_from_str(&cleaned, format) {
            // chrono's %Y takes "24" as the year 24: a two-digit year is this century's
            // (or the last one's from 70 on), as in the numeric forms above.
            use chrono::Datelike;
            if d.year() < 100 {
                let year = 2000 + d.year() - if d.year() > 69 { 100 } else { 0 };
                return d.with_year(year).map(Day).ok_or_else(|| impossible(t));
            }
            return Ok(Day(d));
        }
    }
    if words_look_like_a_date(t) {
        return Err(impossible(t));
    }
    Err(refuse())
}

fn day(year: i32, month: u32, day: u32) -> Option<Day> {
    NaiveDate::from_ymd_opt(year, month, day).map(Day)
}

fn impossible(t: &str) -> DateError {
    DateError::Impossible(t.to_string())
}

/// "1st Feb 2024" -> "1 Feb 2024".
fn strip_ordinal(t: &str) -> String {
    t.split_whitespace()
        .map(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            if !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && ["st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str())
            {
                digits.to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn words_look_like_a_date(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .any(|m| lower.contains(m))
        && t.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, want: Option<&str>) {
        let got = parse_day_text(input).map(|d| d.to_string());
        match want {
            Some(w) => assert_eq!(got.as_deref(), Ok(w), "{input}"),
            None => assert!(got.is_err(), "{input} should be refused, got {got:?}"),
        }
    }

    #[test]
    fn dates_as_people_write_them() {
        for (input, want) in [
            ("14/03/2023", Some("2023-03-14")),
            ("4/3/2023", Some("2023-03-04")),
            ("14-03-23", Some("2023-03-14")),
            ("14.03.2023", Some("2023-03-14")),
            ("2023-03-14", Some("2023-03-14")),
            ("2023/03/14", Some("2023-03-14")),
            ("2023-03-14 00:00:00", Some("2023-03-14")),
            ("1 Feb 2024", Some("2024-02-01")),
            ("1 February 2024", Some("2024-02-01")),
            ("1st February 2024", Some("2024-02-01")),
            ("01-Feb-24", Some("2024-02-01")),
            ("February 1, 2024", Some("2024-02-01")),
            ("45000", Some("2023-03-15")),
            ("29/02/2024", Some("2024-02-29")),
            ("29/02/2023", None),
            ("31/04/2023", None),
            ("03/14/2023", None),
            ("31 Feb 2024", None),
            ("soon", None),
            ("", None),
            ("12", None),
            ("7700900123", None),
        ] {
            check(input, want);
        }
    }

    #[test]
    fn cells_of_every_kind() {
        let d = NaiveDate::from_ymd_opt(2023, 3, 14).expect("day");
        assert_eq!(parse_day(&Cell::Date(d)), Ok(Day(d)));
        assert_eq!(parse_day(&Cell::Number(44999.0)), Ok(Day(d)));
        assert!(parse_day(&Cell::Number(3.5)).is_err());
        assert!(parse_day(&Cell::Empty).is_err());
    }
}
