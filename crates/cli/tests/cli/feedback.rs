//! "You said, we did" outcomes and pathways through the CLI: recorded,
//! shown, refused when bad, and printed in the record of the people who
//! took part (HTML and PDF) and nobody else's.

use crate::support::*;

/// Amina attended the schools panel; Biniam was invited and declined;
/// Dawit logged time against it without an invitation.
#[rustfmt::skip]
fn network() -> Cli {
    let cli = Cli::new();
    for (name, region) in [("Amina", "West Midlands"), ("Biniam", "Yorkshire"), ("Dawit", "Yorkshire")] {
        cli.ok(&["ambassador", "add", "--name", name, "--region", region, "--in-person"]);
        cli.ok(&["ambassador", "consent", name, "--scope", "contact", "--recorded-by", "Sam"]);
    }
    cli.ok(&["project", "add", "--title", "Schools panel", "--stream", "schools",
        "--level", "regional", "--start", "2026-03-01", "--places", "2"]);
    cli.ok(&["invite-to", "Schools panel", "Amina"]);
    cli.ok(&["invitation", "set", "Schools panel", "Amina", "accepted", "--date", "2026-03-01"]);
    cli.ok(&["invitation", "set", "Schools panel", "Amina", "attended", "--hours", "3",
        "--date", "2026-03-02"]);
    cli.ok(&["invite-to", "Schools panel", "Biniam"]);
    cli.ok(&["invitation", "set", "Schools panel", "Biniam", "declined", "--date", "2026-03-01"]);
    cli.ok(&["contribution", "log", "Dawit", "--date", "2026-03-02", "--role", "note taker",
        "--hours", "1", "--project", "Schools panel"]);
    cli
}

const SAID: &str = "The panel's guidance now explains every score, as you asked.";

#[test]
fn an_outcome_reaches_the_records_of_those_who_took_part_only() {
    let cli = network();
    let id = cli.ok(&[
        "project",
        "outcome",
        "Schools panel",
        "--text",
        SAID,
        "--recorded-by",
        "Sam",
        "--date",
        "2026-04-01",
    ]);
    assert_eq!(id.trim().len(), 36, "the new outcome's id: {id}");

    let project = cli.json(&["project", "show", "Schools panel", "--json"]);
    let outcome = &project["outcomes"][id.trim()];
    assert_eq!(outcome["text"], SAID);
    assert_eq!(outcome["recorded_by"], "Sam");
    assert_eq!(outcome["date"], "2026-04-01");
    assert!(cli.ok(&["project", "show", "Schools panel"]).contains(SAID));
    assert!(cli.ok(&["ambassador", "show", "Amina"]).contains(SAID));
    assert!(!cli.ok(&["ambassador", "show", "Biniam"]).contains(SAID));

    let dir = tempfile::tempdir().unwrap();
    for (who, took_part) in [("Amina", true), ("Dawit", true), ("Biniam", false)] {
        let (pdf, html) = (
            dir.path().join(format!("{who}.pdf")),
            dir.path().join(format!("{who}.html")),
        );
        cli.ok(&[
            "record",
            "export",
            who,
            "--pdf",
            pdf.to_str().unwrap(),
            "--html",
            html.to_str().unwrap(),
        ]);
        let page = std::fs::read_to_string(&html).unwrap();
        assert!(
            page.contains("You said, we did"),
            "{who}: the heading is always there"
        );
        assert_eq!(
            page.contains("explains every score"),
            took_part,
            "{who} in HTML"
        );
        let text = pdf_text(&pdf);
        assert_eq!(
            text.contains("explains every score"),
            took_part,
            "{who} in PDF: {text}"
        );
        assert!(text.contains("You said, we did"), "{text}");
    }

    // In Arabic the heading is translated; the outcome stays as typed.
    let ar = dir.path().join("amina-ar.html");
    cli.ok(&[
        "record",
        "export",
        "Amina",
        "--lang",
        "ar",
        "--html",
        ar.to_str().unwrap(),
    ]);
    let page = std::fs::read_to_string(&ar).unwrap();
    assert!(
        page.contains("قلتم، ففعلنا") && page.contains("explains every score, as you asked."),
        "{page}"
    );
    assert!(!page.contains("You said, we did"));
}

