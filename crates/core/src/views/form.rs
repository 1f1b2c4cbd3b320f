//! Text as people type it into a form, read the one way every form reads
//! it: blank optional text is absent (the core refuses empty optional
//! fields), dates are `YYYY-MM-DD`, sets of words are lists.

use crate::model::{Day, InvalidDate, Tags};

/// Trimmed text, or `None` when it is blank.
pub fn opt_text(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// A day written `YYYY-MM-DD` (surrounding spaces allowed).
pub fn parse_day(text: &str) -> Result<Day, InvalidDate> {
    text.parse::<Day>()
}

/// A day that may be left blank.
pub fn opt_day(text: Option<String>) -> Result<Option<Day>, InvalidDate> {
    opt_text(text).map(|t| parse_day(&t)).transpose()
}

/// A set of words as the list a form shows, in the set's order.
pub fn words(tags: &Tags) -> Vec<String> {
    tags.iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_optional_text_is_none() {
        assert_eq!(opt_text(Some("  ".into())), None);
        assert_eq!(opt_text(Some(" a ".into())), Some("a".into()));
        assert_eq!(opt_text(None), None);
        assert_eq!(opt_day(Some(" ".into())), Ok(None));
        assert_eq!(
            opt_day(Some(" 2026-01-02 ".into())),
            Ok(Day::from_ymd(2026, 1, 2))
        );
        assert!(parse_day("2026-13-01").is_err());
    }
}
