//! # prequal
//!
//! Loan pre-qualification for Shenzhen's park loans (园区贷 2.0): given a policy pack (the
//! products of banks, guarantors and subsidy schemes of a park) and a firm profile, work
//! out for every product whether the firm qualifies and why, its SME size class, the
//! estimated limit, the rate before and after subsidy, the guarantee fee before and after
//! subsidy, the repayment schedule, the annualised all-in cost (IRR) and how a default
//! would be shared, exactly to the cent.
//!
//! ```
//! use prequal::{evaluate, Firm, Policy};
//! let policy = Policy::default_pack();
//! let firm = Firm::from_json(r#"{"industry": "industry", "employees": 60, "revenue": 30000000}"#).unwrap();
//! let report = evaluate(&policy, &firm, "2026-01-15".parse().unwrap()).unwrap();
//! assert_eq!(report.quotes.len(), policy.products.len());
//! ```
//!
//! Money and rates are [`rust_decimal::Decimal`], rounded as domain.md section 7 says
//! (half away from zero, to the cent; APRs to 6 places). The engine is a pure function:
//! no I/O, no clock, no randomness, so native and WASM builds give the same bytes.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod advise;
pub mod apr;
mod canonical;
pub mod cells;
pub mod condition;
pub mod cost;
pub mod cost_cache;
pub mod date;
pub mod error;
mod evaluate;
pub mod explain;
pub mod facts;
pub mod firm;
pub mod json;
pub mod json_text;
pub mod limits;
pub mod money;
pub mod policy;
pub mod portfolio;
pub mod questions;
pub mod report;
pub mod schedule;
#[cfg(feature = "schema")]
pub mod schema;
pub mod size;
mod sort;
pub mod sourced;
pub mod tenants;
mod validate;
pub mod vectors;

pub use date::Date;
pub use error::{Error, ErrorCode, Lang, Result};
pub use evaluate::{eligibility, evaluate, split_risk};
pub use firm::Firm;
pub use policy::Policy;
pub use report::Report;
pub use rust_decimal::Decimal;

/// The crate version, e.g. `0.1.0`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
