//! Rounding rules of domain.md section 7, in one place.
//!
//! Every amount a user sees goes through [`round_money`]; every APR through [`round_rate`].
//! Both round half away from zero (四舍五入) and fix the scale, so `15000` prints as
//! `15000.00` on every target.

use rust_decimal::{Decimal, RoundingStrategy};

/// Round to 0.01 yuan, half away from zero, with exactly two decimal places.
pub fn round_money(value: Decimal) -> Decimal {
    // Sums and differences of cents are already exact: only fix their scale (fast path,
    // the schedule does this a few times per row).
    let mut rounded = if value.scale() <= 2 {
        value
    } else {
        value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    };
    rounded.rescale(2);
    rounded
}

/// Round an annual rate (a fraction) to 6 places, half away from zero, with exactly six places.
pub fn round_rate(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(6);
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
