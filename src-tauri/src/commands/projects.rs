//! Projects: list, page, add and edit.

use sanctuary_core::views::{ProjectForm, ProjectPage, ProjectRow};
use tauri::State;

use crate::dto::project::OutcomeInput;
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_projects(state: State<'_, AppState>) -> ApiResult<Vec<ProjectRow>> {
    state.read(|s| Ok(s.projects().into_iter().map(ProjectRow::from).collect()))
}

#[tauri::command]
pub async fn get_project(state: State<'_, AppState>, id: String) -> ApiResult<ProjectPage> {
    state.read(|s| {
        let doc = s.project(&id)?;
        Ok(ProjectPage::new(s, doc))
    })
}

#[tauri::command]
pub async fn add_project(state: State<'_, AppState>, project: ProjectForm) -> ApiResult<String> {
    let project = project.into_project(String::new())?;
    state.with(|s| Ok(s.add_project(project)?))
}

#[tauri::command]
pub async fn edit_project(
    state: State<'_, AppState>,
    id: String,
    project: ProjectForm,
) -> ApiResult<()> {
    let project = project.into_project(id.clone())?;
    state.with(|s| {
        Ok(s.edit_project(&id, |p| {
            *p = project;
            Ok(())
        })?)
    })
}

/// Records a "you said, we did" outcome on the project; returns the page again.
#[tauri::command]
pub async fn add_outcome(
    state: State<'_, AppState>,
    project_id: String,
    outcome: OutcomeInput,
) -> ApiResult<ProjectPage> {
    let outcome = outcome.into_core()?;
    state.with(|s| {
        s.add_outcome(&project_id, outcome)?;
        let doc = s.project(&project_id)?;
        Ok(ProjectPage::new(s, doc))
    })
}
