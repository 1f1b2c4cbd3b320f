//! The XLSX/ODS reader (calamine underneath) on arbitrary bytes, and on
//! arbitrary worksheet XML inside an otherwise valid workbook, so the
//! fuzzer reaches the cell parsing without having to invent a zip file.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

const FILES: [(&str, &str); 4] = [
    ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#),
    ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
    ("xl/workbook.xml", r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
    ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
];

fn workbook_with_sheet(sheet: &[u8]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in FILES {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).ok()?;
        zip.write_all(content.as_bytes()).ok()?;
    }
    zip.start_file("xl/worksheets/sheet1.xml", zip::write::SimpleFileOptions::default()).ok()?;
    zip.write_all(sheet).ok()?;
    Some(zip.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    let _ = sanctuary_sheets::read_workbook(data);
    if let Some(book) = workbook_with_sheet(data) {
        let _ = sanctuary_sheets::read(&book);
    }
});
