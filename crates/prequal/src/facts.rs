//! Facts a pack declares for its own products ("staff with social insurance", "a pending
//! lawsuit"): their declarations, the values a firm gives for them, and the check of one
//! against the other. Conditions name a declared fact by its id, like a built-in field.

use crate::condition::{Fact, Field, Kind};
use crate::error::{Error, ErrorCode, Result};
use crate::firm::Firm;
use crate::json::{FromJson, Json, Node};
use crate::limits;
use crate::policy::{I18n, Policy};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// What kind of answer a declared fact takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// A number, optionally whole and within `min..=max`.
    Number,
    /// Yes or no (`true` / `false`).
    YesNo,
    /// One of the declared `choices`, by its id.
    Choice,
}

impl FactKind {
    /// The kind of value conditions compare it as.
    pub fn kind(self) -> Kind {
        match self {
            FactKind::Number => Kind::Number,
            FactKind::YesNo => Kind::Bool,
            FactKind::Choice => Kind::Text,
        }
    }
}

/// One answer a `choice` fact offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id: what a firm gives and conditions compare with.
    pub id: String,
    /// What a person reads.
    pub label: I18n,
}

/// A fact the pack declares: `{"id": "social_insurance_staff", "kind": "number", "label": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FactDecl {
    /// Stable id, `[a-z][a-z0-9_]{0,39}`, not the name of a built-in field.
    pub id: String,
    /// Number, yes/no or choice.
    pub kind: FactKind,
    /// Its name, e.g. "staff with social insurance".
    pub label: I18n,
    /// The question a form asks, if not the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<I18n>,
    /// The unit a number is counted in, e.g. "people" / "人".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<I18n>,
    /// A line of help for whoever answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<I18n>,
    /// Smallest allowed number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// Largest allowed number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// Whether a number must be whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole: Option<bool>,
    /// The answers a choice offers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// Where the fact comes from (the bank's product terms...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl FactDecl {
    /// The choice with this id.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
}

/// A value a firm gives for a declared fact, as given: which kind it must be is the pack's
/// to say, so a number given as a decimal string stays text until the pack is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactValue {
    /// A JSON number.
    Number(Decimal),
    /// `true` / `false`.
    YesNo(bool),
    /// A string: a choice id, or a number written as a decimal string.
    Text(String),
}

impl Serialize for FactValue {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            FactValue::Number(n) => crate::money::serialize(n, s),
            FactValue::YesNo(b) => s.serialize_bool(*b),
            FactValue::Text(t) => s.serialize_str(t),
        }
    }
}

impl FromJson for FactValue {
    fn from_json(node: Node<'_>) -> Result<FactValue> {
        match node.value() {
            Json::Bool(b) => Ok(FactValue::YesNo(*b)),
            Json::Number(_) => {
                let n = node.decimal()?;
                limits::check_magnitude("", n).map_err(|e| node.locate(e))?;
                Ok(FactValue::Number(n))
            }
            Json::String(_) => String::from_json(node).map(FactValue::Text),
            _ => Err(node.wrong_type("a number, true/false, or a choice id (a string)")),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FactValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FactValue".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number (or decimal string) for a number fact, true/false for a yes_no fact, a choice id for a choice fact.",
            "anyOf": [{"type": "number"}, {"type": "string"}, {"type": "boolean"}]
        })
    }
}

/// A firm's answers to declared facts, by id, kept in id order (so they are written in the
/// same order on every target). A sorted list rather than a `BTreeMap`: a profile holds a
/// few answers, and the map's code was ~8 KB of the WASM module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, FactValue)>);

impl Answers {
    /// An empty set of answers.
    pub fn new() -> Answers {
        Answers(Vec::new())
    }

    fn find(&self, id: &str) -> std::result::Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    /// The answer for `id`.
    pub fn get(&self, id: &str) -> Option<&FactValue> {
        self.find(id).ok().and_then(|i| self.0.get(i)).map(|(_, v)| v)
    }

    /// Whether `id` is answered.
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Set the answer for `id`, returning the one it replaces.
    pub fn insert(&mut self, id: String, value: FactValue) -> Option<FactValue> {
        match self.find(&id) {
            Ok(i) => self.0.get_mut(i).map(|slot| std::mem::replace(&mut slot.1, value)),
            Err(i) => {
                self.0.insert(i, (id, value));
                None
            }
        }
    }

