//! Placing the record on A4 pages: a title block, tables that break across
//! pages with their header row repeated, a list, and a footer on every page.
//!
//! Layout produces plain drawing operations per page and draws nothing, so
//! the page count is known before footers say "Page 1 of 3", and tests can
//! check where everything landed without reading a PDF.

use super::fonts::{Fonts, Weight};
use super::text::{Line, fitted_line, wrap};
use crate::RecordReport;

/// A4 in points.
pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 52.0;
const TOP: f32 = 50.0;
/// Content stops here; the footer sits below.
pub(crate) const BOTTOM: f32 = PAGE_H - 64.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
/// Padding inside a table cell.
const PAD_X: f32 = 5.0;
const PAD_Y: f32 = 4.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

const INK: Rgb = Rgb(0x1d, 0x23, 0x29);
const MUTED: Rgb = Rgb(0x55, 0x5e, 0x66);
const ACCENT: Rgb = Rgb(0x0b, 0x5a, 0x63);
const RULE: Rgb = Rgb(0xcf, 0xd5, 0xda);
const BAND: Rgb = Rgb(0xe9, 0xf1, 0xf2);

/// One drawing operation; `y` grows downwards from the top of the page.
#[derive(Debug, Clone)]
pub(crate) enum Op {
    Text {
        x: f32,
        baseline: f32,
        line: Line,
        color: Rgb,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub ops: Vec<Op>,
}

#[derive(Debug, Clone, Copy)]
struct Style {
    weight: Weight,
    size: f32,
    color: Rgb,
}

impl Style {
    const fn new(weight: Weight, size: f32, color: Rgb) -> Style {
        Style {
            weight,
            size,
            color,
        }
    }

    fn line_height(self) -> f32 {
        self.size * 1.45
    }

    /// From the top of a line box to its baseline.
    fn ascent(self) -> f32 {
        self.size * 1.1
    }
}

const BODY: Style = Style::new(Weight::Regular, 9.5, INK);
const NOTE: Style = Style::new(Weight::Regular, 8.0, MUTED);
const HEADER: Style = Style::new(Weight::Bold, 8.5, MUTED);
const TOTAL: Style = Style::new(Weight::Bold, 9.5, INK);
const HEADING: Style = Style::new(Weight::Bold, 12.5, ACCENT);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Start,
    End,
}

struct Column<'a> {
    header: &'a str,
    /// Share of the content width.
    share: f32,
    align: Align,
}

/// A cell: paragraphs stacked top to bottom.
type Cell = Vec<(String, Style)>;

/// A row laid out: per cell, its lines with their style.
struct RowLayout {
    cells: Vec<Vec<(Line, Style)>>,
    height: f32,
}

struct Flow<'a> {
    fonts: &'a Fonts,
    pages: Vec<Page>,
    y: f32,
    /// Left and right text of the small header on pages after the first.
    running: (String, String),
}

