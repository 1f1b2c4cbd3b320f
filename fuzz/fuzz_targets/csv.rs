//! The CSV reader on arbitrary bytes: encoding detection, separator
//! sniffing and parsing. Any panic or runaway allocation is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(sheet) = sanctuary_sheets::read_csv(data) {
        let _ = sheet.header();
        let _ = sheet.data_rows().count();
    }
});
