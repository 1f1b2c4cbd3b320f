//! The recognition policy: for every recognition kind and payment
//! constraint, whether it may be given (allowed, refused, or check first),
//! why, what the rule follows, and what to offer instead.
//!
//! **The policy is data.** It lives in the network document
//! (`NetworkDoc::recognition_policy`), so a network reviews it with its
//! adviser and every laptop applies the same table; logging recognition,
//! the app's recognition form and matching's advice all read it through
//! [`RecognitionPolicy::rule`], the one lookup. A new network is created
//! with [`RecognitionPolicy::default`]; a network made before the policy
//! existed, or one missing a row for a kind added later, has the default
//! rows written at unlock ([`RecognitionPolicy::fill_missing`]).
//!
//! **The default** follows Home Office guidance for people seeking asylum
//! who volunteer: only reasonable travel and meal costs actually incurred
//! may be reimbursed; money, or anything with a cash value that is not a
//! reimbursement (vouchers, gift cards, allowances, time credits, a gift
//! with a value), may count as payment. So for `not-allowed` those kinds
//! are refused, for `check-first` they need a check, and thanks,
//! certificates, references, nominations and reimbursements are allowed
//! for everyone. The constraint says only whether a person may be paid,
//! never why: immigration status is never recorded.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::validate::{Field, Invalid, check_text};
use super::values::Day;
use super::vocab::{PaymentConstraint, RecognitionKind, Verdict};
use crate::matching::{Code, Message, Param};

/// Expense claims above this many pence need a note, unless the network
/// sets another limit (£50 a claim).
pub const DEFAULT_EXPENSE_LIMIT_PENCE: u64 = 5_000;

const HOME_OFFICE: &str = "Home Office guidance on volunteering by people seeking asylum: \
     only reasonable travel and meal costs actually incurred may be reimbursed";
const CASH_VALUE: &str = "Home Office guidance on volunteering by people seeking asylum, and \
     asylum support rules: money, or anything with a cash value that is not a \
     reimbursement, may count as payment or income";
const NETWORK: &str = "Network practice: recognition with no cash value";

/// What the policy says for one kind and constraint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct PolicyRule {
    pub verdict: Verdict,
    /// What the coordinator needs to know, in a sentence or two.
    pub note: String,
    /// The guidance or decision the rule follows.
    pub source: String,
    /// What to offer instead when the kind is refused or needs a check.
    pub alternatives: Vec<RecognitionKind>,
    /// When a coordinator last changed this rule; `None` for the default.
    #[autosurgeon(missing = "Option::default")]
    #[serde(default)]
    pub changed: Option<Day>,
}

/// The network's recognition policy and expense limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Reconcile, Hydrate)]
pub struct RecognitionPolicy {
    /// Keyed `kind/constraint` (e.g. `gift-card/not-allowed`), each rule a
    /// map of its own, so two coordinators changing different rows at once
    /// both keep theirs.
    #[autosurgeon(missing = "BTreeMap::new")]
    #[serde(default)]
    pub rules: BTreeMap<String, PolicyRule>,
    /// Expense claims above this many pence need a note.
    #[autosurgeon(missing = "default_limit")]
    #[serde(default = "default_limit")]
    pub expense_limit_pence: u64,
}

fn default_limit() -> u64 {
    DEFAULT_EXPENSE_LIMIT_PENCE
}

/// One row of the policy table, as the CLI and the app show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PolicyRow {
    pub kind: RecognitionKind,
    pub constraint: PaymentConstraint,
    pub verdict: Verdict,
    pub note: String,
    pub source: String,
    pub alternatives: Vec<RecognitionKind>,
    /// `YYYY-MM-DD` when a coordinator last changed the row.
    pub changed: Option<String>,
    /// `note` as a coded message while it is the default's own words, for
    /// the app to word in its reader's language; `None` for a note the
    /// network wrote (shown as typed).
    pub note_said: Option<Message>,
    /// `source` coded likewise (the default's guidance, or "changed by the
    /// network on" a date).
    pub source_said: Option<Message>,
}

/// The whole policy for display: every kind against every constraint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PolicyTable {
    pub rows: Vec<PolicyRow>,
    /// Formatted, e.g. `£50.00`.
    pub expense_limit: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub expense_limit_pence: u64,
}

fn key(kind: RecognitionKind, constraint: PaymentConstraint) -> String {
    format!("{kind}/{constraint}")
}

