//! `prequal impact`: every flag and error, the rows, the summary against the core's
//! per-firm quotes, hostile input, atomic files and the HTML report.

use crate::totals::{assert_eligible, expected, pack};
use crate::{assert_self_contained, csv_rows, files_in, prequal, root, stderr_of, PANIC};
use predicates::str::contains;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const HEADER: &str = "line,id,name,old_product,old_verdict,old_limit,old_apr_net,old_subsidy,new_product,new_verdict,new_limit,new_apr_net,new_subsidy,changed_by,error";
const BUNDLED: &str = "examples/packs/shenzhen-park-loan-2.json";
const LONGHUA: &str = "examples/packs/longhua-bank-mix.json";
const REFORM: &str = "examples/packs/shenzhen-park-loan-2-reform-1pp.json";
const BANK: &str = "examples/packs/bank-g-tech-credit.json";
const LIST: &str = "examples/tenants/tenants-1000.csv";

fn impact(old: &str, new: &str) -> assert_cmd::Command {
    let mut command = prequal();
    command.args(["impact", "--old", old, "--new", new]);
    command
}

fn summary_of(old: &str, new: &str, input: &str, extra: &[&str]) -> (Value, Vec<csv::StringRecord>) {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("impact.json");
    let assert =
        impact(old, new).args(["--input", input]).args(extra).arg("--summary").arg(&summary).assert().success();
    let rows = csv_rows(&String::from_utf8_lossy(&assert.get_output().stdout));
    (serde_json::from_str(&fs::read_to_string(summary).unwrap()).unwrap(), rows)
}

#[test]
fn the_same_pack_twice_changes_nothing() {
    for pack in [BUNDLED, LONGHUA] {
        let (summary, rows) = summary_of(pack, pack, LIST, &[]);
        assert_eq!(summary["firms"], 1000);
        let transitions = summary["transitions"].as_object().unwrap();
        assert!(!transitions.is_empty());
        for (key, n) in transitions {
            let (old, new) = key.split_once("->").unwrap();
            assert_eq!(old, new, "{key}: {n}");
        }
        let change = &summary["change"];
        assert_eq!(change["firms"], 0);
        for field in ["loan_amount", "interest_subsidy", "fee_subsidy"] {
            assert_eq!(change[field], "0.00", "{field}");
        }
        for map in ["subsidy_by_scheme", "risk_by_role"] {
            assert!(change[map].as_object().unwrap().values().all(|v| v == "0.00"), "{map}: {change}");
        }
        assert_eq!(summary["old"], summary["new"]);
        assert_eq!(rows.len(), 1000);
        for row in &rows {
            let cells: Vec<&str> = row.iter().collect();
            assert_eq!(cells[3..8], cells[8..13], "{row:?}");
            assert_eq!((&row[13], &row[14]), ("", ""), "{row:?}");
        }
    }
}

/// Transitions from the core's full report of each firm under each pack.
fn transitions_from_the_core(old: &str, new: &str) -> BTreeMap<String, u64> {
    let text = fs::read(root().join(LIST)).unwrap();
    let (old, new) = (pack(old), pack(new));
    let (o, _) = expected(&text, &old, &[&old, &new]);
    let (n, _) = expected(&text, &new, &[&old, &new]);
    let mut counts = BTreeMap::new();
    for (a, b) in o.iter().zip(&n) {
        *counts.entry(format!("{a}->{b}")).or_default() += 1;
    }
    counts
}

