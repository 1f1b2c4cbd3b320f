//! The invite reader on arbitrary bytes. With a code of the wrong length the
//! whole header is parsed and bounds-checked but no Argon2id run is started,
//! so each input stays cheap; a code of the right length runs Argon2id only
//! for in-bounds parameters, which the unit tests cover.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctuary_sync::invite;

fuzz_target!(|data: &[u8]| {
    let _ = invite::open(data, "", 0);
});
