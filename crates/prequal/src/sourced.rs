//! Numbers in a pack that may carry a source tag: `0.03` or `{"value": 0.03, "source": "[N] ..."}`.
//!
//! Numbers are accepted as JSON numbers or decimal strings; both parse to the same exact
//! Decimal, so a pack means the same thing natively and in the browser.

use crate::error::Result;
use crate::json::{FromJson, Json, Node};
use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

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

impl FromJson for Sourced {
    fn from_json(node: Node<'_>) -> Result<Sourced> {
        if !node.value().is_object() {
            return match node.value() {
                Json::Number(_) | Json::String(_) => node.decimal().map(Sourced::bare),
                _ => Err(node.wrong_type("a number, a decimal string, or {\"value\": number, \"source\": text}")),
            };
        }
        let fields = node.object(&["value", "source"])?;
        Ok(Sourced { value: fields.req("value")?, source: fields.opt("source")? })
    }
}

impl Serialize for Sourced {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.source {
            None => crate::money::serialize(&self.value, serializer),
            Some(source) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("value", crate::money::DecimalText::new(&self.value).as_str())?;
                map.serialize_entry("source", source)?;
                map.end()
            }
        }
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
