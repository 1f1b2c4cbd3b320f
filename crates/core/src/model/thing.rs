//! The kinds of record a lookup can miss or find twice ("no course matches
//! 'First aid'"): a closed list, so that every one has a name in every UI
//! language (`thing.<word>` in `ui/messages/*.json`; a test checks them all).
//!
//! Like [`crate::model::Field`], each has the stable word the app looks its
//! name up by and the English name the CLI prints.

use crate::model::vocab::vocabulary;

macro_rules! things {
    ($( $variant:ident = $word:literal, $name:literal; )+) => {
        vocabulary! {
            /// What a lookup was for; `thing.<word>` in the UI's message files.
            Thing, "kind of record" { $( $variant = $word ),+ }
        }

        impl Thing {
            /// The English name, as the CLI's errors print it.
            pub fn name(self) -> &'static str {
                match self { $( Thing::$variant => $name ),+ }
            }
        }
    };
}

things! {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// An error names what it looked for in the reader's language, so every
    /// kind needs a name in every UI language; a name for a kind the core no
    /// longer has is a leftover.
    #[test]
    fn every_thing_has_a_name_in_every_ui_language() {
        let files = crate::error::tests::locale_files();
        assert!(files.len() >= 6, "only {} UI languages", files.len());
        for (locale, messages) in &files {
            for thing in Thing::ALL {
                let key = format!("thing.{thing}");
                let text = messages.get(&key).and_then(|v| v.as_str());
                assert!(
                    text.is_some_and(|t| !t.trim().is_empty() && !t.contains('{')),
                    "{locale}.json has no name {key}"
                );
            }
            let extra: Vec<&String> = messages
                .keys()
                .filter(|k| {
                    k.strip_prefix("thing.")
                        .is_some_and(|w| Thing::from_word(w).is_none())
                })
                .collect();
            assert!(extra.is_empty(), "{locale}.json: no such kinds {extra:?}");
        }
    }
}
