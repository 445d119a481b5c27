//! The engine's input limits, in one place. Each keeps Decimal arithmetic far from
//! overflow (Decimal holds 28 digits) and bounds the work one call can cause.

use crate::error::{Error, ErrorCode, Result};
use rust_decimal::Decimal;

/// Largest amount accepted anywhere, in yuan: 10 trillion. Products of an amount, a rate
/// and a term stay below 10^18, far inside Decimal's range.
pub const MAX_AMOUNT: i64 = 10_000_000_000_000;
/// Longest loan term, in months (50 years).
pub const MAX_TERM_MONTHS: u32 = 600;
/// Most products in one pack.
pub const MAX_PRODUCTS: usize = 200;
/// Most entries in any other list of a pack (criteria, tiers, schemes, parks...).
pub const MAX_LIST: usize = 200;
/// Longest string in a pack or firm, in characters.
pub const MAX_STRING_CHARS: usize = 2_000;
/// Largest pack or firm document, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 2_000_000;
/// Most decimal places in an input number.
pub const MAX_SCALE: u32 = 12;

/// An amount: not negative, at most [`MAX_AMOUNT`], at most [`MAX_SCALE`] places.
pub fn check_amount(path: &str, value: Decimal) -> Result<()> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Error::new(
            ErrorCode::NegativeAmount,
            path,
            format!("an amount ≥ 0, got {value}"),
            format!("金额须 ≥ 0，实际为 {value}"),
        ));
    }
    check_magnitude(path, value)
}

/// Any number: |value| ≤ [`MAX_AMOUNT`] and at most [`MAX_SCALE`] decimal places.
pub fn check_magnitude(path: &str, value: Decimal) -> Result<()> {
    if value.abs() > Decimal::from(MAX_AMOUNT) {
        return Err(Error::new(
            ErrorCode::TooLarge,
            path,
            format!("at most {MAX_AMOUNT}, got {value}"),
            format!("不超过 {MAX_AMOUNT}，实际为 {value}"),
        ));
    }
    if value.normalize().scale() > MAX_SCALE {
        return Err(Error::new(
            ErrorCode::TooLarge,
            path,
            format!("at most {MAX_SCALE} decimal places"),
            format!("小数位数不超过 {MAX_SCALE}"),
        ));
    }
    Ok(())
}

/// A rate: a fraction in [0, 1).
pub fn check_rate(path: &str, value: Decimal) -> Result<()> {
    if value.is_sign_negative() && !value.is_zero() || value >= Decimal::ONE {
        return Err(Error::new(
            ErrorCode::RateOutOfRange,
            path,
            format!("a fraction in [0, 1) such as 0.035 for 3.5%, got {value}"),
            format!("须为 [0, 1) 之间的小数，如 0.035 表示 3.5%，实际为 {value}"),
        ));
    }
    check_magnitude(path, value)
}

/// A share: a fraction in [0, 1].
pub fn check_share(path: &str, value: Decimal) -> Result<()> {
    if value.is_sign_negative() && !value.is_zero() || value > Decimal::ONE {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("a share in [0, 1], got {value}"),
            format!("比例须在 [0, 1] 之间，实际为 {value}"),
        ));
    }
    check_magnitude(path, value)
}

/// A loan term: 1 to [`MAX_TERM_MONTHS`] months.
pub fn check_term(path: &str, months: u32) -> Result<()> {
    if months == 0 || months > MAX_TERM_MONTHS {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("a term of 1 to {MAX_TERM_MONTHS} months, got {months}"),
            format!("期限须为 1 至 {MAX_TERM_MONTHS} 个月，实际为 {months}"),
        ));
    }
    Ok(())
}

/// A list no longer than `max`.
pub fn check_len(path: &str, len: usize, max: usize) -> Result<()> {
    if len > max {
        return Err(Error::new(
            ErrorCode::TooLarge,
            path,
            format!("at most {max} entries, got {len}"),
            format!("最多 {max} 项，实际 {len} 项"),
        ));
    }
    Ok(())
}

/// A string no longer than [`MAX_STRING_CHARS`].
pub fn check_string(path: &str, text: &str) -> Result<()> {
    let chars = text.chars().count();
    if chars > MAX_STRING_CHARS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            path,
            format!("at most {MAX_STRING_CHARS} characters, got {chars}"),
            format!("最多 {MAX_STRING_CHARS} 个字符，实际 {chars} 个"),
        ));
    }
    Ok(())
}

/// A document no larger than [`MAX_DOCUMENT_BYTES`].
pub fn check_document(bytes: usize) -> Result<()> {
    if bytes > MAX_DOCUMENT_BYTES {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "$",
            format!("a document of at most {MAX_DOCUMENT_BYTES} bytes, got {bytes}"),
            format!("文档不超过 {MAX_DOCUMENT_BYTES} 字节，实际 {bytes} 字节"),
        ));
    }
    Ok(())
}
