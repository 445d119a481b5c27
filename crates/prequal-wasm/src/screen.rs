//! Screening a tenant list in the browser (the park staff page's Web Worker): the rows of
//! `prequal screen --format csv`, byte for byte, through the core's tenant reader and fast
//! screening path, a slice of rows per call so the page can show progress and stay
//! responsive; and the portfolio totals of `--summary`.

use crate::api::{self, Arg, Failure, Outcome};
use prequal::cost_cache::CostCache;
use prequal::policy::I18n;
use prequal::portfolio::{AprBands, Totals};
use prequal::tenants::{self, Layout, ScreenRow, Screening};
use prequal::{Date, Error, ErrorCode, Lang, Policy};
use serde::Serialize;
use std::cell::RefCell;
use std::io::{self, Cursor, Write};
use std::rc::Rc;

/// A tenant list being screened.
pub struct Screen {
    policy: Rc<Policy>,
    as_of: Date,
    lang: Lang,
    reader: csv::Reader<Cursor<Vec<u8>>>,
    layout: Layout,
    record: csv::ByteRecord,
    writer: csv::Writer<Sink>,
    written: Sink,
    totals: Totals,
    aprs: AprBands,
    costs: CostCache,
    size: u64,
    done: bool,
}

/// What the page shows when the list is done: `totals` is `--summary`'s document.
#[derive(Serialize)]
pub struct Summary<'a> {
    /// The pack's id.
    pub policy: &'a str,
    /// The pack's name.
    pub policy_name: &'a I18n,
    /// The evaluation date.
    pub as_of: Date,
    /// The portfolio totals, as `prequal screen --summary` writes them.
    pub totals: &'a Totals,
    /// The pack's subsidy schemes, for naming `subsidy_by_scheme`'s keys.
    pub schemes: Vec<SchemeName<'a>>,
    /// Eligible firms by net APR band ([`AprBands::labels`]), lowest first.
    pub apr_bands: Vec<(String, u64)>,
}

/// A subsidy scheme's names.
#[derive(Serialize)]
pub struct SchemeName<'a> {
    /// The scheme's id.
    pub id: &'a str,
    /// Its name.
    pub name: &'a I18n,
    /// Who pays it.
    pub provider: &'a I18n,
}

impl Screen {
    /// Start screening `bytes` (a tenant list as `prequal screen` reads it) with `policy`
    /// on `as_of` (default: the pack's `market.as_of`). A list without a header line, or with
    /// a header the screen does not understand, is an error naming the column.
    pub fn open(policy: Rc<Policy>, bytes: Vec<u8>, as_of: Option<Date>, lang: Lang) -> Outcome<Screen> {
        let size = bytes.len() as u64;
        let mut reader = tenants::csv_reader(Cursor::new(bytes));
        let layout = tenants::read_layout(&mut reader, &policy.facts, lang)
            .map_err(|e| unreadable(&e))?
            .map_err(|e| Failure::new(Arg::Input, e))?;
        let written = Sink::default();
        let mut writer = tenants::csv_writer(written.clone());
        writer.write_record(ScreenRow::HEADER).map_err(|e| unreadable(&e))?;
        let as_of = as_of.unwrap_or(policy.market.as_of);
        Ok(Screen {
            policy,
            as_of,
            lang,
            reader,
            layout,
            record: csv::ByteRecord::new(),
            writer,
            written,
            totals: Totals::default(),
            aprs: AprBands::default(),
            costs: CostCache::new(),
            size,
            done: false,
        })
    }

    /// Screen up to `rows` more rows; false once the list is done.
    pub fn step(&mut self, rows: u32) -> Outcome<bool> {
        let screening = Screening { policy: &self.policy, as_of: self.as_of, lang: self.lang };
        for _ in 0..rows {
            if !self.reader.read_byte_record(&mut self.record).map_err(|e| unreadable(&e))? {
                self.done = true;
                return Ok(false);
            }
            let line = self.record.position().map_or(0, |p| p.line());
            let parsed = tenants::parse_row(&self.layout, self.record.iter());
            let (row, screened) = screening.screen(line, parsed, &mut self.costs);
            self.totals.add(screened.as_ref().map_err(|_| ()));
            self.aprs.add_row(screened.as_ref().map_err(|_| ()));
            self.writer.write_record(row.cells()).map_err(|e| unreadable(&e))?;
        }
        Ok(!self.done)
    }

