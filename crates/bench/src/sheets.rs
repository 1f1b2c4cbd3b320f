//! `sanctuary bench --sheets`: importing a coordinator's spreadsheet of
//! thousands of people (CSV, read, planned with duplicate checks against a
//! store that already holds them, written in one transaction), and
//! exporting a whole network as an XLSX workbook.

use std::fmt::Write as _;
use std::time::Instant;

use sanctuary_core::demo::{DemoOptions, populate};
use sanctuary_core::import::{ImportKind, ImportOptions};
use sanctuary_core::{CreateOptions, ExportFormat, KdfParams, Sanctuary};
use serde::Serialize;

use crate::{BenchError, passphrase};

#[derive(Debug, Serialize)]
pub struct SheetsBenchReport {
    pub csv_rows: usize,
    pub csv_bytes: usize,
    /// Importing the CSV into an empty store (read, plan, write).
    pub import_ms: f64,
    /// The same file again: every row found to be a person already stored.
    pub reimport_ms: f64,
    pub export_people: usize,
    /// Training, contribution and recognition rows exported.
    pub export_records: usize,
    pub export_xlsx_ms: f64,
    pub export_xlsx_bytes: u64,
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// A spreadsheet as coordinators keep one: names in several scripts,
/// emails, UK mobiles, dates written the UK way, a payment answer.
pub fn people_csv(rows: usize) -> String {
    let first = [
        "Amina",
        "Saba",
        "Lan",
        "Yohannes",
        "Maryam",
        "Karim",
        "Zoë",
        "ሳባ",
        "أمينة",
        "Nguyễn",
    ];
    let last = [
        "Yusuf",
        "Tesfay",
        "Tran",
        "Haile",
        "Rahimi",
        "Haddad",
        "Okafor",
        "ተስፋይ",
        "حداد",
        "Thị",
    ];
    let mut csv = String::from(
        "First name,Surname,Email,Mobile,Languages spoken,Skills,Region,Date joined,Payment OK?\r\n",
    );
    for i in 0..rows {
        let _ = write!(
            csv,
            "{},{},person{i}@example.org,07700 {:06},\"Arabic (native), English\",\"public speaking, translation\",Region {},{:02}/{:02}/20{:02},{}\r\n",
            first[i % first.len()],
            last[(i / first.len()) % last.len()],
            i,
            i % 9,
            1 + i % 28,
            1 + i % 12,
            15 + i % 10,
            ["Yes", "No", "Check first"][i % 3],
        );
    }
    csv
}

pub fn run_sheets(ambassadors: usize) -> Result<SheetsBenchReport, BenchError> {
    let temp = tempfile::tempdir()?;
    let options = CreateOptions {
        kdf: KdfParams::MINIMUM,
        ..CreateOptions::default()
    };
    let csv = people_csv(ambassadors);
    let mut s = Sanctuary::create(&temp.path().join("import"), &passphrase(), &options)?;
    let import = ImportOptions {
        kind: ImportKind::Ambassadors,
        mapping: None,
        defaults: Vec::new(),
        dry_run: false,
        skip_invalid: false,
    };
    let started = Instant::now();
    s.import_sheet(csv.as_bytes(), &import)?;
    let import_ms = ms(started);
    let started = Instant::now();
    s.import_sheet(csv.as_bytes(), &import)?;
    let reimport_ms = ms(started);
    drop(s);

    let mut network = Sanctuary::create(&temp.path().join("export"), &passphrase(), &options)?;
    populate(
        &mut network,
        &DemoOptions {
            ambassadors,
            ..DemoOptions::default()
        },
    )?;
    let path = temp.path().join("network.xlsx");
    let started = Instant::now();
    let counts = network.export(ExportFormat::Xlsx(&path))?;
    let export_xlsx_ms = ms(started);
    let rows = |name: &str| {
        counts
            .iter()
            .find(|(t, _)| t == name)
            .map_or(0, |(_, n)| *n)
    };
    Ok(SheetsBenchReport {
        csv_rows: ambassadors,
        csv_bytes: csv.len(),
        import_ms,
        reimport_ms,
        export_people: rows("People"),
        export_records: rows("Training") + rows("Contributions") + rows("Recognition"),
        export_xlsx_ms,
        export_xlsx_bytes: std::fs::metadata(&path)?.len(),
    })
}
