//! SME size classification (工信部联企业〔2011〕300号), domain.md section 2.
//!
//! The table is data: one row per industry with a ceiling (a firm below EITHER figure
//! is an SME) and medium and small floors (BOTH figures must be reached). A figure the
//! row uses but the firm did not give makes the size unknown, never a guess.

use crate::error::Result;
use crate::json::{FromJson, Node};
use rust_decimal::Decimal;
use serde::Serialize;

/// The 16 industries of the classification, by the project's stable ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // the ids are self-describing; `Industry::name` gives the legal names
pub enum Industry {
    Agriculture,
    Industry,
    Construction,
    Wholesale,
    Retail,
    Transport,
    Warehousing,
    Postal,
    Accommodation,
    Catering,
    InformationTransmission,
    SoftwareIt,
    RealEstateDevelopment,
    PropertyManagement,
    LeasingBusinessServices,
    Other,
}

/// Size class of a firm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SizeClass {
    /// 微型企业
    Micro,
    /// 小型企业
    Small,
    /// 中型企业
    Medium,
    /// 大型企业 (not an SME)
    Large,
    /// A figure the industry's row needs is missing.
    Unknown,
}

/// The measures a row of the table can use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Measure {
    Staff,
    Revenue,
    Assets,
}

/// A threshold on one measure, in people or in yuan (万 already multiplied out).
#[derive(Clone, Copy, Debug)]
struct Bound {
    measure: Measure,
    at_least: i64,
}

/// One row of the table: the SME ceiling (below either) and the two floors (both).
struct Row {
    ceiling: &'static [Bound],
    medium: &'static [Bound],
    small: &'static [Bound],
}

const WAN: i64 = 10_000;

const fn staff(n: i64) -> Bound {
    Bound { measure: Measure::Staff, at_least: n }
}
const fn revenue(wan: i64) -> Bound {
    Bound { measure: Measure::Revenue, at_least: wan * WAN }
}
const fn assets(wan: i64) -> Bound {
    Bound { measure: Measure::Assets, at_least: wan * WAN }
}

impl Industry {
    /// Every industry, in the order of the table.
    pub const ALL: [Industry; 16] = [
        Industry::Agriculture,
        Industry::Industry,
        Industry::Construction,
        Industry::Wholesale,
        Industry::Retail,
        Industry::Transport,
        Industry::Warehousing,
        Industry::Postal,
        Industry::Accommodation,
        Industry::Catering,
        Industry::InformationTransmission,
        Industry::SoftwareIt,
        Industry::RealEstateDevelopment,
        Industry::PropertyManagement,
        Industry::LeasingBusinessServices,
        Industry::Other,
    ];

