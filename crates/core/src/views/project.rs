//! A project's work log: who worked on it, how they were thanked, and the
//! hours it took, across everyone in the network (archived people included,
//! since their work happened).

use serde::Serialize;

use super::work::{ContributionRow, RecognitionRow};
use crate::AmbassadorQuery;
use crate::model::units;
use crate::sanctuary::Sanctuary;

/// A contribution with the person it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PersonContribution {
    pub ambassador_id: String,
    pub display_name: String,
    pub contribution: ContributionRow,
}

/// Recognition with the person who received it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PersonRecognition {
    pub ambassador_id: String,
    pub display_name: String,
    pub recognition: RecognitionRow,
}

/// Everything logged against one project, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ProjectWorkLog {
    pub contributions: Vec<PersonContribution>,
    pub recognition: Vec<PersonRecognition>,
    /// Total hours, e.g. `12.5`.
    pub hours_contributed: String,
}

/// The work log of project `project_id` (an exact id). A scan over
/// everyone's records: the core keeps no per-project index.
pub fn project_work_log(s: &Sanctuary, project_id: &str) -> ProjectWorkLog {
    let title = s.project(project_id).ok().map(|p| p.project.title.clone());
    let mut log = ProjectWorkLog::default();
    let mut minutes = 0_u64;
    let everyone = s.search_ambassadors(&AmbassadorQuery {
        include_archived: true,
        ..Default::default()
    });
    for person in everyone {
        let who = || (person.id().to_string(), person.profile.display_name.clone());
        for c in person.contributions.values() {
            if c.project_id.as_deref() == Some(project_id) {
                minutes += u64::from(c.minutes);
                let (ambassador_id, display_name) = who();
                log.contributions.push(PersonContribution {
                    ambassador_id,
                    display_name,
                    contribution: ContributionRow::new(c, title.clone()),
                });
            }
        }
        for r in person.recognition.values() {
            if r.project_id.as_deref() == Some(project_id) {
                let (ambassador_id, display_name) = who();
                log.recognition.push(PersonRecognition {
                    ambassador_id,
                    display_name,
                    recognition: RecognitionRow::new(r, title.clone()),
                });
            }
        }
    }
    log.contributions.sort_by(|a, b| {
        (b.contribution.date, &b.contribution.id).cmp(&(a.contribution.date, &a.contribution.id))
    });
    log.recognition.sort_by(|a, b| {
        (b.recognition.date, &b.recognition.id).cmp(&(a.recognition.date, &a.recognition.id))
    });
    log.hours_contributed = units::format_hours(minutes);
    log
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_log_holds_only_its_own_work_and_adds_up_its_hours() {
        let temp = tempfile::tempdir().unwrap();
        let s = crate::demo::demo_store(temp.path(), 12);
        let worked: Vec<String> = s
            .search_ambassadors(&AmbassadorQuery::default())
            .iter()
            .flat_map(|p| p.contributions.values())
            .filter_map(|c| c.project_id.clone())
            .collect();
        let project = worked.first().expect("the demo logs work on projects");
        let log = project_work_log(&s, project);
        assert!(!log.contributions.is_empty());
        assert!(
            log.contributions
                .iter()
                .all(|c| c.contribution.project_id.as_deref() == Some(project.as_str()))
        );
        let dates: Vec<_> = log
            .contributions
            .iter()
            .map(|c| c.contribution.date)
            .collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
        let minutes: u64 = log
            .contributions
            .iter()
            .map(|c| units::parse_hours(&c.contribution.hours).unwrap() as u64)
            .sum();
        assert_eq!(log.hours_contributed, units::format_hours(minutes));
    }
}
