//! The errors of the core, each one sentence a coordinator can act on.

use sanctuary_store::StoreError;

use crate::import::ImportRefusal;
use crate::matching::{Code, Message, Param};
use crate::model::{Invalid, InvalidDate, RecognitionKind, Thing};

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// Opening, reading or writing the encrypted store failed (wrong
    /// passphrase, store in use, damaged file ...).
    #[error(transparent)]
    Store(#[from] StoreError),

    #[error("{0}")]
    Invalid(#[from] Invalid),

    #[error(transparent)]
    InvalidDate(#[from] InvalidDate),

    #[error("no {} matches '{key}'", what.name())]
    NotFound { what: Thing, key: String },

    #[error("'{key}' matches more than one {} ({}); use the id instead", what.name(), matches.join(", "))]
    Ambiguous {
        what: Thing,
        key: String,
        matches: Vec<String>,
    },

    /// Recognition that the network's policy refuses for this person, with
    /// the policy's guidance (in English, for the CLI and logs) and what to
    /// offer instead. `note` is a coordinator's own note when the network
    /// changed the rule (words as typed); `None` for the default rule.
    #[error(
        "{name} cannot receive {}: their profile says payment is not allowed. {guidance}",
        kind.label().to_lowercase()
    )]
    PaymentNotAllowed {
        name: String,
        kind: RecognitionKind,
        guidance: String,
        alternatives: Vec<RecognitionKind>,
        note: Option<String>,
    },

    /// Recognition that the policy says needs a check before it is given
    /// (fields as for [`CoreError::PaymentNotAllowed`]).
    #[error(
        "{name}'s profile says to check first whether they may receive {}. {guidance} \
         Then record it again confirming you checked",
        kind.label().to_lowercase()
    )]
    CheckFirst {
        name: String,
        kind: RecognitionKind,
        guidance: String,
        alternatives: Vec<RecognitionKind>,
        note: Option<String>,
    },

    /// A course someone has not completed, needed before `before`.
    #[error("course '{course}' must be completed first: {name} needs it before {before}")]
    Prerequisite {
        course: String,
        name: String,
        before: String,
    },

    /// A document that authenticated but does not load or read as its kind.
    #[error(
        "the store is damaged: document {doc} could not be read ({detail}); \
         restore from a backup or sync from another laptop"
    )]
    Damaged { doc: String, detail: String },

    /// A refused bundle or invite, or a sync step that failed (sanctuary-sync).
    #[error(transparent)]
    Sync(#[from] sanctuary_sync::SyncError),

    /// Someone who fails a hard constraint of a project, with every reason.
    /// `reasons` in English (with their next steps) for the CLI and logs,
    /// `why` the same reasons as coded messages for the app.
    #[error("{name} cannot take part yet: {}", reasons.join("; "))]
    NotEligible {
        name: String,
        reasons: Vec<String>,
        why: Vec<Message>,
    },

    /// The printable record could not be drawn.
    #[error("the record could not be made into a document: {0}")]
    Report(#[from] sanctuary_report::ReportError),

    /// A spreadsheet that could not be read at all (sanctuary-sheets).
    #[error(transparent)]
    Sheet(#[from] sanctuary_sheets::SheetError),

    /// A file or its import settings that cannot be imported as asked
    /// (rows with problems are reported row by row instead).
    #[error(transparent)]
    Import(#[from] ImportRefusal),

    /// This laptop writes as a device the network does not know: a store
    /// restored from a backup continues as a new device (see
    /// `sanctuary/backup.rs`), and only an invite makes a device a member
    /// (`Sanctuary::rejoin` keeps the store).
    #[error(
        "this laptop was restored from a backup, so the network does not know it as a device: \
         ask a coordinator on another laptop of the network for an invite and join again with it \
         (`sanctuary join INVITE-FILE --code CODE`, or \"Join again\" on the app's sync screen); \
         everything in this store is kept"
    )]
    NotADevice,

    #[error("internal error: {0}")]
    Internal(String),
}

impl CoreError {
    /// Every code [`CoreError::code`] can return, sync's included: the app
    /// generates its TypeScript list from this, and a test checks each has a
    /// message in every UI language.
    pub const CODES: &'static [&'static str] = &[
        "wrong-passphrase",
        "store-in-use",
        "no-store",
        "store-exists",
        "damaged",
        "store",
        "invalid",
        "not-found",
        "ambiguous",
        "payment-not-allowed",
        "check-first",
        "prerequisite",
        "not-eligible",
        "report",
        "internal",
        "not-a-bundle",
        "bundle-altered",
        "newer-version",
        "bundle-too-large",
        "not-an-invite",
        "wrong-code",
        "invite-expired",
        "other-network",
        "unknown-device",
        "device-revoked",
        "not-a-member",
        "unknown-key-epoch",
        "invite-used",
        "bad-signed-change",
        "missing-person-key",
        "io",
        "bad-backup",
        "bad-file",
        "bad-import",
        "not-a-device",
    ];

    /// A stable code the app and scripts branch on, never the message text.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Store(StoreError::WrongPassphrase) => "wrong-passphrase",
            CoreError::Store(StoreError::InUse) => "store-in-use",
            CoreError::Store(StoreError::NotFound) => "no-store",
            CoreError::Store(StoreError::AlreadyExists) => "store-exists",
            CoreError::Store(StoreError::Corrupt { .. }) | CoreError::Damaged { .. } => "damaged",
            CoreError::Store(StoreError::NotABackup | StoreError::BackupDamaged) => "bad-backup",
            CoreError::Store(_) => "store",
            CoreError::Invalid(_) | CoreError::InvalidDate(_) => "invalid",
            CoreError::NotFound { .. } => "not-found",
            CoreError::Ambiguous { .. } => "ambiguous",
            CoreError::PaymentNotAllowed { .. } => "payment-not-allowed",
            CoreError::CheckFirst { .. } => "check-first",
            CoreError::Prerequisite { .. } => "prerequisite",
            CoreError::Sync(e) => e.code(),
            CoreError::NotEligible { .. } => "not-eligible",
            CoreError::Report(_) => "report",
            CoreError::Sheet(_) => "bad-file",
            CoreError::Import(_) => "bad-import",
            CoreError::NotADevice => "not-a-device",
            CoreError::Internal(_) => "internal",
        }
    }

    /// What the error says to a reader as coded messages (the first leads,
    /// any others are its reasons), for a screen to word in its reader's
    /// language; empty when the error has only its English sentence.
    pub fn said(&self) -> Vec<Message> {
        let refusal = |code: Code, noted: Code, name: &str, kind, alternatives: &[_], note| {
            let alternatives = Param::List(alternatives.iter().copied().map(Param::Kind).collect());
            let message = match note {
                Some(note) => Message::new(noted, self.to_string())
                    .with("note", Param::Text(String::from(note))),
                None => Message::new(code, self.to_string()),
            };
            message
                .with("name", Param::Text(name.to_string()))
                .with("kind", Param::Kind(kind))
                .with("alternatives", alternatives)
        };
        match self {
            CoreError::PaymentNotAllowed {
                name,
                kind,
                alternatives,
                note,
                ..
            } => vec![refusal(
                Code::RefusedPayment,
                Code::RefusedPaymentNoted,
                name,
                *kind,
                alternatives,
                note.as_deref(),
            )],
            CoreError::CheckFirst {
                name,
                kind,
                alternatives,
                note,
                ..
            } => vec![refusal(
                Code::RefusedCheckFirst,
                Code::RefusedCheckFirstNoted,
                name,
                *kind,
                alternatives,
                note.as_deref(),
            )],
            CoreError::NotEligible { name, why, .. } => {
                let lead = Message::new(
                    Code::RefusedNotEligible,
                    format!("{name} cannot take part yet:"),
                )
                .with("name", Param::Text(name.clone()));
                std::iter::once(lead).chain(why.iter().cloned()).collect()
            }
            CoreError::Invalid(invalid) => vec![invalid.said()],
            CoreError::InvalidDate(InvalidDate(value)) => {
                vec![
                    Message::new(Code::InvalidNotADate, self.to_string())
                        .with("value", Param::Text(value.clone())),
                ]
            }
            CoreError::NotFound { what, key } => vec![
                Message::new(Code::NotFound, self.to_string())
                    .with("what", Param::Thing(*what))
                    .with("key", Param::Text(key.clone())),
            ],
            CoreError::Ambiguous { what, key, matches } => vec![
                Message::new(Code::Ambiguous, self.to_string())
                    .with("what", Param::Thing(*what))
                    .with("key", Param::Text(key.clone()))
                    .with("matches", Param::texts(matches)),
            ],
            CoreError::Prerequisite {
                course,
                name,
                before,
            } => vec![
                Message::new(Code::Prerequisite, self.to_string())
                    .with("course", Param::Text(course.clone()))
                    .with("name", Param::Text(name.clone()))
                    .with("before", Param::Text(before.clone())),
            ],
            CoreError::Import(refusal) => refusal.said().into_iter().collect(),
            CoreError::Sheet(e) => sheet_said(e).into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// What the English sentence says beyond its code's one-line summary
    /// (`errorCode.<code>` in the UI's files), for a screen that words an
    /// error with no coded messages by its code: `None` when the summary
    /// says it all, otherwise the technical part kept as written (an
    /// operating system's error, a damaged document's id) or, failing a
    /// better one, the whole sentence.
    pub fn specifics(&self) -> Option<String> {
        use sanctuary_sync::SyncError;
        if !self.said().is_empty() {
            return None;
        }
        match self {
            CoreError::Store(
                StoreError::WrongPassphrase
                | StoreError::InUse
                | StoreError::NotFound
                | StoreError::AlreadyExists
                | StoreError::NotABackup
                | StoreError::BackupDamaged,
            )
            | CoreError::NotADevice => None,
            CoreError::Sync(SyncError::Io(detail) | SyncError::BadDocument(detail)) => {
                Some(detail.clone())
            }
            CoreError::Sync(SyncError::Random) => Some(self.to_string()),
            CoreError::Sync(_) => None,
            _ => Some(self.to_string()),
        }
    }
}

/// A spreadsheet that cannot be read, coded where the reason is the file's
/// shape; a reader's or writer's own error stays a detail.
fn sheet_said(e: &sanctuary_sheets::SheetError) -> Option<Message> {
    use sanctuary_sheets::SheetError;
    let text = e.to_string();
    match e {
        SheetError::TooLarge => Some(Message::new(Code::SheetTooLarge, text)),
        SheetError::Empty => Some(Message::new(Code::SheetEmpty, text)),
        SheetError::NoWorksheet => Some(Message::new(Code::SheetNoWorksheet, text)),
        SheetError::Csv { row, detail } => Some(
            Message::new(Code::SheetBadRow, text)
                .with("row", Param::count(*row))
                .with("detail", Param::Text(detail.clone())),
        ),
        SheetError::Workbook(_) | SheetError::Write(_) | SheetError::Io(_) => None,
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use sanctuary_sync::SyncError;

    use super::*;
    use crate::model::Field;

    /// One error of every variant (sync's too): each code is listed in `CODES`.
    fn one_of_each() -> Vec<CoreError> {
        let text = String::new;
        let mut all = vec![
            CoreError::Store(StoreError::WrongPassphrase),
            CoreError::Store(StoreError::InUse),
            CoreError::Store(StoreError::NotFound),
            CoreError::Store(StoreError::AlreadyExists),
            CoreError::Invalid(Invalid::new(
                crate::model::Field::DisplayName,
                Code::InvalidEmpty,
                text(),
            )),
            CoreError::NotFound {
                what: Thing::Ambassador,
                key: text(),
            },
            CoreError::Ambiguous {
                what: Thing::Ambassador,
                key: text(),
                matches: vec![],
            },
            CoreError::PaymentNotAllowed {
                name: text(),
                kind: RecognitionKind::Voucher,
                guidance: text(),
                alternatives: vec![],
                note: None,
            },
            CoreError::CheckFirst {
                name: text(),
                kind: RecognitionKind::Voucher,
                guidance: text(),
                alternatives: vec![],
                note: None,
            },
            CoreError::Prerequisite {
                course: text(),
                name: text(),
                before: text(),
            },
            CoreError::Damaged {
                doc: text(),
                detail: text(),
            },
            CoreError::NotEligible {
                name: text(),
                reasons: vec![],
                why: vec![],
            },
            CoreError::NotADevice,
            CoreError::Internal(text()),
        ];
        let sync = [
            SyncError::NotABundle,
            SyncError::Altered,
            SyncError::FutureVersion,
            SyncError::TooLarge,
            SyncError::NotAnInvite,
            SyncError::FutureInvite,
            SyncError::WrongCode,
            SyncError::Expired,
            SyncError::WrongNetwork,
            SyncError::UnknownDevice,
            SyncError::Revoked,
            SyncError::NotAMember,
            SyncError::UnknownEpoch,
            SyncError::InviteUsed,
            SyncError::BadSignedChange,
            SyncError::MissingDocKey,
            SyncError::Io(text()),
            SyncError::Random,
        ];
        all.extend(sync.into_iter().map(CoreError::Sync));
        all
    }

    #[test]
    fn every_code_is_listed() {
        for e in one_of_each() {
            assert!(
                CoreError::CODES.contains(&e.code()),
                "{} is not in CODES",
                e.code()
            );
        }
    }

    /// A lookup that misses or finds two is said with the kind of record
    /// as a vocabulary word, so the app names it in the reader's language;
    /// the key is as the coordinator typed it.
    #[test]
    fn lookups_and_prerequisites_are_coded() {
        let e = CoreError::NotFound {
            what: Thing::TrainingRecord,
            key: "r-12".into(),
        };
        assert_eq!(e.to_string(), "no training record matches 'r-12'");
        let said = e.said();
        assert_eq!(said[0].code, Code::NotFound);
        assert_eq!(
            said[0].param("what"),
            Some(&Param::Thing(Thing::TrainingRecord))
        );
        assert_eq!(said[0].param("key"), Some(&Param::Text("r-12".into())));
        assert_eq!(e.specifics(), None, "the coded message says it all");

        let e = CoreError::Ambiguous {
            what: Thing::Course,
            key: "First".into(),
            matches: vec!["c-1".into(), "c-2".into()],
        };
        assert_eq!(
            e.said()[0].param("matches"),
            Some(&Param::texts(["c-1", "c-2"]))
        );

        let e = CoreError::Prerequisite {
            course: "Safeguarding".into(),
            name: "Amina".into(),
            before: "Panel skills".into(),
        };
        assert_eq!(
            e.to_string(),
            "course 'Safeguarding' must be completed first: Amina needs it before Panel skills"
        );
        assert_eq!(e.said()[0].code, Code::Prerequisite);
    }

    /// An error with no coded message keeps for the screen only what its
    /// code's summary does not say.
    #[test]
    fn an_uncoded_error_keeps_only_what_its_summary_does_not_say() {
        use sanctuary_sync::SyncError;
        assert_eq!(
            CoreError::Store(StoreError::WrongPassphrase).specifics(),
            None
        );
        assert_eq!(CoreError::Sync(SyncError::Altered).specifics(), None);
        assert_eq!(CoreError::NotADevice.specifics(), None);
        assert_eq!(
            CoreError::Sync(SyncError::Io("disk full".into()))
                .specifics()
                .as_deref(),
            Some("disk full")
        );
        let damaged = CoreError::Damaged {
            doc: "d-1".into(),
            detail: "bad chunk".into(),
        };
        assert_eq!(damaged.specifics(), Some(damaged.to_string()));
        let sheet = CoreError::Sheet(sanctuary_sheets::SheetError::Csv {
            row: 4,
            detail: "unclosed quote".into(),
        });
        assert_eq!(sheet.said()[0].code, Code::SheetBadRow);
        assert_eq!(sheet.said()[0].param("row"), Some(&Param::Number(4)));
        assert_eq!(sheet.specifics(), None);
    }

    /// A refusal of a value is said as one message: its code, the field as
    /// a parameter beside exactly the others its code names, and the
    /// sentence the CLI prints.
    fn check(e: impl Into<CoreError>, code: Code, field: Option<Field>, english: &str) {
        let e = e.into();
        assert_eq!(e.code(), "invalid");
        assert_eq!(e.to_string(), english);
        let said = e.said();
        assert_eq!(said.len(), 1, "{english}");
        let m = &said[0];
        assert_eq!(m.code, code, "{english}");
        assert_eq!(m.text, english);
        assert_eq!(m.param("field"), field.map(Param::Field).as_ref());
        let mut names: Vec<&str> = m.params.keys().map(String::as_str).collect();
        let mut want = code.params().to_vec();
        names.sort_unstable();
        want.sort_unstable();
        assert_eq!(names, want, "{english}");
    }

    #[test]
    fn refusals_of_a_value_are_coded_with_their_field() {
        use crate::matching::{MatchSettings, MatchWeights};
        use crate::model::units::{parse_hours, parse_pounds};
        use crate::model::{Day, InvitationStatus};
        check(
            parse_hours("two").unwrap_err(),
            Code::InvalidNotHours,
            Some(Field::Hours),
            "hours: 'two' is not a number of hours, e.g. 1.5",
        );
        check(
            parse_pounds("£x").unwrap_err(),
            Code::InvalidNotAnAmount,
            Some(Field::Amount),
            "amount: '£x' is not an amount in pounds, e.g. 12.50",
        );
        check(
            "2026-13-01".parse::<Day>().unwrap_err(),
            Code::InvalidNotADate,
            None,
            "'2026-13-01' is not a valid date; write it as YYYY-MM-DD, for example 2026-03-14",
        );
        let settings = MatchSettings {
            recent_months: 0,
            ..MatchSettings::default()
        };
        check(
            settings.validate().unwrap_err(),
            Code::InvalidOutOfRange,
            Some(Field::RecentMonths),
            "recent_months: \"recently\" is 1 to 36 months",
        );
        check(
            MatchWeights::default().set("speed", 3).unwrap_err(),
            Code::InvalidUnknown,
            Some(Field::Weight),
            "weight: 'speed' is not a weight; use one of: required-skills, desired-skills, \
             interests, languages, locality, fairness, team-region, team-language, team-experience",
        );
        check(
            InvitationStatus::Attended
                .may_follow(Some(InvitationStatus::Shortlisted))
                .unwrap_err()
                .for_person("Amina"),
            Code::InvalidInvitationMove,
            Some(Field::Status),
            "status: Amina: an invitation that is shortlisted can become invited or withdrawn, \
             not attended",
        );
        let word = "someday"
            .parse::<crate::model::Weekday>()
            .expect_err("someday is not a weekday");
        check(
            Invalid::from((Field::AvailabilityDays, word)),
            Code::InvalidUnknown,
            Some(Field::AvailabilityDays),
            "availability days: 'someday' is not a known day; use one of: mon, tue, wed, thu, fri, sat, sun",
        );
    }

    /// Every refusal code has a message in every UI language; the
    /// placeholders are checked with the other codes in `matching::messages`.
    #[test]
    fn every_refusal_code_names_its_field() {
        for code in Code::ALL
            .iter()
            .filter(|c| c.as_str().starts_with("invalid-"))
        {
            let names_field = code.params().contains(&"field");
            assert_eq!(
                names_field,
                *code != Code::InvalidNotADate,
                "{code}: a refusal of a value names its field (a date alone has none)"
            );
        }
    }

    /// The UI's message files, by locale code.
    pub(crate) fn locale_files() -> BTreeMap<String, serde_json::Map<String, serde_json::Value>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/messages");
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let code = path.file_stem().unwrap().to_string_lossy().to_string();
                let text = std::fs::read_to_string(&path).unwrap();
                files.insert(code, serde_json::from_str(&text).unwrap());
            }
        }
        files
    }

    /// Every word has a label `<prefix><word>` in every UI language (plain
    /// text, no placeholders), and no file labels a word that is not one.
    pub(crate) fn every_word_is_labelled(prefix: &str, words: &[&str]) {
        let files = locale_files();
        assert!(files.len() >= 6, "only {} UI languages", files.len());
        for (locale, messages) in &files {
            for word in words {
                let key = format!("{prefix}{word}");
                let text = messages.get(&key).and_then(|v| v.as_str());
                assert!(
                    text.is_some_and(|t| !t.trim().is_empty() && !t.contains('{')),
                    "{locale}.json has no label {key}"
                );
            }
            let extra: Vec<&String> = messages
                .keys()
                .filter(|k| k.strip_prefix(prefix).is_some_and(|w| !words.contains(&w)))
                .collect();
            assert!(extra.is_empty(), "{locale}.json: no such words {extra:?}");
        }
    }

    #[test]
    fn every_code_has_a_message_in_every_ui_language() {
        let files = locale_files();
        assert!(files.len() >= 6, "only {} UI languages", files.len());
        for (locale, messages) in &files {
            for code in CoreError::CODES {
                let text = messages
                    .get(&format!("errorCode.{code}"))
                    .and_then(|v| v.as_str());
                assert!(
                    text.is_some_and(|t| !t.trim().is_empty()),
                    "{locale}.json has no message for error code {code}"
                );
            }
        }
    }
}
