//! Loan costs worked out once per distinct loan, for screening whole tenant lists: many
//! tenants borrow the same amount on the same terms at the same rate with the same
//! subsidies, and [`costs`] is a pure function of its [`CostRequest`], so a repeated request
//! takes the figures of the first. Only the figures a quote's totals need are kept (not the
//! schedule or the cash flows), so the cache stays small.

use crate::cost::{costs, CostRequest, CostResult, SubsidyTerms};
use crate::error::Result;
use crate::evaluate::{fill, fill_figures, with_risk};
use crate::policy::GuaranteeScheme;
use crate::report::Quote;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Entries kept before the cache starts again: about 200 bytes each, so a few MB at most,
/// and memory stays flat however long the list is.
const LIMIT: usize = 16_384;

/// The totals of a loan's costs that a quote shows (what [`CostResult`] holds besides its
/// schedule, payments and cash flows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostTotals {
    /// APR without subsidies.
    pub apr_gross: Decimal,
    /// APR with subsidies.
    pub apr_net: Decimal,
    /// The schedule's total interest.
    pub total_interest: Decimal,
    /// The schedule's first payment (zero without rows).
    pub first_payment: Decimal,
    /// Sum of guarantee fees.
    pub guarantee_fee_total: Decimal,
    /// Sum of interest subsidies.
    pub interest_subsidy_total: Decimal,
    /// Sum of fee subsidies.
    pub fee_subsidy_total: Decimal,
}

impl CostTotals {
    /// The totals of a worked-out result.
    pub fn of(result: &CostResult) -> CostTotals {
        CostTotals {
            apr_gross: result.apr_gross,
            apr_net: result.apr_net,
            total_interest: result.schedule.total_interest,
            first_payment: result.schedule.rows.first().map_or(Decimal::ZERO, |r| r.payment),
            guarantee_fee_total: result.guarantee_fee_total,
            interest_subsidy_total: result.interest_subsidy_total,
            fee_subsidy_total: result.fee_subsidy_total,
        }
    }
}

/// What the cache keeps of a loan's costs: its totals and each applied scheme's total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostFigures {
    /// The totals.
    pub totals: CostTotals,
    /// Each applied scheme's total, interest schemes first, in request order.
    pub subsidy_totals: Vec<Decimal>,
}

impl CostFigures {
    /// The figures of a worked-out result.
    pub fn of(result: &CostResult) -> CostFigures {
        CostFigures {
            totals: CostTotals::of(result),
            subsidy_totals: result.interest_subsidies.iter().chain(&result.fee_subsidies).map(|p| p.total).collect(),
        }
    }
}

/// Where a quote's costs come from: worked out afresh with every detail ([`Fresh`]), or
/// only the figures, from a [`CostCache`]. Pricing is generic over it, so a module that
/// never screens (the SDK, the widget) carries no cache.
pub(crate) trait CostSource {
    /// Work out `request`'s costs into the quote (or its error).
    fn price_into(&mut self, q: &mut Quote, request: &CostRequest, applied: &[usize], scheme: Option<&GuaranteeScheme>);
}

/// Every cost worked out afresh, with its schedule and cash flows (`evaluate`, `advise`).
pub(crate) struct Fresh;

impl CostSource for Fresh {
    // Inlined into `price`, as `costs` and `fill` were before the cache: the SDK's and the
    // widget's modules keep their size (~0.7 KiB gzip otherwise).
    #[inline(always)]
    fn price_into(
        &mut self,
        q: &mut Quote,
        request: &CostRequest,
        applied: &[usize],
        scheme: Option<&GuaranteeScheme>,
    ) {
        match costs(request) {
            Ok(result) => with_risk(scheme, q, |q, risk| fill(q, request, result, applied, risk)),
            Err(e) => q.error = Some(e),
        }
    }
}

impl CostSource for CostCache {
    fn price_into(
        &mut self,
        q: &mut Quote,
        request: &CostRequest,
        applied: &[usize],
        scheme: Option<&GuaranteeScheme>,
    ) {
        match self.figures(request) {
            Ok(figures) => with_risk(scheme, q, |q, risk| fill_figures(q, request, &figures, applied, risk)),
            Err(e) => q.error = Some(e),
        }
    }
}

/// Cost figures by the exact request they answer (decimals by mantissa and scale, so `1.0`
/// and `1.00` are different requests, as their results may be written differently).
#[derive(Debug, Default)]
pub struct CostCache {
    figures: HashMap<Vec<u8>, Result<CostFigures>>,
    /// The key being looked up, written into the same buffer every time (a new key is
    /// copied only when it is stored).
    scratch: Vec<u8>,
    hits: u64,
    misses: u64,
}

impl CostCache {
    /// An empty cache.
    pub fn new() -> CostCache {
        CostCache::default()
    }

