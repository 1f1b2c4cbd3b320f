//! Expenses as reimbursements, and review flags on money entries.
//!
//! A travel or meal entry pays back a cost the person actually incurred, so
//! it carries a receipt reference (or why there is none), who approved it
//! and where it stands: claimed, approved, paid back, only in that order.
//! A claim above the network's limit needs a note saying why. Both rules
//! are what tells a reimbursement apart from a flat allowance, which for
//! someone who may not be paid counts as payment.
//!
//! When a person's payment constraint changes to `not-allowed`, their
//! entries with an amount are flagged for review; a coordinator clears a
//! flag with a note. The flag is stored on the entry, so it syncs with it.

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::units::format_pounds;
use super::validate::{Field, Invalid, check_optional_len, check_text};
use super::values::Day;
use super::vocab::ExpenseStatus;
use crate::matching::{Code, Param};

/// The reimbursement part of a travel or meal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Reconcile, Hydrate)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Expense {
    /// The receipt's reference (a number, a file name, "ticket in folder 3").
    pub receipt: Option<String>,
    /// Why there is no receipt, when there is none.
    pub no_receipt: Option<String>,
    pub status: ExpenseStatus,
    /// Who approved the claim (a coordinator's name).
    pub approved_by: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub approved: Option<Day>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub paid_back: Option<Day>,
    /// Why a claim above the network's limit is right.
    pub note: Option<String>,
}

/// A money entry flagged for review, and how the review ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Reconcile, Hydrate)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Review {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub flagged: Day,
    pub reason: String,
    /// Set when a coordinator reviewed the entry.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub cleared: Option<Day>,
    pub cleared_note: Option<String>,
}

impl Review {
    pub fn is_open(&self) -> bool {
        self.cleared.is_none()
    }
}

/// Words that describe a fixed payment rather than a cost actually
/// incurred. A backstop for the receipt rule, for the obvious case of a
/// "flat allowance" typed into a travel claim; English only, as the
/// coordinators' own notes are.
const NOT_INCURRED: &[&str] = &["allowance", "flat rate", "flat-rate", "per diem", "stipend"];

impl Expense {
    /// A new claim with a receipt reference or the reason there is none.
    pub fn claim(
        receipt: Option<String>,
        no_receipt: Option<String>,
        note: Option<String>,
    ) -> Expense {
        let tidy = |t: Option<String>| t.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
        Expense {
            receipt: tidy(receipt),
            no_receipt: tidy(no_receipt),
            status: ExpenseStatus::Claimed,
            approved_by: None,
            approved: None,
            paid_back: None,
            note: tidy(note),
        }
    }

    /// Checks a claim of `amount_pence` against the network's `limit_pence`;
    /// `description` is the entry's own text.
    pub fn validate(
        &self,
        amount_pence: u64,
        limit_pence: u64,
        description: Option<&str>,
    ) -> Result<(), Invalid> {
        match (&self.receipt, &self.no_receipt) {
            (None, None) => {
                return Err(Invalid::new(
                    Field::Receipt,
                    Code::InvalidReceiptNeeded,
                    "a reimbursement needs a receipt reference, or the reason there is no receipt",
                ));
            }
            (Some(_), Some(_)) => {
                return Err(Invalid::new(
                    Field::Receipt,
                    Code::InvalidReceiptNotBoth,
                    "give a receipt reference or a reason there is no receipt, not both",
                ));
            }
            _ => {}
        }
        check_optional_len(Field::Receipt, &self.receipt, 200)?;
        check_optional_len(Field::NoReceiptReason, &self.no_receipt, 1000)?;
        check_optional_len(Field::Note, &self.note, 2000)?;
        check_optional_len(Field::ApprovedBy, &self.approved_by, 80)?;
        let words = [
            description,
            self.no_receipt.as_deref(),
            self.note.as_deref(),
        ];
        if words
            .iter()
            .flatten()
            .any(|text| NOT_INCURRED.iter().any(|w| text.to_lowercase().contains(w)))
        {
            return Err(Invalid::new(
                Field::Amount,
                Code::InvalidFlatAllowance,
                "a flat allowance is not a cost actually incurred; record what was actually spent, \
                 with its receipt",
            ));
        }
        if amount_pence > limit_pence && self.note.is_none() {
            return Err(Invalid::new(
                Field::Note,
                Code::InvalidOverExpenseLimit,
                format!(
                    "{} is above the network's limit of {} a claim; add a note saying why",
                    format_pounds(amount_pence),
                    format_pounds(limit_pence)
                ),
            )
            .with("amount", Param::money(amount_pence))
            .with("limit", Param::money(limit_pence)));
        }
        Ok(())
    }

