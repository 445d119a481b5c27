//! Synthetic tenant lists for `prequal screen`: realistic mixes of industries, sizes,
//! tax grades, parks and missing values, from a fixed seed, so every run gives the same
//! bytes and the committed lists can be regenerated and checked.
//!
//! cargo run -p prequal-cli --example gen_tenants -- 1000 > examples/tenants/tenants-1000.csv
//! cargo run -p prequal-cli --example gen_tenants -- 20 --zh > examples/tenants/tenants-zh-20.csv
//! cargo run --profile bench -p prequal-cli --example gen_tenants -- 1000000 > target/tenants-1m.csv
//!
//! Options: `--seed N` (default 2026), `--zh` for Chinese headers. The rows of a larger
//! list start with the rows of a smaller one from the same seed.
//!
//! Everything is integer arithmetic (yuan, percent, months): the figures are data, not
//! calculations, and a tiny PRNG (splitmix64) keeps the generator free of dependencies.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// The default seed: the lists under examples/tenants/ are made with it.
pub const SEED: u64 = 2026;

/// Column headers, English (the firm profile's field names) and Chinese.
pub const HEADERS: [(&str, &str); 27] = [
    ("id", "编号"),
    ("name", "企业名称"),
    ("industry", "行业"),
    ("employees", "从业人数"),
    ("revenue", "营业收入"),
    ("total_assets", "资产总额"),
    ("founded", "成立日期"),
    ("years_in_operation", "经营年限"),
    ("park", "所在园区"),
    ("years_in_park", "入园年限"),
    ("tax_grade", "纳税信用等级"),
    ("annual_tax_paid", "年纳税额"),
    ("overdue_current", "当前逾期"),
    ("overdue_12m", "近12个月逾期"),
    ("overdue_24m", "近24个月逾期"),
    ("inquiries_6m", "近6个月查询"),
    ("legal_rep_age", "法人年龄"),
    ("debt_ratio", "资产负债率"),
    ("existing_credit_loans", "现有信用贷款"),
    ("specialized_national", "专精特新小巨人"),
    ("specialized_provincial", "省级专精特新"),
    ("high_tech", "高新技术企业"),
    ("tech_sme", "科技型中小企业"),
    ("first_loan", "首贷"),
    ("requested_amount", "申请金额"),
    ("term_months", "期限"),
    ("repayment_method", "还款方式"),
];

/// splitmix64: tiny, fast, and good enough for synthetic data.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0), by the multiply-shift method.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in lo..=hi.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// An index into `weights`, with probability proportional to each weight.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut pick = self.below(total.max(1));
        for (i, w) in weights.iter().enumerate() {
            if pick < *w {
                return i;
            }
            pick -= w;
        }
        0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = self.below(items.len() as u64) as usize;
        items.get(i).copied().unwrap_or("")
    }
}

/// (industry id, weight in percent, revenue per employee in thousand yuan: low, high,
/// tech-leaning).
const INDUSTRIES: [(&str, u64, u64, u64, bool); 16] = [
    ("industry", 22, 250, 1200, true),
    ("software_it", 18, 200, 900, true),
    ("wholesale", 10, 1000, 5000, false),
    ("retail", 9, 300, 1500, false),
    ("leasing_business_services", 8, 200, 1000, false),
    ("information_transmission", 5, 300, 1500, true),
    ("transport", 4, 200, 800, false),
    ("catering", 4, 100, 400, false),
    ("construction", 4, 300, 1500, false),
    ("warehousing", 3, 200, 900, false),
    ("accommodation", 2, 100, 500, false),
    ("property_management", 3, 80, 300, false),
    ("agriculture", 2, 100, 600, false),
    ("real_estate_development", 2, 2000, 9000, false),
    ("postal", 1, 150, 500, false),
    ("other", 3, 150, 800, false),
];

/// Parks: the default pack's, the Longhua pack's, some outside both, and none.
const PARKS: [(&str, u64); 9] = [
    ("xinghe-world", 22),
    ("longgang-tech-park", 16),
    ("pingshan-innovation-park", 14),
    ("longhua-digital-park", 10),
    ("guanlan-hightech-park", 8),
    ("dayun-software-town", 7),
    ("futian-trade-centre", 5),
    ("baoan-industrial-zone", 6),
    ("", 12),
];