    /// The stable id, e.g. `software_it`.
    pub fn id(self) -> &'static str {
        self.names().0
    }

    /// The legal name in Chinese, e.g. `软件和信息技术服务业`.
    pub fn name_zh(self) -> &'static str {
        self.names().1
    }

    /// The name in English.
    pub fn name_en(self) -> &'static str {
        self.names().2
    }

    /// Look an industry up by its stable id.
    pub fn from_id(id: &str) -> Option<Industry> {
        Industry::ALL.into_iter().find(|i| i.id() == id)
    }

    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Industry::Agriculture => {
                ("agriculture", "农林牧渔业", "agriculture, forestry, animal husbandry and fishery")
            }
            Industry::Industry => ("industry", "工业", "industry"),
            Industry::Construction => ("construction", "建筑业", "construction"),
            Industry::Wholesale => ("wholesale", "批发业", "wholesale"),
            Industry::Retail => ("retail", "零售业", "retail"),
            Industry::Transport => ("transport", "交通运输业", "transport"),
            Industry::Warehousing => ("warehousing", "仓储业", "warehousing"),
            Industry::Postal => ("postal", "邮政业", "postal services"),
            Industry::Accommodation => ("accommodation", "住宿业", "accommodation"),
            Industry::Catering => ("catering", "餐饮业", "catering"),
            Industry::InformationTransmission => ("information_transmission", "信息传输业", "information transmission"),
            Industry::SoftwareIt => ("software_it", "软件和信息技术服务业", "software and IT services"),
            Industry::RealEstateDevelopment => ("real_estate_development", "房地产开发经营", "real estate development"),
            Industry::PropertyManagement => ("property_management", "物业管理", "property management"),
            Industry::LeasingBusinessServices => {
                ("leasing_business_services", "租赁和商务服务业", "leasing and business services")
            }
            Industry::Other => ("other", "其他未列明行业", "other industries"),
        }
    }

    fn row(self) -> Row {
        match self {
            Industry::Agriculture => {
                const { Row { ceiling: &[revenue(20000)], medium: &[revenue(500)], small: &[revenue(50)] } }
            }
            Industry::Industry => {
                const {
                    Row {
                        ceiling: &[staff(1000), revenue(40000)],
                        medium: &[staff(300), revenue(2000)],
                        small: &[staff(20), revenue(300)],
                    }
                }
            }
            Industry::Construction => {
                const {
                    Row {
                        ceiling: &[revenue(80000), assets(80000)],
                        medium: &[revenue(6000), assets(5000)],
                        small: &[revenue(300), assets(300)],
                    }
                }
            }
            Industry::Wholesale => {
                const {
                    Row {
                        ceiling: &[staff(200), revenue(40000)],
                        medium: &[staff(20), revenue(5000)],
                        small: &[staff(5), revenue(1000)],
                    }
                }
            }
            Industry::Retail => {
                const {
                    Row {
                        ceiling: &[staff(300), revenue(20000)],
                        medium: &[staff(50), revenue(500)],
                        small: &[staff(10), revenue(100)],
                    }
                }
            }
            Industry::Transport => {
                const {
                    Row {
                        ceiling: &[staff(1000), revenue(30000)],
                        medium: &[staff(300), revenue(3000)],
                        small: &[staff(20), revenue(200)],
                    }
                }
            }
            Industry::Warehousing => {
                const {
                    Row {
                        ceiling: &[staff(200), revenue(30000)],
                        medium: &[staff(100), revenue(1000)],
                        small: &[staff(20), revenue(100)],
                    }
                }
            }
            Industry::Postal => {
                const {
                    Row {
                        ceiling: &[staff(1000), revenue(30000)],
                        medium: &[staff(300), revenue(2000)],
                        small: &[staff(20), revenue(100)],
                    }
                }
            }
            Industry::Accommodation | Industry::Catering => {
                const {
                    Row {
                        ceiling: &[staff(300), revenue(10000)],
                        medium: &[staff(100), revenue(2000)],
                        small: &[staff(10), revenue(100)],
                    }
                }
            }
            Industry::InformationTransmission => {
                const {
                    Row {
                        ceiling: &[staff(2000), revenue(100000)],
                        medium: &[staff(100), revenue(1000)],
                        small: &[staff(10), revenue(100)],
                    }
                }
            }
            Industry::SoftwareIt => {
                const {
                    Row {
                        ceiling: &[staff(300), revenue(10000)],
                        medium: &[staff(100), revenue(1000)],
                        small: &[staff(10), revenue(50)],
                    }
                }
            }
            Industry::RealEstateDevelopment => {
                const {
                    Row {
                        ceiling: &[revenue(200000), assets(10000)],
                        medium: &[revenue(1000), assets(5000)],
                        small: &[revenue(100), assets(2000)],
                    }
                }
            }
            Industry::PropertyManagement => {
                const {
                    Row {
                        ceiling: &[staff(1000), revenue(5000)],
                        medium: &[staff(300), revenue(1000)],
                        small: &[staff(100), revenue(500)],
                    }
                }
            }
            Industry::LeasingBusinessServices => {
                const {
                    Row {
                        ceiling: &[staff(300), assets(120000)],
                        medium: &[staff(100), assets(8000)],
                        small: &[staff(10), assets(100)],
                    }
                }
            }
            Industry::Other => const { Row { ceiling: &[staff(300)], medium: &[staff(100)], small: &[staff(10)] } },
        }
    }
}

/// The figures classification reads: staff (people), operating revenue and total assets (yuan).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SizeInput {
    /// Number of employees (从业人员).
    #[serde(default)]
    pub employees: Option<u32>,
    /// Operating revenue in yuan (营业收入).
    #[serde(default)]
    pub revenue: Option<Decimal>,
    /// Total assets in yuan (资产总额).
    #[serde(default)]
    pub assets: Option<Decimal>,
}

