//! The catalog (courses, skills and interests) and training that runs out.

use sanctuary_core::model::{Course, Day};
use sanctuary_core::views::{self, CatalogView, ExpiringTraining};
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_catalog(state: State<'_, AppState>) -> ApiResult<CatalogView> {
    state.read(|s| Ok(views::catalog_view(s.catalog())))
}

/// Adds a course from the training screen's form (the core trims the title
/// and writes the languages as tags, as it does for the CLI).
#[tauri::command]
pub async fn add_course(state: State<'_, AppState>, course: Course) -> ApiResult<String> {
    state.with(|s| Ok(s.add_course(course)?))
}

/// Training that has expired or expires within `days` (default 60, the
/// widest reminder band; at most 366).
#[tauri::command]
pub async fn expiring_training(
    state: State<'_, AppState>,
    days: Option<u16>,
) -> ApiResult<Vec<ExpiringTraining>> {
    let days = days.map_or(sanctuary_core::REMINDER_DAYS[0], |d| i64::from(d.min(366)));
    state.read(|s| Ok(views::expiring(s, Day::today(), days, true)))
}