    /// Forget the answer for `id`.
    pub fn remove(&mut self, id: &str) -> Option<FactValue> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }

    /// Whether there are no answers.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many answers there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The answered ids, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The answers, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &FactValue)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a String, &'a FactValue);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, FactValue)>, fn(&'a (String, FactValue)) -> Self::Item>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl FromIterator<(String, FactValue)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, FactValue)>>(items: I) -> Answers {
        let mut out = Answers::new();
        for (k, v) in items {
            out.insert(k, v);
        }
        out
    }
}

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// `{"<id>": value}`; `null` is not answered (left out).
impl FromJson for Answers {
    fn from_json(node: Node<'_>) -> Result<Answers> {
        let mut out = Answers::new();
        node.entries(limits::MAX_LIST, |id, value| {
            if !matches!(value.value(), Json::Null) {
                out.0.push((id.to_string(), FactValue::from_json(value)?));
            }
            Ok(())
        })?;
        // A JSON object's keys come in order already.
        Ok(out)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Answers {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FactAnswers".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = generator.subschema_for::<Option<FactValue>>();
        schemars::json_schema!({
            "description": "Answers to facts the pack declares, by fact id; null is not answered.",
            "type": "object",
            "additionalProperties": value
        })
    }
}

/// Whether `id` has the shape of a fact id: `[a-z][a-z0-9_]{0,39}`.
pub fn is_fact_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && id.len() <= 40
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether `id` is taken by the built-in vocabulary: a field conditions test, a key of the
/// firm profile (a form names its inputs by these ids, so they must not clash), or a tenant
/// list's own `id` and `name` columns.
pub fn is_builtin_name(id: &str) -> bool {
    Field::NAMES.iter().any(|(name, _)| *name == id)
        || matches!(id, "founded" | "requested_amount" | "qualifications" | "facts")
        // A tenant list's own columns.
        || matches!(id, "id" | "name")
}

/// The firm's answers to a pack's declared facts, checked against the declarations.
#[derive(Clone, Debug, Default)]
pub struct Resolved<'a> {
    /// One entry per declared fact, in declaration order: the answer, if given.
    values: Vec<Option<Fact<'a>>>,
    /// Facts the firm gives that the pack does not declare (ignored: a profile may serve
    /// several packs).
    pub undeclared: Vec<&'a str>,
}

impl<'a> Resolved<'a> {
    /// The answer for the declared fact `id`, if the firm gave one.
    pub fn get(&self, policy: &Policy, id: &str) -> Option<Fact<'a>> {
        let index = policy.facts.iter().position(|d| d.id == id)?;
        self.values.get(index).copied().flatten()
    }
}

/// Check every answer the firm gives against the pack's declarations: the kind, the
/// range, the choices. An error names `$.facts.<id>`.
pub fn resolve<'a>(policy: &'a Policy, firm: &'a Firm) -> Result<Resolved<'a>> {
    if policy.facts.is_empty() && firm.facts.is_empty() {
        return Ok(Resolved::default());
    }
    let mut values = Vec::with_capacity(policy.facts.len());
    for decl in &policy.facts {
        values.push(match firm.facts.get(&decl.id) {
            Some(value) => Some(check(decl, value)?),
            None => None,
        });
    }
    let undeclared =
        firm.facts.keys().filter(|id| !policy.facts.iter().any(|d| &d.id == *id)).map(String::as_str).collect();
    Ok(Resolved { values, undeclared })
}

