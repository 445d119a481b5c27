use crate::{csv_rows, files_in, prequal, stderr_of, PANIC};
use predicates::str::contains;
use std::fs;
use std::path::Path;

const HEADER: &str = "line,id,name,size_class,best_product,verdict,limit,apr_net,failed,unknown,error,loan_amount,interest_subsidy,fee_subsidy,total_cost_net";

#[test]
fn the_example_list_one_row_per_firm_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("results.csv");
    let assert = prequal()
        .args(["screen", "--input", "examples/tenants/tenants-1000.csv", "--output"])
        .arg(&out)
        .assert()
        .success();
    let summary = stderr_of(&assert);
    assert!(summary.contains("screened 1000 firms"), "{summary}");
    assert!(summary.contains("firms/s") && summary.contains("by verdict") && summary.contains("by best product"));
    let text = fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().next().unwrap(), HEADER);
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), 1000);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], (i + 2).to_string());
        assert_eq!(row[1], format!("T{:07}", i + 1));
        assert!(["eligible", "needs_info", "ineligible"].contains(&&row[5]), "{row:?}");
        assert_eq!(&row[10], "");
    }
    let verdicts = |v: &str| rows.iter().filter(|r| &r[5] == v).count();
    assert!(verdicts("eligible") > 0 && verdicts("needs_info") > 0 && verdicts("ineligible") > 0);
    assert_eq!(files_in(dir.path()), vec!["results.csv"], "no temporary file left");
}

#[test]
fn rows_agree_with_the_core_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("one.csv");
    fs::write(
        &input,
        "id,industry,employees,revenue,total_assets,founded,park,years_in_park,tax_grade,annual_tax_paid,overdue_current,overdue_12m,overdue_24m,inquiries_6m,legal_rep_age,debt_ratio,existing_credit_loans,high_tech,tech_sme,specialized_national,specialized_provincial,first_loan,requested_amount,term_months,repayment_method\n\
         E1,software_it,48,18000000,9000000,2018-06-12,xinghe-world,3,A,520000,0,0,0,3,41,0.42,500000,true,true,false,false,false,3000000,36,equal_installment\n",
    )
    .unwrap();
    let assert = prequal().args(["screen", "--format", "json", "--input"]).arg(&input).assert().success();
    let rows: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let firm =
        prequal::Firm::from_json(&fs::read_to_string(crate::root().join("examples/firms/eligible.json")).unwrap())
            .unwrap();
    let policy = prequal::Policy::default_pack();
    let report = prequal::evaluate(&policy, &firm, policy.market.as_of).unwrap();
    let best = &report.quotes[0];
    assert_eq!(rows[0]["id"], "E1");
    assert_eq!(rows[0]["best_product"], best.product.as_str());
    assert_eq!(rows[0]["verdict"], "eligible");
    assert_eq!(rows[0]["limit"], best.limit.amount.unwrap().to_string());
    assert_eq!(rows[0]["apr_net"], best.apr_net.unwrap().to_string());
    assert_eq!(rows[0]["size_class"], "small");
}

#[test]
fn json_by_extension_and_chinese_headers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("results.json");
    prequal()
        .args(["screen", "--input", "examples/tenants/tenants-zh-20.csv", "--lang", "zh-CN", "--output"])
        .arg(&out)
        .assert()
        .success()
        .stderr(contains("已筛查 20 家企业"));
    let rows: serde_json::Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 20);
    assert_eq!(rows[0]["id"], "T0000001");
    assert!(rows[0]["name"].as_str().unwrap().ends_with("有限公司"));
    assert!(rows.iter().all(|r| r["error"].is_null()));
    // --format wins over the extension.
    let csv_out = dir.path().join("results2.json");
    prequal()
        .args(["screen", "--input", "examples/tenants/tenants-zh-20.csv", "--format", "csv", "--output"])
        .arg(&csv_out)
        .assert()
        .success();
    assert!(fs::read_to_string(&csv_out).unwrap().starts_with(HEADER));
}

