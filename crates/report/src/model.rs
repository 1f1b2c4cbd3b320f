//! The plain data a record is made from. Every string arrives already
//! formatted and translated by the caller, so this crate never formats a date
//! or a number and never chooses a word.

/// One ambassador's training and contribution record, ready to print.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordReport {
    /// The network issuing the record, shown above the title.
    pub network_name: String,
    /// The date of generation, already formatted ("22 November 2026").
    pub generated_on: String,
    pub person: PersonLine,
    pub courses: Vec<CourseLine>,
    pub hours_by_kind: Vec<HoursLine>,
    /// The total of `hours_by_kind`, already formatted ("48.5").
    pub total_hours: String,
    pub roles: Vec<RoleLine>,
    /// Non-financial recognition, one line each ("Certificate, 3 March 2026").
    pub recognition: Vec<String>,
    /// Roles the person moved into in the network (steering group,
    /// trustee ...), in the order taken.
    pub pathways: Vec<PathwayLine>,
    /// "You said, we did": what changed on projects they took part in.
    pub outcomes: Vec<OutcomeLine>,
    /// Costs paid back to the person (travel, meals), oldest first. Only a
    /// record asked for with its expenses has any: a record made for a CV
    /// or a reference leaves money out, and then the section is not printed.
    pub expenses: Vec<ExpenseLine>,
    pub labels: Labels,
}

/// One cost paid back (or claimed) as a reimbursement, every field already
/// formatted and translated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExpenseLine {
    pub date: String,
    /// "Travel expenses", "Meal".
    pub kind: String,
    /// "£12.40".
    pub amount: String,
    /// "Receipt: R2", or "No receipt: café gave none".
    pub receipt: String,
    /// "Paid back", or "Approved by Sam".
    pub status: String,
}

/// A role on the person's pathway through the network.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathwayLine {
    /// The role, already translated ("Trustee").
    pub role: String,
    /// Already formatted ("March 2025 – present").
    pub period: String,
    /// What the role is, as typed ("Yorkshire steering group").
    pub note: Option<String>,
}

/// One thing that changed because of the ambassadors' input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeLine {
    pub project: String,
    /// Already formatted.
    pub date: String,
    /// As the coordinator typed it; never translated.
    pub text: String,
}

/// Who the record is about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonLine {
    /// The name the person chose to be known by; the record's main heading.
    pub display_name: String,
    pub full_name: Option<String>,
    pub pronouns: Option<String>,
    pub region: String,
    /// When they joined, already formatted ("March 2024").
    pub member_since: String,
}

/// One completed course.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CourseLine {
    pub title: String,
    /// The completion date, already formatted.
    pub completed: String,
    /// "Valid until 1 March 2027", "Expired 1 May 2026" or "Does not expire".
    pub status: String,
    /// Whether ambassadors co-designed the course; printed under the title.
    pub co_designed: bool,
    /// The course's length in hours, already formatted ("6" or "1.5").
    pub duration_hours: Option<String>,
}

/// Hours contributed to one kind of work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HoursLine {
    /// The kind of work ("Awards panel").
    pub kind: String,
    /// Hours, already formatted ("12.5").
    pub hours: String,
    pub sessions: u32,
}

/// A role the person held, on its own or within a project.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleLine {
    pub role: String,
    pub project: Option<String>,
    /// First time held, already formatted.
    pub from: String,
    /// Last time held, already formatted; equal to `from` for a one-off.
    pub to: String,
    /// How many times the role was held.
    pub times: u32,
}

/// Every word the record prints that is not data, so the caller can
/// translate them. [`Labels::default`] is British English.
///
/// Two labels are templates: `footer` replaces `{date}` with
/// [`RecordReport::generated_on`], and `page_of` replaces `{page}` and
/// `{pages}` with page numbers (PDF only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// The language of these labels as a BCP 47 tag ("en", "ar", "ti"). It
    /// sets the HTML page's `lang`, its direction (right-to-left for Arabic,
    /// Persian, Urdu, Pashto, Hebrew, ...) and the PDF's language.
    pub lang: String,
    pub title: String,
    pub full_name: String,
    pub pronouns: String,
    pub region: String,
    pub member_since: String,
    pub courses_heading: String,
    pub course_column: String,
    pub completed_column: String,
    pub status_column: String,
    pub duration_column: String,
    /// Printed under the title of a co-designed course.
    pub co_designed: String,
    pub hours_heading: String,
    pub kind_column: String,
    pub sessions_column: String,
    pub hours_column: String,
    pub total: String,
    pub roles_heading: String,
    pub role_column: String,
    pub project_column: String,
    pub period_column: String,
    pub times_column: String,
    pub recognition_heading: String,
    pub pathways_heading: String,
    pub outcomes_heading: String,
    /// One sentence under the outcomes heading saying what they are.
    pub outcomes_intro: String,
    pub expenses_heading: String,
    /// One sentence under the expenses heading: these are costs paid back.
    pub expenses_intro: String,
    pub date_column: String,
    pub expense_column: String,
    pub amount_column: String,
    pub receipt_column: String,
    /// Shown under a heading whose list is empty.
    pub none_recorded: String,
    /// `{date}` is replaced by the generation date.
    pub footer: String,
    /// `{page}` and `{pages}` are replaced by the page number and count.
    pub page_of: String,
}

