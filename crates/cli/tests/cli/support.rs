//! Runs the real `sanctuary` binary against a store in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const PASSPHRASE: &str = "a long test passphrase";

pub struct Cli {
    pub _temp: tempfile::TempDir,
    pub store: PathBuf,
}

impl Cli {
    /// A new, initialised store with the cheapest allowed key derivation.
    pub fn new() -> Cli {
        let temp = tempfile::tempdir().expect("temp dir");
        let cli = Cli {
            store: temp.path().join("store"),
            _temp: temp,
        };
        cli.ok(&["init", "--network-name", "Test network", "--kdf", "minimum"]);
        cli
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, PASSPHRASE)
    }

    pub fn run_with(&self, args: &[&str], passphrase: &str) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sanctuary"))
            .arg("--store")
            .arg(&self.store)
            .args(args)
            .env("SANCTUARY_PASSPHRASE", passphrase)
            .env_remove("SANCTUARY_STORE")
            .output()
            .expect("run sanctuary")
    }

    /// Runs a command that must succeed and returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }
}

/// Every file of a directory with its bytes, sorted by name.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    all.sort();
    all
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
