//! What a screen shows, decided once. The app's commands and the CLI both
//! build their output from these functions, so a badge in the window and a
//! line in a terminal can never disagree (they once did: the app called a
//! renewed course "renewed" while the CLI called it "expired").
//!
//! The output types serialise with the domain's own words and dates
//! (`YYYY-MM-DD`), and derive ts-rs behind the `ts` feature, so the UI's
//! TypeScript is generated from them rather than copied by hand.

// What the app's shell and the CLI show of people, projects and self-view.
mod ambassador;
mod form;
mod lookup;
mod profile_form;
mod project_form;
mod project_page;
mod self_view;
mod suggestions;

mod constants;
mod feedback;
mod project;
mod recognition;
mod training;
mod work;

mod catalog;
mod matching;
mod sync;

pub use ambassador::{
    AmbassadorDetail, AmbassadorRow, ConsentRow, RowList, SearchResult, consent_in_force,
    consent_rows,
};
pub use form::{opt_day, opt_text, parse_day, words};
pub use lookup::Lookup;
pub use profile_form::{AvailabilityForm, LanguageSkill, ProfileForm};
pub use project_form::ProjectForm;
pub use project_page::{CourseRef, ProjectPage, ProjectRow};
pub use self_view::SelfViewPage;
pub use suggestions::{
    SuggestionChange, SuggestionRow, SuggestionState, suggestion_row, suggestion_rows,
};

pub use constants::constants_ts;
pub use feedback::{
    OutcomeRow, PathwayRow, outcomes_for, pathway_rows, project_outcomes, took_part,
};
pub use project::{PersonContribution, PersonRecognition, ProjectWorkLog, project_work_log};
pub use recognition::{FlaggedEntry, RecognitionOptions, flagged_entries, recognition_options};
pub use training::{
    ExpiringTraining, ExpiryState, TrainingRow, expiring, expiry_state, training_rows,
};
pub use work::{
    ContributionRow, HoursByKind, RecognitionRow, WorkLog, contribution_stream, hours_by_kind,
    work_log,
};

pub use catalog::{CatalogView, catalog_view, courses_by_title};
pub use matching::{
    Candidate, Invitation, InvitationEvent, MatchSettingsView, MatchView, RotaPlan, RotaSummary,
    next_statuses,
};
pub use sync::{
    Conflict, ConflictField, ConflictValue, ExportResult, ImportResult, InviteInfo, PeerStatus,
    SyncView, conflicts, sync_view,
};
