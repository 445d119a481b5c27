//! The committed JSON Schemas must match the Rust types. To refresh them:
//! `PREQUAL_BLESS=1 cargo test -p prequal --features schema --test schema`.

use std::path::PathBuf;

fn check(name: &str, generated: String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema").join(name);
    if std::env::var_os("PREQUAL_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale: run PREQUAL_BLESS=1 cargo test -p prequal --features schema --test schema",
        path.display()
    );
}

#[test]
fn policy_schema_is_current() {
    check("policy.schema.json", prequal::schema::policy_schema());
}

#[test]
fn firm_schema_is_current() {
    check("firm.schema.json", prequal::schema::firm_schema());
}

// ----- the example documents against the committed schemas --------------------------------
//
// A small JSON Schema checker, enough for the keywords schemars writes here ($ref, type,
// properties, required, additionalProperties, items, anyOf, oneOf, allOf, enum, const,
// minimum, pattern); an unknown keyword or pattern fails the test, so the checker never
// silently skips what a newer schema asks.

use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read_json(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

fn json_files(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .map(|name| format!("{dir}/{name}"))
        .collect();
    files.sort();
    files
}

/// Whether `text` matches one of the patterns the schemas use (written out by hand: the
/// crate has no regex engine).
fn matches_pattern(pattern: &str, text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let decimal = |s: &str| {
        let s = s.strip_prefix('-').unwrap_or(s);
        match s.split_once('.') {
            Some((int, frac)) => digits(int) && digits(frac),
            None => digits(s),
        }
    };
    match pattern {
        r"^-?[0-9]+(\.[0-9]+)?$" => decimal(text),
        r"^-?\d+(\.\d+)?([eE]\d+)?$" => match text.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => decimal(mantissa) && digits(exponent),
            None => decimal(text),
        },
        r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => {
            let parts: Vec<&str> = text.split('-').collect();
            parts.len() == 3 && [4, 2, 2].iter().zip(&parts).all(|(n, p)| p.len() == *n && digits(p))
        }
        r"^[a-z][a-z0-9_]{0,39}$" => {
            let mut chars = text.chars();
            chars.next().is_some_and(|c| c.is_ascii_lowercase())
                && text.len() <= 40
                && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        }
        other => panic!("the schema uses a pattern this test does not know: {other}"),
    }
}

fn is_type(name: &str, value: &Value) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        other => panic!("unknown type {other}"),
    }
}

/// Every way `value` breaks `schema`, as `path: what`.
fn violations(root_schema: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let Some(rules) = schema.as_object() else {
        if schema == &Value::Bool(false) {
            out.push(format!("{path}: not allowed"));
        }
        return;
    };
    let fits = |s: &Value| {
        let mut inner = Vec::new();
        violations(root_schema, s, value, path, &mut inner);
        inner.is_empty()
    };
    for (keyword, rule) in rules {
        match keyword.as_str() {
            "$schema" | "title" | "description" | "default" | "format" | "$defs" => {}
            "$ref" => {
                let name = rule.as_str().and_then(|r| r.strip_prefix("#/$defs/")).unwrap();
                violations(root_schema, &root_schema["$defs"][name], value, path, out);
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("bad type {rule}"),
                };
                if !types.iter().any(|t| is_type(t, value)) {
                    out.push(format!("{path}: not {}", types.join(" or ")));
                }
            }
            "properties" | "additionalProperties" | "required" => {
                let Some(object) = value.as_object() else { continue };
                let properties = rules.get("properties").and_then(Value::as_object);
                if keyword == "required" {
                    for key in rule.as_array().unwrap() {
                        if !object.contains_key(key.as_str().unwrap()) {
                            out.push(format!("{path}: missing {key}"));
                        }
                    }
                    continue;
                }
                for (key, item) in object {
                    let declared = properties.and_then(|p| p.get(key));
                    let at = format!("{path}.{key}");
                    match (keyword.as_str(), declared) {
                        ("properties", Some(s)) => violations(root_schema, s, item, &at, out),
                        ("additionalProperties", None) => violations(root_schema, rule, item, &at, out),
                        _ => {}
                    }
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    violations(root_schema, rule, item, &format!("{path}[{i}]"), out);
                }
            }
            "anyOf" => {
                if !rule.as_array().unwrap().iter().any(fits) {
                    out.push(format!("{path}: none of anyOf fits"));
                }
            }
            "oneOf" => {
                let n = rule.as_array().unwrap().iter().filter(|s| fits(s)).count();
                if n != 1 {
                    out.push(format!("{path}: {n} of oneOf fit"));
                }
            }
            "allOf" => rule.as_array().unwrap().iter().for_each(|s| violations(root_schema, s, value, path, out)),
            "enum" => {
                if !rule.as_array().unwrap().contains(value) {
                    out.push(format!("{path}: {value} is not one of {rule}"));
                }
            }
            "const" => {
                if rule != value {
                    out.push(format!("{path}: {value} is not {rule}"));
                }
            }
            "minimum" => {
                if value.as_f64().zip(rule.as_f64()).is_some_and(|(v, min)| v < min) {
                    out.push(format!("{path}: {value} below {rule}"));
                }
            }
            "pattern" => {
                if let Some(text) = value.as_str() {
                    if !matches_pattern(rule.as_str().unwrap(), text) {
                        out.push(format!("{path}: \"{text}\" does not match {rule}"));
                    }
                }
            }
            other => panic!("the schema uses a keyword this test does not check: {other}"),
        }
    }
}

