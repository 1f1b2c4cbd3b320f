//! `sanctuary --version` and `sanctuary about`: what this build is, without
//! needing (or touching) a store.

use std::process::Command;

fn sanctuary(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_sanctuary"))
        .args(args)
        // A store that does not exist: neither command may need or make one.
        .env("SANCTUARY_STORE", "/nonexistent/sanctuary-store")
        .output()
        .expect("run sanctuary");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn version_names_the_release_and_the_build_date() {
    let line = sanctuary(&["--version"]);
    let version = env!("CARGO_PKG_VERSION");
    let rest = line
        .trim()
        .strip_prefix(&format!("sanctuary {version} (built "))
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or_else(|| panic!("unexpected --version: {line:?}"));
    assert!(
        chrono::NaiveDate::parse_from_str(rest, "%Y-%m-%d").is_ok(),
        "{line}"
    );
}

#[test]
fn about_lists_bundled_components_with_licences() {
    let json: serde_json::Value =
        serde_json::from_str(&sanctuary(&["about", "--json"])).expect("JSON");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["licence"], "AGPL-3.0-or-later");
    let components = json["components"].as_array().expect("components");
    let tauri = components
        .iter()
        .find(|c| c["name"] == "tauri")
        .expect("tauri is listed");
    assert_eq!(tauri["origin"], "rust");
    assert!(tauri["licence"].as_str().is_some_and(|l| l.contains("MIT")));
    assert!(
        components
            .iter()
            .any(|c| c["origin"] == "npm" && c["name"] == "svelte")
    );

    let text = sanctuary(&["about"]);
    assert!(text.starts_with(&format!(
        "Sanctuary Ambassadors {}\nBuilt ",
        env!("CARGO_PKG_VERSION")
    )));
    assert!(text.contains(&format!("Bundled components ({}):", components.len())));
}
