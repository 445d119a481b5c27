//! `prequal screen`: a whole tenant list through the engine, streaming.
//!
//! Rows are read in chunks; each chunk is evaluated on all cores (rayon) while the previous
//! one is written and the next one read, then written in input order. Only three chunks
//! are ever in memory, so memory stays flat however long the file is. `prequal impact`
//! streams the same way (its `stream` function).

pub(crate) mod output;
pub(crate) mod summary;

/// The tenant list's columns, rows and screening rows live in the core, which the SDK's
/// screening shares.
pub(crate) use prequal::tenants::{outcome, row};

use crate::cli::{ScreenArgs, ScreenFormat};
use crate::fail::{line_label, separator, Exit, Failure};
use crate::files::{say, AtomicFile, Destination};
use crate::html::{self, Side};
use crate::{parse, policy};
use csv::ByteRecord;
use outcome::{ScreenRow, Screening};
use output::RowWriter;
use prequal::cost_cache::CostCache;
use prequal::facts::FactDecl;
use prequal::tenants;
pub(crate) use prequal::tenants::Layout;
use prequal::{Error, ErrorCode, Lang};
use rayon::prelude::*;
use std::cell::RefCell;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;
use summary::{Progress, Tally};

thread_local! {
    /// Each worker thread's loan cost figures (`prequal::cost_cache`): a tenant list repeats
    /// most loans (amount, term, rate, subsidies), and each is priced once per thread.
    static COSTS: RefCell<CostCache> = RefCell::new(CostCache::new());
}

/// Run `f` with this thread's cost cache.
pub(crate) fn with_costs<T>(f: impl FnOnce(&mut CostCache) -> T) -> T {
    COSTS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut costs) => f(&mut costs),
        // Not reentered in practice; a fresh cache gives the same results.
        Err(_) => f(&mut CostCache::new()),
    })
}

/// Rows per chunk: enough to keep every core busy, small enough to keep memory flat.
const CHUNK_ROWS: usize = 4096;

/// Input lines start at 1; the header is line 1.
type Chunk = Vec<(u64, ByteRecord)>;

/// Run the command.
pub fn run(args: &ScreenArgs, lang: Lang) -> Result<Exit, Failure> {
    let started = Instant::now();
    let policy = policy::load(args.policy.as_deref(), lang)?;
    let as_of = match &args.as_of {
        Some(date) => parse::date("--as-of", date)?,
        None => policy.market.as_of,
    };
    let input = &args.input;
    let outputs =
        Outputs { rows: args.output.as_deref(), summary: args.summary.as_deref(), html: args.html.as_deref() };
    let Opened { mut reader, size, layout, destination, summary_file, html_file } =
        open_all(input, &outputs, &policy.facts, lang)?;
    let format = args.format.unwrap_or_else(|| format_of(args.output.as_deref()));
    let screening = Screening { policy: &policy, as_of, lang };
    let progress = Progress::new(size, lang);
    let files = Files { output: args.output.as_deref() };
    let mut writer = RowWriter::new(format, ScreenRow::HEADER, destination).map_err(|e| files.write_failure(&e))?;
    let mut tally = Tally::default();
    stream(
        &mut reader,
        input,
        lang,
        &progress,
        |line, record| with_costs(|costs| screening.screen(line, row::parse_row(&layout, record.iter()), costs)),
        |rows| {
            for (row, screened) in rows {
                tally.add(&row, screened.as_ref().map_err(|_| ()));
                if let Some(error) = &row.error {
                    report_row_error(&progress, input, row.line, error, lang);
                }
                writer.write(&row).map_err(|e| files.write_failure(&e))?;
            }
            Ok(())
        },
    )?;
    progress.finish();
    // Every file is complete before any is renamed into place.
    let destination = writer.finish().map_err(|e| files.write_failure(&e))?;
    let summary_file = summary_file.write(|| crate::files::pretty_json(&tally.totals))?;
    let html_file = html_file.write(|| {
        let side = Side { policy: &policy, as_of, totals: &tally.totals, aprs: &tally.aprs };
        Ok(html::render(lang, &input.display().to_string(), &[side], None))
    })?;
    destination.finish()?;
    summary_file.commit()?;
    html_file.commit()?;
    say(&tally.report(started.elapsed(), lang));
    Ok(if tally.errors > 0 { Exit::RowErrors } else { Exit::Ok })
}

