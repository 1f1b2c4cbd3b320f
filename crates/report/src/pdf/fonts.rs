//! The bundled fonts and the choice of font for each piece of text.
//!
//! Fonts are compiled in, never looked up on the machine, so a record looks
//! the same on every laptop and works offline. Noto Sans covers Latin
//! (Vietnamese marks included), Noto Naskh Arabic covers Arabic, Persian and
//! Urdu letters, Noto Sans Ethiopic covers Tigrinya and Amharic. The licence
//! is `fonts/OFL.txt`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::ReportError;

static SANS: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
static SANS_BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");
static NASKH: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
static ETHIOPIC: &[u8] = include_bytes!("../../fonts/NotoSansEthiopic-Regular.ttf");

/// One of the bundled fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FontId {
    Sans,
    SansBold,
    Naskh,
    Ethiopic,
}

impl FontId {
    const ALL: [FontId; 4] = [
        FontId::Sans,
        FontId::SansBold,
        FontId::Naskh,
        FontId::Ethiopic,
    ];

    fn data(self) -> &'static [u8] {
        match self {
            FontId::Sans => SANS,
            FontId::SansBold => SANS_BOLD,
            FontId::Naskh => NASKH,
            FontId::Ethiopic => ETHIOPIC,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn name(self) -> &'static str {
        match self {
            FontId::Sans => "Noto Sans",
            FontId::SansBold => "Noto Sans Bold",
            FontId::Naskh => "Noto Naskh Arabic",
            FontId::Ethiopic => "Noto Sans Ethiopic",
        }
    }

    /// Position in the list [`Fonts::pdf_fonts`] returns.
    pub(crate) fn pdf_index(self) -> usize {
        self.index()
    }

    /// How much to enlarge this font so its letters look as big as Noto
    /// Sans's at the same nominal size: Naskh draws small.
    pub(crate) fn scale(self) -> f32 {
        match self {
            FontId::Naskh => 1.15,
            _ => 1.0,
        }
    }
}

/// Regular or bold. Only Latin has a bold face here: Arabic and Ethiopic
/// names in a bold heading use their regular face, which keeps the bundle
/// small and still reads as a heading by size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

impl Weight {
    /// The fonts to try, in order, for a letter.
    pub(crate) fn order(self) -> [FontId; 3] {
        match self {
            Weight::Regular => [FontId::Sans, FontId::Naskh, FontId::Ethiopic],
            Weight::Bold => [FontId::SansBold, FontId::Naskh, FontId::Ethiopic],
        }
    }
}

/// The parsed fonts, with the shaping plans made so far.
pub(crate) struct Fonts {
    faces: Vec<rustybuzz::Face<'static>>,
    /// Making a plan collects a font's lookups for a script and direction;
    /// doing it once per render instead of once per string is most of the
    /// difference between milliseconds and seconds for a long record.
    plans: RefCell<HashMap<PlanKey, Rc<rustybuzz::ShapePlan>>>,
}

type PlanKey = (FontId, bool, rustybuzz::Script);

