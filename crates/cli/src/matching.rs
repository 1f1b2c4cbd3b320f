//! `sanctuary match`, `match-settings`, `invite-to`, `invitation` and `rota`: thin calls into
//! the core's matching API, printed as a coordinator reads them (scores with
//! their reasons, who is not eligible and what to do about it) or as JSON.

use clap::{Args, Subcommand};
use sanctuary_core::Sanctuary;
use sanctuary_core::matching::{
    InvitationChange, InvitationView, MatchOptions, MatchReport, MatchSettings, RotaAssignment,
};
use sanctuary_core::model::{Day, InvitationStatus};

use crate::output;

#[derive(Args, Debug)]
pub struct MatchArgs {
    /// Project id, id prefix or title.
    pub project: String,
    /// Places to fill (default: the project's).
    #[arg(long)]
    pub places: Option<u32>,
    /// Show this many people of each list, eligible and not (all with --json).
    #[arg(long, default_value_t = 15)]
    pub limit: usize,
    /// Try a weight for this run only, e.g. `--weight fairness=40`
    /// (repeatable; `match-settings` saves them for the network).
    #[arg(long = "weight")]
    pub weights: Vec<String>,
    /// Months that count as "recently" for fairness, for this run only.
    #[arg(long)]
    pub recent_months: Option<u32>,
    /// Match as on this day (default: today).
    #[arg(long)]
    pub today: Option<Day>,
    #[arg(long)]
    pub json: bool,
}