impl Flow<'_> {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
        let (left, right) = self.running.clone();
        let y = self.y;
        self.text(MARGIN_X, y, CONTENT_W / 2.0, &left, NOTE, Align::Start);
        self.text(PAGE_W / 2.0, y, CONTENT_W / 2.0, &right, NOTE, Align::End);
        self.y += NOTE.line_height() + 4.0;
        self.rule(self.y, 0.5, RULE);
        self.y += 12.0;
    }

    /// Starts a new page unless `height` more fits on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.page().ops.push(Op::Rect { x, y, w, h, color });
    }

    fn rule(&mut self, y: f32, thickness: f32, color: Rgb) {
        self.rect(MARGIN_X, y - thickness / 2.0, CONTENT_W, thickness, color);
    }

    /// One line of text whose box top is `y`, in a box `width` wide.
    fn place(&mut self, x: f32, y: f32, width: f32, line: Line, style: Style, align: Align) {
        let x = match align {
            Align::Start => x,
            Align::End => x + width - line.width,
        };
        let baseline = y + style.ascent();
        self.page().ops.push(Op::Text {
            x,
            baseline,
            line,
            color: style.color,
        });
    }

    /// One line of text whose box top is `y`, cut short if it is too wide.
    fn text(&mut self, x: f32, y: f32, width: f32, text: &str, style: Style, align: Align) {
        let line = fitted_line(self.fonts, style.weight, style.size, text, width);
        self.place(x, y, width, line, style, align);
    }

    /// Wrapped text across the content width, breaking pages between lines.
    fn paragraph(&mut self, x: f32, width: f32, text: &str, style: Style) {
        for line in wrap(self.fonts, style.weight, style.size, text, width) {
            self.ensure(style.line_height());
            let y = self.y;
            self.place(x, y, width, line, style, Align::Start);
            self.y += style.line_height();
        }
    }

    fn layout_row(&self, columns: &[Column], cells: &[Cell]) -> RowLayout {
        let mut height: f32 = 0.0;
        let cells = columns
            .iter()
            .zip(cells)
            .map(|(column, cell)| {
                let width = column.share * CONTENT_W - 2.0 * PAD_X;
                let mut lines = Vec::new();
                let mut cell_height = 0.0;
                for (text, style) in cell {
                    for line in wrap(self.fonts, style.weight, style.size, text, width) {
                        cell_height += style.line_height();
                        lines.push((line, *style));
                    }
                }
                height = height.max(cell_height);
                lines
            })
            .collect();
        RowLayout {
            cells,
            height: height.max(BODY.line_height()) + 2.0 * PAD_Y,
        }
    }

    fn draw_row(&mut self, columns: &[Column], row: RowLayout) {
        let mut x = MARGIN_X;
        for (column, lines) in columns.iter().zip(row.cells) {
            let width = column.share * CONTENT_W;
            let mut y = self.y + PAD_Y;
            for (line, style) in lines {
                self.place(x + PAD_X, y, width - 2.0 * PAD_X, line, style, column.align);
                y += style.line_height();
            }
            x += width;
        }
        self.y += row.height;
    }

    fn header_row(&self, columns: &[Column]) -> RowLayout {
        let cells: Vec<Cell> = columns
            .iter()
            .map(|c| vec![(c.header.to_owned(), HEADER)])
            .collect();
        self.layout_row(columns, &cells)
    }

    fn draw_header(&mut self, columns: &[Column]) {
        let header = self.header_row(columns);
        let y = self.y;
        self.rect(MARGIN_X, y, CONTENT_W, header.height, BAND);
        self.draw_row(columns, header);
        self.rule(self.y, 0.8, ACCENT);
    }

    /// A section heading, kept on the same page as the next `keep` points.
    fn heading(&mut self, text: &str, keep: f32) {
        self.y += 14.0;
        let height = HEADING.line_height() + 4.0;
        if self.y + height + keep > BOTTOM {
            self.new_page();
        }
        let y = self.y;
        self.text(MARGIN_X, y, CONTENT_W, text, HEADING, Align::Start);
        self.y += height;
    }

    /// A table under a heading. Rows never split; a row that does not fit
    /// starts a new page, which repeats the header row. The last row is a
    /// total row when `total` is set.
    fn table(&mut self, heading: &str, columns: &[Column], rows: &[Vec<Cell>], total: bool) {
        let header_height = self.header_row(columns).height;
        let first = rows
            .first()
            .map_or(0.0, |r| self.layout_row(columns, r).height);
        self.heading(heading, header_height + first);
        self.draw_header(columns);
        for (i, cells) in rows.iter().enumerate() {
            let is_total = total && i + 1 == rows.len();
            let row = self.layout_row(columns, cells);
            if self.y + row.height > BOTTOM {
                self.new_page();
                self.draw_header(columns);
            }
            if is_total {
                self.rule(self.y, 0.8, INK);
            }
            self.draw_row(columns, row);
            if !is_total {
                self.rule(self.y, 0.4, RULE);
            }
        }
    }

    fn empty_section(&mut self, heading: &str, none: &str) {
        self.heading(heading, NOTE.line_height());
        self.paragraph(MARGIN_X, CONTENT_W, none, NOTE);
    }
}

/// Lays the report out on as many pages as it needs, footers included.
pub(crate) fn layout(report: &RecordReport, fonts: &Fonts) -> Vec<Page> {
    let labels = &report.labels;
    let person = &report.person;
    let mut flow = Flow {
        fonts,
        pages: vec![Page::default()],
        y: TOP,
        running: (
            // The name is isolated (FSI ... PDI) so an Arabic name does not
            // turn the whole line right to left.
            format!("\u{2068}{}\u{2069} · {}", person.display_name, labels.title),
            report.network_name.clone(),
        ),
    };

    title_block(&mut flow, report);
    courses(&mut flow, report);
    hours(&mut flow, report);
    roles(&mut flow, report);
    recognition(&mut flow, report);
    pathways(&mut flow, report);
    outcomes(&mut flow, report);
    expenses(&mut flow, report);
    footers(&mut flow, report);
    if crate::model::is_rtl_lang(&labels.lang) {
        mirror(&mut flow.pages);
    }
    flow.pages
}

