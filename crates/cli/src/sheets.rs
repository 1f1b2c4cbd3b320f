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
    let mut defaults = Vec::new();
    for d in &args.defaults {
        let Some((field, value)) = d.split_once('=') else {
            bail!("--default {d}: write it as FIELD=VALUE, for example region=Yorkshire");
        };
        defaults.push((field.trim().to_string(), value.to_string()));
    }
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
        "Restored {} ambassadors into {}. This laptop now writes as a new device; invite it into the network again before syncing",
        s.ambassador_count(),
        dir.display()
    );
    Ok(())
}
