//! Ambassador rows: each read into a profile or rejected, then duplicates
//! joined (within the file and with people already stored) and merged so
//! that no value from any row is lost.

use std::collections::HashMap;

use super::identity::{compatible, profile_keys};
use super::problems::{DuplicateCode, ProblemCode, RowProblem};
use super::records::Existing;
use super::{DuplicateRow, Plan, RejectedRow, Row, parse_day};
use crate::model::{
    AmbassadorDoc, Day, Field, LanguageLevel, PaymentConstraint, Profile, Status, new_id,
    normalise_tag,
};

/// Reads every row, joins duplicates and decides what is written.
pub(super) fn plan(rows: &[Row<'_>], store: &Existing<'_>) -> Plan {
    let mut plan = Plan::default();
    let mut people: Vec<(usize, Profile)> = Vec::new();
    for row in rows {
        match profile(row) {
            Ok(p) => people.push((row.number, p)),
            Err(problems) => plan.rejected.push(RejectedRow::new(row.number, problems)),
        }
    }

    // Groups of rows that are one person: each row joins the group of the
    // first earlier row sharing any key with it.
    let mut group_of_key: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, (number, p)) in people.iter().enumerate() {
        let keys = profile_keys(p);
        // An email or phone match is the same person; a name match only
        // when nothing the two rows give contradicts it.
        let found = keys.iter().find_map(|(why, k)| {
            group_of_key
                .get(k)
                .filter(|g| {
                    *why != DuplicateCode::SameName || compatible(&people[groups[**g][0]].1, p)
                })
                .map(|g| (*g, *why))
        });
        let group = match found {
            Some((g, why)) => {
                let first = people[groups[g][0]].0;
                plan.duplicates
                    .push(DuplicateRow::of_row(*number, first, why));
                groups[g].push(i);
                g
            }
            None => {
                groups.push(vec![i]);
                groups.len() - 1
            }
        };
        for (_, k) in keys {
            group_of_key.entry(k).or_insert(group);
        }
    }

    let mut changed: HashMap<String, AmbassadorDoc> = HashMap::new();
    for group in groups {
        let mut merged = people[group[0]].1.clone();
        for &i in &group[1..] {
            merge_profile(&mut merged, &people[i].1);
        }
        let first_row = people[group[0]].0;
        let matches = store.people_matching(&merged);
        match matches.as_slice() {
            [] => {
                plan.created += 1;
                plan.new.push(AmbassadorDoc::new(merged));
            }
            [(doc, why)] => {
                plan.duplicates.push(DuplicateRow::of_stored(
                    first_row,
                    &doc.profile.display_name,
                    *why,
                ));
                let target = changed
                    .entry(doc.id().to_string())
                    .or_insert_with(|| (*doc).clone());
                merge_profile(&mut target.profile, &merged);
            }
            many => {
                let names: Vec<&str> = many
                    .iter()
                    .map(|(d, _)| d.profile.display_name.as_str())
                    .collect();
                for &i in &group {
                    plan.rejected.push(RejectedRow::new(
                        people[i].0,
                        vec![RowProblem::new(
                            ProblemCode::AmbiguousPerson,
                            "name",
                            Some(&names.join(", ")),
                            format!(
                                "matches more than one person already here ({}); merge them first or correct the row",
                                names.join(", ")
                            ),
                        )],
                    ));
                }
            }
        }
    }
    // A stored person the file only repeats is not rewritten.
    plan.changed = changed
        .into_values()
        .filter(|d| store.get(d.id()).is_none_or(|old| old.profile != d.profile))
        .collect();
    plan.changed.sort_by(|a, b| a.id().cmp(b.id()));
    plan.rejected.sort_by_key(|r| r.row);
    plan
}

