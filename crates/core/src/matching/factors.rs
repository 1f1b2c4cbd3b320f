//! The ranking factors: each gives whole points (so they add up exactly to
//! the total a coordinator sees) and a reason in plain words.
//!
//! * **required skills** and **desired skills**: the share of the project's
//!   skills the person has, times the weight;
//! * **interests**: an interest counts when it is one the project's stream
//!   is about (see [`stream_interests`]) or appears as whole words in the
//!   project's title or description; one interest gives half the weight, two
//!   or more the full weight;
//! * **languages**: the share of the languages the project needs that the
//!   person speaks, a basic level counting half;
//! * **locality** and **fairness**: see their modules.
//!
//! A factor that cannot tell people apart for this project (no required
//! skills, no languages needed, an online project's locality) scores 0 out
//! of 0 and says why, rather than handing everyone the same free points.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

use super::Context;
use crate::model::{AmbassadorDoc, LanguageLevel, Stream, Tags};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Factor {
    RequiredSkills,
    DesiredSkills,
    Interests,
    Languages,
    Locality,
    Fairness,
}

/// One factor's contribution to a candidate's total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactorScore {
    pub factor: Factor,
    pub points: i32,
    /// The most this factor can give for this project (0 if it does not apply).
    pub max: i32,
    /// A `Cow`, so the fixed texts most people share are not allocated per person.
    pub reason: Cow<'static, str>,
}

impl FactorScore {
    /// `fraction` (-1 to 1) of `weight`, rounded to whole points.
    pub(crate) fn new(
        factor: Factor,
        weight: i32,
        fraction: f64,
        reason: impl Into<Cow<'static, str>>,
    ) -> Self {
        FactorScore {
            factor,
            points: (f64::from(weight) * fraction).round() as i32,
            max: weight,
            reason: reason.into(),
        }
    }

    pub(crate) fn not_applicable(factor: Factor, reason: impl Into<Cow<'static, str>>) -> Self {
        FactorScore {
            factor,
            points: 0,
            max: 0,
            reason: reason.into(),
        }
    }
}

/// Interests a project's stream is about, as the network's vocabulary words them.
pub fn stream_interests(stream: Stream) -> &'static [&'static str] {
    match stream {
        Stream::Schools => &["education", "youth"],
        Stream::Universities => &["education", "research"],
        Stream::LocalAuthorities => &["welcoming cities", "housing", "employment", "campaigning"],
        Stream::Health => &["health", "mental health"],
        Stream::AwardsPanel => &["welcoming cities", "education"],
        Stream::Media => &["campaigning", "arts", "media"],
        Stream::AdvisoryGroup => &["campaigning", "legal rights", "policy"],
        Stream::Training => &["education", "training"],
        Stream::FocusGroup => &["research"],
        Stream::Other => &[],
    }
}

/// Appends `item` to a list being written as "a, b, c" (or "a or b").
fn push_item(list: &mut String, item: &str, separator: &str) {
    if !list.is_empty() {
        list.push_str(separator);
    }
    list.push_str(item);
}

/// Required or desired skills; the skills covered are added to `covered`.
pub(crate) fn skills(
    factor: Factor,
    wanted: &Tags,
    has: &Tags,
    weight: i32,
    kind: &str,
    mut covered: Option<&mut Vec<String>>,
) -> FactorScore {
    if wanted.is_empty() {
        let reason = match factor {
            Factor::RequiredSkills => "the project lists no required skills",
            _ => "the project lists no desired skills",
        };
        return FactorScore::not_applicable(factor, reason);
    }
    let count = wanted.iter().filter(|s| has.contains(s)).count();
    // The reason is written straight into one string: this runs for every
    // eligible person.
    let mut reason = String::with_capacity(64);
    let (got, missing) = (count > 0, count < wanted.len());
    match (got, missing) {
        (true, false) => {
            let _ = write!(reason, "has every {kind} skill (");
        }
        (false, _) => {
            let _ = write!(reason, "has none of the {kind} skills (");
        }
        (true, true) => {
            let _ = write!(reason, "has {count} of {} {kind} skills (", wanted.len());
        }
    }
    let mut first = true;
    for skill in wanted.iter().filter(|s| has.contains(s) == got) {
        reason.push_str(if first { "" } else { ", " });
        reason.push_str(skill);
        first = false;
        if let (true, Some(covered)) = (got, covered.as_deref_mut()) {
            covered.push(skill.to_string());
        }
    }
    reason.push(')');
    if got && missing {
        reason.push_str("; not ");
        let mut first = true;
        for skill in wanted.iter().filter(|s| !has.contains(s)) {
            reason.push_str(if first { "" } else { ", " });
            reason.push_str(skill);
            first = false;
        }
    }
    let fraction = count as f64 / wanted.len() as f64;
    FactorScore::new(factor, weight, fraction, reason)
}

