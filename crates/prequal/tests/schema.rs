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
