//! What the recognition form may offer one person, and the money entries
//! waiting for review: both read from the network's recognition policy, the
//! one lookup the CLI, the app and matching share.

use serde::Serialize;

use super::work::RecognitionRow;
use crate::model::{
    AmbassadorDoc, PaymentConstraint, PolicyRow, RecognitionKind, RecognitionPolicy, Verdict,
};

/// The recognition a person may be given, decided before anything is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecognitionOptions {
    pub ambassador_id: String,
    pub payment: PaymentConstraint,
    /// Kinds to offer as they are.
    pub allowed: Vec<RecognitionKind>,
    /// Kinds to offer only after checking with the person (and an adviser).
    pub check: Vec<RecognitionKind>,
    /// Kinds the policy refuses for this person: never offered.
    pub refused: Vec<RecognitionKind>,
    /// The policy's rows for what is refused or needs a check: the guidance
    /// to show, with its source.
    pub guidance: Vec<PolicyRow>,
    /// What to offer instead, from those rows, each once.
    pub alternatives: Vec<RecognitionKind>,
    /// Expense claims above this need a note, e.g. `£50.00`.
    pub expense_limit: String,
}

/// A money entry flagged for review, with whose it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FlaggedEntry {
    pub ambassador_id: String,
    pub display_name: String,
    pub entry: RecognitionRow,
}

pub fn recognition_options(
    person: &AmbassadorDoc,
    policy: &RecognitionPolicy,
) -> RecognitionOptions {
    let payment = person.profile.payment;
    let table = policy.table();
    let guidance: Vec<PolicyRow> = table
        .rows
        .into_iter()
        .filter(|r| r.constraint == payment && r.verdict != Verdict::Allowed)
        .collect();
    let mut alternatives: Vec<RecognitionKind> = Vec::new();
    for kind in guidance.iter().flat_map(|r| &r.alternatives) {
        if !alternatives.contains(kind) && policy.verdict(*kind, payment) == Verdict::Allowed {
            alternatives.push(*kind);
        }
    }
    RecognitionOptions {
        ambassador_id: person.id().to_string(),
        payment,
        allowed: policy.kinds(payment, Verdict::Allowed),
        check: policy.kinds(payment, Verdict::Check),
        refused: policy.kinds(payment, Verdict::Refused),
        guidance,
        alternatives,
        expense_limit: table.expense_limit,
    }
}

/// Every entry with an open review flag, by person's name then date.
pub fn flagged_entries<'a>(
    people: impl Iterator<Item = &'a AmbassadorDoc>,
    title: impl Fn(&str) -> Option<String>,
) -> Vec<FlaggedEntry> {
    let mut out: Vec<FlaggedEntry> = people
        .flat_map(|person| {
            let title = &title;
            person
                .recognition
                .values()
                .filter(|r| r.review.as_ref().is_some_and(|v| v.is_open()))
                .map(move |r| FlaggedEntry {
                    ambassador_id: person.id().to_string(),
                    display_name: person.profile.display_name.clone(),
                    entry: RecognitionRow::new(r, r.project_id.as_deref().and_then(title)),
                })
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.display_name, a.entry.date, &a.entry.id).cmp(&(
            &b.display_name,
            b.entry.date,
            &b.entry.id,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, Profile};

    fn person(payment: PaymentConstraint) -> AmbassadorDoc {
        let joined = Day::from_ymd(2025, 1, 1).expect("a date");
        let mut profile = Profile::new("a1".into(), "Amal", "Leeds", joined);
        profile.payment = payment;
        AmbassadorDoc::new(profile)
    }

    #[test]
    fn not_allowed_is_offered_only_what_has_no_cash_value_or_is_incurred() {
        use RecognitionKind::*;
        let policy = RecognitionPolicy::default();
        let options = recognition_options(&person(PaymentConstraint::NotAllowed), &policy);
        assert_eq!(
            options.allowed,
            [
                Thanks,
                Certificate,
                ReferenceLetter,
                TravelExpenses,
                Meal,
                Nomination
            ]
        );
        assert!(options.check.is_empty());
        assert_eq!(
            options.refused,
            [Voucher, GiftCard, Allowance, Gift, TimeCredits, Payment]
        );
        assert_eq!(options.guidance.len(), 6);
        assert_eq!(
            options.alternatives,
            [Certificate, ReferenceLetter, Thanks, Meal, TravelExpenses]
        );
        assert_eq!(options.expense_limit, "£50.00");
    }

    #[test]
    fn check_first_is_offered_everything_with_cash_kinds_to_check() {
        let policy = RecognitionPolicy::default();
        let options = recognition_options(&person(PaymentConstraint::CheckFirst), &policy);
        assert!(options.refused.is_empty());
        assert_eq!(options.check.len(), 6);
        assert_eq!(
            options.allowed.len() + options.check.len(),
            RecognitionKind::ALL.len()
        );
        let allowed = recognition_options(&person(PaymentConstraint::Allowed), &policy);
        assert_eq!(allowed.allowed.len(), RecognitionKind::ALL.len());
        assert!(allowed.guidance.is_empty() && allowed.alternatives.is_empty());
    }

    /// The app's component tests offer what these options say (written by
    /// the core, `ui/src/lib/recognition/fixture.json`), so the form's tests
    /// never re-implement the policy in TypeScript.
    #[test]
    fn the_ui_fixture_holds_the_default_policy_and_each_constraints_options() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/src/lib/recognition/fixture.json");
        let policy = RecognitionPolicy::default();
        let options: std::collections::BTreeMap<&str, RecognitionOptions> = PaymentConstraint::ALL
            .iter()
            .map(|c| (c.as_str(), recognition_options(&person(*c), &policy)))
            .collect();
        let fixture = serde_json::json!({ "policy": policy.table(), "options": options });
        let json = serde_json::to_string_pretty(&fixture).expect("json") + "\n";
        if std::env::var_os("SANCTUARY_UPDATE_FIXTURES").is_some() {
            std::fs::write(&path, &json).expect("write the fixture");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == json,
            "{} is stale: run SANCTUARY_UPDATE_FIXTURES=1 cargo test -p sanctuary-core --lib views::recognition",
            path.display()
        );
    }
}
