//! Recognition: what was given, by kind, and what it cost, with reimbursed
//! expenses kept apart from everything else that has a cash value.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{ExpenseStatus, RecognitionKind};

use super::{Month, PeopleCount, Period, Population, Table, fill_months, pounds};

/// Recognition given in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecognitionReport {
    pub period: Period,
    /// How many entries were logged.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entries: u64,
    /// How many different people were recognised.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people: u64,
    /// Entries with no cash value: thanks, certificates, references, nominations.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub non_financial: u64,
    /// Travel and meal costs reimbursed (paid back, or logged before claims
    /// had a status), in pence.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub expenses_pence: u64,
    /// Expense claims not paid back yet (claimed or approved), in pence:
    /// owed, not spent, so not in the totals.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub expenses_pending_pence: u64,
    /// Everything else with a cash value (payments, vouchers, gifts, time credits), in pence.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub other_spend_pence: u64,
    /// Expenses and other spend together, in pence.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total_spend_pence: u64,
    /// Each kind given at least once, in the vocabulary's order.
    pub by_kind: Vec<RecognitionRow>,
    /// Every month from the first to the last with any entry.
    pub by_month: Vec<RecognitionRow>,
}

/// Entries, people and money under one key (a kind's stable word, or a month).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecognitionRow {
    pub key: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entries: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub expenses_pence: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub other_spend_pence: u64,
}

#[derive(Default)]
struct Tally {
    entries: u64,
    people: PeopleCount,
    expenses: u64,
    other: u64,
}

impl Tally {
    fn add(&mut self, person: usize, kind: RecognitionKind, pence: u64) {
        self.entries += 1;
        self.people.add(person);
        if kind.is_reimbursement() {
            self.expenses += pence;
        } else {
            self.other += pence;
        }
    }

    fn row(key: String, t: Tally) -> RecognitionRow {
        RecognitionRow {
            key,
            entries: t.entries,
            people: t.people.get(),
            expenses_pence: t.expenses,
            other_spend_pence: t.other,
        }
    }
}

pub(super) fn build(population: &Population<'_>, period: Period) -> RecognitionReport {
    let mut by_kind: BTreeMap<RecognitionKind, Tally> = BTreeMap::new();
    let mut by_month: BTreeMap<Month, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    let mut non_financial = 0;
    let mut pending = 0;
    for (person, doc) in population.ambassadors.iter().enumerate() {
        for r in doc.recognition.values().filter(|r| period.contains(r.date)) {
            let owed = r
                .expense
                .as_ref()
                .is_some_and(|e| e.status != ExpenseStatus::PaidBack);
            let pence = if owed {
                pending += r.amount_pence.unwrap_or(0);
                0
            } else {
                r.amount_pence.unwrap_or(0)
            };
            if !r.kind.has_cash_value() && !r.kind.is_reimbursement() {
                non_financial += 1;
            }
            all.add(person, r.kind, pence);
            by_kind
                .entry(r.kind)
                .or_default()
                .add(person, r.kind, pence);
            by_month
                .entry(Month::of(r.date))
                .or_default()
                .add(person, r.kind, pence);
        }
    }
    fill_months(&mut by_month);
    RecognitionReport {
        period,
        entries: all.entries,
        people: all.people.get(),
        non_financial,
        expenses_pence: all.expenses,
        expenses_pending_pence: pending,
        other_spend_pence: all.other,
        total_spend_pence: all.expenses + all.other,
        // A BTreeMap of kinds iterates in the vocabulary's declaration order.
        by_kind: by_kind
            .into_iter()
            .map(|(k, t)| Tally::row(k.as_str().to_string(), t))
            .collect(),
        by_month: by_month
            .into_iter()
            .map(|(k, t)| Tally::row(k.key(), t))
            .collect(),
    }
}

impl RecognitionReport {
    pub fn tables(&self) -> Vec<Table> {
        let table = |name: &str, first: (&str, &str), rows: &[RecognitionRow]| {
            let mut t = Table::new(
                name,
                &[
                    first,
                    ("entries", "Entries"),
                    ("people", "People"),
                    ("expenses", "Expenses reimbursed (£)"),
                    ("other-spend", "Other spend (£)"),
                ],
            );
            for r in rows {
                t.row(vec![
                    r.key.clone().into(),
                    r.entries.into(),
                    r.people.into(),
                    pounds(r.expenses_pence).into(),
                    pounds(r.other_spend_pence).into(),
                ]);
            }
            t
        };
        vec![
            table("recognition-by-kind", ("kind", "Kind"), &self.by_kind),
            table("recognition-by-month", ("month", "Month"), &self.by_month),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::super::{Cell, Period};
    use super::*;

    #[test]
    fn recognition_matches_the_hand_counted_figures() {
        let f = Fixture::new();
        let r = build(&f.population(), Period::default());
        assert_eq!((r.entries, r.people, r.non_financial), (5, 2, 2));
        // Travel 6.40 and a meal 8.50 are expenses; Biniam's 50.00 payment is not.
        assert_eq!(r.expenses_pence, 1490);
        assert_eq!(r.other_spend_pence, 5000);
        assert_eq!(r.total_spend_pence, 6490);
        let kinds: Vec<(&str, u64, u64, u64)> = r
            .by_kind
            .iter()
            .map(|k| {
                (
                    k.key.as_str(),
                    k.entries,
                    k.expenses_pence,
                    k.other_spend_pence,
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                ("thanks", 1, 0, 0),
                ("certificate", 1, 0, 0),
                ("travel-expenses", 1, 640, 0),
                ("meal", 1, 850, 0),
                ("payment", 1, 0, 5000),
            ]
        );
        let months: Vec<(&str, u64)> = r
            .by_month
            .iter()
            .map(|m| (m.key.as_str(), m.entries))
            .collect();
        assert_eq!(months, [("2026-01", 1), ("2026-02", 0), ("2026-03", 4)]);
    }

    /// A claim not yet paid back is owed, not spent: it is reported apart
    /// and left out of the totals; time credits have a cash value.
    #[test]
    fn claims_not_paid_back_are_pending_and_time_credits_are_not_non_financial() {
        use crate::model::Expense;
        let mut f = Fixture::new();
        let meal = f
            .docs
            .iter_mut()
            .flat_map(|d| d.recognition.values_mut())
            .find(|r| r.kind == RecognitionKind::Meal)
            .expect("the fixture's meal");
        meal.expense = Some(Expense::claim(Some("R1".into()), None, None));
        let r = build(&f.population(), Period::default());
        assert_eq!((r.expenses_pence, r.expenses_pending_pence), (640, 850));
        assert_eq!(r.total_spend_pence, 5640);
        let thanks = f
            .docs
            .iter_mut()
            .flat_map(|d| d.recognition.values_mut())
            .find(|r| r.kind == RecognitionKind::Thanks)
            .expect("the fixture's thanks");
        thanks.kind = RecognitionKind::TimeCredits;
        assert_eq!(build(&f.population(), Period::default()).non_financial, 1);
    }

    #[test]
    fn tables_show_pounds_and_kind_names() {
        let f = Fixture::new();
        let period = Period::checked(Some(f.day("2026-01-01")), Some(f.day("2026-01-31"))).unwrap();
        let tables = build(&f.population(), period).tables();
        assert_eq!(tables[0].rows[0][0], Cell::Text("travel-expenses".into()));
        assert_eq!(
            tables[0].readable_rows(),
            [vec![
                Cell::Text("Travel expenses".into()),
                Cell::Number(1.0),
                Cell::Number(1.0),
                Cell::Number(6.4),
                Cell::Number(0.0)
            ]]
        );
    }
}
