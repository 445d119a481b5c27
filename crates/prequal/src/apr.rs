//! Annualised cost by the IRR method (PBoC announcement 〔2021〕 No. 3), domain.md section 7.
//!
//! The per-period IRR is solved in Decimal (Newton's method, kept inside a bracket and
//! falling back to bisection), then annualised nominally: APR = periods_per_year × IRR,
//! rounded half away from zero to 6 places. No floating point, so every target agrees.

use crate::error::{Error, ErrorCode, Result};
use crate::json::{FromJson, Node};
use crate::money::round_rate;
use rust_decimal::Decimal;
use serde::Serialize;

/// One cash flow from the borrower's view: positive received, negative paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CashFlow {
    /// Period number; 0 is disbursement.
    pub period: u32,
    /// Signed amount in yuan.
    #[serde(serialize_with = "crate::money::serialize")]
    pub amount: Decimal,
}

/// What an APR is computed from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AprRequest {
    /// Cash flows, one per period (periods may be skipped; they count as zero).
    pub cash_flows: Vec<CashFlow>,
    /// 12 for monthly periods, 4 for quarterly.
    #[serde(default = "monthly")]
    pub periods_per_year: u32,
}

fn monthly() -> u32 {
    12
}

/// The answer: the nominal APR as a fraction with 6 places.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AprResult {
    /// APR, e.g. `0.035570`.
    #[serde(serialize_with = "crate::money::serialize")]
    pub apr: Decimal,
}

// The per-period rate is searched in [LOW, HIGH]: −1% to +100% a month. Costs net of
// subsidies are never negative, so real loans sit well inside; the bounds keep v^n finite.
const LOW: Decimal = Decimal::from_parts(1, 0, 0, true, 2);
const HIGH: Decimal = Decimal::ONE;
const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 14);
const MAX_STEPS: u32 = 200;
const NEWTON_STEPS: u32 = 12;

fn no_solution() -> Error {
    Error::new(
        ErrorCode::Calculation,
        "$.cash_flows",
        "cash flows with an annualised cost between -12% and 1200% (money received first, then paid back)",
        "现金流的年化成本须在 -12% 至 1200% 之间（先收款、后还款）",
    )
}

/// Dense per-period flows 0..=max period from a sparse list.
fn dense(flows: &[CashFlow]) -> Result<Vec<Decimal>> {
    let last = flows.iter().map(|f| f.period).max().unwrap_or(0);
    if last > crate::limits::MAX_TERM_MONTHS {
        return Err(Error::new(ErrorCode::TooLarge, "$.cash_flows", "periods up to 600", "期数不超过 600"));
    }
    let mut out = vec![Decimal::ZERO; last as usize + 1];
    for (i, flow) in flows.iter().enumerate() {
        crate::limits::check_magnitude(&format!("$.cash_flows[{i}].amount"), flow.amount)?;
        if let Some(slot) = out.get_mut(flow.period as usize) {
            *slot += flow.amount;
        }
    }
    Ok(out)
}