fn problems(schema: &Value, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    violations(schema, schema, value, "$", &mut out);
    out
}

#[test]
fn example_packs_and_firms_fit_the_schemas() {
    let policy_schema = read_json("schema/policy.schema.json");
    let firm_schema = read_json("schema/firm.schema.json");
    let mut packs = json_files("examples/packs");
    packs.push("crates/prequal/src/default_pack.json".into());
    assert!(packs.iter().any(|p| p.ends_with("bank-g-tech-credit.json")));
    for path in &packs {
        let pack = read_json(path);
        assert_eq!(problems(&policy_schema, &pack), Vec::<String>::new(), "{path}");
        // The pack as the engine writes it back (canonical form) fits too.
        let policy = prequal::Policy::from_json(&pack.to_string()).unwrap();
        let canonical = serde_json::to_value(&policy).unwrap();
        assert_eq!(problems(&policy_schema, &canonical), Vec::<String>::new(), "{path}, canonical");
    }
    let firms = json_files("examples/firms");
    assert!(firms.iter().any(|p| p.ends_with("bank-g-applicant.json")));
    for path in &firms {
        assert_eq!(problems(&firm_schema, &read_json(path)), Vec::<String>::new(), "{path}");
    }
}

#[test]
fn the_schemas_reject_what_the_engine_rejects() {
    let policy_schema = read_json("schema/policy.schema.json");
    let firm_schema = read_json("schema/firm.schema.json");
    let firm = read_json("examples/firms/bank-g-applicant.json");
    let bad_firms = [
        ("no industry", {
            let mut f = firm.clone();
            f.as_object_mut().unwrap().remove("industry");
            f
        }),
        ("industry null", json!({"industry": null})),
        ("a list as a fact", json!({"industry": "retail", "facts": {"staff": [3]}})),
        ("facts as a list", json!({"industry": "retail", "facts": [3]})),
    ];
    for (why, bad) in bad_firms {
        assert!(prequal::Firm::from_value(&bad).is_err(), "the engine rejects {why}");
        assert!(!problems(&firm_schema, &bad).is_empty(), "the schema rejects {why}");
    }
    let pack = read_json("examples/packs/bank-g-tech-credit.json");
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut p = pack.clone();
        f(&mut p);
        p
    };
    let bad_packs = [
        ("a fact kind that does not exist", edit(&|p| p["facts"][0]["kind"] = "text".into())),
        ("an unknown key in a fact", edit(&|p| p["facts"][0]["colour"] = "red".into())),
        (
            "a choice without a label",
            edit(&|p| {
                p["facts"][2]["choices"][0].as_object_mut().unwrap().remove("label");
            }),
        ),
        (
            "a test and a group in one criterion",
            edit(&|p| p["products"][0]["criteria"][0]["field"] = "high_tech".into()),
        ),
        ("a group of values", edit(&|p| p["products"][0]["criteria"][0]["any_of"] = json!([true]))),
        (
            "a group in a cap with an extra key",
            edit(&|p| {
                p["products"][0]["limit"]["caps"][1]["when"][0]["op"] = "eq".into();
            }),
        ),
        ("a field that is no id", edit(&|p| p["products"][0]["criteria"][1]["field"] = "Social insurance".into())),
    ];
    for (why, bad) in bad_packs {
        assert!(prequal::Policy::from_json(&bad.to_string()).is_err(), "the engine rejects {why}");
        assert!(!problems(&policy_schema, &bad).is_empty(), "the schema rejects {why}");
    }
}
