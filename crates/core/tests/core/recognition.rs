//! Recognition guidance: payment-like rewards respect the person's payment constraint.

use sanctuary_core::model::*;

use crate::support::*;

fn entry(kind: RecognitionKind, pence: Option<u64>) -> Recognition {
    Recognition {
        id: String::new(),
        date: day("2025-03-01"),
        kind,
        amount_pence: pence,
        description: None,
        contribution_id: None,
        project_id: None,
        expense: kind
            .is_reimbursement()
            .then(|| Expense::claim(Some("receipt 1".into()), None, None)),
        review: None,
    }
}

fn person(s: &mut sanctuary_core::Sanctuary, payment: PaymentConstraint) -> String {
    let mut p = full_profile();
    p.payment = payment;
    s.add_ambassador(p).expect("add ambassador")
}

#[test]
fn payment_is_refused_for_not_allowed_with_what_to_offer_instead() {
    let (_temp, _dir, mut s) = new_store();
    let id = person(&mut s, PaymentConstraint::NotAllowed);
    for kind in [RecognitionKind::Payment, RecognitionKind::Voucher] {
        let err = s
            .log_recognition(&id, entry(kind, Some(2000)), true)
            .unwrap_err();
        assert_eq!(err.code(), "payment-not-allowed");
        let message = err.to_string();
        assert!(
            message.contains("travel and meal costs actually incurred"),
            "{message}"
        );
        assert!(message.contains("certificate"), "{message}");
    }
    // Reimbursing costs and non-financial thanks are always possible.
    s.log_recognition(
        &id,
        entry(RecognitionKind::TravelExpenses, Some(640)),
        false,
    )
    .unwrap();
    s.log_recognition(&id, entry(RecognitionKind::Meal, Some(900)), false)
        .unwrap();
    s.log_recognition(&id, entry(RecognitionKind::Certificate, None), false)
        .unwrap();
    s.log_recognition(&id, entry(RecognitionKind::ReferenceLetter, None), false)
        .unwrap();
    assert_eq!(s.ambassador(&id).unwrap().recognition.len(), 4);
}

#[test]
fn check_first_needs_confirmation_and_allowed_does_not() {
    let (_temp, _dir, mut s) = new_store();
    let check = person(&mut s, PaymentConstraint::CheckFirst);
    let err = s
        .log_recognition(&check, entry(RecognitionKind::Payment, Some(5000)), false)
        .unwrap_err();
    assert_eq!(err.code(), "check-first");
    s.log_recognition(&check, entry(RecognitionKind::Payment, Some(5000)), true)
        .unwrap();
    let allowed = person(&mut s, PaymentConstraint::Allowed);
    s.log_recognition(&allowed, entry(RecognitionKind::Payment, Some(5000)), false)
        .unwrap();
}

#[test]
fn amounts_go_with_money_and_only_with_money() {
    let (_temp, _dir, mut s) = new_store();
    let id = person(&mut s, PaymentConstraint::Allowed);
    assert_eq!(
        s.log_recognition(&id, entry(RecognitionKind::TravelExpenses, None), false)
            .unwrap_err()
            .code(),
        "invalid"
    );
    assert_eq!(
        s.log_recognition(&id, entry(RecognitionKind::Thanks, Some(100)), false)
            .unwrap_err()
            .code(),
        "invalid"
    );
    assert_eq!(
        s.log_recognition(&id, entry(RecognitionKind::Meal, Some(0)), false)
            .unwrap_err()
            .code(),
        "invalid"
    );
    assert!(s.ambassador(&id).unwrap().recognition.is_empty());
}
