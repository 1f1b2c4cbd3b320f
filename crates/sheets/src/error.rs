/// Why a spreadsheet could not be read or written; one sentence each.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("the file is larger than 64 MiB; is it the right file?")]
    TooLarge,
    #[error("the file is empty")]
    Empty,
    #[error("row {row} could not be read as CSV: {detail}")]
    Csv { row: usize, detail: String },
    #[error("the spreadsheet could not be read: {0}")]
    Workbook(String),
    #[error("the spreadsheet has no worksheet")]
    NoWorksheet,
    #[error("the spreadsheet could not be written: {0}")]
    Write(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}
