//! The core's closed vocabularies, as the UI sees them: the core's own enums,
//! which derive ts-rs (behind sanctuary-core's `ts` feature) as unions of
//! their stable words, so there is nothing here to drift.

pub use sanctuary_core::model::{
    Channel, ConsentScope, DeliveryMode, InvitationStatus, LanguageLevel, Level, PathwayRole,
    PaymentConstraint, RecognitionKind, Status, Stream, TimeOfDay, Weekday,
};