#[test]
fn another_pack_and_the_same_list() {
    let assert = prequal()
        .args([
            "screen",
            "--input",
            "examples/tenants/tenants-1000.csv",
            "--policy",
            "examples/packs/longhua-bank-mix.json",
        ])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), 1000);
    assert!(rows.iter().any(|r| &r[4] == "tech-points-loan"));
    assert!(rows.iter().all(|r| &r[4] != "spring-2025-loan"), "closed products are never best");
}

#[test]
fn bad_rows_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tenants.csv");
    fs::write(
        &input,
        "id,企业名称,行业,营业收入,从业人数,纳税信用等级,高新技术企业\n\
         A1,甲,software_it,12000000,40,A,是\n\
         A2,乙,software_it,abc,40,A,是\n\
         A3,丙,mining,12000000,40,A,否\n\
         A4,丁,retail,-5,40,A,否\n\
         A5,戊,retail,12000000\n\
         A6,己,retail,12000000,40,Z,否\n\
         A7,庚,retail,12000000,40,B,maybe\n\
         A8,辛,retail,12000000,40,B,\n",
    )
    .unwrap();
    let out = dir.path().join("out.csv");
    let assert = prequal().args(["screen", "--input"]).arg(&input).arg("--output").arg(&out).assert().code(1);
    let err = stderr_of(&assert);
    assert!(!err.contains(PANIC));
    for expected in [
        "line 3: 营业收入: invalid value",
        "line 4: 行业: invalid value",
        "line 5: 营业收入: negative amount",
        "line 6: invalid value: 7 fields as in the header line, got 4",
        "line 7: 纳税信用等级: invalid value",
        "line 8: 高新技术企业: invalid value",
        "6 rows could not be evaluated",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let rows = csv_rows(&fs::read_to_string(&out).unwrap());
    assert_eq!(rows.len(), 8, "one row out per row in");
    let ids: Vec<&str> = rows.iter().map(|r| r.get(1).unwrap()).collect();
    assert_eq!(ids, ["A1", "A2", "A3", "A4", "", "A6", "A7", "A8"]);
    assert_eq!(&rows[0][10], "");
    assert_eq!(&rows[0][5], "needs_info", "a firm with few facts needs more information");
    assert!(rows[1][10].contains("营业收入: invalid value"));
    assert_eq!(&rows[1][5], "", "an error row has no verdict");
    assert!(rows[3][10].contains("negative amount"));
    assert_eq!(&rows[7][10], "", "an empty cell is unknown, not an error");
}

#[test]
fn row_errors_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tenants.csv");
    fs::write(&input, "行业,营业收入\nretail,-5\n").unwrap();
    prequal()
        .args(["screen", "--lang", "zh-CN", "--input"])
        .arg(&input)
        .assert()
        .code(1)
        .stderr(contains("第 2 行：营业收入：金额不能为负"));
}

#[test]
fn unknown_header_is_a_usage_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tenants.csv");
    fs::write(&input, "id,industry,revnue\nA1,retail,5\n").unwrap();
    let out = dir.path().join("out.csv");
    let assert = prequal().args(["screen", "--input"]).arg(&input).arg("--output").arg(&out).assert().code(2);
    let err = stderr_of(&assert);
    assert!(err.contains("line 1, column 3") && err.contains("\"revnue\""), "{err}");
    assert_eq!(files_in(dir.path()), vec!["tenants.csv"]);
}

#[test]
fn a_failed_run_keeps_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    fs::write(&out, "previous results\n").unwrap();
    prequal()
        .args(["screen", "--input", "no/such/tenants.csv", "--output"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("no/such/tenants.csv"))
        .stderr(contains("cannot read"));
    let pack = dir.path().join("pack.json");
    fs::write(&pack, "{").unwrap();
    prequal()
        .args(["screen", "--input", "examples/tenants/tenants-zh-20.csv", "--policy"])
        .arg(&pack)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("not valid JSON"));
    assert_eq!(fs::read_to_string(&out).unwrap(), "previous results\n");
    assert_eq!(files_in(dir.path()), vec!["out.csv", "pack.json"]);
}

