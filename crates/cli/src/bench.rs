//! `sanctuary bench`: runs the measurements of `sanctuary-bench` and, in a
//! fresh child process, measures peak memory from unlock to ready.

use std::path::Path;
use std::process::Command;

use anyhow::Context;
use sanctuary_bench::{BenchOptions, Spread, peak_memory_bytes, run as measure, unlock_only};

use crate::args::BenchArgs;

/// `bench --sync --watched`: the watched-folder latency and a junk pass's memory.
fn run_watched(args: &BenchArgs) -> anyhow::Result<()> {
    eprintln!(
        "Measuring a watched folder on a {}-ambassador demo network ...",
        args.ambassadors
    );
    let r = sanctuary_bench::run_watched(args.ambassadors, args.imports)?;
    if args.json {
        say!("{}", serde_json::to_string_pretty(&r)?);
        return Ok(());
    }
    let each: Vec<String> = r
        .latency_runs_ms
        .iter()
        .map(|ms| format!("{ms:.0}"))
        .collect();
    say!(
        "Edit to visible on the watching laptop: {:.0} ms median ({} ms each), of which {:.0} ms is the watcher's quiet wait",
        r.latency_ms,
        each.join(", "),
        r.quiet_ms
    );
    say!(
        "Writer's edit and pass {:.1} ms, reader's pass {:.1} ms (medians)",
        r.writer_ms,
        r.reader_pass_ms
    );
    match r.junk_pass_peak_growth_bytes {
        Some(b) => say!(
            "A pass over a 1 GiB sparse file and 1,000 stray files: {:.0} ms, peak memory grew {:.1} MB",
            r.junk_pass_ms,
            b as f64 / 1_048_576.0
        ),
        None => say!(
            "A pass over a 1 GiB sparse file and 1,000 stray files: {:.0} ms",
            r.junk_pass_ms
        ),
    }
    Ok(())
}

/// `bench --sheets`: the targets are under 3 s each for 5,000 people.
fn run_sheets(args: &BenchArgs) -> anyhow::Result<()> {
    eprintln!(
        "Measuring spreadsheets with {} people ...",
        args.ambassadors
    );
    let r = sanctuary_bench::run_sheets(args.ambassadors)?;
    if args.json {
        say!("{}", serde_json::to_string_pretty(&r)?);
        return Ok(());
    }
    say!(
        "Import of a {}-row CSV ({:.0} KB): {:.0} ms; the same file again (all duplicates): {:.0} ms",
        r.csv_rows,
        r.csv_bytes as f64 / 1024.0,
        r.import_ms,
        r.reimport_ms
    );
    say!(
        "XLSX export of {} people with {} records: {:.0} ms ({:.0} KB)",
        r.export_people,
        r.export_records,
        r.export_xlsx_ms,
        r.export_xlsx_bytes as f64 / 1024.0
    );
    Ok(())
}

/// `bench --sync`: `--edits` is the day's work (500 is a busy drop-in).
fn run_sync(args: &BenchArgs) -> anyhow::Result<()> {
    if args.watched {
        return run_watched(args);
    }
    eprintln!(
        "Measuring sync on a {}-ambassador demo network ...",
        args.ambassadors
    );
    let r = sanctuary_bench::run_sync(args.ambassadors, args.edits, args.imports)?;
    if args.json {
        say!("{}", serde_json::to_string_pretty(&r)?);
        return Ok(());
    }
    let kb = |b: usize| b as f64 / 1024.0;
    say!(
        "Full bundle of the network: {:.0} KB, exported in {:.0} ms",
        kb(r.full_bundle_bytes),
        r.full_export_ms
    );
    say!(
        "A new laptop joins (first sync): {:.0} ms, of which about {:.0} ms is the deliberate Argon2id",
        r.join_ms,
        r.join_kdf_ms
    );
    say!(
        "A day's work ({} edits, {} documents): bundle {:.1} KB, export {:.1} ms, import {:.1} ms (medians)",
        r.day_edits,
        r.day_documents_changed,
        kb(r.day_bundle_bytes),
        r.day_export_ms,
        r.day_import_ms
    );
    let runs = |runs: &[f64]| -> String {
        let each: Vec<String> = runs.iter().map(|ms| format!("{ms:.1}")).collect();
        each.join(", ")
    };
    say!(
        "Each export of the day's work (ms, the median above): {}",
        runs(&r.day_export_runs_ms)
    );
    say!(
        "Each import of the day's bundle (ms, the median above): {}",
        runs(&r.day_import_runs_ms)
    );
    Ok(())
}

