//! Data transfer objects: the serialisable shapes that cross IPC, exported to
//! TypeScript with ts-rs. What a screen shows is the core's (`views`, whose
//! types export from the core itself); these are the input forms and the
//! shapes the core has no view for yet, converted to the core's types here.
//!
//! Conventions: dates are `YYYY-MM-DD` strings, sets of words are arrays,
//! blank optional text from a form becomes `None` (the core refuses empty
//! optional fields: the core's own rule, `views::opt_text`), amounts and
//! hours travel as the text people type and are read by the core's own
//! parsers.

pub mod ambassador;
#[cfg(test)]
mod fixture;
pub mod matching;
pub mod project;
pub mod self_view;
pub mod session;
pub mod vocab;

use sanctuary_core::model::{Day, Tags};
pub use sanctuary_core::views::opt_text;

use crate::error::ApiResult;

pub fn day(text: &str) -> ApiResult<Day> {
    Ok(sanctuary_core::views::parse_day(text)?)
}

pub fn opt_day(text: Option<String>) -> ApiResult<Option<Day>> {
    Ok(sanctuary_core::views::opt_day(text)?)
}

pub fn tags(words: &[String]) -> Tags {
    Tags::from_words(words)
}

/// Exports every DTO (and the types they use) to `dir` as TypeScript.
pub fn export_bindings(dir: &std::path::Path) -> Result<(), ts_rs::ExportError> {
    use ts_rs::TS;
    let cfg = ts_rs::Config::new().with_out_dir(dir);
    let dir = &cfg;
    crate::error::ApiError::export_all(dir)?;
    session::AppStatus::export_all(dir)?;
    session::UnlockInfo::export_all(dir)?;
    session::Settings::export_all(dir)?;
    ambassador::AmbassadorQuery::export_all(dir)?;
    sanctuary_core::views::SearchResult::export_all(dir)?;
    sanctuary_core::views::RowList::export_all(dir)?;
    sanctuary_core::views::AmbassadorDetail::export_all(dir)?;
    ambassador::ConsentInput::export_all(dir)?;
    ambassador::TrainingInput::export_all(dir)?;
    ambassador::ContributionInput::export_all(dir)?;
    ambassador::RecognitionInput::export_all(dir)?;
    ambassador::PathwayInput::export_all(dir)?;
    project::OutcomeInput::export_all(dir)?;
    sanctuary_core::views::ProjectRow::export_all(dir)?;
    sanctuary_core::views::ProjectPage::export_all(dir)?;
    sanctuary_core::views::CatalogView::export_all(dir)?;
    sanctuary_core::views::ExpiringTraining::export_all(dir)?;
    sanctuary_core::views::MatchView::export_all(dir)?;
    sanctuary_core::views::MatchSettingsView::export_all(dir)?;
    sanctuary_core::views::Invitation::export_all(dir)?;
    matching::InvitationInput::export_all(dir)?;
    sanctuary_core::views::RotaSummary::export_all(dir)?;
    sanctuary_core::views::RotaPlan::export_all(dir)?;
    matching::RotaTurnInput::export_all(dir)?;
    sanctuary_core::views::SyncView::export_all(dir)?;
    sanctuary_core::views::ExportResult::export_all(dir)?;
    sanctuary_core::views::ImportResult::export_all(dir)?;
    sanctuary_core::AutoSyncStatus::export_all(dir)?;
    sanctuary_core::views::InviteInfo::export_all(dir)?;
    sanctuary_core::views::SelfViewPage::export_all(dir)?;
    sanctuary_core::views::SuggestionChange::export_all(dir)?;
    sanctuary_core::views::SuggestionRow::export_all(dir)?;
    self_view::SessionInput::export_all(dir)?;
    sanctuary_core::about::About::export_all(dir)?;
    sanctuary_core::reports::ReportPage::export_all(dir)?;
    sanctuary_core::reports::ReportKind::export_all(dir)?;
    sanctuary_core::import::ImportPreview::export_all(dir)?;
    sanctuary_core::import::SheetImportReport::export_all(dir)?;
    sanctuary_core::BackupStatus::export_all(dir)?;
    sanctuary_core::model::PolicyTable::export_all(dir)?;
    sanctuary_core::views::RecognitionOptions::export_all(dir)?;
    sanctuary_core::views::FlaggedEntry::export_all(dir)?;
    sanctuary_core::HistoryEntry::export_all(dir)?;
    sanctuary_core::ConsentDue::export_all(dir)?;
    sanctuary_core::ErasureReport::export_all(dir)?;
    sanctuary_core::RetentionDue::export_all(dir)?;
    sanctuary_core::DeviceInfo::export_all(dir)?;
    sanctuary_core::RevokeReport::export_all(dir)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The core reads the text (`views::form`); a date it refuses crosses
    /// as an `invalid` error, blank or not.
    #[test]
    fn a_refused_date_is_an_invalid_error() {
        assert!(opt_day(Some(" ".into())).unwrap().is_none());
        assert_eq!(day("2026-13-01").unwrap_err().code, "invalid");
        assert_eq!(
            opt_day(Some("31/12/2025".into())).unwrap_err().code,
            "invalid"
        );
    }
}
