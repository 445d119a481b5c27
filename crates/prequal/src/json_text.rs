//! JSON text → a document tree, for packs, firms and requests.
//!
//! RFC 8259, strict, as serde_json reads it (the tests compare the two on every shape of
//! input): no comments, no trailing commas, the last of duplicate keys wins, nesting at most
//! 127 containers deep. Numbers are kept as their text, so they become exact Decimals
//! without ever being a binary float.
//!
//! Why not serde_json's own reader: in the WASM build its deserializer pulls in float
//! formatting and serde's visitor machinery, about 35 KB of the module that this 200-line
//! reader replaces. serde_json still writes JSON everywhere, and native callers may hand a
//! parsed `serde_json::Value` to [`Json::from_serde`].

use crate::error::{Error, Result};
use std::collections::BTreeMap;

/// A parsed JSON document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written (`1e6`, `-0.50`).
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, keys in order (the last of duplicate keys wins).
    Object(BTreeMap<String, Json>),
}

/// Containers may nest this deep minus one, as in serde_json (its recursion limit).
const MAX_DEPTH: usize = 128;

impl Json {
    /// Parse JSON text; syntax errors give the line and column.
    pub fn parse(text: &str) -> Result<Json> {
        let mut parser = Parser { bytes: text.as_bytes(), pos: 0, depth: 0 };
        let value = parser.value()?;
        parser.skip_whitespace();
        if parser.pos < parser.bytes.len() {
            return Err(parser.error("trailing characters"));
        }
        Ok(value)
    }

