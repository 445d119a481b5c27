//! Reading input files and writing output files so that a failed run leaves nothing
//! half-written behind: output goes to a temporary file beside the target and is renamed
//! over it only when complete.

use crate::fail::Failure;
use prequal::{Error, ErrorCode, Lang};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// Read a whole UTF-8 document, refusing anything larger than the engine accepts before
/// reading it (a pack or a firm is small; a huge file is a mistake, not a document).
pub fn read_document(path: &Path) -> Result<String, Failure> {
    let file = File::open(path).map_err(|e| Failure::io(path, false, &e))?;
    let limit = prequal::limits::MAX_DOCUMENT_BYTES;
    let mut bytes = Vec::new();
    file.take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::io(path, false, &e))?;
    prequal::limits::check_document(bytes.len()).map_err(|e| Failure::engine(e).within(path.display()))?;
    String::from_utf8(bytes).map_err(|_| {
        Failure::engine(Error::new(ErrorCode::InvalidJson, "$", "UTF-8 text", "须为 UTF-8 编码的文本"))
            .within(path.display())
    })
}

/// Read a JSON document and parse it with `parse` (a core reader). Syntax errors are
/// reported by line and column first: the core names JSON paths, and a document that
/// does not parse has none to name.
pub fn parse_document<T>(path: &Path, lang: Lang, parse: impl FnOnce(&str) -> Result<T, Error>) -> Result<T, Failure> {
    let text = read_document(path)?;
    syntax(&text, lang).and_then(|()| parse(&text)).map_err(|e| Failure::engine(e).within(path.display()))
}

/// `Ok` for syntactically valid JSON; else the error at its line and column.
fn syntax(text: &str, lang: Lang) -> Result<(), Error> {
    let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(text) else {
        return Ok(());
    };
    if !(error.is_syntax() || error.is_eof()) {
        return Ok(());
    }
    let place = match lang {
        Lang::En => format!("line {}, column {}", error.line(), error.column()),
        Lang::ZhCn => format!("第 {} 行第 {} 列", error.line(), error.column()),
    };
    let detail = error.to_string();
    // serde_json ends its message with the position, which is already the place.
    let detail = match detail.rfind(" at line ") {
        Some(i) => detail.get(..i).unwrap_or(&detail).to_string(),
        None => detail,
    };
    Err(Error::new(ErrorCode::InvalidJson, place, detail.clone(), detail))
}

/// An output file written under a temporary name and renamed into place by [`commit`].
/// Dropped without a commit (an error), it removes the temporary file (the release build
/// aborts on a panic, so a panic leaves it behind; the target is never half-written). A target
/// that exists and is not a regular file (`/dev/null`, a named pipe) is written directly:
/// renaming over it would replace the device or pipe with a plain file.
///
/// [`commit`]: AtomicFile::commit
pub struct AtomicFile {
    target: PathBuf,
    /// The temporary file, or `None` when writing the target directly.
    temp: Option<PathBuf>,
    out: Option<BufWriter<File>>,
    committed: bool,
}

impl AtomicFile {
    /// Start writing `target`. The temporary file is in the same directory, so the final
    /// rename never crosses file systems.
    pub fn create(target: &Path) -> Result<AtomicFile, Failure> {
        if target.is_dir() {
            let e = io::Error::new(io::ErrorKind::IsADirectory, "is a directory");
            return Err(Failure::io(target, true, &e));
        }
        let special = fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir());
        if special {
            let file = OpenOptions::new().write(true).open(target).map_err(|e| Failure::io(target, true, &e))?;
            return Ok(AtomicFile {
                target: target.to_path_buf(),
                temp: None,
                out: Some(BufWriter::with_capacity(1 << 16, file)),
                committed: false,
            });
        }
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
        let dir = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file =
            OpenOptions::new().write(true).create_new(true).open(&temp).map_err(|e| Failure::io(target, true, &e))?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temp: Some(temp),
            out: Some(BufWriter::with_capacity(1 << 16, file)),
            committed: false,
        })
    }

    /// Flush, then move the finished file into place.
    pub fn commit(mut self) -> Result<(), Failure> {
        let target = self.target.clone();
        let fail = |e: io::Error| Failure::io(&target, true, &e);
        if let Some(out) = self.out.take() {
            let file = out.into_inner().map_err(|e| fail(e.into_error()))?;
            // A device or a pipe has nothing to make durable (and refuses fsync).
            if self.temp.is_some() {
                file.sync_all().map_err(fail)?;
            }
        }
        if let Some(temp) = &self.temp {
            fs::rename(temp, &self.target).map_err(fail)?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.out {
            Some(out) => out.write(buf),
            None => Err(io::Error::other("output already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.out {
            Some(out) => out.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: the file was never completed, so it must not be left behind.
            drop(self.out.take());
            if let Some(temp) = &self.temp {
                let _ = fs::remove_file(temp);
            }
        }
    }
}

/// Where results go: a file (atomically) or standard output.
pub enum Destination {
    /// Standard output, buffered.
    Stdout(BufWriter<io::Stdout>),
    /// A file, renamed into place when done.
    File(AtomicFile),
}

impl Destination {
    /// A file when a path is given, else standard output.
    pub fn open(path: Option<&Path>) -> Result<Destination, Failure> {
        match path {
            Some(path) => AtomicFile::create(path).map(Destination::File),
            None => Ok(Destination::Stdout(BufWriter::with_capacity(1 << 16, io::stdout()))),
        }
    }

    /// Finish: flush standard output, or commit the file.
    pub fn finish(self) -> Result<(), Failure> {
        match self {
            Destination::Stdout(mut out) => out.flush().map_err(|e| Failure::stdout(&e)),
            Destination::File(file) => file.commit(),
        }
    }
}

impl Write for Destination {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Destination::Stdout(out) => out.write(buf),
            Destination::File(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Destination::Stdout(out) => out.flush(),
            Destination::File(out) => out.flush(),
        }
    }
}

/// Print a whole text to standard output.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(|e| Failure::stdout(&e))
}

/// Print a line to standard error. Never panics (unlike `eprintln!` on a closed stderr).
pub fn say(text: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{text}");
}

/// Pretty JSON with a final newline: exactly the core's serialisation of `value`.
pub fn pretty_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map(|text| text + "\n").map_err(|e| Failure::unexpected(&e))
}
