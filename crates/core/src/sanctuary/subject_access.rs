//! Subject access: everything the network holds about one person, as
//! `record.json` (complete, for machines and for the data protection lead)
//! and `record.html` (the same, readable, in English or Arabic).
//!
//! "Everything" means their whole document (profile, every consent record
//! including withdrawn and superseded ones, training, contributions,
//! recognition, suggestions made in self-view), their invitations across
//! every project with each move, their rota places and turns, and the change
//! history of their record (who changed what and when).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Sanctuary;
use super::history::HistoryEntry;
use crate::error::{CoreError, Result};
use crate::matching::{Code, InvitationView, Param};
use crate::model::{AmbassadorDoc, Day, Field, Invalid};
use crate::record::RecordLanguage;

/// One project's rota, as it concerns the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RotaPlace {
    pub project_id: String,
    pub project_title: String,
    /// They take turns in this rota now.
    pub member: bool,
    /// Meetings they sat at.
    pub turns: Vec<Day>,
    /// Meetings the fair rotation suggested them for.
    pub suggested: Vec<Day>,
}

/// Everything held about one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubjectAccess {
    pub network: String,
    pub generated: Day,
    /// Their whole document: profile, consents, training, contributions,
    /// recognition and suggestions.
    pub person: AmbassadorDoc,
    pub invitations: Vec<InvitationView>,
    pub rota: Vec<RotaPlace>,
    /// Every change to their record, oldest first.
    pub history: Vec<HistoryEntry>,
}

impl Sanctuary {
    /// Gathers everything held about a person (id, id prefix or name).
    pub fn subject_access(&mut self, key: &str, today: Day) -> Result<SubjectAccess> {
        let person = self.ambassador(key)?.clone();
        let id = person.id().to_string();
        let history = self.person_history(&id)?;
        let invitations = self.ambassador_invitations(&id)?;
        let mut rota: Vec<RotaPlace> = self
            .projects
            .values()
            .filter_map(|p| {
                let member = p.rota.members.contains(&id);
                let dates = |pick: fn(&crate::model::RotaTurn) -> &crate::model::Tags| {
                    p.rota
                        .turns
                        .values()
                        .filter(|t| pick(t).contains(&id))
                        .map(|t| t.date)
                        .collect::<Vec<_>>()
                };
                let turns = dates(|t| &t.ambassadors);
                let suggested = dates(|t| &t.suggested);
                (member || !turns.is_empty() || !suggested.is_empty()).then(|| RotaPlace {
                    project_id: p.id().to_string(),
                    project_title: p.project.title.clone(),
                    member,
                    turns,
                    suggested,
                })
            })
            .collect();
        rota.sort_by(|a, b| a.project_id.cmp(&b.project_id));
        Ok(SubjectAccess {
            network: self.network.name.clone(),
            generated: today,
            person,
            invitations,
            rota,
            history,
        })
    }

    /// Writes `record.json` and `record.html` for a person into `dir`
    /// (created if missing). The readable record is in `language` (a code
    /// records are printed in: en, ar, fa, fr, ti, uk); without one, in a
    /// language the person speaks well ([`RecordLanguage::for_person`]).
    /// Each file is written to a temporary name and renamed, so a
    /// crash never leaves half a record. Returns the two paths.
    pub fn export_subject_access(
        &mut self,
        key: &str,
        dir: &Path,
        language: Option<&str>,
        today: Day,
    ) -> Result<(PathBuf, PathBuf)> {
        let record = self.subject_access(key, today)?;
        let language = match language {
            Some(code) => RecordLanguage::for_code(code)?,
            None => RecordLanguage::for_person(&record.person),
        };
        let json = serde_json::to_string_pretty(&record)
            .map_err(|e| CoreError::Internal(format!("writing the record as JSON: {e}")))?;
        let html = super::subject_access_html::render(&record, &language);
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
        let json_path = dir.join("record.json");
        let html_path = dir.join("record.html");
        write_atomic(&json_path, json.as_bytes())?;
        write_atomic(&html_path, html.as_bytes())?;
        Ok((json_path, html_path))
    }
}

/// Arabic for someone who speaks it as a first or fluent language.
fn io_error(path: &Path, e: &std::io::Error) -> CoreError {
    Invalid::new(
        Field::Folder,
        Code::InvalidWriteFailed,
        format!("could not write to {}: {e}", path.display()),
    )
    .with("path", Param::Text(path.display().to_string()))
    .with("error", Param::Text(e.to_string()))
    .into()
}

/// Writes `bytes` to a temporary file beside `path`, flushes it and renames
/// it over `path`, owner-readable only (it is personal data).
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("tmp");
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_error(path, &e)
    })
}
