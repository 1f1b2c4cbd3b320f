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

    mod property {
        use std::collections::{BTreeMap, BTreeSet};

        use proptest::prelude::*;

        use crate::model::{AmbassadorDoc, Catalog, Contribution, Day, Profile, Stream};
        use crate::reports::{Period, Population};

        /// Per person: a region (of three) and contributions as (days after
        /// 2024-01-01, stream index, minutes).
        type Person = (usize, Vec<(u64, usize, u32)>);

        fn network(people: &[Person]) -> Vec<AmbassadorDoc> {
            let start = Day("2024-01-01".parse().expect("a day"));
            let regions = ["Leeds", "Wales", "Yorkshire"];
            people
                .iter()
                .enumerate()
                .map(|(i, (region, records))| {
                    let mut doc = AmbassadorDoc::new(Profile::new(
                        format!("p{i}"),
                        "Someone",
                        regions[*region],
                        start,
                    ));
                    for (j, (days, stream, minutes)) in records.iter().enumerate() {
                        let id = format!("c{j}");
                        doc.contributions.insert(
                            id.clone(),
                            Contribution {
                                id,
                                project_id: None,
                                date: Day(start.0 + chrono::Days::new(*days)),
                                role: "panel".into(),
                                stream: Stream::ALL[*stream % Stream::ALL.len()],
                                minutes: *minutes,
                            },
                        );
                    }
                    doc
                })
                .collect()
        }

        proptest! {
            /// Grouping by small keys and counting people per run of one
            /// person's records gives exactly what counting every record
            /// into a set of people per text key gives, in the same order:
            /// months oldest first with no gaps, streams and regions most
            /// time first, ties by the key's text.
            #[test]
            fn figures_equal_a_set_per_text_key(
                people in prop::collection::vec(
                    (0usize..3, prop::collection::vec((0u64..900, 0usize..16, 0u32..600), 0..8)),
                    0..10,
                ),
                from in prop::option::of(0u64..900),
                length in 0u64..900,
            ) {
                let docs = network(&people);
                let catalog = Catalog::new();
                let population = Population {
                    ambassadors: docs.iter().collect(),
                    projects: Vec::new(),
                    catalog: &catalog,
                };
                let start = Day("2024-01-01".parse().expect("a day"));
                let from = from.map(|d| Day(start.0 + chrono::Days::new(d)));
                let to = from.map(|f| Day(f.0 + chrono::Days::new(length)));
                let period = Period { from, to };
                let report = super::super::build(&population, period);

                type Naive = BTreeMap<String, (u64, BTreeSet<usize>)>;
                let (mut months, mut streams, mut regions): (Naive, Naive, Naive) = Default::default();
                let mut everyone = BTreeSet::new();
                let mut total = 0u64;
                for (person, doc) in docs.iter().enumerate() {
                    for c in doc.contributions.values().filter(|c| period.contains(c.date)) {
                        let minutes = u64::from(c.minutes);
                        total += minutes;
                        everyone.insert(person);
                        for (map, key) in [
                            (&mut months, c.date.0.format("%Y-%m").to_string()),
                            (&mut streams, c.stream.as_str().to_string()),
                            (&mut regions, doc.profile.region.clone()),
                        ] {
                            let entry = map.entry(key).or_default();
                            entry.0 += minutes;
                            entry.1.insert(person);
                        }
                    }
                }
                let rows = |map: &Naive| -> Vec<(String, u64, u64)> {
                    let mut rows: Vec<_> = map
                        .iter()
                        .map(|(k, (m, p))| (k.clone(), *m, p.len() as u64))
                        .collect();
                    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
                    rows
                };
                let got = |rows: &[super::super::HoursRow]| -> Vec<(String, u64, u64)> {
                    rows.iter().map(|r| (r.key.clone(), r.minutes, r.people)).collect()
                };
                prop_assert_eq!(report.total_minutes, total);
                prop_assert_eq!(report.people, everyone.len() as u64);
                prop_assert_eq!(got(&report.by_stream), rows(&streams));
                prop_assert_eq!(got(&report.by_region), rows(&regions));
                // Months: the counted ones as counted, every other one between them zero.
                let by_month = got(&report.by_month);
                let counted: Vec<_> = by_month.iter().filter(|(k, _, _)| months.contains_key(k)).cloned().collect();
                let mut expected: Vec<_> = months.iter().map(|(k, (m, p))| (k.clone(), *m, p.len() as u64)).collect();
                expected.sort();
                prop_assert_eq!(counted, expected);
                prop_assert!(by_month.iter().filter(|(k, _, _)| !months.contains_key(k)).all(|(_, m, p)| *m == 0 && *p == 0));
                prop_assert!(by_month.windows(2).all(|w| w[0].0 < w[1].0));
                if let (Some(first), Some(last)) = (by_month.first(), by_month.last()) {
                    let index = |key: &str| -> i64 {
                        let (y, m) = key.split_once('-').expect("YYYY-MM");
                        y.parse::<i64>().expect("year") * 12 + m.parse::<i64>().expect("month")
                    };
                    prop_assert_eq!(by_month.len() as i64, index(&last.0) - index(&first.0) + 1);
                }
            }
        }
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
