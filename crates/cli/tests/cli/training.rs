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
