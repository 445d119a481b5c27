//! Every string the widget shows, in Simplified Chinese (the default) and English.
//!
//! One table, so a missing translation is a compile error. Texts with `{}` take arguments
//! through [`fill`], in order. Names from the pack (products, banks, parks) and from the
//! engine (industries, criteria messages) come with their own two languages.

use prequal::report::Verdict;
use prequal::size::SizeClass;
use prequal::Lang;

macro_rules! table {
    ($($name:ident => $zh:literal, $en:literal;)*) => {
        /// A UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum T { $($name,)* }

        impl T {
            /// Every string, for tests.
            pub const ALL: &'static [T] = &[$(T::$name,)*];

            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                // A table rather than a match: a few bytes of code instead of a branch per string.
                const TABLE: &[(&str, &str)] = &[$(($zh, $en),)*];
                match TABLE.get(self as usize) {
                    Some((zh, _)) if lang == Lang::ZhCn => zh,
                    Some((_, en)) => en,
                    None => "",
                }
            }
        }
    };
}

table! {
    Title => "园区贷预审", "Park loan pre-check";
    Subtitle => "几分钟了解是否可能符合条件、可贷多少、贴息后成本。", "See in a minute whether you are likely to qualify, for how much, and what it costs after subsidy.";
    Language => "语言", "Language";
    Loading => "正在加载…", "Loading…";
    PolicyFailed => "无法加载政策数据包", "The policy pack could not be loaded";
    PolicyInvalid => "政策数据包有误，无法测算", "The policy pack is not valid, so nothing can be estimated";
    PolicyAddress => "地址：", "Address: ";
    PolicyTryLater => "请稍后重试，或联系本网站管理员。", "Please try again later, or contact this website's administrator.";
    PackLabel => "数据包：", "Pack: ";
    AsOf => "测算日期 {} · 1年期LPR {}", "As of {} · 1-year LPR {}";
    AsOfInvalid => "as-of 日期“{}”无效，已按数据包日期测算。", "The as-of date \"{}\" is not valid; the pack's date is used.";
    FirmInvalid => "页面预填的企业信息有误，已忽略：", "The firm data pre-filled by this page is invalid and was ignored: ";
    Steps => "填写步骤", "Form steps";
    StepOf => "第 {} 步，共 {} 步", "Step {} of {}";
    StepCompany => "企业概况", "Company";
    StepCredit => "纳税与信用", "Tax and credit";
    StepQualifications => "资质与负债", "Qualifications and debt";
    StepMore => "补充信息", "More details";
    StepLoan => "贷款需求", "Loan";
    Back => "上一步", "Back";
    Next => "下一步", "Next";
    SeeResults => "查看结果", "See results";
    NotSure => "不确定", "Not sure";
    Choose => "请选择", "Choose…";
    OtherPark => "其他园区（不在列表中）", "Another park (not listed)";
    ProductDefault => "按产品默认", "Product default";
    TermDefault => "按产品最长期限", "Product's longest term";
    Months => "{} 个月", "{} months";
    Equals => "即 {}", "= {}";
    Results => "预审结果", "Results";
    ResultsCount => "{} 个产品，按推荐程度排序", "{} products, best first";
    FixInputs => "有 {} 项输入需更正，暂未计入结果。", "Answers to fix: {} (left out of the results for now).";
    FirmSize => "企业规模", "Firm size";
    Micro => "微型企业", "micro";
    Small => "小型企业", "small";
    Medium => "中型企业", "medium";
    Large => "大型企业（非中小企业）", "large (not an SME)";
    SizeUnknown => "待定（需补充规模数据）", "unknown (figures missing)";
    Eligible => "可能符合", "Likely eligible";
    NeedsInfo => "需补充信息", "Needs information";
    Ineligible => "暂不符合", "Not eligible";
    Limit => "预估额度", "Estimated limit";
    LimitUnknown => "待定", "To be determined";
    Loan => "测算金额与期限", "Amount and term quoted";
    LoanTerm => "{}，{}", "{}, {}";
    Rate => "年利率", "Annual rate";
    Fee => "担保费", "Guarantee fee";
    FeeNone => "无担保费", "No guarantee fee";
    FeeRate => "费率 {}/年", "{} a year";
    FirstPayment => "首期还款", "First monthly payment";
    TotalCost => "总成本（利息＋担保费）", "Total cost (interest + fees)";
    Apr => "年化综合成本（APR）", "APR (all-in annual cost)";
    Before => "补贴前", "before subsidy";
    NotPriced => "额度确定后可测算利率与还款。", "Rates and payments follow once the limit is known.";
    CannotPrice => "无法测算：", "Cannot calculate: ";
    WhyNot => "未满足的条件", "Not met";
    WhatsMissing => "需补充的信息", "Information needed";
    Advisory => "提示（不影响结论）", "Advisory (does not decide)";
    AllMet => "已满足全部 {} 项条件。", "All {} criteria are met.";
    AllCriteria => "查看全部条件（{}）", "All criteria ({})";
    Met => "符合", "met";
    NotMet => "不符合", "not met";
    Unknown => "待补充", "unknown";
    Change => "可改变结果：", "What would change it: ";
    Subsidies => "适用补贴", "Subsidies";
    SubsidyMayApply => "可能适用（需补充信息）", "may apply (more information needed)";
    Schedule => "还款计划与图表", "Repayment schedule and chart";
    ScheduleCaption => "还款计划（金额单位：元）", "Repayment schedule (amounts in yuan)";
    Total => "合计", "Total";
    TableLabel => "还款计划表，可横向滚动", "Repayment schedule table, scrolls sideways";
    Period => "期数", "Period";
    Payment => "还款额", "Payment";
    Principal => "本金", "Principal";
    Interest => "利息", "Interest";
    Balance => "剩余本金", "Balance";
    ChartBalance => "剩余本金", "Balance outstanding";
    ChartPayments => "每期还款构成", "What each payment is made of";
    ChartLabel => "图表：剩余本金在 {} 个月内从 {} 降至 0；每期还款中本金与利息的构成。详见下表。", "Chart: over {} months the balance falls from {} to 0; each payment is split into principal and interest. The table below has every figure.";
    Excluded => "当前不在办理期内", "Not offered on this date";
    Apply => "申请此产品", "Apply for this product";
    ApplyTitle => "确认提供以下摘要", "Give this summary to the website?";
    ApplyExplain => "点击“提交”后，以下摘要会交给本网站，由其与您联系办理。本组件自身不通过网络发送任何信息。", "When you press Submit, the summary below is handed to this website so it can contact you. The widget itself sends nothing over the network.";
    ApplyConsent => "我同意将以上摘要提供给本网站", "I agree to give this summary to this website";
    ApplyNeedsConsent => "请先勾选同意。", "Please tick the box to agree first.";
    Submit => "提交", "Submit";
    Cancel => "取消", "Cancel";
    ApplySent => "摘要已交给本网站，请留意其联系。", "The summary was handed to this website; it will be in touch.";
    Product => "产品", "Product";
    Bank => "银行", "Bank";
    YourAnswers => "您填写的信息", "Your answers";
    Estimate => "以上为根据所填信息的预估，不构成贷款要约或审批承诺，以银行和担保机构审批为准。", "This is an estimate from your answers, not a loan offer or an approval; the bank and guarantor decide.";
    Announce => "{} 个产品：{} 个可能符合，{} 个需补充信息，{} 个暂不符合。", "{} products: {} likely eligible, {} need information, {} not eligible.";
    AnnounceBest => "首选 {}，额度 {}，补贴后年化 {}。", " Best: {}, limit {}, net APR {}.";
    Yes => "是", "Yes";
    No => "否", "No";
    QuestionsLeft => "还有 {} 个问题会影响结果", "Questions left that decide the results: {}";
    AskFirst => "先回答影响产品最多的问题：", "Answer first what decides the most products:";
    Decides => "影响 {} 个产品", "decides {} of the products";
    AndMore => "另有 {} 个问题，见各产品。", "{} more under the products.";
    CardLeft => "还需回答 {} 个问题：", "Questions left ({}): ";
    ListSep => "、", ", ";
    ErrNumber => "请输入数字", "Enter a number";
    ErrWhole => "请输入整数", "Enter a whole number";
    ErrNegative => "不能为负数", "Cannot be negative";
    ErrMin => "不能小于 {}", "Must be at least {}";
    ErrMax => "不能超过 {}", "Must be at most {}";
    ErrDecimals => "最多保留 {} 位小数", "At most {} decimal places";
    ErrZero => "须大于 0，或留空按预估额度测算", "Must be above 0, or leave empty to use the estimated limit";
    ErrChoice => "请从列表中选择", "Choose from the list";
    LabelIndustry => "所属行业", "Industry";
    LabelPark => "所在园区", "Park";
    LabelEmployees => "从业人数", "Employees";
    LabelRevenue => "上年营业收入", "Operating revenue, last year";
    LabelAssets => "资产总额", "Total assets";
    LabelYears => "经营年限", "Years in operation";
    LabelYearsInPark => "入园年限", "Years in the park";
    LabelTaxGrade => "纳税信用等级", "Tax credit grade";
    LabelTaxPaid => "上年纳税额", "Tax paid last year";
    LabelOverdueNow => "当前逾期贷款笔数", "Loans overdue now";
    LabelOverdue12 => "近12个月逾期次数", "Overdue records, last 12 months";
    LabelOverdue24 => "近24个月逾期次数", "Overdue records, last 24 months";
    LabelInquiries => "近6个月征信查询次数", "Credit report inquiries, last 6 months";
    LabelRepAge => "法定代表人年龄", "Legal representative's age";
    LabelDebtRatio => "资产负债率", "Debt ratio (liabilities ÷ assets)";
    LabelExisting => "现有信用贷款余额", "Unsecured loans outstanding";
    LabelNational => "国家级专精特新“小巨人”企业", "National 专精特新 \"little giant\"";
    LabelProvincial => "省级专精特新中小企业", "Provincial 专精特新 SME";
    LabelHighTech => "国家高新技术企业", "National high-tech enterprise";
    LabelTechSme => "科技型中小企业", "Tech-based SME";
    LabelFirstLoan => "首次申请银行贷款（首贷户）", "First bank loan ever";
    LabelAmount => "拟申请金额", "Amount you want";
    LabelTerm => "贷款期限", "Term";
    LabelMethod => "还款方式", "Repayment method";
    HintAmount => "留空则按预估额度测算", "Leave empty to use the estimated limit";
    HintTaxGrade => "A：90分以上；B：70–89分；M：新设立企业；C：40–69分；D：40分以下", "A: 90+ points; B: 70–89; M: new firm; C: 40–69; D: below 40";
    HintYears => "自成立起算，可填小数，如 2.5", "Since founding; decimals allowed, e.g. 2.5";
    UnitWan => "万元", "×10,000 ¥";
    UnitPeople => "人", "people";
    UnitYears => "年", "years";
    UnitTimes => "次", "times";
    UnitLoans => "笔", "loans";
    UnitAge => "岁", "years old";
    UnitPercent => "%", "%";
    Broken => "出现问题，请刷新页面重试。", "Something went wrong; please reload the page.";
    PackVersion => "{}（版本 {}）", "{} (version {})";
    YearsOp => "经营 {} 年", "{} years in operation";
}

