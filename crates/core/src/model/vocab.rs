//! Closed vocabularies (status, stream, recognition kind ...) as plain enums.
//!
//! Each one is written to Automerge, JSON and the command line as the same stable
//! kebab-case word, so a document written by one version reads in the next and
//! scripts can rely on the names. Unknown words are refused with the list of
//! words that are allowed.

/// The error when a word is not one of a vocabulary's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{word}' is not a known {what}; use one of: {allowed}")]
pub struct UnknownWord {
    pub what: &'static str,
    pub word: String,
    pub allowed: String,
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        // With the `ts` feature the TypeScript type is the union of the
        // stable words, exactly what the hand-written serde impls below write.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum $name { $( $(#[$vmeta])* #[cfg_attr(feature = "ts", ts(rename = $word))] $variant ),+ }

        impl $name {
            /// Every word of this vocabulary, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable word written to documents, JSON and the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// The value of a word exactly as documents store it (no
            /// trimming or case folding, so nothing is allocated).
            pub fn from_word(word: &str) -> Option<$name> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::model::vocab::UnknownWord;
            fn from_str(s: &str) -> Result<Self, $crate::model::vocab::UnknownWord> {
                let lowered = s.trim().to_ascii_lowercase().replace('_', "-");
                match lowered.as_str() {
                    $($word => Ok($name::$variant),)+
                    _ => Err($crate::model::vocab::UnknownWord {
                        what: $what,
                        word: s.to_string(),
                        allowed: [$($word),+].join(", "),
                    }),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = String::deserialize(d)?;
                word.parse().map_err(serde::de::Error::custom)
            }
        }

        impl autosurgeon::Reconcile for $name {
            type Key<'a> = autosurgeon::reconcile::NoKey;
            fn reconcile<R: autosurgeon::Reconciler>(&self, mut r: R) -> Result<(), R::Error> {
                r.str(self.as_str())
            }
        }

        impl autosurgeon::Hydrate for $name {
            fn hydrate_string(s: &'_ str) -> Result<Self, autosurgeon::HydrateError> {
                s.parse().map_err(|e: $crate::model::vocab::UnknownWord| {
                    autosurgeon::HydrateError::unexpected($what, e.word)
                })
            }
        }
    };
}

// Other closed word lists of the core (the codes of matching's messages) are
// written the same way.
pub(crate) use vocabulary;

/// A vocabulary whose words also have the English name the CLI prints
/// (`Field::EndDate` is `end-date`, printed "end date").
macro_rules! named_vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $variant:ident = $word:literal, $english:literal; )+
        }
    ) => {
        $crate::model::vocab::vocabulary! {
            $(#[$meta])*
            $name, $what { $( $variant = $word ),+ }
        }

        impl $name {
            /// The English name, as the CLI prints it.
            pub fn name(self) -> &'static str {
                match self { $( $name::$variant => $english ),+ }
            }
        }
    };
}

pub(crate) use named_vocabulary;

vocabulary! {
    /// Where an ambassador is in their time with the network.
    Status, "status" { Active = "active", Paused = "paused", Alumni = "alumni" }
}

vocabulary! {
    /// Whether a person may receive money for their time. This is what the
    /// coordinator needs to know to offer recognition safely; it never records
    /// why (immigration status is never stored).
    PaymentConstraint, "payment constraint" {
        Allowed = "allowed",
        NotAllowed = "not-allowed",
        CheckFirst = "check-first",
    }
}

vocabulary! {
    /// How a person prefers to be contacted.
    Channel, "contact channel" {
        Email = "email", Phone = "phone", Sms = "sms", WhatsApp = "whatsapp",
        Signal = "signal", InPerson = "in-person",
    }
}

vocabulary! {
    /// How well someone speaks a language.
    LanguageLevel, "language level" {
        Basic = "basic", Conversational = "conversational", Fluent = "fluent", Native = "native",
    }
}

vocabulary! {
    Weekday, "day" {
        Mon = "mon", Tue = "tue", Wed = "wed", Thu = "thu", Fri = "fri", Sat = "sat", Sun = "sun",
    }
}

vocabulary! {
    /// A part of the day someone is usually free.
    TimeOfDay, "time of day" { Morning = "morning", Afternoon = "afternoon", Evening = "evening" }
}

vocabulary! {
    /// What a consent record covers.
    ConsentScope, "consent scope" {
        /// Keeping a profile in this app at all.
        Profile = "profile",
        /// Being contacted about opportunities.
        Contact = "contact",
        /// Media, speaking and being quoted in public.
        Media = "media",
        /// Photographs and film.
        Photography = "photography",
        /// Sharing details with partner organisations.
        SharePartners = "share-partners",
    }
}

vocabulary! {
    /// The kind of co-production work a project belongs to.
    Stream, "stream" {
        Schools = "schools",
        Universities = "universities",
        LocalAuthorities = "local-authorities",
        Health = "health",
        AwardsPanel = "awards-panel",
        Media = "media",
        AdvisoryGroup = "advisory-group",
        Training = "training",
        FocusGroup = "focus-group",
        Other = "other",
    }
}

vocabulary! {
    /// The reach of a project.
    Level, "level" { Local = "local", Regional = "regional", Strategic = "strategic" }
}

vocabulary! {
    /// How a course or session is delivered.
    DeliveryMode, "delivery mode" { InPerson = "in-person", Online = "online", Blended = "blended" }
}

