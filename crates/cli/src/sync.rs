//! `sanctuary sync`, `invite` and `init --join`: thin calls into the core's sync API.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use clap::Subcommand;
use sanctuary_core::watch::{FolderWatch, QUIET, RESCAN, Woken};
use sanctuary_core::{KdfParams, Sanctuary, SecretString};

use crate::args::KdfChoice;

#[derive(Subcommand, Debug)]
pub enum SyncCommand {
    /// Write this laptop's changes to a bundle file (all, or what DEVICE has not acknowledged).
    Export {
        #[arg(long)]
        out: PathBuf,
        /// The device the bundle is for (id, id prefix or name).
        #[arg(long = "for")]
        for_device: Option<String>,
    },
    /// Verify and merge a bundle from another laptop.
    Import { file: PathBuf },
    /// Exchange bundles through a shared folder (Syncthing, Nextcloud, a USB stick ...).
    Folder {
        dir: PathBuf,
        /// Keep running: sync again whenever another laptop's files arrive
        /// (and every few minutes in case a notification was lost); Ctrl-C stops.
        #[arg(long)]
        watch: bool,
    },
    /// For each other laptop: when it was last heard from, and what it has not acknowledged.
    Status {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ConflictsCommand {
    /// Fields two laptops changed at the same time: the value shown and the other(s).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Settle a conflict by keeping one of its values (0 = the one shown now).
    Resolve {
        /// The document (id or id prefix, as listed).
        document: String,
        /// The field path, as listed (e.g. `profile.notes`).
        field: String,
        /// Which value to keep: 0 for the one shown now, 1.. for the others in listed order.
        #[arg(long, default_value_t = 0)]
        keep: usize,
    },
}

#[derive(Subcommand, Debug)]
pub enum DeviceCommand {
    /// The laptops of this network.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a laptop (lost, stolen, or its coordinator left): its later
    /// bundles are refused and the network key moves on without it.
    Revoke {
        /// The device (id, id prefix or name).
        device: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum InviteCommand {
    /// Make an invite file; the one-time code is printed alone on the last line.
    Create {
        #[arg(long)]
        out: PathBuf,
        /// Days before the invite expires.
        #[arg(long, default_value_t = 7)]
        days: u32,
        /// Cost of guessing the code: `default` or `minimum` (tests).
        #[arg(long, value_enum, default_value_t = KdfChoice::Default)]
        kdf: KdfChoice,
    },
}

pub fn sync(s: &mut Sanctuary, command: SyncCommand) -> anyhow::Result<()> {
    match command {
        SyncCommand::Export { out, for_device } => {
            let bytes = s.sync_export(for_device.as_deref())?;
            write_new(&out, &bytes)?;
            say!("Wrote {} bytes to {}", bytes.len(), out.display());
        }
        SyncCommand::Import { file } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let report = s.sync_import(&bytes)?;
            if report.duplicate {
                say!("Already applied: nothing changed");
            } else {
                say!(
                    "Merged bundle {} from {}: {} documents changed",
                    report.seq,
                    report.sender,
                    report.changed
                );
                if !report.missing_keys.is_empty() {
                    say!(
                        "{} people's records in it are sealed under a key this laptop does not \
                         have yet (missing-person-key): the rest was applied, and this laptop's \
                         next bundle asks for them again",
                        report.missing_keys.len()
                    );
                } else if report.gap {
                    say!(
                        "It builds on changes from that laptop this one has not received: \
                         what could be applied was, and this laptop's next bundle asks for the rest"
                    );
                }
            }
        }
        SyncCommand::Folder { dir, watch } => {
            if watch {
                return watch_folder(s, &dir);
            }
            say_folder(&s.sync_folder(&dir)?);
        }
        SyncCommand::Status { json } => {
            let peers = s.sync_status()?;
            if json {
                return crate::output::json(&peers);
            }
            if peers.is_empty() {
                say!("No other laptops in this network yet");
            }
            for p in peers {
                let heard = p
                    .last_heard
                    .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
                    .map_or("never".to_string(), |t| {
                        t.format("%Y-%m-%d %H:%M UTC").to_string()
                    });
                let state = if p.revoked {
                    " (removed)".to_string()
                } else if p.up_to_date {
                    "  up to date".to_string()
                } else if p.missing.is_empty() {
                    "  has not acknowledged everything yet".to_string()
                } else {
                    format!(
                        "  {} of its bundles build on changes not received here (asked for again)",
                        p.missing.len()
                    )
                };
                say!(
                    "{}  {}{}  last heard: {}  not yet acknowledged: {} changes in {} documents",
                    short_id(&p.device),
                    p.name,
                    state,
                    heard,
                    p.unacknowledged_changes,
                    p.unacknowledged_documents
                );
            }
        }
    }
    Ok(())
}

fn say_folder(report: &sanctuary_core::FolderReport) {
    say!(
        "Imported {} bundles ({} documents changed), skipped {}{}",
        report.imported,
        report.changed,
        report.skipped,
        match report.written {
            Some(seq) => format!(", wrote bundle {seq}"),
            None => String::new(),
        }
    );
    if report.removed > 0 {
        say!(
            "Removed {} of this laptop's earlier bundles (no member needs them)",
            report.removed
        );
    }
    for problem in &report.problems {
        say!("  {problem}");
    }
}

/// `sync folder DIR --watch`: a pass now, then one after every change
/// another laptop makes in the folder, until Ctrl-C (which lets a pass
/// under way finish: each is one store transaction). Only passes that did
/// something are reported.
fn watch_folder(s: &mut Sanctuary, dir: &Path) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .context("could not listen for Ctrl-C")?;
    let watch = FolderWatch::new(dir, &s.device_id())?;
    say!("Watching {} (Ctrl-C stops)", dir.display());
    loop {
        match s.sync_folder(dir) {
            Ok(report) if report != sanctuary_core::FolderReport::default() => say_folder(&report),
            Ok(_) => {}
            // The folder went away for a moment (an unmounted share): next time.
            Err(sanctuary_core::CoreError::Sync(e)) => say!("  {e}"),
            Err(e) => return Err(e.into()),
        }
        if watch.wait(QUIET, RESCAN, &|| stop.load(Ordering::SeqCst)) == Woken::Stopped {
            say!("Stopped watching");
            return Ok(());
        }
    }
}

fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

pub fn conflicts(s: &mut Sanctuary, command: ConflictsCommand) -> anyhow::Result<()> {
    match command {
        ConflictsCommand::List { json } => {
            if json {
                // Scripts get the core's values as JSON, not as words.
                return crate::output::json(&s.conflicts()?);
            }
            // The table words each value as the app's Sync screen does (a
            // whole record by the fields its versions differ in).
            let conflicts = sanctuary_core::views::conflicts(s)?;
            if conflicts.is_empty() {
                say!("No conflicts");
            }
            for c in conflicts {
                say!("{} {} ({}) {}", c.kind, c.name, c.document, c.field);
                say!("  0 (shown): {}   from {}", c.winner.value, c.winner.by());
                for (i, other) in c.others.iter().enumerate() {
                    say!("  {}: {}   from {}", i + 1, other.value, other.by());
                }
            }
        }
        ConflictsCommand::Resolve {
            document,
            field,
            keep,
        } => {
            s.resolve_conflict(&document, &field, keep)?;
            say!("Resolved {field}; other laptops follow when they next sync");
        }
    }
    Ok(())
}

pub fn device(s: &mut Sanctuary, command: DeviceCommand) -> anyhow::Result<()> {
    match command {
        DeviceCommand::List { json } => {
            let devices = s.devices();
            if json {
                return crate::output::json(&devices);
            }
            for d in devices {
                let mut notes = Vec::new();
                if d.this_device {
                    notes.push("this laptop".to_string());
                }
                if !d.registered {
                    notes.push("not synced yet".to_string());
                }
                if let Some(r) = &d.revoked {
                    notes.push(format!(
                        "removed on {} after its bundle {}",
                        r.on, r.last_seq
                    ));
                }
                let notes = if notes.is_empty() {
                    String::new()
                } else {
                    format!("  ({})", notes.join(", "))
                };
                say!("{}  {}  added {}{}", d.id, d.name, d.added, notes);
            }
        }
        DeviceCommand::Revoke { device } => {
            let report = s.revoke_device(&device)?;
            say!(
                "Removed {}: its bundles after number {} are refused; the network key moved to epoch {} for {} other laptop(s)",
                short_id(&report.device),
                report.last_seq,
                report.epoch,
                report.wrapped_for.len()
            );
            say!("What it synced before stays with it.");
            for id in report.without_key {
                say!(
                    "  {} has not synced since keys could be passed on: give it a new invite",
                    short_id(&id)
                );
            }
        }
    }
    Ok(())
}

pub fn invite(s: &mut Sanctuary, command: InviteCommand) -> anyhow::Result<()> {
    match command {
        InviteCommand::Create { out, days, kdf } => {
            let invite = s.create_invite(crate::commands::kdf(kdf), days)?;
            write_new(&out, &invite.bytes)?;
            say!(
                "Wrote the invite to {}; give the new laptop the file and this code:",
                out.display()
            );
            say!("{}", invite.code);
        }
    }
    Ok(())
}

pub fn join(
    dir: &Path,
    pass: &SecretString,
    kdf: KdfParams,
    file: &Path,
    code: &str,
    device_name: &str,
) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let s = Sanctuary::join(dir, pass, kdf, &bytes, code, device_name)?;
    say!(
        "Joined {} as {} in {}",
        s.network().name,
        s.device_id(),
        dir.display()
    );
    Ok(())
}

fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}
