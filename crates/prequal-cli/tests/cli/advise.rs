use crate::{json_of, prequal, stderr_of, PANIC};
use predicates::str::contains;
use std::fs;

const FIRM: &str = "examples/firms/eligible.json";

#[test]
fn json_is_the_core_advice() {
    let advice = json_of(&["advise", "--firm", FIRM]);
    for key in ["amount", "objective", "max_payment", "best", "options", "frontier", "excluded"] {
        assert!(advice.get(key).is_some(), "{key}");
    }
    assert_eq!(advice["objective"], "total_cost");
    assert!(advice["max_payment"].is_null());
    let option_keys = [
        "product",
        "term_months",
        "method",
        "amount",
        "verdict",
        "annual_rate",
        "rate_after_subsidy",
        "first_payment",
        "max_payment",
        "total_interest",
        "interest_subsidy",
        "guarantee_fee",
        "fee_subsidy",
        "total_cost_gross",
        "total_cost_net",
        "apr_gross",
        "apr_net",
    ];
    let best = advice["best"].as_object().unwrap();
    assert_eq!(best.keys().count(), option_keys.len());
    for key in option_keys {
        assert!(best.contains_key(key), "{key}");
    }
    assert_eq!(advice["best"], advice["options"][0]);
    // Byte for byte the core's own serialisation.
    let firm = prequal::Firm::from_json(&fs::read_to_string(crate::root().join(FIRM)).unwrap()).unwrap();
    let policy = prequal::Policy::default_pack();
    let expected = prequal::advise::advise(&policy, &firm, policy.market.as_of, &Default::default()).unwrap();
    assert_eq!(advice, serde_json::to_value(&expected).unwrap());
}

#[test]
fn every_flag() {
    let advice = json_of(&[
        "advise",
        "--firm",
        "examples/firms/longhua-tenant.json",
        "--policy",
        "examples/packs/longhua-bank-mix.json",
        "--as-of",
        "2026-03-01",
        "--amount",
        "800000",
        "--max-payment",
        "80000",
        "--objective",
        "max-payment",
        "--format",
        "json",
        "--lang",
        "zh-CN",
    ]);
    assert_eq!(advice["amount"], "800000.00");
    assert_eq!(advice["max_payment"], "80000.00");
    assert_eq!(advice["objective"], "max_payment");
    let options = advice["options"].as_array().unwrap();
    assert!(!options.is_empty());
    let payment = |o: &serde_json::Value| o["max_payment"].as_str().unwrap().parse::<prequal::Decimal>().unwrap();
    assert!(options.iter().all(|o| payment(o) <= prequal::Decimal::from(80_000)));
    assert!(options.windows(2).all(|w| payment(&w[0]) <= payment(&w[1])), "lowest largest payment first");
    // The spring 2025 product is not in force on 2026-03-01: excluded with its reason.
    let excluded = advice["excluded"].as_array().unwrap();
    assert!(excluded.iter().any(|x| x["product"] == "spring-2025-loan" && x["reason"]["zh-CN"].is_string()));
    for objective in ["total-cost", "apr", "max-payment", "total_cost", "max_payment"] {
        prequal().args(["advise", "--firm", FIRM, "--objective", objective]).assert().success();
    }
}

#[test]
fn the_table_shows_the_best_option_and_the_frontier() {
    let out = prequal().args(["advise", "--firm", FIRM, "--format", "table"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("best: Park e-loan"), "{text}");
    assert!(text.contains("Pay less each period, pay more in total"), "{text}");
    assert!(text.contains("Tax-based credit loan: the estimated limit"), "{text}");
    let out = prequal()
        .args(["advise", "--firm", FIRM, "--format", "table", "--lang", "zh-CN", "--max-payment", "1000"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("没有产品能按这些条件借出此金额"), "{text}");
    assert!(text.contains("各期限的最高单期还款均超过"), "{text}");
}

#[test]
fn errors_name_what_is_wrong() {
    // No amount anywhere.
    let dir = tempfile::tempdir().unwrap();
    let firm = dir.path().join("firm.json");
    fs::write(&firm, r#"{"industry": "software_it"}"#).unwrap();
    let run = prequal().args(["advise", "--firm", firm.to_str().unwrap()]).assert().code(2);
    let err = stderr_of(&run);
    assert!(err.contains("$.amount") && !err.contains(PANIC), "{err}");
    let run = prequal().args(["advise", "--firm", firm.to_str().unwrap(), "--lang", "zh-CN"]).assert().code(2);
    assert!(stderr_of(&run).contains("借款金额"), "{}", stderr_of(&run));
    // Bad numbers, a bad objective, a missing file, a bad date.
    prequal().args(["advise", "--firm", FIRM, "--amount", "abc"]).assert().code(2).stderr(contains("--amount"));
    prequal().args(["advise", "--firm", FIRM, "--amount", "-5"]).assert().code(2).stderr(contains("--amount"));
    prequal().args(["advise", "--firm", FIRM, "--amount", "0"]).assert().code(2).stderr(contains("amount"));
    prequal()
        .args(["advise", "--firm", FIRM, "--max-payment", "lots"])
        .assert()
        .code(2)
        .stderr(contains("--max-payment"));
    prequal().args(["advise", "--firm", FIRM, "--objective", "cheapest"]).assert().code(2).stderr(contains("cheapest"));
    prequal().args(["advise", "--firm", "no/such/firm.json"]).assert().code(2).stderr(contains("no/such/firm.json"));
    prequal().args(["advise", "--firm", FIRM, "--as-of", "2026-02-30"]).assert().code(2).stderr(contains("--as-of"));
}
