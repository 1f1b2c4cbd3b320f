//! Adding, finding, editing and showing ambassadors and their records.

use crate::support::*;

#[test]
fn add_find_edit_and_show_an_ambassador_with_records() {
    let cli = Cli::new();
    let id = cli
        .ok(&[
            "ambassador",
            "add",
            "--name",
            "ሰላም",
            "--full-name",
            "ሰላም ተኽለሃይማኖት",
            "--region",
            "Yorkshire",
            "--language",
            "tigrinya:native",
            "--language",
            "english:conversational",
            "--skill",
            "Public Speaking",
            "--interest",
            "health",
            "--days",
            "mon,sat",
            "--times",
            "evening",
            "--remote",
            "--travel-km",
            "15",
            "--payment",
            "not-allowed",
            "--email",
            "salam@example.org",
            "--joined",
            "2025-02-01",
        ])
        .trim()
        .to_string();
    assert_eq!(id.len(), 36, "prints the new id: {id}");

    let found = cli.json(&["ambassador", "list", "--skill", "public speaking", "--json"]);
    assert_eq!(found.as_array().unwrap().len(), 1);
    let profile = &found[0]["profile"];
    assert_eq!(profile["display_name"], "ሰላም");
    assert_eq!(profile["languages"]["tigrinya"], "native");
    assert_eq!(profile["payment"], "not-allowed");
    assert_eq!(profile["availability"]["remote"], true);
    assert_eq!(profile["availability"]["days"]["sat"], true);
    assert!(
        cli.json(&["ambassador", "list", "--language", "farsi", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );

    cli.ok(&[
        "ambassador",
        "edit",
        &id[..8],
        "--status",
        "paused",
        "--remove-skill",
        "public speaking",
        "--skill",
        "writing",
        "--clear",
        "email",
    ]);
    let shown = cli.json(&["ambassador", "show", "ሰላም", "--json"]);
    assert_eq!(shown["profile"]["status"], "paused");
    assert_eq!(shown["profile"]["skills"], serde_json::json!(["writing"]));
    assert_eq!(shown["profile"]["email"], serde_json::Value::Null);

    let course = cli
        .ok(&[
            "course",
            "add",
            "--title",
            "Safeguarding",
            "--validity-months",
            "24",
            "--hours",
            "3",
        ])
        .trim()
        .to_string();
    cli.ok(&[
        "training",
        "record",
        &id,
        "--course",
        "safeguarding",
        "--date",
        "2025-03-01",
        "--confidence-before",
        "2",
        "--confidence-after",
        "4",
    ]);
    cli.ok(&[
        "contribution",
        "log",
        &id,
        "--date",
        "2025-03-10",
        "--role",
        "speaker",
        "--hours",
        "1.5",
        "--stream",
        "media",
    ]);
    cli.ok(&[
        "recognition",
        "log",
        &id,
        "--kind",
        "travel-expenses",
        "--date",
        "2025-03-10",
        "--amount",
        "£6.40",
        "--description",
        "Bus fare",
        "--receipt",
        "ticket 4411",
    ]);
    cli.ok(&[
        "ambassador",
        "consent",
        &id,
        "--scope",
        "contact",
        "--recorded-by",
        "Coordinator",
        "--date",
        "2025-02-01",
        "--review",
        "2027-02-01",
    ]);

    let shown = cli.json(&["ambassador", "show", &id, "--json"]);
    let training: Vec<_> = shown["training"].as_object().unwrap().values().collect();
    assert_eq!(training[0]["course_id"], course.as_str());
    assert_eq!(training[0]["confidence_after"], 4);
    let contribution: Vec<_> = shown["contributions"]
        .as_object()
        .unwrap()
        .values()
        .collect();
    assert_eq!(contribution[0]["minutes"], 90);
    let recognition: Vec<_> = shown["recognition"].as_object().unwrap().values().collect();
    assert_eq!(recognition[0]["amount_pence"], 640);
    assert_eq!(shown["consents"].as_object().unwrap().len(), 1);

    // Two more decisions, so the text shows the app's order: newest first.
    for (scope, date, refused) in [
        ("profile", "2025-01-15", false),
        ("media", "2025-02-20", true),
    ] {
        let mut args = vec![
            "ambassador",
            "consent",
            &id,
            "--scope",
            scope,
            "--recorded-by",
            "Coordinator",
            "--date",
            date,
        ];
        if refused {
            args.push("--refused");
        }
        cli.ok(&args);
    }

    let text = cli.ok(&["ambassador", "show", &id]);
    assert!(
        text.contains("Safeguarding") && text.contains("valid until 2027-03-01"),
        "{text}"
    );
    let position = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {text}"))
    };
    assert!(
        position("2025-02-20 media") < position("2025-02-01 contact")
            && position("2025-02-01 contact") < position("2025-01-15 profile"),
        "{text}"
    );
    // Profile consent has no review date, so it stays in force.
    assert!(text.contains("In force today: profile"), "{text}");
    assert!(text.contains("1.5 hours in all"), "{text}");

    cli.ok(&["ambassador", "archive", &id]);
    assert!(
        cli.json(&["ambassador", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        cli.json(&["ambassador", "list", "--archived", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn projects_and_courses_list_and_show() {
    let cli = Cli::new();
    cli.ok(&["course", "add", "--title", "Induction", "--co-designed"]);
    cli.ok(&[
        "course",
        "add",
        "--title",
        "Award assessor training",
        "--validity-months",
        "12",
        "--prerequisite",
        "Induction",
    ]);
    let courses = cli.json(&["course", "list", "--json"]);
    assert_eq!(courses.as_array().unwrap().len(), 2);
    let project = cli
        .ok(&[
            "project",
            "add",
            "--title",
            "Schools award panel",
            "--stream",
            "awards-panel",
            "--level",
            "regional",
            "--start",
            "2026-12-01",
            "--end",
            "2026-12-02",
            "--places",
            "3",
            "--required-skill",
            "assessment",
            "--required-training",
            "award assessor training",
            "--recognition",
            "thanks",
            "--recognition",
            "travel-expenses",
            "--organisation",
            "St Anne's School",
            "--remote",
        ])
        .trim()
        .to_string();
    let shown = cli.json(&["project", "show", &project, "--json"]);
    assert_eq!(shown["project"]["stream"], "awards-panel");
    assert_eq!(shown["project"]["places"], 3);
    assert_eq!(
        shown["project"]["recognition"],
        serde_json::json!(["thanks", "travel-expenses"])
    );
    assert_eq!(
        cli.json(&["project", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn demo_makes_a_network_in_many_scripts_and_verify_passes() {
    let temp = tempfile::tempdir().unwrap();
    let cli = Cli {
        store: temp.path().join("demo"),
        _temp: temp,
    };
    let out = cli.ok(&[
        "demo",
        "--ambassadors",
        "25",
        "--seed",
        "7",
        "--kdf",
        "minimum",
    ]);
    assert!(out.contains("Added 25 ambassadors"), "{out}");
    let list = cli.json(&["ambassador", "list", "--json"]);
    let names: String = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["profile"]["full_name"].as_str().unwrap_or(""))
        .collect();
    let has = |range: std::ops::RangeInclusive<char>| names.chars().any(|c| range.contains(&c));
    assert!(
        has('\u{0600}'..='\u{06FF}') || has('\u{1200}'..='\u{137F}'),
        "Arabic or Ethiopic names: {names}"
    );
    let out = cli.ok(&["verify"]);
    assert!(out.contains("No problems found"), "{out}");
}

#[test]
fn passphrase_change_rewraps_and_the_old_one_stops_working() {
    let cli = Cli::new();
    cli.ok(&["ambassador", "add", "--name", "Amina", "--region", "London"]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sanctuary"))
        .args(["--store"])
        .arg(&cli.store)
        .args(["passphrase", "change", "--kdf", "minimum"])
        .env("SANCTUARY_PASSPHRASE", PASSPHRASE)
        .env("SANCTUARY_NEW_PASSPHRASE", "an even longer new passphrase")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let old = cli.run(&["ambassador", "list"]);
    assert_eq!(old.status.code(), Some(1));
    assert!(stderr(&old).contains("wrong passphrase"));
    let new = cli.run_with(
        &["ambassador", "list", "--json"],
        "an even longer new passphrase",
    );
    assert!(new.status.success());
    assert!(String::from_utf8_lossy(&new.stdout).contains("Amina"));
}
