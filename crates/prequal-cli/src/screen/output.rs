//! Writing result rows as they come: CSV rows, or a JSON array one object per line (valid
//! JSON, yet still written and readable a row at a time). `screen` and `impact` share it.

use crate::cli::ScreenFormat;
pub use prequal::tenants::outcome::{amount, verdict_id, ScreenRow};
use serde::Serialize;
use std::io::{self, Write};

/// A row of results: its JSON object (serde) and its CSV cells under [`Row::HEADER`].
pub trait Row: Serialize {
    /// The CSV header line, which is also the order of the JSON fields.
    const HEADER: &'static [&'static str];
    /// The CSV cells: empty for unknown, ids joined by `;`.
    fn cells(&self) -> Vec<String>;
}

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
    pub fn new(format: ScreenFormat, header: &[&str], mut out: W) -> io::Result<RowWriter<W>> {
        match format {
            ScreenFormat::Csv => {
                let mut csv = prequal::tenants::csv_writer(out);
                csv.write_record(header)?;
                Ok(RowWriter::Csv(Box::new(csv)))
            }
            ScreenFormat::Json => {
                out.write_all(b"[")?;
                Ok(RowWriter::Json { out, rows: 0 })
            }
        }
    }

    /// Write one row.
    pub fn write<R: Row>(&mut self, row: &R) -> io::Result<()> {
        match self {
            RowWriter::Csv(csv) => csv.write_record(row.cells()).map_err(io::Error::from),
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

impl Row for ScreenRow {
    const HEADER: &'static [&'static str] = ScreenRow::HEADER;

    fn cells(&self) -> Vec<String> {
        ScreenRow::cells(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prequal::report::Verdict;
    use prequal::size::SizeClass;

    fn row() -> ScreenRow {
        ScreenRow {
            size_class: Some(SizeClass::Small),
            best_product: Some("park-credit-loan".into()),
            verdict: Some(Verdict::NeedsInfo),
            limit: Some("2000000.00".parse().unwrap()),
            unknown: vec!["tax_grade".into(), "years".into()],
            loan_amount: Some("1500000.00".parse().unwrap()),
            interest_subsidy: Some("33750.00".parse().unwrap()),
            fee_subsidy: Some("0.00".parse().unwrap()),
            total_cost_net: Some("12000.50".parse().unwrap()),
            ..ScreenRow::blank(2, "T1".into(), "甲公司, Ltd".into())
        }
    }

    #[test]
    fn csv_and_json_say_the_same() {
        let mut w = RowWriter::new(ScreenFormat::Csv, ScreenRow::HEADER, Vec::new()).unwrap();
        w.write(&row()).unwrap();
        let text = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(
            text.lines().nth(1).unwrap(),
            "2,T1,\"甲公司, Ltd\",small,park-credit-loan,needs_info,2000000.00,,,tax_grade;years,,1500000.00,33750.00,0.00,12000.50"
        );
        let mut w = RowWriter::new(ScreenFormat::Json, ScreenRow::HEADER, Vec::new()).unwrap();
        w.write(&row()).unwrap();
        w.write(&ScreenRow::blank(3, String::new(), String::new())).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&w.finish().unwrap()).unwrap();
        assert_eq!(value[0]["verdict"], "needs_info");
        assert_eq!(value[0]["limit"], "2000000.00");
        assert_eq!(value[0]["unknown"][1], "years");
        assert_eq!(value[0]["total_cost_net"], "12000.50");
        assert!(value[1]["loan_amount"].is_null());
        // The JSON fields come in the CSV's column order.
        let keys: Vec<&String> = value[0].as_object().unwrap().keys().collect();
        let json_text = serde_json::to_string(&row()).unwrap();
        let mut last = 0;
        for name in ScreenRow::HEADER {
            let at = json_text.find(&format!("\"{name}\":")).unwrap();
            assert!(at >= last, "{name} out of order");
            last = at;
        }
        assert_eq!(keys.len(), ScreenRow::HEADER.len());
        let empty = RowWriter::new(ScreenFormat::Json, ScreenRow::HEADER, Vec::new()).unwrap().finish().unwrap();
        assert_eq!(serde_json::from_slice::<serde_json::Value>(&empty).unwrap(), serde_json::json!([]));
    }

    fn json<T: Serialize>(value: T) -> String {
        serde_json::to_value(value).unwrap().as_str().unwrap().to_string()
    }

    #[test]
    fn ids_are_the_json_names() {
        for v in [Verdict::Eligible, Verdict::NeedsInfo, Verdict::Ineligible] {
            assert_eq!(json(v), verdict_id(v));
        }
        for s in [SizeClass::Micro, SizeClass::Small, SizeClass::Medium, SizeClass::Large, SizeClass::Unknown] {
            assert_eq!(json(s), prequal::tenants::outcome::size_id(s));
        }
    }
}
