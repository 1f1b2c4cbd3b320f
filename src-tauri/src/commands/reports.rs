//! Reports for trustees and funders, with the tables behind their charts.

use sanctuary_core::model::Day;
use sanctuary_core::reports::{Period, ReportKind, ReportOptions, ReportPage};
use tauri::State;

use crate::dto::opt_day;
use crate::error::ApiResult;
use crate::state::AppState;

/// One report over `from`..`to` (blank for an open end); `quiet_months` is
/// participation's "not offered anything lately" (default 6, 1 to 120).
#[tauri::command]
pub async fn report(
    state: State<'_, AppState>,
    kind: ReportKind,
    from: Option<String>,
    to: Option<String>,
    quiet_months: Option<u32>,
) -> ApiResult<ReportPage> {
    let (from, to) = (opt_day(from)?, opt_day(to)?);
    let options = ReportOptions {
        period: Period::checked(from, to)?,
        today: to.unwrap_or_else(Day::today),
        quiet_months: quiet_months.unwrap_or(6).clamp(1, 120),
    };
    state.read(|s| Ok(s.report(kind, &options).into()))
}
