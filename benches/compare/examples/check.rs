//! Verdict agreement before any timing: prequal and ZEN on the 1,000 seeded tenants and
//! the typical firm, for the product whose rules are in `rules/`. Exits 1 on any
//! disagreement. Also writes the firms and prequal's verdicts as JSON for the Node side
//! (json-rules-engine and the WASM SDK), which checks its own agreement the same way.
//!
//!   cargo run --profile bench --example check -- [OUT.json]
//!   (default OUT: target/compare/firms.json in this crate)

#[path = "../benches/support/mod.rs"]
mod support;

use prequal::{Firm, Policy};
use prequal_compare::{firm_json, prequal_verdict, tenants, verdict_id, PRODUCT, TYPICAL_FIRM};
use serde_json::json;
use std::collections::BTreeMap;
use std::process::ExitCode;

fn main() -> ExitCode {
    let out =
        std::env::args().nth(1).unwrap_or_else(|| format!("{}/target/compare/firms.json", env!("CARGO_MANIFEST_DIR")));
    let policy = Policy::default_pack();
    let as_of = policy.market.as_of;
    let typical = Firm::from_json(TYPICAL_FIRM).unwrap_or_else(|e| panic!("{e}"));
    let mut firms = vec![typical];
    firms.extend(tenants());
    let decision = support::zen_decision();
    let wrong = support::disagreements(&policy, &decision, &firms, as_of);
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    for firm in &firms {
        *tally.entry(verdict_id(prequal_verdict(&policy, firm, as_of))).or_default() += 1;
    }
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for firm in &firms {
        let (_, reason) = support::zen_eligible(&decision, support::zen_context(firm, as_of));
        *reasons.entry(reason.unwrap_or_else(|| "(eligible)".into())).or_default() += 1;
    }
    println!("{PRODUCT}: {} firms, prequal verdicts {tally:?}", firms.len());
    println!("ZEN first failed criterion: {reasons:?}");
    if !wrong.is_empty() {
        for line in wrong.iter().take(20) {
            eprintln!("  {line}");
        }
        eprintln!("check: ZEN and prequal disagree on {} of {} firms; no figure is valid", wrong.len(), firms.len());
        return ExitCode::from(1);
    }
    println!("check: ZEN agrees with prequal on all {} firms", firms.len());
    let data = json!({
        "product": PRODUCT,
        "as_of": as_of.to_string(),
        "firms": firms.iter().map(firm_json).collect::<Vec<_>>(),
        "verdicts": firms.iter().map(|f| verdict_id(prequal_verdict(&policy, f, as_of))).collect::<Vec<_>>(),
    });
    if let Some(dir) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    std::fs::write(&out, data.to_string()).unwrap_or_else(|e| panic!("{out}: {e}"));
    println!("wrote {out}");
    ExitCode::SUCCESS
}
