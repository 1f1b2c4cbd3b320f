//! CSV as people's tools write it: the encoding is detected (byte-order
//! marks, UTF-16 without one, UTF-8, else Windows-1252 as Excel on Windows
//! writes), the separator sniffed from the header line, and quoted fields
//! may hold separators, quotes and newlines.

use crate::{Cell, Sheet, SheetError};

/// The text encodings recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Reads CSV bytes into a sheet of text cells (blank cells are `Empty`).
pub fn read_csv(bytes: &[u8]) -> Result<Sheet, SheetError> {
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err(SheetError::Empty);
    }
    let separator = sniff_separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| SheetError::Csv {
            row: i + 1,
            detail: e.to_string(),
        })?;
        let row: Vec<Cell> = record
            .iter()
            .map(|field| {
                // A `'` before a formula character is how this program (and
                // careful others) defuse formulas in CSV; it is not data.
                let field = crate::undo_defuse(field).unwrap_or(field);
                if field.trim().is_empty() {
                    Cell::Empty
                } else if field.contains('\r') {
                    // A newline inside a quoted field is one line break,
                    // however the program that wrote it ends its lines.
                    Cell::Text(field.replace("\r\n", "\n").replace('\r', "\n"))
                } else {
                    Cell::Text(field.to_string())
                }
            })
            .collect();
        rows.push(row);
    }
    // Spreadsheet programs often save trailing rows of bare separators.
    while rows.last().is_some_and(|r| r.iter().all(Cell::is_blank)) {
        rows.pop();
    }
    Ok(Sheet {
        rows,
        encoding: Some(encoding),
        separator: Some(separator),
    })
}

/// Decodes text, detecting the encoding. Windows-1252 is the fallback
/// because every byte sequence is valid in it, and it is what Excel on a
/// British Windows laptop writes for "CSV (Comma delimited)".
pub(crate) fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let kind = if enc == encoding_rs::UTF_8 {
            Encoding::Utf8Bom
        } else if enc == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), kind);
    }
    if let Some(kind) = utf16_without_bom(bytes) {
        let enc = if kind == Encoding::Utf16Le {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), kind);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), Encoding::Windows1252)
        }
    }
}

/// UTF-16 text without a byte-order mark shows itself by zero bytes in
/// every other position (ASCII headers and separators are most of a CSV).
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_odd = sample
        .chunks_exact(2)
        .filter(|p| p[1] == 0 && p[0] != 0)
        .count();
    let zero_even = sample
        .chunks_exact(2)
        .filter(|p| p[0] == 0 && p[1] != 0)
        .count();
    if zero_odd * 10 >= pairs * 6 {
        Some(Encoding::Utf16Le)
    } else if zero_even * 10 >= pairs * 6 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// The separator of the header line: whichever of comma, semicolon and tab
/// occurs most often outside quotes (comma when none does).
pub(crate) fn sniff_separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for ch in text.chars() {
        match ch {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sheet: &Sheet) -> Vec<Vec<String>> {
        sheet
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect()
    }

    #[test]
    fn every_encoding_reads_to_the_same_text() {
        let want = vec![
            vec!["Name".to_string(), "Town".to_string()],
            vec!["Zoë".to_string(), "Coventry".to_string()],
        ];
        let text = "Name,Town\r\nZoë,Coventry\r\n";
        let mut utf16le = vec![0xFF, 0xFE];
        utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let bare_le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        for (bytes, encoding) in [
            (text.as_bytes().to_vec(), Encoding::Utf8),
            (bom, Encoding::Utf8Bom),
            (utf16le, Encoding::Utf16Le),
            (utf16be, Encoding::Utf16Be),
            (bare_le, Encoding::Utf16Le),
            (cp1252.into_owned(), Encoding::Windows1252),
        ] {
            let sheet = read_csv(&bytes).expect("reads");
            assert_eq!(texts(&sheet), want, "{encoding:?}");
            assert_eq!(sheet.encoding, Some(encoding));
        }
    }

    #[test]
    fn separators_are_sniffed_from_the_header() {
        for (text, sep) in [
            ("a,b,c\n1,2,3", b','),
            ("a;b;c\n1,5;2;3", b';'),
            ("a\tb\n1\t2", b'\t'),
            ("\"x;y\",b\n1,2", b','),
            ("only\n1", b','),
        ] {
            assert_eq!(sniff_separator(text), sep, "{text}");
        }
    }

    #[test]
    fn quoted_fields_keep_newlines_quotes_and_separators() {
        let sheet =
            read_csv(b"Name;Notes\n\"Amina\";\"line one\r\nline \"\"two\"\"; ok\"\nBiniam;\n;;\n")
                .expect("reads");
        assert_eq!(
            texts(&sheet),
            vec![
                vec!["Name", "Notes"],
                vec!["Amina", "line one\nline \"two\"; ok"],
                vec!["Biniam", ""],
            ]
        );
        assert_eq!(
            sheet.data_rows().map(|(n, _)| n).collect::<Vec<_>>(),
            [2, 3]
        );
    }

    #[test]
    fn an_empty_file_is_refused() {
        assert!(matches!(read_csv(b""), Err(SheetError::Empty)));
        assert!(matches!(
            read_csv(b"\xEF\xBB\xBF \r\n"),
            Err(SheetError::Empty)
        ));
    }
}

#[cfg(test)]
mod props {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Any bytes are read or refused with an error, never a panic;
        /// what is read has no row made only of blanks at its end.
        #[test]
        fn any_bytes_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            if let Ok(sheet) = read_csv(&bytes) {
                prop_assert!(sheet.rows.last().is_none_or(|r| !r.iter().all(Cell::is_blank)));
            }
        }

        /// Text written by our CSV writer reads back cell for cell,
        /// whatever separators, quotes, newlines and formula characters
        /// (defused on the way out) the cells hold.
        #[test]
        fn written_csv_reads_back(cells in proptest::collection::vec("[=+@'a-zé,;\"\n -]{1,8}", 1..6)) {
            let cells: Vec<String> = cells.into_iter().filter(|c| !c.trim().is_empty()).collect();
            prop_assume!(!cells.is_empty());
            let table = crate::Table {
                name: "t".into(),
                header: cells.iter().enumerate().map(|(i, _)| format!("h{i}")).collect(),
                rows: vec![cells.iter().map(|c| Cell::Text(c.clone())).collect()],
            };
            let sheet = read_csv(&crate::csv_bytes(&table).expect("written")).expect("read");
            let got: Vec<String> = sheet.rows[1].iter().map(Cell::text).collect();
            prop_assert_eq!(got, cells);
        }
    }
}
