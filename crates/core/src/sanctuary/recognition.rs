//! Recognition: logging it under the network's policy, the policy itself,
//! expense claims moving from claimed to paid back, and review flags on
//! money entries.

use automerge::ROOT;

use super::ambassadors::internal;
use super::{NETWORK_DOC, Sanctuary};
use crate::documents::Kind;
use crate::error::{CoreError, Result};
use crate::matching::{Code, Param};
use crate::model::Thing;
use crate::model::packed::Records;
use crate::model::{
    AmbassadorDoc, Day, Expense, ExpenseStatus, Field, Invalid, PaymentConstraint, PolicyTable,
    Recognition, RecognitionKind, RecognitionPolicy, Review, Verdict, new_id,
};
use crate::views::{self, FlaggedEntry, RecognitionOptions};

impl Sanctuary {
    /// The network's recognition policy (defaults for any row it lacks).
    pub fn recognition_policy(&self) -> &RecognitionPolicy {
        &self.network.recognition_policy
    }

    /// Every kind against every constraint, for the CLI and the app.
    pub fn policy_table(&self) -> PolicyTable {
        self.network.recognition_policy.table()
    }

    /// Changes one row of the policy; the note says why (what the adviser said).
    pub fn set_policy_rule(
        &mut self,
        kind: RecognitionKind,
        constraint: PaymentConstraint,
        verdict: Verdict,
        note: &str,
    ) -> Result<()> {
        let mut policy = self.network.recognition_policy.clone();
        policy.set(kind, constraint, verdict, note, Day::today())?;
        self.save_policy(policy, "change recognition policy")
    }

    /// Sets the amount above which an expense claim needs a note.
    pub fn set_expense_limit(&mut self, pence: u64) -> Result<()> {
        let mut policy = self.network.recognition_policy.clone();
        policy.set_expense_limit(pence)?;
        self.save_policy(policy, "change expense limit")
    }

    /// Writes the default row for every kind and constraint the network's
    /// policy lacks: at unlock for networks made before the policy existed,
    /// and after a new kind is added. Writes nothing if none is missing.
    pub(super) fn fill_recognition_policy(&mut self) -> Result<()> {
        let mut policy = self.network.recognition_policy.clone();
        if policy.fill_missing() {
            self.save_policy(policy, "write the default recognition policy")?;
        }
        Ok(())
    }

    /// Writes the policy; autosurgeon changes only the rows that differ.
    fn save_policy(&mut self, policy: RecognitionPolicy, message: &str) -> Result<()> {
        let mut network = self.network.clone();
        network.recognition_policy = policy.clone();
        self.commit(NETWORK_DOC, Kind::Network, message, &network, |doc| {
            autosurgeon::reconcile_prop(doc, ROOT, "recognition_policy", &policy)
                .map_err(|e| CoreError::Internal(format!("recording the policy: {e}")))
        })?;
        self.network = network;
        Ok(())
    }

    /// What the recognition form may offer `key`, with the guidance to show.
    pub fn recognition_options(&self, key: &str) -> Result<RecognitionOptions> {
        Ok(views::recognition_options(
            self.ambassador(key)?,
            &self.network.recognition_policy,
        ))
    }

    /// Logs recognition under the network's policy: a kind the policy
    /// refuses for this person is refused with its guidance; one that needs
    /// a check needs `checked`. A reimbursement starts as a claim and needs
    /// a receipt (or why there is none), and a note above the limit.
    pub fn log_recognition(
        &mut self,
        key: &str,
        mut recognition: Recognition,
        checked: bool,
    ) -> Result<String> {
        recognition.id = new_id();
        recognition.review = None;
        if recognition.kind.is_reimbursement() {
            let given = recognition.expense.take();
            let claim = given.map_or_else(
                || Expense::claim(None, None, None),
                |e| Expense::claim(e.receipt, e.no_receipt, e.note),
            );
            recognition.expense = Some(claim);
        }
        recognition.validate()?;
        if let (Some(expense), Some(amount)) = (&recognition.expense, recognition.amount_pence) {
            expense.validate(
                amount,
                self.network.recognition_policy.expense_limit_pence,
                recognition.description.as_deref(),
            )?;
        }
        let person = self.ambassador(key)?;
        let payment = person.profile.payment;
        let rule = self
            .network
            .recognition_policy
            .rule(recognition.kind, payment);
        let name = person.profile.display_name.clone();
        let kind = recognition.kind;
        // A rule the network changed carries its coordinator's own note.
        let note = rule.changed.map(|_| rule.note.clone());
        match rule.verdict {
            Verdict::Refused => {
                return Err(CoreError::PaymentNotAllowed {
                    name,
                    kind,
                    guidance: rule.note,
                    alternatives: rule.alternatives,
                    note,
                });
            }
            Verdict::Check if !checked => {
                return Err(CoreError::CheckFirst {
                    name,
                    kind,
                    guidance: rule.note,
                    alternatives: rule.alternatives,
                    note,
                });
            }
            _ => {}
        }
        if let Some(project) = &recognition.project_id {
            recognition.project_id = Some(self.project(project)?.id().to_string());
        }
        if let Some(contribution) = &recognition.contribution_id
            && !person.contributions.contains_key(contribution)
        {
            return Err(CoreError::NotFound {
                what: Thing::Contribution,
                key: contribution.clone(),
            });
        }
        self.add_record(
            key,
            "recognition",
            &recognition.id.clone(),
            recognition,
            |d, r| {
                d.recognition.insert(r.id.clone(), r);
            },
        )
    }

