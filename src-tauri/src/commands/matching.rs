//! Matching on the project page: rank and explain, suggest a team, move
//! invitations, and a recurring seat's rota, and the network's match
//! settings. Each command calls one core function.

use sanctuary_core::matching::{MatchOptions, MatchSettings};
use sanctuary_core::model::Day;
use tauri::State;

use sanctuary_core::model::RotaTurn;
use sanctuary_core::views::{Invitation, MatchSettingsView, MatchView, RotaPlan, RotaSummary};

use crate::dto::matching::{InvitationInput, RotaTurnInput};
use crate::dto::{day, opt_text};
use crate::error::ApiResult;
use crate::state::AppState;

/// Ranks everyone for `id`, lists who is not eligible and why, and suggests
/// a team for `places` (the project's own number when `None`). At most
/// `limit` people come back in each list.
#[tauri::command]
pub async fn match_project(
    state: State<'_, AppState>,
    id: String,
    places: Option<u32>,
    limit: Option<u32>,
) -> ApiResult<MatchView> {
    let options = MatchOptions {
        places,
        limit: limit.map(|l| l as usize),
        ..MatchOptions::default()
    };
    state.read(|s| Ok(s.match_project(&id, &options)?.into()))
}

/// The network's match weights and thresholds, with their defaults.
#[tauri::command]
pub async fn match_settings(state: State<'_, AppState>) -> ApiResult<MatchSettingsView> {
    state.read(|s| Ok(MatchSettingsView::new(s.match_settings())))
}

/// Saves the network's match settings (refused, changing nothing, when out
/// of range); they reach other laptops with the next sync.
#[tauri::command]
pub async fn save_match_settings(
    state: State<'_, AppState>,
    settings: MatchSettings,
) -> ApiResult<MatchSettingsView> {
    state.with(|s| {
        s.set_match_settings(settings)?;
        Ok(MatchSettingsView::new(s.match_settings()))
    })
}

#[tauri::command]
pub async fn list_invitations(
    state: State<'_, AppState>,
    project_id: String,
) -> ApiResult<Vec<Invitation>> {
    state.with(|s| Ok(s.invitations(&project_id)?.iter().map(Into::into).collect()))
}

/// Moves one person's invitation on (creating it when they are first
/// shortlisted or invited); `attended` logs their hours as a contribution.
#[tauri::command]
pub async fn set_invitation(
    state: State<'_, AppState>,
    project_id: String,
    ambassador_id: String,
    change: InvitationInput,
) -> ApiResult<Invitation> {
    let change = change.into_core(Day::today())?;
    state.with(|s| {
        Ok((&s
            .set_invitation(&project_id, &ambassador_id, change)?
            .invitation)
            .into())
    })
}

#[tauri::command]
pub async fn rota_summary(
    state: State<'_, AppState>,
    project_id: String,
) -> ApiResult<RotaSummary> {
    state.with(|s| Ok(s.rota_summary(&project_id)?.into()))
}

/// Adds and removes rota members (ambassador ids) and sets the seats per
/// meeting; a project with members has a rota.
#[tauri::command]
pub async fn edit_rota(
    state: State<'_, AppState>,
    project_id: String,
    add: Vec<String>,
    remove: Vec<String>,
    seats: Option<u32>,
) -> ApiResult<RotaSummary> {
    state.with(|s| Ok(s.edit_rota(&project_id, &add, &remove, seats)?.into()))
}

/// The fair order of the rota's members for the meeting on `date` (today
/// when blank).
#[tauri::command]
pub async fn rota_plan(
    state: State<'_, AppState>,
    project_id: String,
    date: Option<String>,
) -> ApiResult<RotaPlan> {
    let date = match opt_text(date) {
        Some(d) => day(&d)?,
        None => Day::today(),
    };
    state.with(|s| {
        Ok(s.rota_plan(&project_id, date, &MatchOptions::default())?
            .into())
    })
}

/// Records who takes the seat(s) at a meeting: the fair suggestion, or the
/// people named with the reason for choosing them instead.
#[tauri::command]
pub async fn assign_rota_turn(
    state: State<'_, AppState>,
    project_id: String,
    turn: RotaTurnInput,
) -> ApiResult<RotaTurn> {
    let assignment = turn.into_core(Day::today())?;
    state.with(|s| Ok(s.assign_rota_turn(&project_id, assignment)?))
}
