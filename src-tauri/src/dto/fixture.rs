//! The UI's mock backend answers from `ui/src/lib/api/fixture.json`, which
//! this test writes from a small seeded demo network on a fixed day, through
//! the very builders the commands call. So the browser mock and the
//! component tests show what the core decides (ranking, eligibility, expiry,
//! self-view, rota order, refusals) instead of a TypeScript copy of it.
//!
//! A stale fixture fails the test, as the bindings do; refresh it with
//! `SANCTUARY_UPDATE_FIXTURES=1 cargo test -p sanctuary-app fixture`.

use std::collections::BTreeMap;

use sanctuary_core::demo::{DemoOptions, populate_on};
use sanctuary_core::matching::MatchOptions;
use sanctuary_core::model::{self as m, Day, RecognitionKind};
use sanctuary_core::views::{
    self, AmbassadorDetail, Invitation, Lookup, MatchSettingsView, MatchView, ProjectPage,
    ProjectRow, RotaPlan, RotaSummary, RowList, SelfViewPage, next_statuses, suggestion_row,
};
use sanctuary_core::{CreateOptions, KdfParams, Sanctuary, SecretString};
use serde_json::{Value, json};

use crate::dto::matching::{InvitationInput, RotaTurnInput};
use crate::error::ApiError;

const PASS: &str = "demo passphrase";
/// The mock's "today": every date in the demo is drawn relative to it.
const TODAY: &str = "2026-06-15";
/// The reminder bands the training screen offers, and the home screen's.
const EXPIRING_DAYS: [u16; 3] = [30, 60, 90];
const CONSENT_DAYS: u32 = 30;
/// Rota plans for this many days from `TODAY` (for projects with a rota).
const PLAN_DAYS: i64 = 14;
/// The history's first change: 2026-05-16 09:00 UTC, a month before `TODAY`.
const HISTORY_START: i64 = 1_778_922_000;
/// Teams for 1 to this many places (the number field's other values).
const TEAM_PLACES: u32 = 5;

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("views serialise")
}

/// The demo seats its rota before the consent above is renewed, so none of
/// its members can take the seat; the fixture's rota has two of them and the
/// people matching ranks for the seat, with one turn already taken.
fn seat_rota(s: &mut Sanctuary, today: Day) {
    let ids: Vec<String> = s.projects().iter().map(|p| p.id().to_string()).collect();
    let Some(seat) = ids
        .into_iter()
        .find(|id| s.rota_summary(id).is_ok_and(|r| !r.members.is_empty()))
    else {
        return;
    };
    let options = MatchOptions {
        today: Some(today),
        ..MatchOptions::default()
    };
    let ranked: Vec<String> = s
        .match_project(&seat, &options)
        .expect("a match")
        .ranked
        .iter()
        .map(|c| c.ambassador_id.clone())
        .collect();
    let leaving: Vec<String> = s
        .rota_summary(&seat)
        .expect("a rota")
        .members
        .iter()
        .skip(2)
        .map(|m| m.ambassador_id.clone())
        .collect();
    s.edit_rota(&seat, &ranked, &leaving, Some(1))
        .expect("the rota");
    // Members are free on different weekdays: the last day in the past
    // fortnight someone could come.
    let taken = (1..=14).any(|back| {
        let date = today.plus_days(-back);
        let turn = sanctuary_core::matching::RotaAssignment {
            date,
            ambassadors: Vec::new(),
            reason: None,
            recorded: date,
        };
        s.assign_rota_turn(&seat, turn).is_ok()
    });
    assert!(taken, "somebody on the rota can take a seat");
}

/// One "you said, we did" outcome, on the radio interviews, so the project
/// page and the self-view of those who took part have one to show.
fn said_we_did(s: &mut Sanctuary, today: Day) -> String {
    let project = s
        .projects()
        .iter()
        .find(|p| p.project.title == "Refugee Week radio interviews")
        .map(|p| p.id().to_string())
        .expect("the radio interviews");
    let outcome = m::Outcome {
        id: String::new(),
        date: today.plus_days(-5),
        text: "We changed the interview guidance: questions come a week ahead".into(),
        recorded_by: "Sam".into(),
    };
    s.add_outcome(&project, outcome).expect("an outcome")
}

