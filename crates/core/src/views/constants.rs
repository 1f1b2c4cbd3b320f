//! The constants the UI shares with the core, written as TypeScript next to
//! the generated bindings, so a select lists exactly the core's words and the
//! UI knows every error code the core can return.

use std::fmt::Display;

use crate::error::CoreError;
use crate::model as m;
use crate::sanctuary::REMINDER_DAYS;

fn list<T: Display>(all: &[T]) -> String {
    let words: Vec<String> = all.iter().map(|w| format!("\"{w}\"")).collect();
    format!("[{}]", words.join(", "))
}

/// `vocabularies.ts`: every word of each closed vocabulary in the core's
/// order, the recognition kinds that involve money or are reimbursements, the
/// reminder bands and every core error code (plus `extra_codes`, the ones
/// the app shell adds).
pub fn constants_ts(extra_codes: &[&str]) -> String {
    let entries = [
        ("STATUSES", "Status", list(m::Status::ALL)),
        (
            "PAYMENT_CONSTRAINTS",
            "PaymentConstraint",
            list(m::PaymentConstraint::ALL),
        ),
        ("CHANNELS", "Channel", list(m::Channel::ALL)),
        (
            "LANGUAGE_LEVELS",
            "LanguageLevel",
            list(m::LanguageLevel::ALL),
        ),
        ("WEEKDAYS", "Weekday", list(m::Weekday::ALL)),
        ("TIMES_OF_DAY", "TimeOfDay", list(m::TimeOfDay::ALL)),
        ("CONSENT_SCOPES", "ConsentScope", list(m::ConsentScope::ALL)),
        ("STREAMS", "Stream", list(m::Stream::ALL)),
        ("LEVELS", "Level", list(m::Level::ALL)),
        ("DELIVERY_MODES", "DeliveryMode", list(m::DeliveryMode::ALL)),
        (
            "RECOGNITION_KINDS",
            "RecognitionKind",
            list(m::RecognitionKind::ALL),
        ),
        ("VERDICTS", "Verdict", list(m::Verdict::ALL)),
        (
            "EXPENSE_STATUSES",
            "ExpenseStatus",
            list(m::ExpenseStatus::ALL),
        ),
        (
            "INVITATION_STATUSES",
            "InvitationStatus",
            list(m::InvitationStatus::ALL),
        ),
        ("PATHWAY_ROLES", "PathwayRole", list(m::PathwayRole::ALL)),
    ];
    let mut out = String::from(
        "// Generated from sanctuary-core (cargo test -p sanctuary-app export_bindings): every word of each core vocabulary and the constants the UI shares with the core. Do not edit.\n",
    );
    for (_, ty, _) in &entries {
        out.push_str(&format!("import type {{ {ty} }} from \"./{ty}\";\n"));
    }
    for (name, ty, words) in &entries {
        out.push_str(&format!(
            "\nexport const {name}: readonly {ty}[] = {words};\n"
        ));
    }
    let money: Vec<m::RecognitionKind> = m::RecognitionKind::ALL
        .iter()
        .copied()
        .filter(|k| k.involves_money())
        .collect();
    let reimbursements: Vec<m::RecognitionKind> = m::RecognitionKind::ALL
        .iter()
        .copied()
        .filter(|k| k.is_reimbursement())
        .collect();
    out.push_str(&format!(
        "\n/** Kinds that record an amount in pounds. */\nexport const MONEY_KINDS: readonly RecognitionKind[] = {};\n",
        list(&money)
    ));
    out.push_str(&format!(
        "\n/** Kinds that pay back costs actually incurred: they carry a receipt and a claim status. (Who may receive what is the network's policy, read from the backend.) */\nexport const REIMBURSEMENT_KINDS: readonly RecognitionKind[] = {};\n",
        list(&reimbursements)
    ));
    let bands: Vec<String> = REMINDER_DAYS.iter().map(i64::to_string).collect();
    out.push_str(&format!(
        "\n/** Days before expiry a training reminder shows, widest first. */\nexport const REMINDER_DAYS: readonly number[] = [{}];\n",
        bands.join(", ")
    ));
    let mut codes: Vec<&str> = CoreError::CODES.to_vec();
    codes.extend(extra_codes.iter().filter(|c| !CoreError::CODES.contains(c)));
    out.push_str(&format!(
        "\n/** Every error code a command can fail with; each has an `errorCode.*` message. */\nexport const ERROR_CODES = {} as const;\n\nexport type ErrorCode = (typeof ERROR_CODES)[number];\n",
        list(&codes)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_words_constants_and_codes() {
        let ts = constants_ts(&["locked", "invalid"]);
        assert!(ts.contains("export const STREAMS: readonly Stream[] = [\"schools\","));
        assert!(ts.contains("REMINDER_DAYS: readonly number[] = [60, 30, 7]"));
        assert!(ts.contains("\"bundle-altered\""));
        // A shell code is added once, after the core's own.
        let last = CoreError::CODES.last().expect("codes");
        assert!(ts.contains(&format!("\"{last}\", \"locked\"]")), "{ts}");
        assert_eq!(ts.matches("\"invalid\"").count(), 1);
    }
}