    /// The same document from a value serde_json has parsed (numbers keep their text: the
    /// crate enables serde_json's `arbitrary_precision`).
    pub fn from_serde(value: &serde_json::Value) -> Json {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.as_str().to_string()),
            Value::String(s) => Json::String(s.clone()),
            Value::Array(items) => Json::Array(items.iter().map(Json::from_serde).collect()),
            Value::Object(map) => Json::Object(map.iter().map(|(k, v)| (k.clone(), Json::from_serde(v))).collect()),
        }
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// Whether two documents say the same, numbers compared by value: `1e3`, `1E+3` and
    /// `1000` are one number (serde_json rewrites some exponents as it keeps them).
    pub fn same_as(&self, other: &Json) -> bool {
        let value = |n: &str| rust_decimal::Decimal::from_scientific(n).or_else(|_| n.parse()).ok();
        let spelling = |n: &str| n.replace('E', "e").replace("e+", "e");
        match (self, other) {
            (Json::Number(x), Json::Number(y)) => {
                spelling(x) == spelling(y) || value(x).is_some_and(|v| Some(v) == value(y))
            }
            (Json::Array(x), Json::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| a.same_as(b)),
            (Json::Object(x), Json::Object(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|((ka, a), (kb, b))| ka == kb && a.same_as(b))
            }
            _ => self == other,
        }
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.pos += 1;
        }
    }

    /// A syntax error at the current position, in serde_json's words.
    #[cold]
    fn error(&self, what: &str) -> Error {
        let before = self.bytes.get(..self.pos).unwrap_or(self.bytes);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = before.len() - line_start;
        Error::syntax(&format!("{what} at line {line} column {column}"))
    }

    fn value(&mut self) -> Result<Json> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => {
                self.pos += 1;
                self.string().map(Json::String)
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(Parser::array),
            Some(b'{') => self.nested(Parser::object),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json> {
        for expected in word.bytes() {
            match self.next() {
                Some(byte) if byte == expected => {}
                Some(_) => return Err(self.error("expected ident")),
                None => return Err(self.error("EOF while parsing a value")),
            }
        }
        Ok(value)
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Json>) -> Result<Json> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.pos += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Json> {
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_whitespace();
            match self.next() {
                Some(b',') => {
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b']') => return Ok(Json::Array(items)),
                Some(_) => return Err(self.error("expected `,` or `]`")),
                None => return Err(self.error("EOF while parsing a list")),
            }
        }
    }

    fn object(&mut self) -> Result<Json> {
        let mut map = BTreeMap::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(map));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => self.pos += 1,
                Some(b'}') => return Err(self.error("trailing comma")),
                Some(_) => return Err(self.error("key must be a string")),
                None => return Err(self.error("EOF while parsing an object")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.next() {
                Some(b':') => {}
                Some(_) => return Err(self.error("expected `:`")),
                None => return Err(self.error("EOF while parsing an object")),
            }
            let value = self.value()?;
            map.insert(key, value);
            self.skip_whitespace();
            match self.next() {
                Some(b',') => {}
                Some(b'}') => return Ok(Json::Object(map)),
                Some(_) => return Err(self.error("expected `,` or `}`")),
                None => return Err(self.error("EOF while parsing an object")),
            }
        }
    }

    /// A string's contents after its opening quote.
    fn string(&mut self) -> Result<String> {
        let mut out = String::new();
        loop {
            let start = self.pos;
            while matches!(self.peek(), Some(byte) if byte != b'"' && byte != b'\\' && byte >= 0x20) {
                self.pos += 1;
            }
            // The input is a &str and the run stops only at ASCII bytes, so it is whole UTF-8.
            out.push_str(std::str::from_utf8(self.bytes.get(start..self.pos).unwrap_or_default()).unwrap_or_default());
            match self.next() {
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let decoded = match self.next() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => self.unicode_escape()?,
            Some(_) => return Err(self.error("invalid escape")),
            None => return Err(self.error("EOF while parsing a string")),
        };
        out.push(decoded);
        Ok(())
    }

    /// `\uXXXX`, and its pair when it is a leading surrogate.
    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        if (0xDC00..0xE000).contains(&first) {
            return Err(self.error("lone leading surrogate in hex escape"));
        }
        if !(0xD800..0xDC00).contains(&first) {
            return char::from_u32(first).ok_or_else(|| self.error("invalid unicode code point"));
        }
        if self.next() != Some(b'\\') || self.next() != Some(b'u') {
            return Err(self.error("unexpected end of hex escape"));
        }
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return Err(self.error("lone leading surrogate in hex escape"));
        }
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = match self.next() {
                Some(byte @ b'0'..=b'9') => byte - b'0',
                Some(byte @ b'a'..=b'f') => byte - b'a' + 10,
                Some(byte @ b'A'..=b'F') => byte - b'A' + 10,
                Some(_) => return Err(self.error("invalid escape")),
                None => return Err(self.error("EOF while parsing a string")),
            };
            value = value * 16 + u32::from(digit);
        }
        Ok(value)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Json> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.next() {
            Some(b'0') => {}
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.next(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.next(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        let text = std::str::from_utf8(self.bytes.get(start..self.pos).unwrap_or_default()).unwrap_or_default();
        Ok(Json::Number(text.to_string()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// serde_json's reading of `text`, in the same tree (None: it refuses the text).
    fn serde_reading(text: &str) -> Option<Json> {
        serde_json::from_str::<serde_json::Value>(text).ok().map(|v| Json::from_serde(&v))
    }

    fn agree(text: &str) {
        let ours = Json::parse(text);
        match serde_reading(text) {
            Some(theirs) => {
                assert!(ours.as_ref().is_ok_and(|ours| ours.same_as(&theirs)), "{text:?}: {ours:?} vs {theirs:?}")
            }
            None => assert!(ours.is_err(), "{text:?} is refused by serde_json but read as {ours:?}"),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let cases = [
            r#"{"a": [1, -0, 0.5, 1e6, -1.25E-3, 1E+2, 12345678901234567890123456789], "b": {"c": null}}"#,
            r#"{"s": "\"\\\/\b\f\n\r\t\u00e9\u4e2d\ud83d\ude00 中文"}"#,
            " \n\t\r{ } ",
            "[]",
            "[[[]]]",
            r#"{"a":1,"a":2}"#,
            "true",
            "null",
            "\"x\"",
            "-1",
        ];
        for text in cases {
            agree(text);
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        let cases = [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            r#"{"a":1,}"#,
            "[1 2]",
            "{'a':1}",
            "{a:1}",
            "01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "1e+",
            "--1",
            "nul",
            "tru",
            "falsey",
            "[1]x",
            "\"abc",
            "\"\u{1}\"",
            r#""\x""#,
            r#""\u12""#,
            r#""\ud800""#,
            r#""\ude00""#,
            r#""\ud800\u0041""#,
            "[",
            "[1",
            r#"{"a""#,
            r#"{"a":"#,
            r#"{"a":1"#,
            "NaN",
            "Infinity",
            "\u{feff}{}",
            "/* */{}",
        ];
        for text in cases {
            agree(text);
        }
    }

    #[test]
    fn nesting_stops_where_serde_jsons_does() {
        for depth in [126, 127, 128, 129, 200] {
            agree(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
            agree(&format!("{}1{}", "{\"a\":[".repeat(depth / 2), "]}".repeat(depth / 2)));
        }
        let e = Json::parse(&"[".repeat(300)).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::TooLarge);
    }

    #[test]
    fn errors_say_where() {
        let e = Json::parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::InvalidJson);
        assert_eq!(e.expected_en, "expected `:` at line 3 column 7");
        let e = Json::parse("{\"a\": [1, 2").unwrap_err();
        assert!(e.expected_en.starts_with("EOF while parsing a list"), "{}", e.expected_en);
    }

    fn json_like() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"a\"",
            "\"\\u00e9\"",
            "\"\\ud83d\\ude00\"",
            "\"\\",
            "1",
            "-0",
            "0.5",
            "1e3",
            "-",
            ".",
            "e",
            "true",
            "null",
            "fals",
            " ",
            "\n",
            "\"中\"",
            "\"",
            "\\u",
            "0",
            "01",
        ]);
        prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn agrees_with_serde_json_on_arbitrary_text(text in json_like()) {
            agree(&text);
        }

        #[test]
        fn agrees_with_serde_json_on_edited_documents(edits in prop::collection::vec((0usize..400, any::<u8>()), 0..4)) {
            let mut text = crate::policy::DEFAULT_PACK_JSON.get(..400).unwrap_or_default().as_bytes().to_vec();
            text.extend_from_slice(b"]}");
            for (at, byte) in edits {
                if let Some(slot) = text.get_mut(at) {
                    *slot = byte & 0x7f;
                }
            }
            agree(&String::from_utf8_lossy(&text));
        }
    }
}
