//! The JSON Schema of policy packs and firm profiles, generated from the Rust types.
//! The committed copies under `schema/` are checked against these by a test.

/// The pack schema as pretty JSON.
pub fn policy_schema() -> String {
    let schema = schemars::schema_for!(crate::policy::Policy);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The firm schema as pretty JSON.
pub fn firm_schema() -> String {
    let schema = schemars::schema_for!(crate::firm::Firm);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
