//! One function per command: unlock, call the core, print.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use sanctuary_core::model::{
    Consent, Contribution, Course, Day, LanguageLevel, Outcome, Pathway, Profile, Project, Tags,
};
use sanctuary_core::{AmbassadorQuery, CreateOptions, KdfParams, Sanctuary, SecretString};

use crate::args::*;
use crate::output;
use crate::passphrase;

pub fn run(cli: Cli) -> anyhow::Result<()> {
    let dir = store_dir(cli.store)?;
    let pass_file = cli.passphrase_file.as_deref();
    let unlock = || -> anyhow::Result<Sanctuary> {
        let pass = passphrase::read(pass_file, passphrase::ENV, "Passphrase: ")?;
        Ok(Sanctuary::open(&dir, &pass)?)
    };
    match cli.command {
        Command::Init(args) => {
            // Checked first, so a bad name creates nothing.
            if let Some(name) = &args.coordinator {
                sanctuary_core::model::validate::check_text(
                    sanctuary_core::model::Field::CoordinatorName,
                    name,
                    120,
                )?;
            }
            let pass = passphrase::read(pass_file, passphrase::ENV, "New passphrase: ")?;
            if let (Some(file), Some(code)) = (&args.join, &args.code) {
                crate::sync::join(&dir, &pass, kdf(args.kdf), file, code, &args.device_name)?;
                if let Some(name) = &args.coordinator {
                    Sanctuary::open(&dir, &pass)?.set_coordinator_name(name)?;
                }
                return Ok(());
            }
            let options = CreateOptions {
                network_name: args.network_name,
                device_name: args.device_name,
                kdf: kdf(args.kdf),
            };
            let mut s = Sanctuary::create(&dir, &pass, &options)?;
            if let Some(name) = &args.coordinator {
                s.set_coordinator_name(name)?;
            }
            say!(
                "Created the store for {} in {}",
                s.network().name,
                dir.display()
            );
        }
        Command::Demo(args) => {
            let pass = passphrase::read(pass_file, passphrase::ENV, "Passphrase: ")?;
            let mut s = open_or_create(&dir, &pass, kdf(args.kdf))?;
            let options = sanctuary_core::demo::DemoOptions {
                ambassadors: args.ambassadors,
                seed: args.seed,
                ..Default::default()
            };
            let made = sanctuary_core::demo::populate(&mut s, &options)?;
            say!(
                "Added {} ambassadors, {} projects, {} courses, {} training records, {} contributions and {} recognition entries to {}",
                made.ambassadors,
                made.projects,
                made.courses,
                made.training_records,
                made.contributions,
                made.recognition,
                dir.display()
            );
        }
        Command::Ambassador(command) => ambassador(&mut unlock()?, command)?,
        Command::Project(command) => project(&mut unlock()?, command)?,
        Command::Course(command) => course(&mut unlock()?, command)?,
        Command::Training(command) => crate::training::run(&mut unlock()?, command)?,
        Command::Record(RecordCommand::Export {
            ambassador,
            pdf,
            html,
            lang,
            expenses,
        }) => crate::training::export_record(
            &unlock()?,
            &ambassador,
            pdf.as_deref(),
            html.as_deref(),
            &lang,
            expenses,
        )?,
        Command::Suggestion(command) => crate::training::suggestions(&mut unlock()?, command)?,
        Command::Contribution(ContributionCommand::Log {
            ambassador,
            date,
            role,
            hours,
            project,
            stream,
        }) => {
            let mut s = unlock()?;
            let stream =
                sanctuary_core::views::contribution_stream(&s, project.as_deref(), stream)?;
            let contribution = Contribution {
                id: String::new(),
                project_id: project,
                date,
                role,
                stream,
                minutes: output::parse_hours(&hours)?,
            };
            say!("{}", s.log_contribution(&ambassador, contribution)?);
        }
        Command::Recognition(command) => crate::recognition::run(command, unlock)?,
        Command::Passphrase(PassphraseCommand::Change {
            new_passphrase_file,
            kdf: choice,
        }) => {
            let mut s = unlock()?;
            let new = passphrase::read_new(new_passphrase_file.as_deref(), passphrase::NEW_ENV)?;
            s.change_passphrase(&new, kdf(choice))?;
            say!("The passphrase is changed. Use the new one from now on.");
        }
        Command::Match(args) => crate::matching::run_match(&unlock()?, args)?,
        Command::MatchSettings(args) => crate::matching::match_settings(&mut unlock()?, args)?,
        Command::InviteTo(args) => crate::matching::invite_to(&mut unlock()?, args)?,
        Command::Invitation(command) => crate::matching::invitation(&mut unlock()?, command)?,
        Command::Rota(command) => crate::matching::rota(&mut unlock()?, command)?,
        Command::Report(args) => crate::reports::run(&unlock()?, args)?,
        Command::Sync(command) => crate::sync::sync(&mut unlock()?, command)?,
        Command::Invite(command) => crate::sync::invite(&mut unlock()?, command)?,
        Command::Conflicts(command) => crate::sync::conflicts(&mut unlock()?, command)?,
        Command::Device(command) => crate::sync::device(&mut unlock()?, command)?,
        Command::Verify => {
            let s = unlock()?;
            let report = s.verify()?;
            output::print_verify(&report);
            if !report.problems.is_empty() {
                bail!(
                    "the store has {} problem(s); see above",
                    report.problems.len()
                );
            }
        }
        Command::Import(args) => crate::sheets::import(&mut unlock()?, &args)?,
        Command::Export(args) => crate::sheets::export(&unlock()?, &args)?,
        Command::Backup(args) => {
            let pass = passphrase::read(pass_file, passphrase::ENV, "Passphrase: ")?;
            crate::sheets::backup(&mut Sanctuary::open(&dir, &pass)?, &pass, &args)?
        }
        Command::Restore(args) => {
            let pass = passphrase::read(pass_file, passphrase::ENV, "Backup passphrase: ")?;
            crate::sheets::restore(&dir, &pass, &args)?
        }
        Command::Join(args) => crate::sheets::join_again(&mut unlock()?, &args)?,
        Command::About { json } => about(json)?,
        Command::Person(command) => crate::privacy::person(&mut unlock()?, command)?,
        Command::Consent(command) => crate::privacy::consent(&unlock()?, command)?,
        Command::Retention(command) => crate::privacy::retention(&mut unlock()?, command)?,
        Command::Bench(args) => crate::bench::run(&args)?,
        Command::BenchUnlock { dir } => crate::bench::unlock_probe(&dir)?,
    }
    Ok(())
}

