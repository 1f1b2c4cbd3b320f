//! The words a printable record is written in. They come from the UI's own
//! message files (`ui/messages/<code>.json`, embedded at build time), so a
//! record reads the same as the screens in each language and a translator
//! reviews one file per language. A word a file lacks falls back to English.

use sanctuary_report::Labels;
use serde_json::{Map, Value};

use crate::error::{CoreError, Result};
use crate::model::validate::{Field, unknown};
use crate::model::{Day, PathwayRole, RecognitionKind, Stream};

/// Every language a record can be printed in, with its message file.
const FILES: &[(&str, &str)] = &[
    ("en", include_str!("../../../ui/messages/en.json")),
    ("ar", include_str!("../../../ui/messages/ar.json")),
    ("fa", include_str!("../../../ui/messages/fa.json")),
    ("fr", include_str!("../../../ui/messages/fr.json")),
    ("ti", include_str!("../../../ui/messages/ti.json")),
    ("uk", include_str!("../../../ui/messages/uk.json")),
];

/// The words of one language for a record, with English behind them.
#[derive(Debug, Clone)]
pub struct RecordLanguage {
    code: &'static str,
    messages: Map<String, Value>,
    english: Map<String, Value>,
}

fn parse(text: &str) -> Map<String, Value> {
    // The files are this repository's own and checked by tests; a broken one
    // gives English words rather than a failed export.
    serde_json::from_str(text).unwrap_or_default()
}

