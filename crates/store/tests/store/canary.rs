//! No plaintext may reach any file in the store directory.

use sanctuary_store::KdfParams;

use crate::common::*;

const CANARY: &str = "CANARY-Zahra-al-Musawi-zahra@example.org";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn canary_never_reaches_disk() {
    let (_tmp, dir, mut store) = new_store();
    let payload = |i: usize| {
        format!("{{\"name\":\"{CANARY}\",\"n\":{i}}}")
            .repeat(20)
            .into_bytes()
    };
    for i in 0..30 {
        let id = format!("doc-{}", i % 5);
        store
            .write(vec![append(&id, 1, &payload(i), &payload(i + 100))])
            .expect("write");
    }
    store
        .write(vec![compact("doc-0", 1, &payload(999), &payload(998))])
        .expect("compact");
    store.put_meta("profile", CANARY.as_bytes()).expect("meta");
    store.delete_document("doc-1").expect("delete");
    store
        .change_passphrase(&pass("another passphrase"), KdfParams::MINIMUM)
        .expect("rekey");

    // Scan while the WAL is live, and again after the store is closed.
    let scan = |label: &str| {
        for (name, bytes) in dir_bytes(&dir) {
            assert!(
                !contains(&bytes, CANARY.as_bytes()),
                "canary found in {name} ({label})"
            );
            assert!(
                !contains(&bytes, b"Zahra"),
                "name found in {name} ({label})"
            );
            assert!(
                !contains(&bytes, PASS.as_bytes()),
                "passphrase found in {name} ({label})"
            );
        }
    };
    scan("open");
    drop(store);
    scan("closed");
    assert!(dir_bytes(&dir).contains_key("store.sqlite3"));
}
