//! Integration tests of sanctuary-core: whole stores on disk, reopened.

mod crash;
mod data_protection;
mod erasure;
mod matching;
mod recognition;
mod roundtrip;
mod self_view;
mod support;
mod sync;
mod sync_conflicts;
mod sync_devices;
mod sync_props;
mod sync_status;
mod tamper;
mod training;