/// `template` with each `{}` replaced by the next argument.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(args.next().copied().unwrap_or_default());
        rest = rest.get(at + 2..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The verdict as a visitor reads it.
pub fn verdict(lang: Lang, verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => T::Eligible.get(lang),
        Verdict::NeedsInfo => T::NeedsInfo.get(lang),
        Verdict::Ineligible => T::Ineligible.get(lang),
    }
}

/// The verdict's stable id (also its CSS class and event value).
pub fn verdict_id(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "eligible",
        Verdict::NeedsInfo => "needs_info",
        Verdict::Ineligible => "ineligible",
    }
}

/// The SME size class as a visitor reads it.
pub fn size(lang: Lang, size: SizeClass) -> &'static str {
    match size {
        SizeClass::Micro => T::Micro.get(lang),
        SizeClass::Small => T::Small.get(lang),
        SizeClass::Medium => T::Medium.get(lang),
        SizeClass::Large => T::Large.get(lang),
        SizeClass::Unknown => T::SizeUnknown.get(lang),
    }
}

/// The size class's stable id.
pub fn size_id(size: SizeClass) -> &'static str {
    match size {
        SizeClass::Micro => "micro",
        SizeClass::Small => "small",
        SizeClass::Medium => "medium",
        SizeClass::Large => "large",
        SizeClass::Unknown => "unknown",
    }
}

/// The BCP 47 tag of a language, for `lang` attributes.
pub fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "zh-CN",
        Lang::En => "en",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_in_both_languages() {
        for t in T::ALL {
            let (zh, en) = (t.get(Lang::ZhCn), t.get(Lang::En));
            assert!(!zh.is_empty() && !en.is_empty(), "{t:?}");
            assert_eq!(zh.matches("{}").count(), en.matches("{}").count(), "{t:?} placeholders");
            assert!(!zh.contains('<') && !en.contains('<'), "{t:?} must be plain text");
        }
    }

    #[test]
    fn fills_in_order() {
        assert_eq!(fill("第 {} 步，共 {} 步", &["2", "4"]), "第 2 步，共 4 步");
        assert_eq!(fill("{} and {}", &["a"]), "a and ");
        assert_eq!(fill("no args", &["x"]), "no args");
    }
}