pub(crate) fn interests(ctx: &Context, person: &AmbassadorDoc) -> FactorScore {
    let weight = ctx.input.settings.weights.interests;
    let mut matched = String::from("interested in ");
    let mut count = 0;
    for interest in person.profile.interests.iter() {
        if ctx.relates_to(interest) {
            if count > 0 {
                matched.push_str(", ");
            }
            matched.push_str(interest);
            count += 1;
        }
    }
    let (fraction, reason) = match count {
        0 => (
            0.0,
            Cow::Borrowed("no recorded interest relates to this project"),
        ),
        1 => (0.5, Cow::Owned(matched)),
        _ => (1.0, Cow::Owned(matched)),
    };
    FactorScore::new(Factor::Interests, weight, fraction, reason)
}

/// The languages the project needs; those spoken beyond a basic level are
/// added to `covered`.
pub(crate) fn languages(
    ctx: &Context,
    person: &AmbassadorDoc,
    covered: &mut Vec<String>,
) -> FactorScore {
    let weight = ctx.input.settings.weights.languages;
    let needed = &ctx.project.languages;
    if needed.is_empty() {
        return FactorScore::not_applicable(
            Factor::Languages,
            "the project needs no particular language",
        );
    }
    let mut credit = 0.0;
    let (mut spoken, mut missing) = (String::new(), String::new());
    for language in needed.iter() {
        match person.profile.languages.get(language) {
            Some(&level) => {
                credit += if covers_language(level) { 1.0 } else { 0.5 };
                if covers_language(level) {
                    covered.push(language.to_string());
                }
                push_item(&mut spoken, language, ", ");
                spoken.push_str(" (");
                spoken.push_str(level.as_str());
                spoken.push(')');
            }
            None => push_item(&mut missing, language, " or "),
        }
    }
    let reason = match (spoken.is_empty(), missing.is_empty()) {
        (true, _) => format!("does not speak {missing}"),
        (false, true) => format!("speaks {spoken}"),
        (false, false) => format!("speaks {spoken}; not {missing}"),
    };
    FactorScore::new(
        Factor::Languages,
        weight,
        credit / needed.len() as f64,
        reason,
    )
}

/// Whether someone speaks a language well enough to cover it for a team.
pub(crate) fn covers_language(level: LanguageLevel) -> bool {
    level != LanguageLevel::Basic
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn skills_score_their_share_and_say_what_is_missing() {
        let mut w = Fixture::new();
        w.project().required_skills = Tags::from_words(["assessment", "facilitation", "writing"]);
        let mut p = w.person("p");
        let none = w.score(&p, Factor::RequiredSkills);
        assert_eq!((none.points, none.max), (0, 40));
        assert_eq!(
            none.reason,
            "has none of the required skills (assessment, facilitation, writing)"
        );
        p.profile.skills = Tags::from_words(["assessment", "design"]);
        let some = w.score(&p, Factor::RequiredSkills);
        assert_eq!(some.points, 13); // 40 / 3
        assert_eq!(
            some.reason,
            "has 1 of 3 required skills (assessment); not facilitation, writing"
        );
        p.profile.skills = Tags::from_words(["assessment", "facilitation", "writing"]);
        assert_eq!(w.score(&p, Factor::RequiredSkills).points, 40);
        let desired = w.score(&p, Factor::DesiredSkills);
        assert_eq!((desired.points, desired.max), (0, 0));
        assert_eq!(desired.reason, "the project lists no desired skills");
    }

    #[test]
    fn interests_match_the_stream_or_the_description() {
        let mut w = Fixture::new();
        w.project().stream = Stream::Health;
        w.project().description = "A listening event on maternity services and housing.".into();
        let mut p = w.person("p");
        p.profile.interests = Tags::from_words(["sport"]);
        assert_eq!(w.score(&p, Factor::Interests).points, 0);
        p.profile.interests = Tags::from_words(["sport", "mental health"]);
        let one = w.score(&p, Factor::Interests);
        assert_eq!(
            (one.points, &*one.reason),
            (5, "interested in mental health")
        );
        p.profile.interests = Tags::from_words(["housing", "mental health", "sport"]);
        assert_eq!(w.score(&p, Factor::Interests).points, 10);
    }

    #[test]
    fn languages_count_basic_as_half() {
        let mut w = Fixture::new();
        w.project().languages = Tags::from_words(["arabic", "tigrinya"]);
        let mut p = w.person("p");
        assert_eq!(
            w.score(&p, Factor::Languages).reason,
            "does not speak arabic or tigrinya"
        );
        speaks(&mut p, "arabic", LanguageLevel::Native);
        let half = w.score(&p, Factor::Languages);
        assert_eq!(
            (half.points, &*half.reason),
            (10, "speaks arabic (native); not tigrinya")
        );
        speaks(&mut p, "tigrinya", LanguageLevel::Basic);
        assert_eq!(w.score(&p, Factor::Languages).points, 15);
        w.project().languages = Tags::new();
        assert_eq!(w.score(&p, Factor::Languages).max, 0);
    }
}
