//! A calendar date, just enough for effective periods and years in operation.
//!
//! Hand-written instead of chrono: the engine needs parsing, comparison and whole months
//! between two dates, and this keeps a date library out of the WASM payload.

use crate::json::{FromJson, Node};
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A proleptic Gregorian date, `YYYY-MM-DD` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// 2025-01-01, a fixed valid date for defaults that must not fail.
    pub const FALLBACK: Date = Date { year: 2025, month: 1, day: 1 };

    /// A date, or `None` when it does not exist (2025-02-29) or is outside years 1900–2999.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid =
            (1900..=2999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Whole calendar months from `self` to `later` (0 when `later` is not after `self`).
    /// 2024-01-31 to 2024-02-29 is 0 months; to 2024-03-01 it is 1.
    pub fn whole_months_until(self, later: Date) -> u32 {
        if later <= self {
            return 0;
        }
        let months =
            (i32::from(later.year) - i32::from(self.year)) * 12 + i32::from(later.month) - i32::from(self.month);
        let months = if later.day < self.day { months - 1 } else { months };
        u32::try_from(months).unwrap_or(0)
    }
}

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Why a date string was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateParseError;

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected a real date as YYYY-MM-DD between 1900 and 2999")
    }
}

impl std::error::Error for DateParseError {}

impl FromStr for Date {
    type Err = DateParseError;

    fn from_str(text: &str) -> Result<Date, DateParseError> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes.get(4) == Some(&b'-')
            && bytes.get(7) == Some(&b'-')
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(DateParseError);
        }
        let number = |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse().ok());
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        match (year, month, day) {
            (Some(y), Some(m), Some(d)) => Date::new(y, m as u8, d as u8).ok_or(DateParseError),
            _ => Err(DateParseError),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl FromJson for Date {
    fn from_json(node: Node<'_>) -> crate::Result<Date> {
        let text = node.str().map_err(|_| node.wrong_type("a date as YYYY-MM-DD"))?;
        text.parse().map_err(|e: DateParseError| {
            let detail = e.to_string();
            node.fail(crate::ErrorCode::InvalidValue, detail.clone(), format!("取值无效：{detail}"))
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
        for bad in
            ["2025-02-29", "2025-13-01", "2025-00-10", "25-01-01", "2025-1-01", "２０２５-01-01", "1899-12-31", ""]
        {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn counts_whole_months() {
        assert_eq!(d("2024-01-31").whole_months_until(d("2024-02-29")), 0);
        assert_eq!(d("2024-01-31").whole_months_until(d("2024-03-01")), 1);
        assert_eq!(d("2023-06-15").whole_months_until(d("2025-06-15")), 24);
        assert_eq!(d("2023-06-15").whole_months_until(d("2025-06-14")), 23);
        assert_eq!(d("2025-06-15").whole_months_until(d("2023-06-15")), 0);
    }
}
