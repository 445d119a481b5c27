use crate::{prequal, stderr_of};
use predicates::str::contains;
use std::fs;

#[test]
fn both_example_packs_are_valid() {
    for pack in [
        "examples/packs/shenzhen-park-loan-2.json",
        "examples/packs/longhua-bank-mix.json",
        "examples/packs/bank-g-tech-credit.json",
    ] {
        prequal().args(["policy", "validate", pack]).assert().success().stdout(contains(": ok"));
    }
}

#[test]
fn every_problem_is_listed_and_exit_is_2() {
    let text = fs::read_to_string(crate::root().join("examples/packs/longhua-bank-mix.json")).unwrap();
    let mut pack: serde_json::Value = serde_json::from_str(&text).unwrap();
    pack["products"][0]["bank"] = "bank-x".into();
    pack["products"][1]["amount_min"]["value"] = (-5).into();
    pack["guarantee_schemes"][0]["risk_sharing"][0]["share"]["value"] = "0.6".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.json");
    fs::write(&path, pack.to_string()).unwrap();
    let assert = prequal().args(["policy", "validate"]).arg(&path).assert().code(2);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(out.contains("$.products[0].bank: refers to nothing"), "{out}");
    assert!(out.contains("$.products[1].amount_min: negative amount"), "{out}");
    assert!(out.contains("$.guarantee_schemes[0].risk_sharing: shares do not sum to 1"), "{out}");
    assert!(out.contains("3 problem(s)"), "{out}");
    prequal()
        .args(["policy", "validate", "--lang", "zh-CN"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout(contains("发现 3 个问题"));
}

#[test]
fn unparsable_and_missing_packs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.json");
    fs::write(&path, "{\"id\": ").unwrap();
    prequal().args(["policy", "validate"]).arg(&path).assert().code(2).stdout(contains("not valid JSON"));
    fs::write(&path, "{\"id\": \"x\", \"colour\": 1}").unwrap();
    prequal().args(["policy", "validate"]).arg(&path).assert().code(2).stdout(contains("unknown field"));
    let assert = prequal().args(["policy", "validate", "no/such/pack.json"]).assert().code(2);
    assert!(stderr_of(&assert).contains("no/such/pack.json"));
}

#[test]
fn schema_is_the_core_schema() {
    let assert = prequal().args(["policy", "schema"]).assert().success();
    let schema: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(schema["title"], "Policy");
    let core: serde_json::Value = serde_json::from_str(&prequal::schema::policy_schema()).unwrap();
    assert_eq!(schema, core);
}

#[test]
fn bad_fact_declarations_are_listed_with_their_paths() {
    let text = fs::read_to_string(crate::root().join("examples/packs/bank-g-tech-credit.json")).unwrap();
    let mut pack: serde_json::Value = serde_json::from_str(&text).unwrap();
    pack["facts"][0]["min"] = 5.into();
    pack["facts"][0]["max"] = 1.into();
    pack["facts"][1]["unit"] = serde_json::json!({"zh-CN": "人", "en": "people"});
    pack["facts"][2]["choices"][1]["id"] = "below_3".into();
    pack["facts"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "employees", "kind": "yes_no", "label": {"zh-CN": "员工", "en": "staff"}}));
    pack["products"][0]["criteria"][1]["field"] = "insured_staff_count".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.json");
    fs::write(&path, pack.to_string()).unwrap();
    let assert = prequal().args(["policy", "validate"]).arg(&path).assert().code(2);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    for expected in [
        "$.facts[0].min: range ends before it starts",
        "$.facts[1].unit: invalid value",
        "$.facts[2].choices[1].id: duplicate id",
        "$.facts[3].id: invalid value: an id that is not a built-in field, got \"employees\"",
        "$.products[0].criteria[1].field: invalid value",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    assert!(out.contains("insured_staff_count"), "{out}");
    prequal()
        .args(["policy", "validate", "--lang", "zh-CN"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout(contains("$.facts[1].unit：取值无效"));
    // A fact declaration that is not an object of the known keys stops reading at its path.
    pack["facts"][0]["colour"] = "red".into();
    fs::write(&path, pack.to_string()).unwrap();
    prequal()
        .args(["policy", "validate"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout(contains("$.facts[0].colour: unknown field"));
}
