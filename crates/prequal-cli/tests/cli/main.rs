//! End-to-end tests of the `prequal` binary: every command, format and exit code, and
//! bad input (a clear message naming what is wrong, no panic, no partial output).

mod advise;
mod classify;
mod generator;
mod help;
mod policy;
mod quote;
mod schedule;
mod screen;

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
