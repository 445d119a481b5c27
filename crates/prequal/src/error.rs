//! Errors are values: a stable code, the JSON path of what is wrong, and a message in
//! both languages. Nothing in the engine panics on input; everything surfaces here.

use serde::Serialize;
use std::fmt;

/// The language a person reads a message in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub enum Lang {
    /// Simplified Chinese, the default for visitors of Shenzhen park websites.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Parse a language tag: `en` and any `en-*` (`en-AU`) is English, `zh` and any `zh-*` is
    /// Chinese (case-insensitive; `_` works as `-`); anything else is `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let primary = tag.split('-').next().unwrap_or_default();
        match primary {
            "zh" => Some(Lang::ZhCn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Stable machine-readable error codes. Callers may match on them; they never change meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The text is not JSON at all.
    InvalidJson,
    /// An object has a field the format does not know.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A value has the wrong JSON type.
    WrongType,
    /// A value has the right type but is not allowed (unknown enum name, bad date...).
    InvalidValue,
    /// A number is outside its allowed range.
    OutOfRange,
    /// An amount is negative.
    NegativeAmount,
    /// A rate is outside [0, 1).
    RateOutOfRange,
    /// An id refers to nothing in the pack.
    DanglingReference,
    /// Two entries of one list share an id.
    DuplicateId,
    /// Risk shares do not add up to exactly 1.
    SharesNotOne,
    /// A date range ends before it starts, or a minimum exceeds its maximum.
    InvertedRange,
    /// A list that must not be empty is empty.
    EmptyList,
    /// A criterion or condition compares a firm field with an operator or value that cannot apply.
    IncompatibleCondition,
    /// Pricing tiers leave some firms without a rate (the last tier must have no conditions).
    TierNotExhaustive,
    /// Input is larger than the engine accepts (size, count, nesting, magnitude).
    TooLarge,
    /// A computation could not be carried out (for example an APR with no solution).
    Calculation,
}

impl ErrorCode {
    /// The code as it appears in JSON, e.g. `dangling_reference`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::WrongType => "wrong_type",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::NegativeAmount => "negative_amount",
            ErrorCode::RateOutOfRange => "rate_out_of_range",
            ErrorCode::DanglingReference => "dangling_reference",
            ErrorCode::DuplicateId => "duplicate_id",
            ErrorCode::SharesNotOne => "shares_not_one",
            ErrorCode::InvertedRange => "inverted_range",
            ErrorCode::EmptyList => "empty_list",
            ErrorCode::IncompatibleCondition => "incompatible_condition",
            ErrorCode::TierNotExhaustive => "tier_not_exhaustive",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::Calculation => "calculation",
        }
    }

    fn summary(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ErrorCode::InvalidJson, Lang::En) => "not valid JSON",
            (ErrorCode::InvalidJson, Lang::ZhCn) => "不是有效的 JSON",
            (ErrorCode::UnknownField, Lang::En) => "unknown field",
            (ErrorCode::UnknownField, Lang::ZhCn) => "未知字段",
            (ErrorCode::MissingField, Lang::En) => "missing field",
            (ErrorCode::MissingField, Lang::ZhCn) => "缺少必填字段",
            (ErrorCode::WrongType, Lang::En) => "wrong type",
            (ErrorCode::WrongType, Lang::ZhCn) => "类型错误",
            (ErrorCode::InvalidValue, Lang::En) => "invalid value",
            (ErrorCode::InvalidValue, Lang::ZhCn) => "取值无效",
            (ErrorCode::OutOfRange, Lang::En) => "out of range",
            (ErrorCode::OutOfRange, Lang::ZhCn) => "超出范围",
            (ErrorCode::NegativeAmount, Lang::En) => "negative amount",
            (ErrorCode::NegativeAmount, Lang::ZhCn) => "金额不能为负",
            (ErrorCode::RateOutOfRange, Lang::En) => "rate outside [0, 1)",
            (ErrorCode::RateOutOfRange, Lang::ZhCn) => "利率/费率须在 [0, 1) 之间",
            (ErrorCode::DanglingReference, Lang::En) => "refers to nothing",
            (ErrorCode::DanglingReference, Lang::ZhCn) => "引用的对象不存在",
            (ErrorCode::DuplicateId, Lang::En) => "duplicate id",
            (ErrorCode::DuplicateId, Lang::ZhCn) => "编号重复",
            (ErrorCode::SharesNotOne, Lang::En) => "shares do not sum to 1",
            (ErrorCode::SharesNotOne, Lang::ZhCn) => "分担比例之和不等于 1",
            (ErrorCode::InvertedRange, Lang::En) => "range ends before it starts",
            (ErrorCode::InvertedRange, Lang::ZhCn) => "区间的结束早于开始",
            (ErrorCode::EmptyList, Lang::En) => "list is empty",
            (ErrorCode::EmptyList, Lang::ZhCn) => "列表不能为空",
            (ErrorCode::IncompatibleCondition, Lang::En) => "condition cannot apply to this field",
            (ErrorCode::IncompatibleCondition, Lang::ZhCn) => "条件与字段不匹配",
            (ErrorCode::TierNotExhaustive, Lang::En) => "pricing tiers are not exhaustive",
            (ErrorCode::TierNotExhaustive, Lang::ZhCn) => "定价档位未覆盖所有情况",
            (ErrorCode::TooLarge, Lang::En) => "too large",
            (ErrorCode::TooLarge, Lang::ZhCn) => "超出上限",
            (ErrorCode::Calculation, Lang::En) => "cannot be calculated",
            (ErrorCode::Calculation, Lang::ZhCn) => "无法计算",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error with a stable code, the JSON path it concerns (`$` for the whole document)
