//! End to end with the real thing: two Syncthing instances on 127.0.0.1
//! (no discovery, relays or NAT) carry a shared folder between two stores.
//! The receiving laptop runs `sync folder --watch`; an edit on the other
//! appears in it with no command on the receiving side. Skips, saying so,
//! when `syncthing` is not installed (Debian: `apt install syncthing`;
//! `scripts/setup.sh` installs it).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::support::*;

/// Kills its Syncthing when the test ends, however it ends.
struct Instance(Child);

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// Generates keys in `home` and returns the device id Syncthing printed.
fn generate(home: &Path) -> String {
    let out = Command::new("syncthing")
        .args(["generate", "--no-default-folder", "--home"])
        .arg(home)
        .output()
        .expect("syncthing generate");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    text.lines()
        .find_map(|l| l.split("Device ID:").nth(1))
        .map(|id| id.trim().to_string())
        .unwrap_or_else(|| panic!("no device id in: {text}"))
}

/// A minimal configuration: this folder shared with the other device at a
/// fixed local address, and nothing that reaches beyond this machine (nor a
/// free-space floor: build machines run with full disks).
fn configure(home: &Path, folder: &Path, me: &str, port: u16, other: &str, other_port: u16) {
    let config = format!(
        r#"<configuration version="36">
    <folder id="sanctuary" label="sanctuary" path="{path}" type="sendreceive" rescanIntervalS="10" fsWatcherEnabled="true" fsWatcherDelayS="1">
        <device id="{me}"></device>
        <device id="{other}"></device>
        <minDiskFree unit="%">0</minDiskFree>
    </folder>
    <device id="{me}" name="me"><address>dynamic</address></device>
    <device id="{other}" name="other"><address>tcp://127.0.0.1:{other_port}</address></device>
    <gui enabled="false" tls="false"><address>127.0.0.1:0</address></gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
    </options>
</configuration>
"#,
        path = folder.display()
    );
    std::fs::write(home.join("config.xml"), config).expect("config");
    std::fs::create_dir_all(folder.join(".stfolder")).expect("folder marker");
}

fn start(home: &Path) -> Instance {
    let child = Command::new("syncthing")
        .args(["serve", "--no-browser", "--no-restart", "--home"])
        .arg(home)
        .arg(format!("--logfile={}", home.join("log.txt").display()))
        .env("STNOUPGRADE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start syncthing");
    Instance(child)
}

#[test]
fn two_syncthing_instances_carry_an_edit_to_a_watching_laptop() {
    if Command::new("syncthing").arg("--version").output().is_err() {
        eprintln!("skipped: syncthing is not installed (apt install syncthing)");
        return;
    }
    let founder = Cli::new();
    let laptop = crate::sync::join(&founder, "laptop across syncthing");
    let hello = founder._temp.path().join("hello.bundle");
    crate::sync::send(&laptop, &founder, &hello);

    let root: PathBuf = founder._temp.path().join("syncthing");
    let (home_a, home_b) = (root.join("home-a"), root.join("home-b"));
    let (dir_a, dir_b) = (root.join("folder-a"), root.join("folder-b"));
    let (id_a, id_b) = (generate(&home_a), generate(&home_b));
    let (port_a, port_b) = (free_port(), free_port());
    configure(&home_a, &dir_a, &id_a, port_a, &id_b, port_b);
    configure(&home_b, &dir_b, &id_b, port_b, &id_a, port_a);
    let _a = start(&home_a);
    let _b = start(&home_b);

    let mut watcher = Command::new(env!("CARGO_BIN_EXE_sanctuary"))
        .arg("--store")
        .arg(&laptop.store)
        .args(["sync", "folder"])
        .arg(&dir_b)
        .arg("--watch")
        .env("SANCTUARY_PASSPHRASE", PASSPHRASE)
        .env_remove("SANCTUARY_STORE")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
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
    let wait_for = |needle: &str, within: Duration| loop {
        match seen.recv_timeout(within) {
            Ok(line) if line.contains(needle) => return,
            Ok(_) => {}
            Err(e) => panic!(
                "no line with {needle:?} within {within:?}: {e}; syncthing logs in {}",
                root.display()
            ),
        }
    };
    wait_for("Watching", Duration::from_secs(60));

    founder.ok(&[
        "ambassador",
        "add",
        "--name",
        "Carried by Syncthing",
        "--region",
        "Wales",
    ]);
    founder.ok(&["sync", "folder", dir_a.to_str().expect("utf-8 path")]);
    wait_for("Imported 1 bundles", Duration::from_secs(120));

    let pid = watcher.id().to_string();
    let status = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    let exit = watcher.wait().expect("the watcher exits");
    assert!(exit.success(), "{exit:?}");
    let listed = laptop.json(&["ambassador", "list", "--json"]);
    assert!(
        listed.to_string().contains("Carried by Syncthing"),
        "{listed:#}"
    );
}
