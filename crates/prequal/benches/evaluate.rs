//! Criterion benchmarks of the core: a full evaluation of the bundled pack for a typical
//! firm, and its parts. Run: `cargo bench -p prequal --bench evaluate`.

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

criterion_group!(benches, bench_evaluate, bench_policy, bench_schedule, bench_apr);
criterion_main!(benches);
