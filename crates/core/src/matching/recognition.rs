//! What recognition to offer each candidate, given their payment constraint.
//!
//! A payment constraint never makes someone ineligible: the people most
//! likely to be barred from being paid are people seeking asylum, exactly the
//! voices co-production exists to bring in, and excluding them from paid
//! work would be unfair twice. Instead the offer changes: for someone marked
//! `not-allowed`, payment and vouchers (the payment-like kinds) are withheld
//! and the non-cash equivalents are suggested (reimbursing travel and meals
//! actually incurred, a certificate, a reference); for `check-first`, the
//! payment-like kinds are flagged to check before offering. Logging
//! recognition enforces the same rule (`Sanctuary::log_recognition`).

use serde::Serialize;

use super::messages::{Code, Message, Param};
use crate::model::{PaymentConstraint, Project, RecognitionKind};

/// What to offer one candidate for a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecognitionAdvice {
    /// The project's recognition this person may receive.
    pub offer: Vec<RecognitionKind>,
    /// Offered by the project, but not to this person.
    pub withheld: Vec<RecognitionKind>,
    /// Non-cash equivalents to offer instead of what was withheld.
    pub suggest: Vec<RecognitionKind>,
    /// Offered, but check first that they may receive it.
    pub check_first: Vec<RecognitionKind>,
    /// One sentence for the coordinator, if anything needs saying. The
    /// kinds are its parameter, so a new kind needs no new message.
    pub note: Option<Message>,
}

/// The non-cash recognition suggested in place of payment.
pub const NON_CASH_EQUIVALENTS: &[RecognitionKind] = &[
    RecognitionKind::TravelExpenses,
    RecognitionKind::Meal,
    RecognitionKind::Certificate,
    RecognitionKind::ReferenceLetter,
];

pub fn advise(project: &Project, payment: PaymentConstraint) -> RecognitionAdvice {
    let offered = project.recognition_kinds();
    let (cash, other): (Vec<RecognitionKind>, Vec<RecognitionKind>) =
        offered.iter().partition(|k| k.is_payment_like());
    let mut advice = RecognitionAdvice {
        offer: offered.clone(),
        withheld: Vec::new(),
        suggest: Vec::new(),
        check_first: Vec::new(),
        note: None,
    };
    if cash.is_empty() {
        return advice;
    }
    let words = |kinds: &[RecognitionKind]| {
        kinds
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(" or ")
    };
    match payment {
        PaymentConstraint::Allowed => {}
        PaymentConstraint::NotAllowed => {
            advice.suggest = NON_CASH_EQUIVALENTS
                .iter()
                .copied()
                .filter(|k| !other.contains(k))
                .collect();
            advice.note = Some(
                Message::new(
                    Code::RecognitionNotAllowed,
                    format!(
                        "may not be paid: do not offer {}; reimburse travel and meals \
                         actually incurred, and offer a certificate or a reference instead",
                        words(&cash)
                    ),
                )
                .with("kinds", Param::kinds(&cash)),
            );
            advice.offer = other;
            advice.withheld = cash;
        }
        PaymentConstraint::CheckFirst => {
            advice.note = Some(
                Message::new(
                    Code::RecognitionCheckFirst,
                    format!("check first whether they may receive {}", words(&cash)),
                )
                .with("kinds", Param::kinds(&cash)),
            );
            advice.check_first = cash;
        }
    }
    advice
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, Level, Stream, Tags};

    fn project(recognition: &[&str]) -> Project {
        let start = Day::from_ymd(2026, 3, 14).unwrap_or_else(Day::today);
        let mut p = Project::new("p".into(), "P", Stream::Media, Level::Local, start);
        p.recognition = Tags::from_words(recognition);
        p
    }

    #[test]
    fn payment_is_withheld_from_not_allowed_and_non_cash_suggested() {
        use RecognitionKind::*;
        let p = project(&["payment", "certificate", "thanks"]);
        let advice = advise(&p, PaymentConstraint::NotAllowed);
        assert_eq!(advice.offer, [Certificate, Thanks]);
        assert_eq!(advice.withheld, [Payment]);
        assert_eq!(advice.suggest, [TravelExpenses, Meal, ReferenceLetter]);
        let note = advice.note.expect("a note");
        assert!(note.as_str().contains("do not offer payment"));
        assert_eq!(note.code, Code::RecognitionNotAllowed);
        assert_eq!(note.param("kinds"), Some(&Param::kinds(&[Payment])));

        let check = advise(&p, PaymentConstraint::CheckFirst);
        assert_eq!(check.offer.len(), 3);
        assert_eq!(check.check_first, [Payment]);
        let note = check.note.expect("a note");
        assert_eq!(note.code, Code::RecognitionCheckFirst);
        assert_eq!(note.param("kinds"), Some(&Param::kinds(&[Payment])));
        let allowed = advise(&p, PaymentConstraint::Allowed);
        assert_eq!((allowed.offer.len(), allowed.note), (3, None));
    }

    #[test]
    fn nothing_to_say_when_no_payment_is_offered() {
        let p = project(&["thanks", "travel-expenses"]);
        let advice = advise(&p, PaymentConstraint::NotAllowed);
        assert!(advice.withheld.is_empty() && advice.suggest.is_empty() && advice.note.is_none());
        assert_eq!(advice.offer.len(), 2);
    }
}
