//! End-to-end tests of the `prequal` binary: every command, format and exit code, and
//! bad input (a clear message naming what is wrong, no panic, no partial output).

mod advise;
mod classify;
mod generator;
mod help;
mod impact;
mod policy;
mod quote;
mod schedule;
mod screen;
mod totals;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The workspace root, where the examples live; commands run from there.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `prequal` binary, run from the workspace root.
pub fn prequal() -> Command {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("prequal");
    command.current_dir(root());
    command
}

/// Standard output of a successful run, as JSON.
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let output = prequal().args(args).assert().success().get_output().stdout.clone();
    serde_json::from_slice(&output).unwrap()
}

/// Standard error of a run as text.
pub fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// A panic message would contain this; no input may cause one.
pub const PANIC: &str = "panicked";

/// A report written by `--html` is self-contained: nothing that runs, nothing styled inline,
/// nothing fetched. The only URI allowed is the SVG namespace.
pub fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    for forbidden in
        ["<script", "<style", "style=", "<link", "<img", "<iframe", "<object", "<embed", "url(", "javascript:"]
    {
        assert!(!lower.contains(forbidden), "{forbidden} in the report");
    }
    let rest = lower.replace("http://www.w3.org/2000/svg", "");
    for forbidden in ["http:", "https:", "//"] {
        assert!(!rest.contains(forbidden), "{forbidden} in the report");
    }
    assert!(lower.starts_with("<!doctype html>"));
    assert!(lower.trim_end().ends_with("</html>"));
}

/// The names of the files in a directory, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// CSV text as records (the header line is not a record).
pub fn csv_rows(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes()).records().map(Result::unwrap).collect()
}