    /// Moves an expense claim on (approved needs `by`, a name). Returns the entry's id.
    pub fn move_expense(
        &mut self,
        key: &str,
        entry: &str,
        status: ExpenseStatus,
        by: Option<&str>,
    ) -> Result<String> {
        self.edit_entry(key, entry, "move an expense on", |r| {
            let expense = r.expense.as_mut().ok_or_else(|| {
                Invalid::new(
                    Field::Entry,
                    Code::InvalidNotAnExpense,
                    format!("{} is not an expense claim", r.kind.label().to_lowercase()),
                )
                .with("kind", Param::Kind(r.kind))
            })?;
            expense.advance(status, by, Day::today())?;
            Ok(())
        })
    }

    /// Clears an entry's review flag with what the review found.
    pub fn clear_review(&mut self, key: &str, entry: &str, note: &str) -> Result<String> {
        crate::model::validate::check_text(crate::model::Field::Note, note, 2000)?;
        self.edit_entry(key, entry, "review a money entry", |r| {
            let review = r.review.as_mut().filter(|v| v.is_open()).ok_or_else(|| {
                Invalid::new(
                    Field::Entry,
                    Code::InvalidNotFlagged,
                    "this entry is not flagged for review",
                )
            })?;
            review.cleared = Some(Day::today());
            review.cleared_note = Some(note.trim().to_string());
            Ok(())
        })
    }

    /// Every entry with an open review flag, across the network.
    pub fn flagged_recognition(&self) -> Vec<FlaggedEntry> {
        views::flagged_entries(self.ambassadors.values(), |id| {
            self.projects.get(id).map(|p| p.project.title.clone())
        })
    }

    /// Changes one recognition entry (by id or unique id prefix) through
    /// `edit`; nothing is written if it fails.
    fn edit_entry(
        &mut self,
        key: &str,
        entry: &str,
        message: &str,
        edit: impl FnOnce(&mut Recognition) -> std::result::Result<(), Invalid>,
    ) -> Result<String> {
        let mut doc = self.ambassador(key)?.clone();
        let id = doc.id().to_string();
        let entry_id = find_entry(&doc, entry)?;
        if let Some(record) = doc.recognition.get_mut(&entry_id) {
            edit(record)?;
        }
        let records = doc.recognition.clone();
        self.commit(&id, Kind::Ambassador, message, &doc, |am| {
            autosurgeon::reconcile_prop(am, ROOT, "recognition", Records(&records))
                .map_err(internal)
        })?;
        self.ambassadors.insert(id, doc);
        Ok(entry_id)
    }
}

/// The id of `person`'s recognition entry `key` (an id or a unique prefix).
fn find_entry(person: &AmbassadorDoc, key: &str) -> Result<String> {
    let key = key.trim();
    if person.recognition.contains_key(key) {
        return Ok(key.to_string());
    }
    let matches: Vec<&String> = person
        .recognition
        .keys()
        .filter(|id| !key.is_empty() && id.starts_with(key))
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(CoreError::NotFound {
            what: Thing::RecognitionEntry,
            key: key.to_string(),
        }),
        many => Err(CoreError::Ambiguous {
            what: Thing::RecognitionEntry,
            key: key.to_string(),
            matches: many.iter().map(|s| s.to_string()).collect(),
        }),
    }
}

/// Flags every entry of `person` with an amount that has no open flag, on
/// `on`; returns how many were flagged.
pub(super) fn flag_money_entries(person: &mut AmbassadorDoc, on: Day) -> usize {
    let mut flagged = 0;
    for entry in person.recognition.values_mut() {
        if entry.amount_pence.is_some() && !entry.review.as_ref().is_some_and(Review::is_open) {
            entry.review = Some(Review {
                flagged: on,
                reason: format!("payment changed to not allowed on {on}: review this money entry"),
                cleared: None,
                cleared_note: None,
            });
            flagged += 1;
        }
    }
    flagged
}

#[cfg(test)]
mod tests {
    use automerge::transaction::Transactable;

    use super::*;

    /// A network made before the policy existed has no policy in its
    /// document; unlocking it writes the default rows, so the policy is
    /// data the network can review from then on.
    #[test]
    fn unlock_writes_the_default_policy_into_a_network_that_has_none() {
        let temp = tempfile::tempdir().expect("temp dir");
        let mut s = crate::demo::demo_store(temp.path(), 2);
        let mut network = s.network.clone();
        network.recognition_policy = RecognitionPolicy::empty();
        s.commit(NETWORK_DOC, Kind::Network, "as before", &network, |doc| {
            doc.delete(ROOT, "recognition_policy")
                .map_err(|e| CoreError::Internal(e.to_string()))
        })
        .expect("remove the policy");
        drop(s);
        let passphrase = sanctuary_store::SecretString::from("a test passphrase".to_string());
        let s = Sanctuary::open(temp.path(), &passphrase).expect("reopen");
        let policy = s.recognition_policy();
        let rows = RecognitionKind::ALL.len() * PaymentConstraint::ALL.len();
        assert_eq!(policy.rules.len(), rows);
        assert_eq!(policy, &RecognitionPolicy::default());
        let chunks = s.store.read_chunks(NETWORK_DOC).expect("chunks").len();
        drop(s);
        // Written once: the next unlock finds it and writes nothing more.
        let s = Sanctuary::open(temp.path(), &passphrase).expect("reopen again");
        assert_eq!(
            s.store.read_chunks(NETWORK_DOC).expect("chunks").len(),
            chunks
        );
        assert_eq!(s.recognition_policy().rules.len(), rows);
    }
}