/// Open a tenant list: a CSV reader over it and its size in bytes (for the progress bar).
/// Where a run writes: the rows (stdout when `None`), `--summary`, `--html`.
pub(crate) struct Outputs<'a> {
    pub(crate) rows: Option<&'a Path>,
    pub(crate) summary: Option<&'a Path>,
    pub(crate) html: Option<&'a Path>,
}

/// The input, read up to its header, and the outputs, opened.
pub(crate) struct Opened {
    pub(crate) reader: csv::Reader<BufReader<File>>,
    pub(crate) size: u64,
    pub(crate) layout: Layout,
    pub(crate) destination: Destination,
    pub(crate) summary_file: Report,
    pub(crate) html_file: Report,
}

/// Check that no output names the input or another output, read the input's header against
/// `facts`, then open the outputs: only once the input is known to be readable, so a usage
/// error leaves no file behind.
pub(crate) fn open_all(input: &Path, outputs: &Outputs<'_>, facts: &[FactDecl], lang: Lang) -> Result<Opened, Failure> {
    check_outputs(input, &[("--output", outputs.rows), ("--summary", outputs.summary), ("--html", outputs.html)])?;
    let (mut reader, size) = open_input(input)?;
    let layout = read_layout(&mut reader, input, facts, lang)?;
    Ok(Opened {
        reader,
        size,
        layout,
        destination: Destination::open(outputs.rows)?,
        summary_file: Report::open("--summary", outputs.summary)?,
        html_file: Report::open("--html", outputs.html)?,
    })
}

pub(crate) fn open_input(input: &Path) -> Result<(csv::Reader<BufReader<File>>, u64), Failure> {
    let file = File::open(input).map_err(|e| Failure::io(input, false, &e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    Ok((tenants::csv_reader(BufReader::with_capacity(1 << 16, file)), size))
}

/// `path: line 17: reason` above the progress bar.
pub(crate) fn report_row_error(progress: &Progress, input: &Path, line: u64, error: &str, lang: Lang) {
    let sep = separator(lang);
    progress.println(&format!("{}{sep}{}{sep}{error}", input.display(), line_label(line, lang)));
}

/// Two flags naming one regular file would have one run overwrite its own output (or its
/// input): a usage error naming both.
pub(crate) fn check_outputs(input: &Path, outputs: &[(&str, Option<&Path>)]) -> Result<(), Failure> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    // Devices and pipes (`/dev/null`) are written directly, so they may be named twice.
    let special = |p: &Path| std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir());
    let given: Vec<(&str, &Path)> =
        outputs.iter().filter_map(|(flag, path)| path.map(|p| (*flag, p))).filter(|(_, p)| !special(p)).collect();
    for (i, (flag, path)) in given.iter().enumerate() {
        let clash = given.iter().take(i).map(|(f, p)| (*f, *p)).find(|(_, p)| same(p, path));
        let clash = clash.or_else(|| same(input, path).then_some(("--input", input)));
        if let Some((other, _)) = clash {
            let error = Error::new(
                ErrorCode::InvalidValue,
                *flag,
                format!("a file of its own, but {other} names the same file"),
                format!("须为单独的文件，但 {other} 指向同一文件"),
            );
            return Err(Failure::engine(error).within(path.display()));
        }
    }
    Ok(())
}

/// A report file (`--summary`, `--html`): opened (under a temporary name) before the run so
/// an unwritable place fails at once, written when the figures are known, renamed into
/// place with the main output.
pub(crate) struct Report {
    flag: &'static str,
    file: Option<(AtomicFile, PathBuf)>,
}

