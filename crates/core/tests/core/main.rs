//! Integration tests of sanctuary-core: whole stores on disk, reopened.

mod crash;
mod data_protection;
mod erasure;
mod fuzz_documents;
mod matching;
mod recognition;
mod restore_rejoin;
mod roundtrip;
mod self_view;
mod sheets;
mod support;
mod sync;
mod sync_auto;
mod sync_conflicts;
mod sync_devices;
mod sync_paths;
mod sync_props;
mod sync_status;
mod tamper;
mod training;
