//! Turning a string into positioned glyphs: bidi reordering, a font per
//! script, shaping, and greedy line wrapping.
//!
//! krilla draws one run of glyphs in one font and does neither bidi nor
//! fallback, so each line is split into visual bidi runs (`unicode-bidi`),
//! each run into pieces by font ([`font_runs`]), and each piece is shaped
//! with rustybuzz. Right-to-left pieces are laid out from the end of the run
//! so Arabic reads right to left; every glyph keeps the byte range of the
//! text it came from so the PDF's Unicode map gives text back in logical
//! order.

use std::ops::Range;

use krilla::text::{GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::BidiInfo;
use unicode_segmentation::UnicodeSegmentation;

use super::fonts::{FontId, Fonts, Weight, font_runs};

/// A shaped stretch of one line in one font and one direction.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub font: FontId,
    /// The font size in points, scale included.
    pub size: f32,
    /// The offset from the line's start, in points.
    pub x: f32,
    pub glyphs: Vec<KrillaGlyph>,
    /// The text the glyphs' ranges refer to.
    pub text: String,
}

/// One line of text, shaped and in visual order, left to right.
#[derive(Debug, Clone, Default)]
pub(crate) struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

impl Line {
    /// The pieces' text in visual order, for tests.
    #[cfg(test)]
    pub(crate) fn visual_text(&self) -> Vec<&str> {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// Shapes `text` in one font and direction. Returns glyphs with advances in
/// ems (krilla scales them by the font size) and the total advance in ems.
fn shape(fonts: &Fonts, font: FontId, text: &str, rtl: bool) -> (Vec<KrillaGlyph>, f32) {
    let face = fonts.face(font);
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let direction = if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    };
    buffer.set_direction(direction);
    let plan = fonts.plan(font, direction, buffer.script());
    let output = rustybuzz::shape_with_plan(face, &plan, buffer);
    let em = face.units_per_em() as f32;
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();

    let mut glyphs = Vec::with_capacity(infos.len());
    let mut advance = 0.0;
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let start = info.cluster as usize;
        // A cluster ends where the next cluster in logical order starts:
        // the next glyph's for left-to-right, the previous glyph's for
        // right-to-left, whose glyphs come out in visual order.
        let next = |c: &rustybuzz::GlyphInfo| (c.cluster as usize != start).then_some(c.cluster);
        let end = if rtl {
            infos[..i].iter().rev().find_map(next)
        } else {
            infos[i + 1..].iter().find_map(next)
        }
        .map_or(text.len(), |c| c as usize);
        glyphs.push(KrillaGlyph::new(
            GlyphId::new(info.glyph_id),
            pos.x_advance as f32 / em,
            pos.x_offset as f32 / em,
            pos.y_offset as f32 / em,
            pos.y_advance as f32 / em,
            start..end,
            None,
        ));
        advance += pos.x_advance as f32 / em;
    }
    (glyphs, advance)
}

/// Lays out `range` of a one-paragraph `text` as one line.
fn layout_range(
    fonts: &Fonts,
    weight: Weight,
    size: f32,
    text: &str,
    bidi: &BidiInfo,
    range: Range<usize>,
) -> Line {
    let Some(paragraph) = bidi.paragraphs.first() else {
        return Line::default();
    };
    if range.is_empty() {
        return Line::default();
    }
    let (levels, runs) = bidi.visual_runs(paragraph, range);
    let mut line = Line::default();
    for run in runs {
        let rtl = levels[run.start].is_rtl();
        let mut pieces = font_runs(fonts, weight, &text[run.clone()]);
        if rtl {
            pieces.reverse();
        }
        for (piece, font) in pieces {
            let piece_text = &text[run.start + piece.start..run.start + piece.end];
            let size = size * font.scale();
            let (glyphs, advance) = shape(fonts, font, piece_text, rtl);
            line.pieces.push(Piece {
                font,
                size,
                x: line.width,
                glyphs,
                text: piece_text.to_owned(),
            });
            line.width += advance * size;
        }
    }
    line
}