vocabulary! {
    /// A way of recognising someone's contribution.
    RecognitionKind, "recognition kind" {
        Thanks = "thanks",
        Certificate = "certificate",
        ReferenceLetter = "reference-letter",
        Voucher = "voucher",
        GiftCard = "gift-card",
        Allowance = "allowance",
        TravelExpenses = "travel-expenses",
        Meal = "meal",
        Gift = "gift",
        TimeCredits = "time-credits",
        Payment = "payment",
        Nomination = "nomination",
    }
}

impl Stream {
    /// The English name of the kind of work, for records and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Schools => "Schools",
            Self::Universities => "Universities",
            Self::LocalAuthorities => "Local authorities",
            Self::Health => "Health",
            Self::AwardsPanel => "Award assessment panels",
            Self::Media => "Media and speaking",
            Self::AdvisoryGroup => "Advisory Group",
            Self::Training => "Training delivery",
            Self::FocusGroup => "Focus groups",
            Self::Other => "Other co-production work",
        }
    }
}

impl RecognitionKind {
    /// The English name, for records and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Thanks => "Thanks",
            Self::Certificate => "Certificate",
            Self::ReferenceLetter => "Reference letter",
            Self::Voucher => "Voucher",
            Self::GiftCard => "Gift card",
            Self::Allowance => "Allowance",
            Self::TravelExpenses => "Travel expenses",
            Self::Meal => "Meal",
            Self::Gift => "Gift",
            Self::TimeCredits => "Time credits",
            Self::Payment => "Payment",
            Self::Nomination => "Nomination",
        }
    }

    /// Kinds that involve money or its equivalent, so an amount is recorded.
    pub fn involves_money(self) -> bool {
        matches!(
            self,
            Self::Voucher
                | Self::GiftCard
                | Self::Allowance
                | Self::TravelExpenses
                | Self::Meal
                | Self::Gift
                | Self::Payment
        )
    }

    /// Kinds with a cash value that are not reimbursements: money, or
    /// what can be spent or exchanged like it (time credits buy goods and
    /// services, so they count although no amount in pounds is recorded).
    pub fn has_cash_value(self) -> bool {
        (self.involves_money() && !self.is_reimbursement()) || self == Self::TimeCredits
    }

    /// Kinds that pay back a cost the person actually incurred (a fare, a
    /// meal), so they carry a receipt and move through claimed, approved
    /// and paid back. Whether a person may receive any kind at all is the
    /// network's recognition policy (`model::policy`), not a property of
    /// the kind.
    pub fn is_reimbursement(self) -> bool {
        matches!(self, Self::TravelExpenses | Self::Meal)
    }
}

vocabulary! {
    /// What the recognition policy says about one kind for one payment
    /// constraint: give it, never give it, or check first (with the person
    /// and, if needed, an adviser).
    Verdict, "policy verdict" {
        Allowed = "allowed",
        Refused = "refused",
        Check = "check",
    }
}

vocabulary! {
    /// Where an expense claim (a reimbursement) stands: claimed by the
    /// person, approved by a coordinator, paid back.
    ExpenseStatus, "expense status" {
        Claimed = "claimed",
        Approved = "approved",
        PaidBack = "paid-back",
    }
}

impl ExpenseStatus {
    /// The English name, for files.
    pub fn label(self) -> &'static str {
        match self {
            Self::Claimed => "Claimed",
            Self::Approved => "Approved",
            Self::PaidBack => "Paid back",
        }
    }
}

vocabulary! {
    /// Where an invitation to a project stands (see `model::invitation` for
    /// which moves are allowed).
    InvitationStatus, "invitation status" {
        Shortlisted = "shortlisted",
        Invited = "invited",
        Accepted = "accepted",
        Declined = "declined",
        Withdrawn = "withdrawn",
        Attended = "attended",
        NoShow = "no-show",
    }
}

vocabulary! {
    /// Where a self-view suggestion stands.
    SuggestionStatus, "suggestion status" {
        Pending = "pending",
        Approved = "approved",
        Declined = "declined",
    }
}

vocabulary! {
    /// A role a person moves into over time, beyond taking part in projects:
    /// their pathway through the network.
    PathwayRole, "pathway role" {
        SteeringGroup = "steering-group",
        AdvisoryGroup = "advisory-group",
        Trustee = "trustee",
        Trainer = "trainer",
        PaidRole = "paid-role",
        Other = "other",
    }
}

impl PathwayRole {
    /// The English name, for reports and files.
    pub fn label(self) -> &'static str {
        match self {
            Self::SteeringGroup => "Steering group",
            Self::AdvisoryGroup => "Advisory group",
            Self::Trustee => "Trustee",
            Self::Trainer => "Trainer",
            Self::PaidRole => "Paid role",
            Self::Other => "Other role",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_unknown_words_list_the_allowed_ones() {
        for kind in RecognitionKind::ALL {
            assert_eq!(kind.as_str().parse::<RecognitionKind>(), Ok(*kind));
        }
        assert_eq!("Not_Allowed".parse(), Ok(PaymentConstraint::NotAllowed));
        let err = "refugee".parse::<PaymentConstraint>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'refugee' is not a known payment constraint; use one of: allowed, not-allowed, check-first"
        );
    }

    #[test]
    fn json_uses_the_stable_words() {
        let json = serde_json::to_string(&Stream::LocalAuthorities).unwrap();
        assert_eq!(json, "\"local-authorities\"");
        assert!(serde_json::from_str::<Stream>("\"nonsense\"").is_err());
    }
}
