//! The bundled pack loads, is the same bytes as the example file, and says what it is.

use prequal::Policy;

#[test]
fn bundled_pack_is_valid() {
    let policy = Policy::try_default().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(policy.id, "shenzhen-park-loan-2");
    assert!(policy.products.len() >= 3);
    assert!(policy.subsidy_schemes.len() >= 2);
    assert_eq!(policy.market.lpr_1y.value.to_string(), "0.03");
    assert!(policy.notice.en.contains("not a loan offer"));
    assert!(policy.name.en.contains("illustrative"));
}

#[test]
fn example_file_is_the_embedded_pack() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/packs/shenzhen-park-loan-2.json");
    let file = std::fs::read_to_string(path).unwrap();
    assert!(
        file == prequal::policy::DEFAULT_PACK_JSON,
        "examples/packs/shenzhen-park-loan-2.json differs from the embedded pack"
    );
}

/// Every number in the bundled pack carries a source tag (domain.md's [V] [N] [T] [E]).
#[test]
fn every_number_has_a_source() {
    let value: serde_json::Value = serde_json::from_str(prequal::policy::DEFAULT_PACK_JSON).unwrap();
    let mut untagged = Vec::new();
    walk("$", &value, false, &mut untagged);
    assert!(untagged.is_empty(), "numbers without a source tag: {untagged:#?}");
}

/// Numbers inside conditions (`when`, `conditions`, criteria values) are thresholds whose
/// source is the criterion's or scheme's own `source`; a number that is a direct member of
/// an object with a `source` is covered by it; every other number must be tagged.
fn walk(path: &str, value: &serde_json::Value, in_condition: bool, out: &mut Vec<String>) {
    use serde_json::Value;
    let numeric = |v: &Value| v.is_number() || v.as_str().is_some_and(|s| s.parse::<f64>().is_ok());
    match value {
        Value::Object(map) => {
            let tagged_here = map.contains_key("source");
            for (key, v) in map {
                if tagged_here && numeric(v) {
                    continue;
                }
                let cond = in_condition || key == "when" || key == "conditions";
                walk(&format!("{path}.{key}"), v, cond, out);
            }
        }
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| walk(&format!("{path}[{i}]"), v, in_condition, out))
        }
        v if numeric(v) && !in_condition && !path.ends_with(".version") => out.push(path.to_string()),
        _ => {}
    }
}

/// A pack author sees every problem at once, including values that are not numbers.
#[test]
fn problems_in_json_lists_them_all() {
    let mut pack: serde_json::Value = serde_json::from_str(prequal::policy::DEFAULT_PACK_JSON).unwrap();
    pack["products"][0]["criteria"][0]["value"] = "two".into();
    pack["products"][1]["bank"] = "bank-z".into();
    pack["guarantee_schemes"][0]["risk_sharing"][0]["share"] = "0.5".into();
    let problems = Policy::problems_in_json(&pack.to_string());
    let found: Vec<(&str, &str)> = problems.iter().map(|e| (e.code.as_str(), e.path.as_str())).collect();
    assert_eq!(
        found,
        [
            ("wrong_type", "$.products[0].criteria[0].value"),
            ("dangling_reference", "$.products[1].bank"),
            ("shares_not_one", "$.guarantee_schemes[0].risk_sharing"),
        ]
    );
    assert_eq!(Policy::problems_in_json("{"), vec![Policy::from_json("{").unwrap_err()]);
    assert!(Policy::problems_in_json(prequal::policy::DEFAULT_PACK_JSON).is_empty());
}