/// Shows the network's match settings; with changes, saves them first.
#[derive(Args, Debug)]
pub struct MatchSettingsArgs {
    /// Set a weight, e.g. `--weight fairness=40` (repeatable): required-skills,
    /// desired-skills, interests, languages, locality, fairness, team-region,
    /// team-language, team-experience. 0 turns a factor off.
    #[arg(long = "weight")]
    pub weights: Vec<String>,
    /// Months that count as "recently" for fairness (1 to 36).
    #[arg(long)]
    pub recent_months: Option<u32>,
    /// From how many km of travel someone is asked to in-person work in another region.
    #[arg(long)]
    pub other_region_km: Option<u32>,
    /// Put every setting back to its default first.
    #[arg(long)]
    pub reset: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct InviteArgs {
    pub project: String,
    pub ambassador: String,
    /// `invited` (default) or `shortlisted`.
    #[arg(long, default_value = "invited")]
    pub status: InvitationStatus,
    /// When (default: today).
    #[arg(long)]
    pub date: Option<Day>,
    #[arg(long)]
    pub note: Option<String>,
    /// For a media project: their answer when asked about this engagement (yes or no).
    #[arg(long, value_enum, requires = "consent_recorded_by")]
    pub media_consent: Option<Answer>,
    /// Who asked them about this engagement.
    #[arg(long, requires = "media_consent")]
    pub consent_recorded_by: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// A yes or no answer on the command line.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
}

#[derive(Subcommand, Debug)]
pub enum InvitationCommand {
    /// Move an invitation: invited, accepted, declined, withdrawn, attended (needs --hours), no-show.
    Set {
        project: String,
        ambassador: String,
        status: InvitationStatus,
        /// Hours they gave, for `attended` (logged as a contribution).
        #[arg(long)]
        hours: Option<String>,
        /// The role for that contribution (default: one that fits the project).
        #[arg(long)]
        role: Option<String>,
        /// When (default: today).
        #[arg(long)]
        date: Option<Day>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Invitations to a project, or one ambassador's.
    List {
        /// Project id, id prefix or title.
        #[arg(
            long,
            conflicts_with = "ambassador",
            required_unless_present = "ambassador"
        )]
        project: Option<String>,
        #[arg(long)]
        ambassador: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum RotaCommand {
    /// Set up a rota on a recurring project with its members.
    Create {
        project: String,
        /// A member (repeatable).
        #[arg(long = "member", required = true)]
        members: Vec<String>,
        /// People per meeting.
        #[arg(long, default_value_t = 1)]
        seats: u32,
    },
    /// Add or remove members, or change the seats per meeting.
    Members {
        project: String,
        #[arg(long)]
        add: Vec<String>,
        #[arg(long)]
        remove: Vec<String>,
        #[arg(long)]
        seats: Option<u32>,
    },
    /// Whose turn it is at the meeting on --date, in fair order; --assign records it.
    Next {
        project: String,
        #[arg(long)]
        date: Day,
        #[arg(long)]
        assign: bool,
        #[arg(long)]
        json: bool,
    },
    /// Give the seat on --date to someone other than the fair suggestion, with a reason.
    Override {
        project: String,
        #[arg(long)]
        date: Day,
        /// Who takes the seat (repeatable for several seats).
        #[arg(long = "ambassador", required = true)]
        ambassadors: Vec<String>,
        #[arg(long)]
        reason: String,
    },
    /// Members, their turns, and every turn so far.
    List {
        project: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run_match(s: &Sanctuary, args: MatchArgs) -> anyhow::Result<()> {
    // The network's settings, with this run's changes on top (not saved).
    let mut settings = s.match_settings();
    for weight in &args.weights {
        settings.weights.set_from(weight)?;
    }
    if let Some(months) = args.recent_months {
        settings.recent_months = months;
    }
    settings.validate()?;
    // The table shows `--limit` people of each list; `--json` has everyone.
    let options = MatchOptions {
        places: args.places,
        settings: Some(settings),
        today: args.today,
        limit: (!args.json).then_some(args.limit),
    };
    let report = s.match_project(&args.project, &options)?;
    if args.json {
        return output::json(&report);
    }
    print_report(&report, args.limit);
    Ok(())
}

pub fn match_settings(s: &mut Sanctuary, args: MatchSettingsArgs) -> anyhow::Result<()> {
    let mut settings = if args.reset {
        MatchSettings::default()
    } else {
        s.match_settings()
    };
    for weight in &args.weights {
        settings.weights.set_from(weight)?;
    }
    if let Some(months) = args.recent_months {
        settings.recent_months = months;
    }
    if let Some(km) = args.other_region_km {
        settings.other_region_km = km;
    }
    if settings != s.match_settings() {
        s.set_match_settings(settings)?;
    }
    let settings = s.match_settings();
    if args.json {
        return output::json(&settings);
    }
    say!("Weights (points at a full match)");
    for (name, points) in settings.weights.named() {
        say!("  {name:<16} {points:>4}");
    }
    say!("Recently: the last {} months", settings.recent_months);
    say!(
        "Another region: for people who travel {} km or more",
        settings.other_region_km
    );
    Ok(())
}

fn print_report(r: &MatchReport, limit: usize) {
    say!(
        "{}: {} eligible, {} not eligible",
        r.project_title,
        r.ranked_count,
        r.not_eligible_count
    );
    for (i, c) in r.ranked.iter().take(limit).enumerate() {
        let status = c.invitation.map(|s| format!("  [{s}]")).unwrap_or_default();
        say!(
            "\n{:>3}. {}  ({}, {})  score {}{status}",
            i + 1,
            c.display_name,
            c.region,
            short(&c.ambassador_id),
            c.total
        );
        for f in &c.factors {
            let points = if f.max == 0 {
                "   -".to_string()
            } else {
                format!("{:>+4}", f.points)
            };
            let name = serde_json::to_value(f.factor)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            say!("     {points}  {name:<16} {}", f.reason);
        }
        for note in c.notes.iter().chain(&c.recognition.note) {
            say!("     note: {note}");
        }
    }
    if r.ranked_count > limit {
        say!(
            "\n... and {} more (--limit, or --json)",
            r.ranked_count - limit
        );
    }
    if !r.not_eligible.is_empty() {
        say!("\nNot eligible");
        for n in &r.not_eligible {
            let reasons: Vec<String> = n
                .reasons
                .iter()
                .map(|x| match &x.next_step {
                    Some(next) => format!("{} ({next})", x.reason),
                    None => x.reason.to_string(),
                })
                .collect();
            say!(
                "  {} ({}): {}",
                n.display_name,
                short(&n.ambassador_id),
                reasons.join("; ")
            );
        }
        if r.not_eligible_count > limit {
            say!(
                "  ... and {} more (--limit, or --json)",
                r.not_eligible_count - limit
            );
        }
    }
    let t = &r.team;
    say!("\nTeam for {} place(s)", t.places);
    for m in &t.members {
        say!("  {} ({}): {}", m.display_name, m.region, m.why.join("; "));
    }
    let list = |items: &[String]| {
        if items.is_empty() {
            "-".to_string()
        } else {
            items.join(", ")
        }
    };
    say!(
        "  Covers skills: {}; languages: {}",
        list(&t.covers.required_skills),
        list(&t.covers.languages)
    );
    say!(
        "  Lacks skills: {}; languages: {}",
        list(&t.lacks.required_skills),
        list(&t.lacks.languages)
    );
    say!(
        "  Regions: {}; {} first-timer(s), {} experienced",
        list(&t.regions),
        t.first_timers,
        t.experienced
    );
    for note in &t.notes {
        say!("  note: {note}");
    }
}

pub fn invite_to(s: &mut Sanctuary, a: InviteArgs) -> anyhow::Result<()> {
    if !matches!(
        a.status,
        InvitationStatus::Invited | InvitationStatus::Shortlisted
    ) {
        anyhow::bail!(
            "invite-to shortlists or invites; use `sanctuary invitation set` for {}",
            a.status
        );
    }
    let mut change = InvitationChange::new(a.status, a.date.unwrap_or_else(Day::today));
    change.note = a.note;
    if let (Some(answer), Some(by)) = (a.media_consent, a.consent_recorded_by) {
        change.media_consent = Some(sanctuary_core::model::EngagementConsent {
            agreed: answer == Answer::Yes,
            recorded_by: by,
            date: change.date,
        });
    }
    let update = s.set_invitation(&a.project, &a.ambassador, change)?;
    if a.json {
        return output::json(&update);
    }
    let v = &update.invitation;
    say!("{} is {} for {}", v.display_name, a.status, v.project_title);
    Ok(())
}

pub fn invitation(s: &mut Sanctuary, command: InvitationCommand) -> anyhow::Result<()> {
    match command {
        InvitationCommand::Set {
            project,
            ambassador,
            status,
            hours,
            role,
            date,
            note,
            json,
        } => {
            let mut change = InvitationChange::new(status, date.unwrap_or_else(Day::today));
            change.minutes = hours.as_deref().map(output::parse_hours).transpose()?;
            change.role = role;
            change.note = note;
            let update = s.set_invitation(&project, &ambassador, change)?;
            if json {
                return output::json(&update);
            }
            let v = &update.invitation;
            say!("{} is {} for {}", v.display_name, status, v.project_title);
            if let Some(id) = update.contribution_id {
                say!("Logged their hours as contribution {id}");
            }
        }
        InvitationCommand::List {
            project,
            ambassador,
            json,
        } => {
            let views = match (project, ambassador) {
                (Some(project), _) => s.invitations(&project)?,
                (None, Some(ambassador)) => s.ambassador_invitations(&ambassador)?,
                (None, None) => anyhow::bail!("give --project or --ambassador"),
            };
            if json {
                return output::json(&views);
            }
            print_invitations(&views);
        }
    }
    Ok(())
}

fn print_invitations(views: &[InvitationView]) {
    for v in views {
        let moves: Vec<String> = v
            .history
            .iter()
            .map(|e| format!("{} {}", e.status, e.date))
            .collect();
        say!(
            "{:<20} {:<32} {:<12} {}",
            v.display_name,
            v.project_title,
            v.status.map_or("-", |s| s.as_str()),
            moves.join(", ")
        );
    }
    say!("{} invitation(s)", views.len());
}

pub fn rota(s: &mut Sanctuary, command: RotaCommand) -> anyhow::Result<()> {
    match command {
        RotaCommand::Create {
            project,
            members,
            seats,
        } => {
            let summary = s.edit_rota(&project, &members, &[], Some(seats))?;
            say!(
                "Rota for {}: {} member(s), {} seat(s) per meeting",
                summary.title,
                summary.members.len(),
                summary.seats
            );
        }
        RotaCommand::Members {
            project,
            add,
            remove,
            seats,
        } => {
            let summary = s.edit_rota(&project, &add, &remove, seats)?;
            say!(
                "Rota for {}: {} member(s), {} seat(s) per meeting",
                summary.title,
                summary.members.len(),
                summary.seats
            );
        }
        RotaCommand::Next {
            project,
            date,
            assign,
            json,
        } => {
            if assign {
                let turn = s.assign_rota_turn(&project, assignment(date, Vec::new(), None))?;
                if json {
                    return output::json(&turn);
                }
                let names = names(s, turn.ambassadors.iter());
                say!("Recorded for {date}: {names}");
                return Ok(());
            }
            let plan = s.rota_plan(&project, date, &MatchOptions::default())?;
            if json {
                return output::json(&plan);
            }
            if let Some(turn) = &plan.recorded {
                say!(
                    "Already recorded for {date}: {}",
                    names(s, turn.ambassadors.iter())
                );
            }
            say!("Fair order for {date} ({} seat(s)):", plan.seats);
            for (i, p) in plan.order.iter().enumerate() {
                let mark = if plan.suggested.contains(&p.ambassador_id) {
                    "*"
                } else {
                    " "
                };
                say!("{mark}{:>3}. {:<24} {}", i + 1, p.display_name, p.reason);
            }
            for n in &plan.not_eligible {
                let reasons: Vec<&str> = n.reasons.iter().map(|r| &*r.reason).collect();
                say!("  not eligible: {}: {}", n.display_name, reasons.join("; "));
            }
        }
        RotaCommand::Override {
            project,
            date,
            ambassadors,
            reason,
        } => {
            let turn = s.assign_rota_turn(&project, assignment(date, ambassadors, Some(reason)))?;
            say!(
                "Recorded for {date}: {} (suggested: {})",
                names(s, turn.ambassadors.iter()),
                names(s, turn.suggested.iter())
            );
        }
        RotaCommand::List { project, json } => {
            let summary = s.rota_summary(&project)?;
            if json {
                return output::json(&summary);
            }
            say!(
                "Rota for {}: {} seat(s) per meeting; spread {:.2} (0 is even)",
                summary.title,
                summary.seats,
                summary.spread
            );
            for m in &summary.members {
                let last = m
                    .last_turn
                    .map(|d| format!(", last {d}"))
                    .unwrap_or_default();
                say!("  {:<24} {} turn(s){last}", m.display_name, m.turns);
            }
            for t in &summary.turns {
                let why = t
                    .override_reason
                    .as_deref()
                    .map(|r| format!("  (override: {r})"))
                    .unwrap_or_default();
                say!("  {} {}{why}", t.date, names(s, t.ambassadors.iter()));
            }
        }
    }
    Ok(())
}

fn assignment(date: Day, ambassadors: Vec<String>, reason: Option<String>) -> RotaAssignment {
    RotaAssignment {
        date,
        ambassadors,
        reason,
        recorded: Day::today(),
    }
}

fn names<'a>(s: &Sanctuary, ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|id| {
        s.ambassador(id)
            .map_or(id.to_string(), |a| a.profile.display_name.clone())
    })
    .collect::<Vec<_>>()
    .join(", ")
}

/// The first 8 characters of an id, as lists show them.
fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