impl Fonts {
    pub(crate) fn load() -> Result<Fonts, ReportError> {
        let faces = FontId::ALL
            .iter()
            .map(|&id| {
                rustybuzz::Face::from_slice(id.data(), 0).ok_or(ReportError::Font(id.name()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Fonts {
            faces,
            plans: RefCell::default(),
        })
    }

    /// The shaping plan for a font, direction and script, made on first use.
    pub(crate) fn plan(
        &self,
        id: FontId,
        direction: rustybuzz::Direction,
        script: rustybuzz::Script,
    ) -> Rc<rustybuzz::ShapePlan> {
        let key = (id, direction == rustybuzz::Direction::RightToLeft, script);
        let mut plans = self.plans.borrow_mut();
        plans
            .entry(key)
            .or_insert_with(|| {
                Rc::new(rustybuzz::ShapePlan::new(
                    self.face(id),
                    direction,
                    Some(script),
                    None,
                    &[],
                ))
            })
            .clone()
    }

    pub(crate) fn face(&self, id: FontId) -> &rustybuzz::Face<'static> {
        &self.faces[id.index()]
    }

    /// Whether the font has a glyph for `c`. Default-ignorable characters
    /// (joiners, variation selectors, bidi marks) count as present: the
    /// shaper hides them whatever the font.
    pub(crate) fn has(&self, id: FontId, c: char) -> bool {
        is_default_ignorable(c) || self.face(id).glyph_index(c).is_some()
    }

    /// The fonts as krilla fonts, for drawing.
    pub(crate) fn pdf_fonts(&self) -> Result<Vec<krilla::text::Font>, ReportError> {
        FontId::ALL
            .iter()
            .map(|&id| {
                krilla::text::Font::new(id.data().into(), 0).ok_or(ReportError::Font(id.name()))
            })
            .collect()
    }
}

fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Picks a font for each grapheme cluster of `text` and returns the
/// stretches that share one, as byte ranges of `text`.
///
/// A letter takes the first font in the weight's order that has every
/// character of its cluster, so Latin stays in Noto Sans even next to Arabic.
/// Anything else (spaces, digits, punctuation) stays in the current font if
/// that font has it, so an Arabic name keeps its spaces in Naskh and is
/// shaped as one piece, and otherwise moves to the first font that has it
/// (Noto Sans Ethiopic has no comma, for example).
pub(crate) fn font_runs(
    fonts: &Fonts,
    weight: Weight,
    text: &str,
) -> Vec<(std::ops::Range<usize>, FontId)> {
    use unicode_segmentation::UnicodeSegmentation;

    let order = weight.order();
    let mut runs: Vec<(std::ops::Range<usize>, FontId)> = Vec::new();
    let mut current: Option<FontId> = None;
    for (start, cluster) in text.grapheme_indices(true) {
        let has_all = |id: FontId| cluster.chars().all(|c| fonts.has(id, c));
        let letter = cluster.chars().next().is_some_and(char::is_alphabetic);
        let font = match current {
            Some(id) if !letter && has_all(id) => id,
            _ => order
                .iter()
                .copied()
                .find(|&id| has_all(id))
                .unwrap_or(order[0]),
        };
        let end = start + cluster.len();
        match runs.last_mut() {
            Some((range, id)) if *id == font => range.end = end,
            _ => runs.push((start..end, font)),
        }
        current = Some(font);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts how `text` is split between fonts.
    fn check(weight: Weight, text: &str, expect: &[(&str, FontId)]) {
        let fonts = Fonts::load().unwrap();
        let got: Vec<(&str, FontId)> = font_runs(&fonts, weight, text)
            .into_iter()
            .map(|(range, id)| (&text[range], id))
            .collect();
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn every_bundled_font_parses() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(fonts.pdf_fonts().unwrap().len(), 4);
    }

    #[test]
    fn each_script_gets_its_font() {
        use FontId::*;
        use Weight::*;
        check(Regular, "Nguyễn Thị Hoà", &[("Nguyễn Thị Hoà", Sans)]);
        check(Bold, "Nguyễn Thị Hoà", &[("Nguyễn Thị Hoà", SansBold)]);
        check(Regular, "زهراء الموسوی", &[("زهراء الموسوی", Naskh)]);
        check(Bold, "زهراء الموسوی", &[("زهراء الموسوی", Naskh)]);
        check(Regular, "ሰላም ተኽለሃይማኖት", &[("ሰላም ተኽለሃይማኖት", Ethiopic)]);
        // Naskh has neither brackets nor Latin digits.
        check(
            Regular,
            "Zahra (زهراء) 2026",
            &[("Zahra (", Sans), ("زهراء", Naskh), (") 2026", Sans)],
        );
        // Noto Sans Ethiopic has no comma.
        check(
            Regular,
            "ሰላም, Asmara",
            &[("ሰላም", Ethiopic), (", Asmara", Sans)],
        );
        check(Regular, "", &[]);
    }
}
