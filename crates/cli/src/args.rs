//! The command line, as clap types. Every field of the domain model has a flag.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use sanctuary_core::model::{
    Channel, ConsentScope, Day, DeliveryMode, ExpenseStatus, Level, PathwayRole, PaymentConstraint,
    RecognitionKind, Status, Stream, TimeOfDay, Weekday,
};

#[derive(Parser, Debug)]
#[command(
    name = "sanctuary",
    version = sanctuary_core::about::VERSION_LINE,
    about = "Sanctuary Ambassadors from the command line"
)]
pub struct Cli {
    /// The store directory (default: this user's local data directory).
    #[arg(long, global = true, env = "SANCTUARY_STORE")]
    pub store: Option<PathBuf>,

    /// Read the passphrase from this file (else SANCTUARY_PASSPHRASE, else a prompt).
    #[arg(long, global = true)]
    pub passphrase_file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "parsed once per process; boxing buys nothing"
)]
pub enum Command {
    /// Create a new store with a new network.
    Init(InitArgs),
    /// Fill a store with a realistic synthetic network (creating the store if needed).
    Demo(DemoArgs),
    /// Ambassador profiles and their consent.
    #[command(subcommand)]
    Ambassador(AmbassadorCommand),
    /// Co-production projects and opportunities.
    #[command(subcommand)]
    Project(ProjectCommand),
    /// The training course catalog.
    #[command(subcommand)]
    Course(CourseCommand),
    /// Training records.
    #[command(subcommand)]
    Training(TrainingCommand),
    /// An ambassador's training and contribution record as a document.
    #[command(subcommand)]
    Record(RecordCommand),
    /// Suggestions from self-view, waiting for a coordinator.
    #[command(subcommand)]
    Suggestion(SuggestionCommand),
    /// Time given to co-production work.
    #[command(subcommand)]
    Contribution(ContributionCommand),
    /// Thanks, certificates, references, expenses and other recognition.
    #[command(subcommand)]
    Recognition(RecognitionCommand),
    /// Rank ambassadors for a project with reasons, say who is not eligible and why, select a team.
    Match(crate::matching::MatchArgs),
    /// The network's match weights: show them, or change them for every coordinator.
    MatchSettings(crate::matching::MatchSettingsArgs),
    /// Shortlist or invite an ambassador to a project.
    InviteTo(crate::matching::InviteArgs),
    /// Move invitations on (accepted, declined, attended with hours ...) and list them.
    #[command(subcommand)]
    Invitation(crate::matching::InvitationCommand),
    /// Rotas for recurring seats, such as the Advisory Group member at each trustee meeting.
    #[command(subcommand)]
    Rota(crate::matching::RotaCommand),
    /// Reports for trustees and funders: hours, recognition, training, participation, pathways.
    Report(crate::reports::ReportArgs),
    /// Change the store's passphrase (new one from SANCTUARY_NEW_PASSPHRASE, --new-passphrase-file or a prompt).
    #[command(subcommand)]
    Passphrase(PassphraseCommand),
    /// Decrypt and check every document; exits 1 if anything is wrong.
    Verify,
    /// Exchange changes with other laptops: bundle files or a shared folder.
    #[command(subcommand)]
    Sync(crate::sync::SyncCommand),
    /// Invite a new laptop into this network.
    #[command(subcommand)]
    Invite(crate::sync::InviteCommand),
    /// Fields changed on two laptops at once, and settling them.
    #[command(subcommand)]
    Conflicts(crate::sync::ConflictsCommand),
    /// The laptops of this network; removing one.
    #[command(subcommand)]
    Device(crate::sync::DeviceCommand),
    /// Bring ambassadors, training or contributions in from a spreadsheet (CSV, XLSX, ODS).
    Import(crate::sheets::ImportArgs),
    /// Write people, training, contributions, recognition, projects and invitations as spreadsheets.
    Export(crate::sheets::ExportArgs),
    /// Write an encrypted backup of the whole store (opens with the passphrase only).
    Backup(crate::sheets::BackupArgs),
    /// Restore a backup into a new store (--store NEW); a damaged backup writes nothing.
    Restore(crate::sheets::RestoreArgs),
    /// Join the network again with an invite, keeping this store (a laptop restored from a backup).
    Join(crate::sheets::JoinArgs),
    /// This build's version and date, and the licence of every component it bundles.
    About {
        #[arg(long)]
        json: bool,
    },
    /// Data protection for one person: subject access export, change history, erasure.
    #[command(subcommand)]
    Person(crate::privacy::PersonCommand),
    /// Consent due for review.
    #[command(subcommand)]
    Consent(crate::privacy::ConsentCommand),
    /// Retention review: people with no activity for the network's retention period.
    #[command(subcommand)]
    Retention(crate::privacy::RetentionCommand),
    /// Measure unlock, edits, size and memory on a demo network.
    Bench(BenchArgs),
    /// Unlocks a bench store and reports peak memory (run by `bench` in a fresh process).
    #[command(hide = true)]
    BenchUnlock { dir: PathBuf },
}