/// What to offer instead of something with a cash value.
pub const ALTERNATIVES: &[RecognitionKind] = &[
    RecognitionKind::Certificate,
    RecognitionKind::ReferenceLetter,
    RecognitionKind::Thanks,
    RecognitionKind::Meal,
    RecognitionKind::TravelExpenses,
];

/// The default rule for one kind and constraint (see the module notes).
pub fn default_rule(kind: RecognitionKind, constraint: PaymentConstraint) -> PolicyRule {
    let (verdict, note, source, alternatives) = default_words(kind, constraint);
    PolicyRule {
        verdict,
        note: note.text,
        source: source.text,
        alternatives: alternatives.to_vec(),
        changed: None,
    }
}

/// The default rule's verdict, its note and its source as coded messages
/// (their English is what the network document stores), and what to offer
/// instead.
fn default_words(
    kind: RecognitionKind,
    constraint: PaymentConstraint,
) -> (Verdict, Message, Message, &'static [RecognitionKind]) {
    use PaymentConstraint as C;
    let coded = |code, text: String| Message::new(code, text).with("kind", Param::Kind(kind));
    let home_office = || Message::new(Code::PolicySourceHomeOffice, HOME_OFFICE);
    let cash_value = || Message::new(Code::PolicySourceCashValue, CASH_VALUE);
    let network = || Message::new(Code::PolicySourceNetwork, NETWORK);
    let label = kind.label().to_lowercase();
    if kind.is_reimbursement() {
        let note = format!(
            "Reimburse {label} costs actually incurred, with a receipt (or why there is \
             none); never a flat allowance."
        );
        return (
            Verdict::Allowed,
            coded(Code::PolicyReimburse, note),
            home_office(),
            &[],
        );
    }
    if !kind.has_cash_value() {
        let note = Message::new(Code::PolicyNoCashValue, "No cash value: fine for everyone.");
        return (Verdict::Allowed, note, network(), &[]);
    }
    match constraint {
        C::Allowed => (
            Verdict::Allowed,
            coded(
                Code::PolicyMayBePaid,
                format!("This person may be paid, so {label} is fine."),
            ),
            network(),
            &[],
        ),
        C::CheckFirst => (
            Verdict::Check,
            coded(
                Code::PolicyCheckFirst,
                format!(
                    "{} has a cash value: check with the person (and, if needed, an adviser) \
                     that they may receive it.",
                    kind.label()
                ),
            ),
            cash_value(),
            ALTERNATIVES,
        ),
        C::NotAllowed => (
            Verdict::Refused,
            coded(
                Code::PolicyRefused,
                format!(
                    "{} has a cash value and may count as payment. Reimburse travel and meal \
                     costs actually incurred, and give thanks, a certificate or a reference instead.",
                    kind.label()
                ),
            ),
            cash_value(),
            ALTERNATIVES,
        ),
    }
}

/// A rule's note and source as coded messages where they are the default's
/// own words (or the "changed by the network" source); a note the network
/// wrote stays as typed (`None`).
fn said(
    kind: RecognitionKind,
    constraint: PaymentConstraint,
    rule: &PolicyRule,
) -> (Option<Message>, Option<Message>) {
    let (_, note, source, _) = default_words(kind, constraint);
    let note = (rule.note == note.text).then_some(note);
    let source = match rule.changed {
        Some(on) if rule.source == changed_source(on) => Some(
            Message::new(Code::PolicySourceChanged, rule.source.clone())
                .with("date", Param::date(on)),
        ),
        _ => (rule.source == source.text).then_some(source),
    };
    (note, source)
}

fn changed_source(on: Day) -> String {
    format!("Changed by the network on {on}")
}

impl Default for RecognitionPolicy {
    fn default() -> Self {
        let mut policy = RecognitionPolicy::empty();
        policy.fill_missing();
        policy
    }
}

impl RecognitionPolicy {
    /// A policy with no rows: every lookup answers with the default rule.
    pub fn empty() -> RecognitionPolicy {
        RecognitionPolicy {
            rules: BTreeMap::new(),
            expense_limit_pence: DEFAULT_EXPENSE_LIMIT_PENCE,
        }
    }

    /// The rule for `kind` and `constraint`: the network's, or the default
    /// if the network has none for it (yet).
    pub fn rule(&self, kind: RecognitionKind, constraint: PaymentConstraint) -> PolicyRule {
        self.rules
            .get(&key(kind, constraint))
            .cloned()
            .unwrap_or_else(|| default_rule(kind, constraint))
    }

