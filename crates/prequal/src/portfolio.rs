//! Portfolio figures (domain.md §8): each firm's best quote reduced to what screening shows
//! and funders add up, the exact totals of a tenant list, and what a pack change does.
//!
//! [`screen`] finds the best quote without writing a report: the checks of every product
//! without their sentences, then prices only the products that can rank first (those
//! sharing the best verdict). It gives what reducing `evaluate`'s report gives ([`reduce`]);
//! a test holds it to that.

use crate::condition::Status;
use crate::cost_cache::{CostCache, CostSource, Fresh};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::evaluate::{
    check_statuses, estimate_limit, loan_amount, loan_facts, not_in_force, price, quick_verdict, rank_key, unpriced,
    Facts,
};
use crate::firm::Firm;
use crate::money::round_money;
use crate::policy::{Policy, Role};
use crate::report::{Quote, Report, Verdict};
use crate::size::SizeClass;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// A firm's rank-1 quote, reduced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Best {
    /// Product id.
    pub product: String,
    /// Its verdict.
    pub verdict: Verdict,
    /// Its estimated limit.
    pub limit: Option<Decimal>,
    /// Its net APR.
    pub apr_net: Option<Decimal>,
    /// The loan quoted, if priced.
    pub loan_amount: Option<Decimal>,
    /// Interest subsidies of the loan.
    pub interest_subsidy: Option<Decimal>,
    /// Guarantee fee subsidies of the loan.
    pub fee_subsidy: Option<Decimal>,
    /// Total cost after subsidies.
    pub total_cost_net: Option<Decimal>,
    /// What each subsidy scheme pays, in the quote's order (schemes that pay nothing too).
    pub subsidies: Vec<(String, Decimal)>,
    /// What each party would bear if the loan defaulted in full, in the quote's order.
    pub risk: Vec<(Role, Decimal)>,
    /// Required checks that fail.
    pub failed: Vec<String>,
    /// Required checks that could not be decided.
    pub unknown: Vec<String>,
    /// Why the quote could not be priced, if it could not.
    pub error: Option<Error>,
}

/// One firm screened: its size class and its best quote (none when no product is in force).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screened {
    /// SME size class.
    pub size_class: SizeClass,
    /// The best quote.
    pub best: Option<Best>,
}

/// The best quote of an evaluation, reduced.
pub fn reduce(report: &Report) -> Screened {
    Screened { size_class: report.firm.size_class, best: report.quotes.first().map(best_of) }
}

fn best_of(q: &Quote) -> Best {
    let ids = |status: Status| -> Vec<String> {
        q.criteria.iter().filter(|c| c.required && c.status == status).map(|c| c.id.clone()).collect()
    };
    let loan = q.loan.as_ref();
    Best {
        product: q.product.clone(),
        verdict: q.verdict,
        limit: q.limit.amount,
        apr_net: q.apr_net,
        loan_amount: loan.map(|l| l.amount),
        interest_subsidy: loan.map(|l| l.interest_subsidy),
        fee_subsidy: loan.map(|l| l.fee_subsidy),
        total_cost_net: loan.map(|l| l.total_cost_net),
        subsidies: if loan.is_some() {
            q.subsidies.iter().map(|s| (s.scheme.clone(), s.total)).collect()
        } else {
            vec![]
        },
        risk: q.risk_sharing.iter().map(|r| (r.role, r.amount)).collect(),
        failed: ids(Status::Fail),
        unknown: ids(Status::Unknown),
        error: q.error.clone(),
    }
}

/// Screen one firm: [`reduce`] of its evaluation, without writing the report.
pub fn screen(policy: &Policy, firm: &Firm, as_of: Date) -> Result<Screened> {
    screen_priced(policy, firm, as_of, &mut Fresh)
}

/// [`screen`] for one of many firms: loans priced before (the same amount, term, rate and
/// subsidies) take their figures from `cache`. The same result as [`screen`]; a list of
/// thousands of tenants repeats most loans.
pub fn screen_cached(policy: &Policy, firm: &Firm, as_of: Date, cache: &mut CostCache) -> Result<Screened> {
    screen_priced(policy, firm, as_of, cache)
}