/// One answer against its declaration.
pub fn check<'a>(decl: &'a FactDecl, value: &'a FactValue) -> Result<Fact<'a>> {
    let path = || format!("$.facts.{}", decl.id);
    match (decl.kind, value) {
        (FactKind::YesNo, FactValue::YesNo(b)) => Ok(Fact::Bool(*b)),
        (FactKind::YesNo, _) => Err(Error::new(ErrorCode::WrongType, path(), "true or false", "须为 true 或 false")),
        (FactKind::Choice, FactValue::Text(id)) => match decl.choice(id.trim()) {
            Some(choice) => Ok(Fact::Text(&choice.id)),
            None => {
                let ids: Vec<&str> = decl.choices.iter().map(|c| c.id.as_str()).collect();
                Err(Error::new(
                    ErrorCode::InvalidValue,
                    path(),
                    format!("one of {}, got \"{id}\"", ids.join(", ")),
                    format!("须为 {} 之一，实际为 \"{id}\"", ids.join("、")),
                ))
            }
        },
        (FactKind::Choice, _) => {
            Err(Error::new(ErrorCode::WrongType, path(), "a choice id (a string)", "须为选项编号（字符串）"))
        }
        (FactKind::Number, FactValue::Number(n)) => check_number(decl, *n, &path()),
        (FactKind::Number, FactValue::Text(text)) => match crate::json::decimal_from_text(text) {
            Ok(n) => check_number(decl, n, &path()),
            Err(e) if e.code == ErrorCode::TooLarge => Err(Error::new(
                ErrorCode::TooLarge,
                path(),
                format!("a number of at most {}, got \"{text}\"", limits::MAX_AMOUNT),
                format!("数值不超过 {}，实际为 \"{text}\"", limits::MAX_AMOUNT),
            )),
            Err(_) => Err(Error::new(
                ErrorCode::WrongType,
                path(),
                format!("a number, got \"{text}\""),
                format!("须为数字，实际为 \"{text}\""),
            )),
        },
        (FactKind::Number, FactValue::YesNo(_)) => {
            Err(Error::new(ErrorCode::WrongType, path(), "a number", "须为数字"))
        }
    }
}

fn check_number<'a>(decl: &FactDecl, n: Decimal, path: &str) -> Result<Fact<'a>> {
    limits::check_magnitude(path, n)?;
    if decl.whole == Some(true) && !n.fract().is_zero() {
        return Err(Error::new(
            ErrorCode::WrongType,
            path,
            format!("a whole number, got {n}"),
            format!("须为整数，实际为 {n}"),
        ));
    }
    let below = decl.min.is_some_and(|min| n < min);
    let above = decl.max.is_some_and(|max| n > max);
    if below || above {
        let bound = |b: Option<Decimal>| b.map_or_else(|| "…".to_string(), |b| b.normalize().to_string());
        let (min, max) = (bound(decl.min), bound(decl.max));
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("a number from {min} to {max}, got {n}"),
            format!("须在 {min} 至 {max} 之间，实际为 {n}"),
        ));
    }
    Ok(Fact::Number(n))
}

/// Every problem of the declarations themselves, in document order.
pub(crate) fn problems(facts: &[FactDecl], out: &mut Vec<Error>) {
    if let Err(e) = limits::check_len("$.facts", facts.len(), limits::MAX_LIST) {
        out.push(e);
    }
    for (i, decl) in facts.iter().enumerate() {
        let path = format!("$.facts[{i}]");
        let id = &decl.id;
        if !is_fact_id(id) {
            out.push(Error::new(
                ErrorCode::InvalidValue,
                format!("{path}.id"),
                format!("an id of a lowercase letter and up to 39 lowercase letters, digits or _, got \"{id}\""),
                format!("编号须为小写字母开头、最多 40 个小写字母、数字或下划线，实际为 \"{id}\""),
            ));
        } else if is_builtin_name(id) {
            out.push(Error::new(
                ErrorCode::InvalidValue,
                format!("{path}.id"),
                format!("an id that is not a built-in field, got \"{id}\""),
                format!("编号不得与内置字段重名，实际为 \"{id}\""),
            ));
        } else if facts.iter().take(i).any(|d| d.id == *id) {
            out.push(Error::new(
                ErrorCode::DuplicateId,
                format!("{path}.id"),
                format!("an id not used before in this list, got \"{id}\" again"),
                format!("列表中唯一的编号，\"{id}\" 重复"),
            ));
        }
        if facts.iter().take(i).any(|d| d.label.zh_cn == decl.label.zh_cn) {
            // A tenant list may head a fact's column with its Chinese label.
            out.push(Error::new(
                ErrorCode::DuplicateId,
                format!("{path}.label.zh-CN"),
                format!("a label no other fact has, got \"{}\" again", decl.label.zh_cn),
                format!("与其他事实不同的名称，\"{}\" 重复", decl.label.zh_cn),
            ));
        }
        check_kind_fields(decl, &path, out);
    }
}

