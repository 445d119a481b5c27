//! Any bytes as a firm profile: a value or an error naming a path, never a panic; a firm
//! that loads evaluates against the bundled pack without error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prequal::{evaluate, Firm, Policy};
use std::sync::OnceLock;

static POLICY: OnceLock<Policy> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Firm::from_json(&text) {
        Ok(firm) => {
            let policy = POLICY.get_or_init(Policy::default_pack);
            let report = evaluate(policy, &firm, policy.market.as_of).expect("a checked firm evaluates");
            assert!(report.quotes.iter().all(|q| q.error.is_none()));
        }
        Err(e) => assert!(e.path.starts_with('$'), "{e:?}"),
    }
});
