//! The native side of the WASM benchmark (scripts/bench-wasm.mjs).
//!
//! cargo run --profile bench -p prequal-wasm --example bench-native -- [FIRM.json] [BATCHES] [PER_BATCH]
//!
//! Evaluates the default pack for one firm (default examples/firms/eligible.json) on the
//! pack's date, many times, and prints one JSON line of medians in µs per call:
//! - `core`: `prequal::evaluate` on a pack and firm already parsed;
//! - `core_json`: the same plus `serde_json::to_string` of the report;
//! - `sdk`: the SDK's own code path with the same inputs as the JS benchmark (firm JSON text
//!   in, report JSON text out, pack read once and cached), i.e. what the .wasm does between
//!   the JS boundary crossings.
//!
//! And the advisor on the same pack and firm, without a payment cap and with a cap of
//! 100,000 (`_cap`): `advise_core` (`prequal::advise::advise` on parsed inputs) and
//! `advise_sdk` (the SDK's code path: firm and request JSON text in, advice JSON text out).

use prequal::{Firm, Policy};
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    match run() {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("bench-native: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Median over `batches` of the mean µs per call within a batch of `per_batch` calls.
fn median_us(batches: usize, per_batch: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..per_batch.max(20) {
        f(); // warm up
    }
    let mut means: Vec<f64> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / per_batch as f64
        })
        .collect();
    means.sort_by(f64::total_cmp);
    means.get(means.len() / 2).copied().unwrap_or(f64::NAN)
}

fn run() -> Result<String, String> {
    let mut args = std::env::args().skip(1);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    let firm_path = args.next().unwrap_or_else(|| format!("{root}examples/firms/eligible.json"));
    let number = |arg: Option<String>, default: usize| arg.and_then(|a| a.parse().ok()).unwrap_or(default);
    let batches = number(args.next(), 50);
    let per_batch = number(args.next(), 40);

    let firm_text = std::fs::read_to_string(&firm_path).map_err(|e| format!("{firm_path}: {e}"))?;
    let policy = Policy::try_default().map_err(|e| e.to_string())?;
    let pack_text = prequal_wasm::api::default_policy().map_err(|f| f.error.to_string())?;
    let firm = Firm::from_json(&firm_text).map_err(|e| e.to_string())?;
    let as_of = policy.market.as_of;

    let core = median_us(batches, per_batch, || {
        black_box(prequal::evaluate(black_box(&policy), black_box(&firm), as_of).ok());
    });
    let core_json = median_us(batches, per_batch, || {
        let report = prequal::evaluate(black_box(&policy), black_box(&firm), as_of).ok();
        black_box(report.and_then(|r| serde_json::to_string(&r).ok()));
    });
    let sdk = median_us(batches, per_batch, || {
        black_box(prequal_wasm::api::evaluate(black_box(&pack_text), black_box(&firm_text), None).ok());
    });
    let report_bytes = prequal_wasm::api::evaluate(&pack_text, &firm_text, None).map(|r| r.len()).unwrap_or(0);

    // The advisor: no cap, and a cap of 100,000 (the JS benchmark's `maxPayment: 100000`).
    let mut advice = Vec::new();
    for request_text in [r#"{}"#, r#"{"maxPayment": 100000}"#] {
        let request = prequal_wasm::api::advice_request(request_text).map_err(|f| f.error.to_string())?;
        // Fail loudly rather than time an error.
        let text = prequal_wasm::api::advise(&pack_text, &firm_text, Some(request_text), None)
            .map_err(|f| format!("advise {request_text}: {}", f.error))?;
        let core = median_us(batches, per_batch, || {
            black_box(prequal::advise::advise(black_box(&policy), black_box(&firm), as_of, black_box(&request)).ok());
        });
        let sdk = median_us(batches, per_batch, || {
            black_box(
                prequal_wasm::api::advise(black_box(&pack_text), black_box(&firm_text), Some(request_text), None).ok(),
            );
        });
        advice.push((core, sdk, text.len()));
    }
    let [(advise_core, advise_sdk, advice_bytes), (advise_core_cap, advise_sdk_cap, advice_cap_bytes)] = advice[..]
    else {
        return Err("two advice measurements".into());
    };
    Ok(format!(
        "{{\"core\":{core:.1},\"core_json\":{core_json:.1},\"sdk\":{sdk:.1},\"report_bytes\":{report_bytes},\
         \"advise_core\":{advise_core:.1},\"advise_sdk\":{advise_sdk:.1},\"advice_bytes\":{advice_bytes},\
         \"advise_core_cap\":{advise_core_cap:.1},\"advise_sdk_cap\":{advise_sdk_cap:.1},\"advice_cap_bytes\":{advice_cap_bytes},\
         \"batches\":{batches},\"per_batch\":{per_batch}}}"
    ))
}
