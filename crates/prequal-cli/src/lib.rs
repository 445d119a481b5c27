//! The `prequal` command as a library: every command is a thin shell around the `prequal`
//! core; this crate only reads, writes and explains. The binary (`src/main.rs`) parses the
//! arguments and calls in here; the fuzz targets call [`screen::read_tenants`].
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod advise;
pub mod classify;
pub mod cli;
pub mod fail;
pub mod files;
pub mod html;
pub mod impact;
mod parse;
pub mod policy;
pub mod quote;
mod render;
pub mod schedule;
pub mod screen;
mod table;
