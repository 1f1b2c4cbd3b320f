//! The bundle reader on arbitrary bytes: parse, verify against a fixed key,
//! unwrap the carried document keys and open with a fixed network key (and a
//! fixed key for every document sealed under its own). Any panic or runaway
//! allocation is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctuary_sync::bundle;
use sanctuary_sync::keys::{DocKey, NetworkKey};

fuzz_target!(|data: &[u8]| {
    if let Ok(b) = bundle::parse(data) {
        let _ = b.documents().count();
        let _ = b.carried_key_ids().count();
        let _ = b.verify(&[7u8; 32]);
        if let Some(key) = NetworkKey::from_bytes(&[9u8; 32]) {
            let _ = b.carried_keys(&key);
            let _ = b.open(&key, |_, id| DocKey::from_parts(id, &[3u8; 32]));
        }
    }
});
