//! Results cross to JS as a tape: one array of words, one text holding every string, and a
//! table of field names; a small JS function (`build` in lib.rs) turns them into plain
//! objects and arrays in one pass.
//!
//! Why not one JS call per value (serde-wasm-bindgen): a report holds about 3,000 strings
//! and 700 objects, and crossing the boundary for each, with a text decode for every string,
//! cost five times the evaluation itself. Here the boundary is crossed once, the strings are
//! decoded once, and field names are made once per call.
//!
//! The tape follows serde_json's data model, so `JSON.stringify` of the built value is the
//! native JSON text byte for byte (tests/wasm/vectors.test.mjs checks every vector).

use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// Value tags, as `build` reads them.
pub const NULL: u32 = 0;
/// `true`
pub const TRUE: u32 = 1;
/// `false`
pub const FALSE: u32 = 2;
/// A whole number that fits 32 bits: the next word.
pub const U32: u32 = 3;
/// Any other number, as text (offset, length in the text).
pub const NUMBER: u32 = 4;
/// A string (offset, length in UTF-16 units).
pub const STRING: u32 = 5;
/// An array: its length, then its elements.
pub const ARRAY: u32 = 6;
/// An object: its length, then per entry a key and a value.
pub const OBJECT: u32 = 7;
/// A key from the name table: its index.
pub const KEY_NAME: u32 = 8;
/// A key given as text (a map's key): offset, length.
pub const KEY_TEXT: u32 = 9;

/// A value written as a tape.
#[derive(Default)]
pub struct Tape {
    /// Tags and their operands.
    pub words: Vec<u32>,
    /// Every string and number text, one after another.
    pub text: String,
    /// Field names, each once, joined by NUL when handed to JS.
    pub names: Vec<&'static str>,
    text_units: u32,
    /// Field names by address: each is a `&'static str` of a derived `Serialize`, so its
    /// address names it (a name at two addresses is merely listed twice).
    name_index: HashMap<usize, u32, BuildHasherDefault<AddressHasher>>,
}

/// Hashes an address by one multiplication: SipHash over the names cost a tenth of a
/// report's conversion.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|&b| self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    }

    fn write_usize(&mut self, address: usize) {
        self.0 = (address as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// What went wrong writing a tape (a value serde_json could not write either).
#[derive(Debug)]
pub struct TapeError(String);

impl fmt::Display for TapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: fmt::Display>(message: T) -> TapeError {
        TapeError(message.to_string())
    }
}

type Result<T = ()> = std::result::Result<T, TapeError>;

impl Tape {
    /// The tape of `value`.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Result<Tape> {
        let mut tape = Tape::default();
        value.serialize(&mut tape)?;
        Ok(tape)
    }

    /// The field names as one text, joined by NUL (which no field name holds).
    pub fn names_text(&self) -> String {
        self.names.join("\0")
    }

    /// Append `text` to the text; push its offset and length in UTF-16 units (JS's).
    fn push_text(&mut self, text: &str) {
        let units = if text.is_ascii() { text.len() } else { text.chars().map(char::len_utf16).sum() };
        let units = u32::try_from(units).unwrap_or(u32::MAX);
        self.words.push(self.text_units);
        self.words.push(units);
        self.text.push_str(text);
        self.text_units = self.text_units.saturating_add(units);
    }

    fn string(&mut self, text: &str) {
        self.words.push(STRING);
        self.push_text(text);
    }

    fn number_text(&mut self, text: &str) {
        self.words.push(NUMBER);
        self.push_text(text);
    }

    fn name(&mut self, name: &'static str) {
        let next = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        let index = *self.name_index.entry(name.as_ptr() as usize).or_insert(next);
        if index == next {
            self.names.push(name);
        }
        self.words.push(KEY_NAME);
        self.words.push(index);
    }

    /// Start a container; its length is written when it ends.
    fn open(&mut self, tag: u32) -> Container<'_> {
        self.words.push(tag);
        let at = self.words.len();
        self.words.push(0);
        Container { tape: self, at, len: 0 }
    }

    /// `{variant: ...}`, as serde_json writes a variant with content.
    fn variant(&mut self, variant: &'static str) {
        self.words.push(OBJECT);
        self.words.push(1);
        self.name(variant);
    }
}

