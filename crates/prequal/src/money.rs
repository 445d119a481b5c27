//! Rounding rules of domain.md section 7, in one place.
//!
//! Every amount a user sees goes through [`round_money`]; every APR through [`round_rate`].
//! Both round half away from zero (四舍五入) and fix the scale, so `15000` prints as
//! `15000.00` on every target.

use rust_decimal::{Decimal, RoundingStrategy};

/// Round to 0.01 yuan, half away from zero, with exactly two decimal places.
pub fn round_money(value: Decimal) -> Decimal {
    round_half_away(value, 2)
}

/// Round an annual rate (a fraction) to 6 places, half away from zero, with exactly six places.
pub fn round_rate(value: Decimal) -> Decimal {
    round_half_away(value, 6)
}

/// Round half away from zero to `places`, with exactly that scale. The same result as
/// rust_decimal's `round_dp_with_strategy` + `rescale` (a proptest checks it, sign of zero
/// included), computed in u64 when the mantissa fits: rounding was a tenth of an evaluation.
fn round_half_away(value: Decimal, places: u32) -> Decimal {
    let scale = value.scale();
    let mantissa = value.mantissa();
    if scale > places && scale - places <= 18 {
        if let Ok(magnitude) = u64::try_from(mantissa.unsigned_abs()) {
            let divisor = 10u64.pow(scale - places);
            let (quotient, remainder) = (magnitude / divisor, magnitude % divisor);
            // remainder < divisor ≤ 10^18, so doubling it cannot overflow.
            let rounded = quotient + u64::from(remainder * 2 >= divisor);
            // A result of zero keeps rust_decimal's own sign rules (the slow path).
            if let (true, Ok(mut out)) = (rounded > 0, Decimal::try_from_i128_with_scale(i128::from(rounded), places)) {
                out.set_sign_negative(value.is_sign_negative());
                return out;
            }
        }
    }
    let mut rounded = if scale <= places {
        value
    } else {
        value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
    };
    rounded.rescale(places);
    rounded
}

/// Round down (towards zero) to a multiple of `step`; a non-positive step leaves the value as it is.
pub fn floor_to_step(value: Decimal, step: Decimal) -> Decimal {
    if step <= Decimal::ZERO {
        return value;
    }
    match value.checked_div(step) {
        Some(units) => units.trunc().checked_mul(step).unwrap_or(value),
        None => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(round_money(dec("0.125")).to_string(), "0.13");
        assert_eq!(round_money(dec("-0.125")).to_string(), "-0.13");
        assert_eq!(round_money(dec("0.124999")).to_string(), "0.12");
        assert_eq!(round_money(dec("15000")).to_string(), "15000.00");
        assert_eq!(round_rate(dec("0.0345")).to_string(), "0.034500");
        assert_eq!(round_rate(dec("0.0000005")).to_string(), "0.000001");
    }

    #[test]
    fn floors_to_step() {
        assert_eq!(floor_to_step(dec("1234567"), dec("10000")), dec("1230000"));
        assert_eq!(floor_to_step(dec("1234567"), dec("0")), dec("1234567"));
    }
}

/// A decimal's text, exactly as rust_decimal prints it (sign, every digit of the scale,
/// `0.05`, `-0.00`), without its digit-by-digit 96-bit division: a report holds about 1,500
/// decimals, and printing them was half the cost of a JSON report.
pub struct DecimalText {
    bytes: [u8; 40],
    len: usize,
}

impl DecimalText {
    /// The text of `value`.
    pub fn new(value: &Decimal) -> DecimalText {
        // Digits of the mantissa, least significant first (at most 29 for 96 bits).
        let mut digits = [0u8; 29];
        let mut count = 0;
        let mut rest = value.mantissa().unsigned_abs();
        while rest > 0 {
            // u128 division only while the mantissa is beyond 64 bits (never, for money).
            let digit = match u64::try_from(rest) {
                Ok(small) => {
                    rest = u128::from(small / 10);
                    small % 10
                }
                Err(_) => {
                    let digit = rest % 10;
                    rest /= 10;
                    u64::try_from(digit).unwrap_or(0)
                }
            };
            if let Some(slot) = digits.get_mut(count) {
                *slot = b'0' + digit as u8;
                count += 1;
            }
        }
        let scale = value.scale() as usize;
        let mut text = DecimalText { bytes: [0; 40], len: 0 };
        if value.is_sign_negative() {
            text.push(b'-');
        }
        if count <= scale {
            text.push(b'0');
        } else {
            (scale..count).rev().for_each(|i| text.push(digits.get(i).copied().unwrap_or(b'0')));
        }
        if scale > 0 {
            text.push(b'.');
            (0..scale)
                .rev()
                .for_each(|i| text.push(if i < count { digits.get(i).copied().unwrap_or(b'0') } else { b'0' }));
        }
        text
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }

    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }
}

/// serde `serialize_with` for the decimals a report holds by the hundred (schedule rows,
/// cash flows): the same string as `Decimal`'s own `Serialize`, written faster.
pub fn serialize<S: serde::Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(DecimalText::new(value).as_str())
}

#[cfg(test)]
mod text_tests {
    use super::DecimalText;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    #[test]
    fn prints_as_rust_decimal_does() {
        let cases = ["0", "0.00", "-0.00", "0.05", "-0.05", "15000.00", "1", "-1", "0.000001", "123.4560", "1e-28"];
        for case in cases {
            let value: Decimal = case.parse().or_else(|_| Decimal::from_scientific(case)).unwrap();
            assert_eq!(DecimalText::new(&value).as_str(), value.to_string(), "{case}");
        }
        for value in [
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(-0, 3),
            Decimal::from_i128_with_scale(i128::from(u64::MAX) + 1, 5),
        ] {
            assert_eq!(DecimalText::new(&value).as_str(), value.to_string());
        }
    }

    proptest! {
        #[test]
        fn rounding_is_rust_decimals(lo: u32, mid: u32, hi in 0u32..4, negative: bool, scale in 0u32..=28, places in prop::sample::select(vec![2u32, 6])) {
            use rust_decimal::RoundingStrategy;
            let value = Decimal::from_parts(lo, mid, hi, negative, scale);
            let mut expected = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
            expected.rescale(places);
            let ours = super::round_half_away(value, places);
            prop_assert_eq!(ours.to_string(), expected.to_string());
            prop_assert_eq!(ours.is_sign_negative(), expected.is_sign_negative());
        }

        #[test]
        fn any_decimal_prints_as_rust_decimal_does(lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28) {
            let value = Decimal::from_parts(lo, mid, hi, negative, scale);
            let text = DecimalText::new(&value);
            prop_assert_eq!(text.as_str(), value.to_string());
        }
    }
}