/// The focus group offers a voucher too, so matching advises what not to
/// offer someone who may not be paid (and what to check first).
fn offer_a_voucher(s: &mut Sanctuary) {
    let project = s
        .projects()
        .iter()
        .find(|p| p.project.title == "GP access focus group")
        .map(|p| p.id().to_string())
        .expect("the focus group");
    s.edit_project(&project, |p| {
        p.recognition.insert(RecognitionKind::Voucher.as_str());
        Ok(())
    })
    .expect("a voucher");
}

/// Inviting someone today, as the panel's button sends it.
fn invite(today: Day) -> sanctuary_core::matching::InvitationChange {
    let input: InvitationInput = serde_json::from_value(json!({
        "status": "invited", "date": null, "note": null, "hours": null, "role": null,
        "engagement_consent_by": null,
    }))
    .expect("an invitation");
    input.into_core(today).expect("a change")
}

/// Both laptops send everything they have to the other.
fn exchange(a: &mut Sanctuary, b: &mut Sanctuary) {
    for _ in 0..2 {
        let from_a = a.sync_export(None).expect("a bundle");
        let from_b = b.sync_export(None).expect("a bundle");
        b.sync_import(&from_a).expect("imported");
        a.sync_import(&from_b).expect("imported");
    }
}

/// A second laptop joins (its coordinator not named) and edits the first
/// person's notes while this laptop edits them too, so the history names
/// two laptops, the devices panel lists two and the Sync screen has a real
/// conflict. Returns the Leeds laptop's device id.
fn leeds_laptop(s: &mut Sanctuary, dir: &std::path::Path, pass: &SecretString) -> String {
    let invite = s.create_invite(KdfParams::MINIMUM, 7).expect("an invite");
    let mut leeds = Sanctuary::join(
        &dir.join("leeds"),
        pass,
        KdfParams::MINIMUM,
        &invite.bytes,
        &invite.code,
        "Leeds laptop",
    )
    .expect("the Leeds laptop joins");
    exchange(s, &mut leeds);
    let first = s.ambassadors().first().expect("a person").id().to_string();
    let notes = |laptop: &mut Sanctuary, text: &str| {
        laptop
            .edit_profile(&first, |p| {
                p.notes = text.into();
                Ok(())
            })
            .expect("an edit");
    };
    notes(s, "Prefers mornings");
    // Two edits on the Leeds laptop: its last change counts higher than
    // this laptop's one, so it wins whatever the random device ids are and
    // the fixture is the same every time.
    notes(&mut leeds, "Evenings");
    notes(&mut leeds, "Prefers evenings");
    exchange(s, &mut leeds);
    leeds.device_id()
}

/// The Sync screen before the Leeds laptop is removed. When it was last
/// heard from and the bundle numbers come from the clock the test ran by:
/// fixed ones keep the file stable.
fn sync_status(s: &mut Sanctuary) -> Value {
    let mut view = to_json(&views::sync_view(s).expect("the sync view"));
    for peer in view["peers"].as_array_mut().into_iter().flatten() {
        peer["last_heard"] = json!(HISTORY_START);
        for seq in ["bundles_applied", "acknowledged"] {
            if peer[seq].as_u64().is_some_and(|n| n > 0) {
                peer[seq] = json!(3);
            }
        }
    }
    view
}

/// Everyone's history, at times an hour apart in the order the core gives
/// (the real ones are the moment the test ran).
fn histories(s: &mut Sanctuary, people: &[m::AmbassadorDoc]) -> Value {
    let by_person: BTreeMap<String, Value> = people
        .iter()
        .map(|doc| {
            let mut entries = s.person_history(doc.id()).expect("a history");
            for (hour, entry) in (0..).zip(entries.iter_mut()) {
                entry.time = HISTORY_START + hour * 3600;
            }
            (doc.id().to_string(), to_json(&entries))
        })
        .collect();
    to_json(&by_person)
}

