//! The advisor against a brute force through `evaluate`: for random firms, every option's
//! figures are its quote's, the options are exactly the feasible candidates, and `best`
//! is the brute force's best.

use prequal::advise::{advise, candidate_terms, AdviceOption, AdviceRequest, Objective};
use prequal::firm::TaxGrade;
use prequal::report::Verdict;
use prequal::schedule::RepaymentMethod;
use prequal::{evaluate, Decimal, Firm, Policy};
use proptest::prelude::*;

const METHODS: [RepaymentMethod; 3] =
    [RepaymentMethod::EqualInstallment, RepaymentMethod::EqualPrincipal, RepaymentMethod::InterestOnly];

fn packs() -> Vec<Policy> {
    vec![
        Policy::default_pack(),
        Policy::from_json(include_str!("../../../examples/packs/longhua-bank-mix.json")).unwrap(),
        Policy::from_json(include_str!("../../../examples/packs/bank-g-tech-credit.json")).unwrap(),
    ]
}

fn base_firms() -> Vec<Firm> {
    [
        include_str!("../../../examples/firms/eligible.json"),
        include_str!("../../../examples/firms/longhua-tenant.json"),
        include_str!("../../../examples/firms/bank-g-applicant.json"),
        include_str!("../../../examples/firms/needs-info.json"),
    ]
    .iter()
    .map(|text| Firm::from_json(text).unwrap())
    .collect()
}

/// The option `evaluate` gives for one candidate, if it is feasible.
fn brute_option(
    policy: &Policy,
    index: usize,
    firm: &Firm,
    amount: Decimal,
    term: u32,
    method: RepaymentMethod,
    cap: Option<Decimal>,
) -> Option<AdviceOption> {
    let mut f = firm.clone();
    f.requested_amount = Some(amount);
    f.term_months = Some(term);
    f.repayment_method = Some(method);
    let product = &policy.products[index];
    let report = evaluate(policy, &f, policy.market.as_of).unwrap();
    let q = report.quotes.iter().find(|q| q.product == product.id)?;
    let loan = q.loan.as_ref()?;
    if q.verdict != Verdict::Eligible || loan.amount != amount {
        return None;
    }
    let max_payment = loan.schedule.rows.iter().map(|r| r.payment).max().unwrap();
    if cap.is_some_and(|c| max_payment > c) {
        return None;
    }
    Some(AdviceOption {
        product: product.id.clone(),
        term_months: loan.term_months,
        method: loan.method,
        amount: loan.amount,
        verdict: q.verdict,
        annual_rate: loan.annual_rate,
        rate_after_subsidy: loan.rate_after_subsidy,
        first_payment: loan.first_payment,
        max_payment,
        total_interest: loan.total_interest,
        interest_subsidy: loan.interest_subsidy,
        guarantee_fee: loan.guarantee_fee,
        fee_subsidy: loan.fee_subsidy,
        total_cost_gross: loan.total_cost_gross,
        total_cost_net: loan.total_cost_net,
        apr_gross: q.apr_gross.unwrap(),
        apr_net: q.apr_net.unwrap(),
        product_index: index,
    })
}

fn brute_force(policy: &Policy, firm: &Firm, amount: Decimal, cap: Option<Decimal>) -> Vec<AdviceOption> {
    let mut out = Vec::new();
    for (index, product) in policy.products.iter().enumerate() {
        for term in candidate_terms(product) {
            for method in METHODS.into_iter().filter(|m| product.repayment_methods.contains(m)) {
                out.extend(brute_option(policy, index, firm, amount, term, method, cap));
            }
        }
    }
    out
}

fn objective_value(o: &AdviceOption, objective: Objective) -> Decimal {
    match objective {
        Objective::TotalCost => o.total_cost_net,
        Objective::Apr => o.apr_net,
        Objective::MaxPayment => o.max_payment,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn advice_is_the_brute_force_over_evaluate(
        pack in 0usize..3,
        firm in 0usize..4,
        amount_wan in 10i64..600,
        cap_wan in proptest::option::of(1i64..100),
        objective in prop_oneof![Just(Objective::TotalCost), Just(Objective::Apr), Just(Objective::MaxPayment)],
        high_tech in proptest::option::of(any::<bool>()),
        grade_a in any::<bool>(),
    ) {
        let policy = &packs()[pack];
        let mut firm = base_firms().remove(firm);
        firm.qualifications.high_tech = high_tech;
        if grade_a {
            firm.tax_grade = Some(TaxGrade::A);
        }
        let amount = Decimal::from(amount_wan * 10_000);
        let cap = cap_wan.map(|c| Decimal::from(c * 10_000));
        let request = AdviceRequest { amount: Some(amount), max_payment: cap, objective };
        let advice = advise(policy, &firm, policy.market.as_of, &request).unwrap();
        let mut expected = brute_force(policy, &firm, amount, cap);
        // Every option is exactly a feasible candidate's quote, and every one is there.
        prop_assert_eq!(advice.options.len(), expected.len());
        for o in &advice.options {
            prop_assert!(expected.contains(o), "not the quote's figures: {:?}", o);
        }
        // The best is the lowest objective; ties as documented.
        expected.sort_by(|a, b| {
            let m = |o: &AdviceOption| METHODS.iter().position(|x| *x == o.method).unwrap();
            (objective_value(a, objective), a.max_payment, a.term_months, a.product_index, m(a))
                .cmp(&(objective_value(b, objective), b.max_payment, b.term_months, b.product_index, m(b)))
        });
        prop_assert_eq!(advice.best.as_ref(), expected.first());
        // No frontier option is beaten on both figures by any option.
        for f in &advice.frontier {
            prop_assert!(!advice.options.iter().any(|o| o.total_cost_net < f.total_cost_net && o.max_payment <= f.max_payment
                || o.total_cost_net <= f.total_cost_net && o.max_payment < f.max_payment));
        }
        // A product is either advised or excluded with a reason.
        for p in &policy.products {
            let advised = advice.options.iter().any(|o| o.product == p.id);
            let excluded = advice.excluded.iter().any(|x| x.product == p.id && !x.reason.en.is_empty() && !x.reason.zh_cn.is_empty());
            prop_assert!(advised != excluded, "{}", p.id);
        }
    }
}

#[test]
fn no_amount_is_a_clear_error() {
    let policy = Policy::default_pack();
    let mut firm = base_firms().remove(0);
    firm.requested_amount = None;
    let e = advise(&policy, &firm, policy.market.as_of, &AdviceRequest::default()).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("missing_field", "$.amount"));
}

#[test]
fn a_cap_no_option_meets_excludes_everything_with_the_reason() {
    let policy = Policy::default_pack();
    let firm = base_firms().remove(0);
    let request = AdviceRequest {
        amount: Some(Decimal::from(1_000_000)),
        max_payment: Some(Decimal::from(100)),
        ..Default::default()
    };
    let advice = advise(&policy, &firm, policy.market.as_of, &request).unwrap();
    assert!(advice.best.is_none() && advice.options.is_empty() && advice.frontier.is_empty());
    assert_eq!(advice.excluded.len(), policy.products.len());
    assert!(advice.excluded.iter().any(|x| x.reason.en.contains("pays more than")), "{:?}", advice.excluded);
}
