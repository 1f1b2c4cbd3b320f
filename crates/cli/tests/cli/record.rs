//! `sanctuary record export`: a printable record with names in any script.

use crate::support::*;

#[test]
fn the_record_exports_as_pdf_and_html() {
    let cli = Cli::new();
    cli.ok(&[
        "course",
        "add",
        "--title",
        "Public speaking",
        "--co-designed",
        "--hours",
        "3",
    ]);
    cli.ok(&[
        "ambassador",
        "add",
        "--name",
        "زهراء",
        "--full-name",
        "زهراء الموسوی",
        "--region",
        "West Midlands",
    ]);
    cli.ok(&[
        "training",
        "record",
        "زهراء",
        "--course",
        "Public speaking",
        "--date",
        "2026-03-01",
    ]);
    cli.ok(&[
        "contribution",
        "log",
        "زهراء",
        "--date",
        "2026-04-02",
        "--role",
        "speaker",
        "--hours",
        "2",
        "--stream",
        "schools",
    ]);
    cli.ok(&[
        "recognition",
        "log",
        "زهراء",
        "--kind",
        "certificate",
        "--date",
        "2026-04-02",
    ]);
    cli.ok(&[
        "recognition",
        "log",
        "زهراء",
        "--kind",
        "travel-expenses",
        "--amount",
        "7.20",
        "--date",
        "2026-04-02",
        "--no-receipt",
        "day ticket bought on the bus",
    ]);

    let dir = tempfile::tempdir().unwrap();
    let (pdf, html) = (
        dir.path().join("record.pdf"),
        dir.path().join("record.html"),
    );
    cli.ok(&[
        "record",
        "export",
        "زهراء",
        "--pdf",
        pdf.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);

    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    let page = std::fs::read_to_string(&html).unwrap();
    for expected in ["زهراء الموسوی", "Public speaking", "Schools", "Certificate"] {
        assert!(page.contains(expected), "{expected} in the HTML");
    }
    assert!(
        !page.contains("7.20") && !page.contains("Travel expenses"),
        "money stays out of a CV record"
    );

    // With poppler installed (scripts/setup.sh installs it), check the PDF's text too.
    match std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
    {
        Ok(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("Public speaking"), "{text}");
            assert!(
                text.contains("زهراء"),
                "the Arabic name is extractable: {text}"
            );
        }
        _ => eprintln!("pdftotext not installed: PDF text not checked"),
    }

    // Asked for with its expenses, the record lists each cost paid back
    // with its receipt (or why there is none), amount and status.
    let (pdf, html) = (
        dir.path().join("expenses.pdf"),
        dir.path().join("expenses.html"),
    );
    cli.ok(&[
        "record",
        "export",
        "زهراء",
        "--expenses",
        "--pdf",
        pdf.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);
    let page = std::fs::read_to_string(&html).unwrap();
    for expected in [
        "Expenses paid back",
        "Travel expenses",
        "£7.20",
        "No receipt: day ticket bought on the bus",
        "Claimed",
        "A reimbursement, not payment.",
    ] {
        assert!(page.contains(expected), "{expected} in the HTML");
    }
    assert!(
        !page.contains("Certificate</bdi></td>"),
        "only expenses are in the expenses table"
    );
    if let Ok(out) = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        && out.status.success()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        for expected in [
            "Expenses paid back",
            "£7.20",
            "day ticket", // the reason may wrap in its narrow column
        ] {
            assert!(text.contains(expected), "{expected} in the PDF: {text}");
        }
    }

    let out = cli.run(&["record", "export", "nobody", "--pdf", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

/// A record exported in Farsi is laid out right to left and holds Persian
/// words: its headings, kind of work, recognition and dates in Farsi, while
/// what people typed (the course title) stays as typed. An unknown language
/// is refused and writes nothing.
#[test]
fn a_record_exported_in_farsi_is_right_to_left_and_persian() {
    let cli = Cli::new();
    cli.ok(&["course", "add", "--title", "Public speaking"]);
    cli.ok(&["ambassador", "add", "--name", "زهره", "--region", "Leeds"]);
    cli.ok(&[
        "training",
        "record",
        "زهره",
        "--course",
        "Public speaking",
        "--date",
        "2026-03-01",
    ]);
    cli.ok(&[
        "contribution",
        "log",
        "زهره",
        "--date",
        "2026-04-02",
        "--role",
        "speaker",
        "--hours",
        "2",
        "--stream",
        "schools",
    ]);
    cli.ok(&[
        "recognition",
        "log",
        "زهره",
        "--kind",
        "certificate",
        "--date",
        "2026-04-02",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let (pdf, html) = (dir.path().join("fa.pdf"), dir.path().join("fa.html"));
    cli.ok(&[
        "record",
        "export",
        "زهره",
        "--lang",
        "fa",
        "--pdf",
        pdf.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);

    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains(r#"<html lang="fa" dir="rtl">"#), "{page}");
    for persian in ["سابقهٔ آموزش و مشارکت", "مدرسه‌ها", "گواهی", "1 مارس 2026"]
    {
        assert!(page.contains(persian), "{persian} in the HTML");
    }
    assert!(page.contains("Public speaking"), "free text stays as typed");
    assert!(!page.contains("Courses completed"), "no English headings");

    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, installed by scripts/setup.sh)");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for persian in ["دوره‌های گذرانده", "مدرسه‌ها", "گواهی"] {
        assert!(text.contains(persian), "{persian} in the PDF: {text}");
    }
    // Laid out right to left: the heading's words end at the right margin,
    // so pdftotext's layout mode pads them in from the left.
    let layout = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let laid_out = String::from_utf8_lossy(&layout.stdout);
    let heading = laid_out
        .lines()
        .find(|l| l.contains("دوره") && l.contains("گذرانده"))
        .unwrap_or_else(|| panic!("no heading line: {laid_out}"));
    let indent = heading.len() - heading.trim_start().len();
    assert!(indent > 20, "the heading starts on the right: {heading:?}");

    let before = std::fs::read(&pdf).unwrap();
    let out = cli.run(&[
        "record",
        "export",
        "زهره",
        "--lang",
        "xx",
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("use one of: en, ar, fa, fr, ti, uk"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), before, "nothing written");
}
