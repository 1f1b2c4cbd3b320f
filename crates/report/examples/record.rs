//! Writes a sample record as `record.pdf` and `record.html` into the folder
//! given (default: the current one) and prints how long each took.
//!
//! `cargo run --release -p sanctuary-report --example record -- /tmp/out`

use std::path::PathBuf;
use std::time::Instant;

use sanctuary_report::{
    CourseLine, HoursLine, OutcomeLine, PathwayLine, PersonLine, RecordReport, RoleLine,
    render_html, render_pdf,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let report = sample();

    let start = Instant::now();
    let pdf = render_pdf(&report)?;
    let pdf_time = start.elapsed();
    let start = Instant::now();
    let html = render_html(&report);
    let html_time = start.elapsed();

    std::fs::write(dir.join("record.pdf"), &pdf)?;
    std::fs::write(dir.join("record.html"), &html)?;
    println!(
        "PDF: {} bytes in {pdf_time:?}; HTML: {} bytes in {html_time:?}",
        pdf.len(),
        html.len()
    );

    // A long record: 40 courses and 300 roles.
    let mut long = report.clone();
    long.courses = report.courses.iter().cycle().take(40).cloned().collect();
    long.roles = report.roles.iter().cycle().take(300).cloned().collect();
    let start = Instant::now();
    let pdf = render_pdf(&long)?;
    println!(
        "Long PDF (40 courses, 300 roles): {} bytes in {:?}",
        pdf.len(),
        start.elapsed()
    );
    std::fs::write(dir.join("record-long.pdf"), &pdf)?;
    Ok(())
}

/// A made-up ambassador with names in three scripts.
fn sample() -> RecordReport {
    let course =
        |title: &str, completed: &str, status: &str, co_designed: bool, hours: Option<&str>| {
            CourseLine {
                title: title.into(),
                completed: completed.into(),
                status: status.into(),
                co_designed,
                duration_hours: hours.map(Into::into),
            }
        };
    let hours = |kind: &str, hours: &str, sessions: u32| HoursLine {
        kind: kind.into(),
        hours: hours.into(),
        sessions,
    };
    let role = |role: &str, project: Option<&str>, from: &str, to: &str, times: u32| RoleLine {
        role: role.into(),
        project: project.map(Into::into),
        from: from.into(),
        to: to.into(),
        times,
    };
    RecordReport {
        network_name: "Sanctuary Ambassadors, Yorkshire".into(),
        generated_on: "22 November 2026".into(),
        person: PersonLine {
            display_name: "زهراء الموسوی".into(),
            full_name: Some("Zahra Al-Mousawi".into()),
            pronouns: Some("she/her".into()),
            region: "Leeds".into(),
            member_since: "March 2024".into(),
        },
        courses: vec![
            course(
                "Induction for new ambassadors",
                "12 March 2024",
                "Does not expire",
                true,
                Some("3"),
            ),
            course(
                "Safeguarding adults and children",
                "2 April 2024",
                "Expired 2 April 2026",
                false,
                Some("6"),
            ),
            course(
                "Safeguarding refresher",
                "20 April 2026",
                "Valid until 20 April 2028",
                false,
                Some("2"),
            ),
            course(
                "Media training: telling your story safely",
                "9 June 2024",
                "Does not expire",
                true,
                Some("5"),
            ),
            course(
                "Public speaking",
                "14 September 2024",
                "Does not expire",
                false,
                Some("4"),
            ),
            course(
                "Peer support training, co-led by ሰላም ተኽለሃይማኖት and Nguyễn Thị Hoà",
                "3 February 2025",
                "Valid until 3 February 2027",
                true,
                Some("7.5"),
            ),
            course(
                "Award assessor training",
                "18 May 2025",
                "Valid until 18 May 2027",
                false,
                Some("6"),
            ),
            course(
                "Chairing a meeting",
                "1 October 2025",
                "Does not expire",
                false,
                None,
            ),
        ],
        hours_by_kind: vec![
            hours("Awards panel", "12.5", 5),
            hours("School talks", "9", 6),
            hours("Media interviews", "4", 3),
            hours("Policy consultation", "15", 4),
            hours("Training delivery", "8", 2),
        ],
        total_hours: "48.5".into(),
        roles: vec![
            role(
                "Panel member",
                Some("Sanctuary Awards 2025"),
                "May 2025",
                "July 2025",
                5,
            ),
            role(
                "Co-facilitator",
                Some("Peer support training"),
                "February 2025",
                "November 2026",
                4,
            ),
            role(
                "Speaker",
                Some("Schools of Sanctuary"),
                "October 2024",
                "October 2026",
                6,
            ),
            role("Consultee", None, "March 2026", "March 2026", 1),
        ],
        recognition: vec![
            "Certificate of contribution, 3 March 2026".into(),
            "Letter of thanks from the awards panel chair, 14 July 2025".into(),
        ],
        pathways: vec![PathwayLine {
            role: "Advisory group".into(),
            period: "May 2025 – present".into(),
            note: Some("Rotates into trustee meetings".into()),
        }],
        outcomes: vec![OutcomeLine {
            project: "Schools of Sanctuary award panel".into(),
            date: "1 April 2026".into(),
            text: "Assessors now explain every score to the school, as the panel asked.".into(),
        }],
        expenses: Vec::new(),
        labels: Default::default(),
    }
}