impl Default for Labels {
    fn default() -> Self {
        let s = |s: &str| s.to_owned();
        Labels {
            lang: s("en"),
            title: s("Training and contribution record"),
            full_name: s("Full name"),
            pronouns: s("Pronouns"),
            region: s("Region"),
            member_since: s("Ambassador since"),
            courses_heading: s("Courses completed"),
            course_column: s("Course"),
            completed_column: s("Completed"),
            status_column: s("Status"),
            duration_column: s("Hours"),
            co_designed: s("Co-designed with ambassadors"),
            hours_heading: s("Hours contributed"),
            kind_column: s("Kind of work"),
            sessions_column: s("Sessions"),
            hours_column: s("Hours"),
            total: s("Total"),
            roles_heading: s("Roles held"),
            role_column: s("Role"),
            project_column: s("Project"),
            period_column: s("Period"),
            times_column: s("Times"),
            recognition_heading: s("Recognition"),
            pathways_heading: s("Roles in the network"),
            outcomes_heading: s("You said, we did"),
            outcomes_intro: s(
                "What changed because of what ambassadors said, on projects this person took part in.",
            ),
            expenses_heading: s("Expenses paid back"),
            expenses_intro: s(
                "Travel and meal costs this person actually incurred and was paid back, with the receipt for each. A reimbursement, not payment.",
            ),
            date_column: s("Date"),
            expense_column: s("Expense"),
            amount_column: s("Amount"),
            receipt_column: s("Receipt"),
            none_recorded: s("None recorded."),
            footer: s("Generated by Sanctuary Ambassadors on {date}"),
            page_of: s("Page {page} of {pages}"),
        }
    }
}

impl RecordReport {
    /// The footer line with the generation date filled in.
    pub(crate) fn footer_line(&self) -> String {
        self.labels.footer.replace("{date}", &self.generated_on)
    }

    /// The sum of the sessions per kind, for the total row.
    pub(crate) fn total_sessions(&self) -> u32 {
        self.hours_by_kind
            .iter()
            .fold(0u32, |sum, line| sum.saturating_add(line.sessions))
    }
}

impl RoleLine {
    /// "from – to", or just "from" for a one-off or when `to` is empty.
    pub(crate) fn period(&self) -> String {
        if self.to.is_empty() || self.to == self.from {
            self.from.clone()
        } else {
            format!("{} – {}", self.from, self.to)
        }
    }
}

/// Whether a language tag's language is written right to left.
pub(crate) fn is_rtl_lang(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    matches!(
        primary.to_ascii_lowercase().as_str(),
        "ar" | "arc" | "ckb" | "dv" | "fa" | "he" | "ps" | "sd" | "ug" | "ur" | "yi"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_collapses_a_one_off() {
        let role = |from: &str, to: &str| RoleLine {
            from: from.into(),
            to: to.into(),
            ..RoleLine::default()
        };
        assert_eq!(role("May 2025", "May 2025").period(), "May 2025");
        assert_eq!(role("May 2025", "").period(), "May 2025");
        assert_eq!(
            role("May 2025", "June 2026").period(),
            "May 2025 – June 2026"
        );
    }

    #[test]
    fn footer_fills_the_date_and_sessions_add_up() {
        let report = RecordReport {
            generated_on: "22 November 2026".into(),
            hours_by_kind: vec![
                HoursLine {
                    sessions: 3,
                    ..HoursLine::default()
                },
                HoursLine {
                    sessions: u32::MAX,
                    ..HoursLine::default()
                },
            ],
            ..RecordReport::default()
        };
        assert_eq!(
            report.footer_line(),
            "Generated by Sanctuary Ambassadors on 22 November 2026"
        );
        assert_eq!(report.total_sessions(), u32::MAX);
    }

    #[test]
    fn right_to_left_languages() {
        for (tag, rtl) in [
            ("ar", true),
            ("fa-IR", true),
            ("ur", true),
            ("ckb", true),
            ("en-GB", false),
            ("ti", false),
            ("am", false),
            ("", false),
        ] {
            assert_eq!(is_rtl_lang(tag), rtl, "{tag}");
        }
    }
}
