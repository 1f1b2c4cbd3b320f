//! `sanctuary report`: figures from a small network built through the CLI,
//! counted by hand, as JSON and as CSV read back.

use crate::support::*;

/// Three people, a panel Amina attended for 3 hours on 2 March, Biniam's
/// 1.5 hours of media work in February, and Amina's bus fare and certificate.
#[rustfmt::skip]
fn network() -> Cli {
    let cli = Cli::new();
    cli.ok(&["ambassador", "add", "--name", "Amina", "--region", "West Midlands",
        "--language", "arabic:native", "--payment", "not-allowed", "--in-person"]);
    cli.ok(&["ambassador", "consent", "Amina", "--scope", "contact", "--recorded-by", "Sam"]);
    cli.ok(&["ambassador", "add", "--name", "Biniam", "--region", "Yorkshire",
        "--language", "tigrinya:native"]);
    cli.ok(&["ambassador", "add", "--name", "Dawit", "--region", "Yorkshire"]);
    cli.ok(&["project", "add", "--title", "Schools panel", "--stream", "schools",
        "--level", "regional", "--start", "2026-03-01", "--places", "2"]);
    cli.ok(&["invite-to", "Schools panel", "Amina"]);
    cli.ok(&["invitation", "set", "Schools panel", "Amina", "accepted", "--date", "2026-03-01"]);
    cli.ok(&["invitation", "set", "Schools panel", "Amina", "attended", "--hours", "3",
        "--date", "2026-03-02"]);
    cli.ok(&["contribution", "log", "Biniam", "--date", "2026-02-10", "--role", "speaker",
        "--hours", "1.5", "--stream", "media"]);
    cli.ok(&["recognition", "log", "Amina", "--kind", "travel-expenses", "--amount", "6.40",
        "--date", "2026-03-01", "--description", "Bus fare", "--receipt", "R-101"]);
    cli.ok(&["recognition", "log", "Amina", "--kind", "certificate", "--date", "2026-03-01"]);
    cli
}

#[test]
fn hours_and_recognition_are_the_hand_counted_figures() {
    let cli = network();
    let hours = cli.json(&["report", "hours", "--json"]);
    assert_eq!(hours["report"], "hours");
    // Amina 3 h at the panel (logged when marked attended), Biniam 1.5 h.
    assert_eq!(hours["total_minutes"], 270);
    assert_eq!(hours["people"], 2);
    let streams: Vec<(String, u64)> = hours["by_stream"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["key"].as_str().unwrap().to_string(),
                r["minutes"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        streams,
        [("schools".to_string(), 180), ("media".to_string(), 90)]
    );

    let recognition = cli.json(&[
        "report",
        "recognition",
        "--json",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
    ]);
    assert_eq!(recognition["entries"], 2);
    assert_eq!(recognition["non_financial"], 1);
    // The bus fare is claimed, not yet paid back: owed, not spent.
    assert_eq!(recognition["expenses_pence"], 0);
    assert_eq!(recognition["expenses_pending_pence"], 640);
    assert_eq!(recognition["other_spend_pence"], 0);
}

#[test]
fn participation_names_who_was_not_offered_anything() {
    let cli = network();
    let r = cli.json(&["report", "participation", "--json"]);
    assert_eq!(r["members"], 3);
    assert_eq!(
        (r["invitations"].as_u64(), r["first_timers"].as_u64()),
        (Some(1), Some(1))
    );
    let quiet: Vec<&str> = r["not_offered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(quiet, ["Biniam", "Dawit"]);
}

#[test]
fn csv_holds_every_table_with_its_headers() {
    let cli = network();
    let file = cli.store.with_file_name("hours.csv");
    cli.ok(&["report", "hours", "--csv", file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&file).unwrap();
    // One byte-order mark, so Excel reads every name's script correctly.
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let blocks: Vec<&str> = text.split("\r\n\r\n").collect();
    assert_eq!(blocks.len(), 3, "{text}");
    assert_eq!(
        blocks[0],
        "Month,Hours,People\r\n2026-02,1.5,1\r\n2026-03,3,1"
    );
    assert!(
        blocks[1]
            .starts_with("Kind of work,Hours,People\r\nSchools,3,1\r\nMedia and speaking,1.5,1")
    );
    assert!(blocks[2].starts_with("Region,Hours,People\r\nWest Midlands,3,1\r\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "a report may name people: owner-only");
    }
}

#[test]
fn a_period_that_runs_backwards_is_refused_and_writes_nothing() {
    let cli = network();
    let file = cli.store.with_file_name("never.csv");
    let out = cli.run(&[
        "report",
        "training",
        "--from",
        "2026-05-01",
        "--to",
        "2026-01-01",
        "--csv",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("ends (2026-01-01) before it starts (2026-05-01)"),
        "{}",
        stderr(&out)
    );
    assert!(!file.exists());
    let out = cli.run(&["report", "hours", "--from", "2026-02-30"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an impossible date is a usage error"
    );
}

/// Every report writes an XLSX workbook, one sheet per table, that reads
/// back with the same figures as its JSON.
#[test]
fn xlsx_holds_every_table_of_every_report() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let cli = network();
    cli.ok(&[
        "ambassador",
        "pathway",
        "add",
        "Amina",
        "trainer",
        "--from",
        "2026-03-05",
    ]);
    let dir = tempfile::tempdir().unwrap();
    for (kind, sheets) in [
        (
            "hours",
            vec!["hours-by-month", "hours-by-stream", "hours-by-region"],
        ),
        (
            "recognition",
            vec!["recognition-by-kind", "recognition-by-month"],
        ),
        ("training", vec!["training-by-course", "training-by-month"]),
        (
            "participation",
            vec![
                "offers-by-region",
                "offers-by-language",
                "offers-by-experience",
                "not-offered-recently",
            ],
        ),
        ("pathways", vec!["pathways-by-month", "pathways-by-role"]),
    ] {
        let file = dir.path().join(format!("{kind}.xlsx"));
        cli.ok(&["report", kind, "--xlsx", file.to_str().unwrap()]);
        let book: Xlsx<_> = open_workbook(&file).unwrap();
        assert_eq!(book.sheet_names(), sheets, "{kind}");
    }
    let mut hours: Xlsx<_> = open_workbook(dir.path().join("hours.xlsx")).unwrap();
    let by_stream = hours.worksheet_range("hours-by-stream").unwrap();
    let rows: Vec<Vec<Data>> = by_stream.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(
        rows,
        [
            vec![
                Data::String("Kind of work".into()),
                Data::String("Hours".into()),
                Data::String("People".into())
            ],
            vec![
                Data::String("Schools".into()),
                Data::Float(3.0),
                Data::Float(1.0)
            ],
            vec![
                Data::String("Media and speaking".into()),
                Data::Float(1.5),
                Data::Float(1.0)
            ],
        ]
    );
    let mut pathways: Xlsx<_> = open_workbook(dir.path().join("pathways.xlsx")).unwrap();
    let by_role = pathways.worksheet_range("pathways-by-role").unwrap();
    let trainer: Vec<Data> = by_role
        .rows()
        .find(|r| r[0] == Data::String("Trainer".into()))
        .unwrap()
        .to_vec();
    assert_eq!(
        trainer,
        [
            Data::String("Trainer".into()),
            Data::Float(1.0),
            Data::Float(1.0),
            Data::Float(1.0)
        ]
    );

    let out = cli.run(&["report", "hours", "--xlsx", "x.xlsx", "--csv", "x.csv"]);
    assert_eq!(out.status.code(), Some(2), "one file format at a time");
}