impl SizeInput {
    fn get(&self, measure: Measure) -> Option<Decimal> {
        match measure {
            Measure::Staff => self.employees.map(Decimal::from),
            Measure::Revenue => self.revenue,
            Measure::Assets => self.assets,
        }
    }
}

/// Classify a firm. Returns [`SizeClass::Unknown`] when a figure its industry's row uses is missing.
///
/// ```
/// use prequal::size::{classify, Industry, SizeClass, SizeInput};
/// use rust_decimal::Decimal;
/// let firm = SizeInput { employees: Some(25), revenue: Some(Decimal::from(3_000_000)), assets: None };
/// assert_eq!(classify(Industry::Industry, &firm), SizeClass::Small);
/// ```
pub fn classify(industry: Industry, input: &SizeInput) -> SizeClass {
    let row = industry.row();
    let all = row.ceiling.iter().chain(row.medium).chain(row.small);
    if all.clone().any(|b| input.get(b.measure).is_none()) {
        return SizeClass::Unknown;
    }
    let below = |b: &Bound| input.get(b.measure).is_some_and(|v| v < Decimal::from(b.at_least));
    let reaches = |b: &Bound| input.get(b.measure).is_some_and(|v| v >= Decimal::from(b.at_least));
    if !row.ceiling.iter().any(below) {
        SizeClass::Large
    } else if row.medium.iter().all(reaches) {
        SizeClass::Medium
    } else if row.small.iter().all(reaches) {
        SizeClass::Small
    } else {
        SizeClass::Micro
    }
}

/// The figures the industry's row uses, so a form can ask only for those.
pub fn needed_figures(industry: Industry) -> Vec<&'static str> {
    let row = industry.row();
    let mut needed = Vec::new();
    for bound in row.ceiling.iter().chain(row.medium).chain(row.small) {
        let name = match bound.measure {
            Measure::Staff => "employees",
            Measure::Revenue => "revenue",
            Measure::Assets => "assets",
        };
        if !needed.contains(&name) {
            needed.push(name);
        }
    }
    needed
}

/// A classification request: the industry and its figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifyRequest {
    /// Industry id.
    pub industry: Industry,
    /// Employees.
    #[serde(default)]
    pub employees: Option<u32>,
    /// Operating revenue, yuan.
    #[serde(default)]
    pub revenue: Option<Decimal>,
    /// Total assets, yuan.
    #[serde(default)]
    pub assets: Option<Decimal>,
}

/// A classification and what it was based on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClassifyResult {
    /// The size class.
    pub size: SizeClass,
    /// The industry.
    pub industry: Industry,
    /// Industry name in Chinese.
    pub industry_zh: &'static str,
    /// The figures this industry's row uses.
    pub needed: Vec<&'static str>,
}

/// Classify from a request, checking that figures are not negative.
pub fn classify_request(request: &ClassifyRequest) -> crate::Result<ClassifyResult> {
    for (path, value) in [("$.revenue", request.revenue), ("$.assets", request.assets)] {
        if let Some(v) = value {
            crate::limits::check_amount(path, v)?;
        }
    }
    let input = SizeInput { employees: request.employees, revenue: request.revenue, assets: request.assets };
    Ok(ClassifyResult {
        size: classify(request.industry, &input),
        industry: request.industry,
        industry_zh: request.industry.name_zh(),
        needed: needed_figures(request.industry),
    })
}

impl FromJson for Industry {
    fn from_json(node: Node<'_>) -> Result<Industry> {
        node.name_of(&Industry::ALL, Industry::id)
    }
}

impl FromJson for SizeInput {
    fn from_json(node: Node<'_>) -> Result<SizeInput> {
        let o = node.object(&["employees", "revenue", "assets"])?;
        Ok(SizeInput { employees: o.opt("employees")?, revenue: o.opt("revenue")?, assets: o.opt("assets")? })
    }
}

impl FromJson for ClassifyRequest {
    fn from_json(node: Node<'_>) -> Result<ClassifyRequest> {
        let o = node.object(&["industry", "employees", "revenue", "assets"])?;
        Ok(ClassifyRequest {
            industry: o.req("industry")?,
            employees: o.opt("employees")?,
            revenue: o.opt("revenue")?,
            assets: o.opt("assets")?,
        })
    }
}
