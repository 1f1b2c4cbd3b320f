//! How the CLI prints: plain tables for people, JSON (the domain types' serde
//! field names, documented in docs/cli-json.md) for scripts.

use sanctuary_core::Sanctuary;
use sanctuary_core::VerifyReport;
use sanctuary_core::model::{AmbassadorDoc, Course, Day, ProjectDoc};
use sanctuary_core::views;
use serde::Serialize;

pub use sanctuary_core::model::units::{parse_hours, parse_pounds};

pub fn write_line(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let written = out.write_fmt(args).and_then(|()| out.write_all(b"\n"));
    if written.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
        std::process::exit(0);
    }
}

pub fn json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    say!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// The list as a table, from the same rows the app's list shows.
pub fn ambassador_table(found: &[&AmbassadorDoc]) {
    for row in found.iter().map(|doc| views::AmbassadorRow::from(*doc)) {
        say!(
            "{}  {:<24} {:<16} {:<8} {}",
            &row.id[..row.id.len().min(8)],
            row.display_name,
            row.region,
            row.status,
            row.languages.join(", ")
        );
    }
    say!("{} ambassador(s)", found.len());
}

/// A person's profile page in text: the app's page
/// ([`views::AmbassadorDetail`]), so a badge, an order or a total in the
/// window and a line here always agree.
pub fn ambassador_details(s: &Sanctuary, doc: &AmbassadorDoc) {
    let today = Day::today();
    let page = views::AmbassadorDetail::new(s, doc, today);
    let p = &page.profile;
    say!("{}  ({})", p.display_name, p.id);
    let line = |label: &str, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            say!("  {label:<18} {value}");
        }
    };
    line("Full name", p.full_name.as_deref());
    line("Pronouns", p.pronouns.as_deref());
    line("Email", p.email.as_deref());
    line("Phone", p.phone.as_deref());
    line("Prefers", p.preferred_channel.map(|c| c.as_str()));
    line("Region", Some(&p.region));
    line("Local group", p.local_group.as_deref());
    let languages: Vec<String> = p
        .languages
        .iter()
        .map(|l| format!("{} ({})", l.language, l.level))
        .collect();
    line("Languages", Some(&languages.join(", ")));
    line("Skills", Some(&p.skills.join(", ")));
    line("Interests", Some(&p.interests.join(", ")));
    let a = &p.availability;
    let mut when: Vec<&str> = a
        .days
        .iter()
        .map(|d| d.as_str())
        .chain(a.times.iter().map(|t| t.as_str()))
        .collect();
    if a.remote {
        when.push("remote");
    }
    if a.in_person {
        when.push("in person");
    }
    line("Available", Some(&when.join(", ")));
    line(
        "Travels up to",
        a.travel_km.map(|km| format!("{km} km")).as_deref(),
    );
    line("Access needs", p.access_needs.as_deref());
    line("Interpreter", p.interpreter.as_deref());
    line("Status", Some(p.status.as_str()));
    line("Joined", Some(&p.joined));
    line("Payment", Some(p.payment.as_str()));
    line("Organisations", Some(&p.organisations.join(", ")));
    line("Notes", Some(&p.notes));
    if p.archived {
        say!("  (archived)");
    }
    say!("Consent");
    let in_force: Vec<&str> = page.consent_in_force.iter().map(|c| c.as_str()).collect();
    if !in_force.is_empty() {
        say!("  In force today: {}", in_force.join(", "));
    }
    for c in &page.consents {
        let review = c
            .review
            .map(|r| format!(", review {r}"))
            .unwrap_or_default();
        let answer = if c.agreed { "agreed" } else { "refused" };
        say!(
            "  {} {:<15} {answer} (recorded by {}{review})",
            c.date,
            c.scope,
            c.recorded_by
        );
    }
    say!("Training");
    for t in &page.training {
        say!(
            "  {} {:<28} {}",
            t.completed,
            t.course_title,
            expiry_text(t)
        );
    }
    say!("Contributions ({} hours in all)", page.hours_contributed);
    for c in &page.contributions {
        say!("  {} {:<26} {:>5} h  {}", c.date, c.role, c.hours, c.stream);
    }
    let by_kind: Vec<String> = views::hours_by_kind(doc)
        .into_iter()
        .map(|h| format!("{} {} h", h.stream, h.hours))
        .collect();
    if !by_kind.is_empty() {
        say!("  By kind: {}", by_kind.join(", "));
    }
    say!("Recognition");
    for r in &page.recognition {
        say!(
            "  {} {:<18} {:>9}  {}",
            r.date,
            r.kind,
            r.amount.as_deref().unwrap_or(""),
            r.description.as_deref().unwrap_or("")
        );
    }
    if !page.pathways.is_empty() {
        say!("Pathway");
        for w in &page.pathways {
            let to = w.to.map_or_else(|| "now".to_string(), |d| d.to_string());
            say!(
                "  {} to {:<10} {:<16} {}  ({})",
                w.from,
                to,
                w.role,
                w.note.as_deref().unwrap_or(""),
                &w.id[..w.id.len().min(8)]
            );
        }
    }
    let outcomes = views::outcomes_for(doc, s.projects());
    if !outcomes.is_empty() {
        say!("You said, we did");
        for o in &outcomes {
            say!("  {} {}: {}", o.date, o.project_title, o.text);
        }
    }
}

