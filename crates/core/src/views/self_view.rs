//! The self-view page: everything an ambassador sees of themselves, and
//! the rule of what that leaves out. The app's self-view screen is built
//! only from this, so the rule lives in one place.

use serde::Serialize;

use super::feedback::{OutcomeRow, PathwayRow, pathway_rows};
use super::form::words;
use super::lookup::Lookup;
use super::profile_form::LanguageSkill;
use super::suggestions::{SuggestionRow, suggestion_rows};
use super::training::TrainingRow;
use super::work::{ContributionRow, HoursByKind, RecognitionRow, WorkLog, hours_by_kind};
use crate::model::{Channel, Day, units};
use crate::sanctuary::SelfView;

/// Everything the ambassador sees of themselves, and nothing about anyone
/// else. Coordinators' notes, payment constraint and organisation links are
/// left out: they are for the coordinator's work, not the person's CV.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SelfViewPage {
    pub network_name: String,
    pub display_name: String,
    pub full_name: Option<String>,
    pub pronouns: Option<String>,
    pub region: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub preferred_channel: Option<Channel>,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub joined: Day,
    pub languages: Vec<LanguageSkill>,
    pub skills: Vec<String>,
    pub interests: Vec<String>,
    pub training: Vec<TrainingRow>,
    pub contributions: Vec<ContributionRow>,
    pub recognition: Vec<RecognitionRow>,
    pub hours_contributed: String,
    pub hours_by_kind: Vec<HoursByKind>,
    /// What they suggested, newest first, with what became of it.
    pub suggestions: Vec<SuggestionRow>,
    /// "You said, we did" on the projects they took part in, newest first.
    pub outcomes: Vec<OutcomeRow>,
    /// Roles they moved into in the network.
    pub pathways: Vec<PathwayRow>,
}

impl SelfViewPage {
    /// The page of the person `view` is open for, on `today`. Project
    /// titles come from the self-view, which knows only their own projects.
    pub fn new(view: &SelfView, today: Day) -> SelfViewPage {
        let doc = view.person();
        let lookup = Lookup::of_self_view(view);
        let WorkLog {
            contributions,
            recognition,
        } = lookup.work_log(doc);
        let p = &doc.profile;
        SelfViewPage {
            network_name: view.network_name().to_string(),
            display_name: p.display_name.clone(),
            full_name: p.full_name.clone(),
            pronouns: p.pronouns.clone(),
            region: p.region.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            preferred_channel: p.preferred_channel,
            joined: p.joined,
            languages: LanguageSkill::of(p),
            skills: words(&p.skills),
            interests: words(&p.interests),
            training: lookup.training_rows(doc, today),
            contributions,
            recognition,
            hours_contributed: units::format_hours(doc.minutes_contributed()),
            hours_by_kind: hours_by_kind(doc),
            suggestions: suggestion_rows(doc, &lookup, |_| true),
            outcomes: view.outcomes().to_vec(),
            pathways: pathway_rows(doc, today),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AmbassadorQuery;
    use crate::model::{PaymentConstraint, SuggestedChange, Tags};

    /// What is for the coordinator's work (notes, payment constraint,
    /// organisation links) never reaches the person's own page, and what
    /// they suggest shows at once, pending.
    #[test]
    fn self_view_shows_the_person_their_record_and_leaves_out_the_coordinators_notes() {
        let temp = tempfile::tempdir().unwrap();
        let mut s = crate::demo::demo_store(temp.path(), 6);
        let id = s.search_ambassadors(&AmbassadorQuery::default())[0]
            .id()
            .to_string();
        s.edit_profile(&id, |p| {
            p.notes = "Coordinator only: ask about the move".into();
            p.payment = PaymentConstraint::NotAllowed;
            p.organisations = Tags::from_words(["Refugee Council Partner"]);
            Ok(())
        })
        .unwrap();
        let mut view = match s.enter_self_view(&id) {
            Ok(view) => view,
            Err((_, e)) => panic!("self-view: {e}"),
        };
        let today = Day::from_ymd(2026, 6, 15).unwrap();
        view.suggest(
            SuggestedChange::Hours {
                date: today,
                minutes: 90,
                role: "Panel member".into(),
            },
            today,
        )
        .unwrap();
        let page = SelfViewPage::new(&view, today);
        let json = serde_json::to_string(&page).unwrap();
        for private in [
            "Coordinator only",
            "not-allowed",
            "Refugee Council",
            "notes",
        ] {
            assert!(!json.contains(private), "{private} reached self-view");
        }
        assert_eq!(page.display_name, view.person().profile.display_name);
        assert_eq!(page.training.len(), view.person().training.len());
        let suggestion = &page.suggestions[0];
        assert_eq!(suggestion.state, super::super::SuggestionState::Pending);
        assert_eq!(
            suggestion.change,
            super::super::SuggestionChange::Hours {
                date: "2026-06-15".into(),
                hours: "1.5".into(),
                role: "Panel member".into(),
            }
        );
    }
}
