//! A pack's canonical JSON, the text its content hash is taken of, written directly: the
//! bytes `serde_json::to_vec` writes for the pack model (a test holds the two equal on every
//! example and test pack), without serde. In the browser modules the serde route was ~7 KB
//! gzip: serde's writer and a serialiser for every pack type, used for nothing else.

use crate::condition::{Condition, FieldRef, Test, Value};
use crate::date::Date;
use crate::facts::{Choice, FactDecl};
use crate::money::DecimalText;
use crate::policy::*;
use crate::sourced::Sourced;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// The canonical JSON text of a pack.
pub fn to_string(policy: &Policy) -> String {
    let mut out = String::with_capacity(16 * 1024);
    policy.write(&mut out);
    out
}

/// A value that writes itself as canonical JSON.
trait Canonical {
    fn write(&self, out: &mut String);
}

/// An object being written: a comma before every field but the first.
struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, first: true }
    }

    fn field(&mut self, key: &str, value: &dyn Canonical) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        value.write(self.out);
        self
    }

    /// A field left out when it is `None` (`skip_serializing_if = "Option::is_none"`).
    fn some<T: Canonical>(&mut self, key: &str, value: &Option<T>) -> &mut Self {
        match value {
            Some(v) => self.field(key, v),
            None => self,
        }
    }

    fn end(&mut self) {
        self.out.push('}');
    }
}

/// A JSON string as serde_json escapes it.
fn write_str(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                out.push_str("\\u");
                push_hex(out, u32::from(c), 4);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Canonical for String {
    fn write(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl Canonical for &str {
    fn write(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl Canonical for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl Canonical for u32 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

/// A decimal as the string serde writes for it.
impl Canonical for Decimal {
    fn write(&self, out: &mut String) {
        write_str(out, DecimalText::new(self).as_str());
    }
}

impl<T: Canonical> Canonical for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Canonical> Canonical for Vec<T> {
    fn write(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write(out);
        }
        out.push(']');
    }
}

/// An enum written as its JSON name (the `json_names!` table, which a test holds equal to
/// serde's names).
macro_rules! by_name {
    ($($type:ty),*) => {$(
        impl Canonical for $type {
            fn write(&self, out: &mut String) {
                let name = <$type>::NAMES.iter().find(|(_, v)| v == self).map_or("", |(n, _)| n);
                write_str(out, name);
            }
        }
    )*};
}

by_name!(
    crate::condition::Field,
    crate::condition::Op,
    crate::facts::FactKind,
    crate::cost::FeeTiming,
    crate::cost::SubsidyBasis,
    crate::cost::SubsidyTiming,
    crate::schedule::RepaymentMethod,
    RateBase,
    Role,
    AppliesTo
);

impl Canonical for Date {
    fn write(&self, out: &mut String) {
        write_str(out, &self.to_string());
    }
}

impl Canonical for Sourced {
    fn write(&self, out: &mut String) {
        match &self.source {
            None => self.value.write(out),
            Some(source) => {
                Object::new(out).field("value", &self.value).field("source", source).end();
            }
        }
    }
}

impl Canonical for I18n {
    fn write(&self, out: &mut String) {
        Object::new(out).field("zh-CN", &self.zh_cn).field("en", &self.en).end();
    }
}

impl Canonical for FieldRef {
    fn write(&self, out: &mut String) {
        write_str(out, self.id());
    }
}

impl Canonical for Value {
    fn write(&self, out: &mut String) {
        match self {
            Value::Number(n) => n.write(out),
            Value::Text(t) => t.write(out),
            Value::Bool(b) => b.write(out),
            Value::List(items) => items.write(out),
        }
    }
}

impl Canonical for Test {
    fn write(&self, out: &mut String) {
        Object::new(out).field("field", &self.field).field("op", &self.op).field("value", &self.value).end();
    }
}

impl Canonical for Condition {
    fn write(&self, out: &mut String) {
        match self {
            Condition::Test(t) => t.write(out),
            Condition::AnyOf(list) => Object::new(out).field("any_of", list).end(),
            Condition::AllOf(list) => Object::new(out).field("all_of", list).end(),
        }
    }
}

impl Canonical for Criterion {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("id", &self.id);
        match &self.rule {
            Condition::Test(t) => o.field("field", &t.field).field("op", &t.op).field("value", &t.value),
            Condition::AnyOf(list) => o.field("any_of", list),
            Condition::AllOf(list) => o.field("all_of", list),
        };
        o.field("required", &self.required).some("label", &self.label).some("source", &self.source).end();
    }
}

impl Canonical for Choice {
    fn write(&self, out: &mut String) {
        Object::new(out).field("id", &self.id).field("label", &self.label).end();
    }
}

impl Canonical for FactDecl {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("id", &self.id).field("kind", &self.kind).field("label", &self.label);
        o.some("question", &self.question).some("unit", &self.unit).some("hint", &self.hint);
        o.some("min", &self.min).some("max", &self.max).some("whole", &self.whole);
        if !self.choices.is_empty() {
            o.field("choices", &self.choices);
        }
        o.some("source", &self.source).end();
    }
}

impl Canonical for Market {
    fn write(&self, out: &mut String) {
        Object::new(out).field("lpr_1y", &self.lpr_1y).field("lpr_5y", &self.lpr_5y).field("as_of", &self.as_of).end();
    }
}

impl Canonical for Bank {
    fn write(&self, out: &mut String) {
        Object::new(out).field("id", &self.id).field("name", &self.name).end();
    }
}

impl Canonical for Park {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("id", &self.id).field("name", &self.name).some("district", &self.district);
        o.field("banks", &self.banks).end();
    }
}

impl Canonical for LimitBase {
    fn write(&self, out: &mut String) {
        Object::new(out).field("field", &self.field).field("multiple", &self.multiple).end();
    }
}

impl Canonical for Uplift {
    fn write(&self, out: &mut String) {
        Object::new(out).field("when", &self.when).field("factor", &self.factor).end();
    }
}

impl Canonical for Cap {
    fn write(&self, out: &mut String) {
        Object::new(out).field("when", &self.when).field("amount", &self.amount).end();
    }
}

impl Canonical for LimitRules {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("bases", &self.bases).field("uplifts", &self.uplifts).field("caps", &self.caps);
        o.some("step", &self.step).field("deduct_existing_credit_loans", &self.deduct_existing_credit_loans).end();
    }
}

