//! An ambassador's training and contribution record as a printable A4 PDF
//! and as a standalone HTML page, for a CV or as the basis of a reference.
//!
//! The caller (sanctuary-core) fills a [`RecordReport`] with strings it has
//! already formatted and translated; this crate only lays them out. It knows
//! nothing of the domain and depends on no other crate of the workspace.
//!
//! Names come in any script. The PDF bundles Noto Sans, Noto Naskh Arabic
//! and Noto Sans Ethiopic (OFL, `fonts/OFL.txt`), reorders mixed
//! left-to-right and right-to-left text itself, picks a font per script and
//! shapes with rustybuzz, because krilla, the PDF writer, draws one run in
//! one font and does neither. Fonts are embedded as subsets with a Unicode
//! map, so copying or `pdftotext` gives the text back. Everything works
//! offline: nothing is looked up on the machine or fetched.
//!
//! The HTML page has its CSS inline and loads nothing; every piece of data is
//! escaped and isolated with `dir="auto"`, so an Arabic name reads right to
//! left inside an English page.

mod html;
mod model;
mod pdf;

pub use html::{escape_html, render_html};
pub use model::{
    CourseLine, ExpenseLine, HoursLine, Labels, OutcomeLine, PathwayLine, PersonLine, RecordReport,
    RoleLine,
};
pub use pdf::render_pdf;

/// Why a PDF could not be made. None of these depends on the report's
/// content: each means the build or a dependency is broken.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A bundled font did not parse; the crate was built with a damaged font.
    #[error("the bundled font {0} could not be read; rebuild the app")]
    Font(&'static str),
    /// The page could not be set up.
    #[error("the PDF page could not be laid out: {0}")]
    Layout(&'static str),
    /// The PDF writer failed.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}
