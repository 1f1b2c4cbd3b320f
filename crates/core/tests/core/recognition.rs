//! Recognition under the network's policy: what each payment constraint
//! allows, the loopholes closed, expense claims and review flags.

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

fn claim(
    kind: RecognitionKind,
    pence: u64,
    receipt: Option<&str>,
    note: Option<&str>,
) -> Recognition {
    Recognition {
        expense: Some(Expense::claim(
            receipt.map(String::from),
            receipt
                .is_none()
                .then(|| "ticket machine broken".to_string()),
            note.map(String::from),
        )),
        ..entry(kind, Some(pence))
    }
}

/// The loopholes the old guard let through, each refused for someone who
/// may not be paid, with nothing written.
#[test]
fn cash_value_in_any_name_is_refused_for_not_allowed() {
    let (_temp, _dir, mut s) = new_store();
    let id = person(&mut s, PaymentConstraint::NotAllowed);
    // A £50 gift card described as a gift, a gift card, time credits, a
    // £9,999 allowance.
    let gift = Recognition {
        description: Some("£50 gift card".into()),
        ..entry(RecognitionKind::Gift, Some(5_000))
    };
    let cases = [
        gift,
        entry(RecognitionKind::GiftCard, Some(5_000)),
        entry(RecognitionKind::TimeCredits, None),
        entry(RecognitionKind::Allowance, Some(999_900)),
    ];
    for case in cases {
        let kind = case.kind;
        let err = s.log_recognition(&id, case, true).unwrap_err();
        assert_eq!(err.code(), "payment-not-allowed", "{kind}");
        assert!(err.to_string().contains("cash value"), "{err}");
    }
    // A £9,999 travel "flat allowance" is not a cost actually incurred,
    // with or without a receipt, with or without a note.
    let flat = Recognition {
        description: Some("Travel flat allowance".into()),
        ..claim(
            RecognitionKind::TravelExpenses,
            999_900,
            Some("R1"),
            Some("agreed"),
        )
    };
    let err = s.log_recognition(&id, flat, false).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("flat allowance"), "{err}");
    let big = claim(RecognitionKind::TravelExpenses, 999_900, Some("R1"), None);
    let err = s.log_recognition(&id, big, false).unwrap_err();
    assert!(
        err.to_string().contains("above the network's limit"),
        "{err}"
    );
    assert!(s.ambassador(&id).unwrap().recognition.is_empty());
}

#[test]
fn a_reimbursement_needs_a_receipt_or_a_reason_and_starts_as_a_claim() {
    let (_temp, _dir, mut s) = new_store();
    let id = person(&mut s, PaymentConstraint::NotAllowed);
    let bare = Recognition {
        expense: None,
        ..entry(RecognitionKind::TravelExpenses, Some(640))
    };
    let err = s.log_recognition(&id, bare, false).unwrap_err();
    assert!(err.to_string().contains("receipt reference"), "{err}");
    let logged = s
        .log_recognition(&id, claim(RecognitionKind::Meal, 900, None, None), false)
        .unwrap();
    let expense = s.ambassador(&id).unwrap().recognition[&logged]
        .expense
        .clone()
        .expect("an expense");
    assert_eq!(expense.status, ExpenseStatus::Claimed);
    assert_eq!(expense.no_receipt.as_deref(), Some("ticket machine broken"));
    // A receipt on something that is not a reimbursement is refused.
    let thanks = Recognition {
        expense: Some(Expense::claim(Some("R9".into()), None, None)),
        ..entry(RecognitionKind::Thanks, None)
    };
    assert_eq!(
        s.log_recognition(&id, thanks, false).unwrap_err().code(),
        "invalid"
    );
}