/// and what was expected there, in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Error {
    /// Stable code.
    pub code: ErrorCode,
    /// JSON path of the offending value, e.g. `$.products[0].criteria[2].value`.
    pub path: String,
    /// What was expected, in English.
    pub expected_en: String,
    /// What was expected, in Chinese.
    pub expected_zh: String,
}

impl Error {
    /// An error at `path` with the same explanation in both languages (for quoted values).
    pub fn new(code: ErrorCode, path: impl Into<String>, en: impl Into<String>, zh: impl Into<String>) -> Error {
        Error { code, path: path.into(), expected_en: en.into(), expected_zh: zh.into() }
    }

    /// The same error at `path`: checks run with an empty path and name it only when they
    /// fail, so a passing check formats nothing.
    pub(crate) fn at(mut self, path: String) -> Error {
        self.path = path;
        self
    }

    /// The full message for a person: `$.path: summary: detail`.
    pub fn message(&self, lang: Lang) -> String {
        let detail = match lang {
            Lang::En => &self.expected_en,
            Lang::ZhCn => &self.expected_zh,
        };
        let sep = separator(lang);
        let summary = self.code.summary(lang);
        if self.path.is_empty() {
            return if detail.is_empty() { summary.to_string() } else { format!("{summary}{sep}{detail}") };
        }
        if detail.is_empty() {
            format!("{}{sep}{summary}", self.path)
        } else if detail.starts_with(summary) {
            format!("{}{sep}{detail}", self.path)
        } else {
            format!("{}{sep}{summary}{sep}{detail}", self.path)
        }
    }

    /// The same error named by the caller's name for its path (a flag, a column header);
    /// a path `name` has no new name for is kept.
    pub fn relabel(mut self, name: impl Fn(&str) -> Option<String>) -> Error {
        if let Some(renamed) = name(&self.path) {
            self.path = renamed;
        }
        self
    }

    /// A JSON syntax error, with its line and column.
    pub(crate) fn syntax(detail: &str) -> Error {
        let (code, zh) = if detail.starts_with("recursion limit") {
            (ErrorCode::TooLarge, "嵌套层级过深".to_string())
        } else if detail.contains("EOF") {
            (ErrorCode::InvalidJson, format!("JSON 不完整（{detail}）"))
        } else {
            (ErrorCode::InvalidJson, format!("JSON 语法错误（{detail}）"))
        };
        Error::new(code, "$", detail.to_string(), zh)
    }
}

/// For an unknown field or variant: the option within two edits of `given` (the nearest,
/// then the first by name), for a "did you mean" hint.
pub(crate) fn did_you_mean<'a>(given: &str, options: &[&'a str]) -> Option<&'a str> {
    let (distance, best) = options.iter().map(|name| (edit_distance(given, name), *name)).min()?;
    (distance <= 2 && distance > 0).then_some(best)
}

/// Levenshtein distance, for "did you mean" hints on short names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let value = (diagonal + usize::from(ca != *cb)).min(above.saturating_add(1)).min(left.saturating_add(1));
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// `products[0].id` → `$.products[0].id`; `.` (serde_path_to_error's root) → `$`.
pub(crate) fn json_path(path: &str) -> String {
    if path.is_empty() || path == "." {
        "$".to_string()
    } else if path.starts_with('[') {
        format!("${path}")
    } else {
        format!("$.{path}")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.message(Lang::En), self.code)
    }
}

impl std::error::Error for Error {}

/// The engine's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The separator between a place and what is wrong there, as [`Error::message`] uses.
pub fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::ZhCn => "：",
    }
}

/// "line 17" in the caller's language (a line of a file people edit, such as a tenant list).
pub fn line_label(line: u64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("line {line}"),
        Lang::ZhCn => format!("第 {line} 行"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_name() {
        let e = crate::Firm::from_json(r#"{"industry": "retail", "emploees": 3}"#).unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownField);
        assert!(e.expected_en.ends_with("did you mean `employees`?"), "{}", e.expected_en);
        assert!(e.message(Lang::ZhCn).starts_with("$.emploees：未知字段 `emploees`"), "{}", e.message(Lang::ZhCn));
        assert!(e.message(Lang::ZhCn).ends_with("；是否应为 `employees`？"), "{}", e.message(Lang::ZhCn));
        let far = crate::Firm::from_json(r#"{"industry": "retail", "zzzzzz": 3}"#).unwrap_err();
        assert!(!far.expected_en.contains("did you mean"));
        assert_eq!(did_you_mean("retial", &["retail", "other"]), Some("retail"));
        assert_eq!(did_you_mean("retail", &["retail"]), None, "an exact name is no near miss");
    }

    #[test]
    fn language_tags() {
        for (tag, lang) in [
            ("zh-CN", Some(Lang::ZhCn)),
            ("zh_hant", Some(Lang::ZhCn)),
            ("en-AU", Some(Lang::En)),
            ("EN", Some(Lang::En)),
            ("fr", None),
            ("", None),
        ] {
            assert_eq!(Lang::parse(tag), lang, "{tag}");
        }
    }

    #[test]
    fn missing_field_names_the_field() {
        let mut pack: serde_json::Value = serde_json::from_str(crate::policy::DEFAULT_PACK_JSON).unwrap();
        pack["products"][0].as_object_mut().unwrap().remove("bank");
        let e = crate::Policy::from_json(&pack.to_string()).unwrap_err();
        assert_eq!(e.path, "$.products[0].bank");
        assert_eq!(e.message(Lang::ZhCn), "$.products[0].bank：缺少必填字段 `bank`");
    }
}
