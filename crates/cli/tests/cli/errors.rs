//! Bad input: one clear sentence on stderr, exit 1 (2 for usage), nothing written.

use crate::support::*;

/// Runs a command that must fail with `code`, leave every store file as it
/// was, and say `expect` on stderr.
fn refused(cli: &Cli, args: &[&str], code: i32, expect: &str) {
    let before = snapshot(&cli.store);
    let out = cli.run(args);
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {message}");
    assert!(
        message.contains(expect),
        "{args:?}: expected {expect:?} in {message:?}"
    );
    assert!(
        !message.contains("panicked") && !message.contains("backtrace"),
        "{message}"
    );
    assert_eq!(snapshot(&cli.store), before, "{args:?} changed the store");
}

#[test]
fn a_wrong_passphrase_is_exit_1_with_a_clear_message_and_no_change() {
    let cli = Cli::new();
    cli.ok(&["ambassador", "add", "--name", "Amina", "--region", "London"]);
    let before = snapshot(&cli.store);
    let out = cli.run_with(&["ambassador", "list"], "not the passphrase");
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(message.starts_with("error: wrong passphrase"), "{message}");
    assert_eq!(message.lines().count(), 1, "one sentence: {message}");
    assert_eq!(snapshot(&cli.store), before);
}

#[test]
fn bad_input_is_refused_without_writing() {
    let cli = Cli::new();
    let id = cli
        .ok(&[
            "ambassador",
            "add",
            "--name",
            "Amina",
            "--region",
            "London",
            "--payment",
            "not-allowed",
        ])
        .trim()
        .to_string();
    refused(
        &cli,
        &[
            "ambassador",
            "add",
            "--name",
            "X",
            "--region",
            "London",
            "--joined",
            "2026-02-30",
        ],
        2,
        "YYYY-MM-DD",
    );
    refused(
        &cli,
        &[
            "ambassador",
            "add",
            "--name",
            "X",
            "--region",
            "London",
            "--payment",
            "refugee",
        ],
        2,
        "not-allowed",
    );
    refused(
        &cli,
        &[
            "ambassador",
            "add",
            "--name",
            "X",
            "--region",
            "London",
            "--email",
            "nope",
        ],
        1,
        "email",
    );
    refused(
        &cli,
        &["ambassador", "add", "--name", " ", "--region", "London"],
        1,
        "display name",
    );
    refused(
        &cli,
        &["ambassador", "add", "--region", "London"],
        1,
        "--name",
    );
    refused(
        &cli,
        &["ambassador", "edit", &id, "--language", "arabic:superb"],
        1,
        "language level",
    );
    refused(
        &cli,
        &["ambassador", "show", "nobody"],
        1,
        "no ambassador matches",
    );
    refused(
        &cli,
        &[
            "contribution",
            "log",
            &id,
            "--date",
            "2025-01-01",
            "--role",
            "speaker",
            "--hours=-2",
        ],
        1,
        "hours",
    );
    refused(
        &cli,
        &[
            "recognition",
            "log",
            &id,
            "--kind",
            "payment",
            "--date",
            "2025-01-01",
            "--amount",
            "20",
        ],
        1,
        "travel and meal costs actually incurred",
    );
    refused(
        &cli,
        &[
            "recognition",
            "log",
            &id,
            "--kind",
            "meal",
            "--date",
            "2025-01-01",
            "--amount",
            "12.345",
        ],
        1,
        "amount",
    );
    refused(
        &cli,
        &[
            "training",
            "record",
            &id,
            "--course",
            "Unknown course",
            "--date",
            "2025-01-01",
        ],
        1,
        "no course matches",
    );
    refused(
        &cli,
        &[
            "project",
            "add",
            "--title",
            "P",
            "--stream",
            "media",
            "--start",
            "2026-05-01",
            "--end",
            "2026-04-01",
        ],
        1,
        "ends before it starts",
    );
    refused(&cli, &["no-such-command"], 2, "unrecognized");
}

#[test]
fn a_missing_store_says_so() {
    let temp = tempfile::tempdir().unwrap();
    let cli = Cli {
        store: temp.path().join("nothing-here"),
        _temp: temp,
    };
    let out = cli.run(&["ambassador", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no Sanctuary store"),
        "{}",
        stderr(&out)
    );
}
