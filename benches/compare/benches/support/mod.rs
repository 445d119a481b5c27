//! GoRules ZEN side of the comparison, shared by the criterion bench (`benches/compare.rs`)
//! and the agreement check (`examples/check.rs`). Kept out of `src/` because ZEN is a
//! dev-dependency: only the benchmarks build it.

use prequal::{Date, Firm, Policy};
use prequal_compare::{prequal_eligible, prequal_verdict, rules_context, verdict_id};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use zen_engine::model::DecisionContent;
use zen_engine::{Decision, DecisionEngine, Variable};

/// The ZEN decision graph of the product's eligibility, `rules/park-credit-loan.jdm.json`.
pub const JDM: &str = include_str!("../../rules/park-credit-loan.jdm.json");

/// The decision as a service would hold it: created once by the engine and compiled
/// (expressions to bytecode, decision-table indexes), then evaluated per request.
pub fn zen_decision() -> Decision {
    let content: DecisionContent =
        serde_json::from_str(JDM).unwrap_or_else(|e| panic!("park-credit-loan.jdm.json: {e}"));
    let mut decision = DecisionEngine::default()
        .create_decision(content.into())
        .unwrap_or_else(|e| panic!("park-credit-loan.jdm.json: {e:?}"));
    decision.compile();
    decision
}

/// Drive a future that never waits (a decision graph of tables and expressions does no
/// I/O) to completion without an async runtime: the cheapest honest way to call ZEN's
/// async `evaluate` in a loop.
pub fn now<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("a ZEN evaluation waited; it cannot be timed without a runtime"),
    }
}

/// ZEN's answer for one firm: eligible or not (and the first failed criterion).
pub fn zen_eligible(decision: &Decision, context: Variable) -> (bool, Option<String>) {
    let response = now(decision.evaluate(context)).unwrap_or_else(|e| panic!("ZEN evaluation failed: {e}"));
    let eligible = response.result.dot("eligible").and_then(|v| v.as_bool());
    let reason = response.result.dot("reason").and_then(|v| v.as_str().map(str::to_string));
    match eligible {
        Some(e) => (e, reason),
        None => panic!("ZEN gave no `eligible`: {}", response.result.to_value()),
    }
}

/// The firm as ZEN input: its facts and the evaluation date.
pub fn zen_context(firm: &Firm, as_of: Date) -> Variable {
    Variable::from(rules_context(firm, as_of))
}

/// Check that ZEN and prequal give every firm the same verdict; the list of
/// disagreements (empty when they agree), each a readable line.
pub fn disagreements(policy: &Policy, decision: &Decision, firms: &[Firm], as_of: Date) -> Vec<String> {
    let mut out = Vec::new();
    for (i, firm) in firms.iter().enumerate() {
        let ours = prequal_eligible(policy, firm, as_of);
        let (theirs, reason) = zen_eligible(decision, zen_context(firm, as_of));
        if ours != theirs {
            out.push(format!(
                "firm #{} ({}): prequal {}, ZEN {} ({}); facts {}",
                i + 1,
                firm.industry.id(),
                verdict_id(prequal_verdict(policy, firm, as_of)),
                if theirs { "eligible" } else { "not eligible" },
                reason.unwrap_or_default(),
                rules_context(firm, as_of)
            ));
        }
    }
    out
}
