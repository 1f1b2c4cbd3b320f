//! Hours given: by month, by kind of work (stream) and by region.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Stream;

use super::{Month, PeopleCount, Period, Population, Table, fill_months, hours};

/// Hours given in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HoursReport {
    pub period: Period,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total_minutes: u64,
    /// How many contributions were logged.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub contributions: u64,
    /// How many different people gave time.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people: u64,
    /// Every month from the first to the last with any time, in order.
    pub by_month: Vec<HoursRow>,
    /// Each stream's stable word, most time first.
    pub by_stream: Vec<HoursRow>,
    /// Each region as coordinators write it, most time first.
    pub by_region: Vec<HoursRow>,
}

/// Minutes and people under one key (a month, a stream, a region).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HoursRow {
    pub key: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub minutes: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people: u64,
}

#[derive(Default)]
struct Tally {
    minutes: u64,
    people: PeopleCount,
}

impl Tally {
    fn add(&mut self, person: usize, minutes: u64) {
        self.minutes += minutes;
        self.people.add(person);
    }

    fn row(key: String, tally: Tally) -> HoursRow {
        HoursRow {
            key,
            minutes: tally.minutes,
            people: tally.people.get(),
        }
    }
}

/// One pass over everyone's contributions. Groups are keyed by small values
/// (a month's two numbers, the stream, a borrowed region), so no record
/// allocates; keys become text only for the rows.
pub(super) fn build(population: &Population<'_>, period: Period) -> HoursReport {
    let mut by_month: BTreeMap<Month, Tally> = BTreeMap::new();
    let mut by_stream: BTreeMap<Stream, Tally> = BTreeMap::new();
    let mut by_region: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut everyone = Tally::default();
    let mut contributions = 0;
    for (person, doc) in population.ambassadors.iter().enumerate() {
        // A person's region is the same for all their time: added once.
        let mut theirs = Tally::default();
        for c in doc
            .contributions
            .values()
            .filter(|c| period.contains(c.date))
        {
            let minutes = u64::from(c.minutes);
            contributions += 1;
            theirs.add(person, minutes);
            by_month
                .entry(Month::of(c.date))
                .or_default()
                .add(person, minutes);
            by_stream.entry(c.stream).or_default().add(person, minutes);
        }
        if theirs.people.get() > 0 {
            everyone.add(person, theirs.minutes);
            by_region
                .entry(doc.profile.region.as_str())
                .or_default()
                .add(person, theirs.minutes);
        }
    }
    fill_months(&mut by_month);
    HoursReport {
        period,
        total_minutes: everyone.minutes,
        contributions,
        people: everyone.people.get(),
        by_month: by_month
            .into_iter()
            .map(|(k, t)| Tally::row(k.key(), t))
            .collect(),
        by_stream: most_first(
            by_stream
                .into_iter()
                .map(|(k, t)| Tally::row(k.as_str().to_string(), t)),
        ),
        by_region: most_first(
            by_region
                .into_iter()
                .map(|(k, t)| Tally::row(k.to_string(), t)),
        ),
    }
}

fn most_first(rows: impl Iterator<Item = HoursRow>) -> Vec<HoursRow> {
    let mut rows: Vec<HoursRow> = rows.collect();
    // Ties in the order of the key's text, so the order is the same everywhere.
    rows.sort_by(|a, b| b.minutes.cmp(&a.minutes).then_with(|| a.key.cmp(&b.key)));
    rows
}

impl HoursReport {
    pub fn tables(&self) -> Vec<Table> {
        let table = |name: &str, first: (&str, &str), rows: &[HoursRow]| {
            let mut t = Table::new(name, &[first, ("hours", "Hours"), ("people", "People")]);
            for r in rows {
                t.row(vec![
                    r.key.clone().into(),
                    hours(r.minutes).into(),
                    r.people.into(),
                ]);
            }
            t
        };
        vec![
            table("hours-by-month", ("month", "Month"), &self.by_month),
            table(
                "hours-by-stream",
                ("stream", "Kind of work"),
                &self.by_stream,
            ),
            table("hours-by-region", ("region", "Region"), &self.by_region),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::super::{Cell, Period};
    use super::*;

    #[test]
    fn hours_match_the_hand_counted_figures() {
        let f = Fixture::new();
        let r = build(&f.population(), Period::default());
        // Amina 90 + 120 (schools, Jan and Mar), Biniam 60 (media, Mar),
        // Chen 30 (schools, Mar, archived but the time was given).
        assert_eq!(r.total_minutes, 300);
        assert_eq!(r.contributions, 4);
        assert_eq!(r.people, 3);
        let months: Vec<(&str, u64, u64)> = r
            .by_month
            .iter()
            .map(|m| (m.key.as_str(), m.minutes, m.people))
            .collect();
        assert_eq!(
            months,
            [("2026-01", 90, 1), ("2026-02", 0, 0), ("2026-03", 210, 3)]
        );
        assert_eq!(r.by_stream[0].key, "schools");
        assert_eq!((r.by_stream[0].minutes, r.by_stream[0].people), (240, 2));
        assert_eq!(
            (r.by_stream[1].key.as_str(), r.by_stream[1].minutes),
            ("media", 60)
        );
        let regions: Vec<(&str, u64)> = r
            .by_region
            .iter()
            .map(|m| (m.key.as_str(), m.minutes))
            .collect();
        assert_eq!(regions, [("West Midlands", 240), ("Yorkshire", 60)]);
    }

    #[test]
    fn a_period_counts_only_its_days_and_tables_are_in_hours() {
        let f = Fixture::new();
        let period = Period::checked(Some(f.day("2026-03-01")), Some(f.day("2026-03-31"))).unwrap();
        let r = build(&f.population(), period);
        assert_eq!(r.total_minutes, 210);
        let tables = r.tables();
        assert_eq!(tables[0].headers, ["Month", "Hours", "People"]);
        assert_eq!(
            tables[0].rows,
            [vec![
                Cell::Text("2026-03".into()),
                Cell::Number(3.5),
                Cell::Number(3.0)
            ]]
        );
    }
}
