//! Reading documents with errors that name the JSON path of what is wrong.
//!
//! Every document is parsed into a [`serde_json::Value`] first and then read by a
//! deserializer over that value which knows where it is: each map value and list element is
//! read with a link to its parent's position (a list of path segments on the stack), and the
//! first (innermost) failure writes its path into a slot shared by the whole read. Nothing
//! is allocated for paths unless something fails.

use crate::error::{json_path, Error};
use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::cell::Cell;

/// Read `T` from any parsed JSON value with path tracking; the error carries `$.a.b[2]` and
/// serde's detail.
///
/// The value is read as serde_json reads a `&Value` (a struct may also be given as the array
/// of its fields, an enum as `{"name": null}`), with the path of what is wrong. For the
/// stricter reading of policy packs and firms, see [`from_value`].
pub fn from_deserializer<'de, T: Deserialize<'de>>(value: &'de Value) -> Result<T, Error> {
    read::<T, false>(value)
}

/// Parse JSON text into `T`. The text is read as JSON first, so syntax errors (with line
/// and column) are told apart from content errors (with the JSON path), and a document
/// that is not an object is refused before field matching.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let value: Value = serde_json::from_str(text).map_err(|e| Error::syntax(&e.to_string()))?;
    from_value(&value)
}

/// Read `T` from an already parsed JSON document, which must be an object.
///
/// Arrays are refused where an object is expected: serde's derived structs also accept
/// their fields as a positional array, so `["bank-b", {...}]` would be read as a bank; a pack
/// author who wrote that made a mistake and should be told. Enums must be names (JSON
/// strings). Scalars are handed over as serde_json's own deserializer does, so numbers,
/// strings and their error messages are exactly serde_json's.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, Error> {
    if !value.is_object() {
        return Err(not_an_object("$"));
    }
    read::<T, true>(value)
}

/// Read `T`; `STRICT` is the reading of packs and firms. The mode is a type parameter, not a
/// flag, so a build that never reads leniently (the SDK) carries none of its code.
fn read<'de, T: Deserialize<'de>, const STRICT: bool>(value: &'de Value) -> Result<T, Error> {
    let context = Context { error_at: Cell::new(None) };
    T::deserialize(Reader::<STRICT> { value, at: &Segment::Root, context: &context }).map_err(|e| {
        // Nothing recorded: the document itself is wrong (say, a missing field at the top).
        let path = context.error_at.take().unwrap_or_default();
        Error::from_serde(&path, &e.to_string())
    })
}

/// Where a value is: a linked list from the innermost segment up to the root, on the stack.
enum Segment<'p> {
    Root,
    Key(&'p str, &'p Segment<'p>),
    Index(usize, &'p Segment<'p>),
}