#[test]
fn a_blank_or_unsigned_outcome_is_refused_and_writes_nothing() {
    let cli = network();
    let before = snapshot(&cli.store);
    for args in [
        vec![
            "project",
            "outcome",
            "Schools panel",
            "--text",
            "  ",
            "--recorded-by",
            "Sam",
        ],
        vec![
            "project",
            "outcome",
            "Schools panel",
            "--text",
            "Done",
            "--recorded-by",
            " ",
        ],
        vec![
            "project",
            "outcome",
            "No such project",
            "--text",
            "Done",
            "--recorded-by",
            "Sam",
        ],
    ] {
        let out = cli.run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&out).trim().lines().count(), 1, "{}", stderr(&out));
    }
    assert_eq!(snapshot(&cli.store), before);
}

#[test]
fn pathways_are_recorded_ended_shown_and_printed() {
    let cli = network();
    let id = cli.ok(&[
        "ambassador",
        "pathway",
        "add",
        "Amina",
        "steering-group",
        "--from",
        "2025-09-01",
        "--note",
        "Yorkshire steering group",
    ]);
    cli.ok(&[
        "ambassador",
        "pathway",
        "add",
        "Amina",
        "trustee",
        "--from",
        "2026-02-01",
    ]);
    cli.ok(&[
        "ambassador",
        "pathway",
        "end",
        "Amina",
        &id.trim()[..8],
        "--to",
        "2026-01-31",
    ]);

    let doc = cli.json(&["ambassador", "show", "Amina", "--json"]);
    let steering = &doc["pathways"][id.trim()];
    assert_eq!(steering["role"], "steering-group");
    assert_eq!(steering["to"], "2026-01-31");
    assert_eq!(doc["pathways"].as_object().unwrap().len(), 2);
    let shown = cli.ok(&["ambassador", "show", "Amina"]);
    assert!(
        shown.contains("2025-09-01 to 2026-01-31 steering-group"),
        "{shown}"
    );

    let dir = tempfile::tempdir().unwrap();
    let (pdf, html) = (dir.path().join("a.pdf"), dir.path().join("a.html"));
    cli.ok(&[
        "record",
        "export",
        "Amina",
        "--pdf",
        pdf.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);
    let page = std::fs::read_to_string(&html).unwrap();
    for expected in [
        "Roles in the network",
        "Steering group",
        "Yorkshire steering group",
        "September 2025 – January 2026",
        "Trustee",
        "February 2026 – present",
    ] {
        assert!(page.contains(expected), "{expected} in the HTML");
    }
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Trustee") && text.contains("Roles in the network"),
        "{text}"
    );

    let report = cli.json(&["report", "pathways", "--json", "--to", "2026-03-31"]);
    assert_eq!(
        (report["entered"].as_u64(), report["held"].as_u64()),
        (Some(2), Some(1))
    );
}

#[test]
fn a_bad_pathway_is_refused_and_writes_nothing() {
    let cli = network();
    let before = snapshot(&cli.store);
    let out = cli.run(&[
        "ambassador",
        "pathway",
        "add",
        "Amina",
        "trustee",
        "--from",
        "2026-02-01",
        "--to",
        "2026-01-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("ends (2026-01-01) before it starts (2026-02-01)"),
        "{}",
        stderr(&out)
    );
    let out = cli.run(&[
        "ambassador",
        "pathway",
        "add",
        "Amina",
        "bishop",
        "--from",
        "2026-02-01",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown role is a usage error"
    );
    assert!(stderr(&out).contains("steering-group"), "{}", stderr(&out));
    let out = cli.run(&[
        "ambassador",
        "pathway",
        "end",
        "Amina",
        "nope",
        "--to",
        "2026-01-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(snapshot(&cli.store), before);
}

fn pdf_text(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, installed by scripts/setup.sh)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}
