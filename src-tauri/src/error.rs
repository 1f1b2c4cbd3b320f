//! The one error shape that crosses IPC: a stable `code` the UI branches on
//! and one sentence for the person using the app.

use sanctuary_core::CoreError;
use serde::Serialize;
use ts_rs::TS;

/// An error as the webview sees it. `code` is [`CoreError::code`] for core
/// errors, or one of the shell's own: `locked` (the store is not unlocked,
/// for example after auto-lock), `invalid` (a value from the form could not
/// be read), `busy` (the demo store is still being prepared), `self-view`
/// (a coordinator command while self-view is open), `not-self-view`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApiError {
    pub code: String,
    /// The core's English sentence (what the CLI prints and logs show).
    pub message: String,
    /// The same as coded messages ([`CoreError::said`]) when the core has
    /// them: the UI words these in its reader's language instead.
    pub details: Vec<sanctuary_core::matching::Message>,
    /// Without coded messages, what `message` says beyond the code's
    /// translated summary ([`CoreError::specifics`]), shown as written after
    /// it; `None` when the summary says it all.
    pub specifics: Option<String>,
}

/// The codes the shell adds to [`CoreError::CODES`]; the UI's generated
/// `ERROR_CODES` lists both, and each has an `errorCode.*` message.
pub const SHELL_CODES: &[&str] = &["locked", "busy", "self-view", "not-self-view"];

impl ApiError {
    /// An error its code's summary says in full.
    pub fn new(code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            code: code.to_string(),
            message: message.into(),
            details: Vec::new(),
            specifics: None,
        }
    }

    /// An error whose sentence has more than its code says (a path, the
    /// operating system's reason), kept as `specifics`.
    pub fn with_specifics(code: &str, message: impl Into<String>, specifics: String) -> ApiError {
        ApiError {
            specifics: Some(specifics),
            ..ApiError::new(code, message)
        }
    }

    pub fn locked() -> ApiError {
        ApiError::new(
            "locked",
            "The store is locked. Unlock it with your passphrase to go on.",
        )
    }

    /// A coordinator command while an ambassador is in self-view.
    pub fn in_self_view() -> ApiError {
        ApiError::new(
            "self-view",
            "Self-view is open. Leave it with the coordinator's passphrase first.",
        )
    }

    pub fn invalid(message: impl Into<String>) -> ApiError {
        let message = message.into();
        ApiError::with_specifics("invalid", message.clone(), message)
    }
}

impl From<CoreError> for ApiError {
    fn from(e: CoreError) -> ApiError {
        tracing::debug!(error = ?e, "command failed");
        ApiError {
            details: e.said(),
            specifics: e.specifics(),
            ..ApiError::new(e.code(), e.to_string())
        }
    }
}

impl From<sanctuary_core::model::InvalidDate> for ApiError {
    fn from(e: sanctuary_core::model::InvalidDate) -> ApiError {
        CoreError::from(e).into()
    }
}

impl From<sanctuary_core::model::Invalid> for ApiError {
    fn from(e: sanctuary_core::model::Invalid) -> ApiError {
        CoreError::from(e).into()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_their_code_and_sentence() {
        let e: ApiError = CoreError::NotFound {
            what: sanctuary_core::model::Thing::Ambassador,
            key: "Zed".into(),
        }
        .into();
        assert_eq!(e.code, "not-found");
        assert_eq!(e.message, "no ambassador matches 'Zed'");
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["details"][0]["code"], "not-found");
        assert_eq!(
            json["details"][0]["params"]["what"],
            serde_json::json!({"type": "thing", "value": "ambassador"})
        );
        assert_eq!(json["specifics"], serde_json::Value::Null);
    }

    /// An error with no coded messages crosses with only what its code's
    /// summary does not say.
    #[test]
    fn uncoded_errors_cross_with_their_specifics() {
        let e: ApiError = CoreError::Internal("boom".into()).into();
        assert_eq!(e.code, "internal");
        assert_eq!(e.specifics.as_deref(), Some("internal error: boom"));
        let e: ApiError = CoreError::Store(sanctuary_core::StoreError::WrongPassphrase).into();
        assert_eq!((e.code.as_str(), e.specifics), ("wrong-passphrase", None));
    }

    /// A refusal the core codes crosses with its codes and parameters, so
    /// the webview can word it in the reader's language.
    #[test]
    fn coded_refusals_cross_with_their_codes() {
        use sanctuary_core::model::RecognitionKind;
        let e: ApiError = CoreError::PaymentNotAllowed {
            name: "Amina".into(),
            kind: RecognitionKind::Voucher,
            guidance: "Voucher has a cash value.".into(),
            alternatives: vec![RecognitionKind::Certificate],
            note: None,
        }
        .into();
        assert_eq!(e.code, "payment-not-allowed");
        assert!(e.message.starts_with("Amina cannot receive voucher"));
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["details"][0]["code"], "refused-payment");
        assert_eq!(
            json["details"][0]["params"]["kind"],
            serde_json::json!({"type": "kind", "value": "voucher"})
        );
        assert_eq!(
            json["details"][0]["params"]["alternatives"],
            serde_json::json!({"type": "list", "value": [{"type": "kind", "value": "certificate"}]})
        );
    }

    /// A refused value crosses with its code, its field and its parameters,
    /// so the webview words it without the English.
    #[test]
    fn refused_values_cross_with_their_code_and_field() {
        let e: ApiError = sanctuary_core::model::units::parse_hours("lots")
            .unwrap_err()
            .into();
        assert_eq!(e.code, "invalid");
        assert_eq!(
            e.message,
            "hours: 'lots' is not a number of hours, e.g. 1.5"
        );
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(
            json["details"],
            serde_json::json!([{
                "code": "invalid-not-hours",
                "params": {
                    "field": {"type": "field", "value": "hours"},
                    "value": {"type": "text", "value": "lots"},
                },
                "text": "hours: 'lots' is not a number of hours, e.g. 1.5",
            }])
        );
        let e: ApiError = "2026-02-30"
            .parse::<sanctuary_core::model::Day>()
            .unwrap_err()
            .into();
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["details"][0]["code"], "invalid-not-a-date");
        assert_eq!(
            json["details"][0]["params"]["value"],
            serde_json::json!({"type": "text", "value": "2026-02-30"})
        );
    }

    #[test]
    fn every_shell_code_has_a_message_in_every_ui_language() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/messages");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let messages: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&text).unwrap();
            for code in SHELL_CODES {
                assert!(
                    messages.contains_key(&format!("errorCode.{code}")),
                    "{} has no message for {code}",
                    path.display()
                );
            }
        }
    }
}
