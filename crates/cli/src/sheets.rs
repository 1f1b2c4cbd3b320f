//! `sanctuary import`, `export`, `backup` and `restore`.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use sanctuary_core::import::{ImportKind, ImportOptions, Mapping, SheetImportReport};
use sanctuary_core::{ExportFormat, Sanctuary, SecretString};

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum KindArg {
    Ambassadors,
    Training,
    Contributions,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// What the file holds.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// A CSV (any encoding Excel writes), XLSX or ODS file; the first row names the columns.
    pub file: PathBuf,
    /// A JSON object of header -> field (or "ignore"); remembered for files with the same header row.
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// FIELD=VALUE for a field the file lacks or leaves blank, e.g. region=Yorkshire.
    #[arg(long = "default", value_name = "FIELD=VALUE")]
    pub defaults: Vec<String>,
    /// Report what would happen; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Import the valid rows even if others are rejected.
    #[arg(long)]
    pub skip_invalid: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
#[group(required = true, multiple = false)]
pub struct ExportArgs {
    /// One workbook with a worksheet per table.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// One CSV file per table in this directory.
    #[arg(long, value_name = "DIR")]
    pub csv: Option<PathBuf>,
    /// One JSON file: an array of rows per table.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct BackupArgs {
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// The backup file `sanctuary backup` wrote.
    pub file: PathBuf,
}

#[derive(Args, Debug)]
pub struct JoinArgs {
    /// The invite file a coordinator made on another laptop of the network (`sanctuary invite`).
    pub file: PathBuf,
    /// The one-time code given with the invite.
    #[arg(long)]
    pub code: String,
    /// A name for this laptop, shown to other coordinators.
    #[arg(long, default_value = "this laptop")]
    pub device_name: String,
}

pub fn import(s: &mut Sanctuary, args: &ImportArgs) -> anyhow::Result<()> {
    let kind = match args.kind {
        KindArg::Ambassadors => ImportKind::Ambassadors,
        KindArg::Training => ImportKind::Training,
        KindArg::Contributions => ImportKind::Contributions,
    };
    let mapping = match &args.mapping {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("could not read the mapping file {}", path.display()))?;
            Some(Mapping::from_json(kind, &text).map_err(anyhow::Error::msg)?)
        }
        None => None,
    };
    let defaults = args
        .defaults
        .iter()
        .map(|d| sanctuary_core::import::parse_default(d))
        .collect::<Result<Vec<_>, _>>()?;
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("could not read {}", args.file.display()))?;
    let options = ImportOptions {
        kind,
        mapping,
        defaults,
        dry_run: args.dry_run,
        skip_invalid: args.skip_invalid,
    };
    let report = s.import_sheet(&bytes, &options)?;
    if args.json {
        say!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report);
    }
    if !report.rejected.is_empty() && !args.skip_invalid && !args.dry_run {
        bail!(
            "{} row(s) were rejected, so nothing was imported; correct them, or use --skip-invalid to import the valid rows only",
            report.rejected.len()
        );
    }
    Ok(())
}

fn print_report(r: &SheetImportReport) {
    for (header, field) in &r.mapping {
        say!("column {header:?} -> {field}");
    }
    for d in &r.duplicates {
        say!("row {}: the same as {} ({})", d.row, d.of, d.reason);
    }
    for x in &r.rejected {
        say!("row {}: rejected: {}", x.row, x.reason);
    }
    let what = if r.kind == ImportKind::Ambassadors {
        "new people"
    } else {
        "new records"
    };
    let verb = if r.written {
        "Imported"
    } else {
        "Would import"
    };
    say!(
        "{verb} {} {what} and update {} people from {} rows; {} rejected, {} duplicates{}",
        r.created,
        r.updated,
        r.rows,
        r.rejected.len(),
        r.duplicates.len(),
        if r.dry_run {
            " (dry run: nothing written)"
        } else {
            ""
        }
    );
}

pub fn export(s: &Sanctuary, args: &ExportArgs) -> anyhow::Result<()> {
    let (format, target): (ExportFormat<'_>, &Path) = match (&args.xlsx, &args.csv, &args.json) {
        (Some(p), _, _) => (ExportFormat::Xlsx(p), p),
        (_, Some(p), _) => (ExportFormat::CsvDir(p), p),
        (_, _, Some(p)) => (ExportFormat::Json(p), p),
        _ => bail!("say where to write: --xlsx FILE, --csv DIR or --json FILE"),
    };
    let counts = s.export(format)?;
    let parts: Vec<String> = counts
        .iter()
        .map(|(t, n)| format!("{n} {}", t.to_lowercase()))
        .collect();
    say!("Wrote {} to {}", parts.join(", "), target.display());
    Ok(())
}

pub fn backup(s: &mut Sanctuary, pass: &SecretString, args: &BackupArgs) -> anyhow::Result<()> {
    let size = s.backup(&args.out, pass)?;
    say!(
        "Wrote an encrypted backup ({} KiB) to {}; it opens only with this store's passphrase",
        size.div_ceil(1024),
        args.out.display()
    );
    Ok(())
}

pub fn restore(dir: &Path, pass: &SecretString, args: &RestoreArgs) -> anyhow::Result<()> {
    let s = Sanctuary::restore(dir, &args.file, pass)?;
    say!(
        "Restored {} ambassadors into {}. This laptop now writes as a new device: before it syncs, ask a coordinator on another laptop of the network for an invite and join again with it (`sanctuary join INVITE-FILE --code CODE`); nothing in this store is lost",
        s.ambassador_count(),
        dir.display()
    );
    Ok(())
}

/// A laptop restored from a backup joins its network again with an invite,
/// keeping everything in its store.
pub fn join_again(s: &mut Sanctuary, args: &JoinArgs) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("could not read the invite {}", args.file.display()))?;
    s.rejoin(&bytes, args.code.trim(), &args.device_name)?;
    say!(
        "Joined {} again as {}, keeping the {} ambassadors in this store; sync as usual now",
        s.network().name,
        s.device_id(),
        s.ambassador_count()
    );
    Ok(())
}
