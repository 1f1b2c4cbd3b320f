//! `sanctuary match`, `invite-to`, `invitation` and `rota` as a coordinator
//! and a script use them.

use crate::support::*;

fn network() -> Cli {
    let cli = Cli::new();
    for (name, region) in [("Amina", "London"), ("Biniam", "London"), ("Chen", "Wales")] {
        cli.ok(&[
            "ambassador",
            "add",
            "--name",
            name,
            "--region",
            region,
            "--skill",
            "assessment",
            "--remote",
            "--in-person",
        ]);
        cli.ok(&[
            "ambassador",
            "consent",
            name,
            "--scope",
            "contact",
            "--recorded-by",
            "Sam",
            "--date",
            "2025-01-01",
        ]);
    }
    cli.ok(&[
        "project",
        "add",
        "--title",
        "Library award panel",
        "--stream",
        "awards-panel",
        "--start",
        "2030-03-14",
        "--location",
        "London",
        "--required-skill",
        "assessment",
        "--places",
        "2",
    ]);
    cli
}

#[test]
fn match_ranks_explains_and_selects_a_team() {
    let cli = network();
    let report = cli.json(&[
        "match",
        "Library award panel",
        "--json",
        "--today",
        "2030-03-01",
    ]);
    let ranked = report["ranked"].as_array().unwrap();
    assert_eq!(ranked.len(), 2, "{report}");
    let factors = ranked[0]["factors"].as_array().unwrap();
    let sum: i64 = factors.iter().map(|f| f["points"].as_i64().unwrap()).sum();
    assert_eq!(ranked[0]["total"].as_i64(), Some(sum));
    let chen = &report["not_eligible"][0];
    assert_eq!(chen["display_name"], "Chen");
    assert_eq!(chen["reasons"][0]["constraint"], "travel");
    assert_eq!(report["team"]["members"].as_array().unwrap().len(), 2);
    assert_eq!(report["team"]["covers"]["required_skills"][0], "assessment");

    let text = cli.ok(&["match", "Library award panel", "--weight", "fairness=0"]);
    assert!(
        text.contains("has every required skill (assessment)"),
        "{text}"
    );
    assert!(text.contains("Not eligible\n  Chen"), "{text}");
    assert!(text.contains("Team for 2 place(s)"), "{text}");
    let bad = cli.run(&["match", "Library award panel", "--weight", "luck=3"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("'luck' is not a weight"));
}

#[test]
fn an_invitation_moves_to_attended_and_logs_the_hours() {
    let cli = network();
    let out = cli.ok(&["invite-to", "Library award panel", "Amina"]);
    assert!(
        out.contains("Amina is invited for Library award panel"),
        "{out}"
    );
    cli.ok(&[
        "invitation",
        "set",
        "Library award panel",
        "Amina",
        "accepted",
    ]);
    let refused = cli.run(&["invite-to", "Library award panel", "Chen"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("Chen cannot take part yet: lives in Wales"));
    let out = cli.ok(&[
        "invitation",
        "set",
        "Library award panel",
        "Amina",
        "attended",
        "--hours",
        "2.5",
        "--date",
        "2030-03-14",
    ]);
    assert!(out.contains("Logged their hours"), "{out}");
    let amina = cli.json(&["ambassador", "show", "Amina", "--json"]);
    let contribution = amina["contributions"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap()
        .clone();
    assert_eq!(contribution["minutes"], 150);
    let list = cli.json(&[
        "invitation",
        "list",
        "--project",
        "Library award panel",
        "--json",
    ]);
    assert_eq!(list[0]["status"], "attended");
    assert_eq!(list[0]["history"].as_array().unwrap().len(), 3);
}

#[test]
fn a_rota_suggests_in_fair_order_and_overrides_need_a_reason() {
    let cli = network();
    cli.ok(&[
        "rota",
        "create",
        "Library award panel",
        "--member",
        "Amina",
        "--member",
        "Biniam",
    ]);
    let first = cli.ok(&[
        "rota",
        "next",
        "Library award panel",
        "--date",
        "2030-04-02",
        "--assign",
    ]);
    let second = cli.json(&[
        "rota",
        "next",
        "Library award panel",
        "--date",
        "2030-05-07",
        "--json",
    ]);
    let suggested = second["suggested"][0].as_str().unwrap().to_string();
    let first_name = if first.contains("Amina") {
        "Amina"
    } else {
        "Biniam"
    };
    let other_name = if first_name == "Amina" {
        "Biniam"
    } else {
        "Amina"
    };
    let other = cli.json(&["ambassador", "show", other_name, "--json"]);
    assert_eq!(
        other["profile"]["id"],
        suggested.as_str(),
        "the one who has not sat yet"
    );

    let no_reason = cli.run(&[
        "rota",
        "override",
        "Library award panel",
        "--date",
        "2030-05-07",
        "--ambassador",
        first_name,
        "--reason",
        " ",
    ]);
    assert!(stderr(&no_reason).contains("needs a reason"));
    cli.ok(&[
        "rota",
        "override",
        "Library award panel",
        "--date",
        "2030-05-07",
        "--ambassador",
        first_name,
        "--reason",
        "presenting the annual report",
    ]);
    let list = cli.ok(&["rota", "list", "Library award panel"]);
    assert!(
        list.contains("(override: presenting the annual report)"),
        "{list}"
    );
}
