//! Why a file, or the way it was asked to be read, cannot be imported at
//! all (a row with a problem is reported row by row instead, see
//! `problems`). Each refusal is one English sentence for the CLI and a coded
//! message the app words in the coordinator's language.

use super::fields::ImportKind;
use crate::matching::{Code, Message, Param};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportRefusal {
    #[error("the first row should name the columns, but it is empty")]
    EmptyHeader,

    /// No column is read as `field` and no default fills it in.
    #[error(
        "the file has no column read as {field}: read one of its columns as {field} (in the app's \
         mapping step, or a --mapping file), or fill in one value for every row (\"Fill in for \
         every row\" in the app, --default {field}=VALUE)"
    )]
    NoColumn { field: &'static str },

    /// A `--default` that is not `FIELD=VALUE`.
    #[error("--default {0}: write it as FIELD=VALUE, for example region=Yorkshire")]
    BadDefault(String),

    /// A default for a field this kind of import does not fill.
    #[error(
        "--default names an unknown field '{field}'; {} imports know: {}",
        kind.as_str(),
        known(*kind)
    )]
    UnknownDefault { kind: ImportKind, field: String },

    /// A mapping that reads a column as a field this kind does not fill.
    #[error(
        "the mapping names an unknown field '{field}'; known fields: {}, ignore",
        known(*kind)
    )]
    UnknownMapped { kind: ImportKind, field: String },

    /// A `--mapping` file that is not a JSON object of header to field.
    #[error("the mapping file is not a JSON object of header to field: {0}")]
    MappingFile(String),
}

fn known(kind: ImportKind) -> String {
    let names: Vec<&str> = kind.fields().iter().map(|(f, _)| *f).collect();
    names.join(", ")
}

impl ImportRefusal {
    /// The refusal as a coded message; `None` for the CLI-only ones (a
    /// `--default` or `--mapping` file the app never sends).
    pub fn said(&self) -> Option<Message> {
        let text = self.to_string();
        let field = |f: &str| Param::ImportField(f.to_string());
        match self {
            ImportRefusal::EmptyHeader => Some(Message::new(Code::ImportEmptyHeader, text)),
            ImportRefusal::NoColumn { field: f } => {
                Some(Message::new(Code::ImportNoColumn, text).with("field", field(f)))
            }
            ImportRefusal::UnknownDefault { kind, field: f }
            | ImportRefusal::UnknownMapped { kind, field: f } => Some(
                Message::new(Code::ImportUnknownField, text)
                    .with("value", Param::Text(f.clone()))
                    .with(
                        "known",
                        Param::List(kind.fields().iter().map(|(k, _)| field(k)).collect()),
                    ),
            ),
            ImportRefusal::BadDefault(_) | ImportRefusal::MappingFile(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_column_is_said_with_its_field() {
        let refusal = ImportRefusal::NoColumn { field: "region" };
        assert!(
            refusal
                .to_string()
                .starts_with("the file has no column read as region")
        );
        let said = refusal.said().expect("coded");
        assert_eq!(said.code, Code::ImportNoColumn);
        assert_eq!(
            said.param("field"),
            Some(&Param::ImportField("region".into()))
        );
    }

    #[test]
    fn an_unknown_field_lists_the_known_ones_as_fields() {
        let refusal = ImportRefusal::UnknownMapped {
            kind: ImportKind::Training,
            field: "shoe-size".into(),
        };
        assert!(refusal.to_string().contains("'shoe-size'"));
        let said = refusal.said().expect("coded");
        assert_eq!(said.param("value"), Some(&Param::Text("shoe-size".into())));
        let Some(Param::List(known)) = said.param("known") else {
            panic!("known is a list");
        };
        assert!(known.contains(&Param::ImportField("course".into())));
        assert_eq!(known.len(), ImportKind::Training.fields().len());
    }
}
