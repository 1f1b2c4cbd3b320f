//! The export's `Expenses` and `Pathways` sheets: every reimbursement with
//! its receipt (or why there is none), amount, status and who approved it,
//! and every role a person moved into. Kept apart from the other sheets
//! (`export.rs`) so each part of the export stays one screen long.

use sanctuary_sheets::{Cell, Table};

use super::Sanctuary;
use super::export::{day, opt, table, text};
use crate::model::AmbassadorDoc;

/// Sheet names, in the order they follow the others.
pub(super) const EXPENSES: &str = "Expenses";
pub(super) const PATHWAYS: &str = "Pathways";

impl Sanctuary {
    /// The `Expenses` and `Pathways` tables for `people` (already in the
    /// export's order). An expense is any travel or meal entry, and any
    /// entry with a claim: entries logged before claims had a status are
    /// listed with the status left empty rather than guessed.
    pub(super) fn expense_and_pathway_tables(&self, people: &[&AmbassadorDoc]) -> [Table; 2] {
        let (mut expenses, mut pathways) = (Vec::new(), Vec::new());
        for d in people {
            let name = &d.profile.display_name;
            let mut records: Vec<_> = d
                .recognition
                .values()
                .filter(|r| r.expense.is_some() || r.kind.is_reimbursement())
                .collect();
            records.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
            for r in records {
                let e = r.expense.as_ref();
                let field = |f: fn(&crate::model::Expense) -> &Option<String>| {
                    e.map_or(Cell::Empty, |e| opt(f(e)))
                };
                expenses.push(vec![
                    text(name.clone()),
                    day(r.date),
                    text(r.kind.label()),
                    r.amount_pence
                        .map_or(Cell::Empty, |p| Cell::Number(p as f64 / 100.0)),
                    field(|e| &e.receipt),
                    field(|e| &e.no_receipt),
                    e.map_or(Cell::Empty, |e| text(e.status.label())),
                    field(|e| &e.approved_by),
                    e.and_then(|e| e.approved).map_or(Cell::Empty, day),
                    e.and_then(|e| e.paid_back).map_or(Cell::Empty, day),
                    field(|e| &e.note),
                    r.review
                        .as_ref()
                        .filter(|v| v.is_open())
                        .map_or(Cell::Empty, |v| text(v.reason.clone())),
                    opt(&r.description),
                    self.project_cell(&r.project_id),
                ]);
            }
            let mut roles: Vec<_> = d.pathways.values().collect();
            roles.sort_by(|a, b| (a.from, &a.id).cmp(&(b.from, &b.id)));
            for p in roles {
                pathways.push(vec![
                    text(name.clone()),
                    text(p.role.label()),
                    day(p.from),
                    p.to.map_or(Cell::Empty, day),
                    opt(&p.note),
                ]);
            }
        }
        [
            table(
                EXPENSES,
                &[
                    "Name",
                    "Date",
                    "Kind",
                    "Amount (£)",
                    "Receipt",
                    "No receipt: reason",
                    "Status",
                    "Approved by",
                    "Approved on",
                    "Paid back on",
                    "Note",
                    "Flagged for review",
                    "Description",
                    "Project",
                ],
                expenses,
            ),
            table(PATHWAYS, &["Name", "Role", "From", "To", "Note"], pathways),
        ]
    }
}