    /// The CSV written since the last call (the header line first).
    pub fn take_csv(&mut self) -> Outcome<String> {
        self.writer.flush().map_err(|e| unreadable(&csv::Error::from(e)))?;
        let bytes = self.written.take();
        // Every cell written came from UTF-8 text (the core's rows are Strings).
        String::from_utf8(bytes).map_err(|_| {
            Failure::new(Arg::Input, Error::new(ErrorCode::Calculation, "$", "UTF-8 output", "UTF-8 输出"))
        })
    }

    /// Bytes of the list read so far, and in all.
    pub fn progress(&self) -> (u64, u64) {
        (self.reader.position().byte(), self.size)
    }

    /// Rows screened so far (the totals count every row, errors included).
    pub fn rows(&self) -> u64 {
        self.totals.firms
    }

    /// The totals so far (complete once [`Screen::step`] has returned false).
    pub fn summary(&self) -> Summary<'_> {
        let apr_bands = AprBands::labels().into_iter().zip(self.aprs.counts().iter().copied()).collect();
        let schemes = self
            .policy
            .subsidy_schemes
            .iter()
            .map(|s| SchemeName { id: &s.id, name: &s.name, provider: &s.provider })
            .collect();
        Summary {
            policy: &self.policy.id,
            policy_name: &self.policy.name,
            as_of: self.as_of,
            totals: &self.totals,
            schemes,
            apr_bands,
        }
    }
}

/// Where the CSV writer puts its bytes, shared so that [`Screen::take_csv`] can take them
/// (the csv crate's writer lends its destination only immutably).
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        self.0.try_borrow_mut().map(|mut bytes| std::mem::take(&mut *bytes)).unwrap_or_default()
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = self.0.try_borrow_mut().map_err(|_| io::Error::other("the CSV output is in use"))?;
        bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The reader only fails on I/O, which a list held in memory cannot have; say so anyway.
fn unreadable(error: &csv::Error) -> Failure {
    let detail = error.to_string();
    Failure::new(
        Arg::Input,
        Error::new(
            ErrorCode::InvalidValue,
            "$",
            format!("a readable CSV: {detail}"),
            format!("CSV 无法读取：{detail}"),
        ),
    )
}

/// Read the optional date argument.
pub fn as_of(text: Option<&str>) -> Outcome<Option<Date>> {
    text.map(api::as_of).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenants(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/tenants").join(name);
        std::fs::read(path).unwrap()
    }

    fn screen_all(bytes: Vec<u8>, rows_per_step: u32) -> (String, Totals) {
        let policy = Rc::new(Policy::default_pack());
        let mut screen = Screen::open(policy, bytes, None, Lang::En).unwrap();
        let mut out = String::new();
        while screen.step(rows_per_step).unwrap() {
            out.push_str(&screen.take_csv().unwrap());
        }
        out.push_str(&screen.take_csv().unwrap());
        (out, screen.totals.clone())
    }

    #[test]
    fn slices_of_any_size_give_the_same_rows() {
        let (whole, totals) = screen_all(tenants("tenants-zh-20.csv"), 1000);
        assert!(whole.starts_with("line,id,name,size_class,"));
        assert_eq!(whole.lines().count(), 21);
        assert_eq!(totals.firms, 20);
        for step in [1, 3, 7] {
            assert_eq!(screen_all(tenants("tenants-zh-20.csv"), step).0, whole, "{step} rows a step");
        }
    }

    #[test]
    fn a_bad_header_names_the_column_and_an_empty_list_the_header() {
        let policy = Rc::new(Policy::default_pack());
        let bad = Screen::open(Rc::clone(&policy), b"industry,colour\nretail,red\n".to_vec(), None, Lang::En);
        let error = bad.err().unwrap().error;
        assert_eq!(error.code, ErrorCode::UnknownField);
        assert!(error.message(Lang::En).contains("line 1, column 2"), "{}", error.message(Lang::En));
        let empty = Screen::open(policy, Vec::new(), None, Lang::ZhCn).err().unwrap().error;
        assert_eq!(empty.code, ErrorCode::MissingField);
        assert!(empty.message(Lang::ZhCn).contains("第 1 行"));
    }

    #[test]
    fn rows_that_cannot_be_read_are_rows_with_an_error() {
        let text = "行业,营业收入\nretail,-5\nretail\n\u{ff},1\n";
        let (out, totals) = screen_all(text.as_bytes().to_vec(), 10);
        assert_eq!(totals.firms, 3);
        assert_eq!(totals.errors, 3);
        assert_eq!(out.lines().count(), 4, "{out}");
    }
}
