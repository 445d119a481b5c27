//! Numbers in a pack that may carry a source tag: `0.03` or `{"value": 0.03, "source": "[N] ..."}`.
//!
//! Numbers are accepted as JSON numbers or decimal strings; both parse to the same exact
//! Decimal, so a pack means the same thing natively and in the browser.

use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A number with an optional source tag (domain.md's `[V]` `[N]` `[T]` `[E]` tags and a citation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sourced {
    /// The number.
    pub value: Decimal,
    /// Where it comes from, e.g. `[N] LPR 1Y since 2025-05-20`.
    pub source: Option<String>,
}

impl Sourced {
    /// A number without a source.
    pub fn bare(value: Decimal) -> Sourced {
        Sourced { value, source: None }
    }
}

/// Parse a decimal from JSON text of a number, refusing exponents Decimal cannot hold.
pub(crate) fn decimal_from_text<E: de::Error>(text: &str) -> Result<Decimal, E> {
    let trimmed = text.trim();
    if let Ok(value) = Decimal::from_str(trimmed).or_else(|_| Decimal::from_scientific(trimmed)) {
        return Ok(value);
    }
    let numeric = !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c));
    if numeric && trimmed.chars().any(|c| c.is_ascii_digit()) {
        // Shaped like a number but beyond Decimal's 28 digits.
        Err(E::custom(format!("number too large: {trimmed}, the limit is {}", crate::limits::MAX_AMOUNT)))
    } else {
        Err(E::invalid_type(de::Unexpected::Str(text), &"a decimal number"))
    }
}

struct SourcedVisitor;

impl<'de> Visitor<'de> for SourcedVisitor {
    type Value = Sourced;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, a decimal string, or {\"value\": number, \"source\": text}")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Sourced, E> {
        Ok(Sourced::bare(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Sourced, E> {
        Ok(Sourced::bare(Decimal::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Sourced, E> {
        // Rust prints the shortest text that reads back as the same double, so 0.1 → "0.1".
        if !v.is_finite() {
            return Err(E::custom("a finite number"));
        }
        decimal_from_text(&v.to_string()).map(Sourced::bare)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Sourced, E> {
        decimal_from_text(v).map(Sourced::bare)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sourced, A::Error> {
        let mut value: Option<Decimal> = None;
        let mut source: Option<String> = None;
        // Keys are read through `SourcedKey`, so an unknown key fails while the key is being
        // read and the error's path names the key itself.
        while let Some(key) = map.next_key::<SourcedKey>()? {
            match key {
                SourcedKey::Value => value = Some(map.next_value::<DecimalValue>()?.0),
                SourcedKey::Source => source = Some(map.next_value()?),
            }
        }
        let value = value.ok_or_else(|| de::Error::missing_field("value"))?;
        Ok(Sourced { value, source })
    }
}

enum SourcedKey {
    Value,
    Source,
}

impl<'de> Deserialize<'de> for SourcedKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SourcedKey, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = SourcedKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`value` or `source`")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<SourcedKey, E> {
                match key {
                    "value" => Ok(SourcedKey::Value),
                    "source" => Ok(SourcedKey::Source),
                    other => Err(E::unknown_field(other, &["value", "source"])),
                }
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Sourced {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Sourced, D::Error> {
        deserializer.deserialize_any(SourcedVisitor)
    }
}

impl Serialize for Sourced {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.source {
            None => Serialize::serialize(&self.value, serializer),
            Some(source) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("value", &self.value)?;
                map.serialize_entry("source", source)?;
                map.end()
            }
        }
    }
}

/// A bare Decimal that accepts numbers and decimal strings alike (rust_decimal's own
/// visitor turns some doubles into long binary expansions; this one does not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DecimalValue(pub Decimal);

impl<'de> Deserialize<'de> for DecimalValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DecimalValue, D::Error> {
        struct Plain;
        impl<'de> Visitor<'de> for Plain {
            type Value = DecimalValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a decimal string")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DecimalValue, E> {
                Ok(DecimalValue(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DecimalValue, E> {
                Ok(DecimalValue(Decimal::from(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<DecimalValue, E> {
                SourcedVisitor.visit_f64(v).map(|s| DecimalValue(s.value))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DecimalValue, E> {
                decimal_from_text(v).map(DecimalValue)
            }
        }
        deserializer.deserialize_any(Plain)
    }
}

/// serde `with` module for plain `Decimal` fields: numbers or strings in, strings out.
pub(crate) mod decimal {
    use super::DecimalValue;
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        DecimalValue::deserialize(d).map(|v| v.0)
    }
}

/// serde `with` module for `Option<Decimal>` fields.
pub(crate) mod opt_decimal {
    use super::DecimalValue;
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        Option::<DecimalValue>::deserialize(d).map(|v| v.map(|v| v.0))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Sourced {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Sourced".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number (JSON number or decimal string), optionally with a source tag.",
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"},
                {
                    "type": "object",
                    "properties": {
                        "value": {"anyOf": [{"type": "number"}, {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"}]},
                        "source": {"type": "string"}
                    },
                    "required": ["value"],
                    "additionalProperties": false
                }
            ]
        })
    }
}