/// Lays a right-to-left page out right to left: every box is reflected
/// across the page's vertical centre, so what starts at the left margin
/// starts at the right one, table columns run from the right, and numbers
/// aligned to a column's end line up on its left. The text inside each box
/// is already shaped in its own direction and is not reflected.
fn mirror(pages: &mut [Page]) {
    for op in pages.iter_mut().flat_map(|p| p.ops.iter_mut()) {
        match op {
            Op::Text { x, line, .. } => *x = PAGE_W - *x - line.width,
            Op::Rect { x, w, .. } => *x = PAGE_W - *x - *w,
        }
    }
}

fn title_block(flow: &mut Flow, report: &RecordReport) {
    let labels = &report.labels;
    let person = &report.person;
    let network = Style::new(Weight::Bold, 9.0, ACCENT);
    let title = Style::new(Weight::Bold, 20.0, INK);
    let name = Style::new(Weight::Bold, 16.0, INK);
    flow.paragraph(MARGIN_X, CONTENT_W, &report.network_name, network);
    flow.y += 2.0;
    flow.paragraph(MARGIN_X, CONTENT_W, &labels.title, title);
    flow.y += 8.0;
    flow.paragraph(MARGIN_X, CONTENT_W, &person.display_name, name);
    flow.y += 6.0;

    // The person's details side by side, a small label over each value.
    let details: Vec<(&str, &str)> = [
        (&labels.full_name, person.full_name.as_deref()),
        (&labels.pronouns, person.pronouns.as_deref()),
        (&labels.region, Some(person.region.as_str())),
        (&labels.member_since, Some(person.member_since.as_str())),
    ]
    .into_iter()
    .filter_map(|(label, value)| {
        value
            .filter(|v| !v.trim().is_empty())
            .map(|v| (label.as_str(), v))
    })
    .collect();
    if !details.is_empty() {
        let share = 1.0 / details.len() as f32;
        let columns: Vec<Column> = details
            .iter()
            .map(|_| Column {
                header: "",
                share,
                align: Align::Start,
            })
            .collect();
        let cells: Vec<Cell> = details
            .iter()
            .map(|(label, value)| vec![((*label).to_owned(), NOTE), ((*value).to_owned(), BODY)])
            .collect();
        let row = flow.layout_row(&columns, &cells);
        flow.ensure(row.height);
        draw_unpadded(flow, &columns, row);
    }
    flow.y += 4.0;
    flow.rule(flow.y, 1.2, ACCENT);
    flow.y += 2.0;
}

/// Draws a row with its text one cell padding further left than in a table,
/// so the details line up with the title above them.
fn draw_unpadded(flow: &mut Flow, columns: &[Column], row: RowLayout) {
    let start = flow.page().ops.len();
    flow.draw_row(columns, row);
    for op in &mut flow.page().ops[start..] {
        if let Op::Text { x, .. } = op {
            *x -= PAD_X;
        }
    }
}

fn courses(flow: &mut Flow, report: &RecordReport) {
    let labels = &report.labels;
    if report.courses.is_empty() {
        flow.empty_section(&labels.courses_heading, &labels.none_recorded);
        return;
    }
    let columns = [
        Column {
            header: &labels.course_column,
            share: 0.42,
            align: Align::Start,
        },
        Column {
            header: &labels.completed_column,
            share: 0.20,
            align: Align::Start,
        },
        Column {
            header: &labels.status_column,
            share: 0.29,
            align: Align::Start,
        },
        Column {
            header: &labels.duration_column,
            share: 0.09,
            align: Align::End,
        },
    ];
    let rows: Vec<Vec<Cell>> = report
        .courses
        .iter()
        .map(|course| {
            let mut title = vec![(course.title.clone(), BODY)];
            if course.co_designed {
                title.push((labels.co_designed.clone(), NOTE));
            }
            vec![
                title,
                vec![(course.completed.clone(), BODY)],
                vec![(course.status.clone(), BODY)],
                vec![(course.duration_hours.clone().unwrap_or_default(), BODY)],
            ]
        })
        .collect();
    flow.table(&labels.courses_heading, &columns, &rows, false);
}

