//! Runs every JSON test vector under `tests/vectors/` through the native engine.
//! The WASM build runs the same files through the same `prequal::vectors` code.

use serde_json::Value;
use std::path::PathBuf;

fn vector_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn run_file(path: &PathBuf) -> (usize, Vec<String>) {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let kind = doc["kind"].as_str().unwrap_or_else(|| panic!("{}: no kind", path.display()));
    let cases = doc["cases"].as_array().unwrap_or_else(|| panic!("{}: no cases", path.display()));
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let actual = prequal::vectors::run(kind, &case["input"]);
        if let Err(why) = prequal::vectors::matches(&case["expected"], &actual) {
            failures.push(format!("{} / {name}: {why}", path.file_name().unwrap().to_string_lossy()));
        }
    }
    (cases.len(), failures)
}

#[test]
fn every_vector_file_passes() {
    let files = vector_files();
    assert!(files.len() >= 4, "expected the vector files, found {files:?}");
    let mut total = 0;
    let mut failures = Vec::new();
    for file in &files {
        let (count, mut failed) = run_file(file);
        assert!(count > 0, "{} has no cases", file.display());
        total += count;
        failures.append(&mut failed);
    }
    assert!(failures.is_empty(), "{} of {total} cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// The runner itself must notice a wrong expectation (a test that cannot fail is a defect).
#[test]
fn a_wrong_expectation_is_caught() {
    let input =
        serde_json::json!({"principal": "15000", "annual_rate": "0.08", "months": 60, "method": "equal_installment"});
    let actual = prequal::vectors::run("schedule", &input);
    let right = serde_json::json!({"rows": [{"payment": "304.15"}]});
    assert!(
        prequal::vectors::matches(&serde_json::json!({"total_interest": actual["total_interest"]}), &actual).is_ok()
    );
    assert!(prequal::vectors::matches(&serde_json::json!({"total_interest": "0.01"}), &actual).is_err());
    // Arrays must match in length, so a partial row list is a failure.
    assert!(prequal::vectors::matches(&right, &actual).is_err());
}