fn screen_priced(policy: &Policy, firm: &Firm, as_of: Date, costs: &mut impl CostSource) -> Result<Screened> {
    let facts = Facts::new(policy, firm, as_of)?;
    let mut checked = Vec::new();
    for (index, product) in policy.products.iter().enumerate() {
        if not_in_force(product, as_of).is_some() {
            continue;
        }
        let mut loan = loan_facts(policy, product, &facts);
        let limit = estimate_limit(product, &facts, &loan, None);
        loan.amount = loan_amount(product, &facts.request, &limit);
        let verdict = quick_verdict(policy, product, &facts, &loan, &limit);
        checked.push((index, product, verdict, limit, loan));
    }
    let Some(top) = checked.iter().map(|c| c.2).min() else {
        return Ok(Screened { size_class: facts.size(), best: None });
    };
    // Only a product with the best verdict can rank first; price those to rank them.
    let mut priced: Vec<(Quote, usize)> = Vec::new();
    for (index, product, verdict, limit, loan) in checked.into_iter().filter(|c| c.2 == top) {
        let mut q = unpriced(policy, product, verdict, limit);
        if let Some(amount) = loan.amount {
            price(policy, product, &facts, &loan, amount, None, costs, &mut q);
        }
        priced.push((q, index));
    }
    crate::sort::sort_by(&mut priced, |a, b| rank_key(&a.0).cmp(&rank_key(&b.0)));
    let Some((q, index)) = priced.into_iter().next() else {
        return Ok(Screened { size_class: facts.size(), best: None });
    };
    let mut best = best_of(&q);
    let product = policy.products.get(index);
    if let Some(product) = product {
        let mut loan = loan_facts(policy, product, &facts);
        loan.amount = loan_amount(product, &facts.request, &q.limit);
        check_statuses(policy, product, &facts, &loan, &q.limit, |id, required, status| match (required, status) {
            (true, Status::Fail) => best.failed.push(id.to_string()),
            (true, Status::Unknown) => best.unknown.push(id.to_string()),
            _ => {}
        });
    }
    Ok(Screened { size_class: facts.size(), best: Some(best) })
}

/// An amount as a decimal string with two places.
fn money<S: Serializer>(value: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
    crate::money::serialize(&round_money(*value), s)
}

fn money_map<S: Serializer>(map: &BTreeMap<String, Decimal>, s: S) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut out = s.serialize_map(Some(map.len()))?;
    for (k, v) in map {
        out.serialize_entry(k, crate::money::DecimalText::new(&round_money(*v)).as_str())?;
    }
    out.end()
}

/// What the firms whose best verdict is eligible would borrow, and what it costs whom.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Eligible {
    /// Firms whose best quote is eligible.
    pub firms: i64,
    /// Sum of their loans.
    #[serde(serialize_with = "money")]
    pub loan_amount: Decimal,
    /// Sum of their interest subsidies.
    #[serde(serialize_with = "money")]
    pub interest_subsidy: Decimal,
    /// Sum of their guarantee fee subsidies.
    #[serde(serialize_with = "money")]
    pub fee_subsidy: Decimal,
    /// Subsidies by scheme id: what each budget must reserve.
    #[serde(serialize_with = "money_map")]
    pub subsidy_by_scheme: BTreeMap<String, Decimal>,
    /// The default loss each party would bear, by role.
    #[serde(serialize_with = "money_map")]
    pub risk_by_role: BTreeMap<String, Decimal>,
}

impl Eligible {
    fn add(&mut self, best: &Best) {
        self.firms += 1;
        let zero = Decimal::ZERO;
        self.loan_amount += best.loan_amount.unwrap_or(zero);
        self.interest_subsidy += best.interest_subsidy.unwrap_or(zero);
        self.fee_subsidy += best.fee_subsidy.unwrap_or(zero);
        for (scheme, amount) in &best.subsidies {
            *self.subsidy_by_scheme.entry(scheme.clone()).or_default() += amount;
        }
        for (role, amount) in &best.risk {
            *self.risk_by_role.entry(role_id(*role).to_string()).or_default() += amount;
        }
    }

    fn merge(&mut self, other: &Eligible) {
        self.firms += other.firms;
        self.loan_amount += other.loan_amount;
        self.interest_subsidy += other.interest_subsidy;
        self.fee_subsidy += other.fee_subsidy;
        for (k, v) in &other.subsidy_by_scheme {
            *self.subsidy_by_scheme.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.risk_by_role {
            *self.risk_by_role.entry(k.clone()).or_default() += v;
        }
    }

    /// `self − old`, key by key (a key in either side).
    pub fn minus(&self, old: &Eligible) -> Eligible {
        let diff = |new: &BTreeMap<String, Decimal>, old: &BTreeMap<String, Decimal>| {
            let mut out = new.clone();
            for (k, v) in old {
                *out.entry(k.clone()).or_default() -= v;
            }
            out
        };
        Eligible {
            firms: self.firms - old.firms,
            loan_amount: self.loan_amount - old.loan_amount,
            interest_subsidy: self.interest_subsidy - old.interest_subsidy,
            fee_subsidy: self.fee_subsidy - old.fee_subsidy,
            subsidy_by_scheme: diff(&self.subsidy_by_scheme, &old.subsidy_by_scheme),
            risk_by_role: diff(&self.risk_by_role, &old.risk_by_role),
        }
    }
}

/// A role's name as in packs: `bank`, `guarantor`, `risk_pool`...
pub fn role_id(role: Role) -> &'static str {
    Role::NAMES.iter().find(|(_, r)| *r == role).map_or("", |(name, _)| name)
}