/// Replaces anything that would start a new bidi paragraph or is a control
/// character with a space, so a cell's text is one paragraph.
fn one_paragraph(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Lays out `text` as a single line, however long.
pub(crate) fn line(fonts: &Fonts, weight: Weight, size: f32, text: &str) -> Line {
    let text = one_paragraph(text);
    let bidi = BidiInfo::new(&text, None);
    let trimmed = trim_range(&text, 0..text.len());
    layout_range(fonts, weight, size, &text, &bidi, trimmed)
}

/// Lays out `text` as a single line no wider than `max_width`, cutting it
/// short with an ellipsis when it is wider.
pub(crate) fn fitted_line(
    fonts: &Fonts,
    weight: Weight,
    size: f32,
    text: &str,
    max_width: f32,
) -> Line {
    let whole = line(fonts, weight, size, text);
    if whole.width <= max_width {
        return whole;
    }
    let text = one_paragraph(text);
    let ends: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    // The longest prefix that fits with the ellipsis, by bisection.
    let cut = |n: usize| {
        line(
            fonts,
            weight,
            size,
            &format!("{}…", text[..ends[n]].trim_end()),
        )
    };
    let (mut lo, mut hi) = (0, ends.len() - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if cut(mid).width <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    cut(lo)
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// Wraps `text` into lines no wider than `max_width` points, breaking at
/// spaces, and inside a word (between grapheme clusters) only when the word
/// alone is too wide. Empty text gives no lines.
pub(crate) fn wrap(
    fonts: &Fonts,
    weight: Weight,
    size: f32,
    text: &str,
    max_width: f32,
) -> Vec<Line> {
    let text = one_paragraph(text);
    let bidi = BidiInfo::new(&text, None);
    // Most cells hold a few words that fit: one layout and done.
    let whole = layout_range(
        fonts,
        weight,
        size,
        &text,
        &bidi,
        trim_range(&text, 0..text.len()),
    );
    if whole.width <= max_width {
        return if whole.pieces.is_empty() {
            Vec::new()
        } else {
            vec![whole]
        };
    }
    let width = |range: Range<usize>| layout_range(fonts, weight, size, &text, &bidi, range).width;
    let space = layout_range(fonts, weight, size, " ", &BidiInfo::new(" ", None), 0..1).width;

    let mut lines: Vec<Range<usize>> = Vec::new();
    // The line being filled and its width.
    let mut current: Option<(Range<usize>, f32)> = None;
    for word in words(&text) {
        let word_width = width(word.clone());
        match current.take() {
            Some((range, w)) if w + space + word_width <= max_width => {
                current = Some((range.start..word.end, w + space + word_width));
                continue;
            }
            Some((range, _)) => lines.push(range),
            None => {}
        }
        if word_width <= max_width {
            current = Some((word, word_width));
            continue;
        }
        // A word wider than the column: break it between clusters.
        let mut start = word.start;
        let mut last_fit = None;
        for (offset, cluster) in text[word.clone()].grapheme_indices(true) {
            let end = word.start + offset + cluster.len();
            if width(start..end) > max_width
                && let Some(fit) = last_fit.filter(|&fit| fit > start)
            {
                lines.push(start..fit);
                start = fit;
            }
            last_fit = Some(end);
        }
        current = Some((start..word.end, width(start..word.end)));
    }
    lines.extend(current.map(|(range, _)| range));
    lines
        .into_iter()
        .map(|range| layout_range(fonts, weight, size, &text, &bidi, range))
        .collect()
}

/// The byte ranges of the space-separated words of `text`.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split(' ')
        .scan(0, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some(start..start + word.len())
        })
        .filter(|range| !range.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().unwrap()
    }

    #[test]
    fn arabic_is_one_right_to_left_piece_in_naskh() {
        let fonts = fonts();
        let line = line(&fonts, Weight::Regular, 10.0, "زهراء الموسوی");
        assert_eq!(line.visual_text(), ["زهراء الموسوی"]);
        let piece = &line.pieces[0];
        assert_eq!(piece.font, FontId::Naskh);
        // Right to left: the first glyph drawn (leftmost) is the last letter.
        let first = &piece.glyphs[0];
        assert_eq!(&piece.text[first.text_range.clone()], "ی");
        let last = piece.glyphs.last().unwrap();
        assert_eq!(&piece.text[last.text_range.clone()], "ز");
        // Joined: a medial letter is not its isolated form.
        let face = fonts.face(FontId::Naskh);
        let isolated_h = face.glyph_index('ه').unwrap().0;
        let h = piece
            .glyphs
            .iter()
            .find(|g| &piece.text[g.text_range.clone()] == "ه")
            .unwrap();
        assert_ne!(u32::from(isolated_h), h.glyph_id.to_u32());
    }

    #[test]
    fn mixed_line_puts_the_arabic_run_in_visual_order() {
        let fonts = fonts();
        let ltr = line(&fonts, Weight::Regular, 10.0, "Zahra زهراء الموسوی, Leeds");
        assert_eq!(ltr.visual_text(), ["Zahra ", "زهراء الموسوی", ", Leeds"]);
        let rtl = line(&fonts, Weight::Regular, 10.0, "زهراء (Leeds)");
        // An Arabic paragraph: the Latin run sits visually left of the Arabic,
        // the closing bracket, logically last, is leftmost, and Naskh has no
        // brackets so they fall back to Noto Sans.
        assert_eq!(rtl.visual_text(), [")", "Leeds", "(", "زهراء "]);
        assert_eq!(rtl.pieces[2].font, FontId::Sans);
    }

    #[test]
    fn ethiopic_has_no_missing_glyphs() {
        let fonts = fonts();
        for text in ["ሰላም ተኽለሃይማኖት", "Nguyễn Thị Hoà", "زهراء الموسوی"]
        {
            let line = line(&fonts, Weight::Regular, 10.0, text);
            for piece in &line.pieces {
                assert!(
                    piece.glyphs.iter().all(|g| g.glyph_id.to_u32() != 0),
                    "missing glyph in {text:?}"
                );
            }
        }
    }

    #[test]
    fn width_grows_with_size_and_text() {
        let fonts = fonts();
        let a = line(&fonts, Weight::Regular, 10.0, "Safeguarding").width;
        let b = line(&fonts, Weight::Regular, 20.0, "Safeguarding").width;
        let c = line(&fonts, Weight::Regular, 10.0, "Safeguarding basics").width;
        assert!(a > 40.0 && a < 80.0, "{a}");
        assert!((b - 2.0 * a).abs() < 0.01);
        assert!(c > a);
    }

    #[test]
    fn wrapping_keeps_within_width_and_loses_no_word() {
        let fonts = fonts();
        let text = "Award assessor training for the national youth awards, part two";
        for max in [60.0, 120.0, 400.0] {
            let lines = wrap(&fonts, Weight::Regular, 10.0, text, max);
            assert!(lines.iter().all(|l| l.width <= max + 0.01), "{max}");
            let joined: Vec<String> = lines.iter().map(|l| l.visual_text().concat()).collect();
            assert_eq!(joined.join(" "), text);
        }
        let long = "x".repeat(200);
        let lines = wrap(&fonts, Weight::Regular, 10.0, &long, 100.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        assert!(wrap(&fonts, Weight::Regular, 10.0, "  \n ", 100.0).is_empty());
        // Narrower than one letter: one letter a line, no empty lines.
        let lines = wrap(&fonts, Weight::Regular, 10.0, "abc", 1.0);
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn a_fitted_line_is_cut_with_an_ellipsis() {
        let fonts = fonts();
        let short = fitted_line(&fonts, Weight::Regular, 10.0, "Leeds", 100.0);
        assert_eq!(short.visual_text(), ["Leeds"]);
        let long = "زهراء الموسوی ".repeat(20);
        let cut = fitted_line(&fonts, Weight::Regular, 10.0, &long, 100.0);
        assert!(cut.width <= 100.0 && cut.width > 80.0, "{}", cut.width);
        assert!(cut.visual_text().concat().contains('…'));
    }
}
