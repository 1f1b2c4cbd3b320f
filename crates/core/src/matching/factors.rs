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

use serde::Serialize;

use super::Context;
use super::messages::{Code, Message, Param};
use crate::model::{AmbassadorDoc, LanguageLevel, Stream, Tags};

/// The factors a candidate's total is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FactorScore {
    pub factor: Factor,
    pub points: i32,
    /// The most this factor can give for this project (0 if it does not apply).
    pub max: i32,
    pub reason: Message,
}

/// A factor's points, before they are put in words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Points {
    pub points: i32,
    /// 0 when the factor does not apply to this project.
    pub max: i32,
}

impl Points {
    /// The factor does not tell people apart for this project.
    pub const NOT_APPLICABLE: Points = Points { points: 0, max: 0 };

    /// `fraction` (-1 to 1) of `weight`, rounded to whole points.
    pub fn share(weight: i32, fraction: f64) -> Points {
        Points {
            points: (f64::from(weight) * fraction).round() as i32,
            max: weight,
        }
    }
}

/// A factor's points, and how to say why. Ranking thousands of people only
/// adds the points up; the words are written for the people a coordinator
/// is shown, so `reason` is called only then.
pub(crate) struct Scored<R> {
    pub points: Points,
    pub reason: R,
}

impl<R: FnOnce() -> Message> Scored<R> {
    pub fn explain(self, factor: Factor) -> FactorScore {
        FactorScore {
            factor,
            points: self.points.points,
            max: self.points.max,
            reason: (self.reason)(),
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

/// Writes `items` as "a, b, c" (or "a or b") onto `out`.
fn push_list<'a>(out: &mut String, items: impl Iterator<Item = &'a str>, separator: &str) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item);
    }
}

/// Which of a project's skill lists a factor scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SkillKind {
    Required,
    Desired,
}

impl SkillKind {
    fn word(self) -> &'static str {
        match self {
            SkillKind::Required => "required",
            SkillKind::Desired => "desired",
        }
    }

    /// The codes for: none listed, has every one, has none, has some.
    fn codes(self) -> [Code; 4] {
        match self {
            SkillKind::Required => [
                Code::RequiredSkillsNotListed,
                Code::RequiredSkillsAll,
                Code::RequiredSkillsNone,
                Code::RequiredSkillsSome,
            ],
            SkillKind::Desired => [
                Code::DesiredSkillsNotListed,
                Code::DesiredSkillsAll,
                Code::DesiredSkillsNone,
                Code::DesiredSkillsSome,
            ],
        }
    }
}

/// Required or desired skills (`which` says which).
pub(crate) fn skills<'a>(
    wanted: &'a Tags,
    has: &'a Tags,
    weight: i32,
    which: SkillKind,
) -> Scored<impl FnOnce() -> Message + 'a> {
    let count = wanted.iter().filter(|s| has.contains(s)).count();
    let points = if wanted.is_empty() {
        Points::NOT_APPLICABLE
    } else {
        Points::share(weight, count as f64 / wanted.len() as f64)
    };
    let reason = move || -> Message {
        let kind = which.word();
        let [not_listed, all, none, some] = which.codes();
        if wanted.is_empty() {
            return Message::new(not_listed, format!("the project lists no {kind} skills"));
        }
        let (got, missing) = (count > 0, count < wanted.len());
        let mut reason = match (got, missing) {
            (true, false) => format!("has every {kind} skill ("),
            (false, _) => format!("has none of the {kind} skills ("),
            (true, true) => format!("has {count} of {} {kind} skills (", wanted.len()),
        };
        let held = || Param::texts(wanted.iter().filter(|s| has.contains(s)));
        let lacking = || Param::texts(wanted.iter().filter(|s| !has.contains(s)));
        push_list(
            &mut reason,
            wanted.iter().filter(|s| has.contains(s) == got),
            ", ",
        );
        reason.push(')');
        if got && missing {
            reason.push_str("; not ");
            push_list(
                &mut reason,
                wanted.iter().filter(|s| !has.contains(s)),
                ", ",
            );
        }
        match (got, missing) {
            (true, false) => Message::new(all, reason).with("skills", held()),
            (false, _) => Message::new(none, reason).with("skills", lacking()),
            (true, true) => Message::new(some, reason)
                .with("count", Param::count(count))
                .with("total", Param::count(wanted.len()))
                .with("has", held())
                .with("missing", lacking()),
        }
    };
    Scored { points, reason }
}

/// The project's skills in `wanted` that someone `has`.
pub(crate) fn covered_skills(wanted: &Tags, has: &Tags) -> Vec<String> {
    wanted
        .iter()
        .filter(|s| has.contains(s))
        .map(str::to_string)
        .collect()
}