const NAME_WORDS: [&str; 20] = [
    "华", "鹏", "创", "星", "海", "龙", "智", "联", "远", "信", "恒", "博", "新", "金", "达", "科", "盛", "安", "泰",
    "宇",
];

const TRADE_WORDS: [&str; 16] = [
    "精密制造",
    "软件",
    "商贸",
    "百货",
    "商务服务",
    "通信",
    "物流",
    "餐饮",
    "建设",
    "仓储",
    "酒店管理",
    "物业管理",
    "农业",
    "置业",
    "速递",
    "实业",
];

/// One firm as CSV cells, in the order of [`HEADERS`]. Empty cells are unknown values.
pub fn tenant(rng: &mut Rng, index: u64) -> Vec<String> {
    let weights: Vec<u64> = INDUSTRIES.iter().map(|i| i.1).collect();
    let which = rng.weighted(&weights);
    let (industry, _, per_head_lo, per_head_hi, techy) = INDUSTRIES[which];
    let employees = match rng.weighted(&[45, 35, 16, 4]) {
        0 => rng.range(1, 19),
        1 => rng.range(20, 99),
        2 => rng.range(100, 299),
        _ => rng.range(300, 2500),
    };
    let revenue = employees * rng.range(per_head_lo, per_head_hi) * 1000;
    let assets = revenue * rng.range(30, 150) / 100 / 1000 * 1000;
    let age_months = if rng.chance(20) { rng.range(1, 24) } else { rng.range(25, 330) };
    let mut row = vec![String::new(); HEADERS.len()];
    let mut set = |column: &str, value: String| {
        if let Some(i) = HEADERS.iter().position(|(name, _)| *name == column) {
            row[i] = value;
        }
    };
    set("id", format!("T{index:07}"));
    set("name", format!("深圳市{}{}{}有限公司", rng.pick(&NAME_WORDS), rng.pick(&NAME_WORDS), TRADE_WORDS[which]));
    set("industry", industry.to_string());
    set("employees", maybe(rng, 5, employees.to_string()));
    set("revenue", maybe(rng, 6, revenue.to_string()));
    set("total_assets", maybe(rng, 20, assets.to_string()));
    match rng.weighted(&[80, 8, 12]) {
        0 => set("founded", founded(rng, age_months)),
        1 => set("years_in_operation", (age_months / 12).to_string()),
        _ => {}
    }
    let parks: Vec<u64> = PARKS.iter().map(|p| p.1).collect();
    let park = PARKS[rng.weighted(&parks)].0;
    set("park", park.to_string());
    if !park.is_empty() && !rng.chance(12) {
        let halves = rng.range(1, (age_months / 6).clamp(1, 24));
        set("years_in_park", half_years(halves));
    }
    let grade = ["A", "B", "M", "C", "D", ""][rng.weighted(&[32, 35, 10, 10, 3, 10])];
    set("tax_grade", grade.to_string());
    let tax_permille = if grade == "M" { rng.range(2, 15) } else { rng.range(5, 60) };
    set("annual_tax_paid", maybe(rng, 12, (revenue * tax_permille / 1000 / 100 * 100).to_string()));
    set("overdue_current", count(rng, &[93, 4, 3], 1, 2));
    set("overdue_12m", count(rng, &[85, 10, 5], 1, 3));
    set("overdue_24m", count(rng, &[76, 18, 6], 1, 4));
    let inquiries = match rng.weighted(&[85, 8, 7]) {
        0 => rng.range(0, 8).to_string(),
        1 => rng.range(9, 25).to_string(),
        _ => String::new(),
    };
    set("inquiries_6m", inquiries);
    let age = rng.range(25, 66);
    set("legal_rep_age", maybe(rng, 6, age.to_string()));
    // The mean of two uniforms: most firms near 45%, a few above 70%.
    let debt_percent = (rng.range(5, 90) + rng.range(5, 90)) / 2;
    set("debt_ratio", maybe(rng, 10, format!("0.{debt_percent:02}")));
    let loans = if rng.chance(45) { 0 } else { revenue * rng.range(1, 25) / 100 / 10_000 * 10_000 };
    set("existing_credit_loans", maybe(rng, 15, loans.to_string()));
    let (tech, other) = if techy { (1, 0) } else { (0, 1) };
    let national = rng.chance(2 * tech + other);
    let provincial = national || rng.chance(8 * tech + 2 * other);
    let high_tech = provincial || rng.chance(30 * tech + 5 * other);
    let tech_sme = rng.chance(35 * tech + 8 * other);
    set("specialized_national", flag(rng, national));
    set("specialized_provincial", flag(rng, provincial));
    set("high_tech", flag(rng, high_tech));
    set("tech_sme", flag(rng, tech_sme));
    let first_loan = rng.chance(30);
    set("first_loan", flag(rng, first_loan));
    if rng.chance(55) {
        let share = rng.range(5, 30);
        let wanted = (revenue * share / 100).clamp(100_000, 5_000_000) / 50_000 * 50_000;
        set("requested_amount", wanted.to_string());
    }
    if rng.chance(50) {
        set("term_months", rng.pick(&["6", "12", "24", "36"]).to_string());
    }
    if rng.chance(25) {
        let method = ["equal_installment", "interest_only", "equal_principal"];
        set("repayment_method", rng.pick(&method).to_string());
    }
    row
}

