//! Small value types shared by every document: calendar days, sets of tags,
//! and the ids that name documents and records.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use autosurgeon::{Hydrate, HydrateError, Reconcile, Reconciler};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A calendar day with no time zone: training dates, consent reviews, project dates.
///
/// Written as `YYYY-MM-DD` everywhere (documents, JSON, the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Day(pub NaiveDate);

/// A date that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a valid date; write it as YYYY-MM-DD, for example 2026-03-14")]
pub struct InvalidDate(pub String);

impl Day {
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        NaiveDate::from_ymd_opt(year, month, day).map(Day)
    }

    /// Today in the machine's local time zone.
    pub fn today() -> Day {
        Day(chrono::Local::now().date_naive())
    }

    /// The same day `months` later; a day that does not exist in the target
    /// month falls back to that month's last day (31 Jan + 1 month = 28/29 Feb).
    pub fn plus_months(self, months: u32) -> Day {
        Day(self
            .0
            .checked_add_months(Months::new(months))
            .unwrap_or(NaiveDate::MAX))
    }

    pub fn plus_days(self, days: i64) -> Day {
        Day(self
            .0
            .checked_add_signed(chrono::TimeDelta::days(days))
            .unwrap_or(NaiveDate::MAX))
    }

    /// Whole days from `self` until `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        (later.0 - self.0).num_days()
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }
}

impl FromStr for Day {
    type Err = InvalidDate;
    fn from_str(s: &str) -> Result<Day, InvalidDate> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(Day)
            .map_err(|_| InvalidDate(s.to_string()))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Reconcile for Day {
    type Key<'a> = autosurgeon::reconcile::NoKey;
    fn reconcile<R: Reconciler>(&self, mut r: R) -> Result<(), R::Error> {
        r.str(self.to_string())
    }
}

impl Hydrate for Day {
    fn hydrate_string(s: &'_ str) -> Result<Self, HydrateError> {
        s.parse()
            .map_err(|_| HydrateError::unexpected("a YYYY-MM-DD date", s.to_string()))
    }
}

/// A set of short words (skills, interests, organisations, languages a project needs).
///
/// In Automerge a set is a map from item to `true`, so two coordinators adding
/// different items at the same time both keep theirs, and the same item added
/// twice is one item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tags(pub BTreeSet<String>);

impl Tags {
    pub fn new() -> Tags {
        Tags::default()
    }

    /// Builds a set from user words: trimmed, lower-cased, empty words dropped.
    pub fn from_words<I, S>(words: I) -> Tags
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Tags(
            words
                .into_iter()
                .map(|w| normalise_tag(w.as_ref()))
                .filter(|w| !w.is_empty())
                .collect(),
        )
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    pub fn insert(&mut self, word: &str) -> bool {
        let word = normalise_tag(word);
        !word.is_empty() && self.0.insert(word)
    }

    pub fn remove(&mut self, word: &str) -> bool {
        self.0.remove(&normalise_tag(word))
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The one spelling of a tag: trimmed, single-spaced, lower case.
pub fn normalise_tag(word: &str) -> String {
    word.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Reconcile for Tags {
    type Key<'a> = autosurgeon::reconcile::NoKey;
    fn reconcile<R: Reconciler>(&self, r: R) -> Result<(), R::Error> {
        let as_map: BTreeMap<&str, bool> = self.iter().map(|w| (w, true)).collect();
        as_map.reconcile(r)
    }
}

impl Hydrate for Tags {
    fn hydrate_map<D: autosurgeon::ReadDoc>(
        doc: &D,
        obj: &automerge::ObjId,
    ) -> Result<Self, HydrateError> {
        let map: BTreeMap<String, bool> = Hydrate::hydrate_map(doc, obj)?;
        Ok(Tags(
            map.into_iter()
                .filter_map(|(k, present)| present.then_some(k))
                .collect(),
        ))
    }
}

impl<'a> FromIterator<&'a str> for Tags {
    fn from_iter<T: IntoIterator<Item = &'a str>>(iter: T) -> Self {
        Tags::from_words(iter)
    }
}

/// A new random id for a document or a record: a UUID, opaque, never derived
/// from anything about the person.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        s.parse().unwrap()
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end_and_knows_leap_years() {
        let cases = [
            ("2026-01-31", 1, "2026-02-28"),
            ("2028-01-31", 1, "2028-02-29"),
            ("2028-02-29", 12, "2029-02-28"),
            ("2026-03-31", 1, "2026-04-30"),
            ("2026-11-22", 24, "2028-11-22"),
            ("2026-05-15", 0, "2026-05-15"),
        ];
        for (from, months, expect) in cases {
            assert_eq!(
                day(from).plus_months(months),
                day(expect),
                "{from} + {months}"
            );
        }
    }

    #[test]
    fn invalid_dates_say_how_to_write_one() {
        for bad in ["2026-02-30", "22/11/2026", "", "2026-13-01", "tomorrow"] {
            let err = bad.parse::<Day>().unwrap_err();
            assert!(err.to_string().contains("YYYY-MM-DD"), "{bad}");
        }
    }

    #[test]
    fn tags_are_normalised_and_deduplicated() {
        let tags = Tags::from_words(["Public Speaking", " public  speaking ", "", "Arabic"]);
        assert_eq!(
            tags.iter().collect::<Vec<_>>(),
            vec!["arabic", "public speaking"]
        );
    }

    #[test]
    fn concurrent_tag_additions_both_survive_a_merge() {
        let mut doc = automerge::AutoCommit::new();
        autosurgeon::reconcile_prop(&mut doc, automerge::ROOT, "t", Tags::from_words(["a"]))
            .unwrap();
        let mut other = doc.fork();
        autosurgeon::reconcile_prop(&mut doc, automerge::ROOT, "t", Tags::from_words(["a", "b"]))
            .unwrap();
        autosurgeon::reconcile_prop(
            &mut other,
            automerge::ROOT,
            "t",
            Tags::from_words(["a", "c"]),
        )
        .unwrap();
        doc.merge(&mut other).unwrap();
        let merged: Tags = autosurgeon::hydrate_prop(&doc, automerge::ROOT, "t").unwrap();
        assert_eq!(merged, Tags::from_words(["a", "b", "c"]));
    }
}
