//! Benchmarks shared by the core's criterion bench (`benches/evaluate.rs`) and the side by
//! side comparison (`benches/compare`, which includes this file), so that both time exactly
//! the same work: a full evaluation of the bundled pack for the typical firm, the schedules
//! and the APR.

use criterion::{BenchmarkId, Criterion};
use prequal::apr::{apr, AprRequest};
use prequal::schedule::{schedule, RepaymentMethod, ScheduleRequest};
use prequal::{evaluate, Decimal, Firm, Policy};
use std::hint::black_box;

/// The typical firm of every benchmark.
pub const TYPICAL_FIRM: &str = include_str!("../../../../examples/firms/eligible.json");

/// The typical firm, read.
pub fn typical_firm() -> Firm {
    Firm::from_json(TYPICAL_FIRM).unwrap_or_else(|e| panic!("{e}"))
}

/// `evaluate/default_pack/typical_firm`: every product of the bundled pack.
pub fn bench_evaluate(c: &mut Criterion) {
    let policy = Policy::default_pack();
    let firm = typical_firm();
    let as_of = policy.market.as_of;
    c.bench_function("evaluate/default_pack/typical_firm", |b| {
        b.iter(|| evaluate(black_box(&policy), black_box(&firm), as_of))
    });
}

/// `schedule/METHOD/MONTHS`: 3,000,000 yuan at 3.35%, 36 and 360 months, each method.
pub fn bench_schedule(c: &mut Criterion) {
    let mut group = c.benchmark_group("schedule");
    for months in [36u32, 360] {
        for method in
            [RepaymentMethod::EqualInstallment, RepaymentMethod::EqualPrincipal, RepaymentMethod::InterestOnly]
        {
            let request = ScheduleRequest {
                principal: Decimal::from(3_000_000),
                annual_rate: Decimal::new(335, 4),
                months,
                method,
            };
            group.bench_with_input(BenchmarkId::new(method.id(), months), &request, |b, r| {
                b.iter(|| schedule(black_box(r)))
            });
        }
    }
    group.finish();
}

/// `apr/36_month_net_flows`: the IRR of the best quote's net cash flows.
pub fn bench_apr(c: &mut Criterion) {
    let policy = Policy::default_pack();
    let report = evaluate(&policy, &typical_firm(), policy.market.as_of).unwrap_or_else(|e| panic!("{e}"));
    let flows = report.quotes.first().map(|q| q.cash_flows.clone()).unwrap_or_default();
    let request = AprRequest { cash_flows: flows, periods_per_year: 12 };
    c.bench_function("apr/36_month_net_flows", |b| b.iter(|| apr(black_box(&request))));
}