#[derive(Args, Debug)]
pub struct InitArgs {
    #[arg(long, default_value = "Sanctuary Ambassadors")]
    pub network_name: String,
    /// A name for this laptop, shown to other coordinators.
    #[arg(long, default_value = "this laptop")]
    pub device_name: String,
    /// Key-derivation cost: `default` (64 MiB, 3 passes) or `minimum` (19 MiB, 2 passes; for tests).
    #[arg(long, value_enum, default_value_t = KdfChoice::Default)]
    pub kdf: KdfChoice,
    /// Join an existing network with an invite file (needs --code).
    #[arg(long, requires = "code")]
    pub join: Option<PathBuf>,
    /// The one-time code given with the invite.
    #[arg(long, requires = "join")]
    pub code: Option<String>,
    /// The coordinator who works on this laptop, named in every record's change history.
    #[arg(long)]
    pub coordinator: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum KdfChoice {
    Default,
    Minimum,
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 60)]
    pub ambassadors: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Used only when the store does not exist yet.
    #[arg(long, value_enum, default_value_t = KdfChoice::Default)]
    pub kdf: KdfChoice,
}

#[derive(Subcommand, Debug)]
pub enum AmbassadorCommand {
    /// Add an ambassador.
    Add(ProfileArgs),
    /// List ambassadors, optionally filtered.
    List(ListArgs),
    /// Show one ambassador's profile and records.
    Show(ShowArgs),
    /// Change fields of a profile; only the flags given change.
    Edit {
        /// Id, id prefix or display name.
        ambassador: String,
        #[command(flatten)]
        profile: ProfileArgs,
        #[command(flatten)]
        removals: Removals,
    },
    /// Hide an ambassador from lists and matching (their record is kept).
    Archive { ambassador: String },
    /// Record a consent decision.
    Consent(ConsentArgs),
    /// Roles a person moves into over time (steering group, trustee ...).
    #[command(subcommand)]
    Pathway(PathwayCommand),
}

#[derive(Subcommand, Debug)]
pub enum PathwayCommand {
    /// Record a role a person has moved into.
    Add {
        /// Id, id prefix or display name.
        ambassador: String,
        /// steering-group, advisory-group, trustee, trainer, paid-role or other.
        role: PathwayRole,
        /// The first day in the role.
        #[arg(long)]
        from: Day,
        /// The last day in the role, if it has ended.
        #[arg(long)]
        to: Option<Day>,
        /// What the role is ("Yorkshire steering group").
        #[arg(long)]
        note: Option<String>,
    },
    /// Record the last day of a role.
    End {
        ambassador: String,
        /// The pathway's id (or a unique prefix), as `ambassador show` lists it.
        id: String,
        #[arg(long)]
        to: Day,
    },
}

