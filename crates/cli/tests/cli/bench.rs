//! `sanctuary bench`: the store benchmark runs end to end, including the
//! memory probe that unlocks the demo store again from a second process.

use std::process::Command;

#[test]
fn the_store_benchmark_reports_unlock_memory() {
    let output = Command::new(env!("CARGO_BIN_EXE_sanctuary"))
        .args([
            "bench",
            "--ambassadors",
            "20",
            "--edits",
            "2",
            "--unlocks",
            "1",
            "--json",
        ])
        .env_remove("SANCTUARY_STORE")
        .output()
        .expect("run sanctuary");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    assert_eq!(report["ambassadors"], 20);
    let peak = report["unlock_peak_memory_bytes"].as_u64();
    assert!(peak.is_some_and(|bytes| bytes > 1_000_000), "{report}");
}
