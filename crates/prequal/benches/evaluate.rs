//! Criterion benchmarks of the core: a full evaluation of the bundled pack for a typical
//! firm, and its parts. Run: `cargo bench -p prequal --bench evaluate`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use prequal::apr::{apr, AprRequest};
use prequal::schedule::{schedule, RepaymentMethod, ScheduleRequest};
use prequal::{evaluate, Decimal, Firm, Policy};
use std::hint::black_box;

const TYPICAL_FIRM: &str = include_str!("../../../examples/firms/eligible.json");

fn bench_evaluate(c: &mut Criterion) {
    let policy = Policy::default_pack();
    let firm = Firm::from_json(TYPICAL_FIRM).unwrap_or_else(|e| panic!("{e}"));
    let as_of = policy.market.as_of;
    c.bench_function("evaluate/default_pack/typical_firm", |b| {
        b.iter(|| evaluate(black_box(&policy), black_box(&firm), as_of))
    });
    let text = prequal::policy::DEFAULT_PACK_JSON;
    c.bench_function("policy/parse_and_validate_default_pack", |b| b.iter(|| Policy::from_json(black_box(text))));
    c.bench_function("policy/content_hash", |b| b.iter(|| black_box(&policy).content_hash()));
}

fn bench_schedule(c: &mut Criterion) {
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

fn bench_apr(c: &mut Criterion) {
    let policy = Policy::default_pack();
    let firm = Firm::from_json(TYPICAL_FIRM).unwrap_or_else(|e| panic!("{e}"));
    let report = evaluate(&policy, &firm, policy.market.as_of).unwrap_or_else(|e| panic!("{e}"));
    let flows = report.quotes.first().map(|q| q.cash_flows.clone()).unwrap_or_default();
    let request = AprRequest { cash_flows: flows, periods_per_year: 12 };
    c.bench_function("apr/36_month_net_flows", |b| b.iter(|| apr(black_box(&request))));
}

criterion_group!(benches, bench_evaluate, bench_schedule, bench_apr);
criterion_main!(benches);