    pub fn verdict(&self, kind: RecognitionKind, constraint: PaymentConstraint) -> Verdict {
        self.rules
            .get(&key(kind, constraint))
            .map(|r| r.verdict)
            .unwrap_or_else(|| default_rule(kind, constraint).verdict)
    }

    /// The kinds with `verdict` for `constraint`, in vocabulary order.
    pub fn kinds(&self, constraint: PaymentConstraint, verdict: Verdict) -> Vec<RecognitionKind> {
        RecognitionKind::ALL
            .iter()
            .copied()
            .filter(|k| self.verdict(*k, constraint) == verdict)
            .collect()
    }

    /// Writes the default rule for every kind and constraint that has none;
    /// true if anything was added.
    pub fn fill_missing(&mut self) -> bool {
        let mut added = false;
        for kind in RecognitionKind::ALL {
            for constraint in PaymentConstraint::ALL {
                self.rules
                    .entry(key(*kind, *constraint))
                    .or_insert_with(|| {
                        added = true;
                        default_rule(*kind, *constraint)
                    });
            }
        }
        added
    }

    /// Changes one row. The note says why (what the adviser said), so it is
    /// required; the source becomes the network's own decision.
    pub fn set(
        &mut self,
        kind: RecognitionKind,
        constraint: PaymentConstraint,
        verdict: Verdict,
        note: &str,
        on: Day,
    ) -> Result<(), Invalid> {
        check_text(Field::Note, note, 1000)?;
        let default = default_rule(kind, constraint);
        let alternatives = if verdict == Verdict::Allowed {
            Vec::new()
        } else if default.alternatives.is_empty() {
            ALTERNATIVES.to_vec()
        } else {
            default.alternatives
        };
        self.rules.insert(
            key(kind, constraint),
            PolicyRule {
                verdict,
                note: note.trim().to_string(),
                source: changed_source(on),
                alternatives,
                changed: Some(on),
            },
        );
        Ok(())
    }

    /// Sets the expense limit (more than £0, at most £10,000).
    pub fn set_expense_limit(&mut self, pence: u64) -> Result<(), Invalid> {
        if pence == 0 || pence > 1_000_000 {
            return Err(Invalid::new(
                Field::Limit,
                Code::InvalidAmountRange,
                "the expense limit must be more than £0 and at most £10,000",
            )
            .with("max", Param::money(1_000_000)));
        }
        self.expense_limit_pence = pence;
        Ok(())
    }

