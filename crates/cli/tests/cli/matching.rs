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
    // Each reason carries its code and parameters for a translated screen,
    // and its English sentence.
    let travel = &chen["reasons"][0]["reason"];
    assert!(
        ["travel-too-far", "travel-no-distance"].contains(&travel["code"].as_str().unwrap_or("")),
        "{travel}"
    );
    assert_eq!(travel["params"]["location"]["value"], "London");
    assert!(
        travel["text"]
            .as_str()
            .unwrap_or("")
            .contains("the project is in London"),
        "{travel}"
    );
    assert_eq!(chen["reasons"][0]["next_step"]["code"], "next-ask-travel");
    let skills = &factors[0]["reason"];
    assert_eq!(skills["code"], "required-skills-all", "{skills}");
    assert_eq!(
        skills["params"]["skills"]["value"][0]["value"],
        "assessment"
    );
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
fn match_settings_are_saved_for_the_network_and_bad_ones_change_nothing() {
    let cli = network();
    let defaults = cli.json(&["match-settings", "--json"]);
    assert_eq!(defaults["weights"]["fairness"], 25);
    let saved = cli.json(&[
        "match-settings",
        "--weight",
        "fairness=40",
        "--other-region-km",
        "30",
        "--json",
    ]);
    assert_eq!(saved["weights"]["fairness"], 40);
    assert_eq!(saved["other_region_km"], 30);
    // Chen (Wales) travels no distance recorded: still not eligible, but
    // `match` now weighs fairness at 40 without being told.
    let report = cli.json(&[
        "match",
        "Library award panel",
        "--json",
        "--today",
        "2030-03-01",
    ]);
    let fairness = report["ranked"][0]["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["factor"] == "fairness")
        .cloned()
        .unwrap();
    assert_eq!(fairness["max"], 40);
    assert_eq!(report["settings"]["weights"]["fairness"], 40);

    let before = snapshot(&cli.store);
    for bad in [
        &["match-settings", "--weight", "fairness=5000"][..],
        &["match-settings", "--weight", "luck=3"],
        &["match-settings", "--recent-months", "0"],
    ] {
        let out = cli.run(bad);
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
        assert!(!stderr(&out).is_empty());
    }
    assert_eq!(snapshot(&cli.store), before, "refusals change nothing");

    let text = cli.ok(&["match-settings", "--reset"]);
    assert!(text.contains("fairness           25"), "{text}");
    assert!(text.contains("the last 6 months"), "{text}");
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