/// Every view the mock looks up, as the commands build it.
fn fixture() -> String {
    let today: Day = TODAY.parse().expect("a date");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let pass = SecretString::from(PASS);
    let options = CreateOptions {
        network_name: "Demo network".into(),
        device_name: "demo laptop".into(),
        kdf: KdfParams::MINIMUM,
    };
    let mut s = Sanctuary::create(dir.path(), &pass, &options).expect("a store");
    s.set_coordinator_name("Maryam").expect("a coordinator");
    let demo = DemoOptions {
        ambassadors: 30,
        seed: 17,
        training_per_person: 3,
        contributions_per_person: 3,
    };
    populate_on(&mut s, &demo, today).expect("the demo network");
    // Most of the demo's contact consent has lapsed by the fixed day; renew
    // it for all but a few, so matching has people to rank (more than one
    // screenful) as well as people it leaves out for lapsed consent.
    let mut renewed = Vec::new();
    let ids: Vec<String> = s.ambassadors().iter().map(|d| d.id().to_string()).collect();
    for id in ids.iter().skip(4) {
        let consent = m::Consent {
            id: String::new(),
            scope: m::ConsentScope::Contact,
            agreed: true,
            date: today.plus_days(-10),
            recorded_by: "Maryam".into(),
            review: Some(today.plus_days(365)),
            note: None,
        };
        let made = s.add_consent(id, consent).expect("consent");
        renewed.push((made, format!("consent-{}", renewed.len() + 1)));
    }
    seat_rota(&mut s, today);
    let outcome = said_we_did(&mut s, today);
    offer_a_voucher(&mut s);
    let leeds = leeds_laptop(&mut s, dir.path(), &pass);

    let people: Vec<m::AmbassadorDoc> = s.ambassadors().into_iter().cloned().collect();
    let projects: Vec<m::ProjectDoc> = s.projects().into_iter().cloned().collect();
    let match_on = |places: Option<u32>| MatchOptions {
        places,
        today: Some(today),
        ..MatchOptions::default()
    };

    let rows = RowList::new(&s);
    let mut ambassadors = BTreeMap::new();
    let mut recognition_options = BTreeMap::new();
    let mut refusals = BTreeMap::new();
    for doc in &people {
        let id = doc.id().to_string();
        ambassadors.insert(id.clone(), to_json(&AmbassadorDetail::new(&s, doc, today)));
        let offered = s.recognition_options(&id).expect("options");
        // What logging a refused or to-be-checked kind answers: the core's
        // own error, so the form's tests show its words, not the mock's.
        let mut mine = BTreeMap::new();
        for kind in offered.refused.iter().chain(&offered.check) {
            let entry = m::Recognition {
                id: String::new(),
                date: today,
                kind: *kind,
                amount_pence: kind.involves_money().then_some(1000),
                description: Some("thanks".into()),
                contribution_id: None,
                project_id: None,
                expense: None,
                review: None,
            };
            let error = s
                .log_recognition(&id, entry, false)
                .expect_err("the policy refuses it");
            mine.insert(kind.as_str(), to_json(&ApiError::from(error)));
        }
        recognition_options.insert(id.clone(), to_json(&offered));
        refusals.insert(id, mine);
    }

    let mut pages = BTreeMap::new();
    let mut matches = BTreeMap::new();
    let mut teams = BTreeMap::new();
    let mut invitations = BTreeMap::new();
    let mut rotas = BTreeMap::new();
    let mut plans = BTreeMap::new();
    let mut invite_refusals = BTreeMap::new();
    let mut rota_refusal = Value::Null;
    for doc in &projects {
        let id = doc.id().to_string();
        pages.insert(id.clone(), to_json(&ProjectPage::new(&s, doc)));
        let report = s.match_project(&id, &match_on(None)).expect("a match");
        matches.insert(id.clone(), to_json(&MatchView::from(report.clone())));
        let by_places: BTreeMap<String, Value> = (1..=TEAM_PLACES)
            .map(|n| {
                let report = s.match_project(&id, &match_on(Some(n))).expect("a match");
                (n.to_string(), to_json(&MatchView::from(report).team))
            })
            .collect();
        teams.insert(id.clone(), by_places);
        // Inviting someone the core leaves out answers its own refusal.
        let refused: BTreeMap<String, Value> = report
            .not_eligible
            .iter()
            .map(|n| {
                let change = invite(today);
                let error = s
                    .set_invitation(&id, &n.ambassador_id, change)
                    .expect_err("not eligible");
                (n.ambassador_id.clone(), to_json(&ApiError::from(error)))
            })
            .collect();
        invite_refusals.insert(id.clone(), refused);
        let views: Vec<Invitation> = s
            .invitations(&id)
            .expect("invitations")
            .iter()
            .map(Into::into)
            .collect();
        invitations.insert(id.clone(), to_json(&views));
        let rota = s.rota_summary(&id).expect("a rota");
        rotas.insert(id.clone(), to_json(&RotaSummary::from(rota.clone())));
        if rota.members.is_empty() {
            continue;
        }
        let by_day: BTreeMap<String, Value> = (0..PLAN_DAYS)
            .map(|d| {
                let day = today.plus_days(d);
                let plan = s.rota_plan(&id, day, &match_on(None)).expect("a plan");
                // Giving the seat to someone else without a reason: the core's refusal.
                let other = plan
                    .order
                    .iter()
                    .find(|o| !plan.suggested.contains(&o.ambassador_id));
                if let (true, false, Some(other)) =
                    (rota_refusal.is_null(), plan.suggested.is_empty(), other)
                {
                    let turn = RotaTurnInput {
                        date: day.to_string(),
                        ambassadors: vec![other.ambassador_id.clone()],
                        reason: None,
                    };
                    let error = s
                        .assign_rota_turn(&id, turn.into_core(today).expect("a turn"))
                        .expect_err("a reason is needed");
                    rota_refusal = to_json(&ApiError::from(error));
                }
                (day.to_string(), to_json(&RotaPlan::from(plan)))
            })
            .collect();
        plans.insert(id, by_day);
    }

    assert!(
        !rota_refusal.is_null(),
        "a rota day with a suggestion and someone else who could come"
    );
    // Refusals the mock replays when a form sends the same bad input.
    let first = projects.first().expect("a project").id().to_string();
    let no_name = m::Outcome {
        id: String::new(),
        date: today,
        text: "Shorter forms".into(),
        recorded_by: " ".into(),
    };
    // A travel claim with neither a receipt nor the reason there is none.
    let claimant = people.first().expect("a person").id().to_string();
    let claim = m::Recognition {
        id: String::new(),
        date: today,
        kind: RecognitionKind::TravelExpenses,
        amount_pence: Some(640),
        description: None,
        contribution_id: None,
        project_id: None,
        expense: None,
        review: None,
    };
    let no_receipt = s
        .log_recognition(&claimant, claim, true)
        .expect_err("a receipt is needed");
    // A role that ends before it starts (the rule `end_pathway` applies).
    let started = today.plus_days(-30);
    let ends_early = m::Pathway {
        id: String::new(),
        role: m::PathwayRole::SteeringGroup,
        from: started,
        to: Some(started.plus_days(-1)),
        note: None,
    }
    .validate()
    .expect_err("it ends before it starts");
    let mut too_heavy = s.match_settings();
    too_heavy.weights.fairness = 5000;
    let heavy_error = s.set_match_settings(too_heavy).expect_err("out of range");
    let errors = json!({
        "receipt": to_json(&ApiError::from(no_receipt)),
        "match_settings": { "input": to_json(&too_heavy), "error": to_json(&ApiError::from(heavy_error)) },
        "bad_date": to_json(&ApiError::from(
            "31/12/2025".parse::<Day>().expect_err("not a date")
        )),
        "outcome_recorded_by": to_json(&ApiError::from(
            s.add_outcome(&first, no_name).expect_err("a name is needed")
        )),
        "rota_reason": rota_refusal,
        "pathway_ends": {
            "from": started.to_string(),
            "to": started.plus_days(-1).to_string(),
            "error": to_json(&ApiError::from(ends_early)),
        },
        "report_period": {
            "from": today.to_string(),
            "to": today.plus_days(-1).to_string(),
            "error": to_json(&ApiError::from(
                sanctuary_core::reports::Period::checked(Some(today), Some(today.plus_days(-1)))
                    .expect_err("it ends before it starts")
            )),
        },
        "network_name": to_json(&ApiError::from(
            Sanctuary::create(&dir.path().join("unnamed"), &pass, &CreateOptions {
                network_name: " ".into(),
                ..CreateOptions::default()
            })
            .map(drop)
            .expect_err("a network needs a name")
        )),
        "device_name": to_json(&ApiError::from(
            s.rejoin(&[], "ABCD-EFGH", " ").expect_err("a laptop needs a name")
        )),
        "already_member": to_json(&ApiError::from(
            s.rejoin(&[], "ABCD-EFGH", "this laptop").expect_err("it is a member already")
        )),
    });
    let lookup = Lookup::of(&s);
    let suggestions: Vec<Value> = s
        .pending_suggestions()
        .into_iter()
        .map(|(doc, suggestion)| to_json(&suggestion_row(doc, suggestion, &lookup)))
        .collect();
    let expiring: BTreeMap<String, Value> = EXPIRING_DAYS
        .iter()
        .map(|d| {
            let rows = views::expiring(&s, today, i64::from(*d), true);
            (d.to_string(), to_json(&rows))
        })
        .collect();
    let moves: BTreeMap<&str, Value> = std::iter::once(("none", to_json(&next_statuses(None))))
        .chain(
            m::InvitationStatus::ALL
                .iter()
                .map(|st| (st.as_str(), to_json(&next_statuses(Some(*st))))),
        )
        .collect();
    let coordinator = json!({
        "errors": errors,
        "invite_refusals": invite_refusals,
        "network_name": s.network().name,
        "rows": to_json(&rows),
        "ambassadors": ambassadors,
        "recognition_options": recognition_options,
        "refusals": refusals,
        "policy": to_json(&s.policy_table()),
        "flagged": to_json(&s.flagged_recognition()),
        "catalog": to_json(&views::catalog_view(s.catalog())),
        "expiring": expiring,
        "consent_due": to_json(&s.consent_expiring(today, CONSENT_DAYS, true)),
        "retention_due": to_json(&s.retention_review(today)),
        "retention_years": s.network().retention_years,
        "projects": to_json(&projects.iter().map(ProjectRow::from).collect::<Vec<_>>()),
        "project_pages": pages,
        "matches": matches,
        "teams": teams,
        "match_settings": to_json(&MatchSettingsView::new(s.match_settings())),
        "invitations": invitations,
        "invitation_moves": moves,
        "rotas": rotas,
        "rota_plans": plans,
        "suggestions": suggestions,
        "history": histories(&mut s, &people),
        "sync": sync_status(&mut s),
    });
    // Removing a laptop, last: it turns the network's key over.
    // This laptop first, as the core's order follows random ids.
    let mut listed = s.devices();
    listed.sort_by_key(|d| !d.this_device);
    let mut devices = to_json(&listed);
    let mut removed = to_json(
        &s.revoke_device(&leeds)
            .expect("the Leeds laptop is removed"),
    );
    // Sequence numbers start from the clock: a fixed one keeps the file stable.
    removed["last_seq"] = json!(3);
    let own = s.device_id();
    let revoke_self = to_json(&ApiError::from(
        s.revoke_device(&own)
            .expect_err("a laptop cannot remove itself"),
    ));
    // Added and removed on the day the test ran: the fixture's day instead.
    for device in devices.as_array_mut().into_iter().flatten() {
        device["added"] = json!(TODAY);
    }
    let mut coordinator = coordinator;
    coordinator["devices"] = devices;
    coordinator["revoke"] = json!({ "report": removed, "removed_on": TODAY });
    coordinator["errors"]["revoke_self"] = revoke_self;

    // Self-view holds one person's record only, so each page comes from the
    // store opened again and narrowed to that person, as the app does.
    drop(s);
    let mut self_view = BTreeMap::new();
    for doc in &people {
        let s = Sanctuary::open(dir.path(), &pass).expect("the store opens");
        let view = s
            .enter_self_view(doc.id())
            .map_err(|(_, e)| e)
            .expect("self-view");
        self_view.insert(
            doc.id().to_string(),
            to_json(&SelfViewPage::new(&view, today)),
        );
    }

    let mut fixture = coordinator;
    fixture["today"] = json!(TODAY);
    fixture["self_view"] = to_json(&self_view);
    let text = serde_json::to_string_pretty(&fixture).expect("json") + "\n";
    renewed.push((outcome, "outcome-1".into()));
    renewed.push((own, "device-1".into()));
    renewed.push((leeds, "device-2".into()));
    stable_ids(text, &projects, &renewed)
}

