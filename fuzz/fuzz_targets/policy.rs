//! Any bytes as a policy pack: parsing and validation return a value or an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prequal::Policy;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let problems = Policy::problems_in_json(&text);
    match Policy::from_json(&text) {
        // A pack that loads has no problems, and its hash is stable.
        Ok(policy) => {
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(policy.content_hash(), policy.clone().content_hash());
        }
        Err(first) => assert_eq!(problems.first(), Some(&first)),
    }
});
