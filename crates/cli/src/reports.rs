//! `sanctuary report`: the figures trustees and funders ask for, as a table
//! on screen, JSON, CSV or XLSX.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use sanctuary_core::Sanctuary;
use sanctuary_core::model::Day;
use sanctuary_core::reports::{Cell, Period, Report, ReportKind, ReportOptions, Table};

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Which report.
    #[arg(value_enum)]
    pub kind: ReportName,
    /// The first day counted (YYYY-MM-DD; default: the beginning).
    #[arg(long)]
    pub from: Option<Day>,
    /// The last day counted (YYYY-MM-DD; default: today).
    #[arg(long)]
    pub to: Option<Day>,
    /// Participation: months without an offer that count as not offered recently.
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=120))]
    pub months: u32,
    /// Print the report as JSON.
    #[arg(long, conflicts_with_all = ["csv", "xlsx"])]
    pub json: bool,
    /// Write the report's tables to this CSV file, one block per table
    /// (its header row first), blocks separated by an empty line.
    #[arg(long, value_name = "FILE", conflicts_with = "xlsx")]
    pub csv: Option<PathBuf>,
    /// Write the report's tables to this XLSX workbook, one worksheet per table.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ReportName {
    Hours,
    Recognition,
    Training,
    Participation,
    Pathways,
}

impl From<ReportName> for ReportKind {
    fn from(name: ReportName) -> ReportKind {
        match name {
            ReportName::Hours => ReportKind::Hours,
            ReportName::Recognition => ReportKind::Recognition,
            ReportName::Training => ReportKind::Training,
            ReportName::Participation => ReportKind::Participation,
            ReportName::Pathways => ReportKind::Pathways,
        }
    }
}

pub fn run(s: &Sanctuary, args: ReportArgs) -> anyhow::Result<()> {
    let period = Period::checked(args.from, args.to)?;
    let options = ReportOptions {
        period,
        today: args.to.unwrap_or_else(Day::today),
        quiet_months: args.months,
    };
    let report = s.report(args.kind.into(), &options);
    if args.json {
        return crate::output::json(&report);
    }
    let tables = report.tables();
    if let Some(path) = &args.csv {
        sanctuary_core::reports::write_csv(path, &tables)?;
        say!("Wrote {}", path.display());
        return Ok(());
    }
    if let Some(path) = &args.xlsx {
        sanctuary_core::reports::write_xlsx(path, &tables)?;
        say!("Wrote {}", path.display());
        return Ok(());
    }
    say!("{}", headline(&report));
    for table in &tables {
        say!("");
        print_table(table);
    }
    Ok(())
}

/// One line that says what the report found, above its tables.
fn headline(report: &Report) -> String {
    let hours = |minutes: u64| format!("{:.1}", minutes as f64 / 60.0);
    let pounds = |pence: u64| format!("£{}.{:02}", pence / 100, pence % 100);
    match report {
        Report::Hours(r) => format!(
            "{} hours given by {} people in {} contributions.",
            hours(r.total_minutes),
            r.people,
            r.contributions
        ),
        Report::Recognition(r) => format!(
            "{} recognition entries for {} people: {} with no cash value; expenses reimbursed {}, other spend {}.",
            r.entries,
            r.people,
            r.non_financial,
            pounds(r.expenses_pence),
            pounds(r.other_spend_pence)
        ),
        Report::Training(r) => {
            let change = r
                .confidence
                .change
                .map_or_else(|| "no ratings".to_string(), |c| format!("{c:+.2}"));
            format!(
                "{} completions by {} people; confidence change over {} rated: {change}.",
                r.completions, r.people, r.confidence.rated
            )
        }
        Report::Participation(r) => format!(
            "{} offers to {} people ({} first-timers); {} of {} active members not offered anything in {} months.",
            r.invitations,
            r.people_invited,
            r.first_timers,
            r.not_offered.len(),
            r.members,
            r.quiet_months
        ),
        Report::Pathways(r) => format!(
            "{} roles taken on by {} people; {} roles held on {}.",
            r.entered, r.people, r.held, r.today
        ),
    }
}

fn print_table(table: &Table) {
    let text = |cell: &Cell| match cell {
        Cell::Text(t) => t.clone(),
        Cell::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
        Cell::Number(n) => format!("{n:.2}"),
    };
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    let widths: Vec<usize> = (0..table.headers.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([table.headers[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    say!("{}", line(&table.headers));
    if rows.is_empty() {
        say!("(nothing in this period)");
    }
    for row in &rows {
        say!("{}", line(row));
    }
}