/// How many firms' best verdict is each verdict.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ByVerdict {
    /// Best verdict eligible.
    pub eligible: u64,
    /// Best verdict needs information.
    pub needs_info: u64,
    /// Best verdict ineligible.
    pub ineligible: u64,
}

/// The totals of a tenant list under one pack: plain sums of the per-firm figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Rows screened.
    pub firms: u64,
    /// Rows that could not be evaluated.
    pub errors: u64,
    /// Best verdicts.
    pub by_verdict: ByVerdict,
    /// The firms whose best verdict is eligible, and their loans.
    pub eligible: Eligible,
}

impl Totals {
    /// Count one row: a screened firm, or an error.
    pub fn add(&mut self, row: std::result::Result<&Screened, ()>) {
        self.firms += 1;
        let Ok(screened) = row else {
            self.errors += 1;
            return;
        };
        let Some(best) = &screened.best else { return };
        match best.verdict {
            Verdict::Eligible => {
                self.by_verdict.eligible += 1;
                self.eligible.add(best);
            }
            Verdict::NeedsInfo => self.by_verdict.needs_info += 1,
            Verdict::Ineligible => self.by_verdict.ineligible += 1,
        }
    }

    /// Add another chunk's totals.
    pub fn merge(&mut self, other: &Totals) {
        self.firms += other.firms;
        self.errors += other.errors;
        self.by_verdict.eligible += other.by_verdict.eligible;
        self.by_verdict.needs_info += other.by_verdict.needs_info;
        self.by_verdict.ineligible += other.by_verdict.ineligible;
        self.eligible.merge(&other.eligible);
    }
}

/// Net APR bands of the distribution of eligible firms' costs, as upper bounds in whole percent (the last
/// band is open).
const APR_BANDS: [i64; 6] = [1, 2, 3, 4, 5, 6];

/// How many eligible firms' best quotes fall in each net APR band.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AprBands {
    counts: [u64; APR_BANDS.len() + 1],
}

impl AprBands {
    /// Count one net APR (a fraction: 0.0345 is 3.45%).
    pub fn add(&mut self, apr: Decimal) {
        let band = APR_BANDS.iter().position(|whole| apr < Decimal::new(*whole, 2));
        if let Some(slot) = self.counts.get_mut(band.unwrap_or(APR_BANDS.len())) {
            *slot += 1;
        }
    }

    /// Count a row's net APR if its best verdict is eligible (the firms the portfolio lends
    /// to, domain.md §8).
    pub fn add_row(&mut self, row: std::result::Result<&Screened, ()>) {
        let best = row.ok().and_then(|s| s.best.as_ref()).filter(|b| b.verdict == Verdict::Eligible);
        if let Some(apr) = best.and_then(|b| b.apr_net) {
            self.add(apr);
        }
    }

    /// Add another chunk's counts.
    pub fn merge(&mut self, other: &AprBands) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
    }

    /// The counts, lowest band first.
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// The bands' labels, lowest first: `0–1%` … `≥ 6%`.
    pub fn labels() -> Vec<String> {
        let mut out = Vec::new();
        let mut low = 0;
        for whole in APR_BANDS {
            out.push(format!("{low}–{whole}%"));
            low = whole;
        }
        out.push(format!("≥ {low}%"));
        out
    }
}

/// A verdict's name as in reports, or `error` / `none` for a row without one.
pub fn verdict_id(row: std::result::Result<&Screened, ()>) -> &'static str {
    match row {
        Err(()) => "error",
        Ok(Screened { best: None, .. }) => "none",
        Ok(Screened { best: Some(best), .. }) => match best.verdict {
            Verdict::Eligible => "eligible",
            Verdict::NeedsInfo => "needs_info",
            Verdict::Ineligible => "ineligible",
        },
    }
}

/// What a pack change does to a tenant list: transitions of the best verdict, and both
/// portfolios' eligible totals with their difference.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Impact {
    /// Rows compared.
    pub firms: u64,
    /// `"<old verdict>-><new verdict>"` → firms.
    pub transitions: BTreeMap<String, u64>,
    /// Under the old pack.
    pub old: Eligible,
    /// Under the new pack.
    pub new: Eligible,
    /// New minus old.
    pub change: Eligible,
}

