//! The fields a refusal can be about: a closed list, so that every one has
//! a name in every UI language (`field.<word>` in `ui/messages/*.json`; a
//! test checks them all).
//!
//! Each field has two spellings: the stable word the app looks its label up
//! by, and the English name the CLI has always printed before a refusal
//! ("end date: the project ends before it starts"), kept as it was so
//! scripts and tests that read those sentences see no change.

use crate::model::vocab::named_vocabulary;

named_vocabulary! {
    /// What a refused value is; `field.<word>` in the UI's message files.
    Field, "field" {
        AccessNeeds = "access-needs", "access needs";
        Amount = "amount", "amount";
        ApprovedBy = "approved-by", "approved by";
        Attendees = "attendees", "attendees";
        AutoLock = "auto-lock", "auto-lock";
        AvailabilityDays = "availability-days", "availability days";
        AvailabilityTimes = "availability-times", "availability times";
        Confidence = "confidence", "confidence";
        ConfidenceBefore = "confidence-before", "confidence before";
        ConfidenceAfter = "confidence-after", "confidence after";
        ConsentNote = "consent-note", "consent note";
        ConsentRecordedBy = "consent-recorded-by", "consent recorded by";
        ContactDetails = "contact-details", "contact details";
        BackupReminder = "backup-reminder", "backup reminder";
        CoordinatorName = "coordinator-name", "coordinator name";
        CourseDescription = "course-description", "course description";
        CourseTitle = "course-title", "course title";
        Description = "description", "description";
        Device = "device", "device";
        DeviceName = "device-name", "device name";
        DisplayName = "display-name", "display name";
        Edit = "edit", "edit";
        Email = "email", "email";
        EndDate = "end-date", "end date";
        Entry = "entry", "entry";
        Evidence = "evidence", "evidence";
        Folder = "folder", "folder";
        FullName = "full-name", "full name";
        Hours = "hours", "hours";
        InterpreterLanguage = "interpreter-language", "interpreter language";
        Invite = "invite", "invite";
        Keep = "keep", "keep";
        Language = "language", "language";
        Limit = "limit", "limit";
        LocalGroup = "local-group", "local group";
        Location = "location", "location";
        MediaConsent = "media-consent", "media consent";
        Mode = "mode", "mode";
        NetworkName = "network-name", "network name";
        NoReceiptReason = "no-receipt-reason", "no-receipt reason";
        Note = "note", "note";
        Notes = "notes", "notes";
        Organisation = "organisation", "organisation";
        OtherRegionKm = "other-region-km", "other_region_km";
        Pathway = "pathway", "pathway";
        Period = "period", "period";
        Phone = "phone", "phone";
        Place = "place", "place";
        Places = "places", "places";
        Prerequisites = "prerequisites", "prerequisites";
        Pronouns = "pronouns", "pronouns";
        Reason = "reason", "reason";
        Receipt = "receipt", "receipt";
        RecentMonths = "recent-months", "recent_months";
        Recognition = "recognition", "recognition";
        RecordedBy = "recorded-by", "recorded by";
        Reflection = "reflection", "reflection";
        Region = "region", "region";
        Retention = "retention", "retention";
        ReviewDate = "review-date", "review date";
        Role = "role", "role";
        Rota = "rota", "rota";
        Seats = "seats", "seats";
        SharesWith = "shares-with", "shares with";
        Status = "status", "status";
        Suggestion = "suggestion", "suggestion";
        SyncFolder = "sync-folder", "sync folder";
        Text = "text", "text";
        Title = "title", "title";
        To = "to", "to";
        Trainer = "trainer", "trainer";
        Validity = "validity", "validity";
        Weight = "weight", "weight";
        // One matching weight (`MatchWeights::NAMES`), named by a refusal of
        // the weight field.
        WeightRequiredSkills = "weight-required-skills", "required-skills";
        WeightDesiredSkills = "weight-desired-skills", "desired-skills";
        WeightInterests = "weight-interests", "interests";
        WeightLanguages = "weight-languages", "languages";
        WeightLocality = "weight-locality", "locality";
        WeightFairness = "weight-fairness", "fairness";
        WeightTeamRegion = "weight-team-region", "team-region";
        WeightTeamLanguage = "weight-team-language", "team-language";
        WeightTeamExperience = "weight-team-experience", "team-experience";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_reads_by_its_word_and_prints_its_english_name() {
        assert_eq!(Field::EndDate.as_str(), "end-date");
        assert_eq!(Field::EndDate.name(), "end date");
        assert_eq!(Field::RecentMonths.name(), "recent_months");
        assert_eq!("no-receipt-reason".parse(), Ok(Field::NoReceiptReason));
    }

    /// A refusal names its field in the reader's language, so every field
    /// needs a label in every UI language, and a label for a field the core
    /// no longer has is a leftover.
    #[test]
    fn every_field_has_a_label_in_every_ui_language() {
        let words: Vec<&str> = Field::ALL.iter().map(|w| w.as_str()).collect();
        crate::error::tests::every_word_is_labelled("field.", &words);
    }
}
