//! The forms that add to a person's record (consent, training,
//! contributions, recognition, pathway) and the list's filters, as the
//! webview sends them. What the list and the profile page show, and the
//! profile form itself, are the core's views (`sanctuary_core::views`).

use sanctuary_core::model::{self as m, units};
use serde::Deserialize;
use ts_rs::TS;

use super::vocab::*;
use super::{day, opt_day, opt_text};
use crate::error::ApiResult;

/// Filters for the list; blank filters are ignored.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct AmbassadorQuery {
    /// Matches names, skills, interests, languages, region and local group.
    pub text: Option<String>,
    pub skill: Option<String>,
    pub interest: Option<String>,
    pub language: Option<String>,
    pub region: Option<String>,
    pub status: Option<Status>,
    pub include_archived: bool,
}

impl From<AmbassadorQuery> for sanctuary_core::AmbassadorQuery {
    fn from(q: AmbassadorQuery) -> Self {
        sanctuary_core::AmbassadorQuery {
            text: opt_text(q.text),
            skill: opt_text(q.skill),
            interest: opt_text(q.interest),
            language: opt_text(q.language),
            region: opt_text(q.region),
            status: q.status,
            include_archived: q.include_archived,
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ConsentInput {
    pub scope: ConsentScope,
    pub agreed: bool,
    pub date: String,
    pub recorded_by: String,
    pub review: Option<String>,
    pub note: Option<String>,
}

impl ConsentInput {
    pub fn into_core(self) -> ApiResult<m::Consent> {
        Ok(m::Consent {
            id: String::new(),
            scope: self.scope,
            agreed: self.agreed,
            date: day(&self.date)?,
            recorded_by: self.recorded_by.trim().to_string(),
            review: opt_day(self.review)?,
            note: opt_text(self.note),
        })
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct TrainingInput {
    pub course_id: String,
    pub completed: String,
    pub trainer: Option<String>,
    pub evidence: Option<String>,
    /// Self-rated confidence before and after, 1 to 5.
    pub confidence_before: Option<u8>,
    pub confidence_after: Option<u8>,
    /// Where it took place ("Online" for online sessions).
    pub place: Option<String>,
    /// The person's own words on what the course meant to them.
    pub reflection: Option<String>,
}

impl TrainingInput {
    pub fn into_core(self) -> ApiResult<m::TrainingRecord> {
        Ok(m::TrainingRecord {
            id: String::new(),
            course_id: self.course_id,
            completed: day(&self.completed)?,
            trainer: opt_text(self.trainer),
            evidence: opt_text(self.evidence),
            confidence_before: self.confidence_before,
            confidence_after: self.confidence_after,
            place: opt_text(self.place),
            session_id: None,
            reflection: opt_text(self.reflection),
        })
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ContributionInput {
    pub project_id: Option<String>,
    pub date: String,
    pub role: String,
    /// When not given: the project's stream, else `other`.
    pub stream: Option<Stream>,
    /// Hours as typed, e.g. `1.5`.
    pub hours: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct RecognitionInput {
    pub kind: RecognitionKind,
    pub date: String,
    /// Pounds as typed, e.g. `12.50`; only for kinds that involve money.
    pub amount: Option<String>,
    pub description: Option<String>,
    pub project_id: Option<String>,
    pub contribution_id: Option<String>,
    /// The coordinator confirms they checked this person may receive it
    /// (when the network's policy says to check for their constraint).
    pub checked: bool,
    /// For travel and meals: the receipt's reference, or why there is none.
    pub receipt: Option<String>,
    pub no_receipt: Option<String>,
    /// Why a claim above the network's expense limit is right.
    pub note: Option<String>,
}

impl RecognitionInput {
    pub fn into_core(self) -> ApiResult<(m::Recognition, bool)> {
        let amount_pence = opt_text(self.amount)
            .map(|a| units::parse_pounds(&a))
            .transpose()?;
        let (receipt, no_receipt, note) = (
            opt_text(self.receipt),
            opt_text(self.no_receipt),
            opt_text(self.note),
        );
        let given = receipt.is_some() || no_receipt.is_some() || note.is_some();
        Ok((
            m::Recognition {
                id: String::new(),
                date: day(&self.date)?,
                kind: self.kind,
                amount_pence,
                description: opt_text(self.description),
                contribution_id: opt_text(self.contribution_id),
                project_id: opt_text(self.project_id),
                expense: given.then(|| m::Expense::claim(receipt, no_receipt, note)),
                review: None,
            },
            self.checked,
        ))
    }
}

/// A new role on a person's pathway, as the profile's form sends it.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PathwayInput {
    pub role: super::vocab::PathwayRole,
    pub from: String,
    pub to: Option<String>,
    pub note: Option<String>,
}

impl PathwayInput {
    pub fn into_core(self) -> ApiResult<m::Pathway> {
        Ok(m::Pathway {
            id: String::new(),
            role: self.role,
            from: day(&self.from)?,
            to: opt_day(self.to)?,
            note: opt_text(self.note),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognition_amounts_are_read_as_pounds() {
        let input = RecognitionInput {
            kind: RecognitionKind::TravelExpenses,
            date: "2026-01-02".into(),
            amount: Some("£12.50".into()),
            description: Some(" ".into()),
            project_id: None,
            contribution_id: Some(String::new()),
            checked: false,
            receipt: Some(" R-12 ".into()),
            no_receipt: Some(" ".into()),
            note: None,
        };
        let (r, checked) = input.into_core().unwrap();
        assert_eq!(r.amount_pence, Some(1250));
        assert_eq!(r.description, None);
        let expense = r.expense.clone().expect("a claim");
        assert_eq!(
            (expense.receipt.as_deref(), expense.no_receipt),
            (Some("R-12"), None)
        );
        assert_eq!(r.contribution_id, None);
        assert!(!checked);
    }
}