impl Impact {
    /// Count one firm under both packs.
    pub fn add(&mut self, old: std::result::Result<&Screened, ()>, new: std::result::Result<&Screened, ()>) {
        self.firms += 1;
        let key = format!("{}->{}", verdict_id(old), verdict_id(new));
        *self.transitions.entry(key).or_default() += 1;
        let eligible_best = |row: std::result::Result<&Screened, ()>| {
            row.ok().and_then(|s| s.best.as_ref()).filter(|b| b.verdict == Verdict::Eligible).cloned()
        };
        if let Some(best) = eligible_best(old) {
            self.old.add(&best);
        }
        if let Some(best) = eligible_best(new) {
            self.new.add(&best);
        }
        self.change = self.new.minus(&self.old);
    }

    /// Add another chunk's impact.
    pub fn merge(&mut self, other: &Impact) {
        self.firms += other.firms;
        for (k, v) in &other.transitions {
            *self.transitions.entry(k.clone()).or_default() += v;
        }
        self.old.merge(&other.old);
        self.new.merge(&other.new);
        self.change = self.new.minus(&self.old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate;

    fn packs() -> Vec<Policy> {
        vec![
            Policy::default_pack(),
            Policy::from_json(include_str!("../../../examples/packs/longhua-bank-mix.json")).unwrap(),
            Policy::from_json(include_str!("../../../examples/packs/bank-g-tech-credit.json")).unwrap(),
        ]
    }

    fn firms() -> Vec<Firm> {
        let mut out: Vec<Firm> = [
            include_str!("../../../examples/firms/eligible.json"),
            include_str!("../../../examples/firms/needs-info.json"),
            include_str!("../../../examples/firms/ineligible.json"),
            include_str!("../../../examples/firms/longhua-tenant.json"),
            include_str!("../../../examples/firms/dayun-startup.json"),
            include_str!("../../../examples/firms/bank-g-applicant.json"),
        ]
        .iter()
        .map(|t| Firm::from_json(t).unwrap())
        .collect();
        out.push(Firm::blank());
        let mut big = out[0].clone();
        big.requested_amount = Some(Decimal::from(9_000_000));
        out.push(big);
        out
    }

    #[test]
    fn screening_is_the_reduced_report() {
        // One cache across packs and firms, each firm twice with amounts that repeat: the
        // cached figures give what pricing afresh gives.
        let mut cache = CostCache::new();
        for round in 0..2 {
            for policy in &packs() {
                for mut firm in firms() {
                    if let Some(amount) = firm.requested_amount {
                        firm.requested_amount = Some(amount + Decimal::from(round * 10_000));
                    }
                    let as_of = policy.market.as_of;
                    let full = reduce(&evaluate(policy, &firm, as_of).unwrap());
                    assert_eq!(screen(policy, &firm, as_of).unwrap(), full, "{} / {firm:?}", policy.id);
                    for _ in 0..2 {
                        let cached = screen_cached(policy, &firm, as_of, &mut cache).unwrap();
                        assert_eq!(cached, full, "cached: {} / {firm:?}", policy.id);
                    }
                }
            }
        }
        let (hits, misses) = cache.counts();
        assert!(hits > misses && misses > 0, "{hits} hits, {misses} misses");
    }

    #[test]
    fn totals_and_impact() {
        let policy = Policy::default_pack();
        let rows: Vec<Screened> = firms().iter().map(|f| screen(&policy, f, policy.market.as_of).unwrap()).collect();
        let mut totals = Totals::default();
        let mut impact = Impact::default();
        for r in &rows {
            totals.add(Ok(r));
            impact.add(Ok(r), Ok(r));
        }
        totals.add(Err(()));
        assert_eq!(totals.firms, rows.len() as u64 + 1);
        assert_eq!(totals.errors, 1);
        assert!(totals.eligible.firms > 0);
        let sum: Decimal = rows
            .iter()
            .filter_map(|r| r.best.as_ref())
            .filter(|b| b.verdict == Verdict::Eligible)
            .filter_map(|b| b.loan_amount)
            .sum();
        assert_eq!(totals.eligible.loan_amount, sum);
        assert!(impact.transitions.keys().all(|k| k.split("->").next() == k.split("->").nth(1)));
        let change = &impact.change;
        assert_eq!((change.firms, change.loan_amount, change.interest_subsidy), (0, Decimal::ZERO, Decimal::ZERO));
        assert!(change.subsidy_by_scheme.values().chain(change.risk_by_role.values()).all(|v| v.is_zero()));
        assert_eq!(impact.old, totals.eligible);
    }
}
