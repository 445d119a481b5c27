use crate::{json_of, prequal, stderr_of, PANIC};
use predicates::prelude::PredicateBooleanExt;
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

const BANK_PACK: &str = "examples/packs/bank-g-tech-credit.json";
const BANK_FIRM: &str = "examples/firms/bank-g-applicant.json";

/// The bank example firm with its facts changed (`None` removes one).
fn bank_firm_with(dir: &std::path::Path, facts: &[(&str, Option<serde_json::Value>)]) -> std::path::PathBuf {
    let mut firm: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(crate::root().join(BANK_FIRM)).unwrap()).unwrap();
    for (id, value) in facts {
        match value {
            Some(v) => firm["facts"][*id] = v.clone(),
            None => {
                firm["facts"].as_object_mut().unwrap().remove(*id);
            }
        }
    }
    let path = dir.join("firm.json");
    fs::write(&path, firm.to_string()).unwrap();
    path
}

#[test]
fn a_pack_with_declared_facts_and_groups() {
    let report = json_of(&["quote", "--firm", BANK_FIRM, "--policy", BANK_PACK]);
    // Byte for byte the core's report.
    let firm = prequal::Firm::from_json(&fs::read_to_string(crate::root().join(BANK_FIRM)).unwrap()).unwrap();
    let policy = prequal::Policy::from_json(&fs::read_to_string(crate::root().join(BANK_PACK)).unwrap()).unwrap();
    let expected = prequal::evaluate(&policy, &firm, policy.market.as_of).unwrap();
    assert_eq!(report, serde_json::to_value(&expected).unwrap());
    let quote = &report["quotes"][0];
    assert_eq!(quote["verdict"], "eligible");
    assert_eq!(quote["limit"]["amount"], "1000000.00");
    assert_eq!(quote["apr_net"], "0.038000", "the R&D tier (rd_intensity 3_to_6)");
    let criteria = quote["criteria"].as_array().unwrap();
    let group = criteria.iter().find(|c| c["id"] == "tech_or_mature").unwrap();
    assert_eq!(group["group"], "any_of");
    let branches: Vec<&str> = group["branches"].as_array().unwrap().iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(branches, ["tech_or_mature.1", "tech_or_mature.2"]);
    let staff = criteria.iter().find(|c| c["id"] == "insured_staff").unwrap();
    assert_eq!(
        (&staff["field"], &staff["observed"], &staff["status"]),
        (&"social_insurance_staff".into(), &"12".into(), &"pass".into())
    );
    assert!(report.get("warnings").is_none(), "no warnings: every fact is declared");
    prequal()
        .args(["quote", "--firm", BANK_FIRM, "--policy", BANK_PACK, "--format", "table"])
        .assert()
        .success()
        .stdout(contains("Tech credit loan"))
        .stdout(contains("eligible"))
        .stdout(contains("1,000,000.00"))
        .stdout(contains("warning").not());
    prequal()
        .args(["quote", "--firm", BANK_FIRM, "--policy", BANK_PACK, "--format", "table", "--lang", "zh-CN"])
        .assert()
        .success()
        .stdout(contains("科创信用贷"))
        .stdout(contains("符合条件"));
}

#[test]
fn the_table_shows_each_member_of_a_group() {
    let dir = tempfile::tempdir().unwrap();
    let mut firm: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(crate::root().join(BANK_FIRM)).unwrap()).unwrap();
    firm["founded"] = "2023-01-01".into();
    let path = dir.path().join("young.json");
    fs::write(&path, firm.to_string()).unwrap();
    let assert =
        prequal().args(["quote", "--policy", BANK_PACK, "--format", "table", "--firm"]).arg(&path).assert().success();
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("✗ needs one of: high-tech enterprise or at least 5 years"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(lines[at + 1].starts_with("     ✗ needs national high-tech enterprise status"), "{out}");
    assert!(lines[at + 2].starts_with("     ✗ years in operation: at least 5 years"), "{out}");
    assert!(lines[at + 3].starts_with("     → "), "{out}");
}

#[test]
fn a_fact_of_the_wrong_kind_names_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let firm = bank_firm_with(dir.path(), &[("pending_lawsuit", Some("no".into()))]);
    let assert = prequal().args(["quote", "--policy", BANK_PACK, "--firm"]).arg(&firm).assert().code(2);
    let err = stderr_of(&assert);
    assert!(err.contains("firm.json: $.facts.pending_lawsuit: wrong type: true or false"), "{err}");
    assert!(!err.contains(PANIC));
    prequal()
        .args(["quote", "--lang", "zh-CN", "--format", "table", "--policy", BANK_PACK, "--firm"])
        .arg(&firm)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("$.facts.pending_lawsuit：类型错误：须为 true 或 false"));
    for (id, value, expected) in [
        (
            "social_insurance_staff",
            serde_json::json!(2.5),
            "$.facts.social_insurance_staff: wrong type: a whole number",
        ),
        ("social_insurance_staff", serde_json::json!("-1"), "$.facts.social_insurance_staff: out of range"),
        (
            "rd_intensity",
            serde_json::json!("lots"),
            "$.facts.rd_intensity: invalid value: one of below_3, 3_to_6, above_6",
        ),
    ] {
        let firm = bank_firm_with(dir.path(), &[(id, Some(value))]);
        prequal()
            .args(["quote", "--policy", BANK_PACK, "--firm"])
            .arg(&firm)
            .assert()
            .code(2)
            .stderr(contains(expected));
    }
}

#[test]
fn an_undeclared_fact_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let firm = bank_firm_with(dir.path(), &[("export_licence", Some(true.into()))]);
    let firm_arg = firm.to_str().unwrap();
    let report = json_of(&["quote", "--policy", BANK_PACK, "--firm", firm_arg]);
    let warnings = report["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0]["code"], "undeclared_fact");
    assert_eq!(warnings[0]["path"], "$.facts.export_licence");
    assert!(warnings[0]["message"]["en"].as_str().unwrap().contains("export_licence"));
    assert!(warnings[0]["message"]["zh-CN"].as_str().unwrap().contains("export_licence"));
    assert_eq!(report["quotes"][0]["verdict"], "eligible", "the fact is ignored");
    prequal()
        .args(["quote", "--policy", BANK_PACK, "--format", "table", "--firm", firm_arg])
        .assert()
        .success()
        .stdout(contains("warning: $.facts.export_licence: \"export_licence\" is not a fact this pack declares"));
    prequal()
        .args(["quote", "--policy", BANK_PACK, "--format", "table", "--lang", "zh-CN", "--firm", firm_arg])
        .assert()
        .success()
        .stdout(contains("提示：$.facts.export_licence：本数据包未声明 \"export_licence\""));
    // The default pack declares no facts: all of the example firm's are undeclared.
    let report = json_of(&["quote", "--firm", BANK_FIRM]);
    let paths: Vec<&str> = report["warnings"].as_array().unwrap().iter().map(|w| w["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["$.facts.pending_lawsuit", "$.facts.rd_intensity", "$.facts.social_insurance_staff"]);
}