/// `bench --reports`: each report 20 times and its XLSX export 5 times;
/// `--edits` is not used.
fn run_reports(args: &BenchArgs) -> anyhow::Result<()> {
    eprintln!(
        "Building a {}-ambassador demo network with 20 contributions each ...",
        args.ambassadors
    );
    let r = sanctuary_bench::run_reports(args.ambassadors, 20, 20)?;
    if args.json {
        say!("{}", serde_json::to_string_pretty(&r)?);
        return Ok(());
    }
    say!(
        "{} people, {} contributions, {} recognition entries, {} training records, {} pathways",
        r.ambassadors,
        r.contributions,
        r.recognition,
        r.training_records,
        r.pathways
    );
    let line = |what: &str, t: &sanctuary_bench::ReportTiming| {
        let slowest = t.runs_ms.iter().copied().fold(0.0, f64::max);
        say!(
            "{what} {:<13} median {:8.1} ms, slowest {:8.1} ms ({} runs)",
            t.report,
            t.median_ms,
            slowest,
            t.runs_ms.len()
        );
    };
    for t in &r.reports {
        line("report", t);
    }
    for t in &r.xlsx {
        line("xlsx  ", t);
    }
    Ok(())
}

pub fn run(args: &BenchArgs) -> anyhow::Result<()> {
    if args.sync {
        return run_sync(args);
    }
    if args.sheets {
        return run_sheets(args);
    }
    if args.reports {
        return run_reports(args);
    }
    eprintln!(
        "Building and measuring a {}-ambassador demo network ...",
        args.ambassadors
    );
    // The demo store must outlive the measuring: the memory probe unlocks it
    // again from a separate process afterwards.
    let temp = tempfile::tempdir()?;
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| temp.path().join("store"));
    let report = measure(&BenchOptions {
        ambassadors: args.ambassadors,
        edits: args.edits,
        unlock_runs: args.unlocks,
        dir: Some(dir),
    })?;
    let peak = probe_peak_memory(&report.dir)?;
    if args.json {
        let mut value = serde_json::to_value(&report)?;
        value["unlock_peak_memory_bytes"] = peak.into();
        say!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(());
    }
    let mb = |b: u64| b as f64 / 1_048_576.0;
    let line = |label: &str, s: Spread| {
        say!(
            "{label:<44} median {:>8.2} ms   p95 {:>8.2} ms   max {:>8.2} ms",
            s.median_ms,
            s.p95_ms,
            s.max_ms
        );
    };
    say!(
        "Network: {} ambassadors, {} projects, {} training records, {} contributions, {} recognition entries (built in {:.1} s)",
        report.ambassadors,
        report.projects,
        report.training_records,
        report.contributions,
        report.recognition,
        report.demo_build_s
    );
    line("Argon2id key derivation (64 MiB, t=3)", report.kdf);
    line("Unlock to ready, Argon2id excluded", report.unlock_ready);
    line("Search all ambassadors (free text)", report.search);
    line(
        "Edit + durable commit, document not loaded",
        report.edit_first,
    );
    line("Edit + durable commit, document loaded", report.edit_again);
    line(
        "Plain SQLite baseline, load the same rows",
        report.baseline_load,
    );
    say!(
        "{:<44} {:.2}x",
        "Unlock-to-ready / baseline",
        report.ratio_to_baseline
    );
    say!(
        "{:<44} {:.1} MB (plain baseline {:.1} MB)",
        "Store size on disk",
        mb(report.store_bytes),
        mb(report.baseline_bytes)
    );
    match peak {
        Some(bytes) => say!("{:<44} {:.1} MB", "Peak memory, unlock to ready", mb(bytes)),
        None => say!(
            "{:<44} not measured on this platform",
            "Peak memory, unlock to ready"
        ),
    }
    Ok(())
}

/// Runs `sanctuary bench-unlock DIR` and reads the peak memory it reports.
fn probe_peak_memory(dir: &Path) -> anyhow::Result<Option<u64>> {
    let exe = std::env::current_exe().context("finding the sanctuary binary")?;
    let output = Command::new(exe).arg("bench-unlock").arg(dir).output()?;
    if !output.status.success() {
        anyhow::bail!(
            "the memory probe failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().parse().ok())
}

pub fn unlock_probe(dir: &Path) -> anyhow::Result<()> {
    unlock_only(dir)?;
    if let Some(bytes) = peak_memory_bytes() {
        say!("{bytes}");
    }
    Ok(())
}
