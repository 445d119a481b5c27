//! A park's tenant list, screened: its columns (by English name, the Chinese headers parks
//! use, or a declared fact), each row read into a firm, and each firm's screening row.
//!
//! The `prequal screen` command and the SDK's screening (the browser page for park staff)
//! both read and write through here, so a file gives the same rows, byte for byte, in both.
//! Reading and writing CSV needs the `csv` feature; the rest is plain data.

pub mod columns;
pub mod outcome;
pub mod row;

pub use columns::{Column, Layout};
pub use outcome::{ScreenRow, Screening};
pub use row::{parse_row, Parsed};

#[cfg(feature = "csv")]
pub use self::csv_io::{csv_reader, csv_writer, read_layout};

#[cfg(feature = "csv")]
mod csv_io {
    use super::Layout;
    use crate::error::line_label;
    use crate::facts::FactDecl;
    use crate::{Error, ErrorCode, Lang};
    use std::io::{Read, Write};

    /// The reader of a tenant list: rows of any length are read, so a short or long row is
    /// reported on its own line instead of stopping the run; the header is read by
    /// [`read_layout`].
    pub fn csv_reader<R: Read>(input: R) -> csv::Reader<R> {
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(input)
    }

    /// The writer of screening rows (the csv crate's defaults: `\n` line ends, quotes only
    /// where a cell needs them).
    pub fn csv_writer<W: Write>(output: W) -> csv::Writer<W> {
        csv::Writer::from_writer(output)
    }

    /// Read the header line into the list's layout. The outer error is the reader's (I/O);
    /// the inner one is the header's: none at all, or columns that are unknown, repeated or
    /// without the industry.
    pub fn read_layout<R: Read>(
        reader: &mut csv::Reader<R>,
        facts: &[FactDecl],
        lang: Lang,
    ) -> csv::Result<Result<Layout, Error>> {
        let mut header = csv::ByteRecord::new();
        if !reader.read_byte_record(&mut header)? {
            return Ok(Err(Error::new(
                ErrorCode::MissingField,
                line_label(1, lang),
                "a header line naming the columns (see `prequal screen --help`)",
                "须有表头行（见 `prequal screen --help`）",
            )));
        }
        Ok(Layout::from_fields(header.iter(), facts, lang))
    }
}