/// Profile fields. For `add`, --name and --region are required (checked at run time).
#[derive(Args, Debug, Default)]
pub struct ProfileArgs {
    /// The name they want to be called.
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub full_name: Option<String>,
    #[arg(long)]
    pub pronouns: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub channel: Option<Channel>,
    #[arg(long)]
    pub region: Option<String>,
    #[arg(long)]
    pub group: Option<String>,
    /// A language and level, e.g. `arabic:native` (repeatable; level defaults to fluent).
    #[arg(long = "language")]
    pub languages: Vec<String>,
    #[arg(long = "skill")]
    pub skills: Vec<String>,
    #[arg(long = "interest")]
    pub interests: Vec<String>,
    /// Days usually free, e.g. `mon,wed,sat` (replaces the list).
    #[arg(long, value_delimiter = ',')]
    pub days: Option<Vec<Weekday>>,
    /// Times usually free, e.g. `morning,evening` (replaces the list).
    #[arg(long, value_delimiter = ',')]
    pub times: Option<Vec<TimeOfDay>>,
    /// Can take part remotely (`--remote` or `--remote false`).
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    pub remote: Option<bool>,
    /// Can take part in person (`--in-person` or `--in-person false`).
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    pub in_person: Option<bool>,
    #[arg(long)]
    pub travel_km: Option<u32>,
    #[arg(long)]
    pub access_needs: Option<String>,
    /// The language an interpreter would need to speak.
    #[arg(long)]
    pub interpreter: Option<String>,
    #[arg(long)]
    pub status: Option<Status>,
    #[arg(long)]
    pub joined: Option<Day>,
    /// Whether they may receive money: allowed, not-allowed or check-first (default).
    #[arg(long)]
    pub payment: Option<PaymentConstraint>,
    /// An organisation they are linked to (repeatable; a conflict of interest on panels).
    #[arg(long = "organisation")]
    pub organisations: Vec<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Args, Debug, Default)]