impl Report {
    /// Open the file a flag names, if it names one.
    pub(crate) fn open(flag: &'static str, path: Option<&Path>) -> Result<Report, Failure> {
        let file = path.map(|p| AtomicFile::create(p).map(|f| (f, p.to_path_buf())));
        Ok(Report { flag, file: file.transpose().map_err(|f| f.within(flag))? })
    }

    /// Write the text (made only if the file was asked for).
    pub(crate) fn write(mut self, text: impl FnOnce() -> Result<String, Failure>) -> Result<Report, Failure> {
        if let Some((file, path)) = &mut self.file {
            use std::io::Write;
            let text = text()?;
            file.write_all(text.as_bytes()).map_err(|e| Failure::io(path, true, &e).within(self.flag))?;
        }
        Ok(self)
    }

    /// Rename the finished file into place.
    pub(crate) fn commit(self) -> Result<(), Failure> {
        match self.file {
            Some((file, _)) => file.commit().map_err(|f| f.within(self.flag)),
            None => Ok(()),
        }
    }
}

/// Read every row in chunks and evaluate each chunk on all cores while the previous chunk
/// is consumed (written) and the next one read. `evaluate` turns a row into a result;
/// `consume` gets each chunk's results in input order. Returns the rows read.
pub(crate) fn stream<R, T, F, C>(
    reader: &mut csv::Reader<R>,
    input: &Path,
    lang: Lang,
    progress: &Progress,
    evaluate: F,
    mut consume: C,
) -> Result<u64, Failure>
where
    R: Read + Send,
    T: Send,
    F: Fn(u64, &ByteRecord) -> T + Sync,
    C: FnMut(Vec<T>) -> Result<(), Failure> + Send,
{
    let mut rows = 0u64;
    let mut pending: Option<Vec<T>> = None;
    let mut chunk = read_chunk(reader, input, lang)?;
    while !chunk.is_empty() {
        let (done, next) = rayon::join(
            || chunk.par_iter().map(|(line, record)| evaluate(*line, record)).collect::<Vec<T>>(),
            || {
                if let Some(done) = pending.take() {
                    consume(done)?;
                }
                read_chunk(reader, input, lang)
            },
        );
        rows += done.len() as u64;
        progress.update(reader.position().byte(), rows);
        pending = Some(done);
        chunk = next?;
    }
    if let Some(done) = pending {
        consume(done)?;
    }
    Ok(rows)
}

/// One row of a tenant list: its line number, and its firm or the row's first problem.
pub type TenantRow = (u64, Result<prequal::Firm, Error>);

/// Read a tenant list held in memory exactly as `screen` reads a file: the header's column
/// layout, then each row's line number and its firm or the row's first problem. For
/// fuzzing the row reader and for callers that hold the list in memory. Only the built-in
/// columns: for a pack that declares facts, see [`read_tenants_for`].
pub fn read_tenants(csv_text: &[u8], lang: Lang) -> Result<Vec<TenantRow>, Failure> {
    read_tenants_for(csv_text, &[], lang)
}

/// [`read_tenants`] for a pack that declares `facts`: columns may also name those (by id or
/// Chinese label), and their cells are checked against the declarations.
pub fn read_tenants_for(csv_text: &[u8], facts: &[FactDecl], lang: Lang) -> Result<Vec<TenantRow>, Failure> {
    let input = Path::new("tenants.csv");
    let mut reader = tenants::csv_reader(csv_text);
    let layout = read_layout(&mut reader, input, facts, lang)?;
    let mut rows = Vec::new();
    loop {
        let chunk = read_chunk(&mut reader, input, lang)?;
        if chunk.is_empty() {
            return Ok(rows);
        }
        rows.extend(chunk.iter().map(|(line, record)| (*line, row::parse_row(&layout, record.iter()).firm)));
    }
}

