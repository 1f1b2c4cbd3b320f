//! Why a row is rejected or counted as a duplicate, as stable codes the app
//! words in the coordinator's language (`importProblem.*` and
//! `importDuplicate.*` messages), each with the English sentence the CLI
//! prints.

use serde::Serialize;

use super::dates::DateError;
use crate::model::{Field, Invalid};

/// What is wrong with one value of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ProblemCode {
    EmptyName,
    EmptyRegion,
    EmptyCourse,
    EmptyDate,
    EmptyHours,
    NotADate,
    ImpossibleDate,
    BadEmail,
    BadPhone,
    BadPayment,
    BadStatus,
    BadLanguageLevel,
    BadHours,
    BadStream,
    UnknownCourse,
    UnknownProject,
    UnknownPerson,
    NoPerson,
    AmbiguousPerson,
    /// Any other value the model refuses; `message` says which and why.
    Invalid,
}

/// One problem of a row: its code, the field (`joined`, `email` ...) and the
/// value as the file wrote it where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RowProblem {
    pub code: ProblemCode,
    pub field: Option<String>,
    pub value: Option<String>,
    /// The English sentence (the CLI's, and the app's when a translation lacks one).
    pub message: String,
}

impl RowProblem {
    pub(crate) fn new(
        code: ProblemCode,
        field: &str,
        value: Option<&str>,
        message: String,
    ) -> Self {
        RowProblem {
            code,
            field: Some(field.to_string()),
            value: value.map(str::to_string),
            message,
        }
    }

    /// A field left empty that the row needs.
    pub(crate) fn empty(code: ProblemCode, field: &str) -> Self {
        let message = match code {
            ProblemCode::EmptyName => "the name is empty".to_string(),
            ProblemCode::EmptyRegion => "the region is empty".to_string(),
            ProblemCode::EmptyCourse => "the course is empty".to_string(),
            ProblemCode::EmptyHours => "the hours are empty".to_string(),
            _ => format!("{field}: the date is empty"),
        };
        RowProblem::new(code, field, None, message)
    }

    /// A date that could not be read, for `field`.
    pub(crate) fn date(field: &str, e: DateError) -> Self {
        let label = if field == "joined" {
            "date joined"
        } else {
            field
        };
        let message = format!("{label}: {e}");
        match e {
            DateError::Empty => RowProblem::new(ProblemCode::EmptyDate, field, None, message),
            DateError::NotADate(v) => {
                RowProblem::new(ProblemCode::NotADate, field, Some(&v), message)
            }
            DateError::Impossible(v) => {
                RowProblem::new(ProblemCode::ImpossibleDate, field, Some(&v), message)
            }
        }
    }

    /// A value the model refuses (`Profile::validate` and the like).
    pub(crate) fn invalid(e: &Invalid, value: Option<&str>) -> Self {
        let code = match e.field {
            Field::Email => ProblemCode::BadEmail,
            Field::Phone => ProblemCode::BadPhone,
            _ => ProblemCode::Invalid,
        };
        RowProblem::new(code, e.field.name(), value, e.to_string())
    }
}

/// Why a row is someone (or something) already seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum DuplicateCode {
    SameEmail,
    SamePhone,
    SameName,
    AlreadyRecorded,
    SameRecord,
}

impl DuplicateCode {
    /// The English words the CLI prints.
    pub fn words(self) -> &'static str {
        match self {
            DuplicateCode::SameEmail => "the same email",
            DuplicateCode::SamePhone => "the same phone number",
            DuplicateCode::SameName => "the same name",
            DuplicateCode::AlreadyRecorded => "already recorded",
            DuplicateCode::SameRecord => "the same record",
        }
    }
}
