//! The bundle reader on arbitrary bytes: parse, verify against a fixed key,
//! open with a fixed network key. Any panic or runaway allocation is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctuary_sync::bundle;
use sanctuary_sync::keys::NetworkKey;

fuzz_target!(|data: &[u8]| {
    if let Ok(b) = bundle::parse(data) {
        let _ = b.documents().count();
        let _ = b.verify(&[7u8; 32]);
        if let Some(key) = NetworkKey::from_bytes(&[9u8; 32]) {
            let _ = b.open(&key);
        }
    }
});
