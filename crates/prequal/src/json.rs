//! Reading documents with errors that name the JSON path of what is wrong.
//!
//! Works over any serde deserializer, so the WASM boundary (serde-wasm-bindgen) reports
//! paths the same way the native JSON reader does.

use crate::error::{json_path, Error};
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
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

/// Parse JSON text into `T`. The text is read as JSON first, so syntax errors (with line
/// and column) are told apart from content errors (with the JSON path), and a document
/// that is not an object is refused before field matching.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::syntax(&e.to_string()))?;
    from_value(&value)
}

/// Read `T` from an already parsed JSON document, which must be an object.
pub fn from_value<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T, Error> {
    if !value.is_object() {
        return Err(not_an_object("$"));
    }
    from_deserializer(Strict(value))
}

/// A deserializer over a parsed document that refuses arrays where an object is expected.
///
/// serde's derived structs also accept their fields as a positional array, so
/// `["bank-b", {...}]` would be read as a bank; a pack author who wrote that made a
/// mistake and should be told. Scalars are handed to serde_json's own deserializer, so
/// numbers, strings and their error messages are exactly serde_json's.
struct Strict<'a>(&'a serde_json::Value);

impl<'de> Deserializer<'de> for Strict<'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            serde_json::Value::Object(map) => visitor.visit_map(StrictMap { entries: map.iter(), value: None }),
            serde_json::Value::Array(items) => visitor.visit_seq(StrictSeq(items.iter())),
            scalar => scalar.deserialize_any(visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.0 {
            serde_json::Value::Array(_) => Err(de::Error::invalid_type(de::Unexpected::Seq, &visitor)),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            serde_json::Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        // Every enum of the formats is a name (a unit variant), given as a JSON string.
        match self.0 {
            serde_json::Value::String(_) => self.0.deserialize_enum(name, variants, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &"a name (a JSON string)")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

fn unexpected(value: &serde_json::Value) -> de::Unexpected<'_> {
    match value {
        serde_json::Value::Null => de::Unexpected::Unit,
        serde_json::Value::Bool(b) => de::Unexpected::Bool(*b),
        serde_json::Value::Number(_) => de::Unexpected::Other("a number"),
        serde_json::Value::String(s) => de::Unexpected::Str(s),
        serde_json::Value::Array(_) => de::Unexpected::Seq,
        serde_json::Value::Object(_) => de::Unexpected::Map,
    }
}

struct StrictMap<'a> {
    entries: serde_json::map::Iter<'a>,
    value: Option<&'a serde_json::Value>,
}

impl<'de> MapAccess<'de> for StrictMap<'de> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(BorrowedStrDeserializer::new(key.as_str())).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(Strict(value)),
            None => Err(de::Error::custom("a value after its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct StrictSeq<'a>(std::slice::Iter<'a, serde_json::Value>);

impl<'de> SeqAccess<'de> for StrictSeq<'de> {
    type Error = serde_json::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Self::Error> {
        self.0.next().map(|value| seed.deserialize(Strict(value))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// The error for a document (or part) that must be a JSON object.
pub fn not_an_object(path: &str) -> Error {
    Error::new(crate::ErrorCode::WrongType, path, "a JSON object { ... }", "须为 JSON 对象 { ... }")
}

/// The `$` path of a serde_path_to_error path, for callers that build their own errors.
pub fn path(raw: &str) -> String {
    json_path(raw)
}
