//! Field checks shared by every entity, each failing with a sentence a
//! coordinator can act on.

/// A field that does not hold a valid value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct Invalid {
    pub field: &'static str,
    pub reason: String,
}

impl Invalid {
    pub fn new(field: &'static str, reason: String) -> Invalid {
        Invalid { field, reason }
    }
}

/// Required text: not blank, not too long, no control characters.
pub fn check_text(field: &'static str, value: &str, max: usize) -> Result<(), Invalid> {
    if value.trim().is_empty() {
        return Err(Invalid::new(field, "must not be empty".into()));
    }
    check_len(field, value, max)
}

/// Optional or free text: not too long, no control characters but newlines and tabs.
pub fn check_len(field: &'static str, value: &str, max: usize) -> Result<(), Invalid> {
    if value.chars().count() > max {
        return Err(Invalid::new(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(Invalid::new(field, "contains control characters".into()));
    }
    Ok(())
}

pub fn check_optional_len(
    field: &'static str,
    value: &Option<String>,
    max: usize,
) -> Result<(), Invalid> {
    match value {
        Some(v) => check_text(field, v, max),
        None => Ok(()),
    }
}
