//! Training sessions and expiry lists from the command line.

use crate::support::*;

#[test]
fn a_session_records_everyone_and_expiring_lists_them() {
    let cli = Cli::new();
    cli.ok(&[
        "course",
        "add",
        "--title",
        "Safeguarding",
        "--validity-months",
        "1",
    ]);
    for name in ["Amina", "Biniam", "Chen"] {
        cli.ok(&["ambassador", "add", "--name", name, "--region", "London"]);
    }
    let today = chrono::Local::now().date_naive();
    let date = (today - chrono::TimeDelta::days(10))
        .format("%Y-%m-%d")
        .to_string();
    let out = cli.ok(&[
        "training",
        "session",
        "--course",
        "safeguarding",
        "--date",
        &date,
        "--online",
        "--trainer",
        "Sam",
        "--attendee",
        "Amina",
        "--attendee",
        "Biniam",
        "--attendee",
        "Chen",
    ]);
    assert!(out.contains("3 attendee(s) recorded"), "{out}");
    let chen = cli.json(&["ambassador", "show", "Chen", "--json"]);
    let record = chen["training"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap()
        .clone();
    assert_eq!(record["place"], "Online");
    assert_eq!(record["trainer"], "Sam");

    let expiring = cli.json(&["training", "expiring", "--days", "60", "--json"]);
    let names: Vec<&str> = expiring
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Amina", "Biniam", "Chen"]);
    assert!(expiring[0]["days_left"].as_i64().unwrap() <= 21);

    let out = cli.run(&[
        "training",
        "session",
        "--course",
        "Safeguarding",
        "--date",
        &date,
        "--attendee",
        "Amina",
        "--attendee",
        "Nobody",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no ambassador matches 'Nobody'"),
        "{}",
        stderr(&out)
    );
    let amina = cli.json(&["ambassador", "show", "Amina", "--json"]);
    assert_eq!(
        amina["training"].as_object().unwrap().len(),
        1,
        "nothing written for Amina"
    );
}

/// The CLI names a record's state with the core's view, as the app's badge
/// does: an earlier completion of a course taken again is "renewed", not
/// "expired", and one inside the 60-day band is "expiring soon". Expiry
/// lists carry the same state word as the app's reminders.
#[test]
fn show_and_expiring_use_the_same_expiry_states_as_the_app() {
    let cli = Cli::new();
    cli.ok(&[
        "course",
        "add",
        "--title",
        "Safeguarding",
        "--validity-months",
        "12",
    ]);
    cli.ok(&["ambassador", "add", "--name", "Amina", "--region", "Leeds"]);
    let today = chrono::Local::now().date_naive();
    // 12 months less 20 days ago: about 20 days left.
    let recent = (today - chrono::Months::new(12) + chrono::TimeDelta::days(20))
        .format("%Y-%m-%d")
        .to_string();
    for date in ["2020-01-01", recent.as_str()] {
        cli.ok(&[
            "training",
            "record",
            "Amina",
            "--course",
            "safeguarding",
            "--date",
            date,
        ]);
    }
    let shown = cli.ok(&["ambassador", "show", "Amina"]);
    let line = |completed: &str| {
        shown
            .lines()
            .find(|l| l.trim_start().starts_with(completed))
            .unwrap_or_else(|| panic!("no line for {completed}: {shown}"))
            .to_string()
    };
    assert!(
        line("2020-01-01").ends_with("renewed by a later completion"),
        "{shown}"
    );
    assert!(line(&recent).contains("expiring soon"), "{shown}");

    let expiring = cli.json(&[
        "training",
        "expiring",
        "--days",
        "60",
        "--expired",
        "--json",
    ]);
    let rows = expiring.as_array().unwrap();
    // Only the latest completion counts: the 2020 one is not listed as expired.
    assert_eq!(rows.len(), 1, "{expiring}");
    assert_eq!(rows[0]["state"], "expiring-soon");
    assert_eq!(rows[0]["reminder"], 30);
    assert_eq!(rows[0]["completed"], recent.as_str());
}
