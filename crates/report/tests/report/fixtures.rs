//! Synthetic records: made-up people, courses and contributions.

use sanctuary_report::{
    CourseLine, HoursLine, Labels, OutcomeLine, PathwayLine, PersonLine, RecordReport, RoleLine,
};

pub const ARABIC: &str = "زهراء الموسوی";
pub const TIGRINYA: &str = "ሰላም ተኽለሃይማኖት";
pub const VIETNAMESE: &str = "Nguyễn Thị Hoà";

const COURSES: [&str; 8] = [
    "Induction",
    "Media training",
    "Public speaking",
    "Safeguarding",
    "Award assessor training",
    "Telling your story safely",
    "Co-production basics",
    "Chairing a meeting",
];

const KINDS: [&str; 6] = [
    "Awards panel",
    "School talks",
    "Media interviews",
    "Policy consultation",
    "Training delivery",
    "Peer support",
];

/// The title of course `i`: unique, and short enough for one line.
pub fn course_title(i: usize) -> String {
    format!("{} {}", COURSES[i % COURSES.len()], i + 1)
}

/// A record for `name` with `courses` courses and `roles` roles.
pub fn record(name: &str, courses: usize, roles: usize) -> RecordReport {
    let months = ["January", "March", "May", "July", "September", "November"];
    let date = |i: usize| format!("{} {} {}", 1 + i % 27, months[i % 6], 2022 + i % 5);
    RecordReport {
        network_name: "Sanctuary Ambassadors, Yorkshire".into(),
        generated_on: "22 November 2026".into(),
        person: PersonLine {
            display_name: name.into(),
            full_name: Some(format!("{name} (full name)")),
            pronouns: Some("she/her".into()),
            region: "Leeds and Bradford".into(),
            member_since: "March 2024".into(),
        },
        courses: (0..courses)
            .map(|i| CourseLine {
                title: course_title(i),
                completed: date(i),
                status: match i % 3 {
                    0 => "Valid until 1 March 2027".into(),
                    1 => "Expired 1 May 2026".into(),
                    _ => "Does not expire".into(),
                },
                co_designed: i % 4 == 1,
                duration_hours: (i % 5 != 0).then(|| format!("{}", 1 + i % 7)),
            })
            .collect(),
        hours_by_kind: KINDS
            .iter()
            .enumerate()
            .map(|(i, kind)| HoursLine {
                kind: (*kind).into(),
                hours: format!("{}.5", 3 + i * 4),
                sessions: 2 + i as u32,
            })
            .collect(),
        total_hours: "81".into(),
        roles: (0..roles)
            .map(|i| RoleLine {
                role: KINDS[i % KINDS.len()].replace("Awards panel", "Panel member"),
                project: (i % 3 != 0).then(|| format!("Project {}", i / 3 + 1)),
                from: date(i),
                to: date(i + 7),
                times: 1 + (i % 9) as u32,
            })
            .collect(),
        recognition: vec![
            "Certificate, 3 March 2026".into(),
            format!("Thank-you card from {TIGRINYA} and {VIETNAMESE}, co-facilitators"),
            "Letter of thanks from the awards panel chair, 14 July 2026".into(),
        ],
        pathways: vec![PathwayLine {
            role: "Trustee".into(),
            period: "February 2026 – present".into(),
            note: None,
        }],
        outcomes: vec![OutcomeLine {
            project: "Schools panel".into(),
            date: "1 April 2026".into(),
            text: "Assessors now explain every score.".into(),
        }],
        expenses: Vec::new(),
        labels: Labels::default(),
    }
}
