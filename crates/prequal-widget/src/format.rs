//! Numbers for people, from the engine's decimals: never through `f64`.
//!
//! Amounts are grouped by thousands (`1,234,567.89`), shown as `元` in Chinese and `¥` in
//! English; round amounts of at least 10,000 yuan read as `万元` in Chinese. Rates are
//! fractions shown as percentages with every digit the engine gave (`0.041234` →
//! `4.1234%`), at least two decimals.

use prequal::{Decimal, Lang};
use rust_decimal::RoundingStrategy;
use std::str::FromStr;

const WAN: i64 = 10_000;
/// The unit after an amount, joined by a no-break space so it never wraps alone.
const NBSP_YUAN: &str = "\u{a0}元";
const NBSP_WAN: &str = "\u{a0}万元";

/// Digits of `text` (a plain decimal such as `-1234567.8`) grouped by thousands.
pub fn group(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    out.push_str(sign);
    let len = int.chars().count();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The value with exactly `places` decimals, rounded half away from zero.
pub fn fixed(value: Decimal, places: u32) -> String {
    let mut v = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(places);
    v.to_string()
}

/// The value without trailing zeros (`3.50` → `3.5`, `2.00` → `2`).
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Money with cents, grouped: `1,234.50`.
pub fn cents(value: Decimal) -> String {
    group(&fixed(value, 2))
}

/// Money with its unit: `1,234.50 元` / `¥1,234.50`.
pub fn yuan(lang: Lang, value: Decimal) -> String {
    let digits = cents(value);
    match lang {
        Lang::ZhCn => digits + NBSP_YUAN,
        Lang::En => with_currency(&digits),
    }
}

fn with_currency(digits: &str) -> String {
    match digits.strip_prefix('-') {
        Some(rest) => format!("-¥{rest}"),
        None => format!("¥{digits}"),
    }
}

/// A large round amount (a limit, a loan): `300 万元` in Chinese when it is a whole
/// number of 万 to two decimals, `¥3,000,000` in English; otherwise as [`yuan`] but
/// without `.00`.
pub fn amount(lang: Lang, value: Decimal) -> String {
    if lang == Lang::ZhCn && value.abs() >= Decimal::from(WAN) {
        let wan = (value / Decimal::from(WAN)).normalize();
        if wan.scale() <= 2 {
            return group(&wan.to_string()) + NBSP_WAN;
        }
    }
    let text = if value.fract().is_zero() { group(&plain(value.trunc())) } else { cents(value) };
    match lang {
        Lang::ZhCn => text + NBSP_YUAN,
        Lang::En => with_currency(&text),
    }
}

/// An amount in yuan, exact, without `.00`: `6,500,000 元` / `¥6,500,000`.
pub fn yuan_exact(lang: Lang, value: Decimal) -> String {
    let text = if value.fract().is_zero() { group(&plain(value.trunc())) } else { group(&plain(value)) };
    match lang {
        Lang::ZhCn => text + NBSP_YUAN,
        Lang::En => with_currency(&text),
    }
}

/// A rate (a fraction) as a percentage with every digit and at least two decimals:
/// `0.0365` → `3.65%`, `0.041234` → `4.1234%`, `0.03` → `3.00%`.
pub fn percent(rate: Decimal) -> String {
    let Some(p) = rate.checked_mul(Decimal::ONE_HUNDRED) else { return rate.to_string() };
    let mut p = p.normalize();
    if p.scale() < 2 {
        p.rescale(2);
    }
    p.to_string() + "%"
}

/// A yuan amount as the 万元 text a form field shows: `6500000` → `650`.
pub fn to_wan_input(value: Decimal) -> String {
    plain(value / Decimal::from(WAN))
}

/// A fraction as the percent a form field shows: `0.42` → `42`.
pub fn to_percent_input(value: Decimal) -> String {
    value.checked_mul(Decimal::ONE_HUNDRED).map_or_else(|| value.to_string(), plain)
}

/// Why text typed into a number field is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotANumber;

/// Read a number as people type it: thousands separators and spaces are ignored, full-width
/// digits (from Chinese input methods) are accepted, and an empty field is `None`.
pub fn parse_number(text: &str) -> Result<Option<Decimal>, NotANumber> {
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '0'..='9' | '.' | '-' => clean.push(c),
            '０'..='９' => clean.push(char::from(b'0' + (u32::from(c) - u32::from('０')) as u8)),
            '．' | '。' => clean.push('.'),
            '－' | '−' => clean.push('-'),
            '+' | '＋' => {}
            ',' | '，' | '_' | '\'' => {}
            c if c.is_whitespace() => {}
            _ => return Err(NotANumber),
        }
    }
    if clean.is_empty() {
        return Ok(None);
    }
    let body = clean.strip_prefix('-').unwrap_or(&clean);
    let dots = body.matches('.').count();
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if body.contains('-') || dots > 1 || digits == 0 || digits > 24 {
        return Err(NotANumber);
    }
    Decimal::from_str(&clean).map(Some).map_err(|_| NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group("1234567.89"), "1,234,567.89");
        assert_eq!(group("-1234"), "-1,234");
        assert_eq!(group("999"), "999");
        assert_eq!(group("100000"), "100,000");
        assert_eq!(group("0.5"), "0.5");
    }

    #[test]
    fn money() {
        assert_eq!(cents(d("1234.5")), "1,234.50");
        assert_eq!(cents(d("87654.321")), "87,654.32");
        assert_eq!(cents(d("0.005")), "0.01");
        assert_eq!(yuan(Lang::ZhCn, d("88000")), "88,000.00\u{a0}元");
        assert_eq!(yuan(Lang::En, d("-3.5")), "-¥3.50");
        assert_eq!(amount(Lang::ZhCn, d("3000000.00")), "300\u{a0}万元");
        assert_eq!(amount(Lang::ZhCn, d("12345600")), "1,234.56\u{a0}万元");
        assert_eq!(amount(Lang::ZhCn, d("12345678")), "12,345,678\u{a0}元");
        assert_eq!(amount(Lang::ZhCn, d("9000.5")), "9,000.50\u{a0}元");
        assert_eq!(amount(Lang::En, d("3000000.00")), "¥3,000,000");
        assert_eq!(yuan_exact(Lang::ZhCn, d("6500000.0000")), "6,500,000\u{a0}元");
        assert_eq!(yuan_exact(Lang::En, d("1234.5600")), "¥1,234.56");
    }

    #[test]
    fn rates_keep_every_digit() {
        assert_eq!(percent(d("0.0365")), "3.65%");
        assert_eq!(percent(d("0.041234")), "4.1234%");
        assert_eq!(percent(d("0.030000")), "3.00%");
        assert_eq!(percent(d("0.01")), "1.00%");
        assert_eq!(percent(d("0")), "0.00%");
        assert_eq!(percent(d("0.0123456")), "1.23456%");
        assert_eq!(percent(Decimal::MAX), Decimal::MAX.to_string());
    }

    #[test]
    fn form_texts() {
        assert_eq!(to_wan_input(d("6500000")), "650");
        assert_eq!(to_wan_input(d("1234")), "0.1234");
        assert_eq!(to_percent_input(d("0.42")), "42");
        assert_eq!(to_percent_input(d("0.385")), "38.5");
    }

    #[test]
    fn reads_numbers_as_typed() {
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("  "), Ok(None));
        assert_eq!(parse_number("1,234.5"), Ok(Some(d("1234.5"))));
        assert_eq!(parse_number("１２３"), Ok(Some(d("123"))));
        assert_eq!(parse_number("３．５"), Ok(Some(d("3.5"))));
        assert_eq!(parse_number("-7"), Ok(Some(d("-7"))));
        assert_eq!(parse_number("+7"), Ok(Some(d("7"))));
        for bad in ["abc", "1.2.3", "--1", "1-2", ".", "-", "1e5", "<img>", "99999999999999999999999999"] {
            assert_eq!(parse_number(bad), Err(NotANumber), "{bad}");
        }
    }
}
