//! Integration tests of the public API: whole records rendered as PDF and
//! HTML, checked from the outside (with poppler's tools where installed).

mod fixtures;
mod html;
mod pdf;
