//! The `sanctuary` binary as scripts use it: exit codes, messages, JSON.

mod ambassadors;
mod errors;
mod record;
mod support;
mod training;
