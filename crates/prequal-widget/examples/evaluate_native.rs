//! The native engine's report for a firm, as JSON: what the widget must show.
//!
//! ```sh
//! cargo run -q -p prequal-widget --example evaluate-native -- --firm examples/firms/eligible.json
//! cargo run -q -p prequal-widget --example evaluate-native -- --pack examples/packs/longhua-bank-mix.json \
//!     --firm - --as-of 2026-02-20 < firm.json
//! cargo run -q -p prequal-widget --example evaluate-native -- --pack examples/packs/bank-g-tech-credit.json \
//!     --questions [--products id,id] [--firm firm.json]
//! ```
//! Without `--pack`, the bundled default pack; without `--as-of`, the pack's market date
//! (as the widget does). The browser tests compare the widget's figures with this output.
//!
//! With `--questions`, the questions instead: `{"form": [ids], "open": {product: [ids]},
//! "ranked": [[id, products]]}` — what the form asks for the products shown (all, or
//! `--products`), given the firm's industry, and what is still open for each product and
//! overall. The firm is optional there: without it, a firm that has answered nothing.

use prequal::questions::{self, Question};
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
    let mut products: Option<Vec<String>> = None;
    let mut asks = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--questions" {
            asks = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--pack" => pack = Some(value),
            "--firm" => firm = Some(value),
            "--as-of" => as_of = Some(value),
            "--products" => {
                products = Some(value.split([',', ' ']).filter(|s| !s.is_empty()).map(String::from).collect())
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let policy = match pack {
        Some(path) => prequal::Policy::from_json(&read(&path)?).map_err(|e| e.to_string())?,
        None => prequal::Policy::try_default().map_err(|e| e.to_string())?,
    };
    let firm = match firm {
        Some(path) => prequal::Firm::from_json(&read(&path)?).map_err(|e| e.to_string())?,
        None if asks => prequal::Firm::blank(),
        None => return Err("--firm is required".into()),
    };
    let date = match as_of {
        Some(text) => text.parse().map_err(|_| format!("--as-of {text}: not a date"))?,
        None => policy.market.as_of,
    };
    let report = prequal::evaluate(&policy, &firm, date).map_err(|e| e.to_string())?;
    if !asks {
        return serde_json::to_string(&report).map_err(|e| e.to_string());
    }
    let wanted = |id: &str| products.as_ref().is_none_or(|list| list.iter().any(|p| p == id));
    let form = questions::form_questions(&policy, policy.products.iter().filter(|p| wanted(&p.id)), firm.industry);
    let ids = |list: &[Question]| list.iter().map(|q| q.id().to_string()).collect::<Vec<_>>();
    let shown: Vec<_> = report.quotes.iter().filter(|q| wanted(&q.product)).collect();
    let open: Vec<Vec<Question>> = shown.iter().map(|q| questions::open_questions(&policy, q, &firm)).collect();
    let ranked = questions::rank_questions(&policy, &open);
    let out = serde_json::json!({
        "form": ids(&form),
        "open": shown.iter().zip(&open).map(|(q, list)| (q.product.clone(), ids(list).into())).collect::<serde_json::Map<_, _>>(),
        "ranked": ranked.iter().map(|(q, n)| serde_json::json!([q.id(), n])).collect::<Vec<_>>(),
    });
    Ok(out.to_string())
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
