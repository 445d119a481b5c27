//! Side by side, natively (issue 6): prequal and GoRules ZEN on the same eligibility rules
//! (the bundled pack's park-credit-loan), plus the core figures the goals name: a full
//! evaluation, schedules and the APR.
//!
//!   cargo bench --bench compare                # in benches/compare
//!   bash scripts/bench-all.sh                  # everything, and BENCHMARKS.md rewritten
//!
//! Before any timing, ZEN and prequal must give the same verdict to the typical firm and
//! the 1,000 seeded tenants; otherwise the bench stops with the disagreements.

/// The core's own benchmarks of a full evaluation, the schedules and the APR, the very same
/// code (crates/prequal/benches/shared).
#[path = "../../../crates/prequal/benches/shared/mod.rs"]
mod shared;
mod support;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use prequal::{eligibility, Firm, Policy};
use prequal_compare::{tenants, PRODUCT};
use shared::{bench_apr, bench_evaluate, bench_schedule, typical_firm as typical};
use std::hint::black_box;
use support::{disagreements, zen_context, zen_decision, zen_eligible};

fn check_agreement(policy: &Policy, decision: &zen_engine::Decision, firms: &[Firm]) {
    let wrong = disagreements(policy, decision, firms, policy.market.as_of);
    if !wrong.is_empty() {
        for line in wrong.iter().take(20) {
            eprintln!("  {line}");
        }
        panic!("ZEN and prequal disagree on {} of {} firms: no figure would be valid", wrong.len(), firms.len());
    }
}

fn bench_eligibility(c: &mut Criterion) {
    let policy = Policy::default_pack();
    let as_of = policy.market.as_of;
    let decision = zen_decision();
    let firm = typical();
    let firms = tenants();
    let mut all = vec![firm.clone()];
    all.extend(firms.iter().cloned());
    check_agreement(&policy, &decision, &all);

    let mut group = c.benchmark_group("eligibility");
    group.throughput(Throughput::Elements(1));
    group.bench_function("prequal/typical_firm", |b| {
        b.iter(|| eligibility(black_box(&policy), PRODUCT, black_box(&firm), as_of))
    });
    let context = zen_context(&firm, as_of);
    group.bench_function("zen/typical_firm", |b| {
        // The input as ZEN holds it (a Variable), copied per call because evaluation may
        // write into it (pass-through nodes merge their outputs into the context).
        b.iter(|| zen_eligible(black_box(&decision), context.deep_clone()))
    });
    group.throughput(Throughput::Elements(firms.len() as u64));
    group.bench_function("prequal/1000_tenants", |b| {
        b.iter(|| {
            firms.iter().filter(|f| matches!(eligibility(&policy, PRODUCT, f, as_of), Ok(Some(v)) if v == prequal::report::Verdict::Eligible)).count()
        })
    });
    let contexts: Vec<_> = firms.iter().map(|f| zen_context(f, as_of)).collect();
    group.bench_function("zen/1000_tenants", |b| {
        b.iter(|| contexts.iter().filter(|ctx| zen_eligible(&decision, ctx.deep_clone()).0).count())
    });
    group.finish();
}

criterion_group!(benches, bench_eligibility, bench_evaluate, bench_schedule, bench_apr);
criterion_main!(benches);