#[test]
fn transitions_are_the_per_firm_quotes() {
    for new in [LONGHUA, REFORM] {
        let (summary, rows) = summary_of(BUNDLED, new, LIST, &[]);
        let got: BTreeMap<String, u64> =
            summary["transitions"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_u64().unwrap())).collect();
        assert_eq!(got, transitions_from_the_core(BUNDLED, new), "{new}");
        // The rows say the same, firm by firm.
        let mut from_rows: BTreeMap<String, u64> = BTreeMap::new();
        for row in &rows {
            *from_rows.entry(format!("{}->{}", &row[4], &row[9])).or_default() += 1;
            assert_eq!(row[13].is_empty(), row[4] == row[9], "changed_by iff the verdict changes: {row:?}");
        }
        assert_eq!(from_rows, got);
        let text = fs::read(root().join(LIST)).unwrap();
        let (old_p, new_p) = (pack(BUNDLED), pack(new));
        assert_eligible(&summary["old"], &expected(&text, &old_p, &[&old_p]).1);
        assert_eligible(&summary["new"], &expected(&text, &new_p, &[&new_p]).1);
    }
    // The reform lowers the national SME subsidy: that scheme pays less, nobody gains it.
    let (summary, _) = summary_of(BUNDLED, REFORM, LIST, &[]);
    let national = summary["change"]["subsidy_by_scheme"]["national-sme-interest"].as_str().unwrap();
    assert!(national.starts_with('-'), "{national}");
}

#[test]
fn rows_agree_with_the_core_report() {
    let text = fs::read_to_string(root().join(LIST)).unwrap();
    let short: String = text.lines().take(41).map(|l| format!("{l}\n")).collect();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("t.csv");
    fs::write(&input, &short).unwrap();
    let assert = impact(BUNDLED, LONGHUA).arg("--input").arg(&input).args(["--format", "json"]).assert().success();
    let rows: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let firms = prequal_cli::screen::read_tenants(short.as_bytes(), prequal::Lang::En).unwrap();
    let (old, new) = (pack(BUNDLED), pack(LONGHUA));
    for ((line, firm), row) in firms.iter().zip(rows.as_array().unwrap()) {
        assert_eq!(row["line"], *line);
        let firm = firm.as_ref().unwrap();
        for (side, policy) in [("old", &old), ("new", &new)] {
            let report = prequal::evaluate(policy, firm, policy.market.as_of).unwrap();
            let q = &report.quotes[0];
            assert_eq!(row[format!("{side}_product")], q.product.as_str());
            let text = |d: Option<prequal::Decimal>| d.map_or(Value::Null, |d| Value::String(d.to_string()));
            assert_eq!(row[format!("{side}_limit")], text(q.limit.amount));
            assert_eq!(row[format!("{side}_apr_net")], text(q.apr_net));
            assert_eq!(
                row[format!("{side}_subsidy")],
                text(q.loan.as_ref().map(|l| l.interest_subsidy + l.fee_subsidy))
            );
        }
    }
}

#[test]
fn csv_to_stdout_by_default_json_by_extension_or_flag() {
    let assert = impact(BUNDLED, REFORM).args(["--input", "examples/tenants/tenants-zh-20.csv"]).assert().success();
    let text = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert_eq!(text.lines().next().unwrap(), HEADER);
    assert_eq!(csv_rows(&text).len(), 20);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rows.json");
    impact(BUNDLED, REFORM)
        .args(["--input", "examples/tenants/tenants-zh-20.csv", "--output"])
        .arg(&out)
        .assert()
        .success();
    let rows: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 20);
    assert!(rows[0]["changed_by"].is_array());
    let keys: Vec<&str> = rows[0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), HEADER.split(',').count());
    let csv_out = dir.path().join("rows2.json");
    impact(BUNDLED, REFORM)
        .args(["--input", "examples/tenants/tenants-zh-20.csv", "--format", "csv", "--output"])
        .arg(&csv_out)
        .assert()
        .success();
    assert!(fs::read_to_string(&csv_out).unwrap().starts_with(HEADER));
    assert_eq!(files_in(dir.path()), vec!["rows.json", "rows2.json"], "no temporary file left");
}