#[test]
fn a_claim_moves_from_claimed_to_approved_to_paid_back_and_survives_reopening() {
    let (_temp, dir, mut s) = new_store();
    let id = person(&mut s, PaymentConstraint::Allowed);
    let entry_id = s
        .log_recognition(
            &id,
            claim(RecognitionKind::TravelExpenses, 1_250, Some("R-17"), None),
            false,
        )
        .unwrap();
    let err = s
        .move_expense(&id, &entry_id, ExpenseStatus::PaidBack, None)
        .unwrap_err();
    assert!(err.to_string().contains("approve the claim"), "{err}");
    s.move_expense(&id, &entry_id[..8], ExpenseStatus::Approved, Some("Sam"))
        .unwrap();
    s.move_expense(&id, &entry_id, ExpenseStatus::PaidBack, None)
        .unwrap();
    let thanks = s
        .log_recognition(&id, entry(RecognitionKind::Thanks, None), false)
        .unwrap();
    let err = s
        .move_expense(&id, &thanks, ExpenseStatus::Approved, Some("Sam"))
        .unwrap_err();
    assert!(err.to_string().contains("not an expense claim"), "{err}");
    drop(s);
    let s = reopen(&dir);
    let expense = s.ambassador(&id).unwrap().recognition[&entry_id]
        .expense
        .clone()
        .expect("an expense");
    assert_eq!(expense.status, ExpenseStatus::PaidBack);
    assert_eq!(expense.approved_by.as_deref(), Some("Sam"));
    assert_eq!(expense.receipt.as_deref(), Some("R-17"));
}

#[test]
fn becoming_not_allowed_flags_money_entries_until_a_coordinator_reviews_them() {
    let (_temp, dir, mut s) = new_store();
    let id = person(&mut s, PaymentConstraint::Allowed);
    let paid = s
        .log_recognition(&id, entry(RecognitionKind::Payment, Some(5_000)), false)
        .unwrap();
    let travel = s
        .log_recognition(
            &id,
            claim(RecognitionKind::TravelExpenses, 700, Some("R2"), None),
            false,
        )
        .unwrap();
    s.log_recognition(&id, entry(RecognitionKind::Certificate, None), false)
        .unwrap();
    assert!(s.flagged_recognition().is_empty());
    // Another edit that keeps the constraint flags nothing.
    s.edit_profile(&id, |p| {
        p.notes = "prefers mornings".into();
        Ok(())
    })
    .unwrap();
    assert!(s.flagged_recognition().is_empty());
    s.edit_profile(&id, |p| {
        p.payment = PaymentConstraint::NotAllowed;
        Ok(())
    })
    .unwrap();
    let flagged: Vec<String> = s
        .flagged_recognition()
        .into_iter()
        .map(|f| f.entry.id)
        .collect();
    assert_eq!(flagged.len(), 2);
    assert!(flagged.contains(&paid) && flagged.contains(&travel));
    assert_eq!(
        s.clear_review(&id, &paid, " ").unwrap_err().code(),
        "invalid"
    );
    s.clear_review(
        &id,
        &paid,
        "paid in March, before the change; adviser says fine",
    )
    .unwrap();
    let err = s.clear_review(&id, &paid, "again").unwrap_err();
    assert!(err.to_string().contains("not flagged"), "{err}");
    drop(s);
    let s = reopen(&dir);
    let left: Vec<String> = s
        .flagged_recognition()
        .into_iter()
        .map(|f| f.entry.id)
        .collect();
    assert_eq!(left, [travel]);
    let review = s.ambassador(&id).unwrap().recognition[&paid]
        .review
        .clone()
        .expect("a review");
    assert!(review.cleared.is_some());
    assert!(review.cleared_note.unwrap_or_default().contains("adviser"));
}

