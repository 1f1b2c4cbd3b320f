//! What matching says to a reader, as a code with parameters.
//!
//! Every reason a factor gives, every reason someone is not eligible and its
//! next step, every note on a candidate or a team, the recognition advice
//! and a rota member's place is a [`Message`]: a stable [`Code`], typed
//! parameters and the English sentence. The CLI and logs print the sentence
//! (`Display`); the app looks the code up in its message files
//! (`reason.<code>` in `ui/messages/<locale>.json`) and fills the parameters
//! in the reader's language: counts with plural rules, numbers and dates
//! through `Intl`, vocabulary words (weekdays, statuses, recognition kinds,
//! language names) through their own translated labels, and text people
//! typed (names, skills, regions, course titles) as typed.
//!
//! A new recognition kind needs no new code: kinds are parameters, worded
//! by the vocabulary's own translation. A test checks that every code has a
//! message in every UI language, with exactly the placeholders
//! [`Code::params`] names.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::model::validate::Field;
use crate::model::vocab::vocabulary;
use crate::model::{
    Day, ExpenseStatus, InvitationStatus, LanguageLevel, RecognitionKind, Status, Thing, Weekday,
};

vocabulary! {
    /// What a message says; `reason.<code>` in the UI's message files.
    Code, "message code" {
        RequiredSkillsNotListed = "required-skills-not-listed",
        RequiredSkillsAll = "required-skills-all",
        RequiredSkillsNone = "required-skills-none",
        RequiredSkillsSome = "required-skills-some",
        DesiredSkillsNotListed = "desired-skills-not-listed",
        DesiredSkillsAll = "desired-skills-all",
        DesiredSkillsNone = "desired-skills-none",
        DesiredSkillsSome = "desired-skills-some",
        InterestsNone = "interests-none",
        InterestsRelated = "interests-related",
        LanguagesNotNeeded = "languages-not-needed",
        LanguagesNone = "languages-none",
        LanguagesAll = "languages-all",
        LanguagesSome = "languages-some",
        LocalityNear = "locality-near",
        LocalityOtherRegion = "locality-other-region",
        LocalityRemote = "locality-remote",
        LocalityNoLocation = "locality-no-location",
        LocalityOnline = "locality-online",
        FairnessNeverTakenPart = "fairness-never-taken-part",
        FairnessFirstTimer = "fairness-first-timer",
        FairnessLifted = "fairness-lifted",
        FairnessLowered = "fairness-lowered",
        FairnessEven = "fairness-even",
        Status = "status",
        Archived = "archived",
        ContactConsentDue = "contact-consent-due",
        MediaConsentDue = "media-consent-due",
        ContactConsentMissing = "contact-consent-missing",
        MediaConsentMissing = "media-consent-missing",
        ContactConsentRefused = "contact-consent-refused",
        MediaConsentRefused = "media-consent-refused",
        ContactConsentLapsed = "contact-consent-lapsed",
        MediaConsentLapsed = "media-consent-lapsed",
        ContactConsentLapsedEarlier = "contact-consent-lapsed-earlier",
        MediaConsentLapsedEarlier = "media-consent-lapsed-earlier",
        PhotographyConsentDue = "photography-consent-due",
        PhotographyConsentMissing = "photography-consent-missing",
        PhotographyConsentRefused = "photography-consent-refused",
        PhotographyConsentLapsed = "photography-consent-lapsed",
        PhotographyConsentLapsedEarlier = "photography-consent-lapsed-earlier",
        PartnerConsentDue = "partner-consent-due",
        PartnerConsentMissing = "partner-consent-missing",
        PartnerConsentRefused = "partner-consent-refused",
        PartnerConsentLapsed = "partner-consent-lapsed",
        PartnerConsentLapsedEarlier = "partner-consent-lapsed-earlier",
        EngagementRefused = "engagement-refused",
        ModeNotRecorded = "mode-not-recorded",
        ModeInPersonOnly = "mode-in-person-only",
        ModeRemoteOnly = "mode-remote-only",
        TravelTooFar = "travel-too-far",
        TravelNoDistance = "travel-no-distance",
        Days = "days",
        TrainingExpiresBefore = "training-expires-before",
        TrainingExpiresDuring = "training-expires-during",
        TrainingCompletedLate = "training-completed-late",
        TrainingMissing = "training-missing",
        DoubleBookingTurn = "double-booking-turn",
        DoubleBookingAccepted = "double-booking-accepted",
        DoubleBookingInvited = "double-booking-invited",
        ConflictOfInterest = "conflict-of-interest",
        NextSetActive = "next-set-active",
        NextRestore = "next-restore",
        NextAskConsent = "next-ask-consent",
        NextAskAgain = "next-ask-again",
        NextCheckDays = "next-check-days",
        NextAskMode = "next-ask-mode",
        NextAskOnline = "next-ask-online",
        NextAskInPerson = "next-ask-in-person",
        NextAskTravel = "next-ask-travel",
        NextBookRefresher = "next-book-refresher",
        NextNeedsBefore = "next-needs-before",
        NextOfferCourse = "next-offer-course",
        NextWithdrawOther = "next-withdraw-other",
        NoteInterpreter = "note-interpreter",
        NoteAccessNeeds = "note-access-needs",
        RecognitionNotAllowed = "recognition-not-allowed",
        RecognitionCheckFirst = "recognition-check-first",
        TeamAlready = "team-already",
        TeamCovers = "team-covers",
        TeamBrings = "team-brings",
        TeamSpeaks = "team-speaks",
        TeamFirstTimer = "team-first-timer",
        TeamExperienced = "team-experienced",
        TeamScores = "team-scores",
        TeamOverFilled = "team-over-filled",
        TeamShort = "team-short",
        TeamLacks = "team-lacks",
        RotaNoTurn = "rota-no-turn",
        RotaTurns = "rota-turns",
        RefusedPayment = "refused-payment",
        RefusedPaymentNoted = "refused-payment-noted",
        RefusedCheckFirst = "refused-check-first",
        RefusedCheckFirstNoted = "refused-check-first-noted",
        RefusedNotEligible = "refused-not-eligible",
        // The default recognition policy's notes and sources (`model::policy`).
        PolicyReimburse = "policy-reimburse",
        PolicyNoCashValue = "policy-no-cash-value",
        PolicyMayBePaid = "policy-may-be-paid",
        PolicyCheckFirst = "policy-check-first",
        PolicyRefused = "policy-refused",
        PolicySourceHomeOffice = "policy-source-home-office",
        PolicySourceCashValue = "policy-source-cash-value",
        PolicySourceNetwork = "policy-source-network",
        PolicySourceChanged = "policy-source-changed",
        // Refusals of a value (`model::Invalid`): each carries the `field`
        // it is about, worded from `field.<word>` in the UI's files.
        InvalidEmpty = "invalid-empty",
        InvalidTooLong = "invalid-too-long",
        InvalidControlCharacters = "invalid-control-characters",
        InvalidNotADate = "invalid-not-a-date",
        InvalidNotHours = "invalid-not-hours",
        InvalidNotAnAmount = "invalid-not-an-amount",
        InvalidNotAnEmail = "invalid-not-an-email",
        InvalidOutOfRange = "invalid-out-of-range",
        InvalidUnknown = "invalid-unknown",
        InvalidWeightOutOfRange = "invalid-weight-out-of-range",
        InvalidEndsBeforeStart = "invalid-ends-before-start",
        InvalidAlreadyExists = "invalid-already-exists",
        InvalidAmbiguous = "invalid-ambiguous",
        InvalidHoursForADay = "invalid-hours-for-a-day",
        InvalidHoursNeeded = "invalid-hours-needed",
        InvalidHoursOnlyAttended = "invalid-hours-only-attended",
        InvalidAmountNeeded = "invalid-amount-needed",
        InvalidAmountNotMoney = "invalid-amount-not-money",
        InvalidAmountRange = "invalid-amount-range",
        InvalidNotAReimbursement = "invalid-not-a-reimbursement",
        InvalidReceiptNeeded = "invalid-receipt-needed",
        InvalidReceiptNotBoth = "invalid-receipt-not-both",
        InvalidFlatAllowance = "invalid-flat-allowance",
        InvalidOverExpenseLimit = "invalid-over-expense-limit",
        InvalidExpenseApproveFirst = "invalid-expense-approve-first",
        InvalidExpenseCannotMove = "invalid-expense-cannot-move",
        InvalidNotAnExpense = "invalid-not-an-expense",
        InvalidNotFlagged = "invalid-not-flagged",
        InvalidProjectMode = "invalid-project-mode",
        InvalidOwnPrerequisite = "invalid-own-prerequisite",
        InvalidWeightSetting = "invalid-weight-setting",
        InvalidAlreadyDecided = "invalid-already-decided",
        InvalidAlreadyMember = "invalid-already-member",
        InvalidNoAttendees = "invalid-no-attendees",
        InvalidNotFullPath = "invalid-not-full-path",
        InvalidNoFolder = "invalid-no-folder",
        InvalidPathNotStorable = "invalid-path-not-storable",
        InvalidWriteFailed = "invalid-write-failed",
        InvalidRemoveSelf = "invalid-remove-self",
        InvalidAlreadyRemoved = "invalid-already-removed",
        InvalidInvitationFinal = "invalid-invitation-final",
        InvalidInvitationMove = "invalid-invitation-move",
        InvalidInvitationNotYet = "invalid-invitation-not-yet",
        InvalidMediaConsentRefused = "invalid-media-consent-refused",
        InvalidMediaConsentNotAsked = "invalid-media-consent-not-asked",
        InvalidNoRota = "invalid-no-rota",
        InvalidNoMemberFree = "invalid-no-member-free",
        InvalidTooManyChosen = "invalid-too-many-chosen",
        InvalidReasonNeeded = "invalid-reason-needed",
        InvalidEdit = "invalid-edit",
        // Errors that are not about one value (`CoreError::said`).
        NotFound = "not-found",
        Ambiguous = "ambiguous",
        Prerequisite = "prerequisite",
        ImportEmptyHeader = "import-empty-header",
        ImportNoColumn = "import-no-column",
        ImportUnknownField = "import-unknown-field",
        SheetTooLarge = "sheet-too-large",
        SheetEmpty = "sheet-empty",
        SheetNoWorksheet = "sheet-no-worksheet",
        SheetBadRow = "sheet-bad-row",
    }
}