/// Cash flows prepared for NPV evaluation, which the IRR search does dozens of times.
///
/// Loan flows are whole cents, so they are evaluated in integer fixed point: discount
/// factors are i128 multiples of 2^-52, which keeps the NPV's relative error near 1e-13
/// over 600 periods (far below the 6-place APR) at a tenth of Decimal's cost. Integer
/// arithmetic is exact and identical on every target. Flows with finer amounts, or large
/// enough to overflow, use Decimal with 18-place discount factors instead.
enum Flows<'a> {
    Cents(Vec<i128>, &'a [Decimal]),
    Exact(&'a [Decimal]),
}

const FIXED_BITS: u32 = 52;
const DISCOUNT_PLACES: u32 = 18;

impl<'a> Flows<'a> {
    fn new(flows: &'a [Decimal]) -> Flows<'a> {
        let cents: Option<Vec<i128>> = flows.iter().map(|f| whole_cents(*f)).collect();
        match cents {
            Some(c) => Flows::Cents(c, flows),
            None => Flows::Exact(flows),
        }
    }

    /// NPV at per-period rate r and its derivative (both may share a positive scale
    /// factor: the search only uses their signs and ratio), or None on overflow.
    fn npv_and_slope(&self, r: Decimal) -> Option<(Decimal, Decimal)> {
        let v = Decimal::ONE.checked_div(Decimal::ONE.checked_add(r)?)?;
        match self {
            Flows::Cents(cents, exact) => fixed(cents, v).or_else(|| decimal(exact, v)),
            Flows::Exact(exact) => decimal(exact, v),
        }
    }
}

/// The amount in whole cents, or None if it has a fraction of a cent. Money from the
/// engine has scale 2, so this is usually the mantissa as it is.
fn whole_cents(amount: Decimal) -> Option<i128> {
    match amount.scale() {
        2 => Some(amount.mantissa()),
        s if s < 2 => amount.mantissa().checked_mul(10i128.pow(2 - s)),
        _ => {
            let cents = amount.checked_mul(Decimal::ONE_HUNDRED)?;
            if cents.fract().is_zero() {
                i128::try_from(cents).ok()
            } else {
                None
            }
        }
    }
}

/// Σ cf·v^k and −v·Σ k·cf·v^k in 2^-52 fixed point.
fn fixed(cents: &[i128], v: Decimal) -> Option<(Decimal, Decimal)> {
    let one = 1i128 << FIXED_BITS;
    let v_fixed = i128::try_from(v.checked_mul(Decimal::from(one))?.round()).ok()?;
    let mut discount = one; // v^k
    let mut npv: i128 = 0;
    let mut weighted: i128 = 0; // Σ k·cf·v^k
    for (k, cf) in cents.iter().enumerate() {
        if *cf != 0 {
            let term = cf.checked_mul(discount)?;
            npv = npv.checked_add(term)?;
            weighted = weighted.checked_add(term.checked_mul(i128::try_from(k).ok()?)?)?;
        }
        discount = discount.checked_mul(v_fixed)? >> FIXED_BITS;
    }
    // Bring both into Decimal's 96 bits with one common shift.
    let widest = npv.unsigned_abs().max(weighted.unsigned_abs());
    let shift = (128 - widest.leading_zeros()).saturating_sub(90);
    let npv = Decimal::try_from_i128_with_scale(npv >> shift, 0).ok()?;
    let weighted = Decimal::try_from_i128_with_scale(weighted >> shift, 0).ok()?;
    Some((npv, -(weighted.checked_mul(v)?)))
}

/// The same in Decimal, with discount factors rounded to 18 places.
fn decimal(flows: &[Decimal], v: Decimal) -> Option<(Decimal, Decimal)> {
    let v = v.round_dp(DISCOUNT_PLACES);
    let mut discount = Decimal::ONE; // v^k
    let mut npv = Decimal::ZERO;
    let mut weighted = Decimal::ZERO; // Σ k·cf·v^k
    for (k, flow) in flows.iter().enumerate() {
        if !flow.is_zero() {
            let term = flow.checked_mul(discount)?;
            npv = npv.checked_add(term)?;
            weighted = weighted.checked_add(term.checked_mul(Decimal::from(k))?)?;
        }
        discount = discount.checked_mul(v)?.round_dp(DISCOUNT_PLACES);
    }
    // d/dr Σ cf·v^k = −Σ k·cf·v^(k+1) = −v·Σ k·cf·v^k
    Some((npv, -(weighted.checked_mul(v)?)))
}

/// The per-period IRR of dense flows, searching from a typical loan's monthly rate.
pub fn irr(flows: &[Decimal]) -> Result<Decimal> {
    irr_near(flows, Decimal::new(5, 3))
}

/// The per-period IRR of dense flows, starting Newton's method at `guess`.
///
/// A loan's flows may change sign more than once (a subsidy paid at maturity can exceed the
/// last payment), and then the NPV can have two roots. The root that means something has
/// the sign of the total cost: so the search stays in [0, HIGH] when the flows cost the
/// borrower money (Σ flows < 0), and in [LOW, 0] otherwise. Plain Newton steps from a good
/// guess usually converge in three or four NPV evaluations; when a step leaves the range or
/// does not settle, a bracketed search takes over.
pub fn irr_near(flows: &[Decimal], guess: Decimal) -> Result<Decimal> {
    let total: Decimal = flows.iter().try_fold(Decimal::ZERO, |acc, f| acc.checked_add(*f)).ok_or_else(no_solution)?;
    if total.is_zero() {
        return Ok(Decimal::ZERO);
    }
    let (lo, hi) = if total.is_sign_negative() { (Decimal::ZERO, HIGH) } else { (LOW, Decimal::ZERO) };
    let flows = &Flows::new(flows);
    if let Some(root) = newton(flows, guess, lo, hi) {
        return Ok(root);
    }
    let f_lo = flows.npv_and_slope(lo).ok_or_else(no_solution)?.0;
    let f_hi = flows.npv_and_slope(hi).ok_or_else(no_solution)?.0;
    if f_hi.is_zero() {
        return Ok(hi);
    }
    if f_lo.is_sign_negative() == f_hi.is_sign_negative() {
        return Err(no_solution());
    }
    solve(flows, lo, hi, f_lo.is_sign_negative())
}

/// Unbracketed Newton inside (lo, hi); None when it leaves the range or does not settle.
fn newton(flows: &Flows<'_>, guess: Decimal, lo: Decimal, hi: Decimal) -> Option<Decimal> {
    let mut r = if guess > lo && guess < hi { guess } else { (lo + hi) / Decimal::TWO };
    for _ in 0..NEWTON_STEPS {
        let (f, slope) = flows.npv_and_slope(r)?;
        if f.is_zero() {
            return Some(r);
        }
        let next = r.checked_sub(f.checked_div(slope)?)?;
        if next <= lo || next >= hi {
            return None;
        }
        if (next - r).abs() < TOLERANCE {
            return Some(next);
        }
        r = next;
    }
    None
}

/// Newton's method kept inside [lo, hi], falling back to bisection when a step leaves it.
fn solve(flows: &Flows<'_>, mut lo: Decimal, mut hi: Decimal, lo_negative: bool) -> Result<Decimal> {
    let mut r = (lo + hi) / Decimal::TWO;
    for _ in 0..MAX_STEPS {
        let (f, slope) = flows.npv_and_slope(r).ok_or_else(no_solution)?;
        if f.is_zero() {
            return Ok(r);
        }
        // Keep the bracket: the side with the same sign as f moves to r.
        if f.is_sign_negative() == lo_negative {
            lo = r;
        } else {
            hi = r;
        }
        let newton = if slope.is_zero() { None } else { f.checked_div(slope).and_then(|step| r.checked_sub(step)) };
        let next = match newton {
            Some(x) if x > lo && x < hi => x,
            _ => (lo + hi) / Decimal::TWO,
        };
        if (next - r).abs() < TOLERANCE || hi - lo < TOLERANCE {
            return Ok(next);
        }
        r = next;
    }
    Ok(r)
}

/// APR = periods_per_year × IRR, rounded to 6 places.
///
/// ```
/// use prequal::apr::{apr, AprRequest, CashFlow};
/// use rust_decimal::Decimal;
/// // Borrow 1200, repay 101 a month for a year.
/// let mut flows = vec![CashFlow { period: 0, amount: Decimal::from(1200) }];
/// flows.extend((1..=12).map(|period| CashFlow { period, amount: Decimal::from(-101) }));
/// let result = apr(&AprRequest { cash_flows: flows, periods_per_year: 12 }).unwrap();
/// assert_eq!(result.apr.to_string(), "0.018410"); // numpy-financial: 12 × irr = 0.0184098...
/// ```
pub fn apr(request: &AprRequest) -> Result<AprResult> {
    if !matches!(request.periods_per_year, 1 | 2 | 4 | 12) {
        return Err(Error::new(ErrorCode::InvalidValue, "$.periods_per_year", "1, 2, 4 or 12", "须为 1、2、4 或 12"));
    }
    let flows = dense(&request.cash_flows)?;
    let rate = irr(&flows)?;
    Ok(AprResult { apr: annualise(rate, request.periods_per_year) })
}

/// periods_per_year × per-period rate, rounded to 6 places.
pub fn annualise(rate: Decimal, periods_per_year: u32) -> Decimal {
    round_rate(rate * Decimal::from(periods_per_year))
}

impl FromJson for CashFlow {
    fn from_json(node: Node<'_>) -> crate::Result<CashFlow> {
        let o = node.object(&["period", "amount"])?;
        Ok(CashFlow { period: o.req("period")?, amount: o.req("amount")? })
    }
}

impl FromJson for AprRequest {
    fn from_json(node: Node<'_>) -> crate::Result<AprRequest> {
        let o = node.object(&["cash_flows", "periods_per_year"])?;
        // One flow per period of the longest term, and the disbursement.
        let most = crate::limits::MAX_TERM_MONTHS as usize + 1;
        Ok(AprRequest {
            cash_flows: o.req_with("cash_flows", |node| node.list(most))?,
            periods_per_year: o.or("periods_per_year", monthly)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loan(principal: i64, payment: &str, n: usize) -> Vec<Decimal> {
        let mut flows = vec![Decimal::from(principal)];
        flows.extend(std::iter::repeat_n(payment.parse::<Decimal>().unwrap(), n));
        flows
    }

    /// The integer fast path and the Decimal path find the same root.
    #[test]
    fn fixed_and_decimal_paths_agree() {
        for flows in [loan(15000, "-304.15", 60), loan(200000, "-1854.02", 180), loan(1200, "-101", 12)] {
            let fast = irr(&flows).unwrap();
            let (lo, hi) = (Decimal::ZERO, HIGH);
            let exact = newton(&Flows::Exact(&flows), Decimal::new(5, 3), lo, hi).unwrap();
            assert!(matches!(Flows::new(&flows), Flows::Cents(..)));
            assert!((fast - exact).abs() < Decimal::new(1, 12), "{fast} vs {exact}");
        }
    }

    /// Flows with fractions of a cent take the Decimal path and still solve.
    #[test]
    fn sub_cent_flows_use_decimal() {
        let flows = loan(1000, "-85.6075", 12);
        assert!(matches!(Flows::new(&flows), Flows::Exact(_)));
        assert!(irr(&flows).unwrap() > Decimal::ZERO);
    }
}
