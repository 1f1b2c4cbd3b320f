//! The kinds of record a lookup can miss or find twice ("no course matches
//! 'First aid'"): a closed list, so that every one has a name in every UI
//! language (`thing.<word>` in `ui/messages/*.json`; a test checks them all).
//!
//! Like [`crate::model::Field`], each has the stable word the app looks its
//! name up by and the English name the CLI prints.

use crate::model::vocab::named_vocabulary;

named_vocabulary! {
    /// What a lookup was for; `thing.<word>` in the UI's message files.
    Thing, "kind of record" {
        Ambassador = "ambassador", "ambassador";
        Project = "project", "project";
        Course = "course", "course";
        TrainingRecord = "training-record", "training record";
        RecognitionEntry = "recognition-entry", "recognition entry";
        Contribution = "contribution", "contribution";
        Pathway = "pathway", "pathway";
        Suggestion = "suggestion", "suggestion";
        RotaMember = "rota-member", "rota member";
        Conflict = "conflict", "conflict";
        Device = "device", "device";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An error names what it looked for in the reader's language, so every
    /// kind needs a name in every UI language; a name for a kind the core no
    /// longer has is a leftover.
    #[test]
    fn every_thing_has_a_name_in_every_ui_language() {
        let words: Vec<&str> = Thing::ALL.iter().map(|w| w.as_str()).collect();
        crate::error::tests::every_word_is_labelled("thing.", &words);
    }
}
