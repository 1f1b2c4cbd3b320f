//! Which column holds what: the fields an import fills, the header names
//! people use for them in English, and a mapping file that overrides them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ImportRefusal;

/// What a file brings in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ImportKind {
    Ambassadors,
    Training,
    Contributions,
}

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Ambassadors => "ambassadors",
            ImportKind::Training => "training",
            ImportKind::Contributions => "contributions",
        }
    }

    /// Every field this kind of import fills, with the header names (in a
    /// compared form: lower case, letters and digits only) read as it.
    pub fn fields(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            ImportKind::Ambassadors => AMBASSADOR_FIELDS,
            ImportKind::Training => TRAINING_FIELDS,
            ImportKind::Contributions => CONTRIBUTION_FIELDS,
        }
    }

    pub fn is_field(self, field: &str) -> bool {
        self.fields().iter().any(|(f, _)| *f == field)
    }
}

/// Fields that name the person a training or contribution row is about.
const PERSON: &[(&str, &[&str])] = &[
    (
        "name",
        &[
            "name",
            "ambassador",
            "person",
            "fullname",
            "volunteer",
            "ambassadorname",
            "preferredname",
            "knownas",
        ],
    ),
    (
        "first-name",
        &["firstname", "forename", "givenname", "first"],
    ),
    ("surname", &["surname", "lastname", "familyname", "last"]),
    ("email", &["email", "emailaddress", "email1"]),
    (
        "phone",
        &[
            "phone",
            "mobile",
            "mobilenumber",
            "phonenumber",
            "telephone",
            "tel",
            "mobileno",
            "contactnumber",
        ],
    ),
];

const AMBASSADOR_FIELDS: &[(&str, &[&str])] = &[
    (
        "name",
        &[
            "preferredname",
            "knownas",
            "name",
            "displayname",
            "ambassador",
            "volunteer",
        ],
    ),
    (
        "first-name",
        &["firstname", "forename", "givenname", "first"],
    ),
    ("surname", &["surname", "lastname", "familyname", "last"]),
    ("full-name", &["fullname", "legalname"]),
    ("email", &["email", "emailaddress", "email1"]),
    (
        "phone",
        &[
            "phone",
            "mobile",
            "mobilenumber",
            "phonenumber",
            "telephone",
            "tel",
            "mobileno",
            "contactnumber",
        ],
    ),
    ("pronouns", &["pronouns"]),
    ("region", &["region", "area", "office", "regionaloffice"]),
    ("group", &["group", "localgroup", "hub", "branch"]),
    (
        "languages",
        &["languages", "languagesspoken", "language", "languagespoken"],
    ),
    ("skills", &["skills", "skill", "skillsexperience"]),
    ("interests", &["interests", "interest", "areasofinterest"]),
    (
        "joined",
        &[
            "datejoined",
            "joined",
            "startdate",
            "joindate",
            "dateofjoining",
        ],
    ),
    (
        "payment",
        &[
            "paymentok",
            "payment",
            "canbepaid",
            "paymentallowed",
            "canreceivepayment",
        ],
    ),
    ("status", &["status"]),
    ("notes", &["notes", "note", "comments", "comment"]),
    ("access-needs", &["accessneeds", "access", "accessibility"]),
];

const TRAINING_FIELDS: &[(&str, &[&str])] = &[
    PERSON[0],
    PERSON[1],
    PERSON[2],
    PERSON[3],
    PERSON[4],
    (
        "course",
        &[
            "course",
            "training",
            "coursetitle",
            "trainingcourse",
            "module",
        ],
    ),
    (
        "date",
        &[
            "date",
            "completed",
            "datecompleted",
            "completiondate",
            "dateattended",
            "trainingdate",
        ],
    ),
    ("trainer", &["trainer", "facilitator", "deliveredby"]),
    ("place", &["place", "venue", "location"]),
];

const CONTRIBUTION_FIELDS: &[(&str, &[&str])] = &[
    PERSON[0],
    PERSON[1],
    PERSON[2],
    PERSON[3],
    PERSON[4],
    ("date", &["date", "day", "datecontributed", "sessiondate"]),
    ("hours", &["hours", "hoursgiven", "time", "duration", "hrs"]),
    ("role", &["role", "activity", "what", "description"]),
    (
        "stream",
        &["stream", "typeofwork", "workstream", "category"],
    ),
    ("project", &["project", "event", "projecttitle"]),
];

