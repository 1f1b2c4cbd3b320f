//! `sanctuary bench --sync`: what syncing costs on a demo network. A founder
//! laptop with the whole network; a second laptop joins with an invite (the
//! full first sync); then a day's work at a drop-in (edits across people) is
//! exported for that peer and imported there.

use std::time::Instant;

use sanctuary_core::demo::{DemoOptions, populate};
use sanctuary_core::model::{Contribution, Stream};
use sanctuary_core::{CreateOptions, KdfParams, Sanctuary};
use serde::Serialize;

use crate::{BenchError, passphrase};

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
    pub day_export_ms: f64,
    pub day_import_ms: f64,
    pub day_documents_changed: usize,
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

pub fn run_sync(ambassadors: usize, edits: usize) -> Result<SyncBenchReport, BenchError> {
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
    let started = Instant::now();
    let day = founder.sync_export(Some(&peer_id))?;
    let day_export_ms = ms(started);
    let started = Instant::now();
    let report = peer.sync_import(&day)?;
    let day_import_ms = ms(started);

    Ok(SyncBenchReport {
        ambassadors,
        full_bundle_bytes: full.len(),
        full_export_ms,
        join_ms,
        join_kdf_ms,
        day_edits: edits,
        day_bundle_bytes: day.len(),
        day_export_ms,
        day_import_ms,
        day_documents_changed: report.changed,
    })
}
