//! `prequal screen`: a whole tenant list through the engine, streaming.
//!
//! Rows are read in chunks; each chunk is evaluated on all cores (rayon) while the next
//! one is read, then written in input order. Only two chunks are ever in memory, so
//! memory stays flat however long the file is.

mod columns;
mod outcome;
mod output;
mod row;
mod summary;

use crate::cli::{ScreenArgs, ScreenFormat};
use crate::fail::{line_label, separator, Exit, Failure};
use crate::files::{say, Destination};
use crate::{parse, policy};
use columns::Layout;
use csv::ByteRecord;
use outcome::{ScreenRow, Screening};
use output::RowWriter;
use prequal::facts::FactDecl;
use prequal::{Error, ErrorCode, Lang};
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::time::Instant;
use summary::{Progress, Tally};

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
    let file = File::open(input).map_err(|e| Failure::io(input, false, &e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = csv_reader(BufReader::with_capacity(1 << 16, file));
    let layout = read_layout(&mut reader, input, &policy.facts, lang)?;
    // The output is opened only once the input is known to be readable, so a usage
    // error leaves no file behind.
    let destination = Destination::open(args.output.as_deref())?;
    let format = args.format.unwrap_or_else(|| format_of(args.output.as_deref()));
    let screening = Screening { policy: &policy, as_of, lang };
    let progress = Progress::new(size, lang);
    let files = Files { input, output: args.output.as_deref() };
    let tally = stream(&mut reader, &layout, &screening, destination, format, &progress, &files)?;
    progress.finish();
    say(&tally.report(started.elapsed(), lang));
    Ok(if tally.errors > 0 { Exit::RowErrors } else { Exit::Ok })
}

/// The CSV reader `screen` uses: rows of any length are read, so a short or long row is
/// reported by line instead of stopping the run.
fn csv_reader<R: Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(input)
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
    let mut reader = csv_reader(csv_text);
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
fn format_of(output: Option<&Path>) -> ScreenFormat {
    let json = output.and_then(Path::extension).is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if json {
        ScreenFormat::Json
    } else {
        ScreenFormat::Csv
    }
}

fn read_layout<R: Read>(
    reader: &mut csv::Reader<R>,
    input: &Path,
    facts: &[FactDecl],
    lang: Lang,
) -> Result<Layout, Failure> {
    let mut header = ByteRecord::new();
    let found = reader.read_byte_record(&mut header).map_err(|e| csv_failure(input, e, lang))?;
    if !found {
        let empty = Error::new(
            ErrorCode::MissingField,
            line_label(1, lang),
            "a header line naming the columns (see `prequal screen --help`)",
            "须有表头行（见 `prequal screen --help`）",
        );
        return Err(Failure::engine(empty).within(input.display()));
    }
    Layout::from_record(&header, facts, lang).map_err(|e| Failure::engine(e).within(input.display()))
}

/// Read, evaluate and write every row; return the counts.
fn stream<R: Read + Send>(
    reader: &mut csv::Reader<R>,
    layout: &Layout,
    screening: &Screening<'_>,
    destination: Destination,
    format: ScreenFormat,
    progress: &Progress,
    files: &Files<'_>,
) -> Result<Tally, Failure> {
    let (input, lang) = (files.input, screening.lang);
    let mut writer = RowWriter::new(format, destination).map_err(|e| files.write_failure(&e))?;
    let mut tally = Tally::default();
    let mut chunk = read_chunk(reader, input, lang)?;
    while !chunk.is_empty() {
        // Evaluate this chunk on all cores while the next one is read.
        let (rows, next) =
            rayon::join(|| evaluate_chunk(&chunk, layout, screening), || read_chunk(reader, input, lang));
        for row in &rows {
            tally.add(row);
            if let Some(error) = &row.error {
                let sep = separator(lang);
                progress.println(&format!("{}{sep}{}{sep}{error}", input.display(), line_label(row.line, lang)));
            }
            writer.write(row).map_err(|e| files.write_failure(&e))?;
        }
        progress.update(reader.position().byte(), tally.rows);
        chunk = next?;
    }
    let destination = writer.finish().map_err(|e| files.write_failure(&e))?;
    destination.finish()?;
    Ok(tally)
}

/// The files of a run, for messages.
struct Files<'a> {
    input: &'a Path,
    output: Option<&'a Path>,
}

impl Files<'_> {
    fn write_failure(&self, error: &std::io::Error) -> Failure {
        match self.output {
            Some(path) => Failure::io(path, true, error),
            None => Failure::stdout(error),
        }
    }
}

fn evaluate_chunk(chunk: &Chunk, layout: &Layout, screening: &Screening<'_>) -> Vec<ScreenRow> {
    chunk.par_iter().map(|(line, record)| screening.screen(*line, row::parse_row(layout, record.iter()))).collect()
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
