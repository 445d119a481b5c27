//! Any text read by prequal's own JSON reader and by serde_json: both accept it or both
//! refuse it, and what they accept is the same document (`Json::same_as`: numbers compared
//! by value, as serde_json rewrites some exponents: `1e3` → `1e+3`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use prequal::json_text::Json;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // serde_json's arbitrary_precision reads this key as its own number marker (the fuzzer
    // found it: `{"$serde_json::private::Number": "x"}` is "invalid number" there, a plain
    // object here). Not a difference in JSON.
    if text.contains("$serde_json::private::") {
        return;
    }
    let ours = Json::parse(text);
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(theirs) => {
            let theirs = Json::from_serde(&theirs);
            let ours = ours.unwrap_or_else(|e| panic!("serde_json reads {text:?}, prequal refuses: {e}"));
            assert!(ours.same_as(&theirs), "{text:?}: {ours:?} vs {theirs:?}");
        }
        Err(e) => assert!(ours.is_err(), "serde_json refuses {text:?} ({e}), prequal reads {ours:?}"),
    }
});
