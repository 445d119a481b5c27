use crate::{json_of, prequal};
use predicates::str::contains;

#[test]
fn json_is_the_core_classification() {
    let result = json_of(&["classify", "--industry", "software_it", "--employees", "40", "--revenue", "12000000"]);
    assert_eq!(result["size"], "small");
    assert_eq!(result["industry"], "software_it");
    let large = json_of(&["classify", "--industry", "industry", "--employees", "1000", "--revenue", "400000000"]);
    assert_eq!(large["size"], "large");
    let unknown = json_of(&["classify", "--industry", "construction", "--revenue", "50000000"]);
    assert_eq!(unknown["size"], "unknown");
    assert_eq!(unknown["needed"], serde_json::json!(["revenue", "assets"]));
}

#[test]
fn chinese_industry_names_and_tables() {
    let result = json_of(&["classify", "--industry", "零售业", "--employees", "12", "--revenue", "4500000"]);
    assert_eq!(result["industry"], "retail");
    assert_eq!(result["size"], "small");
    prequal()
        .args(["classify", "--industry", "retail", "--employees", "12", "--revenue", "4500000", "--format", "table"])
        .assert()
        .success()
        .stdout(contains("size: small"));
    prequal()
        .args(["classify", "--industry", "retail", "--employees", "12", "--format", "table", "--lang", "zh-CN"])
        .assert()
        .success()
        .stdout(contains("企业规模：无法确定"));
}

#[test]
fn bad_values_name_the_flag() {
    prequal()
        .args(["classify", "--industry", "mining", "--employees", "3"])
        .assert()
        .code(2)
        .stderr(contains("--industry: invalid value"))
        .stderr(contains("software_it"));
    prequal()
        .args(["classify", "--industry", "retail", "--revenue", "-1"])
        .assert()
        .code(2)
        .stderr(contains("--revenue: negative amount"));
    prequal()
        .args(["classify", "--industry", "retail", "--assets", "-1"])
        .assert()
        .code(2)
        .stderr(contains("--assets: negative amount"));
    prequal()
        .args(["classify", "--industry", "retail", "--employees", "3.5"])
        .assert()
        .code(2)
        .stderr(contains("--employees"));
}
