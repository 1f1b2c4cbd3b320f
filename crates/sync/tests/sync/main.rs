//! Integration tests of sanctuary-sync: the readers of outside bytes never
//! panic, on stable Rust, so CI covers what the nightly fuzz targets
//! (`fuzz/`, `scripts/fuzz.sh`) explore at length.

mod readers;