impl Code {
    /// The parameters a message with this code carries, by name: the
    /// placeholders of its `reason.<code>` message in every language.
    pub fn params(self) -> &'static [&'static str] {
        use Code::*;
        match self {
            RequiredSkillsAll | RequiredSkillsNone | DesiredSkillsAll | DesiredSkillsNone => {
                &["skills"]
            }
            RequiredSkillsSome | DesiredSkillsSome => &["count", "total", "has", "missing"],
            InterestsRelated => &["interests"],
            LanguagesNone => &["missing"],
            LanguagesAll => &["speaks"],
            LanguagesSome => &["speaks", "missing"],
            LocalityNear | TeamBrings => &["region"],
            LocalityOtherRegion => &["region", "km", "location"],
            FairnessFirstTimer | FairnessLifted | FairnessLowered | FairnessEven => {
                &["recent", "months"]
            }
            Status => &["status"],
            ContactConsentRefused
            | MediaConsentRefused
            | ContactConsentLapsed
            | MediaConsentLapsed
            | PhotographyConsentRefused
            | PhotographyConsentLapsed
            | PartnerConsentRefused
            | PartnerConsentLapsed
            | EngagementRefused => &["date"],
            TravelTooFar => &["region", "km", "location", "threshold"],
            TravelNoDistance => &["region", "location", "threshold"],
            Days => &["free", "on"],
            TrainingExpiresBefore => &["course", "until", "first"],
            TrainingExpiresDuring => &["course", "until", "last"],
            TrainingCompletedLate => &["course", "completed", "first"],
            TrainingMissing => &["course"],
            DoubleBookingTurn | DoubleBookingAccepted | DoubleBookingInvited => {
                &["project", "dates"]
            }
            ConflictOfInterest => &["organisation"],
            NextBookRefresher | NextNeedsBefore | NextOfferCourse => &["course", "first"],
            NoteInterpreter => &["language"],
            RecognitionNotAllowed | RecognitionCheckFirst => &["kinds"],
            TeamAlready => &["status"],
            TeamCovers | TeamLacks => &["needs"],
            TeamSpeaks => &["languages"],
            TeamScores => &["points"],
            TeamOverFilled | TeamShort => &["filled", "places"],
            RotaTurns => &["count", "last"],
            RefusedPayment | RefusedCheckFirst => &["name", "kind", "alternatives"],
            RefusedPaymentNoted | RefusedCheckFirstNoted => {
                &["name", "kind", "note", "alternatives"]
            }
            RefusedNotEligible => &["name"],
            InvalidNotADate => &["value"],
            PolicyReimburse | PolicyMayBePaid | PolicyCheckFirst | PolicyRefused => &["kind"],
            PolicySourceChanged => &["date"],
            PolicyNoCashValue
            | PolicySourceHomeOffice
            | PolicySourceCashValue
            | PolicySourceNetwork => &[],
            InvalidTooLong => &["field", "max"],
            InvalidNotHours | InvalidNotAnAmount | InvalidNotAnEmail | InvalidAlreadyExists
            | InvalidAmbiguous | InvalidWeightSetting => &["field", "value"],
            InvalidOutOfRange => &["field", "min", "max"],
            InvalidUnknown => &["field", "value", "known"],
            InvalidWeightOutOfRange => &["field", "weight", "min", "max"],
            InvalidEndsBeforeStart => &["field", "start", "end"],
            InvalidHoursOnlyAttended => &["field", "status"],
            InvalidAmountNeeded
            | InvalidAmountNotMoney
            | InvalidNotAReimbursement
            | InvalidNotAnExpense => &["field", "kind"],
            InvalidAmountRange => &["field", "max"],
            InvalidOverExpenseLimit => &["field", "amount", "limit"],
            InvalidExpenseCannotMove => &["field", "from", "to"],
            InvalidWriteFailed => &["field", "path", "error"],
            InvalidInvitationFinal => &["field", "name", "from"],
            InvalidInvitationMove => &["field", "name", "from", "to", "allowed"],
            InvalidInvitationNotYet => &["field", "name", "to", "allowed"],
            InvalidMediaConsentRefused => &["field", "name", "date"],
            InvalidMediaConsentNotAsked => &["field", "name"],
            InvalidNoRota => &["field", "project"],
            InvalidNoMemberFree => &["field", "date"],
            InvalidTooManyChosen => &["field", "seats"],
            InvalidEdit => &["field", "detail"],
            NotFound => &["what", "key"],
            Ambiguous => &["what", "key", "matches"],
            Prerequisite => &["course", "name", "before"],
            ImportNoColumn => &["field"],
            ImportUnknownField => &["value", "known"],
            SheetBadRow => &["row", "detail"],
            ImportEmptyHeader | SheetTooLarge | SheetEmpty | SheetNoWorksheet => &[],
            InvalidEmpty
            | InvalidControlCharacters
            | InvalidHoursForADay
            | InvalidHoursNeeded
            | InvalidReceiptNeeded
            | InvalidReceiptNotBoth
            | InvalidFlatAllowance
            | InvalidExpenseApproveFirst
            | InvalidNotFlagged
            | InvalidProjectMode
            | InvalidOwnPrerequisite
            | InvalidAlreadyDecided
            | InvalidAlreadyMember
            | InvalidNoAttendees
            | InvalidNotFullPath
            | InvalidNoFolder
            | InvalidPathNotStorable
            | InvalidRemoveSelf
            | InvalidAlreadyRemoved
            | InvalidReasonNeeded => &["field"],
            RequiredSkillsNotListed
            | DesiredSkillsNotListed
            | InterestsNone
            | LanguagesNotNeeded
            | LocalityRemote
            | LocalityNoLocation
            | LocalityOnline
            | FairnessNeverTakenPart
            | ContactConsentDue
            | MediaConsentDue
            | PhotographyConsentDue
            | PartnerConsentDue
            | PhotographyConsentMissing
            | PartnerConsentMissing
            | PhotographyConsentLapsedEarlier
            | PartnerConsentLapsedEarlier
            | ContactConsentMissing
            | MediaConsentMissing
            | ContactConsentLapsedEarlier
            | MediaConsentLapsedEarlier
            | ModeNotRecorded
            | ModeInPersonOnly
            | ModeRemoteOnly
            | Archived
            | NextRestore
            | NextSetActive
            | NextAskConsent
            | NextAskAgain
            | NextCheckDays
            | NextAskMode
            | NextAskOnline
            | NextAskInPerson
            | NextAskTravel
            | NextWithdrawOther
            | NoteAccessNeeds
            | TeamFirstTimer
            | TeamExperienced
            | RotaNoTurn => &[],
        }
    }
}

