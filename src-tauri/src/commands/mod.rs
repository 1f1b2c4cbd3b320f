//! Tauri commands: each parses its input, takes the state, calls one core
//! function and maps the error. Nothing here knows SQL, crypto or Automerge.

pub mod about;
pub mod ambassadors;
pub mod catalog;
pub mod matching;
pub mod privacy;
pub mod projects;
pub mod recognition;
pub mod reports;
pub mod self_view;
pub mod session;
pub mod sheets;
pub mod sync;