impl Canonical for Tier {
    fn write(&self, out: &mut String) {
        Object::new(out).field("when", &self.when).field("spread", &self.spread).end();
    }
}

impl Canonical for Pricing {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("base", &self.base).field("tiers", &self.tiers).some("floor", &self.floor).some("cap", &self.cap);
        o.end();
    }
}

impl Canonical for Product {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("id", &self.id).field("bank", &self.bank).field("name", &self.name);
        o.some("description", &self.description);
        o.some("effective_from", &self.effective_from).some("effective_to", &self.effective_to);
        o.field("amount_min", &self.amount_min).field("amount_max", &self.amount_max);
        o.field("term_min_months", &self.term_min_months).field("term_max_months", &self.term_max_months);
        o.field("repayment_methods", &self.repayment_methods);
        o.field("partner_parks_only", &self.partner_parks_only).field("criteria", &self.criteria);
        o.field("limit", &self.limit).field("pricing", &self.pricing).some("guarantee", &self.guarantee);
        o.field("subsidies", &self.subsidies).some("source", &self.source).end();
    }
}

impl Canonical for RiskShare {
    fn write(&self, out: &mut String) {
        Object::new(out).field("party", &self.party).field("role", &self.role).field("share", &self.share).end();
    }
}

impl Canonical for GuaranteeScheme {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("id", &self.id).field("name", &self.name).field("guarantor", &self.guarantor);
        o.field("fee_rate", &self.fee_rate).field("timing", &self.timing);
        o.field("fee_subsidies", &self.fee_subsidies).field("risk_sharing", &self.risk_sharing).end();
    }
}

impl Canonical for ShareRule {
    fn write(&self, out: &mut String) {
        Object::new(out).field("when", &self.when).field("share", &self.share).end();
    }
}

impl Canonical for SubsidyScheme {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("id", &self.id).field("name", &self.name).field("provider", &self.provider);
        o.field("applies_to", &self.applies_to).field("basis", &self.basis).field("shares", &self.shares);
        o.some("points", &self.points).some("counted_rate_cap", &self.counted_rate_cap);
        o.some("cap_per_year", &self.cap_per_year).some("max_years", &self.max_years);
        o.field("timing", &self.timing).field("conditions", &self.conditions).some("source", &self.source).end();
    }
}

impl Canonical for Policy {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.some("$schema", &self.schema);
        o.field("id", &self.id).field("version", &self.version).field("name", &self.name);
        o.field("notice", &self.notice).field("market", &self.market).field("banks", &self.banks);
        o.field("parks", &self.parks);
        if !self.facts.is_empty() {
            o.field("facts", &self.facts);
        }
        o.field("products", &self.products).field("guarantee_schemes", &self.guarantee_schemes);
        o.field("subsidy_schemes", &self.subsidy_schemes).end();
    }
}

/// `value` in lower-case hex, at least `min_digits` digits (zero-padded): what `{:0Nx}`
/// writes, without the formatter's integer machinery in the WASM modules.
pub(crate) fn push_hex(out: &mut String, value: u32, min_digits: u32) {
    let mut digits = 1;
    while digits < 8 && value >> (4 * digits) != 0 {
        digits += 1;
    }
    for i in (0..digits.max(min_digits).min(8)).rev() {
        out.push(char::from_digit((value >> (4 * i)) & 0xf, 16).unwrap_or('0'));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packs() -> Vec<Policy> {
        let mut out = vec![Policy::default_pack()];
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/packs")).unwrap() {
            out.push(Policy::from_json(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap());
        }
        // Every valid pack of the vector files: packs with facts, groups, odd strings.
        for file in ["bad_packs.json", "bad_facts_packs.json", "facts.json", "evaluate.json"] {
            let path = format!("{}/../../tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
            let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            for case in doc["cases"].as_array().unwrap() {
                let input = &case["input"];
                let pack = if input.get("policy").is_some_and(|p| p.is_object()) { &input["policy"] } else { input };
                if let Ok(policy) = Policy::from_value(pack) {
                    out.push(policy);
                }
            }
        }
        out
    }

    #[test]
    fn the_same_bytes_as_serde_json() {
        let packs = packs();
        assert!(packs.len() > 20, "{}", packs.len());
        for policy in &packs {
            assert_eq!(to_string(policy), serde_json::to_string(policy).unwrap(), "{}", policy.id);
        }
    }

    #[test]
    fn hex_as_the_formatter_writes_it() {
        for value in [0u32, 1, 0xf, 0x10, 0x1f, 0xab, 0xfff, 0xffff, 0x10ffff, u32::MAX] {
            for width in [1u32, 2, 4] {
                let mut out = String::new();
                push_hex(&mut out, value, width);
                assert_eq!(out, format!("{value:0w$x}", w = width as usize), "{value} {width}");
            }
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_does() {
        for text in ["plain", "quote \" and \\ back", "\u{0}\u{8}\u{c}\n\r\t\u{1f}\u{7f}", "营业收入 é ✓ \u{2028}"]
        {
            let mut out = String::new();
            write_str(&mut out, text);
            assert_eq!(out, serde_json::to_string(text).unwrap());
        }
    }
}