/// One value a message is filled with, typed so that each screen can write
/// it in its reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Param {
    /// Text as people typed it (a name, a skill, a region, a course title):
    /// never translated.
    Text(String),
    /// A count, points or kilometres; counted messages choose their plural
    /// form by it.
    Number(i32),
    /// A day, `YYYY-MM-DD`.
    Date(String),
    /// The days from `first` to `last` (the same day for one day).
    Period {
        first: String,
        last: String,
    },
    Weekday(Weekday),
    Status(Status),
    Invitation(InvitationStatus),
    /// A recognition kind, worded by its vocabulary label.
    Kind(RecognitionKind),
    /// A language as profiles write it (`arabic`); a common one is shown by
    /// its translated name, anything else as typed.
    Language(String),
    /// Someone speaks `language` at `level`.
    Spoken {
        language: String,
        level: LanguageLevel,
    },
    /// Several values, written as a list ("a, b and c").
    List(Vec<Param>),
    /// Alternatives, written as a list with "or".
    Either(Vec<Param>),
    /// The field a refusal is about, worded by its `field.<word>` label.
    Field(Field),
    /// Money in pence, written in pounds as the reader writes amounts.
    Money(i32),
    /// An expense claim's status, worded by its vocabulary label.
    Expense(ExpenseStatus),
    /// What a lookup was for, worded by its `thing.<word>` name.
    Thing(Thing),
    /// A field an import fills (`region`), worded by its `importField.<word>` label.
    ImportField(String),
}

