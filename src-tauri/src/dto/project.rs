//! The project page's form for a "you said, we did" outcome. The project
//! list, the project page and the project form are the core's views
//! (`sanctuary_core::views`).

use sanctuary_core::model as m;
use serde::Deserialize;
use ts_rs::TS;

use super::opt_day;
use crate::error::ApiResult;

/// A new "you said, we did" outcome as the project page's form sends it.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct OutcomeInput {
    pub text: String,
    pub recorded_by: String,
    /// `YYYY-MM-DD`; today when blank.
    pub date: Option<String>,
}

impl OutcomeInput {
    pub fn into_core(self) -> ApiResult<m::Outcome> {
        Ok(m::Outcome {
            id: String::new(),
            date: opt_day(self.date)?.unwrap_or_else(m::Day::today),
            text: self.text,
            recorded_by: self.recorded_by,
        })
    }
}
