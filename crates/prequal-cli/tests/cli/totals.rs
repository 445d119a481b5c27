//! Portfolio totals (`--summary`) are plain sums of the per-firm figures: checked against
//! the rows the command writes and against the core's full `evaluate` of every firm, over
//! random tenant lists (seeded generator, random hostile rows) and random packs.

use crate::{csv_rows, prequal, root};
use prequal::portfolio::role_id;
use prequal::report::Verdict;
use prequal::{Decimal, Lang, Policy};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

pub const PACKS: [&str; 4] = [
    "examples/packs/shenzhen-park-loan-2.json",
    "examples/packs/longhua-bank-mix.json",
    "examples/packs/shenzhen-park-loan-2-reform-1pp.json",
    "examples/packs/bank-g-tech-credit.json",
];

pub fn pack(path: &str) -> Policy {
    Policy::from_json(&fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

/// What a portfolio should add up to, from the core's full report of each firm.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Expected {
    pub firms: u64,
    pub errors: u64,
    pub verdicts: BTreeMap<String, u64>,
    pub eligible: u64,
    pub loan_amount: Decimal,
    pub interest_subsidy: Decimal,
    pub fee_subsidy: Decimal,
    pub by_scheme: BTreeMap<String, Decimal>,
    pub by_role: BTreeMap<String, Decimal>,
}

/// Each firm's best verdict id (`eligible`, ..., `none`, `error`) under a pack, in input
/// order, and the expected totals: every firm evaluated with `prequal::evaluate`.
pub fn expected(csv_text: &[u8], policy: &Policy, facts_of: &[&Policy]) -> (Vec<&'static str>, Expected) {
    let facts: Vec<prequal::facts::FactDecl> = {
        let mut all: Vec<prequal::facts::FactDecl> = Vec::new();
        for p in facts_of {
            for f in &p.facts {
                if !all.iter().any(|a| a.id == f.id) {
                    all.push(f.clone());
                }
            }
        }
        all
    };
    let rows = prequal_cli::screen::read_tenants_for(csv_text, &facts, Lang::En).unwrap();
    let mut e = Expected::default();
    let mut verdicts = Vec::new();
    for (_, firm) in rows {
        e.firms += 1;
        let report = firm.and_then(|f| prequal::evaluate(policy, &f, policy.market.as_of));
        let Ok(report) = report else {
            e.errors += 1;
            verdicts.push("error");
            continue;
        };
        let Some(q) = report.quotes.first() else {
            verdicts.push("none");
            continue;
        };
        let id = match q.verdict {
            Verdict::Eligible => "eligible",
            Verdict::NeedsInfo => "needs_info",
            Verdict::Ineligible => "ineligible",
        };
        verdicts.push(id);
        *e.verdicts.entry(id.to_string()).or_default() += 1;
        if q.verdict != Verdict::Eligible {
            continue;
        }
        e.eligible += 1;
        if let Some(loan) = &q.loan {
            e.loan_amount += loan.amount;
            e.interest_subsidy += loan.interest_subsidy;
            e.fee_subsidy += loan.fee_subsidy;
            for s in &q.subsidies {
                *e.by_scheme.entry(s.scheme.clone()).or_default() += s.total;
            }
        }
        for r in &q.risk_sharing {
            *e.by_role.entry(role_id(r.role).to_string()).or_default() += r.amount;
        }
    }
    (verdicts, e)
}

pub fn dec(value: &Value) -> Decimal {
    value.as_str().unwrap_or_else(|| panic!("a decimal string, got {value}")).parse().unwrap()
}

fn dec_map(value: &Value) -> BTreeMap<String, Decimal> {
    value.as_object().unwrap().iter().map(|(k, v)| (k.clone(), dec(v))).collect()
}

/// The `eligible` block of a summary against the expected figures.
pub fn assert_eligible(block: &Value, e: &Expected) {
    assert_eq!(block["firms"], e.eligible, "{block}");
    assert_eq!(dec(&block["loan_amount"]), e.loan_amount);
    assert_eq!(dec(&block["interest_subsidy"]), e.interest_subsidy);
    assert_eq!(dec(&block["fee_subsidy"]), e.fee_subsidy);
    assert_eq!(dec_map(&block["subsidy_by_scheme"]), e.by_scheme);
    assert_eq!(dec_map(&block["risk_by_role"]), e.by_role);
    // Amounts are decimal strings with two places.
    for amount in [&block["loan_amount"], &block["interest_subsidy"], &block["fee_subsidy"]] {
        let text = amount.as_str().unwrap();
        assert_eq!(text.split_once('.').map(|(_, f)| f.len()), Some(2), "{text}");
    }
}

/// Corrupt some rows of a CSV text the way spreadsheets and people do.
fn corrupt(text: &[u8], picks: &[(usize, u8)]) -> Vec<u8> {
    let text = String::from_utf8(text.to_vec()).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let header: Vec<String> = lines[0].split(',').map(str::to_string).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows = lines.len() - 1;
    let mut out_lines = Vec::new();
    for (i, line) in lines.iter_mut().enumerate() {
        let mut line = line.clone();
        for (row, kind) in picks {
            if rows == 0 || i != 1 + row % rows {
                continue;
            }
            let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
            match kind % 7 {
                0 => cells[col("revenue")] = "abc".into(),
                1 => cells[col("employees")] = "-3".into(),
                2 => cells[col("industry")] = "mining".into(),
                3 => cells.truncate(cells.len() - 3),
                4 => cells[col("name")] = "<script>alert(1)</script>".into(),
                5 => cells[col("tax_grade")] = "Z".into(),
                _ => cells[col("debt_ratio")] = "".into(),
            }
            line = cells.join(",");
        }
        out_lines.push(line);
    }
    (out_lines.join("\n") + "\n").into_bytes()
}

fn run_json(args: &[&str], input: &Path) -> (Vec<Value>, i32) {
    let output = prequal().args(args).arg("--input").arg(input).output().unwrap();
    let code = output.status.code().unwrap();
    assert!(code == 0 || code == 1, "{}", String::from_utf8_lossy(&output.stderr));
    let rows: Value = serde_json::from_slice(&output.stdout).unwrap();
    (rows.as_array().unwrap().clone(), code)
}

fn check(rows: u64, seed: u64, picks: Vec<(usize, u8)>, a: usize, b: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut text = Vec::new();
    crate::generator::write_seeded(rows, seed, seed % 2 == 0, &mut text);
    let text = if seed % 2 == 0 { text } else { corrupt(&text, &picks) };
    let input = dir.path().join("tenants.csv");
    fs::write(&input, &text).unwrap();
    let (old_path, new_path) = (PACKS[a % PACKS.len()], PACKS[b % PACKS.len()]);
    let (old, new) = (pack(old_path), pack(new_path));

    // screen: the summary is the sum of the rows and of the core's reports.
    let summary = dir.path().join("summary.json");
    let (out, code) =
        run_json(&["screen", "--format", "json", "--policy", old_path, "--summary", summary.to_str().unwrap()], &input);
    let totals: Value = serde_json::from_str(&fs::read_to_string(&summary).unwrap()).unwrap();
    let (verdicts, e) = expected(&text, &old, &[&old]);
    assert_eq!(out.len() as u64, e.firms);
    assert_eq!(totals["firms"], e.firms);
    assert_eq!(totals["errors"], e.errors);
    for v in ["eligible", "needs_info", "ineligible"] {
        assert_eq!(totals["by_verdict"][v], e.verdicts.get(v).copied().unwrap_or(0), "{v}");
    }
    assert_eligible(&totals["eligible"], &e);
    let eligible: Vec<&Value> = out.iter().filter(|r| r["verdict"] == "eligible").collect();
    let sum = |field: &str| eligible.iter().map(|r| dec(&r[field])).sum::<Decimal>();
    assert_eq!(sum("loan_amount"), e.loan_amount, "the rows add up to the summary");
    assert_eq!(sum("interest_subsidy"), e.interest_subsidy);
    assert_eq!(sum("fee_subsidy"), e.fee_subsidy);
    let row_verdicts: Vec<&str> = out.iter().map(|r| r["verdict"].as_str().unwrap_or("error")).collect();
    assert_eq!(row_verdicts, verdicts);
    let with_error = out.iter().filter(|r| !r["error"].is_null()).count();
    assert_eq!(code, if with_error > 0 { 1 } else { 0 });

    // impact: both portfolios, their difference and the transitions.
    let (out, _) = run_json(
        &["impact", "--format", "json", "--old", old_path, "--new", new_path, "--summary", summary.to_str().unwrap()],
        &input,
    );
    let impact: Value = serde_json::from_str(&fs::read_to_string(&summary).unwrap()).unwrap();
    let (old_verdicts, old_e) = expected(&text, &old, &[&old, &new]);
    let (new_verdicts, new_e) = expected(&text, &new, &[&old, &new]);
    assert_eq!(impact["firms"], old_e.firms);
    assert_eligible(&impact["old"], &old_e);
    assert_eligible(&impact["new"], &new_e);
    let mut transitions: BTreeMap<String, u64> = BTreeMap::new();
    for (o, n) in old_verdicts.iter().zip(&new_verdicts) {
        *transitions.entry(format!("{o}->{n}")).or_default() += 1;
    }
    let got: BTreeMap<String, u64> =
        impact["transitions"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_u64().unwrap())).collect();
    assert_eq!(got, transitions);
    let change = &impact["change"];
    assert_eq!(change["firms"].as_i64().unwrap(), new_e.eligible as i64 - old_e.eligible as i64);
    assert_eq!(dec(&change["loan_amount"]), new_e.loan_amount - old_e.loan_amount);
    assert_eq!(dec(&change["interest_subsidy"]), new_e.interest_subsidy - old_e.interest_subsidy);
    assert_eq!(out.len() as u64, old_e.firms);
    let verdict = |r: &Value, side: &str| r[format!("{side}_verdict")].as_str().map(str::to_string);
    for (row, (o, n)) in out.iter().zip(old_verdicts.iter().zip(&new_verdicts)) {
        if !["error", "none"].contains(o) {
            assert_eq!(verdict(row, "old").as_deref(), Some(*o));
        }
        if !["error", "none"].contains(n) {
            assert_eq!(verdict(row, "new").as_deref(), Some(*n));
        }
        let changed_by = row["changed_by"].as_array().unwrap();
        if o == n {
            assert!(changed_by.is_empty(), "{row}");
        } else if row["error"].is_null() && o != &"none" && n != &"none" {
            assert!(!changed_by.is_empty(), "a changed verdict names what changed it: {row}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    #[test]
    fn totals_are_the_sums_of_the_rows(
        rows in 0u64..160,
        seed in any::<u64>(),
        picks in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..12),
        a in 0usize..4,
        b in 0usize..4,
    ) {
        check(rows, seed, picks, a, b);
    }
}

#[test]
fn the_example_list_adds_up_under_every_pack() {
    for (i, _) in PACKS.iter().enumerate() {
        check(1000, 2026, vec![], i, (i + 1) % PACKS.len());
    }
    // The committed list is that seed's English list.
    let mut text = Vec::new();
    crate::generator::write_seeded(1000, 2026, false, &mut text);
    assert_eq!(fs::read(root().join("examples/tenants/tenants-1000.csv")).unwrap(), text);
}

#[test]
fn the_screen_summary_file_and_the_terminal_say_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (out, summary) = (dir.path().join("out.csv"), dir.path().join("totals.json"));
    let assert = prequal()
        .args(["screen", "--input", "examples/tenants/tenants-1000.csv", "--output"])
        .arg(&out)
        .arg("--summary")
        .arg(&summary)
        .assert()
        .success();
    let err = crate::stderr_of(&assert);
    let totals: Value = serde_json::from_str(&fs::read_to_string(&summary).unwrap()).unwrap();
    let money = |v: &Value| {
        let d = dec(v);
        // 198090000.00 → 198,090,000.00 as the terminal writes it.
        let text = format!("{d:.2}");
        let (whole, frac) = text.split_once('.').unwrap();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{grouped}.{frac}")
    };
    let e = &totals["eligible"];
    assert!(err.contains(&format!("eligible firms: {}", e["firms"])), "{err}");
    assert!(err.contains(&format!("their loans (yuan): {}", money(&e["loan_amount"]))), "{err}");
    assert!(err.contains(&format!("interest subsidy (yuan): {}", money(&e["interest_subsidy"]))), "{err}");
    assert!(err.contains(&format!("guarantee fee subsidy: {}", money(&e["fee_subsidy"]))), "{err}");
    for (scheme, amount) in e["subsidy_by_scheme"].as_object().unwrap() {
        assert!(err.contains(&format!("{scheme} {}", money(amount))), "{scheme} in {err}");
    }
    assert!(err.contains(&format!("bank {}", money(&e["risk_by_role"]["bank"]))), "{err}");
    assert!(err.contains(&format!("risk pool {}", money(&e["risk_by_role"]["risk_pool"]))), "{err}");
    // The figures the rows give.
    let rows = csv_rows(&fs::read_to_string(&out).unwrap());
    let eligible = rows.iter().filter(|r| &r[5] == "eligible").count();
    assert_eq!(e["firms"], eligible);
    // In Chinese, next to the counts.
    let assert = prequal()
        .args(["screen", "--lang", "zh-CN", "--input", "examples/tenants/tenants-1000.csv", "--output"])
        .arg(&out)
        .assert()
        .success();
    let err = crate::stderr_of(&assert);
    for expected in [
        "已筛查 1000 家企业",
        "按结论",
        "符合条件的企业：107",
        "其贷款金额（元）：",
        "贴息（元）：",
        "按补贴方案：",
        "违约损失按承担方：银行 ",
    ] {
        assert!(err.contains(expected), "{expected} in {err}");
    }
}
