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

    let out = cli.run(&["record", "export", "nobody", "--pdf", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}