impl Param {
    pub fn date(day: Day) -> Param {
        Param::Date(day.to_string())
    }

    pub fn count(n: impl TryInto<i32>) -> Param {
        Param::Number(n.try_into().unwrap_or(i32::MAX))
    }

    /// Text people typed, as a list.
    pub fn texts<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Param {
        Param::List(
            items
                .into_iter()
                .map(|s| Param::Text(s.as_ref().to_string()))
                .collect(),
        )
    }

    /// Language names, as a list.
    pub fn languages<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Param {
        Param::List(
            items
                .into_iter()
                .map(|s| Param::Language(s.as_ref().to_string()))
                .collect(),
        )
    }

    /// Pence as money (an absurdly large amount is shown as the largest
    /// a message holds).
    pub fn money(pence: u64) -> Param {
        Param::Money(pence.try_into().unwrap_or(i32::MAX))
    }

    pub fn kinds(kinds: &[RecognitionKind]) -> Param {
        Param::Either(kinds.iter().copied().map(Param::Kind).collect())
    }
}

/// A sentence for a reader: its code, its parameters by name, and the
/// sentence in English (what the CLI prints and logs show).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Message {
    pub code: Code,
    pub params: BTreeMap<String, Param>,
    pub text: String,
}

impl Message {
    /// A message whose English sentence is `text`; add its parameters with
    /// [`Message::with`].
    pub fn new(code: Code, text: impl Into<String>) -> Message {
        Message {
            code,
            params: BTreeMap::new(),
            text: text.into(),
        }
    }