#[test]
fn unwritable_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    prequal()
        .args(["screen", "--input", "examples/tenants/tenants-zh-20.csv", "--output"])
        .arg(dir.path().join("no/such/dir/out.csv"))
        .assert()
        .code(2)
        .stderr(contains("cannot write"));
    prequal()
        .args(["screen", "--input", "examples/tenants/tenants-zh-20.csv", "--output"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(contains("cannot write"));
}

#[test]
fn empty_files_and_header_only_files() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.csv");
    fs::write(&empty, "").unwrap();
    prequal().args(["screen", "--input"]).arg(&empty).assert().code(2).stderr(contains("header"));
    let header_only = dir.path().join("header.csv");
    fs::write(&header_only, "\u{feff}id,industry\n").unwrap();
    let assert = prequal().args(["screen", "--format", "json", "--input"]).arg(&header_only).assert().success();
    let rows: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(rows, serde_json::json!([]));
    let no_industry = dir.path().join("no-industry.csv");
    fs::write(&no_industry, "id,revenue\nA1,5\n").unwrap();
    prequal().args(["screen", "--input"]).arg(&no_industry).assert().code(2).stderr(contains("industry"));
}

#[test]
fn not_utf8_is_reported_per_row() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("gbk.csv");
    // "零售" in GBK, which is not UTF-8.
    fs::write(&input, b"id,industry,name\nA1,retail,\xc1\xe3\xca\xdb\nA2,retail,ok\n").unwrap();
    let assert = prequal().args(["screen", "--input"]).arg(&input).assert().code(1);
    let text = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), 2);
    assert!(rows[0][10].contains("UTF-8"));
    assert_eq!(&rows[1][10], "");
}

#[test]
fn many_chunks_keep_input_order() {
    // More rows than one chunk (4096), so rows are evaluated in parallel across chunks.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tenants.csv");
    let mut text = Vec::new();
    crate::generator::write(10_000, &mut text);
    fs::write(&input, &text).unwrap();
    let assert = prequal().args(["screen", "--input"]).arg(&input).assert().success();
    let rows = csv_rows(&String::from_utf8_lossy(&assert.get_output().stdout));
    assert_eq!(rows.len(), 10_000);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[1], format!("T{:07}", i + 1));
    }
}

const BANK_PACK: &str = "examples/packs/bank-g-tech-credit.json";

/// The CSV line of examples/firms/bank-g-applicant.json, after `industry,...` headers.
const APPLICANT: &str = "software_it,18,6500000,2019-06-01,B,150000,0,false,1000000,12,equal_installment";
const APPLICANT_HEADER: &str =
    "industry,employees,revenue,founded,tax_grade,annual_tax_paid,overdue_current,high_tech,requested_amount,term_months,repayment_method";

fn screen_json(input: &Path, pack: &str) -> serde_json::Value {
    let assert =
        prequal().args(["screen", "--format", "json", "--policy", pack, "--input"]).arg(input).assert().success();
    serde_json::from_slice(&assert.get_output().stdout).unwrap()
}

