//! Numbers and names as a person reads them in a table. JSON and CSV output never go
//! through here: they keep the engine's exact decimal strings.

use prequal::report::Verdict;
use prequal::size::SizeClass;
use prequal::{Decimal, Lang};

/// Yuan with thousands separators: `1234567.5` → `1,234,567.50`.
pub fn money(amount: Decimal) -> String {
    let mut value = amount;
    if value.scale() < 2 {
        value.rescale(2);
    }
    let text = value.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value.is_sign_negative() && !value.is_zero() { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// A fraction as a percentage with at least two places: `0.034567` → `3.4567%`.
pub fn percent(rate: Decimal) -> String {
    let Some(mut value) = rate.checked_mul(Decimal::ONE_HUNDRED) else {
        return rate.to_string();
    };
    value = value.normalize();
    if value.scale() < 2 {
        value.rescale(2);
    }
    format!("{value}%")
}

/// An optional amount, `-` when unknown.
pub fn opt(value: Option<Decimal>, show: fn(Decimal) -> String) -> String {
    value.map_or_else(|| "-".to_string(), show)
}

/// A verdict in words.
pub fn verdict(verdict: Verdict, lang: Lang) -> &'static str {
    match (verdict, lang) {
        (Verdict::Eligible, Lang::En) => "eligible",
        (Verdict::NeedsInfo, Lang::En) => "needs info",
        (Verdict::Ineligible, Lang::En) => "ineligible",
        (Verdict::Eligible, Lang::ZhCn) => "符合条件",
        (Verdict::NeedsInfo, Lang::ZhCn) => "需补充信息",
        (Verdict::Ineligible, Lang::ZhCn) => "不符合条件",
    }
}

/// A size class in words.
pub fn size(size: SizeClass, lang: Lang) -> &'static str {
    match (size, lang) {
        (SizeClass::Micro, Lang::En) => "micro",
        (SizeClass::Small, Lang::En) => "small",
        (SizeClass::Medium, Lang::En) => "medium",
        (SizeClass::Large, Lang::En) => "large",
        (SizeClass::Unknown, Lang::En) => "unknown",
        (SizeClass::Micro, Lang::ZhCn) => "微型企业",
        (SizeClass::Small, Lang::ZhCn) => "小型企业",
        (SizeClass::Medium, Lang::ZhCn) => "中型企业",
        (SizeClass::Large, Lang::ZhCn) => "大型企业",
        (SizeClass::Unknown, Lang::ZhCn) => "无法确定",
    }
}

/// Pick the English or Chinese of two texts.
pub fn pick<'a>(lang: Lang, en: &'a str, zh: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::ZhCn => zh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(money(d("1234567.5")), "1,234,567.50");
        assert_eq!(money(d("999")), "999.00");
        assert_eq!(money(d("-15000.00")), "-15,000.00");
        assert_eq!(money(d("0")), "0.00");
    }

    #[test]
    fn shows_percentages() {
        assert_eq!(percent(d("0.034567")), "3.4567%");
        assert_eq!(percent(d("0.03")), "3.00%");
        assert_eq!(percent(d("0.0345")), "3.45%");
    }
}
