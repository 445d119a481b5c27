//! The command line: names, flags and help texts. These names are a contract; scripts
//! depend on them, so change them only by adding.

use clap::{Args, Parser, Subcommand, ValueEnum};
use prequal::Lang;
use std::path::PathBuf;

/// Loan pre-qualification for Shenzhen park loans (园区贷 2.0): eligibility, limits,
/// subsidised rates, repayment schedules and annualised cost, exact to the cent.
#[derive(Debug, Parser)]
#[command(name = "prequal", version, after_help = EXAMPLES)]
pub struct Cli {
    /// Language of messages and tables: en or zh-CN.
    #[arg(long, global = true, value_name = "LANG", default_value = "en", value_parser = parse_lang)]
    pub lang: Lang,

    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "\
Examples:
  prequal quote --firm examples/firms/eligible.json --format table
  prequal schedule --principal 1000000 --annual-rate 0.0345 --months 36 --method equal-installment
  prequal classify --industry software_it --employees 40 --revenue 12000000
  prequal screen --input examples/tenants/tenants-1000.csv --output results.csv
  prequal impact --old examples/packs/shenzhen-park-loan-2.json --new examples/packs/shenzhen-park-loan-2-reform-1pp.json --input examples/tenants/tenants-1000.csv --html impact.html
  prequal advise --firm examples/firms/eligible.json --max-payment 100000 --format table
  prequal policy validate examples/packs/shenzhen-park-loan-2.json

Exit codes: 0 ok; 1 some input rows could not be evaluated (screen, impact); 2 usage error,
unreadable input or unwritable output.";

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("expected en or zh-CN, got \"{text}\""))
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate one firm against every product of a policy pack: verdicts, limits, rates,
    /// subsidies, schedules, cash flows and APRs.
    #[command(after_help = QUOTE_EXAMPLES)]
    Quote(QuoteArgs),
    /// Compute a repayment schedule, to the cent.
    #[command(after_help = SCHEDULE_EXAMPLES)]
    Schedule(ScheduleArgs),
    /// Classify a firm's size (micro, small, medium, large) by 工信部联企业〔2011〕300号.
    #[command(after_help = CLASSIFY_EXAMPLES)]
    Classify(ClassifyArgs),
    /// Screen a whole tenant list (CSV): one result row per firm, in input order.
    #[command(after_help = SCREEN_HELP)]
    Screen(ScreenArgs),
    /// What a pack change does to a tenant list: each firm's best verdict, limit, net APR
    /// and subsidy under the old and the new pack, the verdict transitions, and both
    /// portfolios' totals with their difference.
    #[command(after_help = IMPACT_HELP)]
    Impact(ImpactArgs),
    /// The cheapest way for one firm to borrow an amount: every product, term and repayment
    /// method it could borrow with, best first, and what a lower largest payment costs in total
    #[command(after_help = ADVISE_EXAMPLES)]
    Advise(AdviseArgs),
    /// Check policy packs and print their JSON Schema.
    #[command(subcommand, after_help = POLICY_EXAMPLES)]
    Policy(PolicyCommand),
}

const ADVISE_EXAMPLES: &str = "\
Candidates: every product in force, every term that is a multiple of 6 months within the
product's range plus its shortest and longest, every repayment method it offers. An option
is eligible, lends the whole amount, and keeps every scheduled payment (principal +
interest) within --max-payment. Its figures are those `prequal quote` gives the firm asking
for that amount, term and method. Ties: lower largest payment, shorter term, the product's
place in the pack, then equal-installment, equal-principal, interest-only.

Examples:
  prequal advise --firm examples/firms/eligible.json --format table
  prequal advise --firm examples/firms/eligible.json --amount 2000000 --max-payment 100000
  prequal advise --firm firm.json --objective max-payment --lang zh-CN --format table";

const POLICY_EXAMPLES: &str = "\
Examples:
  prequal policy validate examples/packs/longhua-bank-mix.json
  prequal policy schema > policy.schema.json";

const QUOTE_EXAMPLES: &str = "\
The evaluation date defaults to the pack's market.as_of date, not today's date, so the
same inputs always give the same output. Pass --as-of to evaluate for another day.

Examples:
  prequal quote --firm examples/firms/eligible.json
  prequal quote --firm examples/firms/needs-info.json --format table --lang zh-CN
  prequal quote --firm firm.json --policy examples/packs/longhua-bank-mix.json --as-of 2026-03-01";

const SCHEDULE_EXAMPLES: &str = "\
Amounts are decimal strings with two places, rounded half away from zero (四舍五入).

Examples:
  prequal schedule --principal 1000000 --annual-rate 0.0345 --months 36 --method equal-installment
  prequal schedule --principal 15000 --annual-rate 8% --months 60 --method equal-principal --format table
  prequal schedule --principal 3000000 --annual-rate 0.031 --months 12 --method interest-only --format csv";

const CLASSIFY_EXAMPLES: &str = "\
A figure the industry's row needs but that is not given makes the size \"unknown\";
the output lists the figures the row needs.