/// A training record's state in words (the core's [`views::ExpiryState`]).
pub fn expiry_text(t: &views::TrainingRow) -> String {
    let until = t.expires.map(|d| d.to_string()).unwrap_or_default();
    match t.expiry {
        views::ExpiryState::Never => "does not expire".into(),
        views::ExpiryState::Valid => format!("valid until {until}"),
        views::ExpiryState::ExpiringSoon => match t.days_left {
            Some(left) => format!("expiring soon: {until} (in {left} days)"),
            None => format!("expiring soon: {until}"),
        },
        views::ExpiryState::Expired => format!("expired {until}"),
        views::ExpiryState::Renewed => "renewed by a later completion".into(),
    }
}

/// The project list as a table, from the same rows the app's list shows.
pub fn project_table(projects: &[&ProjectDoc]) {
    for row in projects.iter().map(|doc| views::ProjectRow::from(*doc)) {
        say!(
            "{}  {} {:<18} {:<9} {} place(s)  {}",
            &row.id[..row.id.len().min(8)],
            row.start,
            row.stream,
            row.level,
            row.places,
            row.title
        );
    }
    say!("{} project(s)", projects.len());
}

/// A project's page in text: the app's page ([`views::ProjectPage`]).
pub fn project_details(s: &Sanctuary, doc: &ProjectDoc) {
    let page = views::ProjectPage::new(s, doc);
    let p = &page.project;
    say!("{}  ({})", p.title, p.id);
    say!("  {:<18} {}", "Stream", p.stream);
    say!("  {:<18} {}", "Level", p.level);
    let end = p
        .end
        .as_ref()
        .map(|e| format!(" to {e}"))
        .unwrap_or_default();
    say!("  {:<18} {}{end}", "Dates", p.start);
    let mode = match (p.remote, p.in_person) {
        (true, true) => "remote or in person",
        (true, false) => "remote",
        _ => "in person",
    };
    say!(
        "  {:<18} {mode} {}",
        "Where",
        p.location.as_deref().unwrap_or("")
    );
    say!("  {:<18} {}", "Places", p.places);
    say!(
        "  {:<18} {}",
        "Required skills",
        p.required_skills.join(", ")
    );
    say!("  {:<18} {}", "Desired skills", p.desired_skills.join(", "));
    say!("  {:<18} {}", "Languages", p.languages.join(", "));
    let training: Vec<&str> = page
        .required_training
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    say!("  {:<18} {}", "Required training", training.join(", "));
    let recognition: Vec<&str> = p.recognition.iter().map(|k| k.as_str()).collect();
    say!("  {:<18} {}", "Recognition", recognition.join(", "));
    if let Some(org) = &p.organisation {
        say!("  {:<18} {org}", "Organisation");
    }
    if p.photography {
        say!(
            "  {:<18} taken (photography consent needed)",
            "Photos or film"
        );
    }
    if let Some(partner) = &p.shares_with {
        say!(
            "  {:<18} {partner} (consent to sharing needed)",
            "Details shared with"
        );
    }
    if !p.description.is_empty() {
        say!("\n{}", p.description);
    }
    if !page.outcomes.is_empty() {
        say!("\nYou said, we did");
        for o in &page.outcomes {
            say!("  {} ({}) {}", o.date, o.recorded_by, o.text);
        }
    }
    if !page.contributions.is_empty() || !page.recognition.is_empty() {
        say!("\nWork logged ({} hours in all)", page.hours_contributed);
        for c in &page.contributions {
            let row = &c.contribution;
            say!(
                "  {} {:<24} {:<22} {:>5} h",
                row.date,
                c.display_name,
                row.role,
                row.hours
            );
        }
        for r in &page.recognition {
            let row = &r.recognition;
            say!(
                "  {} {:<24} {:<22} {}",
                row.date,
                r.display_name,
                row.kind,
                row.amount.as_deref().unwrap_or("")
            );
        }
    }
}

pub fn course_table(s: &Sanctuary, courses: &[&Course]) {
    for c in courses {
        let validity = c
            .validity_months
            .map_or("no expiry".to_string(), |m| format!("valid {m} months"));
        let prerequisites: Vec<&str> = c
            .prerequisites
            .iter()
            .map(|id| s.catalog().courses.get(id).map_or(id, |c| c.title.as_str()))
            .collect();
        let after = if prerequisites.is_empty() {
            String::new()
        } else {
            format!("  after: {}", prerequisites.join(", "))
        };
        say!(
            "{}  {:<28} {:<9} {validity}{after}",
            &c.id[..8],
            c.title,
            c.mode
        );
    }
    say!("{} course(s)", courses.len());
}

pub fn print_verify(report: &VerifyReport) {
    say!(
        "Checked {} documents, {} chunks, {} bytes.",
        report.documents,
        report.chunks,
        report.bytes
    );
    for problem in &report.problems {
        match &problem.doc {
            Some(doc) => say!("problem in document {doc}: {}", problem.detail),
            None => say!("problem: {}", problem.detail),
        }
    }
    if report.problems.is_empty() {
        say!("No problems found.");
    }
}
