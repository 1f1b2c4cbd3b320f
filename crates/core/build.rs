//! Stamps the build date into the core (`about::BUILD_DATE`), so
//! `sanctuary --version` and the app's About screen can say when they were
//! built. `SOURCE_DATE_EPOCH` wins when set (the reproducible-builds
//! convention: `scripts/package.sh` sets it, and a distribution rebuilding a
//! release can pin it); otherwise it is the day this crate was compiled.

use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // Naming these keeps Cargo's "rerun when the crate changes" behaviour,
    // which any rerun-if line would otherwise switch off.
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rerun-if-changed=build.rs");

    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text.trim().parse::<i64>().unwrap_or_else(|_| {
            panic!("SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{text}'")
        }),
        Err(_) => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(0),
    };
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    println!("cargo:rustc-env=SANCTUARY_BUILD_DATE={y:04}-{m:02}-{d:02}");
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`), so the build script needs no date crate.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