/// The compared form of a header: "Payment OK?" -> "paymentok".
pub fn normalise_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Column index -> field, decided from the header row and an optional
/// mapping (header as written -> field, or "ignore").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping(pub BTreeMap<String, String>);

impl Mapping {
    /// Reads a mapping file's JSON: `{"Header as in the file": "field"}`.
    pub fn from_json(kind: ImportKind, json: &str) -> Result<Mapping, ImportRefusal> {
        let mapping: BTreeMap<String, String> =
            serde_json::from_str(json).map_err(|e| ImportRefusal::MappingFile(e.to_string()))?;
        Mapping::checked(kind, mapping)
    }

    /// A mapping of header -> field (or "ignore"), every field checked to
    /// be one this kind of import fills.
    pub fn checked(
        kind: ImportKind,
        mapping: BTreeMap<String, String>,
    ) -> Result<Mapping, ImportRefusal> {
        for field in mapping.values() {
            if field != "ignore" && !kind.is_field(field) {
                return Err(ImportRefusal::UnknownMapped {
                    kind,
                    field: field.clone(),
                });
            }
        }
        Ok(Mapping(mapping))
    }
}

/// Decides which column is which field: the mapping first, then the
/// header names people use. Returns (column, field) pairs, each field once.
pub fn columns(
    kind: ImportKind,
    header: &[String],
    mapping: &Mapping,
) -> Vec<(usize, &'static str)> {
    let mut taken: Vec<(usize, &'static str)> = Vec::new();
    let field_name = |f: &str| {
        kind.fields()
            .iter()
            .find(|(name, _)| *name == f)
            .map(|(n, _)| *n)
    };
    for (i, title) in header.iter().enumerate() {
        let mapped = mapping
            .0
            .iter()
            .find(|(h, _)| normalise_header(h) == normalise_header(title))
            .map(|(_, f)| f.as_str());
        if let Some(field) = mapped.and_then(field_name)
            && !taken.iter().any(|(_, f)| *f == field)
        {
            taken.push((i, field));
        }
    }
    for (i, title) in header.iter().enumerate() {
        let explicitly_mapped = mapping
            .0
            .keys()
            .any(|h| normalise_header(h) == normalise_header(title));
        if explicitly_mapped || taken.iter().any(|(c, _)| *c == i) {
            continue;
        }
        let key = normalise_header(title);
        let found = kind.fields().iter().find(|(field, names)| {
            names.contains(&key.as_str()) && !taken.iter().any(|(_, f)| f == field)
        });
        if let Some((field, _)) = found {
            taken.push((i, field));
        }
    }
    taken.sort();
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(titles: &[&str]) -> Vec<String> {
        titles.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn common_english_headers_are_recognised() {
        let cols = columns(
            ImportKind::Ambassadors,
            &header(&[
                "First name",
                "Surname",
                "Preferred name",
                "E-mail",
                "Mobile",
                "Languages spoken",
                "Group",
                "Date joined",
                "Payment OK?",
                "Shoe size",
            ]),
            &Mapping::default(),
        );
        assert_eq!(
            cols,
            vec![
                (0, "first-name"),
                (1, "surname"),
                (2, "name"),
                (3, "email"),
                (4, "phone"),
                (5, "languages"),
                (6, "group"),
                (7, "joined"),
                (8, "payment")
            ]
        );
    }

    #[test]
    fn a_mapping_overrides_and_ignores() {
        let mapping = Mapping::from_json(
            ImportKind::Ambassadors,
            r#"{"Tel (home)": "phone", "Mobile": "ignore"}"#,
        )
        .expect("valid");
        let cols = columns(
            ImportKind::Ambassadors,
            &header(&["Name", "Mobile", "Tel (home)"]),
            &mapping,
        );
        assert_eq!(cols, vec![(0, "name"), (2, "phone")]);
        assert!(Mapping::from_json(ImportKind::Ambassadors, r#"{"X": "shoe-size"}"#).is_err());
        assert!(Mapping::from_json(ImportKind::Ambassadors, "[1]").is_err());
    }
}