fn hours(flow: &mut Flow, report: &RecordReport) {
    let labels = &report.labels;
    if report.hours_by_kind.is_empty() {
        flow.empty_section(&labels.hours_heading, &labels.none_recorded);
        return;
    }
    let columns = [
        Column {
            header: &labels.kind_column,
            share: 0.64,
            align: Align::Start,
        },
        Column {
            header: &labels.sessions_column,
            share: 0.18,
            align: Align::End,
        },
        Column {
            header: &labels.hours_column,
            share: 0.18,
            align: Align::End,
        },
    ];
    let mut rows: Vec<Vec<Cell>> = report
        .hours_by_kind
        .iter()
        .map(|line| {
            vec![
                vec![(line.kind.clone(), BODY)],
                vec![(line.sessions.to_string(), BODY)],
                vec![(line.hours.clone(), BODY)],
            ]
        })
        .collect();
    rows.push(vec![
        vec![(labels.total.clone(), TOTAL)],
        vec![(report.total_sessions().to_string(), TOTAL)],
        vec![(report.total_hours.clone(), TOTAL)],
    ]);
    flow.table(&labels.hours_heading, &columns, &rows, true);
}

fn roles(flow: &mut Flow, report: &RecordReport) {
    let labels = &report.labels;
    if report.roles.is_empty() {
        flow.empty_section(&labels.roles_heading, &labels.none_recorded);
        return;
    }
    let columns = [
        Column {
            header: &labels.role_column,
            share: 0.27,
            align: Align::Start,
        },
        Column {
            header: &labels.project_column,
            share: 0.31,
            align: Align::Start,
        },
        Column {
            header: &labels.period_column,
            share: 0.33,
            align: Align::Start,
        },
        Column {
            header: &labels.times_column,
            share: 0.09,
            align: Align::End,
        },
    ];
    let rows: Vec<Vec<Cell>> = report
        .roles
        .iter()
        .map(|role| {
            vec![
                vec![(role.role.clone(), BODY)],
                vec![(role.project.clone().unwrap_or_default(), BODY)],
                vec![(role.period(), BODY)],
                vec![(role.times.to_string(), BODY)],
            ]
        })
        .collect();
    flow.table(&labels.roles_heading, &columns, &rows, false);
}

fn recognition(flow: &mut Flow, report: &RecordReport) {
    let labels = &report.labels;
    if report.recognition.is_empty() {
        flow.empty_section(&labels.recognition_heading, &labels.none_recorded);
        return;
    }
    let indent = 12.0;
    flow.heading(&labels.recognition_heading, BODY.line_height());
    for item in &report.recognition {
        let lines = wrap(flow.fonts, BODY.weight, BODY.size, item, CONTENT_W - indent);
        flow.ensure(BODY.line_height() + 2.0);
        flow.y += 2.0;
        let y = flow.y;
        flow.text(MARGIN_X + 2.0, y, indent, "•", BODY, Align::Start);
        for line in lines {
            flow.ensure(BODY.line_height());
            let y = flow.y;
            flow.place(
                MARGIN_X + indent,
                y,
                CONTENT_W - indent,
                line,
                BODY,
                Align::Start,
            );
            flow.y += BODY.line_height();
        }
        flow.y += 1.0;
    }
}

fn pathways(flow: &mut Flow, report: &RecordReport) {
    let labels = &report.labels;
    if report.pathways.is_empty() {
        flow.empty_section(&labels.pathways_heading, &labels.none_recorded);
        return;
    }
    let columns = [
        Column {
            header: &labels.role_column,
            share: 0.6,
            align: Align::Start,
        },
        Column {
            header: &labels.period_column,
            share: 0.4,
            align: Align::Start,
        },
    ];
    let rows: Vec<Vec<Cell>> = report
        .pathways
        .iter()
        .map(|p| {
            let mut role = vec![(p.role.clone(), BODY)];
            if let Some(note) = p.note.as_ref().filter(|n| !n.trim().is_empty()) {
                role.push((note.clone(), NOTE));
            }
            vec![role, vec![(p.period.clone(), BODY)]]
        })
        .collect();
    flow.table(&labels.pathways_heading, &columns, &rows, false);
}

