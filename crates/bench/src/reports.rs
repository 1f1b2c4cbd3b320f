//! `sanctuary bench --reports`: every report over a demo network of 5,000
//! people with 100,000 contributions (target: each under 100 ms), timed
//! several times each from the unlocked read model, as the app and the CLI
//! run them, and each report's XLSX export (target: under 2 s).
//!
//! The demo network has no pathways, so one person in twenty is given a
//! role first (written through the core, as a coordinator would), so the
//! pathways report has something to count.

use std::time::Instant;

use sanctuary_core::demo::{DemoOptions, populate};
use sanctuary_core::model::{Day, Pathway, PathwayRole};
use sanctuary_core::reports::{Period, ReportKind, ReportOptions, xlsx_bytes};
use sanctuary_core::{CreateOptions, KdfParams, Sanctuary};
use serde::Serialize;

use crate::{BenchError, median, passphrase};

#[derive(Debug, Serialize)]
pub struct ReportsBenchReport {
    pub ambassadors: usize,
    pub contributions: usize,
    pub recognition: usize,
    pub training_records: usize,
    pub pathways: usize,
    /// Per report: its name, the median and every run in milliseconds.
    pub reports: Vec<ReportTiming>,
    /// Per report: building it and writing its tables as XLSX bytes.
    pub xlsx: Vec<ReportTiming>,
}

#[derive(Debug, Serialize)]
pub struct ReportTiming {
    pub report: &'static str,
    pub median_ms: f64,
    pub runs_ms: Vec<f64>,
}

impl ReportTiming {
    fn time(report: &'static str, runs: usize, mut work: impl FnMut()) -> ReportTiming {
        let runs_ms: Vec<f64> = (0..runs.max(1))
            .map(|_| {
                let started = Instant::now();
                work();
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        ReportTiming {
            report,
            median_ms: median(&runs_ms),
            runs_ms,
        }
    }
}

pub fn run_reports(
    ambassadors: usize,
    contributions_per_person: usize,
    runs: usize,
) -> Result<ReportsBenchReport, BenchError> {
    let temp = tempfile::tempdir()?;
    let options = CreateOptions {
        kdf: KdfParams::MINIMUM,
        ..CreateOptions::default()
    };
    let mut s = Sanctuary::create(&temp.path().join("store"), &passphrase(), &options)?;
    let summary = populate(
        &mut s,
        &DemoOptions {
            ambassadors,
            contributions_per_person,
            ..DemoOptions::default()
        },
    )?;
    let pathways = add_pathways(&mut s)?;
    let options = ReportOptions {
        period: Period::default(),
        today: Day::today(),
        quiet_months: 6,
    };
    let reports = ReportKind::ALL
        .iter()
        .map(|kind| {
            // The tables are part of what a screen or a file needs.
            ReportTiming::time(kind.as_str(), runs, || {
                std::hint::black_box(s.report(*kind, &options).tables());
            })
        })
        .collect();
    let mut failed = None;
    let xlsx = ReportKind::ALL
        .iter()
        .map(|kind| {
            ReportTiming::time(kind.as_str(), runs.min(5), || {
                match xlsx_bytes(&s.report(*kind, &options).tables()) {
                    Ok(bytes) => drop(std::hint::black_box(bytes)),
                    Err(e) => failed = Some(e),
                }
            })
        })
        .collect();
    if let Some(e) = failed {
        return Err(e.into());
    }
    Ok(ReportsBenchReport {
        ambassadors: summary.ambassadors,
        contributions: summary.contributions,
        recognition: summary.recognition,
        training_records: summary.training_records,
        pathways,
        reports,
        xlsx,
    })
}

/// Gives one person in twenty a role, spread over the roles and the last
/// three years; returns how many were added.
fn add_pathways(s: &mut Sanctuary) -> Result<usize, BenchError> {
    let ids: Vec<String> = s
        .ambassadors()
        .iter()
        .map(|a| a.id().to_string())
        .step_by(20)
        .collect();
    let today = Day::today();
    for (i, id) in ids.iter().enumerate() {
        let from = Day(today.0 - chrono::Days::new((i as u64 * 37) % 1095));
        let pathway = Pathway {
            id: String::new(),
            role: PathwayRole::ALL[i % PathwayRole::ALL.len()],
            from,
            to: None,
            note: None,
        };
        s.add_pathway(id, pathway)?;
    }
    Ok(ids.len())
}
