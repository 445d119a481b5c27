//! Reading documents with errors that name the JSON path of what is wrong.
//!
//! Every document is parsed into a [`Json`] tree first (numbers kept as their text, so no
//! binary float ever stands between the text and the exact Decimal; see
//! [`crate::json_text`]), then read by hand-written [`FromJson`] impls over that tree.
//!
//! Why not `#[derive(Deserialize)]`: the derived visitors were most of the WASM module
//! (about 120 KB of 465 KB), and the reading rules here are few and strict: objects with
//! known fields only, enums as names, numbers as JSON numbers or decimal strings. Each
//! node knows its path as a linked list of segments on the stack, so nothing is allocated
//! for paths unless something fails. Messages keep serde's English shapes ("invalid type:
//! string \"x\", expected a boolean") and are written with their code, their Chinese
//! rendering and a "did you mean" hint where they are made (not parsed back from the
//! English, which cost the WASM modules ~4 KiB).

use crate::error::{did_you_mean, json_path, Error, ErrorCode, Result};
pub use crate::json_text::Json;
use crate::limits;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A type read from a node of a parsed JSON document, with errors naming the node's path.
pub trait FromJson: Sized {
    /// Read `Self` from `node`.
    fn from_json(node: Node<'_>) -> Result<Self>;
}

/// Parse JSON text into `T`. The text is read as JSON first, so syntax errors (with line
/// and column) are told apart from content errors (with the JSON path), and a document
/// that is not an object is refused before field matching.
pub fn from_str<T: FromJson>(text: &str) -> Result<T> {
    from_json(&Json::parse(text)?)
}

/// Read `T` from a document serde_json has parsed, which must be an object.
pub fn from_value<T: FromJson>(value: &serde_json::Value) -> Result<T> {
    from_json(&Json::from_serde(value))
}

/// Read `T` from a parsed document, which must be an object.
pub fn from_json<T: FromJson>(value: &Json) -> Result<T> {
    if !value.is_object() {
        return Err(not_an_object("$"));
    }
    T::from_json(Node { value, at: &Segment::Root })
}

/// Where a value is: a linked list from the innermost segment up to the root, on the stack.
enum Segment<'p> {
    Root,
    Key(&'p str, &'p Segment<'p>),
    Index(usize, &'p Segment<'p>),
}

impl Segment<'_> {
    /// The path as `products[0].criteria[2].value` (keys joined by `.`, indices as `[i]`),
    /// which [`json_path`] turns into `$.products[0].criteria[2].value`.
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
                let _ = write!(out, "[{index}]");
            }
        }
    }
}

/// One value of a document and where it is.
#[derive(Clone, Copy)]
pub struct Node<'a> {
    value: &'a Json,
    at: &'a Segment<'a>,
}