/// An array or object being written.
pub struct Container<'a> {
    tape: &'a mut Tape,
    at: usize,
    len: u32,
}

impl Container<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.len += 1;
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.len += 1;
        self.tape.name(key);
        value.serialize(&mut *self.tape)
    }

    fn close(self) -> Result {
        if let Some(slot) = self.tape.words.get_mut(self.at) {
            *slot = self.len;
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Container<'a>;
    type SerializeTuple = Container<'a>;
    type SerializeTupleStruct = Container<'a>;
    type SerializeTupleVariant = Container<'a>;
    type SerializeMap = Container<'a>;
    type SerializeStruct = Container<'a>;
    type SerializeStructVariant = Container<'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.words.push(if v { TRUE } else { FALSE });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Result {
        match u32::try_from(v) {
            Ok(small) => self.serialize_u32(small),
            Err(_) => {
                self.number_text(&v.to_string());
                Ok(())
            }
        }
    }

    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u32(u32::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u32(u32::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result {
        self.words.push(U32);
        self.words.push(v);
        Ok(())
    }

    fn serialize_u64(self, v: u64) -> Result {
        match u32::try_from(v) {
            Ok(small) => self.serialize_u32(small),
            Err(_) => {
                self.number_text(&v.to_string());
                Ok(())
            }
        }
    }

    fn serialize_f32(self, _: f32) -> Result {
        Err(ser::Error::custom("binary floats are not part of prequal's results"))
    }

    fn serialize_f64(self, _: f64) -> Result {
        Err(ser::Error::custom("binary floats are not part of prequal's results"))
    }

    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result {
        let mut array = self.open(ARRAY);
        v.iter().try_for_each(|byte| array.element(byte))?;
        array.close()
    }

    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result {
        self.words.push(NULL);
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.variant(variant);
        value.serialize(self)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Container<'a>> {
        Ok(self.open(ARRAY))
    }

    fn serialize_tuple(self, _: usize) -> Result<Container<'a>> {
        Ok(self.open(ARRAY))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Container<'a>> {
        Ok(self.open(ARRAY))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Container<'a>> {
        self.variant(variant);
        Ok(self.open(ARRAY))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Container<'a>> {
        Ok(self.open(OBJECT))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Container<'a>> {
        Ok(self.open(OBJECT))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Container<'a>> {
        self.variant(variant);
        Ok(self.open(OBJECT))
    }
}

/// The four array-like shapes all write elements in order.
macro_rules! array_like {
    ($($trait:ident :: $method:ident),+) => {$(
        impl ser::$trait for Container<'_> {
            type Ok = ();
            type Error = TapeError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                self.element(value)
            }
            fn end(self) -> Result {
                self.close()
            }
        }
    )+};
}

array_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// Structs and struct variants write named fields.
macro_rules! object_like {
    ($($trait:ident),+) => {$(
        impl ser::$trait for Container<'_> {
            type Ok = ();
            type Error = TapeError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
                self.field(key, value)
            }
            fn end(self) -> Result {
                self.close()
            }
        }
    )+};
}

object_like!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Container<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.len += 1;
        key.serialize(MapKey(&mut *self.tape))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result {
        self.close()
    }
}

/// A map's key: a string, as JSON requires.
struct MapKey<'a>(&'a mut Tape);

impl MapKey<'_> {
    fn text(self, text: &str) -> Result {
        self.0.words.push(KEY_TEXT);
        self.0.push_text(text);
        Ok(())
    }
}