/// `value`, or empty (unknown) with probability `missing` percent.
fn maybe(rng: &mut Rng, missing: u64, value: String) -> String {
    if rng.chance(missing) {
        String::new()
    } else {
        value
    }
}

/// A count: zero, lo..=hi, or unknown, by the three weights.
fn count(rng: &mut Rng, weights: &[u64; 3], lo: u64, hi: u64) -> String {
    match rng.weighted(weights) {
        0 => "0".to_string(),
        1 => rng.range(lo, hi).to_string(),
        _ => String::new(),
    }
}

/// A yes/no in the several spellings real lists use, unknown 15% of the time.
fn flag(rng: &mut Rng, yes: bool) -> String {
    if rng.chance(15) {
        return String::new();
    }
    let spelled = match (rng.below(3), yes) {
        (0, true) => "true",
        (0, false) => "false",
        (1, true) => "yes",
        (1, false) => "no",
        (_, true) => "1",
        (_, false) => "0",
    };
    spelled.to_string()
}

/// Founding date `months` before 2026-02 (the default pack's as-of month).
fn founded(rng: &mut Rng, months: u64) -> String {
    let total = 2026 * 12 + 1 - months; // months since year 0, January = 0
    format!("{}-{:02}-{:02}", total / 12, total % 12 + 1, rng.range(1, 28))
}

/// `halves` half-years as a decimal: 3 → `1.5`.
fn half_years(halves: u64) -> String {
    if halves % 2 == 0 {
        (halves / 2).to_string()
    } else {
        format!("{}.5", halves / 2)
    }
}

/// Write a list of `rows` firms (header line first).
pub fn write_tenants(rows: u64, seed: u64, zh: bool, out: &mut impl Write) -> io::Result<()> {
    let header: Vec<&str> = HEADERS.iter().map(|(en, cn)| if zh { *cn } else { *en }).collect();
    writeln!(out, "{}", header.join(","))?;
    let mut rng = Rng::new(seed);
    for index in 1..=rows {
        // No cell holds a comma, quote or newline, so plain joining is valid CSV.
        writeln!(out, "{}", tenant(&mut rng, index).join(","))?;
    }
    Ok(())
}

struct Options {
    rows: u64,
    seed: u64,
    zh: bool,
}

fn options() -> Result<Options, String> {
    let mut options = Options { rows: 1000, seed: SEED, zh: false };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--zh" => options.zh = true,
            "--seed" => {
                let text = args.next().unwrap_or_default();
                options.seed = text.parse().map_err(|_| format!("--seed: a whole number, got \"{text}\""))?;
            }
            text => {
                options.rows =
                    text.parse().map_err(|_| format!("usage: gen_tenants ROWS [--seed N] [--zh]; got \"{text}\""))?;
            }
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            let _ = writeln!(io::stderr(), "{message}");
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let written = write_tenants(options.rows, options.seed, options.zh, &mut out).and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "gen_tenants: {e}");
            ExitCode::from(2)
        }
    }
}