/// Course, project and added consent ids are random in every store; the
/// fixture names them `course-N` and `project-N` (in title order) and
/// `consent-N` so writing it twice gives
/// the same file.
fn stable_ids(mut text: String, projects: &[m::ProjectDoc], named: &[(String, String)]) -> String {
    for (id, alias) in named {
        text = text.replace(id.as_str(), alias);
    }
    let mut courses: Vec<(String, String)> = Vec::new();
    let catalog: Value = serde_json::from_str(&text).expect("json");
    for course in catalog["catalog"]["courses"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let id = course["id"].as_str().unwrap_or_default().to_string();
        let title = course["title"].as_str().unwrap_or_default().to_string();
        courses.push((title, id));
    }
    courses.sort();
    for (n, (_, id)) in courses.iter().enumerate() {
        text = text.replace(id.as_str(), &format!("course-{}", n + 1));
    }
    let mut titled: Vec<(&str, &str)> = projects
        .iter()
        .map(|p| (p.project.title.as_str(), p.id()))
        .collect();
    titled.sort();
    for (n, (_, id)) in titled.iter().enumerate() {
        text = text.replace(id, &format!("project-{}", n + 1));
    }
    // Maps keyed by those ids sort again under their new names.
    let sorted: Value = serde_json::from_str(&text).expect("json");
    serde_json::to_string_pretty(&sorted).expect("json") + "\n"
}

