//! Criterion benchmarks of the core: a full evaluation of the bundled pack for a typical
//! firm, and its parts, and the advisor. Run: `cargo bench -p prequal --bench evaluate`.

mod shared;

use criterion::{criterion_group, criterion_main, Criterion};
use prequal::Policy;
use shared::{bench_apr, bench_evaluate, bench_schedule};
use std::hint::black_box;

fn bench_policy(c: &mut Criterion) {
    let policy = Policy::default_pack();
    let text = prequal::policy::DEFAULT_PACK_JSON;
    c.bench_function("policy/parse_and_validate_default_pack", |b| b.iter(|| Policy::from_json(black_box(text))));
    c.bench_function("policy/content_hash", |b| b.iter(|| black_box(&policy).content_hash()));
}

/// `advise/default_pack/typical_firm[/cap]`: the advisor over every product, term and
/// method of the bundled pack for the typical firm's 3,000,000 (goal: under 1 ms).
fn bench_advise(c: &mut Criterion) {
    use prequal::advise::{advise, AdviceRequest};
    let policy = Policy::default_pack();
    let firm = shared::typical_firm();
    let as_of = policy.market.as_of;
    let plain = AdviceRequest::default();
    c.bench_function("advise/default_pack/typical_firm", |b| {
        b.iter(|| advise(black_box(&policy), black_box(&firm), as_of, black_box(&plain)))
    });
    let capped = AdviceRequest { max_payment: Some(prequal::Decimal::from(100_000)), ..AdviceRequest::default() };
    c.bench_function("advise/default_pack/typical_firm/cap_100000", |b| {
        b.iter(|| advise(black_box(&policy), black_box(&firm), as_of, black_box(&capped)))
    });
}

criterion_group!(benches, bench_evaluate, bench_policy, bench_schedule, bench_apr, bench_advise);
criterion_main!(benches);