/// Expenses paid back, only on a record asked for with them (see
/// [`RecordReport::expenses`]): no heading at all when there are none.
fn expenses(flow: &mut Flow, report: &RecordReport) {
    let labels = &report.labels;
    if report.expenses.is_empty() {
        return;
    }
    let column = |header, share, align| Column {
        header,
        share,
        align,
    };
    let columns = [
        column(&labels.date_column, 0.18, Align::Start),
        column(&labels.expense_column, 0.2, Align::Start),
        column(&labels.amount_column, 0.12, Align::End),
        column(&labels.receipt_column, 0.28, Align::Start),
        column(&labels.status_column, 0.22, Align::Start),
    ];
    let rows: Vec<Vec<Cell>> = report
        .expenses
        .iter()
        .map(|e| {
            vec![
                vec![(e.date.clone(), BODY)],
                vec![(e.kind.clone(), BODY)],
                vec![(e.amount.clone(), BODY)],
                vec![(e.receipt.clone(), BODY)],
                vec![(e.status.clone(), BODY)],
            ]
        })
        .collect();
    flow.table(&labels.expenses_heading, &columns, &rows, false);
    flow.paragraph(MARGIN_X, CONTENT_W, &labels.expenses_intro, NOTE);
}

/// "You said, we did": each outcome as its project and date in bold, then
/// the text as typed, wrapped.
fn outcomes(flow: &mut Flow, report: &RecordReport) {
    let labels = &report.labels;
    if report.outcomes.is_empty() {
        flow.empty_section(&labels.outcomes_heading, &labels.none_recorded);
        return;
    }
    flow.heading(&labels.outcomes_heading, NOTE.line_height() * 2.0);
    flow.paragraph(MARGIN_X, CONTENT_W, &labels.outcomes_intro, NOTE);
    for o in &report.outcomes {
        flow.y += 3.0;
        flow.ensure(TOTAL.line_height() + BODY.line_height());
        let title = format!("{}, {}", o.project, o.date);
        flow.paragraph(MARGIN_X, CONTENT_W, &title, TOTAL);
        for line in o.text.lines().filter(|l| !l.trim().is_empty()) {
            flow.paragraph(MARGIN_X, CONTENT_W, line, BODY);
        }
    }
}

