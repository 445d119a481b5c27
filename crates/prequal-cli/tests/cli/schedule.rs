use crate::{json_of, prequal, stderr_of, PANIC};
use predicates::str::contains;
use serde_json::Value;

/// The flags of a vector's input; method ids there use underscores, flags use hyphens.
fn flags(input: &Value) -> Vec<String> {
    let text = |key: &str| input[key].as_str().unwrap().to_string();
    vec![
        "schedule".into(),
        "--principal".into(),
        text("principal"),
        "--annual-rate".into(),
        text("annual_rate"),
        "--months".into(),
        input["months"].to_string(),
        "--method".into(),
        text("method").replace('_', "-"),
    ]
}

#[test]
fn matches_the_test_vectors_to_the_cent() {
    let text = std::fs::read_to_string(crate::root().join("tests/vectors/schedule.json")).unwrap();
    let vectors: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(vectors["kind"], "schedule");
    let cases = vectors["cases"].as_array().unwrap();
    assert!(!cases.is_empty());
    for case in cases {
        let args = flags(&case["input"]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let actual = json_of(&args);
        if let Err(difference) = prequal::vectors::matches(&case["expected"], &actual) {
            panic!("{}: {difference}", case["name"]);
        }
    }
}

#[test]
fn json_has_rows_and_totals_with_two_places() {
    let schedule = json_of(&[
        "schedule",
        "--principal",
        "15000",
        "--annual-rate",
        "0.08",
        "--months",
        "60",
        "--method",
        "equal-installment",
    ]);
    let rows = schedule["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 60);
    assert_eq!(rows[0]["period"], 1);
    assert_eq!(rows[0]["payment"], "304.15");
    assert_eq!(rows[59]["balance"], "0.00");
    assert!(schedule["total_interest"].as_str().unwrap().ends_with(|c: char| c.is_ascii_digit()));
    assert_eq!(schedule["total_interest"].as_str().unwrap().split('.').nth(1).unwrap().len(), 2);
}

#[test]
fn percent_rates_and_underscore_methods_are_accepted() {
    let a = json_of(&[
        "schedule",
        "--principal",
        "1000",
        "--annual-rate",
        "3.65%",
        "--months",
        "7",
        "--method",
        "equal_principal",
    ]);
    let b = json_of(&[
        "schedule",
        "--principal",
        "1000",
        "--annual-rate",
        "0.0365",
        "--months",
        "7",
        "--method",
        "equal-principal",
    ]);
    assert_eq!(a, b);
}

#[test]
fn table_and_csv() {
    let base =
        ["schedule", "--principal", "120000", "--annual-rate", "0.0435", "--months", "12", "--method", "interest-only"];
    prequal()
        .args(base)
        .args(["--format", "table"])
        .assert()
        .success()
        .stdout(contains("120,435.00"))
        .stdout(contains("total interest: 5,220.00"));
    prequal()
        .args(base)
        .args(["--format", "table", "--lang", "zh-CN"])
        .assert()
        .success()
        .stdout(contains("利息合计：5,220.00"));
    let assert = prequal().args(base).args(["--format", "csv"]).assert().success();
    let text = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "period,payment,principal,interest,balance");
    assert_eq!(lines[1], "1,435.00,0.00,435.00,120000.00");
    assert_eq!(lines[12], "12,120435.00,120000.00,435.00,0.00");
    assert_eq!(lines.len(), 13);
}

#[test]
fn bad_values_name_the_flag() {
    let cases: &[(&[&str], &str)] = &[
        (&["--principal", "-5", "--annual-rate", "0.03", "--months", "12"], "--principal: negative amount"),
        (&["--principal", "abc", "--annual-rate", "0.03", "--months", "12"], "--principal: invalid value"),
        (&["--principal", "0", "--annual-rate", "0.03", "--months", "12"], "--principal: out of range"),
        (&["--principal", "1000", "--annual-rate", "1.5", "--months", "12"], "--annual-rate: rate outside [0, 1)"),
        (&["--principal", "1000", "--annual-rate", "0.03", "--months", "0"], "--months: out of range"),
        (&["--principal", "1000", "--annual-rate", "0.03", "--months", "601"], "--months: out of range"),
        (&["--principal", "1000", "--annual-rate", "0.03", "--months", "-1"], "--months: out of range"),
        (&["--principal", "1e40", "--annual-rate", "0.03", "--months", "12"], "--principal"),
        (&["--principal", "99999999999999999999", "--annual-rate", "0.03", "--months", "12"], "--principal: too large"),
    ];
    for (args, message) in cases {
        let assert = prequal().arg("schedule").args(*args).args(["--method", "equal-installment"]).assert().code(2);
        let err = stderr_of(&assert);
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(!err.contains(PANIC));
        assert!(assert.get_output().stdout.is_empty());
    }
    prequal()
        .args(["schedule", "--principal", "1000", "--annual-rate", "0.03", "--months", "12", "--method", "balloon"])
        .assert()
        .code(2)
        .stderr(contains("equal-installment"));
}
