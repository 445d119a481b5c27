//! The committed tenant lists are exactly what the generator makes from its seed.

#[allow(dead_code)]
#[path = "../../../../examples/gen_tenants.rs"]
mod gen_tenants;

fn generated(rows: u64, zh: bool) -> String {
    let mut out = Vec::new();
    gen_tenants::write_tenants(rows, gen_tenants::SEED, zh, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn committed_lists_are_reproducible() {
    let committed = |name: &str| std::fs::read_to_string(crate::root().join("examples/tenants").join(name)).unwrap();
    assert_eq!(committed("tenants-1000.csv"), generated(1000, false));
    assert_eq!(committed("tenants-zh-20.csv"), generated(20, true));
}

#[test]
fn a_longer_list_starts_with_the_shorter_one() {
    let short = generated(50, false);
    let long = generated(200, false);
    assert!(long.starts_with(&short));
    assert_eq!(long.lines().count(), 201);
}

#[test]
fn the_mix_is_realistic() {
    let text = generated(1000, false);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let distinct = |name: &str| {
        let mut values: Vec<&str> = rows.iter().map(|r| r[column(name)]).collect();
        values.sort_unstable();
        values.dedup();
        values.len()
    };
    assert_eq!(distinct("industry"), 16, "every industry appears");
    assert_eq!(distinct("tax_grade"), 6, "five grades and missing");
    let missing = |name: &str| rows.iter().filter(|r| r[column(name)].is_empty()).count();
    for name in ["revenue", "employees", "debt_ratio", "tax_grade", "park"] {
        assert!((10..300).contains(&missing(name)), "{name}: {} missing", missing(name));
    }
}

/// Write a generated list (English headers) for other tests.
pub fn write(rows: u64, out: &mut Vec<u8>) {
    gen_tenants::write_tenants(rows, gen_tenants::SEED, false, out).unwrap();
}

/// A generated list from any seed, Chinese headers or English.
pub fn write_seeded(rows: u64, seed: u64, zh: bool, out: &mut Vec<u8>) {
    gen_tenants::write_tenants(rows, seed, zh, out).unwrap();
}
