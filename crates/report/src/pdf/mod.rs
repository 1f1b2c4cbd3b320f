//! The PDF: layout into pages of drawing operations, then krilla draws them
//! with the bundled fonts embedded and subset.

mod fonts;
mod layout;
mod text;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;

use crate::{RecordReport, ReportError};
use fonts::Fonts;
use layout::{Op, PAGE_H, PAGE_W, Rgb};

/// Renders the record as an A4 PDF.
pub fn render_pdf(report: &RecordReport) -> Result<Vec<u8>, ReportError> {
    let fonts = Fonts::load()?;
    let pages = layout::layout(report, &fonts);
    let pdf_fonts = fonts.pdf_fonts()?;

    let mut document = Document::new();
    let title = format!("{} – {}", report.labels.title, report.person.display_name);
    document.set_metadata(
        Metadata::new()
            .title(title)
            .language(report.labels.lang.clone())
            .creator("Sanctuary Ambassadors".to_owned()),
    );
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(ReportError::Layout("page size"))?;
    for page in &pages {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for op in &page.ops {
            match op {
                Op::Rect { x, y, w, h, color } => {
                    let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                        continue;
                    };
                    let mut path = PathBuilder::new();
                    path.push_rect(rect);
                    let Some(path) = path.finish() else {
                        continue;
                    };
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_path(&path);
                }
                Op::Text {
                    x,
                    baseline,
                    line,
                    color,
                } => {
                    surface.set_fill(Some(fill(*color)));
                    for piece in &line.pieces {
                        surface.draw_glyphs(
                            Point::from_xy(x + piece.x, *baseline),
                            &piece.glyphs,
                            pdf_fonts[piece.font.pdf_index()].clone(),
                            &piece.text,
                            piece.size,
                            false,
                        );
                    }
                }
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|e| ReportError::Pdf(e.to_string()))
}

fn fill(Rgb(r, g, b): Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}
