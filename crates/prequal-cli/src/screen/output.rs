//! Writing screening results as they come: CSV rows, or a JSON array one object per line
//! (valid JSON, yet still written and readable a row at a time).

use super::outcome::ScreenRow;
use crate::cli::ScreenFormat;
use serde::Serialize;
use std::io::{self, Write};

/// The output columns, in order.
pub const HEADER: [&str; 11] =
    ["line", "id", "name", "size_class", "best_product", "verdict", "limit", "apr_net", "failed", "unknown", "error"];

/// A streaming writer of result rows.
pub enum RowWriter<W: Write> {
    /// CSV with a header line (boxed: the csv writer carries its own large buffer state).
    Csv(Box<csv::Writer<W>>),
    /// A JSON array; `rows` counts what has been written, for the separators.
    Json {
        /// The destination.
        out: W,
        /// Rows written so far.
        rows: u64,
    },
}

impl<W: Write> RowWriter<W> {
    /// Start the output (CSV header line, or the opening bracket).
    pub fn new(format: ScreenFormat, mut out: W) -> io::Result<RowWriter<W>> {
        match format {
            ScreenFormat::Csv => {
                let mut csv = csv::Writer::from_writer(out);
                csv.write_record(HEADER)?;
                Ok(RowWriter::Csv(Box::new(csv)))
            }
            ScreenFormat::Json => {
                out.write_all(b"[")?;
                Ok(RowWriter::Json { out, rows: 0 })
            }
        }
    }

    /// Write one row.
    pub fn write(&mut self, row: &ScreenRow) -> io::Result<()> {
        match self {
            RowWriter::Csv(csv) => csv.write_record(cells(row)).map_err(io::Error::from),
            RowWriter::Json { out, rows } => {
                out.write_all(if *rows == 0 { b"\n" } else { b",\n" })?;
                *rows += 1;
                serde_json::to_writer(&mut *out, row).map_err(io::Error::from)
            }
        }
    }

    /// Close the output and hand back the destination.
    pub fn finish(self) -> io::Result<W> {
        match self {
            RowWriter::Csv(csv) => csv.into_inner().map_err(|e| e.into_error()),
            RowWriter::Json { mut out, .. } => {
                out.write_all(b"\n]\n")?;
                Ok(out)
            }
        }
    }
}

/// A row as CSV cells: empty for unknown, ids joined by `;`.
fn cells(row: &ScreenRow) -> [String; 11] {
    [
        row.line.to_string(),
        row.id.clone(),
        row.name.clone(),
        row.size_class.map(id_of).unwrap_or_default(),
        row.best_product.clone().unwrap_or_default(),
        row.verdict.map(id_of).unwrap_or_default(),
        row.limit.map(|d| d.to_string()).unwrap_or_default(),
        row.apr_net.map(|d| d.to_string()).unwrap_or_default(),
        row.failed.join(";"),
        row.unknown.join(";"),
        row.error.clone().unwrap_or_default(),
    ]
}

/// The JSON id of a unit enum (`needs_info`), so CSV and JSON use the same words.
pub fn id_of<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(id)) => id,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prequal::report::Verdict;

    fn row() -> ScreenRow {
        ScreenRow {
            line: 2,
            id: "T1".into(),
            name: "甲公司, Ltd".into(),
            size_class: Some(prequal::size::SizeClass::Small),
            best_product: Some("park-credit-loan".into()),
            verdict: Some(Verdict::NeedsInfo),
            limit: Some("2000000.00".parse().unwrap()),
            apr_net: None,
            failed: vec![],
            unknown: vec!["tax_grade".into(), "years".into()],
            error: None,
        }
    }

    #[test]
    fn csv_and_json_say_the_same() {
        let mut w = RowWriter::new(ScreenFormat::Csv, Vec::new()).unwrap();
        w.write(&row()).unwrap();
        let text = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(
            text.lines().nth(1).unwrap(),
            "2,T1,\"甲公司, Ltd\",small,park-credit-loan,needs_info,2000000.00,,,tax_grade;years,"
        );
        let mut w = RowWriter::new(ScreenFormat::Json, Vec::new()).unwrap();
        w.write(&row()).unwrap();
        w.write(&row()).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&w.finish().unwrap()).unwrap();
        assert_eq!(value[1]["verdict"], "needs_info");
        assert_eq!(value[1]["limit"], "2000000.00");
        assert_eq!(value[1]["unknown"][1], "years");
        let empty = RowWriter::new(ScreenFormat::Json, Vec::new()).unwrap().finish().unwrap();
        assert_eq!(serde_json::from_slice::<serde_json::Value>(&empty).unwrap(), serde_json::json!([]));
    }
}