impl Segment<'_> {
    /// The path as `products[0].criteria[2].value` (keys joined by `.`, indices as `[i]`),
    /// which [`Error::from_serde`] turns into `$.products[0].criteria[2].value`.
    fn render(&self, out: &mut String) {
        match self {
            Segment::Root => {}
            Segment::Key(key, parent) => {
                parent.render(out);
                if !matches!(parent, Segment::Root) {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Index(index, parent) => {
                parent.render(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
}

/// What the whole read shares: where the first failure was.
struct Context {
    /// The path of the innermost failure, written once: the failure surfaces through every
    /// enclosing value, and each would otherwise claim it.
    error_at: Cell<Option<String>>,
}

impl Context {
    #[cold]
    fn fail_at(&self, at: &Segment<'_>) {
        let first = self.error_at.take().unwrap_or_else(|| {
            let mut path = String::new();
            at.render(&mut path);
            path
        });
        self.error_at.set(Some(first));
    }
}

/// A deserializer over one value of a parsed document that knows its path.
#[derive(Clone, Copy)]
struct Reader<'de, 'p, const STRICT: bool> {
    value: &'de Value,
    at: &'p Segment<'p>,
    context: &'p Context,
}

impl<'de, 'p, const STRICT: bool> Reader<'de, 'p, STRICT> {
    fn visit_map<V: Visitor<'de>>(
        self,
        map: &'de serde_json::Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        let mut access = Entries::<STRICT> { entries: map.iter(), entry: None, at: self.at, context: self.context };
        let value = visitor.visit_map(&mut access)?;
        self.all_read(access.entries.len(), map.len(), "fewer elements in map")?;
        Ok(value)
    }

    fn visit_seq<V: Visitor<'de>>(self, items: &'de [Value], visitor: V) -> Result<V::Value, serde_json::Error> {
        let mut access = Elements::<STRICT> { items: items.iter(), index: 0, at: self.at, context: self.context };
        let value = visitor.visit_seq(&mut access)?;
        self.all_read(access.items.len(), items.len(), "fewer elements in array")?;
        Ok(value)
    }

    /// serde_json's own reading of a `&Value` refuses entries or elements the visitor left
    /// unread (a struct given as a longer array); the strict reading never gets there.
    fn all_read(self, unread: usize, len: usize, expected: &'static str) -> Result<(), serde_json::Error> {
        if STRICT || unread == 0 {
            Ok(())
        } else {
            Err(de::Error::invalid_length(len, &expected))
        }
    }

    /// The variant's name and content of an enum: a name (`"monthly"`), or in the lenient
    /// reading serde_json's `{"monthly": content}`.
    fn variant(self) -> Result<(&'de str, Option<&'de Value>), serde_json::Error> {
        match self.value {
            Value::String(name) => Ok((name.as_str(), None)),
            other if STRICT => Err(de::Error::invalid_type(unexpected(other), &"a name (a JSON string)")),
            Value::Object(map) => {
                let mut entries = map.iter();
                match (entries.next(), entries.next()) {
                    (Some((name, content)), None) => Ok((name.as_str(), Some(content))),
                    _ => Err(de::Error::invalid_value(de::Unexpected::Map, &"map with a single key")),
                }
            }
            other => Err(de::Error::invalid_type(value_unexpected(other), &"string or map")),
        }
    }
}

impl<'de, 'p, const STRICT: bool> Deserializer<'de> for Reader<'de, 'p, STRICT> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::Object(map) => self.visit_map(map, visitor),
            Value::Array(items) => self.visit_seq(items, visitor),
            // The scalars as serde_json's `&Value` hands them over (calling its
            // `deserialize_any` would also compile its own map and array readers for every
            // visitor, never used here).
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => n.deserialize_any(visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::Array(_) if STRICT => Err(de::Error::invalid_type(de::Unexpected::Seq, &visitor)),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        // In packs and firms every enum is a name (a unit variant), given as a JSON string.
        let (variant, value) = self.variant()?;
        visitor.visit_enum(Variant::<STRICT> { variant, value, at: self.at, context: self.context })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// How a value is named in the "a name (a JSON string)" error of a strict enum.
fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Number(_) => de::Unexpected::Other("a number"),
        other => value_unexpected(other),
    }
}

/// How serde_json names a value in its own type errors.
fn value_unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => de::Unexpected::Unsigned(u),
            (None, Some(i), _) => de::Unexpected::Signed(i),
            (None, None, f) => de::Unexpected::Float(f.unwrap_or(f64::NAN)),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

/// The entries of an object; each value is read at `at.key`.
struct Entries<'de, 'p, const STRICT: bool> {
    entries: serde_json::map::Iter<'de>,
    entry: Option<(&'de str, &'de Value)>,
    at: &'p Segment<'p>,
    context: &'p Context,
}

impl<'de, const STRICT: bool> MapAccess<'de> for Entries<'de, '_, STRICT> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.entry = Some((key.as_str(), value));
        // An unknown field fails here, while its key is read: the path names the key.
        seed.deserialize(BorrowedStrDeserializer::new(key.as_str()))
            .map(Some)
            .inspect_err(|_| self.context.fail_at(&Segment::Key(key, self.at)))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        let Some((key, value)) = self.entry.take() else {
            self.context.fail_at(self.at);
            return Err(de::Error::custom("a value after its key"));
        };
        let at = Segment::Key(key, self.at);
        seed.deserialize(Reader::<STRICT> { value, at: &at, context: self.context })
            .inspect_err(|_| self.context.fail_at(&at))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// The elements of an array; each is read at `at[index]`.
struct Elements<'de, 'p, const STRICT: bool> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
    at: &'p Segment<'p>,
    context: &'p Context,
}

impl<'de, const STRICT: bool> SeqAccess<'de> for Elements<'de, '_, STRICT> {
    type Error = serde_json::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Self::Error> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let at = Segment::Index(self.index, self.at);
        self.index += 1;
        seed.deserialize(Reader::<STRICT> { value, at: &at, context: self.context })
            .map(Some)
            .inspect_err(|_| self.context.fail_at(&at))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An enum: its variant's name and, in the `{"name": content}` form, its content, which is
/// read at `at.name`.
struct Variant<'de, 'p, const STRICT: bool> {
    variant: &'de str,
    value: Option<&'de Value>,
    at: &'p Segment<'p>,
    context: &'p Context,
}

impl<'de, 'p, const STRICT: bool> EnumAccess<'de> for Variant<'de, 'p, STRICT> {
    type Error = serde_json::Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Self::Error> {
        let name: StrDeserializer<'_, serde_json::Error> = StrDeserializer::new(self.variant);
        seed.deserialize(name).map(|v| (v, self))
    }
}

impl<'de, const STRICT: bool> Variant<'de, '_, STRICT> {
    /// Read the content at `at.name`, recording the path if that fails.
    fn content<T>(
        self,
        read: impl FnOnce(Option<Reader<'de, '_, STRICT>>) -> Result<T, serde_json::Error>,
    ) -> Result<T, serde_json::Error> {
        let at = Segment::Key(self.variant, self.at);
        read(self.value.map(|value| Reader::<STRICT> { value, at: &at, context: self.context }))
            .inspect_err(|_| self.context.fail_at(&at))
    }
}