impl<'a> Node<'a> {
    /// The value itself.
    pub fn value(self) -> &'a Json {
        self.value
    }

    /// An error at this node.
    #[cold]
    pub fn fail(self, code: ErrorCode, en: String, zh: String) -> Error {
        let mut path = String::new();
        self.at.render(&mut path);
        Error::new(code, json_path(&path), en, zh)
    }

    /// `error`, moved to this node's path.
    #[cold]
    pub fn locate(self, mut error: Error) -> Error {
        let mut path = String::new();
        self.at.render(&mut path);
        error.path = json_path(&path);
        error
    }

    /// `invalid type: <what is here>, expected <expected>`.
    #[cold]
    pub fn wrong_type(self, expected: &str) -> Error {
        let (en, zh) = unexpected(self.value);
        self.type_error(&en, &zh, expected)
    }

    /// `invalid type: <got>, expected <expected>` (类型错误).
    #[cold]
    fn type_error(self, got_en: &str, got_zh: &str, expected: &str) -> Error {
        self.fail(
            ErrorCode::WrongType,
            format!("invalid type: {got_en}, expected {expected}"),
            format!("类型错误：实际为 {got_zh}，应为 {expected}"),
        )
    }

    /// `unknown <what> `given`, expected <options>` with a "did you mean" hint: an unknown
    /// field (a key) or an unknown variant (a name).
    #[cold]
    fn unknown(self, field: bool, given: &str, options: &[&str], none: &str) -> Error {
        let listed = one_of(options, none);
        let (code, en, zh) = if field {
            (ErrorCode::UnknownField, "unknown field", "未知字段")
        } else {
            (ErrorCode::InvalidValue, "unknown variant", "无效取值")
        };
        let zh_list = if field { "，应为：" } else { "，可选：" };
        let mut en = format!("{en} `{given}`, expected {listed}");
        let mut zh = format!("{zh} `{given}`{zh_list}{}", listed.replace("one of ", ""));
        if let Some(name) = did_you_mean(given, options) {
            en = format!("{en}; did you mean `{name}`?");
            zh = format!("{zh}；是否应为 `{name}`？");
        }
        self.fail(code, en, zh)
    }

    /// A string.
    pub fn str(self) -> Result<&'a str> {
        match self.value {
            Json::String(text) => Ok(text),
            _ => Err(self.wrong_type("a string")),
        }
    }

    /// An exact decimal from a JSON number or a decimal string.
    pub fn decimal(self) -> Result<Decimal> {
        match self.value {
            // A JSON number is a value, not a text: its trailing zeros mean nothing (and a JS
            // caller cannot keep them), so `1000000.0` reads as `1000000`, as JS writes it.
            Json::Number(n) => decimal_from_text(n).map(|d| d.normalize()),
            // A decimal string keeps its form: "0.50" stays 0.50.
            Json::String(text) => decimal_from_text(text),
            _ => return Err(self.wrong_type("a number or a decimal string")),
        }
        .map_err(|error| self.locate(error))
    }

    /// The fields of an object that may hold only `fields`; any other key is an error at
    /// that key, with a hint when it is a near miss.
    pub fn object(self, fields: &'static [&'static str]) -> Result<Object<'a>> {
        let Json::Object(map) = self.value else {
            return Err(self.wrong_type("a JSON object { ... }"));
        };
        if let Some(key) = map.keys().find(|key| !fields.contains(&key.as_str())) {
            let at = Segment::Key(key, self.at);
            return Err(Node { value: self.value, at: &at }.unknown(true, key, fields, "there are no fields"));
        }
        Ok(Object { map, at: self.at })
    }

    /// One of `names` (an enum given as a JSON string).
    pub fn name<T: Copy>(self, names: &[(&'static str, T)]) -> Result<T> {
        self.name_of(names, |(name, _)| name).map(|(_, value)| value)
    }

    /// One of `all`, each named by `name` (an enum given as a JSON string).
    pub fn name_of<T: Copy>(self, all: &[T], name: fn(T) -> &'static str) -> Result<T> {
        let Json::String(given) = self.value else {
            let (en, zh) = match self.value {
                Json::Number(_) => ("a number".to_string(), "a number".to_string()),
                other => unexpected(other),
            };
            return Err(self.type_error(&en, &zh, "a name (a JSON string)"));
        };
        match all.iter().find(|item| name(**item) == given) {
            Some(item) => Ok(*item),
            None => {
                let options: Vec<&str> = all.iter().map(|item| name(*item)).collect();
                Err(self.unknown(false, given, &options, "nothing"))
            }
        }
    }

    /// The node of the `index`-th element of this array.
    fn read_element<T: FromJson>(self, index: usize, value: &Json) -> Result<T> {
        T::from_json(Node { value, at: &Segment::Index(index, self.at) })
    }
}

/// The fields of an object being read.
pub struct Object<'a> {
    map: &'a BTreeMap<String, Json>,
    at: &'a Segment<'a>,
}

