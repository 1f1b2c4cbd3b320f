//! What the app shows before an import: the file's first rows and which
//! field each column will be read as, so the coordinator can correct the
//! guess before anything is checked or written.

use sanctuary_sheets::{Cell, Sheet};
use serde::Serialize;

use super::{ImportKind, Mapping, columns};

/// Data rows shown under the header; enough to recognise the columns.
pub const PREVIEW_ROWS: usize = 5;

/// A file's header, its first rows and the field each column is read as.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportPreview {
    pub kind: ImportKind,
    /// The header row as the file wrote it.
    pub header: Vec<String>,
    /// Up to [`PREVIEW_ROWS`] data rows as text, each as long as the header.
    pub rows: Vec<Vec<String>>,
    /// Data rows in the file (blank rows not counted).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total_rows: usize,
    /// Per column: the field it is read as, or `None` (ignored).
    pub mapping: Vec<Option<String>>,
    /// Every field this kind of import fills, in the order to offer them.
    pub fields: Vec<String>,
    /// Whether the mapping is one remembered from an earlier import of a
    /// file with this header row (rather than guessed from the names).
    pub remembered: bool,
    /// How the text was encoded (CSV only).
    pub encoding: Option<String>,
}

pub(crate) fn preview(
    sheet: &Sheet,
    kind: ImportKind,
    mapping: &Mapping,
    remembered: bool,
) -> ImportPreview {
    let header = sheet.header();
    let cols = columns(kind, &header, mapping);
    let data: Vec<&[Cell]> = sheet
        .data_rows()
        .map(|(_, cells)| cells)
        .filter(|cells| !cells.iter().all(Cell::is_blank))
        .collect();
    let rows = data
        .iter()
        .take(PREVIEW_ROWS)
        .map(|cells| {
            (0..header.len())
                .map(|i| cells.get(i).map(Cell::text).unwrap_or_default())
                .collect()
        })
        .collect();
    ImportPreview {
        kind,
        mapping: (0..header.len())
            .map(|i| {
                cols.iter()
                    .find(|(c, _)| *c == i)
                    .map(|(_, f)| f.to_string())
            })
            .collect(),
        header,
        rows,
        total_rows: data.len(),
        fields: kind.fields().iter().map(|(f, _)| f.to_string()).collect(),
        remembered,
        encoding: sheet.encoding.map(|e| e.name().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_shows_the_first_rows_and_the_guessed_fields() {
        let mut csv = String::from("First name,Surname,Shoe size,Region\r\n");
        for i in 0..8 {
            csv.push_str(&format!("P{i},S{i},{i}\r\n"));
        }
        csv.push_str(",,,\r\n");
        let sheet = sanctuary_sheets::read(csv.as_bytes()).expect("reads");
        let p = preview(&sheet, ImportKind::Ambassadors, &Mapping::default(), false);
        assert_eq!(p.total_rows, 8);
        assert_eq!(p.rows.len(), PREVIEW_ROWS);
        // Short rows are padded to the header's width.
        assert_eq!(p.rows[0], ["P0", "S0", "0", ""]);
        assert_eq!(
            p.mapping,
            [
                Some("first-name".to_string()),
                Some("surname".to_string()),
                None,
                Some("region".to_string())
            ]
        );
        assert!(p.fields.iter().any(|f| f == "payment"));

        let chosen = Mapping::checked(
            ImportKind::Ambassadors,
            [
                ("Shoe size".to_string(), "notes".to_string()),
                ("Region".to_string(), "ignore".to_string()),
            ]
            .into(),
        )
        .expect("valid");
        let p = preview(&sheet, ImportKind::Ambassadors, &chosen, true);
        assert_eq!(p.mapping[2].as_deref(), Some("notes"));
        assert_eq!(p.mapping[3], None);
        assert!(p.remembered);
    }
}