    /// Moves the claim on to `status` on `on`. Claims move forward only:
    /// claimed, approved (saying by whom), paid back.
    pub fn advance(
        &mut self,
        status: ExpenseStatus,
        by: Option<&str>,
        on: Day,
    ) -> Result<(), Invalid> {
        use ExpenseStatus::{Approved, Claimed, PaidBack};
        match (self.status, status) {
            (Claimed, Approved) => {
                let by = by.map(str::trim).unwrap_or_default();
                check_text(Field::ApprovedBy, by, 80)?;
                self.approved_by = Some(by.to_string());
                self.approved = Some(on);
            }
            (Approved, PaidBack) => self.paid_back = Some(on),
            (Claimed, PaidBack) => {
                return Err(Invalid::new(
                    Field::Status,
                    Code::InvalidExpenseApproveFirst,
                    "approve the claim before it is paid back",
                ));
            }
            (from, to) => {
                return Err(Invalid::new(
                    Field::Status,
                    Code::InvalidExpenseCannotMove,
                    format!("a claim that is {from} cannot become {to}"),
                )
                .with("from", Param::Expense(from))
                .with("to", Param::Expense(to)));
            }
        }
        self.status = status;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Day {
        Day::from_ymd(2026, 4, 2).expect("a date")
    }

    fn check(claim: &Expense, pence: u64, description: Option<&str>) -> Result<(), String> {
        claim
            .validate(pence, 5_000, description)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_claim_needs_a_receipt_or_a_reason() {
        let none = Expense::claim(None, Some("  ".into()), None);
        assert!(
            check(&none, 1_200, None)
                .unwrap_err()
                .contains("receipt reference")
        );
        let both = Expense::claim(Some("R1".into()), Some("lost".into()), None);
        assert!(check(&both, 1_200, None).unwrap_err().contains("not both"));
        assert_eq!(
            check(&Expense::claim(Some("R1".into()), None, None), 1_200, None),
            Ok(())
        );
        let lost = Expense::claim(None, Some("bus driver gave no ticket".into()), None);
        assert_eq!(check(&lost, 250, None), Ok(()));
    }

    #[test]
    fn above_the_limit_needs_a_note() {
        let claim = Expense::claim(Some("R2".into()), None, None);
        let err = check(&claim, 5_001, None).unwrap_err();
        assert!(
            err.contains("£50.01 is above the network's limit of £50.00"),
            "{err}"
        );
        assert_eq!(check(&claim, 5_000, None), Ok(()));
        let noted = Expense::claim(
            Some("R2".into()),
            None,
            Some("return train to Leeds".into()),
        );
        assert_eq!(check(&noted, 9_000, None), Ok(()));
    }

    #[test]
    fn a_flat_allowance_is_not_a_reimbursement() {
        let claim = Expense::claim(None, Some("flat allowance".into()), Some("agreed".into()));
        assert!(
            check(&claim, 999_900, None)
                .unwrap_err()
                .contains("flat allowance")
        );
        let described = Expense::claim(Some("R3".into()), None, Some("ok".into()));
        let err = check(&described, 999_900, Some("Travel flat allowance")).unwrap_err();
        assert!(err.contains("not a cost actually incurred"));
    }

    #[test]
    fn status_moves_forward_only_and_approval_says_who() {
        let mut claim = Expense::claim(Some("R4".into()), None, None);
        assert!(claim.advance(ExpenseStatus::PaidBack, None, day()).is_err());
        assert!(claim.advance(ExpenseStatus::Approved, None, day()).is_err());
        assert_eq!(claim.status, ExpenseStatus::Claimed);
        claim
            .advance(ExpenseStatus::Approved, Some("Sam"), day())
            .expect("approve");
        assert_eq!(
            (claim.approved_by.as_deref(), claim.approved),
            (Some("Sam"), Some(day()))
        );
        assert!(claim.advance(ExpenseStatus::Claimed, None, day()).is_err());
        assert!(
            claim
                .advance(ExpenseStatus::Approved, Some("Sam"), day())
                .is_err()
        );
        claim
            .advance(ExpenseStatus::PaidBack, None, day())
            .expect("paid");
        assert_eq!(claim.paid_back, Some(day()));
        assert!(claim.advance(ExpenseStatus::PaidBack, None, day()).is_err());
    }
}