#[test]
fn fact_columns_by_id_and_by_chinese_label() {
    let dir = tempfile::tempdir().unwrap();
    let by_id = dir.path().join("by-id.csv");
    fs::write(
        &by_id,
        format!(
            "id,{APPLICANT_HEADER},social_insurance_staff,PENDING_LAWSUIT,rd_intensity\n\
             A1,{APPLICANT},12,false,3_to_6\n\
             A2,{APPLICANT},12,yes,3_to_6\n\
             A3,{APPLICANT},,,\n"
        ),
    )
    .unwrap();
    let by_label = dir.path().join("by-label.csv");
    fs::write(
        &by_label,
        format!(
            "id,{APPLICANT_HEADER},社保缴纳人数,存在未结诉讼,研发投入占营业收入比例\n\
             A1,{APPLICANT},12.0,否,3%至6%\n\
             A2,{APPLICANT},12,是,3% to 6%\n\
             A3,{APPLICANT},,,\n"
        ),
    )
    .unwrap();
    let rows = screen_json(&by_id, BANK_PACK);
    assert_eq!(rows, screen_json(&by_label, BANK_PACK), "ids and labels read the same");
    // Row A1 is examples/firms/bank-g-applicant.json: the same verdict, limit and APR.
    let firm = prequal::Firm::from_json(
        &fs::read_to_string(crate::root().join("examples/firms/bank-g-applicant.json")).unwrap(),
    )
    .unwrap();
    let policy = prequal::Policy::from_json(&fs::read_to_string(crate::root().join(BANK_PACK)).unwrap()).unwrap();
    let report = prequal::evaluate(&policy, &firm, policy.market.as_of).unwrap();
    let best = &report.quotes[0];
    assert_eq!(rows[0]["verdict"], "eligible");
    assert_eq!(rows[0]["best_product"], best.product.as_str());
    assert_eq!(rows[0]["limit"], best.limit.amount.unwrap().to_string());
    assert_eq!(rows[0]["apr_net"], "0.038000", "3_to_6: the R&D pricing tier");
    assert_eq!(rows[0]["apr_net"], best.apr_net.unwrap().to_string());
    // A pending lawsuit fails its criterion; empty fact cells are unknown, never a guess.
    assert_eq!(rows[1]["verdict"], "ineligible");
    assert_eq!(rows[1]["failed"], serde_json::json!(["no_lawsuit"]));
    assert_eq!(rows[2]["verdict"], "needs_info");
    assert_eq!(rows[2]["unknown"], serde_json::json!(["insured_staff", "no_lawsuit"]));
    assert_eq!(rows[2]["apr_net"], "0.042000", "no R&D answer: the last tier");
}

#[test]
fn the_bank_example_list() {
    let rows = screen_json(Path::new("examples/tenants/bank-g-tenants.csv"), BANK_PACK);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 10);
    assert!(rows.iter().all(|r| r["error"].is_null()), "{rows:?}");
    let by_id = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    let verdicts: Vec<&str> = rows.iter().map(|r| r["verdict"].as_str().unwrap()).collect();
    assert_eq!(
        verdicts,
        [
            "eligible",
            "eligible",
            "ineligible",
            "needs_info",
            "ineligible",
            "ineligible",
            "needs_info",
            "ineligible",
            "ineligible",
            "eligible"
        ]
    );
    // Each fact decides somewhere: the lawsuit, the insured staff (given and missing), the
    // any_of entry rule, and R&D bands (by label and by id) in limits and rates.
    assert_eq!(by_id("G003")["failed"], serde_json::json!(["no_lawsuit"]));
    assert_eq!(by_id("G004")["unknown"], serde_json::json!(["insured_staff"]));
    assert_eq!(by_id("G005")["failed"], serde_json::json!(["insured_staff"]));
    assert_eq!(by_id("G007")["unknown"], serde_json::json!(["no_lawsuit"]));
    assert_eq!(by_id("G008")["failed"], serde_json::json!(["tech_or_mature"]));
    assert_eq!(by_id("G001")["limit"], "3000000.00");
    assert_eq!(by_id("G001")["apr_net"], "0.035000", "above_6 and grade A: the best tier");
    assert_eq!(by_id("G002")["apr_net"], "0.038000", "3_to_6: the R&D tier");
    assert_eq!(by_id("G006")["limit"], "1080000.00", "3%至6% by its label: the 1.2 uplift");
    // The same list against a pack that declares no such facts: its headers are unknown.
    let assert = prequal().args(["screen", "--input", "examples/tenants/bank-g-tenants.csv"]).assert().code(2);
    let err = stderr_of(&assert);
    assert!(err.contains("line 1, column 15") && err.contains("\"社保缴纳人数\""), "{err}");
}

#[test]
fn unknown_header_with_a_pack_that_declares_facts() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tenants.csv");
    fs::write(&input, "id,industry,social_insurance,pending_lawsuit\nA1,retail,5,no\n").unwrap();
    let out = dir.path().join("out.csv");
    let assert = prequal()
        .args(["screen", "--policy", BANK_PACK, "--input"])
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2);
    let err = stderr_of(&assert);
    assert!(err.contains("line 1, column 3") && err.contains("\"social_insurance\""), "{err}");
    assert!(err.contains("social_insurance_staff (社保缴纳人数)"), "the pack's facts are listed: {err}");
    assert_eq!(files_in(dir.path()), vec!["tenants.csv"]);
    // A fact named twice (by id and by label) is a repeated column.
    fs::write(&input, "industry,pending_lawsuit,存在未结诉讼\nretail,no,否\n").unwrap();
    let assert = prequal().args(["screen", "--policy", BANK_PACK, "--input"]).arg(&input).assert().code(2);
    assert!(stderr_of(&assert).contains("\"存在未结诉讼\" repeats \"pending_lawsuit\""));
}