impl<'de, const STRICT: bool> VariantAccess<'de> for Variant<'de, '_, STRICT> {
    type Error = serde_json::Error;

    fn unit_variant(self) -> Result<(), Self::Error> {
        self.content(|content| match content {
            Some(reader) => Deserialize::deserialize(reader.value),
            None => Ok(()),
        })
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Self::Error> {
        self.content(|content| match content {
            Some(reader) => seed.deserialize(reader),
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &"newtype variant")),
        })
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Self::Error> {
        self.content(|content| match content {
            Some(Reader { value: Value::Array(items), .. }) if items.is_empty() => visitor.visit_unit(),
            Some(reader @ Reader { value: Value::Array(items), .. }) => reader.visit_seq(items, visitor),
            Some(reader) => Err(de::Error::invalid_type(value_unexpected(reader.value), &"tuple variant")),
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &"tuple variant")),
        })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.content(|content| match content {
            Some(reader @ Reader { value: Value::Object(map), .. }) => reader.visit_map(map, visitor),
            Some(reader) => Err(de::Error::invalid_type(value_unexpected(reader.value), &"struct variant")),
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &"struct variant")),
        })
    }
}

/// The error for a document (or part) that must be a JSON object.
pub fn not_an_object(path: &str) -> Error {
    Error::new(crate::ErrorCode::WrongType, path, "a JSON object { ... }", "须为 JSON 对象 { ... }")
}