impl RecordLanguage {
    /// The codes a record can be printed in (`en`, `ar`, `fa` ...).
    pub fn codes() -> impl Iterator<Item = &'static str> {
        FILES.iter().map(|(code, _)| *code)
    }

    pub fn english() -> RecordLanguage {
        let english = parse(FILES[0].1);
        RecordLanguage {
            code: "en",
            messages: english.clone(),
            english,
        }
    }

    /// The language with code `code` (`fa`, `ti` ...), or an error naming
    /// the codes there are.
    pub fn for_code(code: &str) -> Result<RecordLanguage> {
        let wanted = code.trim().to_ascii_lowercase();
        let (code, text) = FILES.iter().find(|(c, _)| *c == wanted).ok_or_else(|| {
            let known: Vec<&str> = Self::codes().collect();
            CoreError::Invalid(unknown(
                Field::Language,
                code,
                &known,
                format!(
                    "'{code}' is not a language records are printed in; use one of: {}",
                    known.join(", ")
                ),
            ))
        })?;
        Ok(RecordLanguage {
            code,
            messages: parse(text),
            english: parse(FILES[0].1),
        })
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The language a person's own record is written in when nobody chose
    /// one: a record language they speak natively, else one they speak
    /// fluently, else English.
    pub fn for_person(person: &crate::model::AmbassadorDoc) -> RecordLanguage {
        use crate::model::LanguageLevel;
        let code_of = |name: &str| match name.trim().to_lowercase().as_str() {
            "arabic" => Some("ar"),
            "farsi" | "persian" | "dari" => Some("fa"),
            "french" => Some("fr"),
            "tigrinya" => Some("ti"),
            "ukrainian" => Some("uk"),
            _ => None,
        };
        let languages = &person.profile.languages;
        [LanguageLevel::Native, LanguageLevel::Fluent]
            .iter()
            .find_map(|wanted| {
                languages
                    .iter()
                    .filter(|(_, level)| *level == wanted)
                    .find_map(|(name, _)| code_of(name))
            })
            .and_then(|code| Self::for_code(code).ok())
            .unwrap_or_else(Self::english)
    }

    /// Whether pages in this language run right to left.
    pub fn is_rtl(&self) -> bool {
        matches!(self.code, "ar" | "fa")
    }

    /// A word of the subject access page (`subjectAccess.<key>` in the
    /// message files).
    pub fn subject_access(&self, key: &str) -> String {
        self.word(&format!("subjectAccess.{key}"))
    }

    /// The message `key`, else its English, else the key itself.
    fn word(&self, key: &str) -> String {
        [&self.messages, &self.english]
            .iter()
            .find_map(|m| m.get(key).and_then(Value::as_str))
            .unwrap_or(key)
            .to_string()
    }

    /// The message `key` with `{name}` placeholders filled.
    fn fill(&self, key: &str, params: &[(&str, &str)]) -> String {
        params.iter().fold(self.word(key), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
    }

    /// A day as this language writes it ("1 March 2027", "1 mars 2027",
    /// "1 березня 2027": the month as it reads after a day number).
    pub fn date(&self, day: Day) -> String {
        use chrono::Datelike;
        let d = day.0;
        self.fill(
            "record.date",
            &[
                ("day", &d.day().to_string()),
                ("month", &self.word(&format!("monthOf.{}", d.month()))),
                ("year", &d.year().to_string()),
            ],
        )
    }

    /// A month as this language writes it ("March 2027").
    pub fn month_year(&self, day: Day) -> String {
        use chrono::Datelike;
        let d = day.0;
        self.fill(
            "record.monthYear",
            &[
                ("month", &self.word(&format!("month.{}", d.month()))),
                ("year", &d.year().to_string()),
            ],
        )
    }

    pub fn stream(&self, stream: Stream) -> String {
        self.word(&format!("stream.{stream}"))
    }

    pub fn kind(&self, kind: RecognitionKind) -> String {
        self.word(&format!("kind.{kind}"))
    }

    /// "Receipt: R2" or "No receipt: café gave none", as the app shows a claim.
    pub fn receipt(&self, expense: &crate::model::Expense) -> String {
        match (&expense.receipt, &expense.no_receipt) {
            (Some(receipt), _) => self.fill("recognition.receiptShown", &[("receipt", receipt)]),
            (None, reason) => self.fill(
                "recognition.noReceiptShown",
                &[("reason", reason.as_deref().unwrap_or(""))],
            ),
        }
    }

    /// Where a claim stands ("Approved", "Paid back"), with who approved it.
    pub fn expense_status(&self, expense: &crate::model::Expense) -> String {
        let status = self.word(&format!("expenseStatus.{}", expense.status));
        match &expense.approved_by {
            Some(name) => format!(
                "{status} · {}",
                self.fill("recognition.approvedByShown", &[("name", name)])
            ),
            None => status,
        }
    }

    pub fn pathway_role(&self, role: PathwayRole) -> String {
        self.word(&format!("pathway.{role}"))
    }

    /// A role's months ("March 2025 – June 2026", "March 2025 – present").
    pub fn period(&self, from: Day, to: Option<Day>) -> String {
        let end = to.map_or_else(|| self.word("record.present"), |d| self.month_year(d));
        format!("{} – {end}", self.month_year(from))
    }

    /// How a training record stands, in words ("Valid until 1 March 2027").
    pub fn course_status(&self, row: &crate::views::TrainingRow) -> String {
        use crate::views::ExpiryState;
        let until = row.expires.map(|d| self.date(d)).unwrap_or_default();
        match row.expiry {
            ExpiryState::Never => self.word("record.neverExpires"),
            ExpiryState::Valid | ExpiryState::ExpiringSoon => {
                self.fill("record.validUntil", &[("date", &until)])
            }
            ExpiryState::Expired => self.fill("record.expiredOn", &[("date", &until)]),
            ExpiryState::Renewed => self.word("record.renewed"),
        }
    }

    pub fn unknown_course(&self) -> String {
        self.word("record.unknownCourse")
    }

    /// The headings and column names, and the language tag that sets the
    /// page's direction (right to left for Arabic and Farsi).
    pub fn labels(&self) -> Labels {
        let w = |key: &str| self.word(&format!("record.{key}"));
        Labels {
            lang: self.code.to_string(),
            title: w("title"),
            full_name: w("fullName"),
            pronouns: w("pronouns"),
            region: w("region"),
            member_since: w("memberSince"),
            courses_heading: w("coursesHeading"),
            course_column: w("courseColumn"),
            completed_column: w("completedColumn"),
            status_column: w("statusColumn"),
            duration_column: w("durationColumn"),
            co_designed: w("coDesigned"),
            hours_heading: w("hoursHeading"),
            kind_column: w("kindColumn"),
            sessions_column: w("sessionsColumn"),
            hours_column: w("hoursColumn"),
            total: w("total"),
            roles_heading: w("rolesHeading"),
            role_column: w("roleColumn"),
            project_column: w("projectColumn"),
            period_column: w("periodColumn"),
            times_column: w("timesColumn"),
            recognition_heading: w("recognitionHeading"),
            pathways_heading: w("pathwaysHeading"),
            outcomes_heading: w("outcomesHeading"),
            outcomes_intro: w("outcomesIntro"),
            expenses_heading: w("expensesHeading"),
            expenses_intro: w("expensesIntro"),
            date_column: w("dateColumn"),
            expense_column: w("expenseColumn"),
            amount_column: w("amountColumn"),
            receipt_column: w("receiptColumn"),
            none_recorded: w("noneRecorded"),
            footer: w("footer"),
            page_of: w("pageOf"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        text.parse().unwrap()
    }

    #[test]
    fn a_persons_record_is_in_a_language_they_speak_well() {
        use crate::model::{AmbassadorDoc, LanguageLevel, Profile};
        let person = |languages: &[(&str, LanguageLevel)]| {
            let mut profile = Profile::new("p".into(), "Sara", "London", day("2024-01-01"));
            for (name, level) in languages {
                profile.languages.insert(name.to_string(), *level);
            }
            AmbassadorDoc::new(profile)
        };
        let code = |languages| RecordLanguage::for_person(&person(languages)).code();
        // Native beats fluent, whatever the alphabet says.
        assert_eq!(
            code(&[
                ("arabic", LanguageLevel::Fluent),
                ("farsi", LanguageLevel::Native)
            ]),
            "fa"
        );
        assert_eq!(code(&[("Tigrinya", LanguageLevel::Fluent)]), "ti");
        // A language records are not printed in, or one spoken a little: English.
        assert_eq!(code(&[("amharic", LanguageLevel::Native)]), "en");
        assert_eq!(code(&[("ukrainian", LanguageLevel::Basic)]), "en");
        assert!(RecordLanguage::for_code("fa").unwrap().is_rtl());
        assert!(!RecordLanguage::for_code("ti").unwrap().is_rtl());
    }

    #[test]
    fn english_words_are_the_reports_own_defaults() {
        let en = RecordLanguage::english();
        assert_eq!(en.labels(), Labels::default());
        assert_eq!(en.date(day("2027-03-01")), "1 March 2027");
        assert_eq!(en.month_year(day("2024-11-30")), "November 2024");
        assert_eq!(en.stream(Stream::AwardsPanel), "Awards panel");
        assert_eq!(
            en.pathway_role(PathwayRole::SteeringGroup),
            "Steering group"
        );
        assert_eq!(en.period(day("2025-03-10"), None), "March 2025 – present");
    }

    #[test]
    fn each_language_writes_its_own_words_and_dates() {
        let fa = RecordLanguage::for_code("FA").unwrap();
        assert_eq!(fa.code(), "fa");
        assert_eq!(fa.date(day("2027-03-01")), "1 مارس 2027");
        assert_eq!(fa.labels().title, "سابقهٔ آموزش و مشارکت");
        let uk = RecordLanguage::for_code("uk").unwrap();
        assert_eq!(uk.date(day("2027-03-01")), "1 березня 2027");
        assert_eq!(uk.month_year(day("2027-03-01")), "березень 2027");
        assert_eq!(uk.kind(RecognitionKind::Certificate), "Сертифікат");
        let ti = RecordLanguage::for_code("ti").unwrap();
        assert_eq!(ti.month_year(day("2024-01-05")), "ጥሪ 2024");
    }

    #[test]
    fn every_language_has_every_record_word() {
        let en = RecordLanguage::english();
        for code in RecordLanguage::codes() {
            let lang = RecordLanguage::for_code(code).unwrap();
            for key in en.english.keys() {
                if key.starts_with("record.")
                    || key.starts_with("month")
                    || key.starts_with("pathway.")
                {
                    assert!(lang.messages.contains_key(key), "{code} lacks {key}");
                }
            }
        }
    }

    #[test]
    fn an_unknown_language_is_refused_with_the_known_ones() {
        let e = RecordLanguage::for_code("xx").unwrap_err();
        assert_eq!(e.code(), "invalid");
        assert!(e.to_string().contains("en, ar, fa, fr, ti, uk"), "{e}");
    }
}
