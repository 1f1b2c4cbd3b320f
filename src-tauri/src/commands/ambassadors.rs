//! The ambassador list, profiles, consent and each person's records.

use sanctuary_core::model::{Day, units};
use sanctuary_core::views::{AmbassadorDetail, ProfileForm, RowList, SearchResult};
use tauri::State;

use crate::dto::ambassador::{
    AmbassadorQuery, ConsentInput, ContributionInput, PathwayInput, RecognitionInput, TrainingInput,
};
use crate::dto::{day, opt_text};
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub async fn search_ambassadors(
    state: State<'_, AppState>,
    query: AmbassadorQuery,
) -> ApiResult<SearchResult> {
    state.read(|s| Ok(SearchResult::new(s, &query.into())))
}

/// Every row of the list with the text free-text search looks at: the list
/// filters as the coordinator types, without a call per keystroke.
#[tauri::command]
pub async fn ambassador_rows(state: State<'_, AppState>) -> ApiResult<RowList> {
    state.read(|s| Ok(RowList::new(s)))
}

#[tauri::command]
pub async fn get_ambassador(state: State<'_, AppState>, id: String) -> ApiResult<AmbassadorDetail> {
    state.read(|s| {
        let doc = s.ambassador(&id)?;
        Ok(AmbassadorDetail::new(s, doc, Day::today()))
    })
}

#[tauri::command]
pub async fn add_ambassador(state: State<'_, AppState>, profile: ProfileForm) -> ApiResult<String> {
    let profile = profile.into_profile(String::new())?;
    state.with(|s| Ok(s.add_ambassador(profile)?))
}

#[tauri::command]
pub async fn edit_ambassador(
    state: State<'_, AppState>,
    id: String,
    profile: ProfileForm,
) -> ApiResult<()> {
    let profile = profile.into_profile(id.clone())?;
    state.with(|s| {
        Ok(s.edit_profile(&id, |p| {
            *p = profile;
            Ok(())
        })?)
    })
}

#[tauri::command]
pub async fn add_consent(
    state: State<'_, AppState>,
    ambassador_id: String,
    consent: ConsentInput,
) -> ApiResult<String> {
    let consent = consent.into_core()?;
    state.with(|s| Ok(s.add_consent(&ambassador_id, consent)?))
}

/// Adds a role to the person's pathway; returns its id.
#[tauri::command]
pub async fn add_pathway(
    state: State<'_, AppState>,
    ambassador_id: String,
    pathway: PathwayInput,
) -> ApiResult<String> {
    let pathway = pathway.into_core()?;
    state.with(|s| Ok(s.add_pathway(&ambassador_id, pathway)?))
}

/// Records the last day of a role on the person's pathway; returns its id.
#[tauri::command]
pub async fn end_pathway(
    state: State<'_, AppState>,
    ambassador_id: String,
    pathway_id: String,
    to: String,
) -> ApiResult<String> {
    let to = day(&to)?;
    state.with(|s| Ok(s.end_pathway(&ambassador_id, &pathway_id, to)?))
}

#[tauri::command]
pub async fn record_training(
    state: State<'_, AppState>,
    ambassador_id: String,
    record: TrainingInput,
) -> ApiResult<String> {
    let record = record.into_core()?;
    state.with(|s| Ok(s.record_training(&ambassador_id, record)?))
}

#[tauri::command]
pub async fn log_contribution(
    state: State<'_, AppState>,
    ambassador_id: String,
    contribution: ContributionInput,
) -> ApiResult<String> {
    let minutes = units::parse_hours(&contribution.hours)?;
    let date = day(&contribution.date)?;
    let project_id = opt_text(contribution.project_id);
    state.with(|s| {
        let stream = sanctuary_core::views::contribution_stream(
            s,
            project_id.as_deref(),
            contribution.stream,
        )?;
        let record = sanctuary_core::model::Contribution {
            id: String::new(),
            project_id,
            date,
            role: contribution.role.trim().to_string(),
            stream,
            minutes,
        };
        Ok(s.log_contribution(&ambassador_id, record)?)
    })
}

/// Logs recognition. The core refuses payment-like kinds for people who may
/// not be paid (`payment-not-allowed`, with what to give instead) and asks for
/// `checked` when their profile says to check first (`check-first`).
#[tauri::command]
pub async fn log_recognition(
    state: State<'_, AppState>,
    ambassador_id: String,
    recognition: RecognitionInput,
) -> ApiResult<String> {
    let (recognition, checked) = recognition.into_core()?;
    state.with(|s| Ok(s.log_recognition(&ambassador_id, recognition, checked)?))
}