fn key_must_be_text<T>() -> Result<T> {
    Err(ser::Error::custom("a map key must be a string"))
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = ser::Impossible<(), TapeError>;
    type SerializeTuple = ser::Impossible<(), TapeError>;
    type SerializeTupleStruct = ser::Impossible<(), TapeError>;
    type SerializeTupleVariant = ser::Impossible<(), TapeError>;
    type SerializeMap = ser::Impossible<(), TapeError>;
    type SerializeStruct = ser::Impossible<(), TapeError>;
    type SerializeStructVariant = ser::Impossible<(), TapeError>;

    fn serialize_str(self, v: &str) -> Result {
        self.text(v)
    }
    fn serialize_char(self, v: char) -> Result {
        self.text(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.text(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.text(&v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.text(&v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.text(&v.to_string())
    }
    fn serialize_bool(self, _: bool) -> Result {
        key_must_be_text()
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u32(u32::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u32(u32::from(v))
    }
    fn serialize_f32(self, _: f32) -> Result {
        key_must_be_text()
    }
    fn serialize_f64(self, _: f64) -> Result {
        key_must_be_text()
    }
    fn serialize_bytes(self, _: &[u8]) -> Result {
        key_must_be_text()
    }
    fn serialize_none(self) -> Result {
        key_must_be_text()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result {
        key_must_be_text()
    }
    fn serialize_unit(self) -> Result {
        key_must_be_text()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        key_must_be_text()
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result {
        key_must_be_text()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        key_must_be_text()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        key_must_be_text()
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct> {
        key_must_be_text()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        key_must_be_text()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        key_must_be_text()
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        key_must_be_text()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        key_must_be_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The tape read back into JSON the way `build` does it in JS.
    fn read(tape: &Tape) -> serde_json::Value {
        let units: Vec<u16> = tape.text.encode_utf16().collect();
        let text = |off: u32, len: u32| String::from_utf16(&units[off as usize..(off + len) as usize]).unwrap();
        fn value(w: &[u32], i: &mut usize, text: &dyn Fn(u32, u32) -> String, names: &[&str]) -> serde_json::Value {
            let tag = w[*i];
            *i += 1;
            let mut next = || {
                *i += 1;
                w[*i - 1]
            };
            match tag {
                NULL => json!(null),
                TRUE => json!(true),
                FALSE => json!(false),
                U32 => json!(next()),
                NUMBER => {
                    let (o, l) = (next(), next());
                    serde_json::from_str(&text(o, l)).unwrap()
                }
                STRING => {
                    let (o, l) = (next(), next());
                    json!(text(o, l))
                }
                ARRAY => {
                    let n = next();
                    (0..n).map(|_| value(w, i, text, names)).collect()
                }
                OBJECT => {
                    let n = next();
                    let mut map = serde_json::Map::new();
                    for _ in 0..n {
                        let key = match w[*i] {
                            KEY_NAME => {
                                *i += 2;
                                names[w[*i - 1] as usize].to_string()
                            }
                            _ => {
                                *i += 3;
                                text(w[*i - 2], w[*i - 1])
                            }
                        };
                        map.insert(key, value(w, i, text, names));
                    }
                    serde_json::Value::Object(map)
                }
                other => panic!("tag {other}"),
            }
        }
        value(&tape.words, &mut 0, &text, &tape.names)
    }

    #[test]
    fn reports_round_trip_through_the_tape() {
        let policy = prequal::Policy::default_pack();
        for firm in ["eligible", "ineligible", "needs-info"] {
            let text = std::fs::read_to_string(format!("../../examples/firms/{firm}.json")).unwrap();
            let report =
                prequal::evaluate(&policy, &prequal::Firm::from_json(&text).unwrap(), policy.market.as_of).unwrap();
            let tape = Tape::of(&report).unwrap();
            assert_eq!(read(&tape), serde_json::to_value(&report).unwrap(), "{firm}");
            assert!(tape.names.len() < 150, "each field name once: {}", tape.names.len());
        }
    }

    #[test]
    fn every_shape_round_trips() {
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(u8, &'static str),
            Struct { a: bool },
        }
        let value = (
            vec![E::Unit, E::New(1), E::Tuple(2, "x"), E::Struct { a: true }],
            std::collections::BTreeMap::from([("k€y 😀", -5i64), ("0", 5_000_000_000i64)]),
            (None::<u8>, Some("é😀"), 'c', u64::MAX, i32::MIN, ()),
        );
        assert_eq!(read(&Tape::of(&value).unwrap()), serde_json::to_value(&value).unwrap());
        assert!(Tape::of(&1.5f64).is_err());
    }
}
