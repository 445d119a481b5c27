//! `prequal impact`: what a pack change does to a tenant list (domain.md §8). Every firm is
//! screened under the old and the new pack with the core's fast path, streaming exactly as
//! `prequal screen` does: one row out per row in, the verdict transitions, and both
//! portfolios' totals with their difference.

mod compare;

pub use compare::{Compared, Comparison, ImpactRow};

use crate::cli::ImpactArgs;
use crate::fail::{separator, Exit, Failure};
use crate::files::say;
use crate::html::{self, Changes, ImpactPart, Side};
use crate::render::pick;
use crate::screen::outcome::Screening;
use crate::screen::output::{Row, RowWriter};
use crate::screen::summary::{counts, errors_line, figure_lines, timing, Progress};
use crate::screen::{format_of, open_all, report_row_error, row, stream, Files, Opened, Outputs};
use crate::{parse, policy};
use prequal::facts::FactDecl;
use prequal::portfolio::AprBands;
use prequal::portfolio::{Impact, Totals};
use prequal::Lang;
use std::time::{Duration, Instant};

/// Run the command.
pub fn run(args: &ImpactArgs, lang: Lang) -> Result<Exit, Failure> {
    let started = Instant::now();
    let old = policy::load(Some(&args.old), lang).map_err(|f| f.within("--old"))?;
    let new = policy::load(Some(&args.new), lang).map_err(|f| f.within("--new"))?;
    let as_of = args.as_of.as_deref().map(|date| parse::date("--as-of", date)).transpose()?;
    let input = &args.input;
    let outputs =
        Outputs { rows: args.output.as_deref(), summary: args.summary.as_deref(), html: args.html.as_deref() };
    let Opened { mut reader, size, layout, destination, summary_file, html_file } =
        open_all(input, &outputs, &union(&old.facts, &new.facts), lang)?;
    let format = args.format.unwrap_or_else(|| format_of(args.output.as_deref()));
    let comparison = Comparison {
        old: Screening { policy: &old, as_of: as_of.unwrap_or(old.market.as_of), lang },
        new: Screening { policy: &new, as_of: as_of.unwrap_or(new.market.as_of), lang },
        lang,
    };
    let progress = Progress::new(size, lang);
    let files = Files { output: args.output.as_deref() };
    let mut writer = RowWriter::new(format, ImpactRow::HEADER, destination).map_err(|e| files.write_failure(&e))?;
    let mut tally = Tally::default();
    stream(
        &mut reader,
        input,
        lang,
        &progress,
        |line, record| comparison.compare(line, row::parse_row(&layout, record.iter())),
        |rows| {
            for compared in rows {
                tally.add(&compared);
                if let Some(error) = &compared.row.error {
                    report_row_error(&progress, input, compared.row.line, error, lang);
                }
                writer.write(&compared.row).map_err(|e| files.write_failure(&e))?;
            }
            Ok(())
        },
    )?;
    progress.finish();
    // Every file is complete before any is renamed into place.
    let destination = writer.finish().map_err(|e| files.write_failure(&e))?;
    let summary_file = summary_file.write(|| crate::files::pretty_json(&tally.impact))?;
    let html_file = html_file.write(|| {
        let sides = [
            Side { policy: &old, as_of: comparison.old.as_of, totals: &tally.old, aprs: &tally.old_aprs },
            Side { policy: &new, as_of: comparison.new.as_of, totals: &tally.new, aprs: &tally.new_aprs },
        ];
        let part = ImpactPart { transitions: &tally.impact.transitions, changes: &tally.changes };
        Ok(html::render(lang, &input.display().to_string(), &sides, Some(&part)))
    })?;
    destination.finish()?;
    summary_file.commit()?;
    html_file.commit()?;
    say(&tally.report(started.elapsed(), lang));
    Ok(if tally.errors > 0 { Exit::RowErrors } else { Exit::Ok })
}

/// The facts either pack declares, the old pack's first; a fact both declare is read by the
/// old pack's declaration (the core checks each pack's own).
fn union(old: &[FactDecl], new: &[FactDecl]) -> Vec<FactDecl> {
    let mut facts = old.to_vec();
    facts.extend(new.iter().filter(|n| !old.iter().any(|o| o.id == n.id)).cloned());
    facts
}

/// Counts and totals over the rows written.
#[derive(Default)]
struct Tally {
    rows: u64,
    errors: u64,
    impact: Impact,
    old: Totals,
    new: Totals,
    old_aprs: AprBands,
    new_aprs: AprBands,
    changes: Changes,
}

impl Tally {
    fn add(&mut self, c: &Compared) {
        self.rows += 1;
        if c.row.error.is_some() {
            self.errors += 1;
        }
        let (old, new) = (c.old.as_ref().map_err(|_| ()), c.new.as_ref().map_err(|_| ()));
        self.impact.add(old, new);
        self.old.add(old);
        self.new.add(new);
        self.old_aprs.add_row(old);
        self.new_aprs.add_row(new);
        if c.changed() {
            self.changes.add(|| c.for_report());
        }
    }

    fn report(&self, elapsed: Duration, lang: Lang) -> String {
        let sep = separator(lang);
        let mut lines = vec![
            match lang {
                Lang::En => {
                    format!("compared {} firms under both packs {}", self.rows, timing(self.rows, elapsed, lang))
                }
                Lang::ZhCn => format!("已按两个数据包比较 {} 家企业，{}", self.rows, timing(self.rows, elapsed, lang)),
            },
            format!("{}{sep}{}", pick(lang, "verdict old->new", "结论 原->新"), counts(&self.impact.transitions)),
            match lang {
                Lang::En => format!("best verdict changed for {} firms", self.changes.total),
                Lang::ZhCn => format!("最优结论变化的企业：{} 家", self.changes.total),
            },
        ];
        lines.extend(figure_lines(lang, &[&self.impact.old, &self.impact.new]));
        if self.errors > 0 {
            lines.push(errors_line(self.errors, lang));
        }
        lines.join("\n")
    }
}
