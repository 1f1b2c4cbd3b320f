//! Reports for trustees and funders: hours given, recognition, training,
//! participation and representation, and pathways into roles.
//!
//! Every report is a pure function over the read model (the hydrated
//! ambassador and project documents and the catalog) and a [`Period`], so the
//! same data gives the same figures on every laptop, in the CLI and in the
//! app, and 5,000 people with 100,000 records take a few milliseconds: one
//! pass over the records, no store, no Automerge.
//!
//! Each report is a typed struct (its JSON is the CLI's `--json` output) and
//! can be laid out as [`Table`]s: the CSV files, the XLSX sheets and the
//! table the app shows beside every chart are all the same tables.
//!
//! Only what people agreed to give is counted: region and languages come from
//! the profile each person consented to keep; no report reads free text.

mod hours;
mod participation;
mod pathways;
mod recognition;
mod table;
mod training;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{AmbassadorDoc, Catalog, Day, ProjectDoc};

pub use hours::{HoursReport, HoursRow};
pub use participation::{NotOffered, ParticipationReport, ShareRow};
pub use pathways::{PathwayMonth, PathwayRoleRow, PathwaysReport};
pub use recognition::{RecognitionReport, RecognitionRow};
pub use table::{Cell, Table, csv_bytes, write_csv, write_xlsx, xlsx_bytes};
pub use training::{ConfidenceChange, CourseRow, MonthCount, TrainingReport};

/// The days a report covers, both ends included; an open end covers all time
/// on that side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Period {
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub from: Option<Day>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub to: Option<Day>,
}

impl Period {
    pub fn contains(&self, day: Day) -> bool {
        self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
    }

    /// Refuses a period that ends before it starts.
    pub fn checked(from: Option<Day>, to: Option<Day>) -> Result<Period, crate::CoreError> {
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            return Err(crate::CoreError::Invalid(
                crate::model::Invalid::new(
                    crate::model::Field::Period,
                    crate::matching::Code::InvalidEndsBeforeStart,
                    format!("the period ends ({to}) before it starts ({from})"),
                )
                .with("start", crate::matching::Param::date(from))
                .with("end", crate::matching::Param::date(to)),
            ));
        }
        Ok(Period { from, to })
    }
}

/// What a report reads: everyone's documents, every project and the catalog.
pub struct Population<'a> {
    pub ambassadors: Vec<&'a AmbassadorDoc>,
    pub projects: Vec<&'a ProjectDoc>,
    pub catalog: &'a Catalog,
}

/// The reports there are, by the names the CLI and the app use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ReportKind {
    Hours,
    Recognition,
    Training,
    Participation,
    Pathways,
}

impl ReportKind {
    /// Every report, in the order the CLI and the app list them.
    pub const ALL: [ReportKind; 5] = [
        ReportKind::Hours,
        ReportKind::Recognition,
        ReportKind::Training,
        ReportKind::Participation,
        ReportKind::Pathways,
    ];

    /// The report's name, as the CLI and file names write it.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Hours => "hours",
            ReportKind::Recognition => "recognition",
            ReportKind::Training => "training",
            ReportKind::Participation => "participation",
            ReportKind::Pathways => "pathways",
        }
    }
}

/// Settings a report may use besides its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportOptions {
    pub period: Period,
    /// The day "now" is for the report (who has not been offered anything
    /// recently, which roles are held): the period's end, or today.
    pub today: Day,
    /// Participation: how many months without an offer counts as left out.
    pub quiet_months: u32,
}

/// Any one report, tagged with its name in JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "report", rename_all = "kebab-case")]
pub enum Report {
    Hours(HoursReport),
    Recognition(RecognitionReport),
    Training(TrainingReport),
    Participation(ParticipationReport),
    Pathways(PathwaysReport),
}

/// A report with the tables behind its charts, as the app shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportPage {
    pub report: Report,
    pub tables: Vec<Table>,
}

impl From<Report> for ReportPage {
    fn from(report: Report) -> ReportPage {
        ReportPage {
            tables: report.tables(),
            report,
        }
    }
}

impl Report {
    /// Builds one report.
    pub fn build(kind: ReportKind, population: &Population<'_>, options: &ReportOptions) -> Report {
        match kind {
            ReportKind::Hours => Report::Hours(hours::build(population, options.period)),
            ReportKind::Recognition => {
                Report::Recognition(recognition::build(population, options.period))
            }
            ReportKind::Training => Report::Training(training::build(population, options.period)),
            ReportKind::Participation => {
                Report::Participation(participation::build(population, options))
            }
            ReportKind::Pathways => Report::Pathways(pathways::build(population, options)),
        }
    }

    /// The report laid out as tables, one per chart, with headers a person reads.
    pub fn tables(&self) -> Vec<Table> {
        match self {
            Report::Hours(r) => r.tables(),
            Report::Recognition(r) => r.tables(),
            Report::Training(r) => r.tables(),
            Report::Participation(r) => r.tables(),
            Report::Pathways(r) => r.tables(),
        }
    }
}