#[test]
fn hostile_rows_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tenants.csv");
    fs::write(
        &input,
        b"id,\xe4\xbc\x81\xe4\xb8\x9a\xe5\x90\x8d\xe7\xa7\xb0,industry,revenue,employees,tax_grade\n\
          A1,<script>alert(1)</script>,software_it,12000000,40,A\n\
          A2,ok,software_it,abc,40,A\n\
          A3,ok,mining,1,1,A\n\
          A4,ok,retail,-5,40,A\n\
          A5,ok,retail\n\
          A6,\xc1\xe3,retail,1,1,A\n\
          A7,\"quoted, with comma\",retail,1,1,A\n\
          A8,ok,retail,1e5,1,A\n\
          A9,ok,retail,99999999999999999999999999999999,1,A\n\
          A10,ok,retail,1,1,A,extra\n\
          A11,ok,retail,1200000,12,B\n"
            .as_slice(),
    )
    .unwrap();
    let (out, summary) = (dir.path().join("out.csv"), dir.path().join("s.json"));
    let assert = impact(BUNDLED, LONGHUA)
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .arg("--summary")
        .arg(&summary)
        .assert()
        .code(1);
    let err = stderr_of(&assert);
    assert!(!err.contains(PANIC), "{err}");
    for expected in [
        "line 3: revenue: invalid value",
        "line 4: industry: invalid value",
        "line 5: revenue: negative amount",
        "line 6: invalid value: 6 fields as in the header line, got 3",
        "line 7: 企业名称: invalid value: UTF-8",
        "line 9: revenue: invalid value",
        "line 10: revenue:",
        "line 11: invalid value: 6 fields as in the header line, got 7",
        "compared 11 firms",
        "8 rows could not be evaluated",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let rows = csv_rows(&fs::read_to_string(&out).unwrap());
    assert_eq!(rows.len(), 11, "one row out per row in");
    let ids: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(ids, ["A1", "A2", "A3", "A4", "", "A6", "A7", "A8", "A9", "", "A11"]);
    assert_eq!(&rows[0][2], "<script>alert(1)</script>", "passed through as data");
    assert_eq!(&rows[6][2], "quoted, with comma");
    for good in [0, 6, 10] {
        assert_eq!(&rows[good][14], "", "{:?}", rows[good]);
        assert!(!rows[good][4].is_empty() && !rows[good][9].is_empty());
    }
    assert_eq!((&rows[1][4], &rows[1][9]), ("", ""), "an error row has no verdicts");
    let summary: Value = serde_json::from_str(&fs::read_to_string(&summary).unwrap()).unwrap();
    assert_eq!(summary["firms"], 11);
    assert_eq!(summary["transitions"]["error->error"], 8);
}

#[test]
fn an_error_under_one_pack_only() {
    // A fact only one pack declares is a valid column; an answer the other pack's
    // declaration refuses fails under that pack alone.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("t.csv");
    fs::write(&input, "id,industry,employees,revenue,社保缴纳人数,pending_lawsuit\nB1,software_it,18,6500000,12,no\n")
        .unwrap();
    let assert = impact(BUNDLED, BANK).arg("--input").arg(&input).assert().success();
    let rows = csv_rows(&String::from_utf8_lossy(&assert.get_output().stdout));
    assert_eq!(rows.len(), 1);
    assert!(!rows[0][4].is_empty() && !rows[0][9].is_empty(), "{:?}", rows[0]);
    // The same columns with the packs the other way round: the union either way.
    impact(BANK, BUNDLED).arg("--input").arg(&input).assert().success();
    // A column neither pack declares is a usage error naming it and listing the facts.
    fs::write(&input, "id,industry,lawsuits\nB1,retail,no\n").unwrap();
    let assert = impact(BUNDLED, BANK).arg("--input").arg(&input).assert().code(2);
    let err = stderr_of(&assert);
    assert!(err.contains("line 1, column 3") && err.contains("\"lawsuits\""), "{err}");
    assert!(err.contains("pending_lawsuit (存在未结诉讼)"), "{err}");
}