    pub fn with(mut self, name: &'static str, value: Param) -> Message {
        debug_assert!(
            self.code.params().contains(&name),
            "{} has no parameter {name}",
            self.code
        );
        self.params.insert(name.to_string(), value);
        self
    }

    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.get(name)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Lets tests and callers compare a message with its English sentence.
impl PartialEq<str> for Message {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl Message {
    /// The English sentence.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The placeholders of a UI message: `{name}` and the name of each
    /// `{name, plural, ...}` block, with those inside the plural forms.
    fn placeholders(text: &str) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        scan(text, &mut names);
        names
    }

    fn scan(text: &str, names: &mut BTreeSet<String>) {
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] != '{' {
                i += 1;
                continue;
            }
            let start = i + 1;
            let mut j = start;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let name: String = chars[start..j].iter().collect();
            match chars.get(j) {
                Some('}') if !name.is_empty() => {
                    names.insert(name);
                    i = j + 1;
                }
                Some(',') if !name.is_empty() => {
                    names.insert(name);
                    // The forms: `selector {text}` ... up to the closing brace.
                    let mut k = j + 1;
                    let mut depth = 1;
                    let mut form_start = None;
                    while k < chars.len() && depth > 0 {
                        match chars[k] {
                            '{' => {
                                if depth == 1 {
                                    form_start = Some(k + 1);
                                }
                                depth += 1;
                            }
                            '}' => {
                                depth -= 1;
                                if depth == 1
                                    && let Some(from) = form_start.take()
                                {
                                    let form: String = chars[from..k].iter().collect();
                                    scan(&form, names);
                                }
                            }
                            _ => {}
                        }
                        k += 1;
                    }
                    i = k;
                }
                _ => i += 1,
            }
        }
    }

    #[test]
    fn placeholders_are_found_inside_plural_forms() {
        let found = placeholders(
            "{count, plural, one {# turn, on {last}} other {# turns, the last on {last}}} ({x})",
        );
        let want: BTreeSet<String> = ["count", "last", "x"].map(String::from).into();
        assert_eq!(found, want);
        assert!(placeholders("{n, plural, one {month} other {months}}").len() == 1);
    }

    #[test]
    fn every_code_has_a_message_with_its_placeholders_in_every_ui_language() {
        let files = crate::error::tests::locale_files();
        assert!(files.len() >= 6, "only {} UI languages", files.len());
        for (locale, messages) in &files {
            for code in Code::ALL {
                let key = format!("reason.{code}");
                let text = messages.get(&key).and_then(|v| v.as_str());
                let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
                    panic!("{locale}.json has no message {key}");
                };
                let want: BTreeSet<String> = code.params().iter().map(|s| s.to_string()).collect();
                assert_eq!(
                    placeholders(text),
                    want,
                    "{locale}.json: {key} must use exactly the placeholders {want:?}"
                );
            }
            let extra: Vec<&String> = messages
                .keys()
                .filter(|k| {
                    k.strip_prefix("reason.")
                        .is_some_and(|c| c.parse::<Code>().is_err())
                })
                .collect();
            assert!(extra.is_empty(), "{locale}.json: no such codes {extra:?}");
        }
    }

    #[test]
    fn a_message_is_its_code_its_parameters_and_its_english() {
        let m = Message::new(Code::TeamScores, "scores 40").with("points", Param::count(40));
        let json = serde_json::to_value(&m).unwrap_or_default();
        assert_eq!(json["code"], "team-scores");
        assert_eq!(json["params"]["points"]["type"], "number");
        assert_eq!(json["params"]["points"]["value"], 40);
        assert_eq!(json["text"], "scores 40");
        assert_eq!(m.to_string(), "scores 40");
        let kinds = Param::kinds(&[RecognitionKind::Payment]);
        let json = serde_json::to_value(&kinds).unwrap_or_default();
        assert_eq!(json["type"], "either");
        assert_eq!(json["value"][0]["value"], "payment");
    }
}