pub struct Removals {
    #[arg(long = "remove-skill")]
    pub remove_skills: Vec<String>,
    #[arg(long = "remove-interest")]
    pub remove_interests: Vec<String>,
    #[arg(long = "remove-language")]
    pub remove_languages: Vec<String>,
    #[arg(long = "remove-organisation")]
    pub remove_organisations: Vec<String>,
    /// Clear optional fields by name: full-name, pronouns, email, phone, channel, group, travel-km, access-needs, interpreter.
    #[arg(long = "clear", value_delimiter = ',')]
    pub clear: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    /// Matches names, skills, interests, languages, region and group.
    #[arg(long)]
    pub search: Option<String>,
    #[arg(long)]
    pub skill: Option<String>,
    #[arg(long)]
    pub interest: Option<String>,
    #[arg(long)]
    pub language: Option<String>,
    #[arg(long)]
    pub region: Option<String>,
    #[arg(long)]
    pub status: Option<Status>,
    /// Include archived ambassadors.
    #[arg(long)]
    pub archived: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Id, id prefix or name.
    pub key: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ConsentArgs {
    pub ambassador: String,
    #[arg(long)]
    pub scope: ConsentScope,
    /// They agreed (default) ...
    #[arg(long, conflicts_with = "refused")]
    pub agreed: bool,
    /// ... or they said no.
    #[arg(long)]
    pub refused: bool,
    #[arg(long)]
    pub date: Option<Day>,
    #[arg(long)]
    pub recorded_by: String,
    /// When to ask again.
    #[arg(long)]
    pub review: Option<Day>,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum ProjectCommand {
    Add(Box<ProjectArgs>),
    List {
        #[arg(long)]
        json: bool,
    },
    Show(ShowArgs),
    /// Record what changed because of the ambassadors' input ("you said, we
    /// did"); everyone who took part sees it in their self-view and record.
    Outcome {
        /// Id, id prefix or title.
        project: String,
        /// What changed, as the people who took part should read it.
        #[arg(long)]
        text: String,
        /// Who records it.
        #[arg(long)]
        recorded_by: String,
        /// The day it is recorded (default: today).
        #[arg(long)]
        date: Option<Day>,
    },
}

#[derive(Args, Debug)]
pub struct ProjectArgs {
    #[arg(long)]
    pub title: String,
    #[arg(long, default_value = "")]
    pub description: String,
    #[arg(long)]
    pub stream: Stream,
    #[arg(long, default_value = "local")]
    pub level: Level,
    #[arg(long)]
    pub start: Day,
    #[arg(long)]
    pub end: Option<Day>,
    #[arg(long)]
    pub location: Option<String>,
    #[arg(long)]
    pub remote: bool,
    /// In person (the default unless only --remote is given).
    #[arg(long)]
    pub in_person: bool,
    #[arg(long, default_value_t = 1)]
    pub places: u32,
    #[arg(long = "required-skill")]
    pub required_skills: Vec<String>,
    #[arg(long = "desired-skill")]
    pub desired_skills: Vec<String>,
    #[arg(long = "language")]
    pub languages: Vec<String>,
    /// A course (id or title) people must have completed (repeatable).
    #[arg(long = "required-training")]
    pub required_training: Vec<String>,
    /// Recognition offered (repeatable): thanks, certificate, travel-expenses ...
    #[arg(long = "recognition")]
    pub recognition: Vec<RecognitionKind>,
    /// The organisation whose work is assessed (conflict-of-interest check).
    #[arg(long)]
    pub organisation: Option<String>,
    /// Photos or film of the people taking part are made: their consent to
    /// photography must be in force.
    #[arg(long)]
    pub photography: bool,
    /// A partner organisation given the details of the people taking part:
    /// their consent to sharing with partners must be in force.
    #[arg(long)]
    pub shares_with: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum CourseCommand {
    Add(CourseArgs),
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug)]
pub struct CourseArgs {
    #[arg(long)]
    pub title: String,
    #[arg(long, default_value = "")]
    pub description: String,
    #[arg(long, default_value = "in-person")]
    pub mode: DeliveryMode,
    #[arg(long = "language")]
    pub languages: Vec<String>,
    /// Length of the course in hours, e.g. 2.5.
    #[arg(long)]
    pub hours: Option<String>,
    /// Months a completion stays valid (leave out if it never expires).
    #[arg(long)]
    pub validity_months: Option<u32>,
    /// A course (id or title) to complete first (repeatable).
    #[arg(long = "prerequisite")]
    pub prerequisites: Vec<String>,
    #[arg(long)]
    pub co_designed: bool,
}

#[derive(Subcommand, Debug)]
pub enum TrainingCommand {
    /// Record that an ambassador completed a course.
    Record {
        ambassador: String,
        #[arg(long)]
        course: String,
        #[arg(long)]
        date: Day,
        #[arg(long)]
        trainer: Option<String>,
        /// Where it took place ("Online" for online training).
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        evidence: Option<String>,
        #[arg(long)]
        confidence_before: Option<u8>,
        #[arg(long)]
        confidence_after: Option<u8>,
    },
    /// Record a session: the course completed by every attendee, in one step.
    Session {
        #[arg(long)]
        course: String,
        #[arg(long)]
        date: Day,
        #[arg(long)]
        trainer: Option<String>,
        /// Where it was held.
        #[arg(long, conflicts_with = "online")]
        place: Option<String>,
        /// It was held online.
        #[arg(long)]
        online: bool,
        /// An ambassador who completed it (repeatable).
        #[arg(long = "attendee", required = true)]
        attendees: Vec<String>,
    },
    /// What expires in the next N days across the network (default 30).
    Expiring {
        #[arg(long, default_value_t = 30)]
        days: i64,
        /// Also list what has already expired.
        #[arg(long)]
        expired: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum RecordCommand {
    /// Write the record as a printable PDF and/or HTML page (for a CV or a reference).
    Export {
        ambassador: String,
        #[arg(long, required_unless_present = "html")]
        pdf: Option<PathBuf>,
        #[arg(long)]
        html: Option<PathBuf>,
        /// The language it is written in: en, ar, fa, fr, ti or uk. Arabic
        /// and Farsi are laid out right to left.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Add the travel and meal costs paid back, with their receipts and
        /// who approved them (left out of a record for a CV or a reference).
        #[arg(long)]
        expenses: bool,
    },
}

/// Suggestions ambassadors made to their own record in self-view.
#[derive(Subcommand, Debug)]
pub enum SuggestionCommand {
    /// Every pending suggestion.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Apply a suggestion to the person's record.
    Approve {
        ambassador: String,
        suggestion: String,
    },
    /// Decline a suggestion; the record stays as it was.
    Decline {
        ambassador: String,
        suggestion: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum ContributionCommand {
    /// Log time an ambassador gave.
    Log {
        ambassador: String,
        #[arg(long)]
        date: Day,
        #[arg(long)]
        role: String,
        /// Hours, e.g. 2 or 1.5.
        #[arg(long)]
        hours: String,
        /// Project id or title.
        #[arg(long)]
        project: Option<String>,
        /// The kind of work (default: the project's stream, else `other`).
        #[arg(long)]
        stream: Option<Stream>,
    },
}

#[derive(Subcommand, Debug)]
pub enum RecognitionCommand {
    /// Log recognition given to an ambassador.
    Log {
        ambassador: String,
        #[arg(long)]
        kind: RecognitionKind,
        #[arg(long)]
        date: Day,
        /// Amount in pounds for kinds involving money, e.g. 12.50.
        #[arg(long)]
        amount: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        project: Option<String>,
        #[arg(long)]
        contribution: Option<String>,
        /// Confirms you checked that this person may receive it (for check-first profiles).
        #[arg(long)]
        checked: bool,
        /// For travel and meals: the receipt's reference.
        #[arg(long, conflicts_with = "no_receipt")]
        receipt: Option<String>,
        /// For travel and meals without a receipt: why there is none.
        #[arg(long)]
        no_receipt: Option<String>,
        /// Why a claim above the network's expense limit is right.
        #[arg(long)]
        note: Option<String>,
    },
    /// Show the recognition policy (every kind against every payment
    /// constraint), or change a row or the expense limit.
    Policy(crate::recognition::PolicyArgs),
    /// What may be offered to one ambassador under the policy, with the guidance.
    Options {
        ambassador: String,
        #[arg(long)]
        json: bool,
    },
    /// Move an expense claim on: `approved --by NAME`, then `paid-back`.
    Expense {
        ambassador: String,
        /// The entry's id or id prefix.
        entry: String,
        status: ExpenseStatus,
        /// Who approved it (needed for `approved`).
        #[arg(long)]
        by: Option<String>,
    },
    /// Money entries flagged for review (after a person's payment constraint
    /// changed to not-allowed).
    Flagged {
        #[arg(long)]
        json: bool,
    },
    /// Clear an entry's review flag, saying what the review found.
    Review {
        ambassador: String,
        /// The entry's id or id prefix.
        entry: String,
        #[arg(long)]
        note: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum PassphraseCommand {
    Change {
        #[arg(long)]
        new_passphrase_file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = KdfChoice::Default)]
        kdf: KdfChoice,
    },
}

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Measure sync instead: a full first sync to a joining laptop, and a day's edits exported and imported.
    #[arg(long)]
    pub sync: bool,
    /// With --sync: an edit on one laptop until visible on another watching
    /// the shared folder (runs: --imports), and a pass's memory over a folder of junk.
    #[arg(long, requires = "sync")]
    pub watched: bool,
    /// Measure spreadsheets instead: a CSV of --ambassadors people imported, the network exported as XLSX.
    #[arg(long, conflicts_with = "sync")]
    pub sheets: bool,
    /// Time every report instead, over --ambassadors people with 20 contributions each.
    #[arg(long, conflicts_with = "sync")]
    pub reports: bool,
    #[arg(long, default_value_t = 5000)]
    pub ambassadors: usize,
    /// How many single edits to time.
    #[arg(long, default_value_t = 200)]
    pub edits: usize,
    /// How many times to unlock.
    #[arg(long, default_value_t = 5)]
    pub unlocks: usize,
    /// With --sync: how many times to import the day's bundle, each into a
    /// fresh copy of the receiving laptop's store (the median is reported).
    #[arg(long, default_value_t = 3)]
    pub imports: usize,
    /// Work in this directory instead of a temporary one (kept afterwards).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