/// `--output x.json` means JSON unless `--format` says otherwise.
pub(crate) fn format_of(output: Option<&Path>) -> ScreenFormat {
    let json = output.and_then(Path::extension).is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if json {
        ScreenFormat::Json
    } else {
        ScreenFormat::Csv
    }
}

pub(crate) fn read_layout<R: Read>(
    reader: &mut csv::Reader<R>,
    input: &Path,
    facts: &[FactDecl],
    lang: Lang,
) -> Result<Layout, Failure> {
    let layout = tenants::read_layout(reader, facts, lang).map_err(|e| csv_failure(input, e, lang))?;
    layout.map_err(|e| Failure::engine(e).within(input.display()))
}

/// The files of a run, for messages.
pub(crate) struct Files<'a> {
    pub(crate) output: Option<&'a Path>,
}

impl Files<'_> {
    pub(crate) fn write_failure(&self, error: &std::io::Error) -> Failure {
        match self.output {
            Some(path) => Failure::io(path, true, error),
            None => Failure::stdout(error),
        }
    }
}

/// Up to [`CHUNK_ROWS`] records with their line numbers; empty at the end of the input.
fn read_chunk<R: Read>(reader: &mut csv::Reader<R>, input: &Path, lang: Lang) -> Result<Chunk, Failure> {
    let mut chunk = Vec::with_capacity(CHUNK_ROWS);
    while chunk.len() < CHUNK_ROWS {
        let mut record = ByteRecord::new();
        if !reader.read_byte_record(&mut record).map_err(|e| csv_failure(input, e, lang))? {
            break;
        }
        let line = record.position().map_or(0, |p| p.line());
        chunk.push((line, record));
    }
    Ok(chunk)
}

/// The csv reader only fails on I/O (rows of any length and bytes are accepted), but
/// say where anyway.
fn csv_failure(input: &Path, error: csv::Error, lang: Lang) -> Failure {
    let line = error.position().map(|p| p.line());
    let failure = match error.into_kind() {
        csv::ErrorKind::Io(io) => Failure::io(input, false, &io),
        other => Failure::unexpected(&format!("{other:?}")).within(input.display()),
    };
    match line {
        Some(line) => failure.at(line_label(line, lang)),
        None => failure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_tenant_list_in_memory() {
        let text = "行业,从业人数,营业收入\nsoftware_it,40,12000000\nretail,-3,5\n,1,1\n";
        let rows = read_tenants(text.as_bytes(), Lang::En).unwrap();
        let lines: Vec<u64> = rows.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [2, 3, 4]);
        assert!(rows[0].1.is_ok());
        assert!(rows[1].1.as_ref().is_err_and(|e| e.path.contains("从业人数")), "{:?}", rows[1].1);
        assert!(rows[2].1.as_ref().is_err_and(|e| e.code == ErrorCode::MissingField));
        assert!(read_tenants(b"", Lang::En).is_err());
        assert!(read_tenants(b"industry,colour\n", Lang::En).is_err());
    }

    #[test]
    fn reads_fact_columns_for_a_pack_that_declares_them() {
        let pack =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/packs/bank-g-tech-credit.json");
        let facts = prequal::Policy::from_json(&std::fs::read_to_string(pack).unwrap()).unwrap().facts;
        let text = "行业,社保缴纳人数,pending_lawsuit\nretail,12,否\nretail,2.5,否\n";
        let rows = read_tenants_for(text.as_bytes(), &facts, Lang::En).unwrap();
        let firm = rows[0].1.as_ref().unwrap();
        assert_eq!(firm.facts.get("social_insurance_staff"), Some(&prequal::facts::FactValue::Number(12.into())));
        assert_eq!(firm.facts.get("pending_lawsuit"), Some(&prequal::facts::FactValue::YesNo(false)));
        assert!(rows[1].1.as_ref().is_err_and(|e| e.path == "社保缴纳人数"), "{:?}", rows[1].1);
        assert!(read_tenants(text.as_bytes(), Lang::En).is_err(), "without the pack, an unknown column");
    }
}
