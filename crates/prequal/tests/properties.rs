//! Property tests: for any valid input the engine does not panic and keeps its invariants.

use prequal::cost::{costs, CostRequest, FeeTiming, GuaranteeTerms, SubsidyBasis, SubsidyTerms, SubsidyTiming};
use prequal::firm::{Qualifications, TaxGrade};
use prequal::schedule::{schedule, RepaymentMethod, ScheduleRequest};
use prequal::size::Industry;
use prequal::{evaluate, Decimal, Firm, Policy};
use proptest::prelude::*;

fn money(max_yuan: i64) -> impl Strategy<Value = Decimal> {
    (1i64..=max_yuan * 100).prop_map(|cents| Decimal::new(cents, 2))
}

/// A loan principal: from 1,000 yuan (no product lends less; below that, cent rounding
/// dominates every figure) to `max_yuan`.
fn principal(max_yuan: i64) -> impl Strategy<Value = Decimal> {
    (100_000i64..=max_yuan * 100).prop_map(|cents| Decimal::new(cents, 2))
}

/// A rate in [0, 0.3) with up to 6 places.
fn rate() -> impl Strategy<Value = Decimal> {
    (0i64..300_000).prop_map(|millionths| Decimal::new(millionths, 6))
}

fn method() -> impl Strategy<Value = RepaymentMethod> {
    prop_oneof![
        Just(RepaymentMethod::EqualInstallment),
        Just(RepaymentMethod::EqualPrincipal),
        Just(RepaymentMethod::InterestOnly)
    ]
}

fn timing() -> impl Strategy<Value = SubsidyTiming> {
    prop_oneof![Just(SubsidyTiming::PerPeriod), Just(SubsidyTiming::Annual), Just(SubsidyTiming::AtMaturity)]
}

fn share_subsidy() -> impl Strategy<Value = SubsidyTerms> {
    (0i64..=100, timing(), proptest::option::of(money(2_000_000)), proptest::option::of(1u32..5)).prop_map(
        |(pct, timing, cap, years)| SubsidyTerms {
            basis: SubsidyBasis::Share,
            share: Some(Decimal::new(pct, 2)),
            points: None,
            counted_rate_cap: None,
            cap_per_year: cap,
            max_years: years,
            timing,
        },
    )
}

fn points_subsidy() -> impl Strategy<Value = SubsidyTerms> {
    (0i64..=400, timing(), proptest::option::of(1u32..5)).prop_map(|(bp, timing, years)| SubsidyTerms {
        basis: SubsidyBasis::Points,
        share: None,
        points: Some(Decimal::new(bp, 4)),
        counted_rate_cap: None,
        cap_per_year: None,
        max_years: years,
        timing,
    })
}

fn cost_request() -> impl Strategy<Value = CostRequest> {
    (
        principal(50_000_000),
        rate(),
        1u32..=120,
        method(),
        proptest::option::of((0i64..300, prop_oneof![Just(FeeTiming::Upfront), Just(FeeTiming::Annual)])),
        proptest::collection::vec(prop_oneof![share_subsidy(), points_subsidy()], 0..3),
        proptest::collection::vec(share_subsidy(), 0..2),
    )
        .prop_map(|(principal, annual_rate, months, method, fee, interest_subsidies, fee_subsidies)| CostRequest {
            principal,
            annual_rate,
            months,
            method,
            guarantee: fee.map(|(bp, timing)| GuaranteeTerms { fee_rate: Decimal::new(bp, 4), timing }),
            interest_subsidies,
            fee_subsidies,
        })
}

fn opt<T: std::fmt::Debug + Clone>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(s)
}

fn firm() -> impl Strategy<Value = Firm> {
    let industry = (0usize..16).prop_map(|i| Industry::ALL.get(i).copied().unwrap_or(Industry::Other));
    let grade =
        prop_oneof![Just(TaxGrade::A), Just(TaxGrade::B), Just(TaxGrade::M), Just(TaxGrade::C), Just(TaxGrade::D)];
    let park = prop_oneof![
        Just("xinghe-world"),
        Just("longgang-tech-park"),
        Just("pingshan-innovation-park"),
        Just("elsewhere")
    ];
    let quals = (opt(any::<bool>()), opt(any::<bool>()), opt(any::<bool>()), opt(any::<bool>()), opt(any::<bool>()));
    (
        (industry, opt(0u32..5000), opt(money(3_000_000_000)), opt(money(3_000_000_000)), opt(0i64..2400)),
        (opt(park), opt(grade), opt(money(50_000_000)), opt(0u32..5), opt(0u32..8), opt(0u32..30)),
        (opt(16u32..80), opt(0i64..150), opt(money(20_000_000)), quals),
        (opt(money(20_000_000)), opt(1u32..=60), opt(method())),
    )
        .prop_map(|(a, b, c, d)| {
            let mut f = Firm::new(a.0);
            f.employees = a.1;
            f.revenue = a.2;
            f.total_assets = a.3;
            f.years_in_operation = a.4.map(|months| (Decimal::from(months) / Decimal::from(12)).round_dp(2));
            f.park = b.0.map(str::to_string);
            f.tax_grade = b.1;
            f.annual_tax_paid = b.2;
            f.overdue_current = b.3;
            f.overdue_24m = b.4;
            f.inquiries_6m = b.5;
            f.legal_rep_age = c.0;
            f.debt_ratio = c.1.map(|pct| Decimal::new(pct, 2));
            f.existing_credit_loans = c.2;
            let q = c.3;
            f.qualifications = Qualifications {
                specialized_national: q.0,
                specialized_provincial: q.1,
                high_tech: q.2,
                tech_sme: q.3,
                first_loan: q.4,
            };
            f.requested_amount = d.0;
            f.term_months = d.1;
            f.repayment_method = d.2;
            f
        })
}

