//! The catalog (courses, skills and interests) and training that runs out.

use sanctuary_core::model::Day;
use tauri::State;

use crate::dto::catalog::{CatalogView, Course, ExpiringTraining};
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_catalog(state: State<'_, AppState>) -> ApiResult<CatalogView> {
    state.read(|s| Ok(CatalogView::from(s.catalog())))
}

#[tauri::command]
pub async fn add_course(state: State<'_, AppState>, course: Course) -> ApiResult<String> {
    let course = course.into_core();
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
    state.read(|s| Ok(sanctuary_core::views::expiring(s, Day::today(), days, true)))
}
