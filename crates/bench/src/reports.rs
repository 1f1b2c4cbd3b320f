//! `sanctuary bench --reports`: every report over a demo network of 5,000
//! people with 100,000 contributions (target: each under 100 ms), timed
//! several times each from the unlocked read model, as the app and the CLI
//! run them.

use std::time::Instant;

use sanctuary_core::demo::{DemoOptions, populate};
use sanctuary_core::model::Day;
use sanctuary_core::reports::{Period, ReportKind, ReportOptions};
use sanctuary_core::{CreateOptions, KdfParams, Sanctuary};
use serde::Serialize;

use crate::{BenchError, passphrase};

#[derive(Debug, Serialize)]
pub struct ReportsBenchReport {
    pub ambassadors: usize,
    pub contributions: usize,
    pub recognition: usize,
    pub training_records: usize,
    /// Per report: its name, the median and every run in milliseconds.
    pub reports: Vec<ReportTiming>,
}

#[derive(Debug, Serialize)]
pub struct ReportTiming {
    pub report: &'static str,
    pub median_ms: f64,
    pub runs_ms: Vec<f64>,
}

const KINDS: [(&str, ReportKind); 4] = [
    ("hours", ReportKind::Hours),
    ("recognition", ReportKind::Recognition),
    ("training", ReportKind::Training),
    ("participation", ReportKind::Participation),
];

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
    let today = Day::today();
    let options = ReportOptions {
        period: Period::default(),
        today,
        quiet_months: 6,
    };
    let reports = KINDS
        .iter()
        .map(|(name, kind)| {
            let runs_ms: Vec<f64> = (0..runs.max(1))
                .map(|_| {
                    let started = Instant::now();
                    // The tables are part of what a screen or a file needs.
                    let tables = s.report(*kind, &options).tables();
                    let ms = started.elapsed().as_secs_f64() * 1000.0;
                    std::hint::black_box(tables);
                    ms
                })
                .collect();
            let mut sorted = runs_ms.clone();
            sorted.sort_by(f64::total_cmp);
            ReportTiming {
                report: name,
                median_ms: sorted[sorted.len() / 2],
                runs_ms,
            }
        })
        .collect();
    Ok(ReportsBenchReport {
        ambassadors: summary.ambassadors,
        contributions: summary.contributions,
        recognition: summary.recognition,
        training_records: summary.training_records,
        reports,
    })
}
