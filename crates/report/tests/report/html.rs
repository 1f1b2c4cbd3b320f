use sanctuary_report::render_html;

use crate::fixtures::{ARABIC, TIGRINYA, VIETNAMESE, course_title, record};

#[test]
fn a_long_record_as_html_has_every_course_and_name() {
    for name in [ARABIC, TIGRINYA, VIETNAMESE] {
        let html = render_html(&record(name, 40, 300));
        assert!(html.contains(&format!(
            r#"<p class="name"><bdi dir="auto">{name}</bdi></p>"#
        )));
        for i in 0..40 {
            assert!(
                html.contains(&format!(">{}</bdi>", course_title(i))),
                "course {i}"
            );
        }
        // Header rows of four tables, 40 courses, 6 kinds and a total, 300
        // roles, one pathway role.
        assert_eq!(html.matches("<tr>").count(), 4 + 40 + 6 + 1 + 300 + 1);
    }
}

#[test]
fn script_in_a_name_is_escaped() {
    let html = render_html(&record("<script>alert(1)</script>", 1, 1));
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}
