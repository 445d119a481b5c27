//! The native side of the byte-identity test (tests/wasm/vectors.test.mjs).
//!
//! cargo run -p prequal-wasm --example vectors-native
//!
//! Prints one line per output, `label<TAB>json`, in this order:
//! - every case of every `tests/vectors/*.json` (files by name, cases in file order):
//!   `serde_json::to_string(&prequal::vectors::run(kind, &input))`;
//! - the default pack evaluated for every `examples/firms/*.json` (by name), on the pack's
//!   date, straight through the core (`prequal::evaluate`, then `serde_json::to_string`).
//!
//! The node test prints the WASM build's outputs the same way and asserts the two texts
//! are byte-identical.

use prequal::{Firm, Policy};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("vectors-native: {message}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn run() -> Result<(), String> {
    let root = root();
    let mut out = String::new();
    for file in json_files(&root.join("tests/vectors"))? {
        let doc: serde_json::Value =
            serde_json::from_str(&read(&file)?).map_err(|e| format!("{}: {e}", file.display()))?;
        let kind = doc["kind"].as_str().unwrap_or_default();
        let cases = doc["cases"].as_array().cloned().unwrap_or_default();
        for case in &cases {
            let actual = prequal::vectors::run(kind, &case["input"]);
            let text = serde_json::to_string(&actual).map_err(|e| e.to_string())?;
            let label = format!("{}#{}", name(&file), case["name"].as_str().unwrap_or("?"));
            out.push_str(&format!("{label}\t{text}\n"));
        }
    }
    let policy = Policy::try_default().map_err(|e| e.to_string())?;
    for file in json_files(&root.join("examples/firms"))? {
        let report =
            Firm::from_json(&read(&file)?).and_then(|firm| prequal::evaluate(&policy, &firm, policy.market.as_of));
        let text = match report {
            Ok(report) => serde_json::to_string(&report).map_err(|e| e.to_string())?,
            Err(error) => format!("error {} {}", error.code, error.path),
        };
        out.push_str(&format!("firms/{}\t{text}\n", name(&file)));
    }
    print!("{out}");
    Ok(())
}
