//! Integration tests of sanctuary-core: whole stores on disk, reopened.

mod crash;
mod matching;
mod recognition;
mod roundtrip;
mod support;
mod sync;
mod tamper;