#[test]
fn the_policy_is_stored_in_the_network_and_a_changed_row_is_followed() {
    let (_temp, dir, mut s) = new_store();
    // Written whole at create: every kind against every constraint.
    assert_eq!(
        s.recognition_policy().rules.len(),
        RecognitionKind::ALL.len() * PaymentConstraint::ALL.len()
    );
    let id = person(&mut s, PaymentConstraint::NotAllowed);
    let err = s
        .set_policy_rule(
            RecognitionKind::Voucher,
            PaymentConstraint::NotAllowed,
            Verdict::Check,
            "",
        )
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    s.set_policy_rule(
        RecognitionKind::Voucher,
        PaymentConstraint::NotAllowed,
        Verdict::Check,
        "our adviser: a £5 supermarket voucher is fine after a check",
    )
    .unwrap();
    s.set_expense_limit(2_000).unwrap();
    drop(s);
    let mut s = reopen(&dir);
    let err = s
        .log_recognition(&id, entry(RecognitionKind::Voucher, Some(500)), false)
        .unwrap_err();
    assert_eq!(err.code(), "check-first");
    assert!(err.to_string().contains("our adviser"), "{err}");
    s.log_recognition(&id, entry(RecognitionKind::Voucher, Some(500)), true)
        .unwrap();
    let over = claim(RecognitionKind::Meal, 2_100, Some("R5"), None);
    let err = s.log_recognition(&id, over, false).unwrap_err();
    assert!(err.to_string().contains("limit of £20.00"), "{err}");
    let options = s.recognition_options(&id).unwrap();
    assert!(options.check.contains(&RecognitionKind::Voucher));
    assert!(!options.allowed.contains(&RecognitionKind::Payment));
    assert!(options.refused.contains(&RecognitionKind::GiftCard));
}

/// A refusal reaches a screen as a code with parameters (the kind and what
/// to offer instead as recognition kinds, a coordinator's note as typed), so
/// it can be worded in the reader's language; the English stays for the CLI.
#[test]
fn refusals_are_coded_with_the_kind_and_the_alternatives() {
    use sanctuary_core::matching::{Code, Param};
    let (_temp, _dir, mut s) = new_store();
    let kinds = |p: Option<&Param>| match p {
        Some(Param::List(items)) => items.clone(),
        other => panic!("not a list: {other:?}"),
    };
    let offer_instead: Vec<Param> = policy::ALTERNATIVES
        .iter()
        .copied()
        .map(Param::Kind)
        .collect();

    let id = person(&mut s, PaymentConstraint::NotAllowed);
    let err = s
        .log_recognition(&id, entry(RecognitionKind::Voucher, Some(2000)), true)
        .unwrap_err();
    assert!(err.to_string().contains("cannot receive voucher"), "{err}");
    let said = err.said();
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].code, Code::RefusedPayment);
    assert_eq!(
        said[0].param("kind"),
        Some(&Param::Kind(RecognitionKind::Voucher))
    );
    assert_eq!(said[0].param("name"), Some(&Param::Text("زهراء".into())));
    assert_eq!(kinds(said[0].param("alternatives")), offer_instead);
    assert_eq!(said[0].param("note"), None);

    let check = person(&mut s, PaymentConstraint::CheckFirst);
    let err = s
        .log_recognition(&check, entry(RecognitionKind::GiftCard, Some(1000)), false)
        .unwrap_err();
    assert_eq!(err.code(), "check-first");
    assert_eq!(err.said()[0].code, Code::RefusedCheckFirst);
    assert_eq!(
        err.said()[0].param("kind"),
        Some(&Param::Kind(RecognitionKind::GiftCard))
    );

    // A rule the network changed carries its coordinator's note, as typed.
    s.set_policy_rule(
        RecognitionKind::Voucher,
        PaymentConstraint::NotAllowed,
        Verdict::Refused,
        "Our adviser says no vouchers at all",
    )
    .unwrap();
    let err = s
        .log_recognition(&id, entry(RecognitionKind::Voucher, Some(2000)), true)
        .unwrap_err();
    let said = err.said();
    assert_eq!(said[0].code, Code::RefusedPaymentNoted);
    assert_eq!(
        said[0].param("note"),
        Some(&Param::Text("Our adviser says no vouchers at all".into()))
    );
    assert!(
        err.to_string()
            .contains("Our adviser says no vouchers at all")
    );
}
