//! `sanctuary recognition`: the policy table, expense claims with receipts
//! and their status, and review flags when a person may no longer be paid.

use crate::support::*;

fn person(cli: &Cli, name: &str, payment: &str) -> String {
    cli.ok(&[
        "ambassador",
        "add",
        "--name",
        name,
        "--region",
        "Leeds",
        "--payment",
        payment,
    ])
    .trim()
    .to_string()
}

fn log(cli: &Cli, id: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["recognition", "log", id, "--date", "2026-03-02"];
    args.extend_from_slice(extra);
    cli.run(&args)
}

#[test]
fn the_policy_shows_every_kind_against_every_constraint_and_a_row_can_change() {
    let cli = Cli::new();
    let table = cli.json(&["recognition", "policy", "--json"]);
    let rows = table["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 12 * 3);
    let row = |kind: &str, constraint: &str| {
        rows.iter()
            .find(|r| r["kind"] == kind && r["constraint"] == constraint)
            .cloned()
            .expect("a row")
    };
    for kind in [
        "payment",
        "voucher",
        "gift-card",
        "allowance",
        "gift",
        "time-credits",
    ] {
        assert_eq!(row(kind, "not-allowed")["verdict"], "refused", "{kind}");
        assert_eq!(row(kind, "check-first")["verdict"], "check", "{kind}");
        assert_eq!(row(kind, "allowed")["verdict"], "allowed", "{kind}");
    }
    for kind in [
        "thanks",
        "certificate",
        "reference-letter",
        "travel-expenses",
        "meal",
        "nomination",
    ] {
        assert_eq!(row(kind, "not-allowed")["verdict"], "allowed", "{kind}");
    }
    assert!(
        row("travel-expenses", "not-allowed")["source"]
            .as_str()
            .unwrap()
            .contains("Home Office")
    );
    assert_eq!(table["expense_limit"], "£50.00");

    // A change needs a note and a known verdict; nothing changes otherwise.
    let out = cli.run(&[
        "recognition",
        "policy",
        "set",
        "voucher",
        "not-allowed",
        "maybe",
        "--note",
        "x",
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not a known policy verdict"),
        "{}",
        stderr(&out)
    );
    let out = cli.run(&[
        "recognition",
        "policy",
        "set",
        "voucher",
        "not-allowed",
        "check",
        "--note",
        " ",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = cli.ok(&[
        "recognition",
        "policy",
        "set",
        "voucher",
        "not-allowed",
        "check",
        "--note",
        "adviser: small vouchers after a check",
    ]);
    assert!(
        text.contains("adviser: small vouchers after a check"),
        "{text}"
    );
    let table = cli.json(&["recognition", "policy", "limit", "20", "--json"]);
    assert_eq!(table["expense_limit"], "£20.00");
    let changed = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "voucher" && r["constraint"] == "not-allowed")
        .cloned()
        .unwrap();
    assert_eq!(changed["verdict"], "check");
    assert!(changed["changed"].is_string());

    // The change is what logging follows.
    let id = person(&cli, "Hawa", "not-allowed");
    let out = log(&cli, &id, &["--kind", "voucher", "--amount", "5"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("adviser: small vouchers"),
        "{}",
        stderr(&out)
    );
    let options = cli.json(&["recognition", "options", &id, "--json"]);
    assert_eq!(options["check"], serde_json::json!(["voucher"]));
}

#[test]
fn the_loopholes_are_closed_for_someone_who_may_not_be_paid() {
    let cli = Cli::new();
    let id = person(&cli, "Samir", "not-allowed");
    let cases: [&[&str]; 4] = [
        &[
            "--kind",
            "gift",
            "--amount",
            "50",
            "--description",
            "£50 gift card",
        ],
        &["--kind", "gift-card", "--amount", "50"],
        &["--kind", "time-credits"],
        &["--kind", "allowance", "--amount", "9999", "--checked"],
    ];
    for case in cases {
        let out = log(&cli, &id, case);
        assert_eq!(out.status.code(), Some(1), "{case:?}");
        let err = stderr(&out);
        assert!(
            err.contains("cash value") && err.contains("certificate"),
            "{err}"
        );
    }
    let flat = log(
        &cli,
        &id,
        &[
            "--kind",
            "travel-expenses",
            "--amount",
            "9999",
            "--description",
            "travel flat allowance",
            "--receipt",
            "none",
            "--note",
            "monthly",
        ],
    );
    assert!(
        stderr(&flat).contains("flat allowance is not a cost actually incurred"),
        "{}",
        stderr(&flat)
    );
    let shown = cli.json(&["ambassador", "show", &id, "--json"]);
    assert!(shown["recognition"].as_object().unwrap().is_empty());
    // What may be offered instead.
    let options = cli.json(&["recognition", "options", &id, "--json"]);
    assert_eq!(
        options["allowed"],
        serde_json::json!([
            "thanks",
            "certificate",
            "reference-letter",
            "travel-expenses",
            "meal",
            "nomination"
        ])
    );
    assert_eq!(options["refused"].as_array().unwrap().len(), 6);
}

#[test]
fn expenses_need_a_receipt_a_note_above_the_limit_and_move_claimed_approved_paid_back() {
    let cli = Cli::new();
    let id = person(&cli, "Leila", "not-allowed");
    let out = log(
        &cli,
        &id,
        &["--kind", "travel-expenses", "--amount", "12.40"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("receipt reference"),
        "{}",
        stderr(&out)
    );
    let out = log(
        &cli,
        &id,
        &[
            "--kind",
            "meal",
            "--amount",
            "8",
            "--receipt",
            "R1",
            "--no-receipt",
            "lost",
        ],
    );
    assert!(!out.status.success());
    let out = log(
        &cli,
        &id,
        &[
            "--kind",
            "travel-expenses",
            "--amount",
            "64",
            "--receipt",
            "R2",
        ],
    );
    assert!(
        stderr(&out).contains("above the network's limit of £50.00"),
        "{}",
        stderr(&out)
    );
    let out = log(
        &cli,
        &id,
        &[
            "--kind",
            "travel-expenses",
            "--amount",
            "64",
            "--receipt",
            "R2",
            "--note",
            "return train to London",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let entry = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let no_receipt = log(
        &cli,
        &id,
        &[
            "--kind",
            "meal",
            "--amount",
            "6.50",
            "--no-receipt",
            "café gave none",
        ],
    );
    assert!(no_receipt.status.success(), "{}", stderr(&no_receipt));

    let out = cli.run(&["recognition", "expense", &id, &entry, "paid-back"]);
    assert!(
        stderr(&out).contains("approve the claim"),
        "{}",
        stderr(&out)
    );
    let out = cli.run(&["recognition", "expense", &id, &entry, "approved"]);
    assert!(stderr(&out).contains("approved by"), "{}", stderr(&out));
    cli.ok(&[
        "recognition",
        "expense",
        &id,
        &entry[..8],
        "approved",
        "--by",
        "Sam",
    ]);
    cli.ok(&["recognition", "expense", &id, &entry, "paid-back"]);
    let out = cli.run(&["recognition", "expense", &id, &entry, "claimed"]);
    assert!(
        stderr(&out).contains("cannot become claimed"),
        "{}",
        stderr(&out)
    );

    let shown = cli.json(&["ambassador", "show", &id, "--json"]);
    let claim = &shown["recognition"][&entry]["expense"];
    assert_eq!(claim["status"], "paid-back");
    assert_eq!(claim["approved_by"], "Sam");
    assert_eq!(claim["receipt"], "R2");
    assert_eq!(claim["note"], "return train to London");
}

#[test]
fn becoming_not_allowed_flags_money_entries_for_review() {
    let cli = Cli::new();
    let id = person(&cli, "Yonas", "allowed");
    let paid = String::from_utf8(log(&cli, &id, &["--kind", "payment", "--amount", "40"]).stdout)
        .unwrap()
        .trim()
        .to_string();
    assert!(
        log(
            &cli,
            &id,
            &["--kind", "meal", "--amount", "7", "--receipt", "R7"]
        )
        .status
        .success()
    );
    assert!(log(&cli, &id, &["--kind", "thanks"]).status.success());
    assert_eq!(
        cli.json(&["recognition", "flagged", "--json"]),
        serde_json::json!([])
    );

    cli.ok(&["ambassador", "edit", &id, "--payment", "not-allowed"]);
    let flagged = cli.json(&["recognition", "flagged", "--json"]);
    let flagged = flagged.as_array().unwrap();
    assert_eq!(flagged.len(), 2);
    assert!(flagged.iter().all(|f| f["display_name"] == "Yonas"));
    assert!(flagged.iter().all(|f| {
        f["entry"]["review"]["reason"]
            .as_str()
            .unwrap()
            .contains("not allowed")
    }));
    let text = cli.ok(&["recognition", "flagged"]);
    assert!(text.contains("2 entries to review"), "{text}");

    let out = cli.run(&["recognition", "review", &id, &paid, "--note", ""]);
    assert_eq!(out.status.code(), Some(1));
    cli.ok(&[
        "recognition",
        "review",
        &id,
        &paid,
        "--note",
        "paid while allowed; adviser agrees",
    ]);
    let left = cli.json(&["recognition", "flagged", "--json"]);
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(left[0]["entry"]["kind"], "meal");
}

/// Every claim is a row of the export's `Expenses` sheet (receipt or why
/// there is none, amount, status, who approved) and every role a row of
/// `Pathways`, the same in the workbook, the CSV files and the JSON.
#[test]
fn expenses_and_pathways_are_sheets_of_the_export() {
    let cli = Cli::new();
    let id = person(&cli, "Leila", "not-allowed");
    let out = log(
        &cli,
        &id,
        &[
            "--kind",
            "travel-expenses",
            "--amount",
            "12.40",
            "--receipt",
            "R2",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let entry = String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_string();
    cli.ok(&[
        "recognition",
        "expense",
        &id,
        &entry,
        "approved",
        "--by",
        "Sam",
    ]);
    let out = log(
        &cli,
        &id,
        &[
            "--kind",
            "meal",
            "--amount",
            "6.50",
            "--no-receipt",
            "café gave none",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(log(&cli, &id, &["--kind", "thanks"]).status.success());
    cli.ok(&[
        "ambassador",
        "pathway",
        "add",
        &id,
        "trustee",
        "--from",
        "2026-02-01",
        "--note",
        "Board",
    ]);

    let dir = cli._temp.path();
    let (xlsx, csv, json) = (dir.join("all.xlsx"), dir.join("csv"), dir.join("all.json"));
    for (flag, path) in [("--xlsx", &xlsx), ("--csv", &csv), ("--json", &json)] {
        let said = cli.ok(&["export", flag, path.to_str().expect("path")]);
        assert!(said.contains("2 expenses, 1 pathways"), "{said}");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("json")).expect("JSON");
    let expenses = json["Expenses"].as_array().expect("expenses");
    assert_eq!(expenses.len(), 2, "the thanks is not an expense");
    // Both are dated the same day, so their order is the entries' ids: find each by kind.
    let of_kind = |kind: &str| {
        expenses
            .iter()
            .find(|e| e["Kind"] == kind)
            .expect("an expense of that kind")
    };
    let (travel, meal) = (of_kind("Travel expenses"), of_kind("Meal"));
    assert_eq!(travel["Name"], "Leila");
    assert_eq!(travel["Amount (£)"], 12.4);
    assert_eq!(travel["Receipt"], "R2");
    assert_eq!(travel["No receipt: reason"], serde_json::Value::Null);
    assert_eq!(travel["Status"], "Approved");
    assert_eq!(travel["Approved by"], "Sam");
    assert_eq!(meal["No receipt: reason"], "café gave none");
    assert_eq!(meal["Status"], "Claimed");
    assert_eq!(meal["Approved by"], serde_json::Value::Null);
    let role = &json["Pathways"][0];
    assert_eq!(
        (&role["Role"], &role["From"], &role["To"], &role["Note"]),
        (
            &serde_json::json!("Trustee"),
            &serde_json::json!("2026-02-01"),
            &serde_json::Value::Null,
            &serde_json::json!("Board")
        )
    );

    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("xlsx opens");
    let sheet = book.worksheet_range("Expenses").expect("Expenses sheet");
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0][..8],
        [
            "Name",
            "Date",
            "Kind",
            "Amount (£)",
            "Receipt",
            "No receipt: reason",
            "Status",
            "Approved by"
        ]
    );
    let row_of = |rows: &[Vec<String>], kind: &str| {
        rows.iter()
            .find(|r| r[2] == kind)
            .cloned()
            .expect("a row of that kind")
    };
    let travel = row_of(&rows, "Travel expenses");
    assert_eq!(
        [&travel[3], &travel[4], &travel[6], &travel[7]],
        ["12.4", "R2", "Approved", "Sam"]
    );
    assert_eq!(row_of(&rows, "Meal")[5], "café gave none");
    let roles = book.worksheet_range("Pathways").expect("Pathways sheet");
    assert_eq!(
        roles.get((1, 1)).map(|v| v.to_string()).as_deref(),
        Some("Trustee")
    );

    let read = |name: &str| {
        sanctuary_sheets::read(&std::fs::read(csv.join(name)).expect("csv")).expect("reads")
    };
    let expenses = read("Expenses.csv");
    let rows: Vec<Vec<String>> = expenses
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.text().to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(row_of(&rows, "Travel expenses")[4], "R2");
    assert_eq!(row_of(&rows, "Meal")[5], "café gave none");
    let pathways = read("Pathways.csv");
    assert_eq!(pathways.rows[1][4].text(), "Board");
}