#[test]
fn every_flag_and_its_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = |name: &str| dir.path().join(name);
    // Required flags: clap names them (exit 2).
    prequal().args(["impact", "--new", BUNDLED, "--input", LIST]).assert().code(2).stderr(contains("--old"));
    prequal().args(["impact", "--old", BUNDLED, "--input", LIST]).assert().code(2).stderr(contains("--new"));
    prequal().args(["impact", "--old", BUNDLED, "--new", BUNDLED]).assert().code(2).stderr(contains("--input"));
    impact(BUNDLED, BUNDLED).args(["--input", LIST, "--format", "xml"]).assert().code(2).stderr(contains("--format"));
    // Packs: the flag, the file, what is wrong.
    impact("no/such.json", BUNDLED)
        .args(["--input", LIST])
        .assert()
        .code(2)
        .stderr(contains("--old: no/such.json: cannot read"));
    fs::write(d("bad.json"), "{").unwrap();
    impact(BUNDLED, d("bad.json").to_str().unwrap())
        .args(["--input", LIST])
        .assert()
        .code(2)
        .stderr(contains("--new: "))
        .stderr(contains("not valid JSON"));
    fs::write(d("invalid.json"), r#"{"id": "x"}"#).unwrap();
    impact(BUNDLED, d("invalid.json").to_str().unwrap())
        .args(["--input", LIST])
        .assert()
        .code(2)
        .stderr(contains("--new: "));
    // --as-of: checked, and used for both packs.
    impact(BUNDLED, BUNDLED)
        .args(["--input", LIST, "--as-of", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(contains("--as-of: invalid value"));
    let (summary, _) = summary_of(BUNDLED, LONGHUA, LIST, &["--as-of", "2024-06-01"]);
    assert_eq!(summary["transitions"], serde_json::json!({"none->none": 1000}), "no product in force then");
    let (summary, _) = summary_of(BUNDLED, REFORM, LIST, &["--as-of", "2025-06-01"]);
    assert!(summary["transitions"].as_object().unwrap().keys().all(|k| !k.contains("none")));
    // Input: unreadable, empty, bad header.
    impact(BUNDLED, BUNDLED)
        .args(["--input", "no/such.csv"])
        .assert()
        .code(2)
        .stderr(contains("no/such.csv: cannot read"));
    fs::write(d("empty.csv"), "").unwrap();
    impact(BUNDLED, BUNDLED).arg("--input").arg(d("empty.csv")).assert().code(2).stderr(contains("header"));
    fs::write(d("header.csv"), "id,industry\n").unwrap();
    let assert =
        impact(BUNDLED, BUNDLED).arg("--input").arg(d("header.csv")).args(["--format", "json"]).assert().success();
    assert_eq!(serde_json::from_slice::<Value>(&assert.get_output().stdout).unwrap(), serde_json::json!([]));
    fs::write(d("revnue.csv"), "id,industry,revnue\nA1,retail,5\n").unwrap();
    impact(BUNDLED, BUNDLED)
        .arg("--input")
        .arg(d("revnue.csv"))
        .arg("--output")
        .arg(d("out.csv"))
        .assert()
        .code(2)
        .stderr(contains("line 1, column 3"));
    // Outputs: unwritable, a directory, two flags naming one file.
    for flag in ["--output", "--summary", "--html"] {
        impact(BUNDLED, BUNDLED)
            .args(["--input", "examples/tenants/tenants-zh-20.csv", flag])
            .arg(d("no/such/dir/x"))
            .assert()
            .code(2)
            .stderr(contains("cannot write"));
        impact(BUNDLED, BUNDLED)
            .args(["--input", "examples/tenants/tenants-zh-20.csv", flag])
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(contains("cannot write"));
    }
    impact(BUNDLED, BUNDLED)
        .args(["--input", "examples/tenants/tenants-zh-20.csv", "--summary"])
        .arg(d("no/such/dir/x"))
        .assert()
        .stderr(contains("--summary: "));
    impact(BUNDLED, BUNDLED)
        .args(["--input", "examples/tenants/tenants-zh-20.csv", "--output"])
        .arg(d("same.csv"))
        .arg("--html")
        .arg(d("same.csv"))
        .assert()
        .code(2)
        .stderr(contains("--html: invalid value: a file of its own, but --output names the same file"));
    impact(BUNDLED, BUNDLED)
        .args(["--input", "examples/tenants/tenants-zh-20.csv", "--summary", "examples/tenants/tenants-zh-20.csv"])
        .assert()
        .code(2)
        .stderr(contains("--input names the same file"));
    // No file was left behind by any of these.
    assert_eq!(files_in(dir.path()), vec!["bad.json", "empty.csv", "header.csv", "invalid.json", "revnue.csv"]);
    // --lang: messages and the summary in Chinese.
    impact("no/such.json", BUNDLED)
        .args(["--lang", "zh-CN", "--input", LIST])
        .assert()
        .code(2)
        .stderr(contains("错误：--old：no/such.json：无法读取"));
    let assert = impact(BUNDLED, REFORM)
        .args(["--lang", "zh-CN", "--input", "examples/tenants/tenants-zh-20.csv"])
        .assert()
        .success();
    let err = stderr_of(&assert);
    for expected in
        ["已按两个数据包比较 20 家企业", "结论 原->新：", "最优结论变化的企业：", "按补贴方案：", "违约损失按承担方："]
    {
        assert!(err.contains(expected), "{expected} in {err}");
    }
}

#[test]
fn files_are_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let (out, summary, html) = (dir.path().join("rows.csv"), dir.path().join("s.json"), dir.path().join("r.html"));
    for file in [&out, &summary, &html] {
        fs::write(file, "previous\n").unwrap();
    }
    // A failed run (a bad header) keeps the previous files and leaves no temporary one.
    let bad = dir.path().join("bad.csv");
    fs::write(&bad, "id,colour\nA1,red\n").unwrap();
    let run = |input: &Path| {
        let mut command = impact(BUNDLED, REFORM);
        command
            .arg("--input")
            .arg(input)
            .arg("--output")
            .arg(&out)
            .arg("--summary")
            .arg(&summary)
            .arg("--html")
            .arg(&html);
        command
    };
    run(&bad).assert().code(2);
    for file in [&out, &summary, &html] {
        assert_eq!(fs::read_to_string(file).unwrap(), "previous\n");
    }
    assert_eq!(files_in(dir.path()), vec!["bad.csv", "r.html", "rows.csv", "s.json"]);
    // A good run replaces all three with complete files, and leaves nothing else.
    run(&root().join("examples/tenants/tenants-zh-20.csv")).assert().success();
    assert_eq!(csv_rows(&fs::read_to_string(&out).unwrap()).len(), 20);
    let s: Value = serde_json::from_str(&fs::read_to_string(&summary).unwrap()).unwrap();
    assert_eq!(s["firms"], 20);
    assert!(fs::read_to_string(&html).unwrap().trim_end().ends_with("</html>"));
    assert_eq!(files_in(dir.path()), vec!["bad.csv", "r.html", "rows.csv", "s.json"]);
}

#[test]
fn many_chunks_keep_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tenants.csv");
    let mut text = Vec::new();
    crate::generator::write(9_000, &mut text);
    fs::write(&input, &text).unwrap();
    let assert = impact(BUNDLED, REFORM).arg("--input").arg(&input).assert().success();
    let rows = csv_rows(&String::from_utf8_lossy(&assert.get_output().stdout));
    assert_eq!(rows.len(), 9_000);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], (i + 2).to_string());
    }
}