impl Object<'_> {
    /// A field that must be there.
    pub fn req<T: FromJson>(&self, key: &'static str) -> Result<T> {
        self.req_with(key, T::from_json)
    }

    /// A field that must be there, read by `read`.
    pub fn req_with<T>(&self, key: &'static str, read: impl FnOnce(Node<'_>) -> Result<T>) -> Result<T> {
        match self.map.get(key) {
            Some(value) => read(Node { value, at: &Segment::Key(key, self.at) }),
            None => Err(self.missing(key)),
        }
    }

    /// A field that must be there when `required`, else may be left out or `null`.
    pub fn maybe<T: FromJson>(&self, key: &'static str, required: bool) -> Result<Option<T>> {
        if required {
            self.req(key).map(Some)
        } else {
            self.opt(key)
        }
    }

    /// A field that may be left out or `null`.
    pub fn opt<T: FromJson>(&self, key: &'static str) -> Result<Option<T>> {
        match self.map.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(value) => self.read(key, value).map(Some),
        }
    }

    /// A field that may be left out (then `default`); `null` is not a way to leave it out.
    pub fn or<T: FromJson>(&self, key: &'static str, default: impl FnOnce() -> T) -> Result<T> {
        match self.map.get(key) {
            Some(value) => self.read(key, value),
            None => Ok(default()),
        }
    }

    /// A field that may be left out (then `T::default()`).
    pub fn or_default<T: FromJson + Default>(&self, key: &'static str) -> Result<T> {
        self.or(key, T::default)
    }

    fn read<T: FromJson>(&self, key: &str, value: &Json) -> Result<T> {
        T::from_json(Node { value, at: &Segment::Key(key, self.at) })
    }

    #[cold]
    fn missing(&self, key: &str) -> Error {
        let mut path = String::new();
        self.at.render(&mut path);
        // Named at the field itself, not at the object that lacks it.
        let path = format!("{}.{key}", json_path(&path));
        Error::new(ErrorCode::MissingField, path, format!("missing field `{key}`"), format!("缺少必填字段 `{key}`"))
    }
}

/// Strings and lists are held to the engine's limits as they are read, where the path is
/// known (SECURITY.md).
impl FromJson for String {
    fn from_json(node: Node<'_>) -> Result<String> {
        let text = node.str()?;
        limits::check_string("", text).map_err(|e| node.locate(e))?;
        Ok(text.to_string())
    }
}

impl FromJson for bool {
    fn from_json(node: Node<'_>) -> Result<bool> {
        match node.value {
            Json::Bool(b) => Ok(*b),
            _ => Err(node.wrong_type("a boolean")),
        }
    }
}

impl FromJson for u32 {
    fn from_json(node: Node<'_>) -> Result<u32> {
        let Json::Number(text) = node.value else {
            return Err(node.wrong_type("u32"));
        };
        let whole = !text.contains(['.', 'e', 'E']);
        let out_of_range = || {
            node.fail(
                ErrorCode::OutOfRange,
                format!("invalid value: integer `{text}`, expected u32"),
                format!("取值无效：整数 `{text}`，应为 u32"),
            )
        };
        match text.parse::<u64>() {
            Ok(v) => u32::try_from(v).map_err(|_| out_of_range()),
            // A negative whole number is a value out of range; anything else (a fraction, an
            // exponent, a whole number beyond 64 bits) is not an integer at all.
            Err(_) if whole && text.starts_with('-') && text.len() <= 20 => Err(out_of_range()),
            Err(_) => Err(node.type_error(&format!("floating point `{text}`"), &format!("小数 `{text}`"), "u32")),
        }
    }
}

