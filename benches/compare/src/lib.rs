//! Shared inputs of the side-by-side benchmarks (issue 6): the product compared, the firms
//! (the seeded tenant list the CLI screens), their JSON form for the other engines, and
//! prequal's own verdicts.
//!
//! The other engines get exactly the facts prequal gets: the firm profile as JSON (the
//! same field names as `Firm`), plus the evaluation date `as_of`, which prequal takes as
//! an argument.

use prequal::report::Verdict;
use prequal::{eligibility, Date, Firm, Lang, Policy};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

/// The product whose eligibility rules are written for ZEN and json-rules-engine:
/// the bundled pack's Park e-loan (园区e贷), Bank A's unsecured park loan.
pub const PRODUCT: &str = "park-credit-loan";

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The typical firm of the core benchmarks, `examples/firms/eligible.json`.
pub const TYPICAL_FIRM: &str = include_str!("../../../examples/firms/eligible.json");

/// The 1,000 firms of `examples/tenants/tenants-1000.csv` (the CLI's seeded generator:
/// realistic mixes of industries, sizes, grades, parks and missing values), read exactly
/// as `prequal screen` reads them. Rows the CLI would reject are left out.
pub fn tenants() -> Vec<Firm> {
    let path = repo_root().join("examples/tenants/tenants-1000.csv");
    let text = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rows = prequal_cli::screen::read_tenants(&text, Lang::En)
        .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message(Lang::En)));
    rows.into_iter().filter_map(|(_, firm)| firm.ok()).collect()
}

/// A decimal as a JSON number (the form a bank's system would send).
fn number(d: prequal::Decimal) -> Value {
    serde_json::from_str(&d.normalize().to_string()).unwrap_or(Value::Null)
}

/// The firm profile as JSON with the field names of `Firm`: what `Firm::from_json` reads
/// and what the WASM SDK's `evaluate` takes. Missing facts are left out. The
/// `qualifications` object is always there (possibly empty).
pub fn firm_json(firm: &Firm) -> Value {
    let mut m = Map::new();
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(v) = value {
            m.insert(key.to_string(), v);
        }
    };
    put("industry", Some(json!(firm.industry.id())));
    put("employees", firm.employees.map(|v| json!(v)));
    put("revenue", firm.revenue.map(number));
    put("total_assets", firm.total_assets.map(number));
    put("founded", firm.founded.map(|d| json!(d.to_string())));
    put("years_in_operation", firm.years_in_operation.map(number));
    put("park", firm.park.clone().map(Value::String));
    put("years_in_park", firm.years_in_park.map(number));
    put("tax_grade", firm.tax_grade.map(|g| json!(g.as_str())));
    put("annual_tax_paid", firm.annual_tax_paid.map(number));
    put("overdue_current", firm.overdue_current.map(|v| json!(v)));
    put("overdue_12m", firm.overdue_12m.map(|v| json!(v)));
    put("overdue_24m", firm.overdue_24m.map(|v| json!(v)));
    put("inquiries_6m", firm.inquiries_6m.map(|v| json!(v)));
    put("legal_rep_age", firm.legal_rep_age.map(|v| json!(v)));
    put("debt_ratio", firm.debt_ratio.map(number));
    put("existing_credit_loans", firm.existing_credit_loans.map(number));
    let q = &firm.qualifications;
    let mut quals = Map::new();
    for (key, value) in [
        ("specialized_national", q.specialized_national),
        ("specialized_provincial", q.specialized_provincial),
        ("high_tech", q.high_tech),
        ("tech_sme", q.tech_sme),
        ("first_loan", q.first_loan),
    ] {
        if let Some(v) = value {
            quals.insert(key.to_string(), json!(v));
        }
    }
    put("qualifications", Some(Value::Object(quals)));
    put("requested_amount", firm.requested_amount.map(number));
    put("term_months", firm.term_months.map(|v| json!(v)));
    put("repayment_method", firm.repayment_method.map(|r| json!(r.id())));
    Value::Object(m)
}

/// The context the rule engines evaluate: the firm's facts plus the evaluation date.
pub fn rules_context(firm: &Firm, as_of: Date) -> Value {
    let mut v = firm_json(firm);
    if let Some(m) = v.as_object_mut() {
        m.insert("as_of".into(), json!(as_of.to_string()));
    }
    v
}

/// prequal's verdict for [`PRODUCT`], as the rule engines answer it: eligible or not.
/// "Needs information" (a required fact is missing) counts as not eligible: the rules
/// written for the other engines treat a missing fact as failing its criterion.
pub fn prequal_eligible(policy: &Policy, firm: &Firm, as_of: Date) -> bool {
    match eligibility(policy, PRODUCT, firm, as_of) {
        Ok(Some(v)) => v == Verdict::Eligible,
        Ok(None) => panic!("{PRODUCT} is not in force on {as_of}"),
        Err(e) => panic!("{e}"),
    }
}

/// The full three-valued verdict, for the tallies printed with the check.
pub fn prequal_verdict(policy: &Policy, firm: &Firm, as_of: Date) -> Verdict {
    match eligibility(policy, PRODUCT, firm, as_of) {
        Ok(Some(v)) => v,
        Ok(None) => panic!("{PRODUCT} is not in force on {as_of}"),
        Err(e) => panic!("{e}"),
    }
}

/// The verdict as a string: `eligible`, `needs_info` or `ineligible`.
pub fn verdict_id(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "eligible",
        Verdict::NeedsInfo => "needs_info",
        Verdict::Ineligible => "ineligible",
    }
}
