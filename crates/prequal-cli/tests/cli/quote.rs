use crate::{json_of, prequal, stderr_of, PANIC};
use predicates::str::contains;
use std::fs;

#[test]
fn json_is_the_core_report_with_aprs_and_cash_flows() {
    let report = json_of(&["quote", "--firm", "examples/firms/eligible.json"]);
    assert_eq!(report["policy"]["id"], "shenzhen-park-loan-2");
    // Without --as-of the pack's market date is used, so output never depends on the clock.
    assert_eq!(report["as_of"], report["market"]["as_of"]);
    let quotes = report["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for quote in quotes {
        assert!(quote["apr_gross"].is_string(), "{quote}");
        assert!(quote["apr_net"].is_string());
        let flows = quote["cash_flows"].as_array().unwrap();
        assert_eq!(flows[0]["period"], 0);
        assert!(flows[0]["amount"].is_string());
    }
    // Byte for byte the core's own serialisation.
    let firm =
        prequal::Firm::from_json(&fs::read_to_string(crate::root().join("examples/firms/eligible.json")).unwrap())
            .unwrap();
    let policy = prequal::Policy::default_pack();
    let expected = prequal::evaluate(&policy, &firm, policy.market.as_of).unwrap();
    assert_eq!(report, serde_json::to_value(&expected).unwrap());
}

#[test]
fn as_of_and_another_pack() {
    let report = json_of(&[
        "quote",
        "--firm",
        "examples/firms/longhua-tenant.json",
        "--policy",
        "examples/packs/longhua-bank-mix.json",
        "--as-of",
        "2026-03-01",
    ]);
    assert_eq!(report["as_of"], "2026-03-01");
    assert_eq!(report["policy"]["id"], "longhua-bank-mix");
    assert_eq!(report["quotes"][0]["product"], "longhua-park-loan");
    assert_eq!(report["quotes"][0]["verdict"], "eligible");
    assert_eq!(report["excluded"][0]["product"], "spring-2025-loan");
}

#[test]
fn every_example_firm_quotes_against_both_packs() {
    for firm in fs::read_dir(crate::root().join("examples/firms")).unwrap() {
        let firm = firm.unwrap().path();
        for pack in ["examples/packs/shenzhen-park-loan-2.json", "examples/packs/longhua-bank-mix.json"] {
            for format in ["json", "table"] {
                prequal()
                    .args(["quote", "--firm", firm.to_str().unwrap(), "--policy", pack, "--format", format])
                    .assert()
                    .success();
            }
        }
    }
}

#[test]
fn table_for_people_in_both_languages() {
    prequal()
        .args(["quote", "--firm", "examples/firms/needs-info.json", "--format", "table"])
        .assert()
        .success()
        .stdout(contains("needs info"))
        .stdout(contains("APR net"))
        .stdout(contains("Park e-loan"));
    prequal()
        .args(["quote", "--firm", "examples/firms/needs-info.json", "--format", "table", "--lang", "zh-CN"])
        .assert()
        .success()
        .stdout(contains("需补充信息"))
        .stdout(contains("园区e贷"));
}

#[test]
fn missing_firm_file() {
    let assert = prequal().args(["quote", "--firm", "no/such/firm.json"]).assert().code(2);
    let err = stderr_of(&assert);
    assert!(err.contains("no/such/firm.json") && err.contains("cannot read"), "{err}");
}

#[test]
fn bad_json_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.json");
    fs::write(&path, "{\n  \"industry\": \"retail\",,\n}").unwrap();
    let assert = prequal().args(["quote", "--firm"]).arg(&path).assert().code(2);
    let err = stderr_of(&assert);
    assert!(err.contains("line 2, column 24") && err.contains("not valid JSON"), "{err}");
    assert!(!err.contains(PANIC));
}

#[test]
fn negative_amount_and_unknown_industry_name_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let negative = dir.path().join("negative.json");
    fs::write(&negative, r#"{"industry": "retail", "revenue": -5}"#).unwrap();
    prequal().args(["quote", "--firm"]).arg(&negative).assert().code(2).stderr(contains("$.revenue: negative amount"));
    prequal()
        .args(["quote", "--lang", "zh-CN", "--firm"])
        .arg(&negative)
        .assert()
        .code(2)
        .stderr(contains("$.revenue：金额不能为负"));
    let unknown = dir.path().join("unknown.json");
    fs::write(&unknown, r#"{"industry": "mining"}"#).unwrap();
    prequal()
        .args(["quote", "--firm"])
        .arg(&unknown)
        .assert()
        .code(2)
        .stderr(contains("$.industry"))
        .stderr(contains("mining"));
}

#[test]
fn bad_pack_and_bad_date() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack.json");
    fs::write(&pack, r#"{"id": "x"}"#).unwrap();
    prequal()
        .args(["quote", "--firm", "examples/firms/eligible.json", "--policy"])
        .arg(&pack)
        .assert()
        .code(2)
        .stderr(contains("missing field"));
    prequal()
        .args(["quote", "--firm", "examples/firms/eligible.json", "--as-of", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(contains("--as-of"));
}

#[test]
fn closed_stdout_is_not_an_error() {
    // `prequal quote ... | head -1`: the reader leaves early; no panic, no message.
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin!("prequal"))
        .current_dir(crate::root())
        .args(["quote", "--firm", "examples/firms/eligible.json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            drop(child.stdout.take());
            child.wait_with_output()
        })
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains(PANIC));
}