#[test]
fn bad_fact_cells_are_row_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tenants.csv");
    fs::write(
        &input,
        format!(
            "id,{APPLICANT_HEADER},social_insurance_staff,存在未结诉讼,rd_intensity\n\
             B1,{APPLICANT},12,否,3_to_6\n\
             B2,{APPLICANT},2.5,否,3_to_6\n\
             B3,{APPLICANT},-1,否,3_to_6\n\
             B4,{APPLICANT},many,否,3_to_6\n\
             B5,{APPLICANT},12,maybe,3_to_6\n\
             B6,{APPLICANT},12,否,lots\n\
             B7,{APPLICANT},100001,否,above_6\n"
        ),
    )
    .unwrap();
    let out = dir.path().join("out.csv");
    let assert = prequal()
        .args(["screen", "--policy", BANK_PACK, "--input"])
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(1);
    let err = stderr_of(&assert);
    assert!(!err.contains(PANIC));
    for expected in [
        "line 3: social_insurance_staff: wrong type: a whole number, got 2.5",
        "line 4: social_insurance_staff: out of range: a number from 0 to 100000, got -1",
        "line 5: social_insurance_staff: invalid value",
        "line 6: 存在未结诉讼: invalid value",
        "line 7: rd_intensity: invalid value: one of below_3 (below 3%), 3_to_6 (3% to 6%), above_6 (above 6%), got \"lots\"",
        "line 8: social_insurance_staff: out of range",
        "6 rows could not be evaluated",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let rows = csv_rows(&fs::read_to_string(&out).unwrap());
    assert_eq!(rows.len(), 7, "one row out per row in");
    assert_eq!((&rows[0][5], &rows[0][10]), ("eligible", ""), "the good row is evaluated");
    assert!(rows[1][10].contains("social_insurance_staff") && rows[1][10].contains("2.5"));
    assert_eq!(&rows[1][5], "", "an error row has no verdict");
    // In Chinese, with the header as the file writes it.
    prequal()
        .args(["screen", "--lang", "zh-CN", "--policy", BANK_PACK, "--input"])
        .arg(&input)
        .assert()
        .code(1)
        .stderr(contains("第 6 行：存在未结诉讼：取值无效"))
        .stderr(contains("第 7 行：rd_intensity：取值无效：须为以下选项之一：below_3（低于3%）"));
}