/// One row as a profile, or every reason it is not one.
fn profile(row: &Row<'_>) -> Result<Profile, Vec<RowProblem>> {
    let mut reasons = Vec::new();
    let first = row.text("first-name");
    let surname = row.text("surname");
    let full_from_parts = match (&first, &surname) {
        (Some(f), Some(s)) => Some(format!("{f} {s}")),
        _ => None,
    };
    let display = row
        .text("name")
        .or_else(|| first.clone())
        .or_else(|| row.text("full-name"));
    let region = row.text("region");
    let joined = match row.cell("joined") {
        Some(cell) => parse_day(cell)
            .map_err(|e| reasons.push(RowProblem::date("joined", e)))
            .ok(),
        None => Some(Day::today()),
    };
    if display.is_none() {
        reasons.push(RowProblem::empty(ProblemCode::EmptyName, "name"));
    }
    if region.is_none() {
        reasons.push(RowProblem::empty(ProblemCode::EmptyRegion, "region"));
    }
    let payment = match row.text("payment") {
        None => Some(PaymentConstraint::CheckFirst),
        Some(answer) => payment(&answer).map_err(|e| reasons.push(e)).ok(),
    };
    let status = match row.text("status") {
        None => Some(Status::Active),
        Some(s) => s
            .parse::<Status>()
            .map_err(|e| {
                reasons.push(RowProblem::new(
                    ProblemCode::BadStatus,
                    "status",
                    Some(&s),
                    e.to_string(),
                ))
            })
            .ok(),
    };
    let languages = match row.text("languages") {
        None => Some(Default::default()),
        Some(text) => languages(&text).map_err(|e| reasons.push(e)).ok(),
    };
    let (Some(display), Some(region), Some(joined), Some(payment), Some(status), Some(languages)) =
        (display, region, joined, payment, status, languages)
    else {
        return Err(reasons);
    };
    let mut p = Profile::new(new_id(), &display, &region, joined);
    p.full_name = row
        .text("full-name")
        .or(full_from_parts)
        .filter(|f| *f != p.display_name);
    p.email = row.text("email");
    p.phone = row.text("phone");
    p.pronouns = row.text("pronouns");
    p.local_group = row.text("group");
    p.access_needs = row.text("access-needs");
    p.notes = row.text("notes").unwrap_or_default();
    p.payment = payment;
    p.status = status;
    p.languages = languages;
    for (field, tags) in [("skills", &mut p.skills), ("interests", &mut p.interests)] {
        for word in row.text(field).iter().flat_map(|t| split_list(t)) {
            tags.insert(&word);
        }
    }
    p.validate().map_err(|e| {
        let value = match e.field {
            Field::Email => p.email.clone(),
            Field::Phone => p.phone.clone(),
            _ => None,
        };
        vec![RowProblem::invalid(&e, value.as_deref())]
    })?;
    Ok(p)
}

fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '/', '\n', '|'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// "Arabic (native), English - fluent; Tigrinya" -> language -> level;
/// a language without a level is taken as conversational.
fn languages(text: &str) -> Result<std::collections::BTreeMap<String, LanguageLevel>, RowProblem> {
    let mut out = std::collections::BTreeMap::new();
    for item in split_list(text) {
        let (name, level) = match item.split_once(['(', ':', '-']) {
            Some((name, level)) => (name.trim(), Some(level.trim().trim_end_matches(')').trim())),
            None => (item.as_str(), None),
        };
        let level = match level.filter(|l| !l.is_empty()) {
            None => LanguageLevel::Conversational,
            Some(word) => match word.to_lowercase().as_str() {
                "mother tongue" | "first language" | "first" => LanguageLevel::Native,
                "good" | "some" | "intermediate" => LanguageLevel::Conversational,
                "beginner" | "a little" | "learning" => LanguageLevel::Basic,
                "fluent" | "advanced" => LanguageLevel::Fluent,
                other => other.parse::<LanguageLevel>().map_err(|_| {
                    RowProblem::new(
                        ProblemCode::BadLanguageLevel,
                        "languages",
                        Some(word),
                        format!("'{word}' is not a language level for {name} (basic, conversational, fluent or native)"),
                    )
                })?,
            },
        };
        out.insert(normalise_tag(name), level);
    }
    Ok(out)
}

/// The answer to "Payment OK?" as people write it. Anything else (such as
/// "Maybe") is refused: guessing here could put someone at risk.
fn payment(answer: &str) -> Result<PaymentConstraint, RowProblem> {
    match answer.trim().to_lowercase().trim_end_matches('.') {
        "yes" | "y" | "true" | "ok" | "allowed" | "can be paid" => Ok(PaymentConstraint::Allowed),
        "no" | "n" | "false" | "not allowed" | "not-allowed" | "cannot be paid" => {
            Ok(PaymentConstraint::NotAllowed)
        }
        "check" | "check first" | "check-first" | "ask" | "ask first" => {
            Ok(PaymentConstraint::CheckFirst)
        }
        _ => Err(RowProblem::new(
            ProblemCode::BadPayment,
            "payment",
            Some(answer.trim()),
            format!(
                "'{}' is not a payment answer; write yes, no or check first",
                answer.trim()
            ),
        )),
    }
}

