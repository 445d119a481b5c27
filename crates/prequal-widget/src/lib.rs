//! # prequal-widget
//!
//! The `<prequal-widget>` custom element's renderer: a short form in steps and the ranked
//! results of [`prequal::evaluate`], built with web-sys into the element's shadow root.
//! The small JS loader in `www/prequal-widget.js` defines the element, fetches the
//! `policy` pack (the widget's only request) and hands everything to `Widget` (wasm32 only).
//!
//! The logic that needs no browser lives in plain modules with native unit tests:
//! [`format`](mod@format) (amounts, rates, dates for people), [`form`] (the form model: the
//! pack's questions laid out in steps, their validation messages and the form →
//! [`prequal::Firm`] conversion), [`i18n`] (every UI string in
//! zh-CN and en), [`summary`] (what the `prequal:result` and `prequal:apply` events carry,
//! and what the live region announces) and [`chart`] (the SVG chart's geometry).
//! The DOM code is compiled for `wasm32` only.
//!
//! Rules kept throughout: nothing panics on any input (a panic would kill the widget);
//! money and rates are the engine's `Decimal`s, shown from their decimal text, never
//! through `f64`; pack and visitor text reaches the page only as text nodes and attribute
//! values, never as markup.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod chart;
pub mod form;
pub mod format;
pub mod i18n;
pub mod summary;

#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(target_arch = "wasm32")]
pub use web::Widget;

/// Talc instead of Rust's default dlmalloc: smaller in WebAssembly (see BENCHMARKS.md).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