/// Each kind takes its own fields: ranges for numbers, choices for choices.
fn check_kind_fields(decl: &FactDecl, path: &str, out: &mut Vec<Error>) {
    let not_for = |key: &str, kinds_en: &str, kinds_zh: &str| {
        Error::new(
            ErrorCode::InvalidValue,
            format!("{path}.{key}"),
            format!("no `{key}` on a fact of this kind ({kinds_en} only)"),
            format!("此类事实不应有 `{key}`（仅{kinds_zh}可用）"),
        )
    };
    if decl.kind != FactKind::Number {
        for (key, given) in [
            ("min", decl.min.is_some()),
            ("max", decl.max.is_some()),
            ("whole", decl.whole.is_some()),
            ("unit", decl.unit.is_some()),
        ] {
            if given {
                out.push(not_for(key, "kind number", "数字类"));
            }
        }
    }
    match decl.kind {
        FactKind::Choice => check_choices(decl, path, out),
        _ if !decl.choices.is_empty() => out.push(not_for("choices", "kind choice", "选项类")),
        _ => {}
    }
    for (key, bound) in [("min", decl.min), ("max", decl.max)] {
        if let Some(b) = bound {
            if let Err(e) = limits::check_magnitude(&format!("{path}.{key}"), b) {
                out.push(e);
            }
        }
    }
    if let (Some(min), Some(max)) = (decl.min, decl.max) {
        if min > max {
            out.push(Error::new(
                ErrorCode::InvertedRange,
                format!("{path}.min"),
                format!("at most max {max}, got {min}"),
                format!("不超过最大值 {max}，实际为 {min}"),
            ));
        }
    }
}

fn check_choices(decl: &FactDecl, path: &str, out: &mut Vec<Error>) {
    if decl.choices.is_empty() {
        out.push(Error::new(
            ErrorCode::EmptyList,
            format!("{path}.choices"),
            "at least one choice for kind choice",
            "选项类事实至少需要一个选项",
        ));
    }
    for (j, choice) in decl.choices.iter().enumerate() {
        let id_path = format!("{path}.choices[{j}].id");
        if choice.id.trim().is_empty() || choice.id.trim() != choice.id || choice.id.chars().count() > 40 {
            out.push(Error::new(
                ErrorCode::InvalidValue,
                id_path,
                "a non-empty id of at most 40 characters, without surrounding spaces",
                "选项编号不能为空、不超过 40 个字符、首尾无空格",
            ));
        } else if decl.choices.iter().take(j).any(|c| c.id == choice.id) {
            out.push(Error::new(
                ErrorCode::DuplicateId,
                id_path,
                format!("an id not used before in this list, got \"{}\" again", choice.id),
                format!("列表中唯一的编号，\"{}\" 重复", choice.id),
            ));
        }
    }
}

crate::json_names!(FactKind { "number" => FactKind::Number, "yes_no" => FactKind::YesNo, "choice" => FactKind::Choice });

impl FromJson for Choice {
    fn from_json(node: Node<'_>) -> Result<Choice> {
        let o = node.object(&["id", "label"])?;
        Ok(Choice { id: o.req("id")?, label: o.req("label")? })
    }
}

impl FromJson for FactDecl {
    fn from_json(node: Node<'_>) -> Result<FactDecl> {
        let o = node
            .object(&["id", "kind", "label", "question", "unit", "hint", "min", "max", "whole", "choices", "source"])?;
        crate::read_fields!(
            o,
            FactDecl {
                id: req("id"),
                kind: req("kind"),
                label: req("label"),
                question: opt("question"),
                unit: opt("unit"),
                hint: opt("hint"),
                min: opt("min"),
                max: opt("max"),
                whole: opt("whole"),
                choices: or_default("choices"),
                source: opt("source"),
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_ids() {
        for ok in ["a", "social_insurance_staff", "x1", &format!("a{}", "b".repeat(39))] {
            assert!(is_fact_id(ok), "{ok}");
        }
        for bad in ["", "1a", "_a", "A", "a-b", "a b", "é", &format!("a{}", "b".repeat(40))] {
            assert!(!is_fact_id(bad), "{bad}");
        }
        assert!(is_builtin_name("employees") && is_builtin_name("requested_amount"));
        assert!(!is_builtin_name("lawsuit_pending"));
    }
}
