//! `sanctuary bench`: builds a demo network and measures what a coordinator
//! waits for: unlocking until every list and search is usable (with the
//! deliberate Argon2id time reported apart), one durable edit, the size of the
//! store on disk. Beside it, the same rows in a plain, unencrypted SQLite file
//! loaded into the same structs: the ratio between the two is the figure that
//! holds on a noisy machine.

mod baseline;
mod reports;
mod sheets;
mod sync;
mod watch;

pub use reports::{ReportTiming, ReportsBenchReport, run_reports};
pub use sheets::{SheetsBenchReport, people_csv, run_sheets};
pub use sync::{SyncBenchReport, run_sync};
pub use watch::{WatchBenchReport, run_watched};

use std::path::{Path, PathBuf};
use std::time::Instant;

use sanctuary_core::demo::{DemoOptions, populate};
use sanctuary_core::{AmbassadorQuery, CreateOptions, KdfParams, Sanctuary, SecretString};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error(transparent)]
    Core(#[from] sanctuary_core::CoreError),
    #[error("baseline database: {0}")]
    Baseline(#[from] rusqlite::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("encoding the baseline rows: {0}")]
    Json(#[from] serde_json::Error),
}

pub struct BenchOptions {
    pub ambassadors: usize,
    pub edits: usize,
    pub unlock_runs: usize,
    /// Where to build the store; a temporary directory if `None`.
    pub dir: Option<PathBuf>,
}

/// The middle value (the upper middle of an even count); 0 for none. The
/// one median every measurement here reports.
pub(crate) fn median(runs: &[f64]) -> f64 {
    let mut sorted = runs.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(0.0)
}

/// Milliseconds at the median and the 95th percentile of a series.
#[derive(Debug, Serialize, Clone, Copy)]
pub struct Spread {
    pub median_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
}

impl Spread {
    fn of(mut ms: Vec<f64>) -> Spread {
        ms.sort_by(f64::total_cmp);
        let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
        Spread {
            median_ms: at(0.5),
            p95_ms: at(0.95),
            max_ms: at(1.0),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct BenchReport {
    pub ambassadors: usize,
    pub projects: usize,
    pub training_records: usize,
    pub contributions: usize,
    pub recognition: usize,
    pub demo_build_s: f64,
    /// Argon2id at the default cost, alone.
    pub kdf: Spread,
    /// Unlock to ready (snapshots decrypted and decoded), Argon2id excluded.
    pub unlock_ready: Spread,
    /// A free-text search over every ambassador, once unlocked.
    pub search: Spread,
    /// One profile edit, durably committed, to a document not yet loaded.
    pub edit_first: Spread,
    /// Further edits to a document already loaded.
    pub edit_again: Spread,
    pub store_bytes: u64,
    /// The same rows in plain SQLite, loaded into the same structs.
    pub baseline_load: Spread,
    pub baseline_bytes: u64,
    /// unlock_ready.median / baseline_load.median.
    pub ratio_to_baseline: f64,
    pub dir: PathBuf,
}

pub const BENCH_PASSPHRASE: &str = "bench passphrase, not a secret";

pub fn passphrase() -> SecretString {
    SecretString::from(BENCH_PASSPHRASE.to_string())
}

/// Builds the demo network (unless `dir` already holds one) and measures it.
pub fn run(options: &BenchOptions) -> Result<BenchReport, BenchError> {
    let temp;
    let dir = match &options.dir {
        Some(dir) => dir.clone(),
        None => {
            temp = tempfile::tempdir()?;
            temp.path().join("store")
        }
    };
    let demo_started = Instant::now();
    if !sanctuary_core::store_exists(&dir) {
        let create = CreateOptions {
            kdf: KdfParams::DEFAULT,
            ..CreateOptions::default()
        };
        let mut s = Sanctuary::create(&dir, &passphrase(), &create)?;
        let demo = DemoOptions {
            ambassadors: options.ambassadors,
            ..DemoOptions::default()
        };
        populate(&mut s, &demo)?;
    }
    let demo_build_s = demo_started.elapsed().as_secs_f64();

    let (mut kdf, mut ready, mut search) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..options.unlock_runs.max(1) {
        let (s, timings) = Sanctuary::open_timed(&dir, &passphrase())?;
        kdf.push(timings.kdf_ms);
        ready.push(timings.total_ms - timings.kdf_ms);
        let started = Instant::now();
        let query = AmbassadorQuery {
            text: Some("ah".into()),
            ..Default::default()
        };
        std::hint::black_box(s.search_ambassadors(&query).len());
        search.push(ms(started));
    }

    let mut s = Sanctuary::open(&dir, &passphrase())?;
    let ids: Vec<String> = s.ambassadors().iter().map(|d| d.id().to_string()).collect();
    let (mut first, mut again) = (Vec::new(), Vec::new());
    for (i, id) in ids.iter().take(options.edits.max(1)).enumerate() {
        first.push(edit(&mut s, id, i)?);
        again.push(edit(&mut s, id, i + 1)?);
    }
    let store_bytes = s
        .store()
        .size_on_disk()
        .map_err(sanctuary_core::CoreError::from)?;

    let docs: Vec<_> = s.ambassadors().into_iter().cloned().collect();
    let baseline = baseline::build(&dir.with_extension("baseline.sqlite3"), &docs)?;
    let mut baseline_load = Vec::new();
    for _ in 0..options.unlock_runs.max(1) {
        baseline_load.push(baseline::load(&baseline.path)?);
    }
    let (kdf, unlock_ready, baseline_load) = (
        Spread::of(kdf),
        Spread::of(ready),
        Spread::of(baseline_load),
    );
    Ok(BenchReport {
        ambassadors: docs.len(),
        projects: s.projects().len(),
        training_records: docs.iter().map(|d| d.training.len()).sum(),
        contributions: docs.iter().map(|d| d.contributions.len()).sum(),
        recognition: docs.iter().map(|d| d.recognition.len()).sum(),
        demo_build_s,
        kdf,
        unlock_ready,
        search: Spread::of(search),
        edit_first: Spread::of(first),
        edit_again: Spread::of(again),
        store_bytes,
        baseline_load,
        baseline_bytes: baseline.bytes,
        ratio_to_baseline: unlock_ready.median_ms / baseline_load.median_ms,
        dir,
    })
}

fn edit(s: &mut Sanctuary, id: &str, n: usize) -> Result<f64, BenchError> {
    let started = Instant::now();
    s.edit_profile(id, |p| {
        p.notes = format!("Benchmark edit {n}");
        Ok(())
    })?;
    Ok(ms(started))
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

/// This process's peak resident memory in bytes (Linux), for the unlock-only
/// child process the CLI runs.
pub fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Unlocks `dir` and does one search: what the CLI's memory probe runs in a
/// fresh process, so its peak memory is unlock-to-ready alone.
pub fn unlock_only(dir: &Path) -> Result<usize, BenchError> {
    let s = Sanctuary::open(dir, &passphrase())?;
    Ok(s.search_ambassadors(&AmbassadorQuery::default()).len())
}