/// Adds what `from` knows to `into`: sets are joined, empty fields filled,
/// and a different value of a field already set is kept in the notes, so
/// nothing either row said is lost. Payment keeps the more careful answer.
pub(crate) fn merge_profile(into: &mut Profile, from: &Profile) {
    let mut also: Vec<String> = Vec::new();
    let mut keep =
        |label: &str, into: &mut Option<String>, from: &Option<String>| match (into.as_ref(), from)
        {
            (None, Some(v)) => *into = Some(v.clone()),
            (Some(a), Some(b)) if !a.eq_ignore_ascii_case(b) => also.push(format!("{label}: {b}")),
            _ => {}
        };
    keep("full name", &mut into.full_name, &from.full_name);
    keep("email", &mut into.email, &from.email);
    keep("phone", &mut into.phone, &from.phone);
    keep("pronouns", &mut into.pronouns, &from.pronouns);
    keep("group", &mut into.local_group, &from.local_group);
    keep("access needs", &mut into.access_needs, &from.access_needs);
    if !into.display_name.eq_ignore_ascii_case(&from.display_name)
        && into.full_name.as_deref() != Some(from.display_name.as_str())
    {
        also.push(format!("name: {}", from.display_name));
    }
    if !into.region.eq_ignore_ascii_case(&from.region) {
        also.push(format!("region: {}", from.region));
    }
    for (lang, level) in &from.languages {
        let entry = into.languages.entry(lang.clone()).or_insert(*level);
        *entry = (*entry).max(*level);
    }
    for word in from.skills.iter() {
        into.skills.insert(word);
    }
    for word in from.interests.iter() {
        into.interests.insert(word);
    }
    for word in from.organisations.iter() {
        into.organisations.insert(word);
    }
    into.joined = into.joined.min(from.joined);
    into.payment = careful(into.payment, from.payment);
    if !from.notes.is_empty() && !into.notes.contains(&from.notes) {
        also.push(from.notes.clone());
    }
    let also: Vec<String> = also
        .into_iter()
        .filter(|a| !into.notes.contains(a.as_str()))
        .collect();
    if !also.is_empty() {
        if !into.notes.is_empty() {
            into.notes.push('\n');
        }
        into.notes
            .push_str(&format!("Also recorded (import): {}", also.join("; ")));
    }
}

fn careful(a: PaymentConstraint, b: PaymentConstraint) -> PaymentConstraint {
    use PaymentConstraint::*;
    match (a, b) {
        (NotAllowed, _) | (_, NotAllowed) => NotAllowed,
        (CheckFirst, _) | (_, CheckFirst) => CheckFirst,
        _ => Allowed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_name_with_different_emails_is_two_people() {
        let day = Day::from_ymd(2023, 3, 14).expect("day");
        let mut a = Profile::new("a".into(), "Amina Yusuf", "Leeds", day);
        a.email = Some("amina@example.org".into());
        let mut b = a.clone();
        assert!(compatible(&a, &b));
        b.email = Some("amina.y@example.org".into());
        assert!(!compatible(&a, &b));
        b.email = None;
        b.phone = Some("07700 900123".into());
        assert!(compatible(&a, &b), "nothing contradicts");
    }

    #[test]
    fn payment_answers() {
        assert_eq!(payment("Yes"), Ok(PaymentConstraint::Allowed));
        assert_eq!(payment("no."), Ok(PaymentConstraint::NotAllowed));
        assert_eq!(payment("Check first"), Ok(PaymentConstraint::CheckFirst));
        assert!(payment("Maybe").is_err());
    }

    #[test]
    fn languages_with_and_without_levels() {
        let got = languages("Arabic (native), English - fluent; Tigrinya").expect("valid");
        assert_eq!(got.get("arabic"), Some(&LanguageLevel::Native));
        assert_eq!(got.get("english"), Some(&LanguageLevel::Fluent));
        assert_eq!(got.get("tigrinya"), Some(&LanguageLevel::Conversational));
        assert!(languages("French (so-so)").is_err());
    }

    #[test]
    fn merging_keeps_every_value() {
        let day = Day::from_ymd(2023, 3, 14).expect("day");
        let mut a = Profile::new("a".into(), "Saba", "Coventry", day);
        a.email = Some("saba@example.org".into());
        a.skills.insert("public speaking");
        a.payment = PaymentConstraint::Allowed;
        let mut b = Profile::new(
            "b".into(),
            "Saba",
            "Birmingham",
            Day::from_ymd(2022, 1, 1).expect("day"),
        );
        b.email = Some("s.tesfay@example.org".into());
        b.phone = Some("07700 900123".into());
        b.skills.insert("translation");
        b.payment = PaymentConstraint::NotAllowed;
        merge_profile(&mut a, &b);
        assert_eq!(a.phone.as_deref(), Some("07700 900123"));
        assert!(a.skills.contains("public speaking") && a.skills.contains("translation"));
        assert_eq!(a.payment, PaymentConstraint::NotAllowed);
        assert_eq!(a.joined, Day::from_ymd(2022, 1, 1).expect("day"));
        assert!(
            a.notes.contains("s.tesfay@example.org") && a.notes.contains("Birmingham"),
            "{}",
            a.notes
        );
        let before = a.clone();
        merge_profile(&mut a, &b);
        assert_eq!(a, before, "merging the same row again adds nothing");
    }
}
