//! `sanctuary bench --sync`: what syncing costs on a demo network. A founder
//! laptop with the whole network; a second laptop joins with an invite (the
//! full first sync); then a day's work at a drop-in (edits across people) is
//! exported for that peer and imported there.

use std::time::Instant;

use sanctuary_core::demo::{DemoOptions, populate};
use sanctuary_core::model::{Contribution, Stream};
use sanctuary_core::{CreateOptions, KdfParams, Sanctuary};
use serde::Serialize;

use crate::{BenchError, median, passphrase};

#[derive(Debug, Serialize)]
pub struct SyncBenchReport {
    pub ambassadors: usize,
    /// A full bundle of the whole network (what an invite carries).
    pub full_bundle_bytes: usize,
    pub full_export_ms: f64,
    /// A new laptop joining: open the invite (Argon2id apart), import everything, register.
    pub join_ms: f64,
    pub join_kdf_ms: f64,
    pub day_edits: usize,
    pub day_bundle_bytes: usize,
    /// The median of `day_export_runs_ms`.
    pub day_export_ms: f64,
    /// Each export of the same day's work for the peer (nothing is
    /// acknowledged in between, so each holds the same changes).
    pub day_export_runs_ms: Vec<f64>,
    /// The median of `day_import_runs_ms`.
    pub day_import_ms: f64,
    /// Each import of the same day's bundle, every one into a fresh copy of
    /// the peer's store as it was before: one run on a shared machine is noise.
    pub day_import_runs_ms: Vec<f64>,
    pub day_documents_changed: usize,
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

pub fn run_sync(
    ambassadors: usize,
    edits: usize,
    imports: usize,
) -> Result<SyncBenchReport, BenchError> {
    let temp = tempfile::tempdir()?;
    let options = CreateOptions {
        kdf: KdfParams::MINIMUM,
        ..CreateOptions::default()
    };
    let mut founder = Sanctuary::create(&temp.path().join("founder"), &passphrase(), &options)?;
    populate(
        &mut founder,
        &DemoOptions {
            ambassadors,
            ..DemoOptions::default()
        },
    )?;

    let started = Instant::now();
    let full = founder.sync_export(None)?;
    let full_export_ms = ms(started);

    let invite = founder.create_invite(KdfParams::MINIMUM, 1)?;
    // The Argon2id runs (invite code, new store) are deliberate; time one apart.
    let kdf_started = Instant::now();
    let probe = Sanctuary::create(&temp.path().join("probe"), &passphrase(), &options)?;
    drop(probe);
    let join_kdf_ms = ms(kdf_started) * 2.0;
    let started = Instant::now();
    let mut peer = Sanctuary::join(
        &temp.path().join("peer"),
        &passphrase(),
        KdfParams::MINIMUM,
        &invite.bytes,
        &invite.code,
        "peer laptop",
    )?;
    let join_ms = ms(started);
    // The peer's registration (and acknowledgement) goes back to the founder.
    let hello = peer.sync_export(None)?;
    founder.sync_import(&hello)?;

    // A day's work: edits spread over people, notes and contributions.
    let ids: Vec<String> = founder
        .ambassadors()
        .iter()
        .map(|a| a.id().to_string())
        .collect();
    for i in 0..edits {
        let id = &ids[(i * 7919) % ids.len()];
        if i % 2 == 0 {
            founder.edit_profile(id, |p| {
                p.notes = format!("drop-in note {i}");
                Ok(())
            })?;
        } else {
            let c = Contribution {
                id: String::new(),
                project_id: None,
                date: "2025-06-01"
                    .parse::<sanctuary_core::model::Day>()
                    .map_err(sanctuary_core::CoreError::from)?,
                role: "drop-in helper".into(),
                stream: Stream::Other,
                minutes: 60,
            };
            founder.log_contribution(id, c)?;
        }
    }
    let peer_id = peer.device_id();
    let mut day_export_runs_ms = Vec::with_capacity(imports.max(1));
    let mut day = Vec::new();
    for _ in 0..imports.max(1) {
        let started = Instant::now();
        day = founder.sync_export(Some(&peer_id))?;
        day_export_runs_ms.push(ms(started));
    }
    // The peer's store is closed and copied before each import, so every run
    // starts from the same state (importing a bundle twice is a no-op).
    drop(peer);
    let peer_dir = temp.path().join("peer");
    let mut day_import_runs_ms = Vec::with_capacity(imports.max(1));
    let mut changed = 0;
    for run in 0..imports.max(1) {
        let dir = temp.path().join(format!("peer-run-{run}"));
        copy_dir(&peer_dir, &dir)?;
        let mut copy = Sanctuary::open(&dir, &passphrase())?;
        let started = Instant::now();
        let report = copy.sync_import(&day)?;
        day_import_runs_ms.push(ms(started));
        changed = report.changed;
        drop(copy);
        std::fs::remove_dir_all(&dir)?;
    }

    Ok(SyncBenchReport {
        ambassadors,
        full_bundle_bytes: full.len(),
        full_export_ms,
        join_ms,
        join_kdf_ms,
        day_edits: edits,
        day_bundle_bytes: day.len(),
        day_export_ms: median(&day_export_runs_ms),
        day_export_runs_ms,
        day_import_ms: median(&day_import_runs_ms),
        day_import_runs_ms,
        day_documents_changed: changed,
    })
}

/// Copies a closed store's files (no subdirectories) into a new directory.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}