impl FromJson for Decimal {
    fn from_json(node: Node<'_>) -> Result<Decimal> {
        node.decimal()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(node: Node<'_>) -> Result<Option<T>> {
        match node.value {
            Json::Null => Ok(None),
            _ => T::from_json(node).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(node: Node<'_>) -> Result<Vec<T>> {
        node.list(limits::MAX_LIST)
    }
}

impl Node<'_> {
    /// Each entry of an object, in key order, with its node; at most `max` entries, keys
    /// held to the string limit.
    pub fn entries(self, max: usize, mut visit: impl FnMut(&str, Node<'_>) -> Result<()>) -> Result<()> {
        let Json::Object(map) = self.value else {
            return Err(self.wrong_type("a JSON object { ... }"));
        };
        let node = self;
        limits::check_len("", map.len(), max).map_err(|e| node.locate(e))?;
        for (key, value) in map {
            let at = Segment::Key(key, self.at);
            let child = Node { value, at: &at };
            limits::check_string("", key).map_err(|e| child.locate(e))?;
            visit(key, child)?;
        }
        Ok(())
    }

    /// Whether this node is an object holding `key`.
    pub fn has(self, key: &str) -> bool {
        matches!(self.value, Json::Object(map) if map.contains_key(key))
    }

    /// A list of at most `max` elements ([`limits::MAX_LIST`] for packs and firms).
    pub fn list<T: FromJson>(self, max: usize) -> Result<Vec<T>> {
        let Json::Array(items) = self.value else {
            return Err(self.wrong_type("a sequence"));
        };
        let node = self;
        limits::check_len("", items.len(), max).map_err(|e| node.locate(e))?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(node.read_element(i, item)?);
        }
        Ok(out)
    }
}

/// Read an object's fields into a struct: `read_fields!(o, Product { id: req("id"), ... })`,
/// each field by an [`Object`] method. Every field is read and the first error in field order
/// returned, so the function has one way out instead of one per field with its own clean-up
/// of the fields read so far (that clean-up was a fifth of the reading code in WASM).
#[macro_export]
#[doc(hidden)]
macro_rules! read_fields {
    ($o:ident, $ty:ident { $($field:ident : $method:ident ( $($arg:expr),* )),* $(,)? }) => {{
        let mut first: Option<$crate::Error> = None;
        $( let $field = $crate::json::keep(&mut first, $o.$method($($arg),*)); )*
        match ($($field,)*) {
            ($(Some($field),)*) if first.is_none() => Ok($ty { $($field),* }),
            _ => Err(first.unwrap_or_else($crate::json::unread)),
        }
    }};
}

/// A field's value, or `None` after noting its error if it is the first.
#[doc(hidden)]
pub fn keep<T>(first: &mut Option<Error>, result: Result<T>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(e) => {
            if first.is_none() {
                *first = Some(e);
            }
            None
        }
    }
}

/// Never returned: [`read_fields!`] notes an error for every field it could not read.
#[doc(hidden)]
#[cold]
pub fn unread() -> Error {
    Error::new(crate::ErrorCode::InvalidJson, "$", "a readable document", "可读取的文档")
}

/// `impl FromJson` for a unit enum read from its JSON name, with the names as serde writes
/// them (a test checks the two agree).
#[macro_export]
#[doc(hidden)]
macro_rules! json_names {
    ($type:ty { $($name:literal => $variant:expr),+ $(,)? }) => {
        impl $type {
            /// Every variant with its JSON name.
            pub const NAMES: &'static [(&'static str, $type)] = &[$(($name, $variant)),+];
        }
        impl $crate::json::FromJson for $type {
            fn from_json(node: $crate::json::Node<'_>) -> $crate::Result<$type> {
                node.name(<$type>::NAMES)
            }
        }
    };
}

/// How serde names a value in its type errors ("string \"x\"", "integer `5`", "map"...),
/// and the same in Chinese.
fn unexpected(value: &Json) -> (String, String) {
    let (en, zh, shown) = match value {
        Json::Null => ("null", "null", String::new()),
        Json::Bool(b) => ("boolean ", "布尔值 ", format!("`{b}`")),
        Json::Number(n) if n.contains(['.', 'e', 'E']) => ("floating point ", "小数 ", format!("`{n}`")),
        Json::Number(n) => ("integer ", "整数 ", format!("`{n}`")),
        Json::String(s) => ("string ", "字符串 ", quoted(s)),
        Json::Array(_) => ("sequence", "数组", String::new()),
        Json::Object(_) => ("map", "对象", String::new()),
    };
    (format!("{en}{shown}"), format!("{zh}{shown}"))
}