Examples:
  prequal classify --industry software_it --employees 40 --revenue 12000000
  prequal classify --industry construction --revenue 50000000 --assets 30000000 --format table
  prequal classify --industry 零售业 --employees 12 --revenue 4500000";

const SCREEN_HELP: &str = "\
The input is a UTF-8 CSV with a header line. Columns (English or Chinese headers):
  id (编号), name (企业名称), industry (行业, required), employees (从业人数),
  revenue (营业收入), total_assets (资产总额), founded (成立日期), years_in_operation
  (经营年限), park (所在园区), years_in_park (入园年限), tax_grade (纳税信用等级),
  annual_tax_paid (年纳税额), overdue_current (当前逾期), overdue_12m (近12个月逾期),
  overdue_24m (近24个月逾期), inquiries_6m (近6个月查询), legal_rep_age (法人年龄),
  debt_ratio (资产负债率), existing_credit_loans (现有信用贷款), specialized_national
  (专精特新小巨人), specialized_provincial (省级专精特新), high_tech (高新技术企业),
  tech_sme (科技型中小企业), first_loan (首贷), requested_amount (申请金额),
  term_months (期限), repayment_method (还款方式).
An empty cell is unknown. Yes/no columns take true/false, yes/no, 是/否 or 1/0.
A pack that declares facts (its \"facts\") adds a column per fact, headed by the
fact's id or its Chinese label: yes/no facts take the values above, numbers plain
decimals within the declared range, choices the choice's id or its label.
An unknown header is an error (exit 2). A bad row is reported with its line number on
stderr and in the output's error column, and the run goes on (exit 1 at the end).

Output columns: line, id, name, size_class, best_product, verdict, limit, apr_net,
failed, unknown, error, loan_amount, interest_subsidy, fee_subsidy, total_cost_net
(failed/unknown: ids of the best product's required criteria that failed or could not
be checked, separated by \";\"; the last four: the loan the best quote prices, its
interest and guarantee fee subsidies and its total cost after subsidies, yuan, empty
without a loan). The output is written to a temporary file and renamed when complete,
so a failed run leaves no partial file.

--summary FILE writes the portfolio totals as JSON: firms, errors, by_verdict, and for
the firms whose best verdict is eligible (each taking its quote's loan) the loan amount,
interest and fee subsidy, subsidy by scheme and default loss by risk role, amounts as
decimal strings. --html FILE writes the same figures as a self-contained report (no
script, no stylesheet, nothing fetched). Both are written atomically like the output.

Examples:
  prequal screen --input examples/tenants/tenants-1000.csv --output results.csv
  prequal screen --input tenants.csv --policy examples/packs/longhua-bank-mix.json --output results.json
  prequal screen --input tenants.csv --format json > results.json
  prequal screen --input tenants.csv --output results.csv --summary totals.json --html report.html";

const IMPACT_HELP: &str = "\
The tenant list is read as for `prequal screen` (see `prequal screen --help`); columns
may also name the facts either pack declares (a fact both declare is read by the old
pack's declaration). Each firm is screened under both packs, each on its own
market.as_of date unless --as-of is given.

Output columns (one row per input row, in input order): line, id, name; then for the old
and the new pack: old_product, old_verdict, old_limit, old_apr_net, old_subsidy,
new_product, new_verdict, new_limit, new_apr_net, new_subsidy (the best product, its
verdict, limit, net APR, and interest + guarantee fee subsidy of its loan); changed_by
(when the verdicts differ: the ids of the required criteria that fail or are unknown
under one pack and not the same under the other, separated by \";\"); error.

--summary FILE writes the impact as JSON: firms, transitions (\"old->new\" verdict
counts), and the eligible firms' totals under the old pack, the new pack, and the change.
--html FILE writes a self-contained report: verdicts old against new, subsidy by scheme
and by provider, default loss by party, net APR distribution, and the firms whose verdict
changes (the first 200; the rows output has them all).

Examples:
  prequal impact --old examples/packs/shenzhen-park-loan-2.json --new examples/packs/shenzhen-park-loan-2-reform-1pp.json \\
    --input examples/tenants/tenants-1000.csv --output impact.csv --summary impact.json --html impact.html
  prequal impact --old examples/packs/shenzhen-park-loan-2.json --new examples/packs/longhua-bank-mix.json \\
    --input tenants.csv --format json --lang zh-CN > impact.json";

/// `prequal quote`.
#[derive(Debug, Args)]
pub struct QuoteArgs {
    /// The firm profile (JSON; see examples/firms/).
    #[arg(long, value_name = "FILE")]
    pub firm: PathBuf,
    /// The policy pack (JSON). Default: the bundled Shenzhen park loan 2.0 pack.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Evaluation date, YYYY-MM-DD. Default: the pack's market.as_of date (not the clock).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub format: ReportFormat,
}

/// Formats of one result.
/// `prequal advise`.
#[derive(Debug, Args)]
pub struct AdviseArgs {
    /// The firm profile (JSON; see examples/firms/)
    #[arg(long, value_name = "FILE")]
    pub firm: PathBuf,
    /// The policy pack (JSON). Default: the bundled Shenzhen park loan 2.0 pack
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Evaluation date, YYYY-MM-DD. Default: the pack's market.as_of date (not the clock)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// The amount to borrow, yuan. Default: the firm's requested_amount
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub amount: Option<String>,
    /// The most the firm can pay in any one period (principal + interest), yuan
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub max_payment: Option<String>,
    /// What to minimise
    #[arg(long, value_enum, default_value_t = ObjectiveArg::TotalCost)]
    pub objective: ObjectiveArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub format: ReportFormat,
}

/// What `prequal advise` minimises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ObjectiveArg {
    /// Total cost after subsidies (interest + guarantee fee − subsidies)
    #[value(alias = "total_cost")]
    TotalCost,
    /// Annualised cost after subsidies (net APR)
    Apr,
    /// The largest scheduled payment
    #[value(alias = "max_payment")]
    MaxPayment,
}

impl From<ObjectiveArg> for prequal::advise::Objective {
    fn from(arg: ObjectiveArg) -> Self {
        match arg {
            ObjectiveArg::TotalCost => prequal::advise::Objective::TotalCost,
            ObjectiveArg::Apr => prequal::advise::Objective::Apr,
            ObjectiveArg::MaxPayment => prequal::advise::Objective::MaxPayment,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Pretty JSON.
    Json,
    /// A table for people.
    Table,
}

/// `prequal schedule`.
#[derive(Debug, Args)]
pub struct ScheduleArgs {
    /// Amount lent, yuan (e.g. 1000000 or 1000000.50).
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub principal: String,
    /// Nominal annual rate as a fraction (0.0345) or a percentage (3.45%).
    #[arg(long, value_name = "RATE", allow_hyphen_values = true)]
    pub annual_rate: String,
    /// Number of monthly periods, 1 to 600.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub months: String,
    /// Repayment method.
    #[arg(long, value_enum)]
    pub method: Method,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScheduleFormat::Json)]
    pub format: ScheduleFormat,
}

/// Repayment methods, as flags spell them (underscores are accepted too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Method {
    /// 等额本息: the same payment every month.
    #[value(alias = "equal_installment")]
    EqualInstallment,
    /// 等额本金: the same principal every month.
    #[value(alias = "equal_principal")]
    EqualPrincipal,
    /// 先息后本: interest monthly, principal at maturity.
    #[value(alias = "interest_only")]
    InterestOnly,
}

/// Formats of a schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScheduleFormat {
    /// JSON: rows and totals.
    Json,
    /// A table for people.
    Table,
    /// CSV rows (period, payment, principal, interest, balance), no totals.
    Csv,
}

/// `prequal classify`.
#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// Industry id (e.g. software_it, industry, retail) or its Chinese name.
    #[arg(long, value_name = "ID")]
    pub industry: String,
    /// Employees (从业人员).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub employees: Option<String>,
    /// Operating revenue of the last year (营业收入), yuan.
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub revenue: Option<String>,
    /// Total assets (资产总额), yuan.
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub assets: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub format: ReportFormat,
}