/// `sanctuary about`: what `--version` says, then the licence of every
/// bundled component, one a line (or all of it as JSON).
fn about(json: bool) -> anyhow::Result<()> {
    let about = sanctuary_core::about::about();
    if json {
        return output::json(&about);
    }
    say!("Sanctuary Ambassadors {}", about.version);
    say!("Built {}", about.build_date);
    say!("Licence {}", about.licence);
    say!("");
    say!("Bundled components ({}):", about.components.len());
    for c in &about.components {
        let origin = match c.origin {
            sanctuary_core::about::Origin::Rust => "rust",
            sanctuary_core::about::Origin::Npm => "npm",
            sanctuary_core::about::Origin::Font => "font",
        };
        say!(
            "  {origin:<5} {:<36} {:<12} {}",
            c.name,
            c.version,
            c.licence
        );
    }
    Ok(())
}

pub(crate) fn kdf(choice: KdfChoice) -> KdfParams {
    match choice {
        KdfChoice::Default => KdfParams::DEFAULT,
        KdfChoice::Minimum => KdfParams::MINIMUM,
    }
}

/// The store directory: `--store`, else the platform's local data directory.
fn store_dir(given: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir);
    }
    let dirs = directories::ProjectDirs::from("org", "Sanctuary Ambassadors", "sanctuary")
        .context("could not find this user's data directory; use --store DIR")?;
    Ok(dirs.data_local_dir().join("store"))
}

fn open_or_create(dir: &Path, pass: &SecretString, kdf: KdfParams) -> anyhow::Result<Sanctuary> {
    if sanctuary_core::store_exists(dir) {
        return Ok(Sanctuary::open(dir, pass)?);
    }
    let options = CreateOptions {
        network_name: "Demo network".into(),
        device_name: "demo laptop".into(),
        kdf,
    };
    Ok(Sanctuary::create(dir, pass, &options)?)
}