impl crate::Sanctuary {
    /// One report over everyone this laptop holds, archived people included:
    /// the time they gave and the recognition they had still happened.
    pub fn report(&self, kind: ReportKind, options: &ReportOptions) -> Report {
        let everyone = crate::AmbassadorQuery {
            include_archived: true,
            ..Default::default()
        };
        let population = Population {
            ambassadors: self.search_unsorted(&everyone).collect(),
            projects: self.projects(),
            catalog: self.catalog(),
        };
        Report::build(kind, &population, options)
    }
}

/// A calendar month, the key of every by-month table while a report counts:
/// two small numbers compared as numbers, so grouping 100,000 records by
/// month allocates nothing; it becomes its `YYYY-MM` text only for the
/// report's rows (the order is the same as the text's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Month {
    year: i32,
    month: u32,
}

impl Month {
    pub(crate) fn of(day: Day) -> Month {
        use chrono::Datelike;
        Month {
            year: day.0.year(),
            month: day.0.month(),
        }
    }

    fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// `YYYY-MM`, as every by-month row is keyed.
    pub(crate) fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// Every month from the first key to the last, so a chart over time has no
/// silent holes: months with nothing get a zero row.
pub(crate) fn fill_months<T: Default>(map: &mut BTreeMap<Month, T>) {
    let (Some(first), Some(last)) = (map.keys().next().copied(), map.keys().last().copied()) else {
        return;
    };
    let mut month = first;
    while month < last {
        month = month.next();
        map.entry(month).or_default();
    }
}

/// One person counted once per group, without a set per group: a report
/// takes each person's records together (one document after another), so a
/// group has a new person exactly when the person differs from the last one
/// it counted.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PeopleCount {
    count: u64,
    last: Option<usize>,
}

impl PeopleCount {
    /// Counts `person` (an index into the population) unless just counted.
    pub(crate) fn add(&mut self, person: usize) {
        if self.last != Some(person) {
            self.last = Some(person);
            self.count += 1;
        }
    }

    pub(crate) fn get(self) -> u64 {
        self.count
    }
}

/// Minutes as hours with two decimals, for tables people read.
pub(crate) fn hours(minutes: u64) -> f64 {
    (minutes as f64 / 60.0 * 100.0).round() / 100.0
}

/// Pence as pounds, for tables people read.
pub(crate) fn pounds(pence: u64) -> f64 {
    pence as f64 / 100.0
}

#[cfg(test)]
pub(crate) mod fixture;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_holds_both_ends_and_refuses_running_backwards() {
        let day = |s: &str| s.parse::<Day>().unwrap();
        let p = Period::checked(Some(day("2026-01-01")), Some(day("2026-01-31"))).unwrap();
        assert!(p.contains(day("2026-01-01")) && p.contains(day("2026-01-31")));
        assert!(!p.contains(day("2025-12-31")) && !p.contains(day("2026-02-01")));
        assert!(Period::default().contains(day("1990-05-05")));
        let err = Period::checked(Some(day("2026-02-01")), Some(day("2026-01-01"))).unwrap_err();
        assert!(
            err.to_string()
                .contains("ends (2026-01-01) before it starts (2026-02-01)")
        );
    }

    /// The app's component tests draw these pages (`ui/src/lib/reports/fixture.json`)
    /// instead of computing reports a second time in TypeScript; this test
    /// keeps the file equal to what the core says of the hand-counted network.
    #[test]
    fn the_ui_fixture_holds_the_reports_of_the_hand_counted_network() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/src/lib/reports/fixture.json");
        let f = fixture::Fixture::new();
        let options = ReportOptions {
            period: Period::default(),
            today: f.day("2026-03-31"),
            quiet_months: 6,
        };
        let pages: BTreeMap<&str, ReportPage> = ReportKind::ALL
            .into_iter()
            .map(|kind| {
                let page = Report::build(kind, &f.population(), &options).into();
                (kind.as_str(), page)
            })
            .collect();
        let json = serde_json::to_string_pretty(&pages).expect("json") + "\n";
        if std::env::var_os("SANCTUARY_UPDATE_FIXTURES").is_some() {
            std::fs::write(&path, &json).expect("write the fixture");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == json,
            "{} is stale: run SANCTUARY_UPDATE_FIXTURES=1 cargo test -p sanctuary-core --lib reports",
            path.display()
        );
    }

    #[test]
    fn months_are_filled_between_the_first_and_the_last() {
        let day = |s: &str| s.parse::<Day>().unwrap();
        let mut map: BTreeMap<Month, u32> = BTreeMap::new();
        map.insert(Month::of(day("2025-11-20")), 3);
        map.insert(Month::of(day("2026-02-01")), 1);
        fill_months(&mut map);
        let keys: Vec<String> = map.keys().map(|m| m.key()).collect();
        assert_eq!(keys, ["2025-11", "2025-12", "2026-01", "2026-02"]);
        assert_eq!(map[&Month::of(day("2025-12-31"))], 0);
    }

    #[test]
    fn people_are_counted_once_per_run_of_the_same_person() {
        let mut people = PeopleCount::default();
        for person in [0, 0, 1, 1, 1, 4, 7, 7] {
            people.add(person);
        }
        assert_eq!(people.get(), 4);
    }
}
