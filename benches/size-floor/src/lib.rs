//! The engine alone, in the smallest shells wasm-bindgen allows: text in, JSON text out.
//! Every module has `schedule`; the features add one evaluate entry point each. Errors are
//! returned as their message text (this is a size probe, not an API).

use wasm_bindgen::prelude::*;

fn json_or_message<T: serde::Serialize>(result: prequal::Result<T>) -> String {
    match result {
        Ok(value) => serde_json::to_string(&value).unwrap_or_default(),
        Err(error) => error.to_string(),
    }
}

/// A repayment schedule: a request's JSON in, the schedule's JSON out.
#[wasm_bindgen]
pub fn schedule(request: &str) -> String {
    json_or_message(
        prequal::json::from_str::<prequal::schedule::ScheduleRequest>(request)
            .and_then(|request| prequal::schedule::schedule(&request)),
    )
}

/// A report: the pack's and the firm's JSON in, the report's JSON out.
#[cfg(feature = "evaluate")]
#[wasm_bindgen]
pub fn evaluate(pack: &str, firm: &str) -> String {
    json_or_message(prequal::Policy::from_json(pack).and_then(|policy| {
        let firm = prequal::Firm::from_json(firm)?;
        prequal::evaluate(&policy, &firm, policy.market.as_of)
    }))
}

/// A report on the bundled pack: the firm's JSON in, the report's JSON out.
#[cfg(feature = "evaluate-bundled")]
#[wasm_bindgen]
pub fn evaluate_bundled(firm: &str) -> String {
    json_or_message(prequal::Policy::try_default().and_then(|policy| {
        let firm = prequal::Firm::from_json(firm)?;
        prequal::evaluate(&policy, &firm, policy.market.as_of)
    }))
}