pub(crate) fn interests<'a>(
    ctx: &'a Context,
    person: &'a AmbassadorDoc,
) -> Scored<impl FnOnce() -> Message + 'a> {
    let related = || {
        person
            .profile
            .interests
            .iter()
            .filter(|i| ctx.relates_to(i))
    };
    let fraction = match related().take(2).count() {
        0 => 0.0,
        1 => 0.5,
        _ => 1.0,
    };
    let points = Points::share(ctx.input.settings.weights.interests, fraction);
    let reason = move || -> Message {
        if fraction == 0.0 {
            return Message::new(
                Code::InterestsNone,
                "no recorded interest relates to this project",
            );
        }
        let mut words = String::from("interested in ");
        push_list(&mut words, related(), ", ");
        Message::new(Code::InterestsRelated, words).with("interests", Param::texts(related()))
    };
    Scored { points, reason }
}

/// The languages the project needs, a basic level counting half.
pub(crate) fn languages<'a>(
    ctx: &'a Context,
    person: &'a AmbassadorDoc,
) -> Scored<impl FnOnce() -> Message + 'a> {
    let needed = &ctx.project.languages;
    let spoken = &person.profile.languages;
    let credit: f64 = needed
        .iter()
        .filter_map(|l| spoken.get(l))
        .map(|&level| if covers_language(level) { 1.0 } else { 0.5 })
        .sum();
    let points = if needed.is_empty() {
        Points::NOT_APPLICABLE
    } else {
        Points::share(
            ctx.input.settings.weights.languages,
            credit / needed.len() as f64,
        )
    };
    let reason = move || -> Message {
        if needed.is_empty() {
            return Message::new(
                Code::LanguagesNotNeeded,
                "the project needs no particular language",
            );
        }
        let spoken_list = || {
            Param::List(
                needed
                    .iter()
                    .filter_map(|l| {
                        spoken.get(l).map(|&level| Param::Spoken {
                            language: l.to_string(),
                            level,
                        })
                    })
                    .collect(),
            )
        };
        let missing_list = || {
            Param::Either(
                needed
                    .iter()
                    .filter(|l| !spoken.contains_key(*l))
                    .map(|l| Param::Language(l.to_string()))
                    .collect(),
            )
        };
        let mut speaks = String::new();
        for (i, (language, level)) in needed
            .iter()
            .filter_map(|l| spoken.get(l).map(|level| (l, level)))
            .enumerate()
        {
            if i > 0 {
                speaks.push_str(", ");
            }
            speaks.push_str(language);
            speaks.push_str(" (");
            speaks.push_str(level.as_str());
            speaks.push(')');
        }
        let mut missing = String::new();
        push_list(
            &mut missing,
            needed.iter().filter(|l| !spoken.contains_key(*l)),
            " or ",
        );
        match (speaks.is_empty(), missing.is_empty()) {
            (true, _) => Message::new(Code::LanguagesNone, format!("does not speak {missing}"))
                .with("missing", missing_list()),
            (false, true) => Message::new(Code::LanguagesAll, format!("speaks {speaks}"))
                .with("speaks", spoken_list()),
            (false, false) => Message::new(
                Code::LanguagesSome,
                format!("speaks {speaks}; not {missing}"),
            )
            .with("speaks", spoken_list())
            .with("missing", missing_list()),
        }
    };
    Scored { points, reason }
}

/// The project's languages someone speaks well enough to cover for a team.
pub(crate) fn covered_languages(ctx: &Context, person: &AmbassadorDoc) -> Vec<String> {
    ctx.project
        .languages
        .iter()
        .filter(|l| {
            person
                .profile
                .languages
                .get(*l)
                .is_some_and(|&level| covers_language(level))
        })
        .map(str::to_string)
        .collect()
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
        assert_eq!(some.reason.code, Code::RequiredSkillsSome);
        assert_eq!(some.reason.param("count"), Some(&Param::Number(1)));
        assert_eq!(some.reason.param("total"), Some(&Param::Number(3)));
        assert_eq!(
            some.reason.param("has"),
            Some(&Param::texts(["assessment"]))
        );
        assert_eq!(
            some.reason.param("missing"),
            Some(&Param::texts(["facilitation", "writing"]))
        );
        p.profile.skills = Tags::from_words(["assessment", "facilitation", "writing"]);
        assert_eq!(w.score(&p, Factor::RequiredSkills).points, 40);
        let desired = w.score(&p, Factor::DesiredSkills);
        assert_eq!((desired.points, desired.max), (0, 0));
        assert_eq!(desired.reason, "the project lists no desired skills");
        assert_eq!(desired.reason.code, Code::DesiredSkillsNotListed);
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
            (one.points, one.reason.text),
            (5, "interested in mental health".to_string())
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
            (half.points, half.reason.as_str()),
            (10, "speaks arabic (native); not tigrinya")
        );
        assert_eq!(half.reason.code, Code::LanguagesSome);
        assert_eq!(
            half.reason.param("speaks"),
            Some(&Param::List(vec![Param::Spoken {
                language: "arabic".into(),
                level: LanguageLevel::Native
            }]))
        );
        assert_eq!(
            half.reason.param("missing"),
            Some(&Param::Either(vec![Param::Language("tigrinya".into())]))
        );
        speaks(&mut p, "tigrinya", LanguageLevel::Basic);
        assert_eq!(w.score(&p, Factor::Languages).points, 15);
        w.project().languages = Tags::new();
        assert_eq!(w.score(&p, Factor::Languages).max, 0);
    }
}
