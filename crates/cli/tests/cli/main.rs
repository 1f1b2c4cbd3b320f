//! The `sanctuary` binary as scripts use it: exit codes, messages, JSON.

mod ambassadors;
mod errors;
mod support;
mod training;