/// The `$` path of a path written `products[0].id` (`.` or empty for the root), for callers
/// that build their own errors.
pub fn path(raw: &str) -> String {
    json_path(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apr::AprRequest;
    use crate::schedule::ScheduleRequest;
    use serde_json::json;

    fn at(error: Error) -> (String, String) {
        (error.code.as_str().to_string(), error.path)
    }

    #[test]
    fn errors_name_the_innermost_path() {
        let read = |v: Value| at(from_value::<AprRequest>(&v).unwrap_err());
        let flows = |flows: Value| json!({ "cash_flows": flows });
        let cases = [
            (
                flows(json!([{"period": 0, "amount": "-100"}, {"period": 1, "amount": "x"}])),
                "wrong_type",
                "$.cash_flows[1].amount",
            ),
            (flows(json!([{"period": 0, "amount": -100, "extra": 1}])), "unknown_field", "$.cash_flows[0].extra"),
            (flows(json!([{"period": 0}])), "missing_field", "$.cash_flows[0].amount"),
            (flows(json!([[0, "-100"]])), "wrong_type", "$.cash_flows[0]"),
            (flows(json!({"a": 1})), "wrong_type", "$.cash_flows"),
            (json!({}), "missing_field", "$.cash_flows"),
            (json!({"cash_flows": [], "periods_per_year": -1}), "out_of_range", "$.periods_per_year"),
        ];
        for (input, code, path) in cases {
            assert_eq!(read(input.clone()), (code.to_string(), path.to_string()), "{input}");
        }
        assert_eq!(at(from_value::<AprRequest>(&json!([])).unwrap_err()), ("wrong_type".into(), "$".into()));
    }

    #[test]
    fn strict_reading_refuses_arrays_for_structs_and_maps_for_enums() {
        let schedule =
            |method: Value| json!({"principal": "15000", "annual_rate": "0.08", "months": 60, "method": method});
        let e = from_value::<ScheduleRequest>(&schedule(json!({"equal_installment": null}))).unwrap_err();
        assert_eq!(e.path, "$.method");
        assert_eq!(e.expected_en, "invalid type: map, expected a name (a JSON string)");
        let e = from_value::<ScheduleRequest>(&schedule(json!(7))).unwrap_err();
        assert_eq!(e.expected_en, "invalid type: a number, expected a name (a JSON string)");
        assert!(from_value::<ScheduleRequest>(&schedule(json!("equal_principal"))).is_ok());
    }

    #[test]
    fn lenient_reading_is_serde_jsons_with_paths() {
        let read = |v: Value| from_deserializer::<ScheduleRequest>(&v);
        let schedule =
            |method: Value| json!({"principal": "15000", "annual_rate": "0.08", "months": 60, "method": method});
        assert!(read(json!(["15000", "0.08", 60, "equal_installment"])).is_ok());
        assert!(read(schedule(json!({"equal_installment": null}))).is_ok());
        let e = read(json!(["15000", "0.08", 60, "equal_installment", 5])).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.expected_en.as_str()),
            ("$", "invalid length 5, expected fewer elements in array")
        );
        let e = read(schedule(json!({"equal_installment": 3}))).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.expected_en.as_str()),
            ("$.method.equal_installment", "invalid type: integer `3`, expected unit")
        );
        let e = read(schedule(json!({}))).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.expected_en.as_str()),
            ("$.method", "invalid value: map, expected map with a single key")
        );
        let e = read(schedule(json!(7))).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.expected_en.as_str()),
            ("$.method", "invalid type: integer `7`, expected string or map")
        );
        let e = from_deserializer::<AprRequest>(&json!({"cash_flows": [[0, "-100", 3]]})).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.expected_en.as_str()),
            ("$.cash_flows[0]", "invalid length 3, expected fewer elements in array")
        );
    }

    #[test]
    fn paths_render_as_before() {
        let root = Segment::Root;
        let products = Segment::Key("products", &root);
        let first = Segment::Index(0, &products);
        let id = Segment::Key("id", &first);
        let render = |segment: &Segment<'_>| {
            let mut out = String::new();
            segment.render(&mut out);
            json_path(&out)
        };
        assert_eq!(render(&root), "$");
        assert_eq!(render(&id), "$.products[0].id");
        let top = Segment::Index(3, &root);
        assert_eq!(render(&Segment::Index(1, &top)), "$[3][1]");
    }
}
