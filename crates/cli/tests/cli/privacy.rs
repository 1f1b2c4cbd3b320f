//! `person export|history|erase`, `consent expiring` and `retention
//! review|set` as scripts use them: files, JSON, exit codes, and nothing
//! written when a command is refused.

use crate::support::*;

fn add(cli: &Cli, name: &str, joined: &str) -> String {
    cli.ok(&[
        "ambassador",
        "add",
        "--name",
        name,
        "--region",
        "London",
        "--email",
        "person@example.org",
        "--joined",
        joined,
    ])
    .trim()
    .to_string()
}

fn consent(cli: &Cli, id: &str, date: &str, review: &str) {
    cli.ok(&[
        "ambassador",
        "consent",
        id,
        "--scope",
        "contact",
        "--recorded-by",
        "Coordinator",
        "--date",
        date,
        "--review",
        review,
    ]);
}

#[test]
fn export_history_and_erase_a_person() {
    let temp = tempfile::tempdir().expect("temp dir");
    let cli = Cli {
        store: temp.path().join("store"),
        _temp: temp,
    };
    cli.ok(&[
        "init",
        "--kdf",
        "minimum",
        "--coordinator",
        "Maryam",
        "--device-name",
        "office laptop",
    ]);
    let id = add(&cli, "Hana", "2025-01-01");
    consent(&cli, &id, "2025-01-01", "2027-01-01");

    let out = cli._temp.path().join("sar");
    let said = cli.ok(&[
        "person",
        "export",
        "Hana",
        "--out",
        out.to_str().expect("utf-8"),
        "--lang",
        "en",
    ]);
    assert!(said.contains("record.json"), "{said}");
    let record: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("record.json")).expect("record.json"),
    )
    .expect("JSON");
    assert_eq!(record["person"]["profile"]["email"], "person@example.org");
    assert_eq!(record["history"][0]["coordinator"], "Maryam");
    let html = std::fs::read_to_string(out.join("record.html")).expect("record.html");
    assert!(html.contains("Everything we hold about you") && html.contains("Hana"));

    let history = cli.json(&["person", "history", "Hana", "--json"]);
    let entries = history.as_array().expect("an array");
    assert!(entries.len() >= 2, "{history:#}");
    assert!(entries.iter().all(|e| e["device_name"] == "office laptop"));
    let table = cli.ok(&["person", "history", "Hana"]);
    assert!(table.contains("office laptop (Maryam)"), "{table}");

    // Without --yes nothing happens; an unknown person is refused.
    for (args, expect) in [
        (vec!["person", "erase", "Hana"], "--yes"),
        (vec!["person", "erase", "Nobody", "--yes"], "no ambassador"),
        (
            vec!["person", "export", "Hana", "--out", "/tmp", "--lang", "xx"],
            "use one of: en, ar, fa, fr, ti, uk",
        ),
    ] {
        let before = snapshot(&cli.store);
        let run = cli.run(&args);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        assert!(stderr(&run).contains(expect), "{}", stderr(&run));
        assert_eq!(snapshot(&cli.store), before, "{args:?} changed the store");
    }

    let erased = cli.json(&["person", "erase", "Hana", "--yes", "--json"]);
    assert_eq!(erased["id"], id.as_str());
    let listed = cli.json(&["ambassador", "list", "--json", "--archived"]);
    assert_eq!(listed.as_array().map(Vec::len), Some(0));
    let show = cli.run(&["ambassador", "show", &id]);
    assert_eq!(show.status.code(), Some(1));
    cli.ok(&["verify"]);
}

#[test]
fn consent_expiring_and_retention_review() {
    let cli = Cli::new();
    let soon = add(&cli, "Soon", "2025-01-01");
    consent(&cli, &soon, "2025-01-01", "2026-01-20");
    let past = add(&cli, "Past", "2020-01-01");
    consent(&cli, &past, "2020-01-01", "2021-01-01");

    let due = cli.json(&[
        "consent",
        "expiring",
        "--days",
        "30",
        "--today",
        "2026-01-01",
        "--json",
    ]);
    let due = due.as_array().expect("an array");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0]["display_name"], "Soon");
    assert_eq!(due[0]["days_left"], 19);
    let all = cli.json(&[
        "consent",
        "expiring",
        "--days",
        "30",
        "--expired",
        "--today",
        "2026-01-01",
        "--json",
    ]);
    assert_eq!(all.as_array().map(Vec::len), Some(2));
    assert_eq!(all[0]["display_name"], "Past");
    assert_eq!(all[0]["expired"], true);

    let review = cli.json(&["retention", "review", "--today", "2026-01-01", "--json"]);
    let review = review.as_array().expect("an array");
    assert_eq!(review.len(), 1, "{review:?}");
    assert_eq!(review[0]["display_name"], "Past");
    assert_eq!(review[0]["last_activity"], "2020-01-01");

    cli.ok(&["retention", "set", "--years", "10"]);
    let review = cli.json(&["retention", "review", "--today", "2026-01-01", "--json"]);
    assert_eq!(review.as_array().map(Vec::len), Some(0));
    let before = snapshot(&cli.store);
    let out = cli.run(&["retention", "set", "--years", "99"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(snapshot(&cli.store), before);
}
