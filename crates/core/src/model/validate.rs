//! Field checks shared by every entity, each failing with a sentence a
//! coordinator can act on.
//!
//! A refusal is coded like every other message the core writes: the field
//! it is about (a [`Field`]), and why as a [`Message`] (a stable `invalid-*`
//! [`Code`] with its parameters, and the English reason). The CLI prints
//! "field: reason" as it always has; the app words the code and the field
//! in its reader's language ([`Invalid::said`]).

use crate::matching::{Code, Message, Param};
pub use crate::model::field::Field;

/// A field that does not hold a valid value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}", field.name(), reason.text)]
pub struct Invalid {
    pub field: Field,
    /// Why, coded; its `text` is the English reason without the field.
    pub reason: Message,
}

impl Invalid {
    /// A refusal of `field` for the reason `code`, in English `reason`; add
    /// the code's parameters (other than `field`) with [`Invalid::with`].
    pub fn new(field: Field, code: Code, reason: impl Into<String>) -> Invalid {
        Invalid {
            field,
            reason: Message::new(code, reason),
        }
    }

    pub fn with(mut self, name: &'static str, value: Param) -> Invalid {
        self.reason = self.reason.with(name, value);
        self
    }

    /// The refusal about one person's record: "{name}: " before the English
    /// reason, and the `name` parameter for codes that name them.
    pub fn for_person(mut self, name: &str) -> Invalid {
        self.reason.text = format!("{name}: {}", self.reason.text);
        self.with("name", Param::Text(name.to_string()))
    }

    pub fn code(&self) -> Code {
        self.reason.code
    }

    /// The refusal as one message for a reader: the reason's code and
    /// parameters, the field as the `field` parameter, and the whole English
    /// sentence ("field: reason").
    pub fn said(&self) -> Message {
        let mut message = self.reason.clone().with("field", Param::Field(self.field));
        message.text = self.to_string();
        message
    }
}

/// Required text: not blank, not too long, no control characters.
pub fn check_text(field: Field, value: &str, max: usize) -> Result<(), Invalid> {
    if value.trim().is_empty() {
        return Err(Invalid::new(field, Code::InvalidEmpty, "must not be empty"));
    }
    check_len(field, value, max)
}

/// Optional or free text: not too long, no control characters but newlines and tabs.
pub fn check_len(field: Field, value: &str, max: usize) -> Result<(), Invalid> {
    if value.chars().count() > max {
        return Err(Invalid::new(
            field,
            Code::InvalidTooLong,
            format!("must be at most {max} characters"),
        )
        .with("max", Param::count(max)));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(Invalid::new(
            field,
            Code::InvalidControlCharacters,
            "contains control characters",
        ));
    }
    Ok(())
}

pub fn check_optional_len(field: Field, value: &Option<String>, max: usize) -> Result<(), Invalid> {
    match value {
        Some(v) => check_text(field, v, max),
        None => Ok(()),
    }
}

/// A number outside `min..=max`, the English reason said as the site words it.
pub fn out_of_range(field: Field, min: i64, max: i64, reason: impl Into<String>) -> Invalid {
    Invalid::new(field, Code::InvalidOutOfRange, reason)
        .with("min", Param::count(min))
        .with("max", Param::count(max))
}

/// A word that is not one of `known` (a vocabulary, weight names, language codes).
pub fn unknown<S: AsRef<str>>(
    field: Field,
    value: &str,
    known: impl IntoIterator<Item = S>,
    reason: impl Into<String>,
) -> Invalid {
    Invalid::new(field, Code::InvalidUnknown, reason)
        .with("value", Param::Text(value.to_string()))
        .with("known", Param::texts(known))
}

impl From<(Field, crate::model::vocab::UnknownWord)> for Invalid {
    /// A vocabulary word that is not one of its words, said as the
    /// vocabulary says it.
    fn from((field, e): (Field, crate::model::vocab::UnknownWord)) -> Invalid {
        unknown(field, &e.word, e.allowed.split(", "), e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_checks_are_coded_and_keep_their_english() {
        let e = check_text(Field::FullName, "  ", 10).unwrap_err();
        assert_eq!(e.code(), Code::InvalidEmpty);
        assert_eq!(e.to_string(), "full name: must not be empty");
        let e = check_len(Field::Note, "abcdef", 5).unwrap_err();
        assert_eq!(e.code(), Code::InvalidTooLong);
        assert_eq!(e.reason.param("max"), Some(&Param::Number(5)));
        assert_eq!(e.to_string(), "note: must be at most 5 characters");
        let e = check_len(Field::Note, "a\u{7}b", 5).unwrap_err();
        assert_eq!(e.code(), Code::InvalidControlCharacters);
    }

    #[test]
    fn said_carries_the_field_and_the_whole_sentence() {
        let said = check_text(Field::EndDate, "", 10).unwrap_err().said();
        assert_eq!(said.code, Code::InvalidEmpty);
        assert_eq!(said.param("field"), Some(&Param::Field(Field::EndDate)));
        assert_eq!(said.text, "end date: must not be empty");
    }
}
