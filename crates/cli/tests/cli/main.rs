//! The `sanctuary` binary as scripts use it: exit codes, messages, JSON.

mod about;
mod ambassadors;
mod bench;
mod errors;
mod feedback;
mod matching;
mod privacy;
mod recognition;
mod record;
mod reports;
mod sheets;
mod support;
mod sync;
mod syncthing;
mod training;
