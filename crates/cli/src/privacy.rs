//! Data protection from the command line: `person export|history|erase`,
//! `consent expiring` and `retention review|set`. Thin calls into the core.

use std::path::PathBuf;

use anyhow::bail;
use clap::Subcommand;
use sanctuary_core::Sanctuary;
use sanctuary_core::model::Day;

#[derive(Subcommand, Debug)]
pub enum PersonCommand {
    /// Subject access: write everything held about a person to DIR/record.json and DIR/record.html.
    Export {
        /// The person (id, id prefix or exact name).
        person: String,
        /// The folder to write into (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// The language of record.html: en, ar, fa, fr, ti or uk (default: one they speak natively or fluently, else English).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Who changed a person's record, on which laptop, when, and which fields.
    History {
        person: String,
        #[arg(long)]
        json: bool,
    },
    /// Erase a person from this laptop and, when it next syncs, from every laptop. Cannot be undone.
    Erase {
        person: String,
        /// Confirms the erasure: without it nothing is erased.
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ConsentCommand {
    /// Consent whose review date falls within the next N days (with --expired, also past it).
    Expiring {
        #[arg(long, default_value_t = 30)]
        days: u32,
        /// Also list consent already past its review date (no longer in force).
        #[arg(long)]
        expired: bool,
        /// Count from this day instead of today.
        #[arg(long)]
        today: Option<Day>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum RetentionCommand {
    /// People with no activity for the network's retention period: archive or erase them.
    Review {
        #[arg(long)]
        today: Option<Day>,
        #[arg(long)]
        json: bool,
    },
    /// Set the retention period for the whole network (0 = never review).
    Set {
        #[arg(long)]
        years: u64,
    },
}

fn time(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0).map_or_else(
        || seconds.to_string(),
        |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
    )
}

pub fn person(s: &mut Sanctuary, command: PersonCommand) -> anyhow::Result<()> {
    match command {
        PersonCommand::Export { person, out, lang } => {
            let (json, html) =
                s.export_subject_access(&person, &out, lang.as_deref(), Day::today())?;
            say!("Wrote {} and {}", json.display(), html.display());
        }
        PersonCommand::History { person, json } => {
            let history = s.person_history(&person)?;
            if json {
                return crate::output::json(&history);
            }
            for e in &history {
                let device = e.device_name.clone().unwrap_or_else(|| e.device.clone());
                let who = e.coordinator.as_deref().unwrap_or("coordinator not named");
                say!(
                    "{}  {} ({})  {}: {}",
                    time(e.time),
                    device,
                    who,
                    e.action,
                    e.fields.join(", ")
                );
            }
            say!("{} change(s)", history.len());
        }
        PersonCommand::Erase { person, yes, json } => {
            if !yes {
                let name = s.ambassador(&person)?.profile.display_name.clone();
                bail!(
                    "erasing {name} cannot be undone; run again with --yes to erase them from this laptop and, as they sync, every laptop"
                );
            }
            let report = s.erase_ambassador(&person)?;
            if json {
                return crate::output::json(&report);
            }
            say!(
                "Erased {} on {}. {} project(s) now hold an anonymous entry instead. Other laptops erase them when they next sync.",
                report.id,
                report.on,
                report.projects_changed
            );
        }
    }
    Ok(())
}

pub fn consent(s: &Sanctuary, command: ConsentCommand) -> anyhow::Result<()> {
    match command {
        ConsentCommand::Expiring {
            days,
            expired,
            today,
            json,
        } => {
            let due = s.consent_expiring(today.unwrap_or_else(Day::today), days, expired);
            if json {
                return crate::output::json(&due);
            }
            for d in &due {
                let when = if d.expired {
                    format!("expired {} days ago", -d.days_left)
                } else {
                    format!("in {} days", d.days_left)
                };
                say!(
                    "{}  {:<24} {:<14} review {} ({when})",
                    d.ambassador_id.get(..8).unwrap_or(&d.ambassador_id),
                    d.display_name,
                    d.scope,
                    d.review
                );
            }
            say!("{} consent(s) due for review", due.len());
        }
    }
    Ok(())
}

pub fn retention(s: &mut Sanctuary, command: RetentionCommand) -> anyhow::Result<()> {
    match command {
        RetentionCommand::Review { today, json } => {
            let due = s.retention_review(today.unwrap_or_else(Day::today));
            if json {
                return crate::output::json(&due);
            }
            for d in &due {
                say!(
                    "{}  {:<24} last activity {}{}",
                    d.ambassador_id.get(..8).unwrap_or(&d.ambassador_id),
                    d.display_name,
                    d.last_activity,
                    if d.archived { "  (archived)" } else { "" }
                );
            }
            say!(
                "{} person(s) with no activity for {} year(s): archive (`ambassador archive`) or erase (`person erase`)",
                due.len(),
                s.network().retention_years
            );
        }
        RetentionCommand::Set { years } => {
            s.set_retention_years(years)?;
            say!("Retention review after {years} year(s) without activity, for every coordinator");
        }
    }
    Ok(())
}
