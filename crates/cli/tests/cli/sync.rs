//! `device list`, `device revoke`, `conflicts list` and `conflicts resolve`
//! as scripts use them: exit codes, messages, `--json`, and nothing written
//! when a command is refused.

use std::path::Path;

use crate::support::*;

/// A second laptop that joined `founder`'s network with an invite, in
/// `founder`'s temporary directory.
pub fn join(founder: &Cli, name: &str) -> Cli {
    let temp = tempfile::tempdir().expect("temp dir");
    let invite = temp.path().join("invite");
    let out = founder.ok(&[
        "invite",
        "create",
        "--out",
        invite.to_str().expect("utf-8 path"),
        "--kdf",
        "minimum",
    ]);
    let code = out.lines().last().expect("a code line").trim().to_string();
    let laptop = Cli {
        store: temp.path().join("store"),
        _temp: temp,
    };
    let invite = invite.to_str().expect("utf-8 path");
    laptop.ok(&[
        "init",
        "--kdf",
        "minimum",
        "--device-name",
        name,
        "--join",
        invite,
        "--code",
        &code,
    ]);
    laptop
}

/// Exports `from`'s changes to a file and imports them on `to`.
pub fn send(from: &Cli, to: &Cli, file: &Path) {
    let _ = std::fs::remove_file(file);
    let path = file.to_str().expect("utf-8 path");
    from.ok(&["sync", "export", "--out", path]);
    to.ok(&["sync", "import", path]);
}

/// Runs a command that must fail with `code`, say `expect` on stderr, and
/// leave every store file as it was.
fn refused(cli: &Cli, args: &[&str], code: i32, expect: &str) {
    let before = snapshot(&cli.store);
    let out = cli.run(args);
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {message}");
    assert!(
        message.contains(expect),
        "{args:?}: expected {expect:?} in {message:?}"
    );
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(snapshot(&cli.store), before, "{args:?} changed the store");
}

#[test]
fn devices_are_listed_and_one_is_removed() {
    let founder = Cli::new();
    let laptop = join(&founder, "drop-in laptop");
    let file = founder._temp.path().join("hello.bundle");
    send(&laptop, &founder, &file);

    let listed = founder.json(&["device", "list", "--json"]);
    let devices = listed.as_array().expect("an array");
    assert_eq!(devices.len(), 2, "{listed:#}");
    let me = devices
        .iter()
        .find(|d| d["this_device"] == true)
        .expect("this laptop is listed");
    assert_eq!(me["name"], "this laptop");
    let other = devices
        .iter()
        .find(|d| d["name"] == "drop-in laptop")
        .expect("the joined laptop is listed");
    assert_eq!(other["this_device"], false);
    assert_eq!(other["registered"], true);
    assert_eq!(other["can_receive_keys"], true);
    assert!(other["revoked"].is_null());
    let other_id = other["id"].as_str().expect("an id").to_string();

    let table = founder.ok(&["device", "list"]);
    assert!(table.contains("drop-in laptop"), "{table}");
    assert!(table.contains("(this laptop)"), "{table}");

    // Refusals: unknown device, this laptop itself; nothing written.
    refused(
        &founder,
        &["device", "revoke", "no such laptop"],
        1,
        "no device matches",
    );
    refused(
        &founder,
        &["device", "revoke", "this laptop"],
        1,
        "cannot remove itself",
    );
    refused(&founder, &["device", "revoke"], 2, "Usage");

    let out = founder.ok(&["device", "revoke", "drop-in laptop"]);
    assert!(out.contains("Removed"), "{out}");
    assert!(out.contains("epoch 2"), "{out}");
    assert!(out.contains("stays with it"), "{out}");

    let listed = founder.json(&["device", "list", "--json"]);
    let removed = listed
        .as_array()
        .expect("an array")
        .iter()
        .find(|d| d["id"] == other_id.as_str())
        .expect("a removed device is still listed");
    assert_eq!(removed["revoked"]["epoch"], 2);
    let table = founder.ok(&["device", "list"]);
    assert!(table.contains("removed on"), "{table}");

    refused(
        &founder,
        &["device", "revoke", &other_id],
        1,
        "already removed",
    );

    // The removed laptop's next bundle is refused, and changes nothing.
    laptop.ok(&["ambassador", "add", "--name", "Late", "--region", "Kent"]);
    let late = founder._temp.path().join("late.bundle");
    let late = late.to_str().expect("utf-8 path");
    laptop.ok(&["sync", "export", "--out", late]);
    refused(&founder, &["sync", "import", late], 1, "removed");
}