/// Every message matching writes for a varied group carries exactly the
/// parameters its code names, so no screen shows an unfilled placeholder.
#[cfg(test)]
mod params_tests {
    use super::super::fixtures::*;
    use super::super::select_team;
    use super::*;
    use crate::model::*;

    fn check(m: &Message, seen: &mut std::collections::BTreeSet<Code>) {
        let mut names: Vec<&str> = m.params.keys().map(String::as_str).collect();
        let mut want = m.code.params().to_vec();
        names.sort_unstable();
        want.sort_unstable();
        assert_eq!(names, want, "{}: {}", m.code, m.text);
        seen.insert(m.code);
    }

    #[test]
    fn every_message_carries_the_parameters_its_code_names() {
        let mut w = Fixture::new();
        w.course("safeguarding", Some(12));
        w.project().required_skills = Tags::from_words(["assessment", "writing"]);
        w.project().desired_skills = Tags::from_words(["design"]);
        w.project().languages = Tags::from_words(["arabic", "tigrinya"]);
        w.project().recognition = Tags::from_words(["payment", "thanks"]);
        w.project().required_training = Tags::from_words(["safeguarding"]);
        w.project().organisation = Some("Leeds Council".into());
        let mut people = Vec::new();
        for (i, payment) in [
            PaymentConstraint::NotAllowed,
            PaymentConstraint::CheckFirst,
            PaymentConstraint::Allowed,
        ]
        .into_iter()
        .enumerate()
        {
            let mut p = w.person(&format!("ok{i}"));
            train(&mut p, "safeguarding", "2026-01-01");
            p.profile.payment = payment;
            p.profile.skills = Tags::from_words(&["assessment", "writing"][..=i.min(1)]);
            p.profile.interests = Tags::from_words(["education"]);
            p.profile.interpreter = Some("tigrinya".into());
            p.profile.access_needs = Some("step-free".into());
            speaks(&mut p, "arabic", LanguageLevel::Native);
            if i == 1 {
                add_contribution(&mut p, "2026-02-01", Some("elsewhere"));
                p.profile.region = "Wales".into();
                p.profile.availability.travel_km = Some(300);
            }
            people.push(p);
        }
        let mut paused = w.person("paused");
        paused.profile.status = Status::Paused;
        paused.profile.organisations = Tags::from_words(["leeds council"]);
        paused.consents.clear();
        paused.profile.region = "Wales".into();
        let mut late = w.person("late");
        train(&mut late, "safeguarding", "2026-03-20");
        late.profile.availability.in_person = false;
        let mut expiring = w.person("expiring");
        train(&mut expiring, "safeguarding", "2025-02-01");
        expiring
            .profile
            .availability
            .days
            .insert("mon".into(), true);
        people.extend([paused, late, expiring]);
        let refs: Vec<&AmbassadorDoc> = people.iter().collect();
        let mut seen = std::collections::BTreeSet::new();
        let (ranking, team) = w.run(&refs, |input| {
            let standings = super::super::standings(input);
            (standings.explain(), select_team(&standings, 5))
        });
        for c in &ranking.ranked {
            c.factors.iter().for_each(|f| check(&f.reason, &mut seen));
            c.notes.iter().for_each(|n| check(n, &mut seen));
            c.recognition.note.iter().for_each(|n| check(n, &mut seen));
        }
        for n in &ranking.not_eligible {
            for r in &n.reasons {
                check(&r.reason, &mut seen);
                r.next_step.iter().for_each(|s| check(s, &mut seen));
            }
        }
        for m in &team.members {
            m.why.iter().for_each(|y| check(y, &mut seen));
        }
        team.notes.iter().for_each(|n| check(n, &mut seen));
        // The group is varied enough to reach many codes, parameterised ones
        // above all.
        assert!(
            seen.len() >= 25,
            "only {} codes reached: {seen:?}",
            seen.len()
        );
        for code in [
            Code::RequiredSkillsSome,
            Code::LanguagesSome,
            Code::RecognitionNotAllowed,
            Code::RecognitionCheckFirst,
            Code::TrainingCompletedLate,
            Code::TeamLacks,
        ] {
            assert!(seen.contains(&code), "{code} not reached: {seen:?}");
        }
    }
}