fn html_of(args: &[&str], input: &Path, lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    prequal()
        .args(args)
        .args(["--lang", lang, "--input"])
        .arg(input)
        .arg("--html")
        .arg(&html)
        .assert()
        .code(predicates::ord::lt(2));
    fs::read_to_string(&html).unwrap()
}

#[test]
fn the_html_report_is_self_contained_and_escapes_everything() {
    // Hostile names, ids and a hostile file name, in firms whose verdict changes.
    let text = fs::read_to_string(root().join(LIST)).unwrap();
    let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<style>*{}</style>", "a&b 'c'"];
    let mut list = String::from(text.lines().next().unwrap());
    list.push('\n');
    for (i, line) in text.lines().skip(1).take(40).enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        cells[1] = format!("\"{}\"", hostile[i % hostile.len()].replace('"', "\"\""));
        cells[0] = format!("<b>{}", cells[0]);
        list.push_str(&cells.join(","));
        list.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("<script>list.csv");
    fs::write(&input, list).unwrap();
    for lang in ["en", "zh-CN"] {
        let html = html_of(&["impact", "--old", BUNDLED, "--new", LONGHUA], &input, lang);
        assert_self_contained(&html);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "names are escaped");
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("a&amp;b &#39;c&#39;"));
        assert!(html.contains("&lt;b&gt;T0000002"), "ids are escaped");
        assert!(html.contains("&lt;script&gt;list.csv"), "the file name is escaped");
        let html = html_of(&["screen", "--policy", LONGHUA], &input, lang);
        assert_self_contained(&html);
        assert!(html.contains("&lt;script&gt;list.csv"));
    }
}

