//! The `sanctuary` binary as scripts use it: exit codes, messages, JSON.

mod ambassadors;
mod bench;
mod errors;
mod matching;
mod privacy;
mod record;
mod support;
mod sync;
mod training;
