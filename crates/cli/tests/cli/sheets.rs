//! `sanctuary import`, `export`, `backup` and `restore` as a coordinator
//! moving from Excel uses them.

use crate::support::*;

/// A messy file as real spreadsheets are: byte-order mark, semicolons,
/// an Excel serial date, a quoted newline, names in Arabic script,
/// Ge'ez (Tigrinya) and Vietnamese, a duplicate in another case with a
/// differently spaced phone, and four bad rows.
const MESSY: &str = "\u{feff}First name;Surname;Preferred name;Email;Mobile;Languages spoken;Skills;Date joined;Payment OK?;Notes\r\n\
Amina;Yusuf;;amina@example.org;07700 900123;Arabic (native), English;public speaking;14/03/2023;No;\"Prefers\r\nevenings\"\r\n\
ሳባ;ተስፋይ;Saba;saba@example.org;+44 7700 900456;Tigrinya (native);translation;45000;Check first;\r\n\
Nguyễn;Thị Lan;Lan;lan@example.org;;Vietnamese;;1 Feb 2024;Yes;\r\n\
AMINA;YUSUF;;AMINA@EXAMPLE.ORG;+44 7700 900 123;French;cooking;2023-03-14;no;\r\n\
;;;nobody@example.org;;;;01/01/2024;No;\r\n\
Karim;Haddad;;karim@example.org;;;;31/02/2023;No;\r\n\
Olu;Ade;;olu-at-example.org;;;;01/05/2023;No;\r\n\
Maryam;Rahimi;;maryam@example.org;;Dari;;02/06/2023;Maybe;\r\n\
;;;;;;;;;\r\n";

fn write(cli: &Cli, name: &str, bytes: &[u8]) -> String {
    let path = cli._temp.path().join(name);
    std::fs::write(&path, bytes).expect("write file");
    path.to_string_lossy().into_owned()
}

/// The whole export as JSON, through a file as a coordinator would.
fn export_json(cli: &Cli) -> serde_json::Value {
    let path = cli._temp.path().join("export.json");
    cli.ok(&["export", "--json", path.to_str().expect("path")]);
    serde_json::from_slice(&std::fs::read(&path).expect("export")).expect("JSON")
}