    /// Every kind against every constraint, kinds in vocabulary order.
    pub fn table(&self) -> PolicyTable {
        let rows = RecognitionKind::ALL
            .iter()
            .flat_map(|kind| {
                PaymentConstraint::ALL.iter().map(move |c| {
                    let rule = self.rule(*kind, *c);
                    let (note_said, source_said) = said(*kind, *c, &rule);
                    PolicyRow {
                        kind: *kind,
                        constraint: *c,
                        verdict: rule.verdict,
                        note: rule.note,
                        source: rule.source,
                        alternatives: rule.alternatives,
                        changed: rule.changed.map(|d| d.to_string()),
                        note_said,
                        source_said,
                    }
                })
            })
            .collect();
        PolicyTable {
            rows,
            expense_limit: super::units::format_pounds(self.expense_limit_pence),
            expense_limit_pence: self.expense_limit_pence,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PaymentConstraint::{Allowed, CheckFirst, NotAllowed};
    use RecognitionKind as K;

    /// The whole default table, written out by hand: every kind against
    /// every constraint, as (allowed, check-first, not-allowed).
    const EXPECTED: &[(K, [Verdict; 3])] = {
        use Verdict::{Allowed as A, Check as C, Refused as R};
        &[
            (K::Thanks, [A, A, A]),
            (K::Certificate, [A, A, A]),
            (K::ReferenceLetter, [A, A, A]),
            (K::Voucher, [A, C, R]),
            (K::GiftCard, [A, C, R]),
            (K::Allowance, [A, C, R]),
            (K::TravelExpenses, [A, A, A]),
            (K::Meal, [A, A, A]),
            (K::Gift, [A, C, R]),
            (K::TimeCredits, [A, C, R]),
            (K::Payment, [A, C, R]),
            (K::Nomination, [A, A, A]),
        ]
    };

    #[test]
    fn the_default_table_covers_every_kind_against_every_constraint() {
        let policy = RecognitionPolicy::default();
        assert_eq!(EXPECTED.len(), K::ALL.len(), "a new kind needs a row here");
        for (kind, [allowed, check, refused]) in EXPECTED {
            assert_eq!(policy.verdict(*kind, Allowed), *allowed, "{kind} allowed");
            assert_eq!(policy.verdict(*kind, CheckFirst), *check, "{kind} check");
            assert_eq!(
                policy.verdict(*kind, NotAllowed),
                *refused,
                "{kind} refused"
            );
        }
        assert_eq!(policy.table().rows.len(), K::ALL.len() * 3);
        assert_eq!(policy.rules.len(), K::ALL.len() * 3);
    }

    #[test]
    fn refused_rows_name_their_source_and_what_to_offer_instead() {
        let policy = RecognitionPolicy::default();
        for kind in [K::GiftCard, K::TimeCredits, K::Gift, K::Allowance] {
            let rule = policy.rule(kind, NotAllowed);
            assert!(rule.source.contains("Home Office"), "{kind}");
            assert!(rule.alternatives.contains(&K::Certificate));
            assert!(rule.alternatives.contains(&K::TravelExpenses));
            assert!(rule.note.contains("cash value"));
        }
        let travel = policy.rule(K::TravelExpenses, NotAllowed);
        assert!(travel.note.contains("actually incurred") && travel.note.contains("flat"));
    }

    #[test]
    fn an_empty_policy_answers_with_the_defaults_and_fills_in_once() {
        let mut policy = RecognitionPolicy::empty();
        assert_eq!(policy.verdict(K::GiftCard, NotAllowed), Verdict::Refused);
        assert!(policy.fill_missing());
        assert!(!policy.fill_missing());
        assert_eq!(policy, RecognitionPolicy::default());
    }

    #[test]
    fn a_changed_row_is_used_and_keeps_the_others() {
        let mut policy = RecognitionPolicy::default();
        let day = Day::from_ymd(2026, 5, 1).expect("a date");
        policy
            .set(
                K::Meal,
                NotAllowed,
                Verdict::Check,
                "adviser: check meals",
                day,
            )
            .expect("set");
        let rule = policy.rule(K::Meal, NotAllowed);
        assert_eq!(rule.verdict, Verdict::Check);
        assert_eq!(rule.changed, Some(day));
        assert!(!rule.alternatives.is_empty());
        assert_eq!(policy.verdict(K::Meal, Allowed), Verdict::Allowed);
        let err = policy
            .set(K::Meal, NotAllowed, Verdict::Allowed, "  ", day)
            .expect_err("a note is needed");
        assert!(err.to_string().contains("note"));
        assert_eq!(policy.verdict(K::Meal, NotAllowed), Verdict::Check);
    }

    /// The default's words reach the app coded; a network's own note stays
    /// as typed, and its source says when the network changed it.
    #[test]
    fn default_words_are_coded_and_a_networks_note_is_not() {
        let mut policy = RecognitionPolicy::default();
        let row = |p: &RecognitionPolicy, kind, constraint| {
            p.table()
                .rows
                .into_iter()
                .find(|r| r.kind == kind && r.constraint == constraint)
                .expect("every kind and constraint has a row")
        };
        let voucher = row(&policy, K::Voucher, NotAllowed);
        let note = voucher.note_said.expect("the default note is coded");
        assert_eq!(note.code, Code::PolicyRefused);
        assert_eq!(note.param("kind"), Some(&Param::Kind(K::Voucher)));
        assert_eq!(note.text, voucher.note);
        let source = voucher.source_said.expect("the default source is coded");
        assert_eq!(source.code, Code::PolicySourceCashValue);
        assert_eq!(source.text, CASH_VALUE);
        for r in policy.table().rows {
            assert!(r.note_said.is_some() && r.source_said.is_some(), "{r:?}");
        }
        let day = Day::from_ymd(2026, 3, 1).expect("a day");
        policy
            .set(
                K::Voucher,
                NotAllowed,
                Verdict::Check,
                "adviser: check",
                day,
            )
            .expect("set");
        let changed = row(&policy, K::Voucher, NotAllowed);
        assert_eq!(changed.note_said, None);
        let source = changed.source_said.expect("the changed source is coded");
        assert_eq!(source.code, Code::PolicySourceChanged);
        assert_eq!(source.param("date"), Some(&Param::date(day)));
    }

    #[test]
    fn the_expense_limit_is_bounded() {
        let mut policy = RecognitionPolicy::default();
        assert_eq!(policy.table().expense_limit, "£50.00");
        assert!(policy.set_expense_limit(0).is_err());
        assert!(policy.set_expense_limit(1_000_001).is_err());
        policy.set_expense_limit(2_500).expect("limit");
        assert_eq!(policy.expense_limit_pence, 2_500);
    }
}