#[test]
fn the_mock_fixture_is_the_cores_views_of_the_demo_network() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api/fixture.json");
    let json = fixture();
    if std::env::var_os("SANCTUARY_UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &json).expect("write the fixture");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == json,
        "{} is stale: run SANCTUARY_UPDATE_FIXTURES=1 cargo test -p sanctuary-app fixture",
        path.display()
    );
}

#[test]
fn writing_the_fixture_twice_gives_the_same_file() {
    assert_eq!(fixture(), fixture());
}

/// Refusals are there to show (read from the committed file, which the
/// test above keeps current): a person who may not be paid is refused a
/// voucher, in codes the UI words.
#[test]
fn the_fixture_holds_the_cores_refusals() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api/fixture.json");
    let text = std::fs::read_to_string(path).expect("the fixture");
    let fixture: Value = serde_json::from_str(&text).expect("json");
    let refusals = fixture["refusals"].as_object().expect("refusals");
    let codes: Vec<&str> = refusals
        .values()
        .flat_map(|by_kind| by_kind.as_object().into_iter().flatten())
        .filter_map(|(_, e)| e["code"].as_str())
        .collect();
    assert!(codes.contains(&"payment-not-allowed"), "{codes:?}");
    assert!(codes.contains(&"check-first"), "{codes:?}");
    let voucher = RecognitionKind::Voucher.as_str();
    let refused = refusals
        .values()
        .find_map(|by_kind| by_kind.get(voucher))
        .expect("a refused voucher");
    assert_eq!(refused["details"][0]["code"], "refused-payment");
}
