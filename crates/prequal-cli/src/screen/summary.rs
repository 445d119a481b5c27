//! What a person watching a long screening sees on stderr: a progress bar while it runs
//! (only on a terminal) and a summary at the end.

use super::outcome::ScreenRow;
use super::output::id_of;
use crate::fail::separator;
use crate::files::say;
use crate::render::pick;
use indicatif::{ProgressBar, ProgressStyle};
use prequal::Lang;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::time::Duration;

/// Counts over the rows written.
#[derive(Default)]
pub struct Tally {
    /// Rows screened.
    pub rows: u64,
    /// Rows with an error.
    pub errors: u64,
    by_verdict: BTreeMap<String, u64>,
    by_product: BTreeMap<String, u64>,
}

impl Tally {
    /// Count a row.
    pub fn add(&mut self, row: &ScreenRow) {
        self.rows += 1;
        if row.error.is_some() {
            self.errors += 1;
        }
        let verdict = match (row.verdict, &row.error) {
            (Some(v), _) => id_of(v),
            (None, Some(_)) => "error".into(),
            (None, None) => "no_product".into(),
        };
        *self.by_verdict.entry(verdict).or_default() += 1;
        if let Some(product) = &row.best_product {
            *self.by_product.entry(product.clone()).or_default() += 1;
        }
    }

    /// The summary lines.
    pub fn report(&self, elapsed: Duration, lang: Lang) -> String {
        let seconds = elapsed.as_millis().max(1);
        // Integer arithmetic: rows per second without floating point.
        let rate = u128::from(self.rows) * 1000 / seconds;
        let list = |counts: &BTreeMap<String, u64>| {
            let mut items: Vec<(&String, &u64)> = counts.iter().collect();
            items.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let parts: Vec<String> = items.iter().map(|(k, n)| format!("{k} {n}")).collect();
            if parts.is_empty() {
                "-".to_string()
            } else {
                parts.join(", ")
            }
        };
        let time = format!("{}.{:03}", elapsed.as_secs(), elapsed.subsec_millis());
        let mut out = match lang {
            Lang::En => format!("screened {} firms in {time} s ({rate} firms/s)\n", self.rows),
            Lang::ZhCn => format!("已筛查 {} 家企业，用时 {time} 秒（{rate} 家/秒）\n", self.rows),
        };
        let sep = separator(lang);
        out.push_str(&format!(
            "{}{sep}{}\n{}{sep}{}",
            pick(lang, "by verdict", "按结论"),
            list(&self.by_verdict),
            pick(lang, "by best product", "按最优产品"),
            list(&self.by_product),
        ));
        if self.errors > 0 {
            out.push_str(&match lang {
                Lang::En => format!("\n{} rows could not be evaluated (see the error column)", self.errors),
                Lang::ZhCn => format!("\n{} 行无法评估（见 error 列）", self.errors),
            });
        }
        out
    }
}

/// A progress bar over the bytes of the input, shown only when stderr is a terminal so
/// logs of batch jobs stay clean.
pub struct Progress {
    bar: Option<ProgressBar>,
    lang: Lang,
}

impl Progress {
    /// A bar for an input of `bytes` bytes (hidden when stderr is not a terminal).
    pub fn new(bytes: u64, lang: Lang) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress { bar: None, lang };
        }
        let bar = ProgressBar::new(bytes);
        let style =
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {percent:>3}% {msg} (eta {eta})");
        if let Ok(style) = style {
            bar.set_style(style);
        }
        Progress { bar: Some(bar), lang }
    }

    /// Move to `position` bytes, with the number of firms done.
    pub fn update(&self, position: u64, rows: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(position);
            bar.set_message(match self.lang {
                Lang::En => format!("{rows} firms"),
                Lang::ZhCn => format!("{rows} 家"),
            });
        }
    }

    /// Print a line above the bar.
    pub fn println(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| say(text)),
            None => say(text),
        }
    }

    /// Remove the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
