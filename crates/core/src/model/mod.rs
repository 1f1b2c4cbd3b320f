//! The domain model: plain Rust types, validated, serialisable, and mapped onto
//! Automerge documents with autosurgeon.

pub mod ambassador;
pub mod catalog;
pub mod expense;
pub mod field;
pub mod invitation;
pub mod network;
pub mod packed;
pub mod policy;
pub mod project;
pub mod suggestion;
pub mod thing;
pub mod units;
pub mod validate;
pub mod values;
pub mod vocab;

pub use ambassador::{
    AmbassadorDoc, Availability, Consent, Contribution, Pathway, Profile, Recognition,
    TrainingRecord,
};
pub use catalog::{Catalog, Course};
pub use expense::{Expense, Review};
pub use invitation::{EngagementConsent, Invitation, InvitationEvent, Rota, RotaTurn};
pub use network::{Device, EpochEntry, InviteEntry, NetworkDoc, Revocation, Tombstone};
pub use policy::{PolicyRow, PolicyRule, PolicyTable, RecognitionPolicy};
pub use project::{Outcome, Project, ProjectDoc};
pub use suggestion::{SuggestedChange, Suggestion};
pub use thing::Thing;
pub use validate::{Field, Invalid};
pub use values::{Day, InvalidDate, Tags, new_id, normalise_tag};
pub use vocab::*;
