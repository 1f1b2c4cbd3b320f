//! Spreadsheet import from a workbook another program wrote, and backups
//! restored document for document.

use std::io::Write;

use sanctuary_core::Sanctuary;
use sanctuary_core::import::{ImportKind, ImportOptions};
use sanctuary_core::model::Profile;

use crate::support::*;

/// A minimal XLSX as spreadsheet programs write it (inline strings, a
/// number cell, a real date cell styled with Excel's built-in date format
/// 14), made by hand so the reader is tested on a writer other than ours.
fn hand_written_xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, value) in row.iter().enumerate() {
            let cell = format!("{}{}", (b'A' + c as u8) as char, r + 1);
            if let Some(serial) = value.strip_prefix("date:") {
                sheet.push_str(&format!(r#"<c r="{cell}" s="1"><v>{serial}</v></c>"#));
            } else if let Some(number) = value.strip_prefix("number:") {
                sheet.push_str(&format!(r#"<c r="{cell}"><v>{number}</v></c>"#));
            } else if !value.is_empty() {
                sheet.push_str(&format!(
                    r#"<c r="{cell}" t="inlineStr"><is><t>{value}</t></is></c>"#
                ));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ambassadors" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_string()),
        ("xl/styles.xml", r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#.to_string()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in files {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("zip entry");
        zip.write_all(content.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

fn options() -> ImportOptions {
    ImportOptions {
        kind: ImportKind::Ambassadors,
        mapping: None,
        defaults: vec![("region".into(), "Yorkshire".into())],
        dry_run: false,
        skip_invalid: true,
    }
}

/// Profiles without their random ids, in name order.
fn profiles(s: &Sanctuary) -> Vec<Profile> {
    let mut all: Vec<Profile> = s
        .ambassadors()
        .iter()
        .map(|d| Profile {
            id: String::new(),
            ..d.profile.clone()
        })
        .collect();
    all.sort_by(|a, b| a.display_name.cmp(&b.display_name));
    all
}

#[test]
fn a_workbook_from_another_program_imports_the_same_as_the_csv() {
    let csv = "\u{feff}Name;Email;Mobile;Date joined;Payment OK?\r\n\
        Amina;amina@example.org;7700900123;14/03/2023;No\r\n\
        ሳባ ተስፋይ;saba@example.org;;1 Feb 2024;Check first\r\n\
        Nguyễn Thị Lan;;7700900456;45000;Yes\r\n\
        AMINA;AMINA@example.org;;01/01/2020;Maybe\r\n";
    let xlsx = hand_written_xlsx(&[
        &["Name", "Email", "Mobile", "Date joined", "Payment OK?"],
        &[
            "Amina",
            "amina@example.org",
            "number:7700900123",
            "date:44999",
            "No",
        ],
        &[
            "ሳባ ተስፋይ",
            "saba@example.org",
            "",
            "1 Feb 2024",
            "Check first",
        ],
        &[
            "Nguyễn Thị Lan",
            "",
            "number:7700900456",
            "number:45000",
            "Yes",
        ],
        &["AMINA", "AMINA@example.org", "", "date:43831", "Maybe"],
    ]);
    let (_t1, _d1, mut from_csv) = new_store();
    let (_t2, _d2, mut from_xlsx) = new_store();
    let a = from_csv
        .import_sheet(csv.as_bytes(), &options())
        .expect("csv");
    let b = from_xlsx.import_sheet(&xlsx, &options()).expect("xlsx");
    assert_eq!(a.created, 3);
    assert_eq!((a.created, &a.rejected), (b.created, &b.rejected));
    assert_eq!(b.rejected.len(), 1, "the payment answer 'Maybe' is refused");
    assert_eq!(profiles(&from_csv), profiles(&from_xlsx));
    assert_eq!(profiles(&from_xlsx)[0].joined, day("2023-03-14"));
}

#[test]
fn a_restored_backup_holds_every_document_and_writes_as_a_new_device() {
    let (temp, dir, mut s) = new_store();
    sanctuary_core::demo::populate(
        &mut s,
        &sanctuary_core::demo::DemoOptions {
            ambassadors: 20,
            seed: 7,
            ..Default::default()
        },
    )
    .expect("demo");
    let backup = temp.path().join("store.backup");
    s.backup(&backup, &passphrase()).expect("backup");
    // Writes after the backup are not in it.
    let amina = s.ambassadors()[0].id().to_string();
    s.archive_ambassador(&amina).expect("archive");
    let heads_now = s.document_heads().expect("heads");
    let device = s.device_id();
    drop(s);

    let restored_dir = temp.path().join("restored");
    let mut r = Sanctuary::restore(&restored_dir, &backup, &passphrase()).expect("restore");
    let original = reopen(&dir);
    let restored_heads = r.document_heads().expect("heads");
    assert_eq!(restored_heads.len(), heads_now.len());
    let differing: Vec<&String> = heads_now
        .iter()
        .filter(|(id, h)| restored_heads.get(*id) != Some(h))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(
        differing,
        [&amina],
        "only the document changed after the backup differs"
    );
    for doc in original.ambassadors() {
        assert_eq!(
            r.ambassador(doc.id()).expect("restored").profile,
            doc.profile
        );
    }
    assert!(!r.ambassador(&amina).expect("there").profile.archived);
    assert_ne!(
        r.device_id(),
        device,
        "a restored laptop writes as a new device"
    );
    assert!(r.verify().expect("verify").problems.is_empty());
    // It cannot sign bundles as the device it was; syncing says what to do.
    let refused = r
        .sync_export(None)
        .expect_err("not a device of the network");
    assert_eq!(refused.code(), "not-a-device");
    assert!(
        refused
            .to_string()
            .contains("ask a coordinator on another laptop of the network for an invite")
    );
}

/// Every rejected row and duplicate carries codes the app words from its
/// message files, with the field and the value as written; the English
/// reason the CLI prints is the coded problems' sentences.
#[test]
fn rejected_rows_and_duplicates_are_coded_for_the_app() {
    use sanctuary_core::import::{DuplicateCode, ProblemCode};
    let csv = "Name,Email,Mobile,Date joined,Payment OK?,Region\r\n\
        Amina,amina@example.org,07700 900123,14/03/2023,No,Leeds\r\n\
        ,x@example.org,,01/01/2024,No,Leeds\r\n\
        Karim,karim@example.org,,31/02/2023,Maybe,Leeds\r\n\
        Olu,olu-at-example.org,,01/05/2023,No,Leeds\r\n\
        AMINA,AMINA@EXAMPLE.ORG,,2023-03-14,no,Leeds\r\n";
    let (_t, _d, mut s) = new_store();
    let report = s
        .import_sheet(
            csv.as_bytes(),
            &ImportOptions {
                dry_run: true,
                ..options()
            },
        )
        .expect("planned");
    let codes: Vec<(usize, Vec<ProblemCode>)> = report
        .rejected
        .iter()
        .map(|r| (r.row, r.problems.iter().map(|p| p.code).collect()))
        .collect();
    assert_eq!(
        codes,
        [
            (3, vec![ProblemCode::EmptyName]),
            (
                4,
                vec![ProblemCode::ImpossibleDate, ProblemCode::BadPayment]
            ),
            (5, vec![ProblemCode::BadEmail]),
        ]
    );
    let karim = &report.rejected[1];
    assert_eq!(karim.problems[0].field.as_deref(), Some("joined"));
    assert_eq!(karim.problems[0].value.as_deref(), Some("31/02/2023"));
    assert_eq!(karim.problems[1].value.as_deref(), Some("Maybe"));
    assert_eq!(
        karim.reason,
        "date joined: '31/02/2023' is not a day that exists (dates are read day first: 14/03/2023); \
         'Maybe' is not a payment answer; write yes, no or check first"
    );
    assert_eq!(
        report.rejected[2].problems[0].value.as_deref(),
        Some("olu-at-example.org")
    );
    assert_eq!(report.duplicates.len(), 1);
    let dup = &report.duplicates[0];
    assert_eq!(
        (dup.row, dup.of_row, dup.code),
        (6, Some(2), DuplicateCode::SameEmail)
    );
}

/// The preview guesses the mapping from the header names; once an import
/// with a chosen mapping is written, the next preview of a file with the
/// same header row shows that mapping, remembered.
#[test]
fn the_preview_shows_the_guess_then_the_remembered_mapping() {
    use sanctuary_core::import::Mapping;
    let csv = "Known as,Area,Tel (home)\r\nAmina,Leeds,07700 900123\r\nSaba,York,\r\n";
    let (_t, _d, mut s) = new_store();
    let first = s
        .import_preview(csv.as_bytes(), ImportKind::Ambassadors)
        .expect("preview");
    assert_eq!(first.header, ["Known as", "Area", "Tel (home)"]);
    assert_eq!(first.total_rows, 2);
    assert_eq!(
        first.mapping,
        [Some("name".to_string()), Some("region".to_string()), None]
    );
    assert!(!first.remembered);
    let chosen = Mapping::checked(
        ImportKind::Ambassadors,
        [
            ("Known as".to_string(), "name".to_string()),
            ("Area".to_string(), "ignore".to_string()),
            ("Tel (home)".to_string(), "phone".to_string()),
        ]
        .into(),
    )
    .expect("valid");
    let report = s
        .import_sheet(
            csv.as_bytes(),
            &ImportOptions {
                mapping: Some(chosen),
                ..options()
            },
        )
        .expect("imported");
    assert_eq!(report.created, 2);
    let again = s
        .import_preview(csv.as_bytes(), ImportKind::Ambassadors)
        .expect("preview");
    assert!(again.remembered);
    assert_eq!(
        again.mapping,
        [Some("name".to_string()), None, Some("phone".to_string())]
    );
    // The region came from the default, not the ignored column.
    assert!(profiles(&s).iter().all(|p| p.region == "Yorkshire"));
}

/// The app's component tests draw the Import screen from what the core
/// says of this small file (`ui/src/lib/import/fixture.json`: its preview,
/// the dry run and the import of the valid rows), never from a second
/// implementation of the import rules in TypeScript.
#[test]
fn the_ui_fixture_holds_the_core_s_preview_and_reports_of_a_small_file() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/lib/import/fixture.json");
    let csv = "First name,Surname,Email,Mobile,Region,Date joined,Payment OK?,Shoe size\r\n\
        Amina,Yusuf,amina@example.org,07700 900123,Leeds,14/03/2023,No,38\r\n\
        Saba,Tesfay,saba@example.org,,Leeds,31/02/2023,Maybe,40\r\n\
        Lan,Nguyen,lan@example.org,,York,1 Feb 2024,Yes,36\r\n\
        AMINA,YUSUF,AMINA@EXAMPLE.ORG,+44 7700 900 123,Leeds,2023-03-14,no,38\r\n";
    let (_t, _d, mut s) = new_store();
    let preview = s
        .import_preview(csv.as_bytes(), ImportKind::Ambassadors)
        .expect("preview");
    let import = |s: &mut Sanctuary, dry_run: bool| {
        s.import_sheet(
            csv.as_bytes(),
            &ImportOptions {
                kind: ImportKind::Ambassadors,
                mapping: None,
                defaults: Vec::new(),
                dry_run,
                skip_invalid: true,
            },
        )
        .expect("import")
    };
    let dry_run = import(&mut s, true);
    assert_eq!(s.ambassadors().len(), 0, "a dry run writes nothing");
    let written = import(&mut s, false);
    assert_eq!(s.ambassadors().len(), 2);
    let json = serde_json::to_string_pretty(&serde_json::json!({
        "preview": preview,
        "dry_run": dry_run,
        "written": written,
    }))
    .expect("json")
        + "\n";
    if std::env::var_os("SANCTUARY_UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &json).expect("write the fixture");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == json,
        "{} is stale: run SANCTUARY_UPDATE_FIXTURES=1 cargo test -p sanctuary-core --test core sheets",
        path.display()
    );
}

/// A backup records its day; the reminder is due when there is none or the
/// last is as old as the coordinator's number of days.
#[test]
fn the_backup_reminder_follows_the_last_backup() {
    let (temp, dir, mut s) = new_store();
    let today = sanctuary_core::model::Day::today();
    let never = s.backup_status(today, 7).expect("status");
    assert_eq!(
        (never.last, never.days_since, never.due),
        (None, None, true)
    );
    s.backup(&temp.path().join("b.backup"), &passphrase())
        .expect("backup");
    let now = s.backup_status(today, 7).expect("status");
    assert_eq!(
        (now.last, now.days_since, now.due),
        (Some(today), Some(0), false)
    );
    let later = |days: i64| sanctuary_core::model::Day(today.0 + chrono::TimeDelta::days(days));
    assert!(!s.backup_status(later(6), 7).expect("status").due);
    let week = s.backup_status(later(7), 7).expect("status");
    assert_eq!((week.days_since, week.due), (Some(7), true));
    assert!(!s.backup_status(later(7), 30).expect("status").due);
    // A failed backup (wrong passphrase) changes nothing.
    {
        let (_t2, _d2, mut f) = new_store();
        let wrong = sanctuary_core::SecretString::from("wrong");
        assert!(f.backup(&temp.path().join("never.backup"), &wrong).is_err());
        assert_eq!(f.backup_status(today, 7).expect("status").last, None);
    }
    // A store restored from the backup knows the day it was made.
    let restored = temp.path().join("restored");
    let r = Sanctuary::restore(&restored, &temp.path().join("b.backup"), &passphrase())
        .expect("restore");
    assert_eq!(r.backup_status(today, 7).expect("status").last, Some(today));
    drop(r);
    drop(s);
    let mut other = reopen(&dir);
    assert!(
        other
            .backup(
                &temp.path().join("c.backup"),
                &sanctuary_core::SecretString::from("wrong")
            )
            .is_err()
    );
    assert_eq!(
        other.backup_status(today, 7).expect("status").last,
        Some(today)
    );
}
