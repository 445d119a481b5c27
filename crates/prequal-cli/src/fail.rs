//! Why a command stopped, in the caller's language, and the exit code that says so.
//!
//! Engine errors keep their own wording (`prequal::Error::message`); the command only adds
//! where it happened (a file, a flag, a CSV line) in front.

use prequal::{Error, ErrorCode, Lang};
use std::fmt::Display;
use std::path::Path;

/// Process exit codes; scripts depend on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Everything was done.
    Ok = 0,
    /// The run finished, but some input rows could not be evaluated.
    RowErrors = 1,
    /// Usage error, unreadable input, or output that cannot be written.
    Usage = 2,
}

/// A fatal problem: what went wrong and where.
#[derive(Debug)]
pub struct Failure {
    /// Where, outermost first (file, line...).
    context: Vec<String>,
    cause: Cause,
}

#[derive(Debug)]
enum Cause {
    /// An error in the engine's vocabulary (also used for the command's own checks).
    Engine(Error),
    /// The operating system refused a read or a write.
    Io { en: String, zh: String, detail: String },
    /// The reader of stdout went away (`prequal ... | head`): stop quietly.
    ClosedPipe,
}

impl Failure {
    /// A problem the engine (or a check phrased like the engine's) found.
    pub fn engine(error: Error) -> Failure {
        Failure { context: Vec::new(), cause: Cause::Engine(error) }
    }

    /// A read or write of `path` that failed.
    pub fn io(path: &Path, writing: bool, error: &std::io::Error) -> Failure {
        let (en, zh) = if writing { ("cannot write", "无法写入") } else { ("cannot read", "无法读取") };
        Failure {
            context: vec![path.display().to_string()],
            cause: Cause::Io { en: en.into(), zh: zh.into(), detail: error.to_string() },
        }
    }

    /// A write to stdout that failed; a closed pipe is not worth a message.
    pub fn stdout(error: &std::io::Error) -> Failure {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            return Failure { context: Vec::new(), cause: Cause::ClosedPipe };
        }
        Failure::io(Path::new("<stdout>"), true, error)
    }

    /// Something that cannot happen with well-formed values (serialising to memory).
    pub fn unexpected(error: &dyn Display) -> Failure {
        let detail = error.to_string();
        Failure::engine(Error::new(ErrorCode::Calculation, "$", detail.clone(), detail))
    }

    /// Say where the problem is, e.g. the file it was found in.
    pub fn within(mut self, place: impl Display) -> Failure {
        self.context.insert(0, place.to_string());
        self
    }

    /// Say more precisely where, inside the places already named (a line of a file).
    pub fn at(mut self, place: impl Display) -> Failure {
        self.context.push(place.to_string());
        self
    }

    /// Whether the input was read but is wrong (as opposed to unreadable).
    pub fn is_engine(&self) -> bool {
        matches!(self.cause, Cause::Engine(_))
    }

    /// Whether the failure should be reported at all.
    pub fn is_quiet(&self) -> bool {
        matches!(self.cause, Cause::ClosedPipe)
    }

    /// The exit code: closed pipes are not errors; everything else is usage or input.
    pub fn exit(&self) -> Exit {
        if self.is_quiet() {
            Exit::Ok
        } else {
            Exit::Usage
        }
    }

    /// The message for a person, e.g. `firm.json: $.revenue: negative amount: ...`.
    pub fn message(&self, lang: Lang) -> String {
        let body = match &self.cause {
            Cause::Engine(error) => error.message(lang),
            Cause::Io { en, zh, detail } => match lang {
                Lang::En => format!("{en}: {detail}"),
                Lang::ZhCn => format!("{zh}：{detail}"),
            },
            Cause::ClosedPipe => String::new(),
        };
        let sep = separator(lang);
        let mut out = String::new();
        for place in &self.context {
            out.push_str(place);
            out.push_str(sep);
        }
        out.push_str(&body);
        out
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure::engine(error)
    }
}

pub use prequal::error::{line_label, separator};