#[test]
fn a_conflict_is_listed_and_resolved() {
    let founder = Cli::new();
    let laptop = join(&founder, "second laptop");
    let file = founder._temp.path().join("x.bundle");
    let id = founder
        .ok(&["ambassador", "add", "--name", "Amal", "--region", "London"])
        .trim()
        .to_string();
    send(&founder, &laptop, &file);
    assert_eq!(laptop.ok(&["conflicts", "list"]).trim(), "No conflicts");
    assert_eq!(
        laptop.json(&["conflicts", "list", "--json"]),
        serde_json::json!([])
    );

    founder.ok(&["ambassador", "edit", "Amal", "--notes", "from the founder"]);
    laptop.ok(&[
        "ambassador",
        "edit",
        "Amal",
        "--notes",
        "from the second laptop",
    ]);
    send(&founder, &laptop, &file);
    send(&laptop, &founder, &file);

    let listed = founder.json(&["conflicts", "list", "--json"]);
    assert_eq!(listed, laptop.json(&["conflicts", "list", "--json"]));
    let conflicts = listed.as_array().expect("an array");
    assert_eq!(conflicts.len(), 1, "{listed:#}");
    let c = &conflicts[0];
    assert_eq!(c["document"], id.as_str());
    assert_eq!(c["kind"], "ambassador");
    assert_eq!(c["name"], "Amal");
    assert_eq!(c["field"], "profile.notes");
    let winner = c["winner"]["value"].as_str().expect("text").to_string();
    let other = c["others"][0]["value"].as_str().expect("text").to_string();
    let mut both = vec![winner.clone(), other.clone()];
    both.sort();
    assert_eq!(both, ["from the founder", "from the second laptop"]);
    let names: Vec<&str> = [&c["winner"], &c["others"][0]]
        .iter()
        .map(|v| v["device_name"].as_str().expect("a name"))
        .collect();
    assert!(names.contains(&"second laptop"), "{names:?}");
    let shown = founder.json(&["ambassador", "show", "Amal", "--json"]);
    assert_eq!(shown["profile"]["notes"], winner.as_str());

    let table = founder.ok(&["conflicts", "list"]);
    assert!(table.contains("profile.notes"), "{table}");
    assert!(table.contains("0 (shown)"), "{table}");
    assert!(table.contains("1: "), "{table}");

    // Refusals: unknown document or field, a value out of range; nothing written.
    refused(
        &founder,
        &["conflicts", "resolve", "nosuchdoc", "profile.notes"],
        1,
        "no conflict matches",
    );
    refused(
        &founder,
        &["conflicts", "resolve", &id, "profile.email"],
        1,
        "no conflict matches",
    );
    refused(
        &founder,
        &["conflicts", "resolve", &id, "profile.notes", "--keep", "5"],
        1,
        "choose a value from 0 to 1",
    );
    refused(
        &founder,
        &["conflicts", "resolve", &id, "profile.notes", "--keep", "x"],
        2,
        "invalid value",
    );

    // Keep the value that lost; the other laptop follows once it syncs.
    let out = founder.ok(&["conflicts", "resolve", &id, "profile.notes", "--keep", "1"]);
    assert!(out.contains("Resolved profile.notes"), "{out}");
    assert_eq!(founder.ok(&["conflicts", "list"]).trim(), "No conflicts");
    let shown = founder.json(&["ambassador", "show", &id, "--json"]);
    assert_eq!(shown["profile"]["notes"], other.as_str());
    send(&founder, &laptop, &file);
    assert_eq!(
        laptop.json(&["conflicts", "list", "--json"]),
        serde_json::json!([])
    );
    let shown = laptop.json(&["ambassador", "show", &id, "--json"]);
    assert_eq!(shown["profile"]["notes"], other.as_str());
    // Nothing left to resolve.
    refused(
        &founder,
        &["conflicts", "resolve", &id, "profile.notes"],
        1,
        "no conflict matches",
    );
}

/// `sync folder DIR --watch` imports another laptop's bundle as soon as it
/// lands in the folder, with no command, and Ctrl-C (SIGINT) stops it
/// cleanly: exit 0, and the import is in the store afterwards.
#[test]
fn a_watched_folder_syncs_by_itself_and_ctrl_c_stops_it() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    let founder = Cli::new();
    let laptop = join(&founder, "watched laptop");
    let file = founder._temp.path().join("hello.bundle");
    send(&laptop, &founder, &file);
    let folder = founder._temp.path().join("shared");
    std::fs::create_dir_all(&folder).expect("folder");
    let dir = folder.to_str().expect("utf-8 path");

    let mut watcher = Command::new(env!("CARGO_BIN_EXE_sanctuary"))
        .arg("--store")
        .arg(&founder.store)
        .args(["sync", "folder", dir, "--watch"])
        .env("SANCTUARY_PASSPHRASE", PASSPHRASE)
        .env_remove("SANCTUARY_STORE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the watcher");
    let (lines, seen) = mpsc::channel();
    let stdout = watcher.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let wait_for = |needle: &str| loop {
        match seen.recv_timeout(Duration::from_secs(60)) {
            Ok(line) if line.contains(needle) => return,
            Ok(_) => {}
            Err(e) => panic!("no line with {needle:?}: {e}"),
        }
    };
    wait_for("Watching");

    laptop.ok(&[
        "ambassador",
        "add",
        "--name",
        "Arrived by itself",
        "--region",
        "Wales",
    ]);
    laptop.ok(&["sync", "folder", dir]);
    wait_for("Imported 1 bundles");

    let pid = watcher.id().to_string();
    let status = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    wait_for("Stopped watching");
    let exit = watcher.wait().expect("the watcher exits");
    assert!(exit.success(), "{exit:?}");
    let listed = founder.json(&["ambassador", "list", "--json"]);
    assert!(
        listed.to_string().contains("Arrived by itself"),
        "{listed:#}"
    );
}