fn ambassador(s: &mut Sanctuary, command: AmbassadorCommand) -> anyhow::Result<()> {
    match command {
        AmbassadorCommand::Add(args) => {
            let (Some(name), Some(region)) = (args.name.clone(), args.region.clone()) else {
                bail!("a new ambassador needs --name and --region");
            };
            let joined = args.joined.unwrap_or_else(Day::today);
            let mut profile = Profile::new(String::new(), &name, &region, joined);
            apply_profile(&mut profile, args, Removals::default())?;
            say!("{}", s.add_ambassador(profile)?);
        }
        AmbassadorCommand::List(args) => {
            let query = AmbassadorQuery {
                text: args.search,
                skill: args.skill,
                interest: args.interest,
                language: args.language,
                region: args.region,
                status: args.status,
                include_archived: args.archived,
            };
            let found = s.search_ambassadors(&query);
            if args.json {
                output::json(&found)?;
            } else {
                output::ambassador_table(&found);
            }
        }
        AmbassadorCommand::Show(args) => {
            let doc = s.ambassador(&args.key)?;
            if args.json {
                output::json(doc)?;
            } else {
                output::ambassador_details(s, doc);
            }
        }
        AmbassadorCommand::Edit {
            ambassador,
            profile,
            removals,
        } => {
            s.edit_profile(&ambassador, |p| {
                apply_profile(p, profile, removals).map_err(|e| {
                    sanctuary_core::CoreError::Invalid(
                        sanctuary_core::model::Invalid::new(
                            sanctuary_core::model::Field::Edit,
                            sanctuary_core::matching::Code::InvalidEdit,
                            e.to_string(),
                        )
                        .with(
                            "detail",
                            sanctuary_core::matching::Param::Text(e.to_string()),
                        ),
                    )
                })
            })?;
            say!("Saved.");
        }
        AmbassadorCommand::Archive { ambassador } => {
            s.archive_ambassador(&ambassador)?;
            say!("Archived. The record is kept; it no longer shows in lists or matching.");
        }
        AmbassadorCommand::Consent(args) => {
            let consent = Consent {
                id: String::new(),
                scope: args.scope,
                agreed: !args.refused,
                date: args.date.unwrap_or_else(Day::today),
                recorded_by: args.recorded_by,
                review: args.review,
                note: args.note,
            };
            say!("{}", s.add_consent(&args.ambassador, consent)?);
        }
        AmbassadorCommand::Pathway(PathwayCommand::Add {
            ambassador,
            role,
            from,
            to,
            note,
        }) => {
            let pathway = Pathway {
                id: String::new(),
                role,
                from,
                to,
                note,
            };
            say!("{}", s.add_pathway(&ambassador, pathway)?);
        }
        AmbassadorCommand::Pathway(PathwayCommand::End { ambassador, id, to }) => {
            s.end_pathway(&ambassador, &id, to)?;
            say!("Saved.");
        }
    }
    Ok(())
}

