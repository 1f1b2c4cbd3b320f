//! How two rows (or a row and a stored person) are found to be the same
//! person: the same email in any case, the same phone once normalised (UK
//! numbers with or without +44, spaces and punctuation), or the same name
//! ignoring case, spacing, punctuation and word order.

use super::problems::DuplicateCode;
use crate::model::Profile;

/// The compared form of an email address.
pub fn email_key(email: &str) -> Option<String> {
    let e = email.trim().to_lowercase();
    (!e.is_empty()).then_some(e)
}

/// The compared form of a phone number: digits only, a UK number in its
/// national form (+44 7700 900123, 0044 7700900123 and 07700 900 123 are one).
pub fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    // "+44 (0)7700 ..." keeps the trunk zero after the country code.
    let national = if let Some(rest) = digits.strip_prefix("0044") {
        format!("0{}", rest.trim_start_matches('0'))
    } else if let Some(rest) = digits
        .strip_prefix("44")
        .filter(|_| phone.trim_start().starts_with('+') || digits.len() == 12)
    {
        format!("0{}", rest.trim_start_matches('0'))
    } else if digits.len() == 10 && digits.starts_with('7') {
        // Spreadsheets drop the leading zero of a mobile stored as a number.
        format!("0{digits}")
    } else {
        digits
    };
    // Fewer than 7 digits is not a phone number anyone can be matched on.
    (national.len() >= 7).then_some(national)
}

/// The compared form of a name: lower case, letters and digits of each
/// word, words sorted ("SABA  Tesfay" and "Tesfay, Saba" are one).
pub fn name_key(name: &str) -> Option<String> {
    let mut words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Whether two profiles can be one person: a shared name is not enough
/// when both give an email, or both a phone, and those differ (two people
/// called Amina Yusuf are common; merging them would be worse than a twin).
pub fn compatible(a: &Profile, b: &Profile) -> bool {
    let differ =
        |x: Option<String>, y: Option<String>| matches!((x, y), (Some(x), Some(y)) if x != y);
    !differ(
        a.email.as_deref().and_then(email_key),
        b.email.as_deref().and_then(email_key),
    ) && !differ(
        a.phone.as_deref().and_then(phone_key),
        b.phone.as_deref().and_then(phone_key),
    )
}

/// Every key a profile can be matched on, with what it is.
pub fn profile_keys(p: &Profile) -> Vec<(DuplicateCode, String)> {
    let mut keys = Vec::new();
    if let Some(k) = p.email.as_deref().and_then(email_key) {
        keys.push((DuplicateCode::SameEmail, k));
    }
    if let Some(k) = p.phone.as_deref().and_then(phone_key) {
        keys.push((DuplicateCode::SamePhone, k));
    }
    for name in std::iter::once(&p.display_name).chain(p.full_name.iter()) {
        if let Some(k) = name_key(name)
            && !keys.iter().any(|(_, existing)| *existing == k)
        {
            keys.push((DuplicateCode::SameName, k));
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_phones_compare_in_their_national_form() {
        let want = Some("07700900123".to_string());
        for p in [
            "07700 900123",
            "+44 7700 900 123",
            "+44 (0)7700900123",
            "0044 7700-900-123",
            "447700900123",
            "7700900123",
        ] {
            assert_eq!(phone_key(p), want, "{p}");
        }
        assert_eq!(phone_key("123"), None);
    }

    #[test]
    fn names_and_emails_compare_loosely() {
        assert_eq!(name_key("SABA  Tesfay"), name_key("Tesfay, Saba"));
        assert_eq!(name_key("Nguyễn Thị Lan"), name_key("nguyễn thị lan"));
        assert_ne!(name_key("Amina"), name_key("Amina Y"));
        assert_eq!(name_key("  "), None);
        assert_eq!(
            email_key(" Amina@Example.ORG "),
            Some("amina@example.org".into())
        );
    }
}
