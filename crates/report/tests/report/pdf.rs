use std::path::Path;
use std::process::Command;

use sanctuary_report::{RecordReport, render_pdf};

use crate::fixtures::{ARABIC, TIGRINYA, VIETNAMESE, course_title, record};

/// Runs a poppler tool on `pdf` (writing to standard output), or returns
/// `None` (after saying so) when the tool is not installed, so the test
/// passes on a machine without poppler-utils but says what it did not check.
fn poppler(tool: &str, pdf: &Path) -> Option<String> {
    let mut command = Command::new(tool);
    if tool == "pdftotext" {
        command.args(["-enc", "UTF-8"]).arg(pdf).arg("-");
    } else {
        command.arg(pdf);
    }
    match command.output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8(out.stdout).expect("UTF-8 from poppler"))
        }
        Err(_) => {
            println!("note: `{tool}` not found (Debian poppler-utils); skipping that check");
            None
        }
    }
}

/// The text without the bidi embedding marks pdftotext puts around Arabic.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'))
        .collect()
}

#[test]
fn long_records_in_three_scripts_give_their_text_back() {
    let dir = tempfile::tempdir().unwrap();
    for (i, name) in [ARABIC, TIGRINYA, VIETNAMESE].into_iter().enumerate() {
        let pdf = render_pdf(&record(name, 40, 300)).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let path = dir.path().join(format!("record-{i}.pdf"));
        std::fs::write(&path, &pdf).unwrap();

        let Some(text) = poppler("pdftotext", &path).map(|t| plain(&t)) else {
            return;
        };
        assert!(text.contains(name), "{name} not in the text:\n{text}");
        for c in 0..40 {
            let title = course_title(c);
            assert!(
                text.contains(&title),
                "{title} not in the text of {name}'s record"
            );
        }
        assert!(text.contains("Thank-you card from"), "recognition missing");
        assert!(text.contains(TIGRINYA) && text.contains(VIETNAMESE));
        // 40 courses and 300 roles do not fit on a page or two.
        let pages = text.matches("Page ").count();
        assert!(pages >= 5, "{pages} pages");
        assert!(text.contains(&format!("Page {pages} of {pages}")));
    }
}

#[test]
fn fonts_are_embedded_and_subset_with_a_unicode_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.pdf");
    std::fs::write(&path, render_pdf(&record(ARABIC, 40, 10)).unwrap()).unwrap();
    let Some(fonts) = poppler("pdffonts", &path) else {
        return;
    };
    // name type encoding emb sub uni object ID
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    let names: String = rows
        .iter()
        .map(|r| r.split_whitespace().next().unwrap_or(""))
        .collect();
    for font in [
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoNaskhArabic",
        "NotoSansEthiopic",
    ] {
        assert!(names.contains(font), "{font} not used:\n{fonts}");
    }
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
    }
}

#[test]
fn the_same_record_gives_the_same_bytes() {
    let a = render_pdf(&record(VIETNAMESE, 5, 5)).unwrap();
    let b = render_pdf(&record(VIETNAMESE, 5, 5)).unwrap();
    assert_eq!(a, b);
}

#[test]
fn an_empty_record_is_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.pdf");
    std::fs::write(&path, render_pdf(&RecordReport::default()).unwrap()).unwrap();
    if let Some(text) = poppler("pdftotext", &path) {
        assert!(text.contains("Page 1 of 1"));
        // Courses, hours, roles, recognition, pathway and outcomes.
        assert_eq!(text.matches("None recorded.").count(), 6);
    }
}
