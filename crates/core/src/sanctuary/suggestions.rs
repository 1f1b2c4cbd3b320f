//! Suggestions from self-view: stored in the person's document as pending,
//! applied only when a coordinator approves them.

use automerge::ROOT;

use super::Sanctuary;
use super::ambassadors::internal;
use crate::documents::Kind;
use crate::error::{CoreError, Result};
use crate::matching::Code;
use crate::model::Thing;
use crate::model::packed::Records;
use crate::model::{
    AmbassadorDoc, Contribution, Day, Field, Invalid, Stream, SuggestedChange, Suggestion,
    SuggestionStatus, new_id,
};

/// Checks a suggestion against the person's record and makes it pending.
pub(super) fn new_suggestion(
    person: &AmbassadorDoc,
    change: SuggestedChange,
    today: Day,
) -> Result<Suggestion> {
    change.validate()?;
    if let SuggestedChange::Confidence { record_id, .. }
    | SuggestedChange::Reflection { record_id, .. } = &change
        && !person.training.contains_key(record_id)
    {
        return Err(CoreError::NotFound {
            what: Thing::TrainingRecord,
            key: record_id.clone(),
        });
    }
    Ok(Suggestion {
        id: new_id(),
        made_on: today,
        change,
        status: SuggestionStatus::Pending,
        decided_on: None,
    })
}

/// Marks a pending suggestion approved or declined and, if approved, makes
/// the change. Returns the top-level parts of the document that changed.
fn decide(
    doc: &mut AmbassadorDoc,
    suggestion_id: &str,
    approve: bool,
    today: Day,
) -> Result<Vec<&'static str>> {
    let suggestion =
        doc.suggestions
            .get(suggestion_id)
            .cloned()
            .ok_or_else(|| CoreError::NotFound {
                what: Thing::Suggestion,
                key: suggestion_id.to_string(),
            })?;
    if suggestion.status != SuggestionStatus::Pending {
        return Err(CoreError::Invalid(Invalid::new(
            Field::Suggestion,
            Code::InvalidAlreadyDecided,
            format!("this suggestion was already {}", suggestion.status),
        )));
    }
    let mut touched = vec!["suggestions"];
    if approve {
        match suggestion.change {
            SuggestedChange::Confidence { record_id, after } => {
                let record = training(doc, &record_id)?;
                record.confidence_after = Some(after);
                touched.push("training");
            }
            SuggestedChange::Reflection { record_id, text } => {
                training(doc, &record_id)?.reflection = Some(text);
                touched.push("training");
            }
            SuggestedChange::Hours {
                date,
                minutes,
                role,
            } => {
                let contribution = Contribution {
                    id: new_id(),
                    project_id: None,
                    date,
                    role,
                    stream: Stream::Other,
                    minutes,
                };
                contribution.validate()?;
                doc.contributions
                    .insert(contribution.id.clone(), contribution);
                touched.push("contributions");
            }
            SuggestedChange::Contact {
                email,
                phone,
                channel,
            } => {
                let p = &mut doc.profile;
                if email.is_some() {
                    p.email = email;
                }
                if phone.is_some() {
                    p.phone = phone;
                }
                if channel.is_some() {
                    p.preferred_channel = channel;
                }
                p.validate()?;
                touched.push("profile");
            }
        }
    }
    if let Some(s) = doc.suggestions.get_mut(suggestion_id) {
        s.status = if approve {
            SuggestionStatus::Approved
        } else {
            SuggestionStatus::Declined
        };
        s.decided_on = Some(today);
    }
    Ok(touched)
}

fn training<'a>(
    doc: &'a mut AmbassadorDoc,
    record_id: &str,
) -> Result<&'a mut crate::model::TrainingRecord> {
    doc.training
        .get_mut(record_id)
        .ok_or_else(|| CoreError::NotFound {
            what: Thing::TrainingRecord,
            key: record_id.to_string(),
        })
}

/// Writes the named top-level parts of an ambassador document.
pub(super) fn reconcile_parts(
    am: &mut automerge::AutoCommit,
    doc: &AmbassadorDoc,
    parts: &[&str],
) -> Result<()> {
    for part in parts {
        let result = match *part {
            "profile" => autosurgeon::reconcile_prop(&mut *am, ROOT, "profile", &doc.profile),
            "training" => {
                autosurgeon::reconcile_prop(&mut *am, ROOT, "training", Records(&doc.training))
            }
            "contributions" => autosurgeon::reconcile_prop(
                &mut *am,
                ROOT,
                "contributions",
                Records(&doc.contributions),
            ),
            "suggestions" => {
                autosurgeon::reconcile_prop(&mut *am, ROOT, "suggestions", &doc.suggestions)
            }
            other => {
                return Err(CoreError::Internal(format!(
                    "unknown document part {other}"
                )));
            }
        };
        result.map_err(internal)?;
    }
    Ok(())
}

impl Sanctuary {
    /// Every pending suggestion, oldest first, with whose record it is for.
    pub fn pending_suggestions(&self) -> Vec<(&AmbassadorDoc, &Suggestion)> {
        let mut out: Vec<_> = self
            .ambassadors
            .values()
            .flat_map(|d| d.suggestions.values().map(move |s| (d, s)))
            .filter(|(_, s)| s.status == SuggestionStatus::Pending)
            .collect();
        out.sort_by(|a, b| (a.1.made_on, &a.1.id).cmp(&(b.1.made_on, &b.1.id)));
        out
    }

    /// Approves (and applies) or declines a suggestion on `key`'s record.
    pub fn decide_suggestion(
        &mut self,
        key: &str,
        suggestion_id: &str,
        approve: bool,
        today: Day,
    ) -> Result<()> {
        let mut doc = self.ambassador(key)?.clone();
        let id = doc.id().to_string();
        let touched = decide(&mut doc, suggestion_id, approve, today)?;
        self.commit(&id, Kind::Ambassador, "decide suggestion", &doc, |am| {
            reconcile_parts(am, &doc, &touched)
        })?;
        self.ambassadors.insert(id, doc);
        Ok(())
    }
}
