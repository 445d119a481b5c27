//! Reading documents with errors that name the JSON path of what is wrong.
//!
//! Works over any serde deserializer, so the WASM boundary (serde-wasm-bindgen) reports
//! paths the same way the native JSON reader does.

use crate::error::{json_path, Error};
use serde::de::DeserializeOwned;
use serde::Deserializer;

/// Deserialize with path tracking; the error carries `$.a.b[2]` and serde's detail.
pub fn from_deserializer<'de, D, T>(deserializer: D) -> Result<T, Error>
where
    D: Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        Error::from_serde(&path, &e.into_inner().to_string())
    })
}

/// Parse JSON text into `T`. Syntax errors keep their line and column.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = from_deserializer(&mut deserializer)?;
    deserializer.end().map_err(|e| Error::from_serde("", &e.to_string()))?;
    Ok(value)
}

/// The `$` path of a serde_path_to_error path, for callers that build their own errors.
pub fn path(raw: &str) -> String {
    json_path(raw)
}
