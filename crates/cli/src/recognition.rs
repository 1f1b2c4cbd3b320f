//! `sanctuary recognition`: log recognition, show and change the network's
//! recognition policy, move expense claims on and review flagged money
//! entries. Every rule is the core's; this prints what it answers.

use clap::{Args, Subcommand};
use sanctuary_core::Sanctuary;
use sanctuary_core::model::{
    Expense, PaymentConstraint, PolicyTable, Recognition, RecognitionKind, Verdict,
};
use sanctuary_core::views::{FlaggedEntry, RecognitionOptions};

use crate::args::RecognitionCommand;
use crate::output;

/// `recognition policy [--json]`, `policy set ...`, `policy limit ...`.
#[derive(Args, Debug)]
pub struct PolicyArgs {
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub change: Option<PolicyChange>,
}

#[derive(Subcommand, Debug)]
pub enum PolicyChange {
    /// Change one row, e.g. `set voucher check-first refused --note "adviser, May 2026"`.
    Set {
        kind: RecognitionKind,
        constraint: PaymentConstraint,
        /// allowed, refused or check.
        verdict: Verdict,
        /// Why (what your adviser said); shown with the row.
        #[arg(long)]
        note: String,
    },
    /// Set the amount (in pounds) above which an expense claim needs a note.
    Limit { amount: String },
}

pub fn run(
    command: RecognitionCommand,
    unlock: impl Fn() -> anyhow::Result<Sanctuary>,
) -> anyhow::Result<()> {
    match command {
        RecognitionCommand::Log {
            ambassador,
            kind,
            date,
            amount,
            description,
            project,
            contribution,
            checked,
            receipt,
            no_receipt,
            note,
        } => {
            let mut s = unlock()?;
            let given = receipt.is_some() || no_receipt.is_some() || note.is_some();
            let recognition = Recognition {
                id: String::new(),
                date,
                kind,
                amount_pence: amount.as_deref().map(output::parse_pounds).transpose()?,
                description,
                contribution_id: contribution,
                project_id: project,
                expense: given.then(|| Expense::claim(receipt, no_receipt, note)),
                review: None,
            };
            say!("{}", s.log_recognition(&ambassador, recognition, checked)?);
        }
        RecognitionCommand::Policy(args) => {
            let mut s = unlock()?;
            match args.change {
                Some(PolicyChange::Set {
                    kind,
                    constraint,
                    verdict,
                    note,
                }) => s.set_policy_rule(kind, constraint, verdict, &note)?,
                Some(PolicyChange::Limit { amount }) => {
                    s.set_expense_limit(output::parse_pounds(&amount)?)?;
                }
                None => {}
            }
            let table = s.policy_table();
            if args.json {
                output::json(&table)?;
            } else {
                print_policy(&table);
            }
        }
        RecognitionCommand::Options { ambassador, json } => {
            let options = unlock()?.recognition_options(&ambassador)?;
            if json {
                output::json(&options)?;
            } else {
                print_options(&options);
            }
        }
        RecognitionCommand::Expense {
            ambassador,
            entry,
            status,
            by,
        } => {
            let mut s = unlock()?;
            let id = s.move_expense(&ambassador, &entry, status, by.as_deref())?;
            say!("{id} {status}");
        }
        RecognitionCommand::Flagged { json } => {
            let flagged = unlock()?.flagged_recognition();
            if json {
                output::json(&flagged)?;
            } else {
                print_flagged(&flagged);
            }
        }
        RecognitionCommand::Review {
            ambassador,
            entry,
            note,
        } => {
            let mut s = unlock()?;
            let id = s.clear_review(&ambassador, &entry, &note)?;
            say!("{id} reviewed");
        }
    }
    Ok(())
}

fn words(kinds: &[RecognitionKind]) -> String {
    let words: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    words.join(", ")
}

fn print_policy(table: &PolicyTable) {
    say!(
        "Recognition policy (expense claims above {} need a note)",
        table.expense_limit
    );
    for row in &table.rows {
        say!(
            "{:<17} {:<12} {:<8} {}",
            row.kind.as_str(),
            row.constraint.as_str(),
            row.verdict.as_str(),
            row.note
        );
        if row.verdict != Verdict::Allowed {
            say!("{:39}instead: {}", "", words(&row.alternatives));
        }
        say!("{:39}source: {}", "", row.source);
    }
}

fn print_options(options: &RecognitionOptions) {
    say!("Payment: {}", options.payment);
    say!("Offer: {}", words(&options.allowed));
    if !options.check.is_empty() {
        say!("Check first: {}", words(&options.check));
    }
    if !options.refused.is_empty() {
        say!("Never offer: {}", words(&options.refused));
        say!("Instead: {}", words(&options.alternatives));
    }
    for row in &options.guidance {
        say!("- {}: {} ({})", row.kind, row.note, row.source);
    }
}

fn print_flagged(flagged: &[FlaggedEntry]) {
    for f in flagged {
        let e = &f.entry;
        let reason = e.review.as_ref().map(|r| r.reason.as_str()).unwrap_or("");
        say!(
            "{}  {:<20} {} {:<16} {:>9}  {}",
            &e.id[..8.min(e.id.len())],
            f.display_name,
            e.date,
            e.kind.as_str(),
            e.amount.as_deref().unwrap_or(""),
            reason
        );
    }
    say!(
        "{} entr{} to review",
        flagged.len(),
        if flagged.len() == 1 { "y" } else { "ies" }
    );
}