/// Applies the flags that were given to a profile; others stay as they are.
fn apply_profile(p: &mut Profile, a: ProfileArgs, r: Removals) -> anyhow::Result<()> {
    fn set(field: &mut Option<String>, value: Option<String>) {
        if value.is_some() {
            *field = value;
        }
    }
    if let Some(name) = a.name {
        p.display_name = name.trim().to_string();
    }
    if let Some(region) = a.region {
        p.region = region.trim().to_string();
    }
    set(&mut p.full_name, a.full_name);
    set(&mut p.pronouns, a.pronouns);
    set(&mut p.email, a.email);
    set(&mut p.phone, a.phone);
    set(&mut p.local_group, a.group);
    set(&mut p.access_needs, a.access_needs);
    set(&mut p.interpreter, a.interpreter);
    if a.channel.is_some() {
        p.preferred_channel = a.channel;
    }
    for entry in a.languages {
        let (name, level) = match entry.split_once(':') {
            Some((name, level)) => (name, level.parse::<LanguageLevel>()?),
            None => (entry.as_str(), LanguageLevel::Fluent),
        };
        let name = sanctuary_core::model::normalise_tag(name);
        if name.is_empty() {
            bail!("--language needs a language name, e.g. arabic:native");
        }
        p.languages.insert(name, level);
    }
    for skill in &a.skills {
        p.skills.insert(skill);
    }
    for interest in &a.interests {
        p.interests.insert(interest);
    }
    for org in &a.organisations {
        p.organisations.insert(org);
    }
    if let Some(days) = a.days {
        p.availability.set_days(&days);
    }
    if let Some(times) = a.times {
        p.availability.set_times(&times);
    }
    if let Some(remote) = a.remote {
        p.availability.remote = remote;
    }
    if let Some(in_person) = a.in_person {
        p.availability.in_person = in_person;
    }
    if a.travel_km.is_some() {
        p.availability.travel_km = a.travel_km;
    }
    if let Some(status) = a.status {
        p.status = status;
    }
    if let Some(joined) = a.joined {
        p.joined = joined;
    }
    if let Some(payment) = a.payment {
        p.payment = payment;
    }
    if let Some(notes) = a.notes {
        p.notes = notes;
    }
    for skill in &r.remove_skills {
        p.skills.remove(skill);
    }
    for interest in &r.remove_interests {
        p.interests.remove(interest);
    }
    for org in &r.remove_organisations {
        p.organisations.remove(org);
    }
    for language in &r.remove_languages {
        p.languages
            .remove(&sanctuary_core::model::normalise_tag(language));
    }
    for field in &r.clear {
        match field.as_str() {
            "full-name" => p.full_name = None,
            "pronouns" => p.pronouns = None,
            "email" => p.email = None,
            "phone" => p.phone = None,
            "channel" => p.preferred_channel = None,
            "group" => p.local_group = None,
            "travel-km" => p.availability.travel_km = None,
            "access-needs" => p.access_needs = None,
            "interpreter" => p.interpreter = None,
            other => bail!(
                "--clear {other}: not a field that can be cleared (full-name, pronouns, email, phone, channel, group, travel-km, access-needs, interpreter)"
            ),
        }
    }
    Ok(())
}

fn project(s: &mut Sanctuary, command: ProjectCommand) -> anyhow::Result<()> {
    match command {
        ProjectCommand::Add(a) => {
            let a = *a;
            let mut p = Project::new(String::new(), &a.title, a.stream, a.level, a.start);
            p.description = a.description;
            p.end = a.end;
            p.location = a.location;
            p.remote = a.remote;
            p.in_person = a.in_person || !a.remote;
            p.places = a.places;
            p.required_skills = Tags::from_words(&a.required_skills);
            p.desired_skills = Tags::from_words(&a.desired_skills);
            p.languages = Tags::from_words(&a.languages);
            p.required_training = Tags(a.required_training.into_iter().collect());
            p.recognition = Tags::from_words(a.recognition.iter().map(|k| k.as_str()));
            p.organisation = a.organisation;
            p.photography = a.photography;
            p.shares_with = a.shares_with;
            say!("{}", s.add_project(p)?);
        }
        ProjectCommand::List { json } => {
            let projects = s.projects();
            if json {
                output::json(&projects)?;
            } else {
                output::project_table(&projects);
            }
        }
        ProjectCommand::Show(args) => {
            let doc = s.project(&args.key)?;
            if args.json {
                output::json(doc)?;
            } else {
                output::project_details(s, doc);
            }
        }
        ProjectCommand::Outcome {
            project,
            text,
            recorded_by,
            date,
        } => {
            let outcome = Outcome {
                id: String::new(),
                date: date.unwrap_or_else(Day::today),
                text,
                recorded_by,
            };
            say!("{}", s.add_outcome(&project, outcome)?);
        }
    }
    Ok(())
}

fn course(s: &mut Sanctuary, command: CourseCommand) -> anyhow::Result<()> {
    match command {
        CourseCommand::Add(a) => {
            let mut c = Course::new(String::new(), &a.title);
            c.description = a.description;
            c.mode = a.mode;
            c.languages = Tags::from_words(&a.languages);
            c.duration_minutes = a.hours.as_deref().map(output::parse_hours).transpose()?;
            c.validity_months = a.validity_months;
            c.prerequisites = Tags(a.prerequisites.into_iter().collect());
            c.co_designed = a.co_designed;
            say!("{}", s.add_course(c)?);
        }
        CourseCommand::List { json } => {
            let courses = s.courses();
            if json {
                output::json(&courses)?;
            } else {
                output::course_table(s, &courses);
            }
        }
    }
    Ok(())
}