/// `prequal screen`.
#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// The tenant list (UTF-8 CSV with a header line).
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
    /// The policy pack (JSON). Default: the bundled Shenzhen park loan 2.0 pack.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Where to write results. Default: standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format. Default: json when --output ends in .json, else csv.
    #[arg(long, value_enum)]
    pub format: Option<ScreenFormat>,
    /// Evaluation date, YYYY-MM-DD. Default: the pack's market.as_of date (not the clock).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Also write the portfolio totals (JSON) here.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Also write a self-contained HTML report of the totals here.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

/// `prequal impact`.
#[derive(Debug, Args)]
pub struct ImpactArgs {
    /// The pack in force (JSON).
    #[arg(long, value_name = "PACK")]
    pub old: PathBuf,
    /// The pack to compare it with (JSON).
    #[arg(long, value_name = "PACK")]
    pub new: PathBuf,
    /// The tenant list (UTF-8 CSV with a header line).
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
    /// Where to write one row per firm. Default: standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Rows format. Default: json when --output ends in .json, else csv.
    #[arg(long, value_enum)]
    pub format: Option<ScreenFormat>,
    /// Also write the impact (transitions and totals, JSON) here.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Also write a self-contained HTML report here.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Evaluation date for both packs, YYYY-MM-DD. Default: each pack's market.as_of date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
}

/// Formats of screening results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScreenFormat {
    /// CSV with a header line.
    Csv,
    /// A JSON array, one object per firm.
    Json,
}

/// `prequal policy ...`.
#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Check a pack and print every problem with its JSON path (exit 2 if any).
    #[command(after_help = "Example:\n  prequal policy validate examples/packs/longhua-bank-mix.json")]
    Validate {
        /// The policy pack (JSON).
        file: PathBuf,
    },
    /// Print the JSON Schema of policy packs (for editors and validators).
    #[command(after_help = "Example:\n  prequal policy schema > policy.schema.json")]
    Schema,
}