    /// The figures of `costs(request)`, worked out only the first time.
    pub fn figures(&mut self, request: &CostRequest) -> Result<CostFigures> {
        write_key(&mut self.scratch, request);
        if let Some(found) = self.figures.get(self.scratch.as_slice()) {
            self.hits += 1;
            return found.clone();
        }
        self.misses += 1;
        if self.figures.len() >= LIMIT {
            self.figures.clear();
        }
        let figures = costs(request).map(|result| CostFigures::of(&result));
        self.figures.insert(self.scratch.clone(), figures.clone());
        figures
    }

    /// Requests answered from the cache, and worked out.
    pub fn counts(&self) -> (u64, u64) {
        (self.hits, self.misses)
    }
}

/// Write the request's exact bytes into `out`: every decimal as its 16-byte representation (mantissa, scale,
/// sign), every number and choice as itself.
fn write_key(out: &mut Vec<u8>, request: &CostRequest) {
    out.clear();
    out.extend_from_slice(&request.principal.serialize());
    out.extend_from_slice(&request.annual_rate.serialize());
    out.extend_from_slice(&request.months.to_le_bytes());
    out.push(request.method as u8);
    match &request.guarantee {
        None => out.push(0),
        Some(g) => {
            out.push(1 + g.timing as u8);
            out.extend_from_slice(&g.fee_rate.serialize());
        }
    }
    for (list, mark) in [(&request.interest_subsidies, b'i'), (&request.fee_subsidies, b'f')] {
        for terms in list {
            out.push(mark);
            terms_key(out, terms);
        }
    }
}

fn terms_key(out: &mut Vec<u8>, t: &SubsidyTerms) {
    out.push(t.basis as u8);
    out.push(t.timing as u8);
    for value in [t.share, t.points, t.counted_rate_cap, t.cap_per_year] {
        match value {
            None => out.push(0),
            Some(d) => {
                out.push(1);
                out.extend_from_slice(&d.serialize());
            }
        }
    }
    match t.max_years {
        None => out.push(0),
        Some(y) => {
            out.push(1);
            out.extend_from_slice(&y.to_le_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::{FeeTiming, GuaranteeTerms, SubsidyBasis, SubsidyTiming};
    use crate::schedule::RepaymentMethod;

    fn request(principal: &str, rate: &str) -> CostRequest {
        CostRequest {
            principal: principal.parse().unwrap(),
            annual_rate: rate.parse().unwrap(),
            months: 24,
            method: RepaymentMethod::EqualInstallment,
            guarantee: Some(GuaranteeTerms { fee_rate: "0.01".parse().unwrap(), timing: FeeTiming::Annual }),
            interest_subsidies: vec![SubsidyTerms {
                basis: SubsidyBasis::Points,
                share: None,
                points: Some("0.015".parse().unwrap()),
                counted_rate_cap: None,
                cap_per_year: None,
                max_years: Some(2),
                timing: SubsidyTiming::Annual,
            }],
            fee_subsidies: vec![],
        }
    }

    #[test]
    fn a_repeated_request_gets_the_first_ones_figures() {
        let mut cache = CostCache::new();
        let first = cache.figures(&request("1000000", "0.0345")).unwrap();
        assert_eq!(first, CostFigures::of(&costs(&request("1000000", "0.0345")).unwrap()));
        assert_eq!(cache.figures(&request("1000000", "0.0345")).unwrap(), first);
        assert_eq!(cache.counts(), (1, 1));
        // Equal values written with another scale are other requests.
        cache.figures(&request("1000000.00", "0.0345")).unwrap();
        assert_eq!(cache.counts(), (1, 2));
        // Errors are answers too.
        let mut bad = request("1000000", "0.0345");
        bad.months = 0;
        assert_eq!(cache.figures(&bad).unwrap_err(), costs(&bad).unwrap_err());
        assert_eq!(cache.figures(&bad).unwrap_err(), costs(&bad).unwrap_err());
        assert_eq!(cache.counts(), (2, 3));
    }

    #[test]
    fn every_field_is_in_the_key() {
        let base = request("1000000", "0.0345");
        let mut changed = Vec::new();
        let mut r = base.clone();
        r.months = 36;
        changed.push(r);
        let mut r = base.clone();
        r.method = RepaymentMethod::EqualPrincipal;
        changed.push(r);
        let mut r = base.clone();
        r.guarantee = None;
        changed.push(r);
        let mut r = base.clone();
        r.guarantee = Some(GuaranteeTerms { fee_rate: "0.01".parse().unwrap(), timing: FeeTiming::Upfront });
        changed.push(r);
        let mut r = base.clone();
        r.fee_subsidies = r.interest_subsidies.clone();
        r.interest_subsidies.clear();
        changed.push(r);
        let mut r = base.clone();
        r.interest_subsidies[0].max_years = Some(3);
        changed.push(r);
        let mut r = base.clone();
        r.interest_subsidies[0].cap_per_year = Some(Decimal::ONE);
        changed.push(r);
        let key = |r: &CostRequest| {
            let mut out = Vec::new();
            write_key(&mut out, r);
            out
        };
        for r in &changed {
            assert_ne!(key(r), key(&base), "{r:?}");
        }
    }
}
