//! The documents inside a validly signed bundle: a member's laptop can send
//! any bytes, so merging them into a stored (or new) document, rebuilding
//! the read model from the merge's patches or whole, and the conflict scan
//! must refuse, never panic. Input layout: `sanctuary_core::documents_input`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = sanctuary_core::merge_untrusted_input(data);
});
