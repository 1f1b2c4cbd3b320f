//! Reading and writing the two quantities people type: hours and pounds.
//! Stored as whole minutes and whole pence so sums are exact.

use super::validate::{Field, Invalid};
use crate::matching::{Code, Param};

/// Reads hours such as `2`, `1.5` or `0.25` as whole minutes.
pub fn parse_hours(text: &str) -> Result<u32, Invalid> {
    let bad = || {
        Invalid::new(
            Field::Hours,
            Code::InvalidNotHours,
            format!("'{text}' is not a number of hours, e.g. 1.5"),
        )
        .with("value", Param::Text(text.to_string()))
    };
    let hours: f64 = text.trim().parse().map_err(|_| bad())?;
    if !hours.is_finite() || hours <= 0.0 || hours > 1000.0 {
        return Err(bad());
    }
    Ok((hours * 60.0).round() as u32)
}

/// Reads an amount such as `12`, `12.5`, `£12.50` as whole pence.
pub fn parse_pounds(text: &str) -> Result<u64, Invalid> {
    let bad = || {
        Invalid::new(
            Field::Amount,
            Code::InvalidNotAnAmount,
            format!("'{text}' is not an amount in pounds, e.g. 12.50"),
        )
        .with("value", Param::Text(text.to_string()))
    };
    let digits = text.trim().trim_start_matches('£').replace(',', "");
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    if whole.is_empty()
        || fraction.len() > 2
        || !(whole
            .chars()
            .chain(fraction.chars())
            .all(|c| c.is_ascii_digit()))
    {
        return Err(bad());
    }
    let pounds: u64 = whole.parse().map_err(|_| bad())?;
    let pence: u64 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
    pounds
        .checked_mul(100)
        .and_then(|p| p.checked_add(pence))
        .ok_or_else(bad)
}

/// `150` minutes as `2.5`.
pub fn format_hours(minutes: u64) -> String {
    let hours = minutes as f64 / 60.0;
    if minutes.is_multiple_of(60) {
        format!("{}", minutes / 60)
    } else {
        format!("{hours:.2}").trim_end_matches('0').to_string()
    }
}

/// `1250` pence as `£12.50`.
pub fn format_pounds(pence: u64) -> String {
    format!("£{}.{:02}", pence / 100, pence % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours() {
        for (text, minutes) in [("2", 120), ("1.5", 90), (" 0.25 ", 15), ("7.75", 465)] {
            assert_eq!(parse_hours(text), Ok(minutes), "{text}");
        }
        for bad in ["", "-1", "0", "two", "NaN", "inf", "1e9"] {
            assert!(parse_hours(bad).is_err(), "{bad}");
        }
        assert_eq!(format_hours(90), "1.5");
        assert_eq!(format_hours(120), "2");
        assert_eq!(format_hours(465), "7.75");
    }

    #[test]
    fn pounds() {
        for (text, pence) in [
            ("12", 1200),
            ("12.5", 1250),
            ("£12.50", 1250),
            ("0.05", 5),
            ("1,200.00", 120_000),
        ] {
            assert_eq!(parse_pounds(text), Ok(pence), "{text}");
        }
        for bad in [
            "",
            "£",
            "12.505",
            "-3",
            "3.-1",
            "abc",
            "1.2.3",
            "99999999999999999999",
        ] {
            assert!(parse_pounds(bad).is_err(), "{bad}");
        }
        assert_eq!(format_pounds(1250), "£12.50");
    }
}
