//! What recognition to offer each candidate, given their payment constraint.
//!
//! A payment constraint never makes someone ineligible: the people most
//! likely to be barred from being paid are people seeking asylum, exactly the
//! voices co-production exists to bring in, and excluding them from paid
//! work would be unfair twice. Instead the offer changes, following the
//! network's recognition policy (`model::policy`), the same table logging
//! recognition and the app's form read: what the policy refuses for the
//! person is withheld and its alternatives suggested (reimbursing travel and
//! meals actually incurred, a certificate, a reference); what it says to
//! check is flagged to check before offering.

use serde::Serialize;

use super::messages::{Code, Message, Param};
use crate::model::{PaymentConstraint, Project, RecognitionKind, RecognitionPolicy, Verdict};

/// What to offer one candidate for a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

pub fn advise(
    project: &Project,
    payment: PaymentConstraint,
    policy: &RecognitionPolicy,
) -> RecognitionAdvice {
    let offered = project.recognition_kinds();
    let verdict = |k: &RecognitionKind| policy.verdict(*k, payment);
    let mut advice = RecognitionAdvice {
        offer: Vec::new(),
        withheld: Vec::new(),
        suggest: Vec::new(),
        check_first: Vec::new(),
        note: None,
    };
    for kind in &offered {
        match verdict(kind) {
            Verdict::Refused => advice.withheld.push(*kind),
            Verdict::Check => {
                advice.check_first.push(*kind);
                advice.offer.push(*kind);
            }
            Verdict::Allowed => advice.offer.push(*kind),
        }
    }
    let words = |kinds: &[RecognitionKind]| {
        kinds
            .iter()
            .map(|k| k.label().to_lowercase())
            .collect::<Vec<_>>()
            .join(" or ")
    };
    if !advice.withheld.is_empty() {
        for kind in &advice.withheld {
            for alternative in policy.rule(*kind, payment).alternatives {
                let fresh = !advice.offer.contains(&alternative)
                    && !advice.suggest.contains(&alternative)
                    && verdict(&alternative) == Verdict::Allowed;
                if fresh {
                    advice.suggest.push(alternative);
                }
            }
        }
        advice.note = Some(
            Message::new(
                Code::RecognitionNotAllowed,
                format!(
                    "may not be paid: do not offer {}; reimburse travel and meals actually \
                     incurred, and offer a certificate or a reference instead",
                    words(&advice.withheld)
                ),
            )
            .with("kinds", Param::kinds(&advice.withheld)),
        );
    } else if !advice.check_first.is_empty() {
        advice.note = Some(
            Message::new(
                Code::RecognitionCheckFirst,
                format!(
                    "check first whether they may receive {}",
                    words(&advice.check_first)
                ),
            )
            .with("kinds", Param::kinds(&advice.check_first)),
        );
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
        let policy = RecognitionPolicy::default();
        let advice = advise(&p, PaymentConstraint::NotAllowed, &policy);
        assert_eq!(advice.offer, [Certificate, Thanks]);
        assert_eq!(advice.withheld, [Payment]);
        assert_eq!(advice.suggest, [ReferenceLetter, Meal, TravelExpenses]);
        let note = advice.note.expect("a note");
        assert!(note.as_str().contains("do not offer payment"));
        assert_eq!(note.code, Code::RecognitionNotAllowed);
        assert_eq!(note.param("kinds"), Some(&Param::kinds(&[Payment])));

        let check = advise(&p, PaymentConstraint::CheckFirst, &policy);
        assert_eq!(check.offer.len(), 3);
        assert_eq!(check.check_first, [Payment]);
        let note = check.note.clone().expect("a note");
        assert_eq!(note.code, Code::RecognitionCheckFirst);
        assert_eq!(note.param("kinds"), Some(&Param::kinds(&[Payment])));
        let allowed = advise(&p, PaymentConstraint::Allowed, &policy);
        assert_eq!((allowed.offer.len(), allowed.note), (3, None));
    }

    /// The loopholes: a gift card, time credits, an allowance or a gift
    /// offered by a project are withheld from someone who may not be paid,
    /// and a network's own change to the policy is followed.
    #[test]
    fn every_cash_kind_is_withheld_and_the_networks_policy_is_followed() {
        use RecognitionKind::*;
        let p = project(&[
            "gift-card",
            "time-credits",
            "allowance",
            "gift",
            "certificate",
        ]);
        let mut policy = RecognitionPolicy::default();
        let advice = advise(&p, PaymentConstraint::NotAllowed, &policy);
        assert_eq!(advice.withheld, [Allowance, Gift, GiftCard, TimeCredits]);
        assert_eq!(advice.offer, [Certificate]);
        let day = crate::model::Day::from_ymd(2026, 5, 1).expect("a date");
        policy
            .set(
                Certificate,
                PaymentConstraint::NotAllowed,
                Verdict::Check,
                "asked",
                day,
            )
            .expect("set");
        let advice = advise(&p, PaymentConstraint::NotAllowed, &policy);
        assert_eq!(advice.check_first, [Certificate]);
    }

    #[test]
    fn nothing_to_say_when_no_payment_is_offered() {
        let p = project(&["thanks", "travel-expenses"]);
        let advice = advise(
            &p,
            PaymentConstraint::NotAllowed,
            &RecognitionPolicy::default(),
        );
        assert!(advice.withheld.is_empty() && advice.suggest.is_empty() && advice.note.is_none());
        assert_eq!(advice.offer.len(), 2);
    }
}