/// A string in double quotes as Rust's `{:?}` writes it (serde's messages use that form),
/// without pulling the full debug escaper into the WASM modules.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                out.push_str("\\u{");
                crate::canonical::push_hex(&mut out, u32::from(c), 1);
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// serde's list of what was expected: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of(names: &[&str], none: &str) -> String {
    match names {
        [] => none.to_string(),
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

/// Parse a decimal from the text of a JSON number or a decimal string, refusing exponents
/// Decimal cannot hold: [`ErrorCode::TooLarge`] for a number beyond Decimal's 28 digits,
/// [`ErrorCode::WrongType`] for anything else (the error has no path yet).
pub(crate) fn decimal_from_text(text: &str) -> Result<Decimal> {
    use std::str::FromStr;
    let trimmed = text.trim();
    // rust_decimal's `from_str` reads exponents too (`from_scientific_lossy`); a test holds
    // that the strict `from_scientific` would accept nothing more.
    if let Ok(value) = Decimal::from_str(trimmed) {
        return Ok(value);
    }
    let numeric = !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c));
    if numeric && trimmed.chars().any(|c| c.is_ascii_digit()) {
        // Shaped like a number but beyond Decimal's 28 digits.
        let detail = format!("{trimmed}, the limit is {}", crate::limits::MAX_AMOUNT);
        Err(Error::new(ErrorCode::TooLarge, "", format!("number too large: {detail}"), format!("数字过大：{detail}")))
    } else {
        let shown = quoted(text);
        Err(Error::new(
            ErrorCode::WrongType,
            "",
            format!("invalid type: string {shown}, expected a decimal number"),
            format!("类型错误：实际为 字符串 {shown}，应为 a decimal number"),
        ))
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
    use proptest::prelude::*;
    use serde_json::{json, Value};

    proptest! {
        /// `from_str` alone reads every number `from_scientific` reads, to the same value,
        /// so decimals are read without the strict reader (2 KiB of WASM).
        #[test]
        fn from_str_reads_what_from_scientific_reads(
            text in "[+-]?[0-9]{0,30}(\\.[0-9]{0,30})?([eE][+-]?[0-9]{1,3})?",
        ) {
            use std::str::FromStr;
            if let Ok(strict) = Decimal::from_scientific(&text) {
                let read = Decimal::from_str(&text).map(|d| d.to_string()).ok();
                prop_assert_eq!(read, Some(strict.to_string()), "{}", text);
            }
        }
    }

    fn at(error: Error) -> (String, String) {
        (error.code.as_str().to_string(), error.path)
    }

    #[test]
    fn quoted_is_rust_debug_for_ordinary_text() {
        for text in ["abc", "a\"b", "back\\slash", "line\nbreak\ttab\r", "nul\0", "bell\u{7}", "营业收入", "é ✓"]
        {
            assert_eq!(super::quoted(text), format!("{text:?}"));
        }
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
            (json!({"cash_flows": [], "periods_per_year": 1.5}), "wrong_type", "$.periods_per_year"),
            (json!({"cash_flows": [], "periods_per_year": 5_000_000_000u64}), "out_of_range", "$.periods_per_year"),
        ];
        for (input, code, path) in cases {
            assert_eq!(read(input.clone()), (code.to_string(), path.to_string()), "{input}");
        }
        assert_eq!(at(from_value::<AprRequest>(&json!([])).unwrap_err()), ("wrong_type".into(), "$".into()));
    }

    #[test]
    fn messages_keep_serdes_shapes() {
        let schedule =
            |method: Value| json!({"principal": "15000", "annual_rate": "0.08", "months": 60, "method": method});
        let e = from_value::<ScheduleRequest>(&schedule(json!({"equal_installment": null}))).unwrap_err();
        assert_eq!(e.path, "$.method");
        assert_eq!(e.expected_en, "invalid type: map, expected a name (a JSON string)");
        let e = from_value::<ScheduleRequest>(&schedule(json!(7))).unwrap_err();
        assert_eq!(e.expected_en, "invalid type: a number, expected a name (a JSON string)");
        let e = from_value::<ScheduleRequest>(&schedule(json!("equal_instalment"))).unwrap_err();
        assert_eq!(
            (e.code.as_str(), e.expected_en.as_str()),
            (
                "invalid_value",
                "unknown variant `equal_instalment`, expected one of `equal_installment`, `equal_principal`, \
                 `interest_only`; did you mean `equal_installment`?"
            )
        );
        let e = from_value::<ScheduleRequest>(&json!({"principal": "1", "annual_rate": "0", "months": 1, "methd": 1}))
            .unwrap_err();
        assert_eq!((e.code.as_str(), e.path.as_str()), ("unknown_field", "$.methd"));
        assert!(e.expected_en.ends_with("did you mean `method`?"), "{}", e.expected_en);
        assert!(from_value::<ScheduleRequest>(&schedule(json!("equal_principal"))).is_ok());
    }

    #[test]
    fn numbers_are_read_exactly_from_their_text() {
        let read = |v: Value| from_value::<ScheduleRequest>(&v).map(|r| r.annual_rate.to_string());
        let request =
            |rate: Value| json!({"principal": 1, "annual_rate": rate, "months": 1, "method": "interest_only"});
        let text = |t: &str| serde_json::from_str::<Value>(t).unwrap();
        assert_eq!(read(request(text("0.1"))).unwrap(), "0.1");
        assert_eq!(read(request(text("0.10"))).unwrap(), "0.1");
        assert_eq!(read(request(json!("0.10"))).unwrap(), "0.10");
        assert_eq!(read(request(text("0.10000000000000000555"))).unwrap(), "0.10000000000000000555");
        assert_eq!(read(request(text("1e-2"))).unwrap(), "0.01");
        assert_eq!(read(request(json!("0.035"))).unwrap(), "0.035");
        let e = from_value::<ScheduleRequest>(&request(text("1e40"))).unwrap_err();
        assert_eq!(e.code.as_str(), "too_large");
        let e = from_value::<ScheduleRequest>(&request(json!("abc"))).unwrap_err();
        assert_eq!((e.code.as_str(), e.path.as_str()), ("wrong_type", "$.annual_rate"));
        let e = from_value::<ScheduleRequest>(&request(json!(true))).unwrap_err();
        assert_eq!(e.expected_en, "invalid type: boolean `true`, expected a number or a decimal string");
    }

    #[test]
    fn enum_names_agree_with_serde() {
        fn check<T: serde::Serialize + Copy + PartialEq + std::fmt::Debug>(names: &[(&str, T)]) {
            for (name, value) in names {
                assert_eq!(serde_json::to_value(value).unwrap(), json!(name), "{value:?}");
            }
        }
        check(crate::condition::Field::NAMES);
        check(crate::condition::Op::NAMES);
        check(crate::cost::FeeTiming::NAMES);
        check(crate::cost::SubsidyBasis::NAMES);
        check(crate::cost::SubsidyTiming::NAMES);
        check(crate::firm::TaxGrade::NAMES);
        check(crate::policy::RateBase::NAMES);
        check(crate::policy::Role::NAMES);
        check(crate::policy::AppliesTo::NAMES);
        check(crate::schedule::RepaymentMethod::NAMES);
        let industries: Vec<_> = crate::size::Industry::ALL.iter().map(|i| (i.id(), *i)).collect();
        check(&industries);
        assert_eq!(crate::condition::Field::NAMES.len(), 27);
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