#[test]
fn the_html_report_in_both_languages() {
    let list = root().join(LIST);
    let en = html_of(&["impact", "--old", BUNDLED, "--new", LONGHUA], &list, "en");
    let zh = html_of(&["impact", "--old", BUNDLED, "--new", LONGHUA], &list, "zh-CN");
    for html in [&en, &zh] {
        assert_self_contained(html);
        assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(html.contains("<meta name=\"viewport\""));
    }
    assert!(en.contains("<html lang=\"en\">") && zh.contains("<html lang=\"zh-CN\">"));
    let core = transitions_from_the_core(BUNDLED, LONGHUA);
    let changed: u64 = core.iter().filter(|(k, _)| k.split("->").next() != k.split("->").nth(1)).map(|(_, n)| n).sum();
    assert!(changed > 200, "enough to cap the list: {changed}");
    for (html, section, more) in [
        (&en, "Firms whose best verdict changes", format!("… and {} more", changed - 200)),
        (&zh, "最优结论发生变化的企业", format!("……另有 {} 家", changed - 200)),
    ] {
        assert!(html.contains(&format!("{section} ({changed})")) || html.contains(&format!("{section}（{changed}）")));
        assert!(html.contains(&more), "{more}");
        // 200 firms listed, one table row each (plus the heading row).
        let listed = &html[html.find(&format!("<h2>{section}")).unwrap()..];
        assert_eq!(listed.matches("<tr>").count(), 201);
    }
    for words in [
        [
            "Subsidies by scheme",
            "Subsidies by provider",
            "Default loss by party",
            "Net APR",
            "From the old verdict to the new",
        ],
        ["按补贴方案的补贴", "按出资方的补贴", "违约损失由谁承担", "补贴后年化成本", "从原结论到新结论"],
    ] {
        let html = if words[0].is_ascii() { &en } else { &zh };
        for w in words {
            assert!(html.contains(w), "{w}");
        }
    }
    // Scheme names and providers come from the packs, in the report's language.
    let longhua = pack(LONGHUA);
    let scheme = longhua.subsidy_scheme("longhua-interest").unwrap();
    assert!(en.contains(&scheme.name.en) && zh.contains(&scheme.name.zh_cn));
    assert!(zh.contains(&scheme.provider.zh_cn));
    // A screening report: one pack, no transitions, no changed firms.
    let screen = html_of(&["screen"], &list, "en");
    assert_self_contained(&screen);
    assert!(screen.contains("Screening: "));
    assert!(!screen.contains("From the old verdict") && !screen.contains("Firms whose best verdict changes"));
}
