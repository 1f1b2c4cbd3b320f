//! The About screen: version, build date and bundled components' licences.
//! Needs no store, so it answers locked or unlocked.

use sanctuary_core::about::About;

use crate::error::ApiResult;

#[tauri::command]
pub async fn about() -> ApiResult<About> {
    Ok(sanctuary_core::about::about())
}
