//! `sanctuary bench --sync --watched`: an edit on one laptop until it is
//! visible on another that watches the shared folder (as `sync folder
//! --watch` does), on a demo network. Both laptops use one local folder, so
//! the other program's own delay (Syncthing's scan and transfer) is left
//! out. Also: how much a pass's peak memory grows when the folder holds a
//! huge (sparse) file and many stray files with bundle-like names.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use sanctuary_core::demo::{DemoOptions, populate};
use sanctuary_core::watch::{FolderWatch, QUIET, Woken};
use sanctuary_core::{CreateOptions, KdfParams, Sanctuary};
use serde::Serialize;

use crate::{BenchError, median, passphrase, peak_memory_bytes};

#[derive(Debug, Serialize)]
pub struct WatchBenchReport {
    pub ambassadors: usize,
    /// The debounce the watcher waits after the last change (`QUIET`).
    pub quiet_ms: f64,
    /// Edit committed on the writer until visible in the reader's read model, each run.
    pub latency_runs_ms: Vec<f64>,
    /// The median of `latency_runs_ms`.
    pub latency_ms: f64,
    /// The writer's edit and its pass over the folder (medians).
    pub writer_ms: f64,
    /// The reader's pass once woken (median).
    pub reader_pass_ms: f64,
    /// Growth of the process's peak memory during a pass over a folder
    /// holding a 1 GiB sparse file and 1,000 stray files (`None`: not measurable here).
    pub junk_pass_peak_growth_bytes: Option<u64>,
    pub junk_pass_ms: f64,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn run_watched(ambassadors: usize, runs: usize) -> Result<WatchBenchReport, BenchError> {
    let temp = tempfile::tempdir()?;
    let options = CreateOptions {
        kdf: KdfParams::MINIMUM,
        ..CreateOptions::default()
    };
    let mut writer = Sanctuary::create(&temp.path().join("writer"), &passphrase(), &options)?;
    populate(
        &mut writer,
        &DemoOptions {
            ambassadors,
            ..DemoOptions::default()
        },
    )?;
    let invite = writer.create_invite(KdfParams::MINIMUM, 1)?;
    let mut reader = Sanctuary::join(
        &temp.path().join("reader"),
        &passphrase(),
        KdfParams::MINIMUM,
        &invite.bytes,
        &invite.code,
        "reader laptop",
    )?;
    let folder = temp.path().join("shared");
    std::fs::create_dir_all(&folder)?;
    for _ in 0..2 {
        reader.sync_folder(&folder)?;
        writer.sync_folder(&folder)?;
    }
    let id = writer
        .ambassadors()
        .first()
        .map(|a| a.id().to_string())
        .ok_or_else(|| BenchError::Io(std::io::Error::other("an empty demo network")))?;

    // The reader watches in its own thread; each run it is told the notes
    // to wait for and answers with when they showed and its pass's time.
    let (want_tx, want_rx) = mpsc::channel::<String>();
    let (seen_tx, seen_rx) = mpsc::channel::<Result<(Instant, Duration), String>>();
    let watch = FolderWatch::new(&folder, &reader.device_id())
        .map_err(|e| BenchError::Io(std::io::Error::other(e.to_string())))?;
    let reader_folder = folder.clone();
    let watched_id = id.clone();
    let thread = std::thread::spawn(move || {
        while let Ok(want) = want_rx.recv() {
            let seen = loop {
                if watch.wait(QUIET, Duration::from_secs(60), &|| false) == Woken::Rescan {
                    break Err("the reader was not woken within a minute".to_string());
                }
                let started = Instant::now();
                if let Err(e) = reader.sync_folder(&reader_folder) {
                    break Err(e.to_string());
                }
                let pass = started.elapsed();
                match reader.ambassador(&watched_id) {
                    Ok(a) if a.profile.notes == want => break Ok((Instant::now(), pass)),
                    Ok(_) => {}
                    Err(e) => break Err(e.to_string()),
                }
            };
            if seen_tx.send(seen).is_err() {
                return;
            }
        }
    });

    let mut latency_runs_ms = Vec::new();
    let mut writer_runs = Vec::new();
    let mut reader_runs = Vec::new();
    for run in 0..runs.max(1) {
        let notes = format!("watched edit {run}");
        want_tx
            .send(notes.clone())
            .map_err(|_| BenchError::Io(std::io::Error::other("the reader stopped")))?;
        let started = Instant::now();
        writer.edit_profile(&id, |p| {
            p.notes = notes.clone();
            Ok(())
        })?;
        writer.sync_folder(&folder)?;
        writer_runs.push(ms(started.elapsed()));
        let (seen, pass) = seen_rx
            .recv()
            .map_err(|_| BenchError::Io(std::io::Error::other("the reader stopped")))?
            .map_err(|e| BenchError::Io(std::io::Error::other(e)))?;
        latency_runs_ms.push(ms(seen - started));
        reader_runs.push(ms(pass));
        // The reader's answer (its acknowledgement) settles before the next run.
        std::thread::sleep(QUIET * 2);
        writer.sync_folder(&folder)?;
    }
    drop(want_tx);
    let _ = thread.join();

    // Junk: a 1 GiB sparse file and 1,000 stray files named like bundles.
    let stranger = folder.join("abcdef0123456789");
    std::fs::create_dir_all(&stranger)?;
    std::fs::File::create(stranger.join("1.bundle"))?.set_len(1 << 30)?;
    for i in 2..1002 {
        std::fs::write(stranger.join(format!("{i}.bundle")), b"SNCTBNDL not really")?;
    }
    let before = peak_memory_bytes();
    let started = Instant::now();
    writer.sync_folder(&folder)?;
    let junk_pass_ms = ms(started.elapsed());
    let junk_pass_peak_growth_bytes = match (before, peak_memory_bytes()) {
        (Some(b), Some(a)) => Some(a.saturating_sub(b)),
        _ => None,
    };

    Ok(WatchBenchReport {
        ambassadors,
        quiet_ms: ms(QUIET),
        latency_ms: median(&latency_runs_ms),
        latency_runs_ms,
        writer_ms: median(&writer_runs),
        reader_pass_ms: median(&reader_runs),
        junk_pass_peak_growth_bytes,
        junk_pass_ms,
    })
}
