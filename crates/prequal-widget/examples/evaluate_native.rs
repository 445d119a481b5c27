//! The native engine's report for a firm, as JSON: what the widget must show.
//!
//! ```sh
//! cargo run -q -p prequal-widget --example evaluate-native -- --firm examples/firms/eligible.json
//! cargo run -q -p prequal-widget --example evaluate-native -- --pack examples/packs/longhua-bank-mix.json \
//!     --firm - --as-of 2026-02-20 < firm.json
//! ```
//! Without `--pack`, the bundled default pack; without `--as-of`, the pack's market date
//! (as the widget does). The browser tests compare the widget's figures with this output.

use std::io::Read;
use std::process::ExitCode;

fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| format!("stdin: {e}"))?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
}

fn run() -> Result<String, String> {
    let mut pack = None;
    let mut firm = None;
    let mut as_of = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--pack" => pack = Some(value),
            "--firm" => firm = Some(value),
            "--as-of" => as_of = Some(value),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let policy = match pack {
        Some(path) => prequal::Policy::from_json(&read(&path)?).map_err(|e| e.to_string())?,
        None => prequal::Policy::try_default().map_err(|e| e.to_string())?,
    };
    let firm = prequal::Firm::from_json(&read(&firm.ok_or("--firm is required")?)?).map_err(|e| e.to_string())?;
    let date = match as_of {
        Some(text) => text.parse().map_err(|_| format!("--as-of {text}: not a date"))?,
        None => policy.market.as_of,
    };
    let report = prequal::evaluate(&policy, &firm, date).map_err(|e| e.to_string())?;
    serde_json::to_string(&report).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    match run() {
        Ok(json) => {
            use std::io::Write;
            match writeln!(std::io::stdout(), "{json}") {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::FAILURE,
            }
        }
        Err(message) => {
            eprintln!("evaluate-native: {message}");
            ExitCode::FAILURE
        }
    }
}
