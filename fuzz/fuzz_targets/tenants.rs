//! Any bytes as a tenant-list CSV for `prequal screen`: the header and every row give a
//! firm or an error naming the line and column, never a panic; every firm evaluates.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prequal::{evaluate, Lang, Policy};
use std::sync::OnceLock;

static POLICY: OnceLock<Policy> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(rows) = prequal_cli::screen::read_tenants(data, Lang::ZhCn) else { return };
    let policy = POLICY.get_or_init(Policy::default_pack);
    for (_, firm) in rows {
        if let Ok(firm) = firm {
            let report = evaluate(policy, &firm, policy.market.as_of).expect("a checked firm evaluates");
            assert!(report.quotes.iter().all(|q| q.error.is_none()));
        }
    }
});
