//! The repayment chart's geometry: two panels, the balance over time (an area) and each
//! payment's principal and interest (stacked bars), in SVG user units. Computed with `Decimal` and
//! written with two decimals, so the chart is the same on every target.

use prequal::schedule::Schedule;
use prequal::Decimal;
use rust_decimal::RoundingStrategy;

/// Width of each panel's view box.
pub const WIDTH: u32 = 320;
/// Height of each panel's view box (the balance panel and the payments panel).
pub const HEIGHT: u32 = 84;
const LEFT: u32 = 4;
const RIGHT: u32 = 4;
/// Top of the balance panel's plot.
pub const BALANCE_TOP: u32 = 4;
/// Bottom of the balance panel's plot (its axis).
pub const BALANCE_BOTTOM: u32 = 80;
/// Top of the payments panel's plot.
pub const BARS_TOP: u32 = 4;
/// Bottom of the payments panel's plot (its axis).
pub const BARS_BOTTOM: u32 = 80;

/// One period's bar: principal at the bottom, interest stacked on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// Left edge.
    pub x: String,
    /// Width.
    pub width: String,
    /// Top of the principal part.
    pub principal_y: String,
    /// Height of the principal part.
    pub principal_height: String,
    /// Top of the interest part.
    pub interest_y: String,
    /// Height of the interest part.
    pub interest_height: String,
}

/// The chart of one schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// SVG path data of the balance area (closed along the panel's bottom).
    pub balance_area: String,
    /// SVG points of the balance line.
    pub balance_line: String,
    /// The bars, one per period.
    pub bars: Vec<Bar>,
    /// The largest balance (the principal), for the panel's label.
    pub max_balance: Decimal,
    /// The largest payment, for the panel's label.
    pub max_payment: Decimal,
}

fn coord(value: Decimal) -> String {
    let mut v = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(2);
    v.to_string()
}

fn ratio(part: Decimal, whole: Decimal) -> Decimal {
    if whole <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    part.max(Decimal::ZERO).checked_div(whole).unwrap_or(Decimal::ZERO).min(Decimal::ONE)
}

/// The chart of `schedule` for a loan of `principal`.
pub fn chart(principal: Decimal, schedule: &Schedule) -> Chart {
    let n = Decimal::from(u32::try_from(schedule.rows.len()).unwrap_or(u32::MAX).max(1));
    let left = Decimal::from(LEFT);
    let plot_width = Decimal::from(WIDTH - LEFT - RIGHT);
    let step = plot_width / n;
    let max_balance = schedule.rows.iter().map(|r| r.balance).fold(principal, Decimal::max);
    let max_payment = schedule.rows.iter().map(|r| r.payment).fold(Decimal::ZERO, Decimal::max);

    let (b_top, b_bottom) = (Decimal::from(BALANCE_TOP), Decimal::from(BALANCE_BOTTOM));
    let b_height = b_bottom - b_top;
    let y_balance = |balance: Decimal| b_bottom - b_height * ratio(balance, max_balance);
    let mut line = String::new();
    let mut push_point = |x: Decimal, y: Decimal| {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&coord(x));
        line.push(',');
        line.push_str(&coord(y));
    };
    push_point(left, y_balance(principal));
    for (i, row) in schedule.rows.iter().enumerate() {
        let k = Decimal::from(u32::try_from(i + 1).unwrap_or(u32::MAX));
        push_point(left + step * k, y_balance(row.balance));
    }
    let right = left + plot_width;
    let balance_area =
        format!("M{},{} L{} L{},{} Z", coord(left), coord(b_bottom), line, coord(right), coord(b_bottom));

    let (p_top, p_bottom) = (Decimal::from(BARS_TOP), Decimal::from(BARS_BOTTOM));
    let p_height = p_bottom - p_top;
    let gap = if step > Decimal::from(3) { step / Decimal::from(5) } else { Decimal::ZERO };
    let bars = schedule
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let x = left + step * Decimal::from(u32::try_from(i).unwrap_or(u32::MAX)) + gap / Decimal::TWO;
            let principal_h = p_height * ratio(row.principal, max_payment);
            let interest_h = (p_height * ratio(row.interest, max_payment)).min(p_height - principal_h);
            let principal_y = p_bottom - principal_h;
            Bar {
                x: coord(x),
                width: coord((step - gap).max(Decimal::ZERO)),
                principal_y: coord(principal_y),
                principal_height: coord(principal_h),
                interest_y: coord(principal_y - interest_h),
                interest_height: coord(interest_h),
            }
        })
        .collect();
    Chart { balance_area, balance_line: line, bars, max_balance, max_payment }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prequal::schedule::{schedule, RepaymentMethod, ScheduleRequest};
    use std::str::FromStr;

    fn plan(method: RepaymentMethod, months: u32) -> (Decimal, Schedule) {
        let principal = Decimal::from(1_200_000);
        let request = ScheduleRequest { principal, annual_rate: Decimal::from_str("0.0365").unwrap(), months, method };
        (principal, schedule(&request).unwrap())
    }

    #[test]
    fn balance_starts_at_the_top_and_ends_at_the_bottom() {
        let (p, s) = plan(RepaymentMethod::EqualInstallment, 12);
        let c = chart(p, &s);
        assert!(c.balance_line.starts_with("4.00,4.00 "), "{}", c.balance_line);
        assert!(c.balance_line.ends_with(" 316.00,80.00"), "{}", c.balance_line);
        assert_eq!(c.bars.len(), 12);
        assert_eq!(c.max_balance, p);
        let bar = &c.bars[0];
        let top: Decimal = bar.interest_y.parse().unwrap();
        assert!(top >= Decimal::from(BARS_TOP), "{bar:?}");
    }

    #[test]
    fn interest_only_has_one_tall_bar() {
        let (p, s) = plan(RepaymentMethod::InterestOnly, 36);
        let c = chart(p, &s);
        assert_eq!(c.bars.last().unwrap().interest_y, format!("{BARS_TOP}.00"));
        assert_eq!(c.bars.len(), 36);
    }

    #[test]
    fn empty_and_long_schedules_do_not_panic() {
        let empty = Schedule { rows: vec![], total_interest: Decimal::ZERO, total_payment: Decimal::ZERO };
        let c = chart(Decimal::ZERO, &empty);
        assert!(c.bars.is_empty());
        let (p, s) = plan(RepaymentMethod::EqualPrincipal, 600);
        assert_eq!(chart(p, &s).bars.len(), 600);
    }
}
