//! The cross-target test-vector runner. The JSON files under `tests/vectors/` hold
//! `{"kind", "cases": [{"name", "input", "expected"}]}`; this module runs one case's input
//! through the engine and compares with `expected` as a JSON subset. Native tests and the
//! WASM build call the same code, so both targets are held to the same files.

use crate::error::{Error, ErrorCode};
use serde::Serialize;
use serde_json::Value;

/// Run one case of `kind` (`schedule`, `apr`, `classify`, `costs`, `evaluate`, `advise`,
/// `policy`, `firm`) and return the engine's output as JSON, or its error as JSON
/// (`{"error": {"code", "path", ...}}`), so error cases are vectors too.
pub fn run(kind: &str, input: &Value) -> Value {
    match dispatch(kind, input) {
        Ok(value) => value,
        Err(error) => serde_json::json!({ "error": error }),
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<Value, Error> {
    serde_json::to_value(value).map_err(|e| Error::new(ErrorCode::Calculation, "$", e.to_string(), e.to_string()))
}

fn parse<T: crate::json::FromJson>(input: &Value) -> Result<T, Error> {
    crate::json::from_value(input)
}

fn dispatch(kind: &str, input: &Value) -> Result<Value, Error> {
    match kind {
        "schedule" => to_json(&crate::schedule::schedule(&parse(input)?)?),
        "apr" => to_json(&crate::apr::apr(&parse(input)?)?),
        "classify" => to_json(&crate::size::classify_request(&parse(input)?)?),
        "costs" => to_json(&crate::cost::costs(&parse(input)?)?),
        "policy" => {
            let policy = crate::Policy::from_value(input)?;
            Ok(serde_json::json!({ "id": policy.id, "content_hash": policy.content_hash() }))
        }
        "firm" => to_json(&crate::Firm::from_value(input)?),
        "evaluate" => evaluate(input),
        "advise" => advise(input),
        other => Err(Error::new(
            ErrorCode::InvalidValue,
            "$.kind",
            format!("a known kind, got \"{other}\""),
            format!("未知的类型 \"{other}\""),
        )),
    }
}

/// `{"policy": "default" | {pack}, "firm": {...}, "as_of": "YYYY-MM-DD"}`.
fn evaluate(input: &Value) -> Result<Value, Error> {
    let (policy, firm, as_of) = evaluation_input(input)?;
    to_json(&crate::evaluate(&policy, &firm, as_of)?)
}

/// The pack (`"default"` or a pack), the firm and the date of an evaluation-like case.
fn evaluation_input(input: &Value) -> Result<(crate::Policy, crate::Firm, crate::Date), Error> {
    let policy = match input.get("policy") {
        None => crate::Policy::default_pack(),
        Some(Value::String(name)) if name == "default" => crate::Policy::default_pack(),
        Some(pack) => crate::Policy::from_value(pack)?,
    };
    let firm = crate::Firm::from_value(input.get("firm").unwrap_or(&Value::Null))?;
    let as_of = match input.get("as_of").and_then(Value::as_str) {
        Some(text) => text
            .parse()
            .map_err(|_| Error::new(ErrorCode::InvalidValue, "$.as_of", "YYYY-MM-DD", "日期格式 YYYY-MM-DD"))?,
        None => policy.market.as_of,
    };
    Ok((policy, firm, as_of))
}

/// `{"policy": "default" | {pack}, "firm": {...}, "as_of"?, "request"?: {"amount"?,
/// "max_payment"?, "objective"?}}`.
fn advise(input: &Value) -> Result<Value, Error> {
    let (policy, firm, as_of) = evaluation_input(input)?;
    let request = match input.get("request") {
        None | Some(Value::Null) => crate::advise::AdviceRequest::default(),
        Some(r) => crate::json::from_value(r)?,
    };
    to_json(&crate::advise::advise(&policy, &firm, as_of, &request)?)
}

/// Check that `actual` contains `expected`: every key of an expected object must be in
/// the actual one with a matching value; arrays must have equal length and match
/// element-wise; anything else must be equal. The error names the first JSON path that differs.
pub fn matches(expected: &Value, actual: &Value) -> Result<(), String> {
    compare("$", expected, actual)
}

fn compare(path: &str, expected: &Value, actual: &Value) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e.iter().try_for_each(|(key, ev)| match a.get(key) {
            Some(av) => compare(&format!("{path}.{key}"), ev, av),
            None => Err(format!("{path}.{key}: missing, expected {ev}")),
        }),
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!("{path}: {} elements, expected {}", a.len(), e.len()));
            }
            e.iter().zip(a).enumerate().try_for_each(|(i, (ev, av))| compare(&format!("{path}[{i}]"), ev, av))
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{path}: got {actual}, expected {expected}")),
    }
}