fn footers(flow: &mut Flow, report: &RecordReport) {
    let count = flow.pages.len();
    let footer = report.footer_line();
    let rule_y = PAGE_H - 46.0;
    let text_y = rule_y + 6.0;
    let fonts = flow.fonts;
    for (i, page) in flow.pages.iter_mut().enumerate() {
        let number = report
            .labels
            .page_of
            .replace("{page}", &(i + 1).to_string())
            .replace("{pages}", &count.to_string());
        page.ops.push(Op::Rect {
            x: MARGIN_X,
            y: rule_y,
            w: CONTENT_W,
            h: 0.5,
            color: RULE,
        });
        let right = fitted_line(fonts, NOTE.weight, NOTE.size, &number, CONTENT_W / 4.0);
        let left = fitted_line(
            fonts,
            NOTE.weight,
            NOTE.size,
            &footer,
            CONTENT_W - right.width - 12.0,
        );
        let baseline = text_y + NOTE.ascent();
        page.ops.push(Op::Text {
            x: MARGIN_X,
            baseline,
            line: left,
            color: NOTE.color,
        });
        page.ops.push(Op::Text {
            x: MARGIN_X + CONTENT_W - right.width,
            baseline,
            line: right,
            color: NOTE.color,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CourseLine, RoleLine};

    fn report(courses: usize, roles: usize) -> RecordReport {
        let mut report = RecordReport::default();
        report.person.display_name = "زهراء الموسوی".into();
        report.courses = (0..courses)
            .map(|i| CourseLine {
                title: format!(
                    "Course {i} with a title long enough to need wrapping onto a second line"
                ),
                completed: "3 March 2026".into(),
                status: "Valid until 1 March 2027".into(),
                co_designed: i % 2 == 0,
                duration_hours: Some("6".into()),
            })
            .collect();
        report.roles = (0..roles)
            .map(|i| RoleLine {
                role: format!("Role {i}"),
                from: "February 2025".into(),
                to: "November 2026".into(),
                ..RoleLine::default()
            })
            .collect();
        report
    }

    fn texts(page: &Page) -> impl Iterator<Item = (f32, f32, &Line)> {
        page.ops.iter().filter_map(|op| match op {
            Op::Text {
                x, baseline, line, ..
            } => Some((*x, *baseline, line)),
            Op::Rect { .. } => None,
        })
    }

    fn all_text(pages: &[Page]) -> String {
        pages
            .iter()
            .flat_map(texts)
            .map(|(_, _, line)| {
                line.pieces
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn expenses_are_printed_only_when_the_record_has_them() {
        let fonts = Fonts::load().unwrap();
        let mut report = report(1, 1);
        assert!(!all_text(&layout(&report, &fonts)).contains("Expenses paid back"));
        report.expenses = vec![crate::ExpenseLine {
            date: "2 March 2026".into(),
            kind: "Meal".into(),
            amount: "£6.50".into(),
            receipt: "Receipt: R7".into(),
            status: "Paid back".into(),
        }];
        let text = all_text(&layout(&report, &fonts));
        for expected in ["Expenses paid back", "£6.50", "Receipt: R7", "Paid back"] {
            assert!(text.contains(expected), "{expected} in {text}");
        }
    }

    #[test]
    fn very_long_names_stay_inside_the_margins() {
        let fonts = Fonts::load().unwrap();
        let mut report = report(40, 10);
        report.person.display_name = "زهراء الموسوی ".repeat(30);
        report.network_name = "Sanctuary Ambassadors ".repeat(30);
        report.generated_on = "22 November 2026 ".repeat(30);
        report.recognition = vec!["x".repeat(500), "ሰላም ".repeat(200)];
        report.pathways = vec![crate::PathwayLine {
            role: "Trustee".into(),
            period: "March 2025 – present".into(),
            note: Some("y".repeat(400)),
        }];
        report.outcomes = vec![crate::OutcomeLine {
            project: "p".repeat(300),
            date: "1 April 2026".into(),
            text: "مرحبا ".repeat(300),
        }];
        for page in layout(&report, &fonts) {
            for (x, _, line) in texts(&page) {
                assert!(x >= MARGIN_X - 0.01 && x + line.width <= PAGE_W - MARGIN_X + 0.01);
            }
        }
    }

    #[test]
    fn a_short_record_is_one_page() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(layout(&report(3, 3), &fonts).len(), 1);
    }

    /// Everything stays inside the margins, content above the footer, and
    /// every course appears once, in order, however many pages it takes.
    #[test]
    fn a_long_record_breaks_pages_inside_the_margins() {
        let fonts = Fonts::load().unwrap();
        let pages = layout(&report(40, 300), &fonts);
        assert!(pages.len() > 5, "{} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            for (x, baseline, line) in texts(page) {
                assert!(x >= MARGIN_X - 0.01 && x + line.width <= PAGE_W - MARGIN_X + 0.01);
                let footer = baseline > PAGE_H - 46.0;
                assert!(footer || baseline <= BOTTOM, "page {n}: text at {baseline}");
            }
            for op in &page.ops {
                if let Op::Rect { y, h, .. } = op {
                    assert!(*y + *h <= PAGE_H - 46.0 + 0.5 || *y >= PAGE_H - 46.0 - 0.5);
                }
            }
        }
        let text = all_text(&pages);
        let mut from = 0;
        for i in 0..40 {
            let title = format!("Course {i} with");
            let at = text[from..]
                .find(&title)
                .unwrap_or_else(|| panic!("{title}"));
            from += at + title.len();
            assert_eq!(text.matches(&format!("Course {i} with ")).count(), 1);
        }
        // The courses table runs over a page break and repeats its header.
        let headers = text.lines().filter(|l| *l == "Course").count();
        assert!(headers >= 2, "{headers}");
        // Every page after the first says whose record it is.
        for page in &pages[1..] {
            let first = texts(page).next().unwrap().2;
            assert!(
                first
                    .pieces
                    .iter()
                    .any(|p| p.text.contains("زهراء الموسوی"))
            );
        }
        assert!(text.contains(&format!("Page {0} of {0}", pages.len())));
    }

    /// A right-to-left record is the left-to-right one reflected: every box
    /// moves to the other side, and nothing leaves the margins.
    #[test]
    fn a_right_to_left_record_is_mirrored() {
        let fonts = Fonts::load().unwrap();
        let ltr = layout(&report(3, 3), &fonts);
        let mut arabic = report(3, 3);
        arabic.labels.lang = "fa".into();
        let rtl = layout(&arabic, &fonts);
        assert_eq!(ltr.len(), rtl.len());
        for (a, b) in ltr.iter().zip(&rtl) {
            for ((xa, ya, la), (xb, yb, lb)) in texts(a).zip(texts(b)) {
                assert_eq!(ya, yb);
                assert!((xb - (PAGE_W - xa - la.width)).abs() < 0.01);
                assert!(xb >= MARGIN_X - 0.01 && xb + lb.width <= PAGE_W - MARGIN_X + 0.01);
            }
        }
        // The name heading starts at the right margin.
        let (x, _, line) = texts(&rtl[0])
            .find(|(_, _, l)| l.pieces.iter().any(|p| p.text.contains("زهراء")))
            .unwrap();
        assert!((x + line.width - (PAGE_W - MARGIN_X)).abs() < 0.01);
    }
}