fn names(cli: &Cli) -> Vec<String> {
    let list = cli.json(&["ambassador", "list", "--json"]);
    let mut names: Vec<String> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|a| {
            a["profile"]["display_name"]
                .as_str()
                .expect("name")
                .to_string()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn a_messy_file_imports_exactly_the_valid_rows_once_each() {
    let cli = Cli::new();
    let file = write(&cli, "messy.csv", MESSY.as_bytes());
    let import = |extra: &[&str]| {
        let mut args = vec![
            "import",
            "ambassadors",
            file.as_str(),
            "--default",
            "region=Yorkshire",
        ];
        args.extend_from_slice(extra);
        args.iter().map(|s| s.to_string()).collect::<Vec<String>>()
    };
    let run = |extra: &[&str]| {
        let args = import(extra);
        cli.run(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };

    // The dry run reports every problem and writes nothing.
    let before = snapshot(&cli.store);
    let out = run(&["--dry-run", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rejected: Vec<(u64, String)> = report["rejected"]
        .as_array()
        .expect("rejected")
        .iter()
        .map(|r| {
            (
                r["row"].as_u64().expect("row"),
                r["reason"].as_str().expect("reason").to_string(),
            )
        })
        .collect();
    let rows: Vec<u64> = rejected.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, [6, 7, 8, 9], "{rejected:?}");
    assert!(rejected[0].1.contains("name is empty"), "{rejected:?}");
    assert!(rejected[1].1.contains("31/02/2023"), "{rejected:?}");
    assert!(rejected[2].1.contains("not an email"), "{rejected:?}");
    assert!(
        rejected[3].1.contains("'Maybe' is not a payment answer"),
        "{rejected:?}"
    );
    assert_eq!(report["duplicates"][0]["row"], 5);
    assert_eq!(report["duplicates"][0]["of"], "row 2");
    assert_eq!(report["created"], 3);
    assert_eq!(report["written"], false);
    assert_eq!(snapshot(&cli.store), before, "a dry run wrote");

    // Without --skip-invalid the bad rows refuse the whole file.
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("4 row(s) were rejected, so nothing was imported"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&cli.store), before, "a refused import wrote");

    // With it, the three valid people, the duplicate merged in.
    let out = run(&["--skip-invalid"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(names(&cli), ["Amina", "Lan", "Saba"]);
    let amina = cli.json(&["ambassador", "show", "Amina", "--json"]);
    let profile = &amina["profile"];
    assert_eq!(profile["full_name"], "Amina Yusuf");
    assert_eq!(profile["region"], "Yorkshire");
    assert_eq!(profile["payment"], "not-allowed");
    assert_eq!(profile["joined"], "2023-03-14");
    assert_eq!(profile["languages"]["arabic"], "native");
    assert_eq!(profile["languages"]["french"], "conversational");
    assert!(
        profile["notes"]
            .as_str()
            .expect("notes")
            .contains("Prefers\nevenings")
    );
    let skills = profile["skills"].to_string();
    assert!(
        skills.contains("public speaking") && skills.contains("cooking"),
        "{skills}"
    );
    let saba = cli.json(&["ambassador", "show", "Saba", "--json"]);
    assert_eq!(saba["profile"]["full_name"], "ሳባ ተስፋይ");
    assert_eq!(saba["profile"]["joined"], "2023-03-15");
    let lan = cli.json(&["ambassador", "show", "Lan", "--json"]);
    assert_eq!(lan["profile"]["full_name"], "Nguyễn Thị Lan");

    // The same file again finds everyone already here: no twins.
    let out = run(&["--skip-invalid", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(again["created"], 0);
    assert_eq!(names(&cli), ["Amina", "Lan", "Saba"]);
    cli.ok(&["verify"]);
}

#[test]
fn windows_1252_with_semicolons_and_a_remembered_mapping() {
    let cli = Cli::new();
    // "Zoë" and "Chloé" as Excel on Windows writes them (0xEB, 0xE9).
    let bytes = b"Known as;Tel (home);Office;Mobile\r\nZo\xeb;07700 900111;Leeds;x\r\nChlo\xe9;07700 900222;York;y\r\n";
    let file = write(&cli, "cp1252.csv", bytes);
    let mapping = write(
        &cli,
        "mapping.json",
        br#"{"Tel (home)": "phone", "Mobile": "ignore"}"#,
    );
    let report = cli.json(&[
        "import",
        "ambassadors",
        &file,
        "--mapping",
        &mapping,
        "--json",
    ]);
    assert_eq!(report["encoding"], "Windows-1252");
    assert_eq!(report["created"], 2);
    assert_eq!(names(&cli), ["Chloé", "Zoë"]);
    let zoe = cli.json(&["ambassador", "show", "Zoë", "--json"]);
    assert_eq!(zoe["profile"]["phone"], "07700 900111");
    assert_eq!(zoe["profile"]["region"], "Leeds");

    // A file with the same header row is read with the remembered mapping.
    let next = write(
        &cli,
        "next.csv",
        b"Known as;Tel (home);Office;Mobile\r\nYohannes;07700 900333;Hull;z\r\n",
    );
    let report = cli.json(&["import", "ambassadors", &next, "--json"]);
    assert_eq!(report["mapping"]["Tel (home)"], "phone");
    assert!(report["mapping"].get("Mobile").is_none(), "{report}");
}

#[test]
fn training_and_contributions_join_the_people_they_name() {
    let cli = Cli::new();
    cli.ok(&[
        "ambassador",
        "add",
        "--name",
        "Amina",
        "--region",
        "London",
        "--email",
        "amina@example.org",
    ]);
    cli.ok(&["course", "add", "--title", "Safeguarding"]);
    let training = write(
        &cli,
        "training.csv",
        b"Email,Course,Date completed\nAMINA@example.org,safeguarding,01/02/2024\nAmina@Example.org,Safeguarding,2024-02-01\nnobody@example.org,Safeguarding,01/02/2024\namina@example.org,Knitting,01/02/2024\n",
    );
    let before = snapshot(&cli.store);
    let out = cli.run(&["import", "training", &training]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(snapshot(&cli.store), before);
    let report = cli.json(&["import", "training", &training, "--skip-invalid", "--json"]);
    assert_eq!(report["created"], 1);
    assert_eq!(report["duplicates"][0]["row"], 3);
    let reasons = report["rejected"].to_string();
    assert!(
        reasons.contains("no ambassador matches") && reasons.contains("unknown course 'Knitting'"),
        "{reasons}"
    );
    let amina = cli.json(&["ambassador", "show", "Amina", "--json"]);
    assert_eq!(amina["training"].as_object().expect("map").len(), 1);

    let hours = write(&cli, "hours.csv", b"Name,Date,Hours,Role\nAmina,14/03/2024,\"1,5\",speaker\nAmina,15/03/2024,2,panel member\n");
    let report = cli.json(&["import", "contributions", &hours, "--json"]);
    assert_eq!(report["created"], 2);
    let amina = cli.json(&["ambassador", "show", "Amina", "--json"]);
    let minutes: Vec<u64> = amina["contributions"]
        .as_object()
        .expect("map")
        .values()
        .map(|c| c["minutes"].as_u64().expect("minutes"))
        .collect();
    assert_eq!(minutes.iter().sum::<u64>(), 210);
}

#[test]
fn bad_import_settings_are_one_sentence_and_change_nothing() {
    let cli = Cli::new();
    let file = write(&cli, "people.csv", b"Name\nAmina\n");
    let before = snapshot(&cli.store);
    for (args, expect) in [
        (
            vec!["import", "ambassadors", file.as_str()],
            "no column read as region",
        ),
        (
            vec![
                "import",
                "ambassadors",
                file.as_str(),
                "--default",
                "shoe=9",
            ],
            "unknown field 'shoe'",
        ),
        (
            vec![
                "import",
                "ambassadors",
                file.as_str(),
                "--default",
                "region",
            ],
            "FIELD=VALUE",
        ),
        (
            vec!["import", "ambassadors", "/nonexistent.csv"],
            "could not read",
        ),
    ] {
        let out = cli.run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(expect), "{args:?}: {}", stderr(&out));
        assert_eq!(snapshot(&cli.store), before);
    }
}

#[test]
fn backup_restores_every_document_and_a_flipped_byte_is_refused() {
    let cli = Cli::new();
    cli.ok(&["demo", "--ambassadors", "12", "--seed", "3"]);
    let backup = cli._temp.path().join("store.backup");
    cli.ok(&["backup", "--out", backup.to_str().expect("path")]);
    let bytes = std::fs::read(&backup).expect("backup");
    assert!(
        !bytes.windows(5).any(|w| w == b"Amina"),
        "plaintext in the backup"
    );

    let restored = cli._temp.path().join("restored");
    let run_restore = |dir: &std::path::Path, file: &std::path::Path, pass: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sanctuary"))
            .arg("--store")
            .arg(dir)
            .arg("restore")
            .arg(file)
            .env("SANCTUARY_PASSPHRASE", pass)
            .output()
            .expect("run")
    };
    // A flipped byte anywhere, or a wrong passphrase: refused, nothing written.
    for at in [10, bytes.len() / 2, bytes.len() - 1] {
        let mut bad = bytes.clone();
        bad[at] ^= 0x40;
        let bad_file = cli._temp.path().join("bad.backup");
        std::fs::write(&bad_file, &bad).expect("write");
        let out = run_restore(&restored, &bad_file, PASSPHRASE);
        assert_eq!(out.status.code(), Some(1), "byte {at}");
        assert!(!restored.exists(), "a refused restore left {restored:?}");
    }
    let out = run_restore(&restored, &backup, "not the passphrase");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("wrong passphrase"),
        "{}",
        stderr(&out)
    );
    assert!(!restored.exists());

    let out = run_restore(&restored, &backup, PASSPHRASE);
    assert!(out.status.success(), "{}", stderr(&out));
    let other = Cli {
        _temp: tempfile::tempdir().expect("temp"),
        store: restored.clone(),
    };
    assert_eq!(export_json(&other), export_json(&cli));
    let heads = |c: &Cli| c.ok(&["verify"]);
    assert_eq!(heads(&other), heads(&cli));
    // Restoring over an existing store is refused.
    let out = run_restore(&restored, &backup, PASSPHRASE);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
}

#[test]
fn export_reads_back_as_the_same_tables_in_every_format() {
    let cli = Cli::new();
    cli.ok(&["demo", "--ambassadors", "8", "--seed", "5"]);
    let dir = cli._temp.path();
    let xlsx = dir.join("all.xlsx");
    let csv = dir.join("csv");
    cli.ok(&["export", "--xlsx", xlsx.to_str().expect("path")]);
    cli.ok(&["export", "--csv", csv.to_str().expect("path")]);
    let json = export_json(&cli);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("xlsx opens");
    for table in [
        "People",
        "Training",
        "Contributions",
        "Recognition",
        "Projects",
        "Invitations",
        "Expenses",
        "Pathways",
    ] {
        let rows = json[table].as_array().expect("table").len();
        let sheet =
            sanctuary_sheets::read(&std::fs::read(csv.join(format!("{table}.csv"))).expect("csv"))
                .expect("reads");
        assert_eq!(sheet.rows.len(), rows + 1, "{table} in CSV");
        use calamine::Reader;
        let range = book.worksheet_range(table).expect("worksheet");
        assert_eq!(range.height(), rows + 1, "{table} in XLSX");
        if table == "People" && rows > 0 {
            let first = json[table][0]["Name"].as_str().expect("name");
            assert_eq!(
                range.get((1, 0)).map(|c| c.to_string()),
                Some(first.to_string())
            );
        }
    }
    let out = cli.run(&["export"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A name or note that a spreadsheet would run as a formula is written to
/// CSV defused (a leading `'`) and reads back as typed; every export file
/// is owner-only.
#[test]
fn csv_export_defuses_formulas_and_is_owner_only() {
    let cli = Cli::new();
    let file = write(
        &cli,
        "formula.csv",
        "Name,Region,Mobile,Notes\r\n\
         \"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Yorkshire,+44 7700 900123,@SUM(1)\r\n\
         Amina,-West,,ok\r\n"
            .as_bytes(),
    );
    cli.ok(&["import", "ambassadors", &file]);
    let dir = cli._temp.path().join("out");
    cli.ok(&["export", "--csv", dir.to_str().expect("path")]);
    let people = std::fs::read_to_string(dir.join("People.csv")).expect("csv");
    assert!(people.contains("\"'=HYPERLINK("), "{people}");
    assert!(people.contains(",'+44 7700 900123,"), "{people}");
    assert!(people.contains(",'-West,"), "{people}");
    assert!(!people.contains(",=") && !people.contains(",@"), "{people}");
    let sheet = sanctuary_sheets::read(people.as_bytes()).expect("reads");
    let row = sheet
        .rows
        .iter()
        .find(|r| r[0].text().contains("HYPERLINK"))
        .expect("the row");
    assert_eq!(row[0].text(), "=HYPERLINK(\"http://evil.example\",\"x\")");
    let xlsx = cli._temp.path().join("all.xlsx");
    cli.ok(&["export", "--xlsx", xlsx.to_str().expect("path")]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for path in [dir.join("People.csv"), dir.join("Training.csv"), xlsx] {
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{}", path.display());
        }
    }
}

/// A restored laptop is refused by sync with the command that helps, joins
/// again with an invite into the restored store, and syncs both ways.
#[test]
fn a_restored_laptop_joins_again_with_an_invite_and_keeps_its_store() {
    let a = Cli::new();
    a.ok(&["demo", "--ambassadors", "4", "--seed", "7"]);
    let b = crate::sync::join(&a, "office laptop");
    let file = a._temp.path().join("a-to-b.bundle");
    crate::sync::send(&a, &b, &file);
    let backup = a._temp.path().join("a.backup");
    a.ok(&["backup", "--out", backup.to_str().expect("path")]);

    let a2 = Cli {
        _temp: tempfile::tempdir().expect("temp"),
        store: a._temp.path().join("restored"),
    };
    let out = a2.run(&["restore", backup.to_str().expect("path")]);
    assert!(stdout_of(&out).contains("sanctuary join"), "{out:?}");
    let before = snapshot(&a2.store);
    let bundle = a2._temp.path().join("out.bundle");
    let out = a2.run(&["sync", "export", "--out", bundle.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("sanctuary join INVITE-FILE --code CODE"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        snapshot(&a2.store),
        before,
        "a refused sync changed the store"
    );

    let invite = b._temp.path().join("again.invite");
    let made = b.ok(&[
        "invite",
        "create",
        "--out",
        invite.to_str().expect("path"),
        "--kdf",
        "minimum",
    ]);
    let code = made.lines().last().expect("a code line").trim().to_string();
    let invite = invite.to_str().expect("path");
    let joined = a2.ok(&[
        "join",
        invite,
        "--code",
        &code,
        "--device-name",
        "Amina's laptop",
    ]);
    assert!(joined.contains("keeping the 4 ambassadors"), "{joined}");
    // A second join of a member is refused.
    let out = a2.run(&["join", invite, "--code", &code]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("already a device"),
        "{}",
        stderr(&out)
    );

    b.ok(&["ambassador", "add", "--name", "Selam", "--region", "Leeds"]);
    crate::sync::send(&a2, &b, &file);
    crate::sync::send(&b, &a2, &file);
    assert_eq!(export_json(&a2)["People"], export_json(&b)["People"]);
    assert_eq!(
        export_json(&a2)["People"].as_array().expect("rows").len(),
        5
    );
}

fn stdout_of(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", stderr(out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}