proptest! {
    // 256 cases each by default; PROPTEST_CASES=5000 for a longer run.

    #[test]
    fn schedule_repays_exactly(principal in money(100_000_000), annual_rate in rate(), months in 1u32..=360, method in method()) {
        let s = schedule(&ScheduleRequest { principal, annual_rate, months, method }).unwrap();
        let repaid: Decimal = s.rows.iter().map(|r| r.principal).sum();
        prop_assert_eq!(repaid, principal);
        prop_assert_eq!(s.rows.last().unwrap().balance.to_string(), "0.00");
        prop_assert_eq!(s.rows.len(), months as usize);
        for row in &s.rows {
            prop_assert!(row.principal >= Decimal::ZERO && row.interest >= Decimal::ZERO);
            prop_assert_eq!(row.payment, row.principal + row.interest);
        }
    }

    #[test]
    fn higher_rate_never_lowers_the_payment(principal in money(100_000_000), a in rate(), b in rate(), months in 1u32..=360, method in method()) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let first = |annual_rate| schedule(&ScheduleRequest { principal, annual_rate, months, method }).unwrap().rows[0].payment;
        prop_assert!(first(low) <= first(high));
        if method == RepaymentMethod::EqualInstallment {
            let level = |r: Decimal| prequal::schedule::level_payment(principal, r / Decimal::from(12), months).unwrap();
            prop_assert!(level(low) <= level(high));
        }
    }

    #[test]
    fn net_apr_never_exceeds_gross(request in cost_request()) {
        let result = costs(&request).unwrap();
        prop_assert!(result.apr_net <= result.apr_gross, "net {} > gross {}", result.apr_net, result.apr_gross);
        // Subsidies never exceed the costs they cover.
        prop_assert!(result.interest_subsidy_total <= result.schedule.total_interest);
        prop_assert!(result.fee_subsidy_total <= result.guarantee_fee_total);
        prop_assert_eq!(result.cash_flows_net.len(), request.months as usize + 1);
    }

    /// Subsidies stack in pack order and a later scheme only covers what earlier ones left,
    /// so "more subsidy" means a more generous last scheme, or one more scheme at the end.
    /// (Raising an earlier scheme paid annually can displace a later per-period scheme's
    /// money to a later date, which rightly raises the APR: the property would be false.)
    #[test]
    fn more_subsidy_never_raises_net_apr(mut request in cost_request(), extra in 0i64..=100, timing in timing()) {
        let base = costs(&request).unwrap();
        let bonus = Decimal::new(extra, 2);
        match request.interest_subsidies.last_mut() {
            Some(last) if last.basis == SubsidyBasis::Share => {
                last.share = Some((last.share.unwrap_or_default() + bonus).min(Decimal::ONE));
            }
            _ => request.interest_subsidies.push(SubsidyTerms {
                basis: SubsidyBasis::Share, share: Some(bonus), points: None,
                counted_rate_cap: None, cap_per_year: None, max_years: None, timing,
            }),
        }
        let more = costs(&request).unwrap();
        prop_assert!(more.apr_net <= base.apr_net, "more subsidy raised net APR: {} > {}", more.apr_net, base.apr_net);
        prop_assert!(more.interest_subsidy_total >= base.interest_subsidy_total);
        prop_assert_eq!(more.apr_gross, base.apr_gross);
    }

    #[test]
    fn evaluate_never_panics_and_verdicts_follow_criteria(firm in firm()) {
        let policy = Policy::default_pack();
        let report = evaluate(&policy, &firm, policy.market.as_of).unwrap();
        prop_assert_eq!(report.quotes.len() + report.excluded.len(), policy.products.len());
        for q in &report.quotes {
            let required = || q.criteria.iter().filter(|c| c.required);
            let fails = required().any(|c| c.status == prequal::condition::Status::Fail);
            let unknown = required().any(|c| c.status == prequal::condition::Status::Unknown);
            let expected = if fails { "Ineligible" } else if unknown { "NeedsInfo" } else { "Eligible" };
            prop_assert_eq!(format!("{:?}", q.verdict), expected);
            if let (Some(g), Some(n)) = (q.apr_gross, q.apr_net) {
                prop_assert!(n <= g);
            }
            if let (Some(loan), Some(limit)) = (&q.loan, q.limit.amount) {
                prop_assert!(loan.amount <= limit);
            }
            prop_assert!(q.error.is_none(), "{:?}", q.error);
        }
        // Ranked: verdicts never improve down the list.
        for pair in report.quotes.windows(2) {
            prop_assert!(pair[0].verdict <= pair[1].verdict);
        }
    }
}