#[test]
fn summary_and_html_files_are_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let d = |name: &str| dir.path().join(name);
    let run = |input: &str| {
        let mut command = prequal();
        command.args(["screen", "--input", input, "--output"]).arg(d("out.csv"));
        command.arg("--summary").arg(d("totals.json")).arg("--html").arg(d("report.html"));
        command
    };
    run("examples/tenants/tenants-zh-20.csv").assert().success();
    assert_eq!(files_in(dir.path()), vec!["out.csv", "report.html", "totals.json"], "no temporary file left");
    let totals: serde_json::Value = serde_json::from_str(&fs::read_to_string(d("totals.json")).unwrap()).unwrap();
    assert_eq!(totals["firms"], 20);
    assert_eq!(totals["errors"], 0);
    let html = fs::read_to_string(d("report.html")).unwrap();
    crate::assert_self_contained(&html);
    assert!(html.contains("Screening: Shenzhen park loan 2.0"));
    // A failed run keeps every previous file.
    run("no/such.csv").assert().code(2);
    assert_eq!(files_in(dir.path()), vec!["out.csv", "report.html", "totals.json"]);
    assert!(html == fs::read_to_string(d("report.html")).unwrap());
    // An unwritable report: named by its flag, and the main output is not replaced either.
    fs::write(d("out.csv"), "previous\n").unwrap();
    prequal()
        .args(["screen", "--input", "examples/tenants/tenants-zh-20.csv", "--output"])
        .arg(d("out.csv"))
        .arg("--html")
        .arg(d("no/such/dir/r.html"))
        .assert()
        .code(2)
        .stderr(contains("--html: "))
        .stderr(contains("cannot write"));
    assert_eq!(fs::read_to_string(d("out.csv")).unwrap(), "previous\n");
    // Two flags naming one file.
    prequal()
        .args(["screen", "--input", "examples/tenants/tenants-zh-20.csv", "--output"])
        .arg(d("out.csv"))
        .arg("--summary")
        .arg(d("out.csv"))
        .assert()
        .code(2)
        .stderr(contains("--summary: invalid value: a file of its own, but --output names the same file"));
    assert_eq!(files_in(dir.path()), vec!["out.csv", "report.html", "totals.json"]);
    // Row errors still give a summary: the errors are counted, not summed.
    let input = d("bad.csv");
    fs::write(&input, "行业,营业收入\nretail,-5\nretail,1200000\n").unwrap();
    prequal().args(["screen", "--input"]).arg(&input).arg("--summary").arg(d("totals.json")).assert().code(1);
    let totals: serde_json::Value = serde_json::from_str(&fs::read_to_string(d("totals.json")).unwrap()).unwrap();
    assert_eq!((totals["firms"].as_u64(), totals["errors"].as_u64()), (Some(2), Some(1)));
}

#[test]
fn new_columns_are_the_best_quotes_loan() {
    let assert = prequal()
        .args(["screen", "--format", "json", "--input", "examples/tenants/tenants-1000.csv"])
        .assert()
        .success();
    let rows: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let firms = prequal_cli::screen::read_tenants(
        &fs::read(crate::root().join("examples/tenants/tenants-1000.csv")).unwrap(),
        prequal::Lang::En,
    )
    .unwrap();
    let policy = prequal::Policy::default_pack();
    let text = |d: Option<prequal::Decimal>| d.map_or(serde_json::Value::Null, |d| d.to_string().into());
    for ((_, firm), row) in firms.iter().zip(rows.as_array().unwrap()).step_by(7) {
        let report = prequal::evaluate(&policy, firm.as_ref().unwrap(), policy.market.as_of).unwrap();
        let loan = report.quotes[0].loan.as_ref();
        assert_eq!(row["loan_amount"], text(loan.map(|l| l.amount)));
        assert_eq!(row["interest_subsidy"], text(loan.map(|l| l.interest_subsidy)));
        assert_eq!(row["fee_subsidy"], text(loan.map(|l| l.fee_subsidy)));
        assert_eq!(row["total_cost_net"], text(loan.map(|l| l.total_cost_net)));
    }
    assert!(rows.as_array().unwrap().iter().any(|r| r["loan_amount"].is_null()), "some firm has no loan");
}

/// A device or a named pipe given as an output is written, never replaced by a plain file
/// (the temporary-file-and-rename of regular outputs would replace `/dev/null` itself).
#[cfg(unix)]
#[test]
fn a_pipe_as_output_stays_a_pipe() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(&fifo).unwrap().read_to_string(&mut text).unwrap();
            text
        })
    };
    prequal()
        .args(["screen", "--input", "examples/tenants/tenants-zh-20.csv", "--output"])
        .arg(&fifo)
        .arg("--summary")
        .arg(dir.path().join("s.json"))
        .assert()
        .success();
    // Checked first: were the pipe replaced, the reader would wait on it forever, and the
    // /dev/null step below must never run.
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a pipe");
    let text = reader.join().unwrap();
    assert_eq!(text.lines().count(), 21);
    assert_eq!(files_in(dir.path()), vec!["pipe", "s.json"]);
    // Two flags may name the same device.
    prequal()
        .args(["impact", "--old", "examples/packs/shenzhen-park-loan-2.json", "--new"])
        .args(["examples/packs/shenzhen-park-loan-2.json", "--input", "examples/tenants/tenants-zh-20.csv"])
        .args(["--output", "/dev/null", "--html", "/dev/null", "--summary", "/dev/null"])
        .assert()
        .success();
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}
