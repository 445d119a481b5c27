#!/usr/bin/env python3
"""Writes the hand-curated vectors for pack-declared facts and condition groups:

    tests/vectors/facts.json            kind evaluate: facts and any_of/all_of groups at work
    tests/vectors/bad_facts_packs.json  kind policy:   broken fact declarations and conditions
    tests/vectors/bad_facts_firms.json  kind evaluate: firms whose answers to facts are broken

Every expectation below is written by hand, from the rules (README.md, "facts"), not
copied from the engine. The limit, rate and subsidy figures of facts.json are also
recomputed here with Python's decimal module (see `check_terms_arithmetic`), and the
script refuses to write the files if a hand-written figure disagrees.

    python3 tests/vectors/tools/facts_vectors.py

Deterministic: sorted keys, one-space indent, UTF-8, trailing newline.
"""

import copy
import json
import re
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
ROOT = OUT.parent.parent
AS_OF = "2026-02-20"


# --------------------------------------------------------------------------- the pack


def t(field, op, value):
    """A test {field, op, value}."""
    return {"field": field, "op": op, "value": value}


def crit(cid, field, op, value, **extra):
    return {"id": cid, "field": field, "op": op, "value": value, **extra}


def i18n(zh, en):
    return {"zh-CN": zh, "en": en}


def fact_decls():
    """facts[0..4]: two numbers, two yes/no, one choice."""
    return [
        {
            "id": "insured_staff",
            "kind": "number",
            "label": i18n("社保缴纳人数", "staff with social insurance"),
            "question": i18n("近一个月为多少名员工缴纳了社保？", "How many staff did you pay social insurance for last month?"),
            "unit": i18n("人", "people"),
            "min": 0,
            "max": 100000,
            "whole": True,
            "source": "[E] test",
        },
        {
            "id": "rd_share",
            "kind": "number",
            "label": i18n("研发投入占营业收入比例", "R&D spending as a share of revenue"),
            "hint": i18n("填小数，如 0.05 表示 5%", "a fraction: 0.05 for 5%"),
            "min": "0",
            "max": "1",
        },
        {
            "id": "pending_lawsuit",
            "kind": "yes_no",
            "label": i18n("存在未结诉讼", "a pending lawsuit"),
            "question": i18n("企业目前是否有作为被告的未结诉讼？", "Is the firm a defendant in a lawsuit that is still open?"),
        },
        {
            "id": "has_patent",
            "kind": "yes_no",
            "label": i18n("发明专利", "an invention patent"),
        },
        {
            "id": "rd_band",
            "kind": "choice",
            "label": i18n("研发投入强度", "R&D intensity"),
            "choices": [
                {"id": "below_3", "label": i18n("低于3%", "below 3%")},
                {"id": "3_to_6", "label": i18n("3%至6%", "3% to 6%")},
                {"id": "above_6", "label": i18n("6%以上", "above 6%")},
            ],
        },
    ]


def product(criteria):
    return {
        "id": "fact-loan",
        "bank": "bank-a",
        "name": i18n("科创贷", "Tech loan"),
        "amount_min": "100000",
        "amount_max": {"value": "2000000", "source": "[E] test"},
        "term_min_months": 6,
        "term_max_months": 36,
        "repayment_methods": ["interest_only", "equal_installment"],
        "partner_parks_only": False,
        "criteria": criteria,
        "limit": {
            "bases": [{"field": "revenue", "multiple": "0.2"}],
            "uplifts": [
                {"when": [t("insured_staff", "gte", 10)], "factor": "1.2"},
                {"when": [t("rd_band", "eq", "above_6")], "factor": "1.5"},
            ],
            "caps": [
                {"amount": "800000"},
                {
                    "when": [
                        {
                            "any_of": [
                                t("rd_share", "gte", "0.05"),
                                {"all_of": [t("insured_staff", "gte", 20), t("pending_lawsuit", "eq", False)]},
                            ]
                        }
                    ],
                    "amount": "1800000",
                },
            ],
            "step": "10000",
            "deduct_existing_credit_loans": False,
        },
        "pricing": {
            "base": "lpr_1y",
            "tiers": [
                {"when": [t("pending_lawsuit", "eq", False), t("rd_band", "in", ["3_to_6", "above_6"])], "spread": "0.004"},
                {"when": [{"any_of": [t("insured_staff", "gte", 50), t("rd_share", "gte", "0.1")]}], "spread": "0.008"},
                {"spread": "0.012"},
            ],
            "floor": "0.03",
        },
        "subsidies": ["fact-points", "fact-share"],
    }


def subsidy_schemes():
    return [
        {
            "id": "fact-points",
            "name": i18n("贴息", "Interest subsidy"),
            "provider": i18n("财政", "Treasury"),
            "applies_to": "interest",
            "basis": "points",
            "points": "0.01",
            "timing": "at_maturity",
            "conditions": [t("pending_lawsuit", "eq", False), t("insured_staff", "gte", 5)],
        },
        {
            "id": "fact-share",
            "name": i18n("研发贴息", "R&D interest subsidy"),
            "provider": i18n("财政", "Treasury"),
            "applies_to": "interest",
            "basis": "share",
            "shares": [
                {"when": [t("rd_band", "eq", "above_6")], "share": "0.5"},
                {"when": [t("rd_band", "eq", "3_to_6")], "share": "0.3"},
            ],
            "timing": "at_maturity",
        },
    ]


def pack(criteria):
    return {
        "id": "facts-mini",
        "version": "1.0.0",
        "name": i18n("事实测试数据包", "Facts test pack"),
        "notice": i18n("仅供测试", "For tests only"),
        "market": {"lpr_1y": "0.03", "lpr_5y": "0.035", "as_of": AS_OF},
        "banks": [{"id": "bank-a", "name": i18n("A银行", "Bank A")}],
        "facts": fact_decls(),
        "products": [product(criteria)],
        "subsidy_schemes": subsidy_schemes(),
    }


KINDS = [
    crit("staff", "insured_staff", "gte", 5),
    crit("rd", "rd_share", "gte", "0.03"),
    crit("no_lawsuit", "pending_lawsuit", "eq", False),
    crit("patent", "has_patent", "eq", True),
    crit("rd_band_in", "rd_band", "in", ["3_to_6", "above_6"]),
    crit("rd_band_not_low", "rd_band", "not_in", ["below_3"]),
    crit("rd_band_top", "rd_band", "eq", "above_6", required=False),
    crit("tech", "any_tech_qualification", "eq", True),
]

TECH_OR_RD_LABEL = i18n("具备科技类资质或研发投入占比不低于5%", "a tech qualification or R&D of at least 5% of revenue")

GROUPS = [
    {"id": "mature_or_staffed", "any_of": [t("years_in_operation", "gte", 5), t("insured_staff", "gte", 10)]},
    {"id": "clean_and_staffed", "all_of": [t("pending_lawsuit", "eq", False), t("insured_staff", "gte", 5)]},
    {
        "id": "nested",
        "any_of": [{"all_of": [t("insured_staff", "gte", 10), t("has_patent", "eq", True)]}, t("rd_band", "eq", "above_6")],
    },
    {
        "id": "tech_or_rd",
        "any_of": [t("any_tech_qualification", "eq", True), t("rd_share", "gte", "0.05")],
        "required": False,
        "label": TECH_OR_RD_LABEL,
        "source": "[E] test",
    },
]

# The criteria of the hostile packs: leaves of every kind and two groups.
BAD_CRITERIA = [
    crit("staff", "insured_staff", "gte", 5),  # criteria[0]
    crit("rd", "rd_share", "gte", "0.03"),  # criteria[1]
    crit("no_lawsuit", "pending_lawsuit", "eq", False),  # criteria[2]
    crit("rd_band_in", "rd_band", "in", ["3_to_6", "above_6"]),  # criteria[3]
    GROUPS[0],  # criteria[4]: any_of [years_in_operation gte 5, insured_staff gte 10]
    GROUPS[2],  # criteria[5]: any_of [all_of [insured_staff gte 10, has_patent eq true], rd_band eq above_6]
]


def firm(facts=None, **changes):
    """The base firm: a small software firm asking for 1,000,000 over 12 months, interest only."""
    f = {
        "industry": "software_it",
        "employees": 30,
        "revenue": "5123456",
        "years_in_operation": 7.1,
        "tax_grade": "B",
        "requested_amount": "1000000",
        "term_months": 12,
        "repayment_method": "interest_only",
    }
    f.update(changes)
    if facts is not None:
        f["facts"] = facts
    return {k: v for k, v in f.items() if v is not None}


ALL_PASS = {"insured_staff": 12, "rd_share": "0.065", "pending_lawsuit": False, "has_patent": True, "rd_band": "above_6"}
BUILTINS = ["term_min", "term_max", "repayment_method", "loan_amount_min", "estimated_limit"]


def builtins_pass():
    return [{"id": b, "status": "pass", "required": True} for b in BUILTINS]


def quote(verdict, criteria, **extra):
    q = {"product": "fact-loan", "rank": 1, "verdict": verdict, "criteria": criteria + builtins_pass()}
    q.update(extra)
    return {"quotes": [q]}


def evaluate_input(pack_doc, firm_doc):
    return {"policy": pack_doc, "firm": firm_doc, "as_of": AS_OF}


# Sentences, as the rules of explain.rs compose them (label, operator words, values with units).
def msg(en, zh=None):
    return {"en": en} if zh is None else {"en": en, "zh-CN": zh}


STAFF5 = "staff with social insurance: at least 5 people"
STAFF5_ZH = "社保缴纳人数不低于5人"
RD3 = "R&D spending as a share of revenue: at least 0.03"
RD3_ZH = "研发投入占营业收入比例不低于0.03"
BAND_IN = "R&D intensity: must be one of 3% to 6%, above 6%"
BAND_IN_ZH = "研发投入强度须为以下之一：3%至6%、6%以上"
BAND_NOT = "R&D intensity: must not be any of below 3%"
BAND_NOT_ZH = "研发投入强度不得为以下任一：低于3%"
BAND_TOP = "R&D intensity: must be above 6%"
BAND_TOP_ZH = "研发投入强度须为6%以上"
TECH = "a tech qualification (专精特新, high-tech or tech-based SME)"
TECH_ZH = "科技类资质（专精特新、高新技术企业或科技型中小企业）"

MATURE_PHRASES = "years in operation ≥ 5 years, staff with social insurance ≥ 10 people"
MATURE_PHRASES_ZH = "经营年限≥5年、社保缴纳人数≥10人"
CLEAN_PHRASES = "not a pending lawsuit, staff with social insurance ≥ 5 people"
NESTED_PHRASES = "(all of: staff with social insurance ≥ 10 people, an invention patent), R&D intensity = above 6%"
NESTED_PHRASES_ZH = "（全部：社保缴纳人数≥10人、发明专利）、研发投入强度=6%以上"


# --------------------------------------------------------------------------- facts.json


def kinds_cases():
    p = pack(KINDS)
    cases = []

    cases.append({
        "name": "kinds: every fact answered and passing (number, decimal-string number, yes/no both ways, choice eq/in/not_in, any_tech_qualification)",
        "input": evaluate_input(p, firm(ALL_PASS, qualifications={"tech_sme": True})),
        "expected": quote("eligible", [
            {"id": "staff", "field": "insured_staff", "op": "gte", "threshold": "5", "observed": "12", "status": "pass",
             "message": msg(STAFF5 + "; has 12 people", STAFF5_ZH + "，当前12人"), "hint": None, "gap": None},
            {"id": "rd", "field": "rd_share", "threshold": "0.03", "observed": "0.065", "status": "pass",
             "message": msg(RD3 + "; has 0.065", RD3_ZH + "，当前0.065")},
            {"id": "no_lawsuit", "field": "pending_lawsuit", "op": "eq", "threshold": False, "observed": False, "status": "pass",
             "message": msg("must not have a pending lawsuit; has: no")},
            {"id": "patent", "field": "has_patent", "threshold": True, "observed": True, "status": "pass",
             "message": msg("needs an invention patent; has: yes", "须具备发明专利，当前：是")},
            {"id": "rd_band_in", "field": "rd_band", "op": "in", "threshold": ["3_to_6", "above_6"], "observed": "above_6",
             "status": "pass", "message": msg(BAND_IN + "; has above 6%", BAND_IN_ZH + "，当前6%以上")},
            {"id": "rd_band_not_low", "op": "not_in", "threshold": ["below_3"], "observed": "above_6", "status": "pass",
             "message": msg(BAND_NOT + "; has above 6%", BAND_NOT_ZH + "，当前6%以上")},
            {"id": "rd_band_top", "op": "eq", "threshold": "above_6", "observed": "above_6", "status": "pass", "required": False,
             "message": msg(BAND_TOP + "; has above 6%", BAND_TOP_ZH + "，当前6%以上")},
            {"id": "tech", "field": "any_tech_qualification", "observed": True, "status": "pass",
             "message": msg("needs " + TECH + "; has: yes", "须具备" + TECH_ZH + "，当前：是")},
        ]),
    })

    cases.append({
        "name": "kinds: number facts failing (whole number below the threshold, JSON-number fraction below a decimal-string threshold)",
        "input": evaluate_input(p, firm(dict(ALL_PASS, insured_staff=3, rd_share=0.029), qualifications={"tech_sme": True})),
        "expected": quote("ineligible", [
            {"id": "staff", "observed": "3", "status": "fail", "gap": "2",
             "message": msg(STAFF5 + "; has 3 people", STAFF5_ZH + "，当前3人"),
             "hint": msg("short by 2 people", "还差2人")},
            {"id": "rd", "observed": "0.029", "status": "fail", "gap": "0.001",
             "message": msg(RD3 + "; has 0.029", RD3_ZH + "，当前0.029"),
             "hint": msg("short by 0.001", "还差0.001")},
            {"id": "no_lawsuit", "status": "pass"},
            {"id": "patent", "status": "pass"},
            {"id": "rd_band_in", "status": "pass"},
            {"id": "rd_band_not_low", "status": "pass"},
            {"id": "rd_band_top", "status": "pass"},
            {"id": "tech", "status": "pass"},
        ]),
    })

    cases.append({
        "name": "kinds: yes/no facts failing (a lawsuit where none is allowed, no patent where one is needed)",
        "input": evaluate_input(p, firm(dict(ALL_PASS, pending_lawsuit=True, has_patent=False), qualifications={"tech_sme": True})),
        "expected": quote("ineligible", [
            {"id": "staff", "status": "pass"},
            {"id": "rd", "status": "pass"},
            {"id": "no_lawsuit", "observed": True, "status": "fail", "gap": None,
             "message": msg("must not have a pending lawsuit; has: yes")},
            {"id": "patent", "observed": False, "status": "fail", "gap": None,
             "message": msg("needs an invention patent; has: no", "须具备发明专利，当前：否"),
             "hint": msg("qualifies with an invention patent", "具备发明专利后可符合")},
            {"id": "rd_band_in", "status": "pass"},
            {"id": "rd_band_not_low", "status": "pass"},
            {"id": "rd_band_top", "status": "pass"},
            {"id": "tech", "status": "pass"},
        ]),
    })

    cases.append({
        "name": "kinds: choice fact failing eq, in and not_in; any_tech_qualification no when all four qualifications are no",
        "input": evaluate_input(p, firm(dict(ALL_PASS, rd_band="below_3"), qualifications={
            "high_tech": False, "tech_sme": False, "specialized_national": False, "specialized_provincial": False})),
        "expected": quote("ineligible", [
            {"id": "staff", "status": "pass"},
            {"id": "rd", "status": "pass"},
            {"id": "no_lawsuit", "status": "pass"},
            {"id": "patent", "status": "pass"},
            {"id": "rd_band_in", "observed": "below_3", "status": "fail",
             "hint": msg("qualifies with: 3% to 6%, above 6%", "符合条件的选项：3%至6%、6%以上"),
             "message": msg(BAND_IN + "; has below 3%", BAND_IN_ZH + "，当前低于3%")},
            {"id": "rd_band_not_low", "observed": "below_3", "status": "fail",
             "message": msg(BAND_NOT + "; has below 3%", BAND_NOT_ZH + "，当前低于3%")},
            {"id": "rd_band_top", "observed": "below_3", "status": "fail", "required": False},
            {"id": "tech", "observed": False, "status": "fail",
             "message": msg("needs " + TECH + "; has: no", "须具备" + TECH_ZH + "，当前：否")},
        ]),
    })

    cases.append({
        "name": "kinds: choice in the middle band passes in and not_in, fails the advisory eq, so the verdict stays eligible",
        "input": evaluate_input(p, firm(dict(ALL_PASS, rd_band="3_to_6"), qualifications={"high_tech": True})),
        "expected": quote("eligible", [
            {"id": "staff", "status": "pass"},
            {"id": "rd", "status": "pass"},
            {"id": "no_lawsuit", "status": "pass"},
            {"id": "patent", "status": "pass"},
            {"id": "rd_band_in", "observed": "3_to_6", "status": "pass"},
            {"id": "rd_band_not_low", "observed": "3_to_6", "status": "pass"},
            {"id": "rd_band_top", "observed": "3_to_6", "status": "fail", "required": False,
             "message": msg(BAND_TOP + "; has 3% to 6%", BAND_TOP_ZH + "，当前3%至6%")},
            {"id": "tech", "status": "pass"},
        ]),
    })

    cases.append({
        "name": "kinds: no facts given (no `facts` key) and no qualifications: every fact criterion unknown, needs_info",
        "input": evaluate_input(p, firm()),
        "expected": quote("needs_info", [
            {"id": "staff", "field": "insured_staff", "observed": None, "status": "unknown", "gap": None,
             "message": msg(STAFF5 + "; not stated yet", STAFF5_ZH + "，尚未填写"),
             "hint": msg("provide staff with social insurance", "请提供社保缴纳人数")},
            {"id": "rd", "observed": None, "status": "unknown",
             "message": msg(RD3 + "; not stated yet", RD3_ZH + "，尚未填写"),
             "hint": msg("provide R&D spending as a share of revenue", "请提供研发投入占营业收入比例")},
            {"id": "no_lawsuit", "observed": None, "status": "unknown",
             "message": msg("must not have a pending lawsuit; not stated yet"),
             "hint": msg("provide a pending lawsuit")},
            {"id": "patent", "observed": None, "status": "unknown",
             "message": msg("needs an invention patent; not stated yet", "须具备发明专利，尚未填写")},
            {"id": "rd_band_in", "observed": None, "status": "unknown",
             "message": msg(BAND_IN + "; not stated yet", BAND_IN_ZH + "，尚未填写"),
             "hint": msg("provide R&D intensity", "请提供研发投入强度")},
            {"id": "rd_band_not_low", "observed": None, "status": "unknown"},
            {"id": "rd_band_top", "observed": None, "status": "unknown", "required": False},
            {"id": "tech", "observed": None, "status": "unknown"},
        ]),
    })

    cases.append({
        "name": "kinds: empty `facts` object is the same as no facts",
        "input": evaluate_input(p, firm({}, qualifications={"tech_sme": True})),
        "expected": quote("needs_info", [
            {"id": "staff", "status": "unknown"},
            {"id": "rd", "status": "unknown"},
            {"id": "no_lawsuit", "status": "unknown"},
            {"id": "patent", "status": "unknown"},
            {"id": "rd_band_in", "status": "unknown"},
            {"id": "rd_band_not_low", "status": "unknown"},
            {"id": "rd_band_top", "status": "unknown"},
            {"id": "tech", "status": "pass"},
        ]),
    })

    cases.append({
        "name": "kinds: numbers given as decimal strings, one exactly on its threshold (\"0.030\" >= 0.03) keeps its written form",
        "input": evaluate_input(p, firm(dict(ALL_PASS, insured_staff="12", rd_share="0.030"), qualifications={"tech_sme": True})),
        "expected": quote("eligible", [
            {"id": "staff", "observed": "12", "status": "pass", "message": msg(STAFF5 + "; has 12 people")},
            {"id": "rd", "observed": "0.030", "status": "pass", "message": msg(RD3 + "; has 0.03", RD3_ZH + "，当前0.03")},
            {"id": "no_lawsuit", "status": "pass"},
            {"id": "patent", "status": "pass"},
            {"id": "rd_band_in", "status": "pass"},
            {"id": "rd_band_not_low", "status": "pass"},
            {"id": "rd_band_top", "status": "pass"},
            {"id": "tech", "status": "pass"},
        ]),
    })

    warnings = [
        {"code": "undeclared_fact", "path": "$.facts.Insured_Staff",
         "message": msg("\"Insured_Staff\" is not a fact this pack declares; ignored", "本数据包未声明 \"Insured_Staff\"，已忽略")},
        {"code": "undeclared_fact", "path": "$.facts.export_licence",
         "message": msg("\"export_licence\" is not a fact this pack declares; ignored", "本数据包未声明 \"export_licence\"，已忽略")},
    ]
    ex = quote("eligible", [{"id": c["id"], "status": "pass"} for c in KINDS])
    ex["warnings"] = warnings
    cases.append({
        "name": "kinds: facts the pack does not declare (a mistyped id, an unknown one) are ignored with undeclared_fact warnings, in key order",
        "input": evaluate_input(p, firm(dict(ALL_PASS, export_licence=True, Insured_Staff=2), qualifications={"tech_sme": True})),
        "expected": ex,
    })
    return cases


def g(cid, status, **extra):
    return {"id": cid, "status": status, **extra}


def groups_cases():
    p = pack(GROUPS)
    cases = []

    # G1: any_of decided by its first member while the second is unknown; all_of unknown;
    # the nested any_of decided by the choice while its all_of is unknown.
    cases.append({
        "name": "groups: any_of passes on its first member with the second unknown; all_of unknown (one passes, one unknown); nested any_of passes on the choice",
        "input": evaluate_input(p, firm({"pending_lawsuit": False, "rd_band": "above_6"}, qualifications={"tech_sme": True})),
        "expected": quote("needs_info", [
            g("mature_or_staffed", "pass", group="any_of", field="years_in_operation", op="gte", threshold="5", observed="7.1",
              message=msg("meets one of: " + MATURE_PHRASES + " — years in operation: at least 5 years; has 7.1 years",
                          "满足其一：" + MATURE_PHRASES_ZH + "——经营年限不低于5年，当前7.1年"),
              hint=None,
              branches=[g("mature_or_staffed.1", "pass", field="years_in_operation"),
                        g("mature_or_staffed.2", "unknown", field="insured_staff", observed=None)]),
            g("clean_and_staffed", "unknown", group="all_of", field="insured_staff", observed=None,
              message=msg("needs all of: " + CLEAN_PHRASES + "; not decided yet"),
              hint=msg("provide staff with social insurance", "请提供社保缴纳人数"),
              branches=[g("clean_and_staffed.1", "pass", observed=False), g("clean_and_staffed.2", "unknown")]),
            g("nested", "pass", group="any_of", field="rd_band", op="eq", threshold="above_6", observed="above_6",
              message=msg("meets one of: " + NESTED_PHRASES + " — " + BAND_TOP + "; has above 6%",
                          "满足其一：" + NESTED_PHRASES_ZH + "——" + BAND_TOP_ZH + "，当前6%以上"),
              branches=[g("nested.1", "unknown", group="all_of",
                          branches=[g("nested.1.1", "unknown"), g("nested.1.2", "unknown")]),
                        g("nested.2", "pass")]),
            g("tech_or_rd", "pass", group="any_of", required=False, field="any_tech_qualification", observed=True,
              source="[E] test",
              message=msg("meets one of: " + TECH_OR_RD_LABEL["en"] + " — needs " + TECH + "; has: yes",
                          "满足其一：" + TECH_OR_RD_LABEL["zh-CN"] + "——须具备" + TECH_ZH + "，当前：是"),
              branches=[g("tech_or_rd.1", "pass", required=False), g("tech_or_rd.2", "unknown", required=False)]),
        ]),
    })

    cases.append({
        "name": "groups: every member fails (any_of fails, all_of decided by its first failing member, nested groups fail)",
        "input": evaluate_input(p, firm(
            {"insured_staff": 4, "rd_share": "0.01", "pending_lawsuit": True, "has_patent": False, "rd_band": "below_3"},
            years_in_operation=3,
            qualifications={"high_tech": False, "tech_sme": False, "specialized_national": False, "specialized_provincial": False})),
        "expected": quote("ineligible", [
            g("mature_or_staffed", "fail", field="years_in_operation", observed="3", gap=None,
              message=msg("needs one of: " + MATURE_PHRASES + "; meets none",
                          "须满足其一：" + MATURE_PHRASES_ZH + "，均不满足"),
              hint=msg("any one of: short by 2 years; or short by 6 people", "满足任一即可：还差2年；或还差6人"),
              branches=[g("mature_or_staffed.1", "fail", gap="2"), g("mature_or_staffed.2", "fail", gap="6")]),
            g("clean_and_staffed", "fail", field="pending_lawsuit", observed=True,
              branches=[g("clean_and_staffed.1", "fail"), g("clean_and_staffed.2", "fail")]),
            g("nested", "fail", field="insured_staff", observed="4",
              message=msg("needs one of: " + NESTED_PHRASES + "; meets none",
                          "须满足其一：" + NESTED_PHRASES_ZH + "，均不满足"),
              branches=[g("nested.1", "fail", group="all_of", field="insured_staff", observed="4",
                          message=msg("needs all of: staff with social insurance ≥ 10 people, an invention patent — "
                                      "staff with social insurance: at least 10 people; has 4 people",
                                      "须全部满足：社保缴纳人数≥10人、发明专利——社保缴纳人数不低于10人，当前4人"),
                          branches=[g("nested.1.1", "fail"), g("nested.1.2", "fail")]),
                        g("nested.2", "fail", observed="below_3")]),
            g("tech_or_rd", "fail", required=False, field="any_tech_qualification", observed=False,
              message=msg("needs one of: " + TECH_OR_RD_LABEL["en"] + "; meets none",
                          "须满足其一：" + TECH_OR_RD_LABEL["zh-CN"] + "，均不满足"),
              branches=[g("tech_or_rd.1", "fail", required=False), g("tech_or_rd.2", "fail", required=False)]),
        ]),
    })

    cases.append({
        "name": "groups: any_of unknown (one member fails, one unknown, none passes); all_of fails despite an unknown member; nested any_of unknown",
        "input": evaluate_input(p, firm({"pending_lawsuit": True, "has_patent": True}, years_in_operation=3)),
        "expected": quote("ineligible", [
            g("mature_or_staffed", "unknown", field="insured_staff", observed=None,
              message=msg("needs one of: " + MATURE_PHRASES + "; not decided yet",
                          "须满足其一：" + MATURE_PHRASES_ZH + "，尚待填写"),
              hint=msg("provide staff with social insurance", "请提供社保缴纳人数"),
              branches=[g("mature_or_staffed.1", "fail"), g("mature_or_staffed.2", "unknown")]),
            g("clean_and_staffed", "fail", field="pending_lawsuit", observed=True,
              branches=[g("clean_and_staffed.1", "fail"), g("clean_and_staffed.2", "unknown")]),
            g("nested", "unknown", field="insured_staff", observed=None,
              message=msg("needs one of: " + NESTED_PHRASES + "; not decided yet",
                          "须满足其一：" + NESTED_PHRASES_ZH + "，尚待填写"),
              branches=[g("nested.1", "unknown", branches=[g("nested.1.1", "unknown"), g("nested.1.2", "pass")]),
                        g("nested.2", "unknown")]),
            g("tech_or_rd", "unknown", required=False,
              branches=[g("tech_or_rd.1", "unknown", required=False), g("tech_or_rd.2", "unknown", required=False)]),
        ]),
    })

    cases.append({
        "name": "groups: all_of passes; nested any_of passes through its all_of; labelled any_of passes on its second member (rd_share \"0.05\" on the threshold)",
        "input": evaluate_input(p, firm(
            {"insured_staff": 12, "rd_share": "0.05", "pending_lawsuit": False, "has_patent": True, "rd_band": "below_3"},
            qualifications={"tech_sme": False})),
        "expected": quote("eligible", [
            g("mature_or_staffed", "pass", branches=[g("mature_or_staffed.1", "pass"), g("mature_or_staffed.2", "pass")]),
            g("clean_and_staffed", "pass", group="all_of", field="pending_lawsuit", observed=False, hint=None, gap=None,
              message=msg("meets all of: " + CLEAN_PHRASES),
              branches=[g("clean_and_staffed.1", "pass"), g("clean_and_staffed.2", "pass")]),
            g("nested", "pass", field="insured_staff", op="gte", threshold="10", observed="12",
              message=msg("meets one of: " + NESTED_PHRASES + " — meets all of: staff with social insurance ≥ 10 people, an invention patent",
                          "满足其一：" + NESTED_PHRASES_ZH + "——全部满足：社保缴纳人数≥10人、发明专利"),
              branches=[g("nested.1", "pass", group="all_of", branches=[g("nested.1.1", "pass"), g("nested.1.2", "pass")]),
                        g("nested.2", "fail")]),
            g("tech_or_rd", "pass", required=False, field="rd_share", op="gte", threshold="0.05", observed="0.05",
              message=msg("meets one of: " + TECH_OR_RD_LABEL["en"] + " — R&D spending as a share of revenue: at least 0.05; has 0.05",
                          "满足其一：" + TECH_OR_RD_LABEL["zh-CN"] + "——研发投入占营业收入比例不低于0.05，当前0.05"),
              branches=[g("tech_or_rd.1", "unknown", required=False), g("tech_or_rd.2", "pass", required=False)]),
        ]),
    })

    cases.append({
        "name": "groups: all_of fails on its second member while the first is unknown (the failing member decides); nested any_of passes on the choice after its all_of fails",
        "input": evaluate_input(p, firm({"insured_staff": 3, "has_patent": True, "rd_band": "above_6"}, qualifications={"high_tech": True})),
        "expected": quote("ineligible", [
            g("mature_or_staffed", "pass", field="years_in_operation",
              branches=[g("mature_or_staffed.1", "pass"), g("mature_or_staffed.2", "fail")]),
            g("clean_and_staffed", "fail", group="all_of", field="insured_staff", op="gte", threshold="5", observed="3", gap="2",
              message=msg("needs all of: " + CLEAN_PHRASES + " — " + STAFF5 + "; has 3 people"),
              hint=msg("short by 2 people", "还差2人"),
              branches=[g("clean_and_staffed.1", "unknown", observed=None), g("clean_and_staffed.2", "fail", observed="3")]),
            g("nested", "pass", field="rd_band", observed="above_6",
              branches=[g("nested.1", "fail", field="insured_staff", observed="3",
                          branches=[g("nested.1.1", "fail"), g("nested.1.2", "pass")]),
                        g("nested.2", "pass")]),
            g("tech_or_rd", "pass", required=False, field="any_tech_qualification", observed=True,
              branches=[g("tech_or_rd.1", "pass", required=False), g("tech_or_rd.2", "unknown", required=False)]),
        ]),
    })
    return cases


# Terms: facts in uplift, cap (a group), tier and subsidy `when`s. No pack criteria, so only
# the built-in checks (all passing) appear. Figures are recomputed in check_terms_arithmetic.
TERMS_CASES = [
    # name, facts, expected limit (amount, factor, cap), rate, loan amount, total interest,
    # (points status, total), (share status, share, total), interest subsidy
    ("terms: every fact favourable: uplift 1.5 (choice), cap 1,800,000 (any_of in the cap's when), tier 1 (yes/no + choice in), both subsidies",
     ALL_PASS, ("1530000.00", "1.5", "1800000.00"), "0.034000", "1000000.00", "33999.96",
     ("pass", "10000.00"), ("pass", "0.5", "16999.98"), "26999.98"),
    ("terms: uplift 1.2 (number) but the cap's any_of fails (800,000 applies), last tier, points subsidy fails on the lawsuit, share 0.3",
     {"insured_staff": 12, "rd_share": "0.02", "pending_lawsuit": True, "rd_band": "3_to_6"},
     ("800000.00", "1.2", "800000.00"), "0.042000", "800000.00", "33600.00",
     ("fail", "0.00"), ("pass", "0.3", "10080.00"), "10080.00"),
    ("terms: cap reached through the all_of nested in its any_of; tier 2 through its any_of (staff >= 50); share scheme fails (no rule matches below_3)",
     {"insured_staff": 60, "rd_share": "0.01", "pending_lawsuit": False, "rd_band": "below_3"},
     ("1220000.00", "1.2", "1800000.00"), "0.038000", "1000000.00", "38000.04",
     ("pass", "10000.00"), ("fail", None, "0.00"), "10000.00"),
    ("terms: no facts: no uplift, the lower cap, the last tier, both subsidies unknown",
     None, ("800000.00", "1", "800000.00"), "0.042000", "800000.00", "33600.00",
     ("unknown", "0.00"), ("unknown", None, "0.00"), "0.00"),
    ("terms: decimal-string fact exactly on the cap's threshold (\"0.050\" >= 0.05) opens the higher cap without an uplift",
     {"insured_staff": 5, "rd_share": "0.050", "pending_lawsuit": True, "rd_band": "below_3"},
     ("1020000.00", "1", "1800000.00"), "0.042000", "1000000.00", "42000.00",
     ("fail", "0.00"), ("fail", None, "0.00"), "0.00"),
    ("terms: tier 2 through the second member of its any_of (rd_share 0.1 as a JSON number); uplift 1.5; share 0.5 without the points subsidy",
     {"insured_staff": 4, "rd_share": 0.1, "pending_lawsuit": True, "rd_band": "above_6"},
     ("1530000.00", "1.5", "1800000.00"), "0.038000", "1000000.00", "38000.04",
     ("fail", "0.00"), ("pass", "0.5", "19000.02"), "19000.02"),
    ("terms: uplift 1.5 within the lower cap (the cap's group fails): the cap decides",
     {"insured_staff": 4, "rd_share": "0.01", "pending_lawsuit": True, "rd_band": "above_6"},
     ("800000.00", "1.5", "800000.00"), "0.042000", "800000.00", "33600.00",
     ("fail", "0.00"), ("pass", "0.5", "16800.00"), "16800.00"),
]


def check_terms_arithmetic():
    """Recompute every TERMS_CASES figure from the rules, independently of the engine."""
    D = Decimal
    cent = D("0.01")
    revenue, multiple, step, amount_max = D("5123456"), D("0.2"), D("10000"), D("2000000")
    lpr, requested, months = D("0.03"), D("1000000"), 12

    def num(x):
        return None if x is None else D(str(x))

    def gte(x, threshold):  # three-valued: None is unknown
        return None if x is None else x >= D(threshold)

    def eq(x, value):
        return None if x is None else x == value

    def any_of(*xs):
        return True if True in xs else (None if None in xs else False)

    def all_of(*xs):
        return False if False in xs else (None if None in xs else True)

    for name, facts, limit, rate, loan_amount, interest, points, share, subsidy in TERMS_CASES:
        f = facts or {}
        staff, rd = num(f.get("insured_staff")), num(f.get("rd_share"))
        lawsuit, band = f.get("pending_lawsuit"), f.get("rd_band")
        in_band = None if band is None else band in ("3_to_6", "above_6")
        # limit = min(base × largest matching uplift, highest matching cap), floored to the step
        factor = D(1)
        if gte(staff, 10) is True:
            factor = max(factor, D("1.2"))
        if eq(band, "above_6") is True:
            factor = max(factor, D("1.5"))
        cap = D("800000")
        if any_of(gte(rd, "0.05"), all_of(gte(staff, 20), eq(lawsuit, False))) is True:
            cap = D("1800000")
        cap = min(cap, amount_max)
        gross = min(revenue * multiple * factor, cap)
        amount = (gross / step).to_integral_value(ROUND_FLOOR) * step
        assert (f"{amount:.2f}", str(factor.normalize()), f"{cap:.2f}") == limit, (name, amount, factor, cap)
        # rate = LPR + the first matching tier's spread
        if all_of(eq(lawsuit, False), in_band) is True:
            r = lpr + D("0.004")
        elif any_of(gte(staff, 50), gte(rd, "0.1")) is True:
            r = lpr + D("0.008")
        else:
            r = lpr + D("0.012")
        assert f"{r:.6f}" == rate, (name, r)
        # interest only, 12 months: interest each period = round(P·r/12)
        p = min(requested, amount)
        assert f"{p:.2f}" == loan_amount, (name, p)
        per = (p * r / 12).quantize(cent, ROUND_HALF_UP)
        total = per * months
        assert f"{total:.2f}" == interest, (name, total)
        # points at maturity: Σ 0.01/12 × P over 12 periods = 0.01 × P; share: share × Σ interest
        pts_status = all_of(eq(lawsuit, False), gte(staff, 5))
        pts = (D("0.01") * p).quantize(cent, ROUND_HALF_UP) if pts_status is True else D(0)
        pts_status = {True: "pass", False: "fail", None: "unknown"}[pts_status]
        assert (pts_status, f"{pts:.2f}") == points, (name, pts_status, pts)
        if eq(band, "above_6") is True:
            sh = D("0.5")
        elif eq(band, "3_to_6") is True:
            sh = D("0.3")
        else:
            sh = None
        sh_status = "pass" if sh is not None else ("unknown" if band is None else "fail")
        sh_total = min((sh * total).quantize(cent, ROUND_HALF_UP), total - pts) if sh is not None else D(0)
        assert (sh_status, None if sh is None else str(sh), f"{sh_total:.2f}") == share, (name, sh_status, sh_total)
        assert f"{pts + sh_total:.2f}" == subsidy, name


def terms_cases():
    p = pack([])
    cases = []
    for name, facts, limit, rate, loan_amount, interest, points, share, subsidy in TERMS_CASES:
        q = {
            "product": "fact-loan",
            "verdict": "eligible",
            "criteria": builtins_pass(),
            "limit": {"amount": limit[0], "factor": limit[1], "cap": limit[2]},
            "loan": {"amount": loan_amount, "annual_rate": rate, "total_interest": interest, "interest_subsidy": subsidy},
            "subsidies": [
                {"scheme": "fact-points", "status": points[0], "points": "0.01" if points[0] == "pass" else None, "total": points[1]},
                {"scheme": "fact-share", "status": share[0], "share": share[1], "total": share[2]},
            ],
        }
        cases.append({"name": name, "input": evaluate_input(p, firm(facts)), "expected": {"quotes": [q]}})
    return cases


def bank_g_cases():
    text = (ROOT / "examples/packs/bank-g-tech-credit.json").read_text(encoding="utf-8")
    bank_g = json.loads(text)
    applicant = json.loads((ROOT / "examples/firms/bank-g-applicant.json").read_text(encoding="utf-8"))
    crits = lambda: [
        g("tech_or_mature", "pass", group="any_of", field="years_in_operation", observed="6.67",
          message=msg("meets one of: high-tech enterprise or at least 5 years in operation — years in operation: at least 5 years; has 6.67 years",
                      "满足其一：高新技术企业或经营满5年——经营年限不低于5年，当前6.67年"),
          branches=[g("tech_or_mature.1", "fail", observed=False), g("tech_or_mature.2", "pass")]),
        g("insured_staff", "pass", observed="12",
          message=msg("staff with social insurance: at least 3 people; has 12 people", "社保缴纳人数不低于3人，当前12人")),
        g("no_lawsuit", "pass", observed=False),
        g("tax_grade", "pass"),
        g("no_overdue", "pass"),
    ] + [{"id": b, "status": "pass"} for b in BUILTINS]
    with_tech_sme = copy.deepcopy(applicant)
    with_tech_sme["qualifications"]["tech_sme"] = True
    return [
        {
            "name": "bank-g example pack and applicant: any_of criterion passes on years (80 whole months = 6.67 years); the cap's any_of is undecided (tech_sme not stated) so the 1,000,000 cap holds; R&D tier 0.038",
            "input": {"policy": bank_g, "firm": applicant, "as_of": AS_OF},
            "expected": {"quotes": [{"product": "tech-credit-loan", "verdict": "eligible", "criteria": crits(),
                                     "limit": {"amount": "1000000.00", "factor": "1.2", "cap": "1000000.00"},
                                     "loan": {"amount": "1000000.00", "annual_rate": "0.038000"}}]},
        },
        {
            "name": "bank-g example: the same applicant stating tech_sme: true opens the 3,000,000 cap (150,000 x 10 x 1.2 = 1,800,000)",
            "input": {"policy": bank_g, "firm": with_tech_sme, "as_of": AS_OF},
            "expected": {"quotes": [{"product": "tech-credit-loan", "verdict": "eligible", "criteria": crits(),
                                     "limit": {"amount": "1800000.00", "factor": "1.2", "cap": "3000000.00"},
                                     "loan": {"amount": "1000000.00", "annual_rate": "0.038000"}}]},
        },
    ]


FACTS_DESCRIPTION = (
    "Pack-declared facts (number, yes_no, choice) and any_of/all_of condition groups in whole evaluations, "
    "compared as JSON subsets. Hand-curated, not copied from the engine: a small pack `facts-mini` "
    "(tests/vectors/tools/facts_vectors.py) declares two number facts (one whole with a unit, one a fraction "
    "given as decimal strings), two yes/no facts and a three-way choice; its product uses them in criteria, "
    "uplift, cap (an any_of holding an all_of), pricing tier and subsidy `when`s. Statuses follow the three-valued "
    "rules (any_of: a pass decides, all fail → fail, else unknown; all_of the converse); a group's "
    "field/op/threshold/observed are its deciding member's (first pass of any_of, first fail of all_of; otherwise "
    "the first member with the group's status). Sentences were written from the explain rules (label, operator "
    "words, values with units, choice labels, '—' then the deciding member's sentence) and read for sense; "
    "Chinese sentences of yes/no facts tested `eq false` are not pinned (see README). Limits, rates and "
    "subsidies were worked out by hand: limit = min(revenue 5,123,456 × 0.2 × largest matching uplift, highest "
    "matching cap) floored to 10,000; rate = LPR 0.03 + the first matching tier's spread; interest only over 12 "
    "months, interest per period round(P·r/12); points subsidy 0.01 × P, share subsidy share × total interest, "
    "both paid at maturity; the generator recomputes every one of these figures with Python decimal and refuses "
    "to write the file if one disagrees. The bank-g cases use examples/packs/bank-g-tech-credit.json and "
    "examples/firms/bank-g-applicant.json verbatim."
)


# --------------------------------------------------------------------------- bad_facts_packs.json

TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def keys(path):
    return [int(i) if i else k for k, i in TOKEN.findall(path)]


def setp(doc, path, value):
    *head, last = keys(path)
    for k in head:
        doc = doc[k]
    doc[last] = value


def getp(doc, path):
    for k in keys(path):
        doc = doc[k]
    return doc


def delp(doc, path):
    *head, last = keys(path)
    for k in head:
        doc = doc[k]
    del doc[last]


def base_bad():
    return pack(copy.deepcopy(BAD_CRITERIA))


def err(code, path):
    return {"error": {"code": code, "path": path}}


def deep_group(innermost):
    """any_of [ all_of [ any_of [ all_of [innermost] ] ] ]: four groups, one too many."""
    return {"any_of": [{"all_of": [{"any_of": [{"all_of": [innermost]}]}]}]}


def bad_pack_cases():
    P = "$.products[0]"
    cases = []

    def case(name, expected, *edits):
        doc = base_bad()
        for edit in edits:
            edit(doc)
        cases.append({"name": name, "input": doc, "expected": expected})

    S = lambda path, value: (lambda d: setp(d, path, value))
    D_ = lambda path: (lambda d: delp(d, path))
    A = lambda path, value: (lambda d: getp(d, path).append(value))

    # valid packs
    case("valid_facts_pack", {"id": "facts-mini"})

    def everything(d):
        # Facts in every place, groups nested exactly 3 deep in each, decimal strings with spaces, ne on every kind,
        # a 40-character fact id, min == max, a one-member group.
        long_id = "a" + "b" * 39
        d["facts"].append({"id": long_id, "kind": "number", "label": i18n("长编号", "long id"), "min": 7, "max": 7,
                           "question": i18n("问", "q"), "hint": i18n("提示", "hint"), "unit": i18n("个", "items"),
                           "whole": False, "source": "[E] test"})
        three = {"any_of": [{"all_of": [{"any_of": [t("insured_staff", "gte", " 5 "), t("rd_band", "ne", "below_3")]},
                                        t("pending_lawsuit", "ne", True)]},
                            t(long_id, "ne", "7")]}
        pr = d["products"][0]
        pr["criteria"].append({"id": "three_deep", **three})
        pr["criteria"].append({"id": "one_member", "all_of": [t("rd_share", "ne", "0.5")], "required": False})
        pr["limit"]["uplifts"][0]["when"].append(copy.deepcopy(three))
        pr["limit"]["caps"][1]["when"].append(copy.deepcopy(three))
        pr["pricing"]["tiers"][0]["when"].append(copy.deepcopy(three))
        d["subsidy_schemes"][0]["conditions"].append(copy.deepcopy(three))
        d["subsidy_schemes"][1]["shares"][0]["when"].append(copy.deepcopy(three))
    case("valid_facts_in_every_place_groups_3_deep_ne_on_every_kind", {"id": "facts-mini"}, everything)
    case("valid_facts_declared_but_unused", {"id": "facts-mini"},
         S("products[0].criteria", []), S("products[0].limit.uplifts", []), S("products[0].limit.caps", [{"amount": "800000"}]),
         S("products[0].pricing.tiers", [{"spread": "0.01"}]), S("products[0].subsidies", []), S("subsidy_schemes", []))
    bank_g = json.loads((ROOT / "examples/packs/bank-g-tech-credit.json").read_text(encoding="utf-8"))
    cases.append({"name": "valid_bank_g_example_pack", "input": bank_g, "expected": {"id": "bank-g-tech-credit"}})

    # fact declarations: ids
    case("fact_id_uppercase", err("invalid_value", "$.facts[0].id"), S("facts[0].id", "Insured_staff"))
    case("fact_id_leading_digit", err("invalid_value", "$.facts[0].id"), S("facts[0].id", "1staff"))
    case("fact_id_leading_underscore", err("invalid_value", "$.facts[1].id"), S("facts[1].id", "_rd_share"))
    case("fact_id_hyphen", err("invalid_value", "$.facts[0].id"), S("facts[0].id", "insured-staff"))
    case("fact_id_space", err("invalid_value", "$.facts[2].id"), S("facts[2].id", "pending lawsuit"))
    case("fact_id_chinese", err("invalid_value", "$.facts[0].id"), S("facts[0].id", "社保人数"))
    case("fact_id_empty", err("invalid_value", "$.facts[0].id"), S("facts[0].id", ""))
    case("fact_id_41_chars", err("invalid_value", "$.facts[3].id"), S("facts[3].id", "a" * 41))
    case("fact_id_is_builtin_field_employees", err("invalid_value", "$.facts[0].id"), S("facts[0].id", "employees"))
    case("fact_id_is_builtin_field_any_tech_qualification", err("invalid_value", "$.facts[3].id"),
         S("facts[3].id", "any_tech_qualification"))
    case("fact_id_is_builtin_field_loan_amount", err("invalid_value", "$.facts[1].id"), S("facts[1].id", "loan_amount"))
    case("fact_id_is_profile_key_requested_amount", err("invalid_value", "$.facts[0].id"), S("facts[0].id", "requested_amount"))
    case("fact_id_is_profile_key_founded", err("invalid_value", "$.facts[2].id"), S("facts[2].id", "founded"))
    case("fact_id_is_profile_key_facts", err("invalid_value", "$.facts[4].id"), S("facts[4].id", "facts"))
    case("fact_id_is_profile_key_qualifications", err("invalid_value", "$.facts[3].id"), S("facts[3].id", "qualifications"))
    case("fact_id_duplicate", err("duplicate_id", "$.facts[3].id"), S("facts[3].id", "pending_lawsuit"))
    case("fact_id_duplicate_appended_with_other_kind", err("duplicate_id", "$.facts[5].id"),
         A("facts", {"id": "insured_staff", "kind": "yes_no", "label": i18n("重复", "again")}))
    case("fact_id_not_a_string", err("wrong_type", "$.facts[0].id"), S("facts[0].id", 7))
    case("fact_id_missing", err("missing_field", "$.facts[0].id"), D_("facts[0].id"))
    # kinds and shape
    case("fact_kind_unknown_text", err("invalid_value", "$.facts[0].kind"), S("facts[0].kind", "text"))
    case("fact_kind_boolean_spelled_differently", err("invalid_value", "$.facts[2].kind"), S("facts[2].kind", "bool"))
    case("fact_kind_missing", err("missing_field", "$.facts[0].kind"), D_("facts[0].kind"))
    case("fact_kind_as_number", err("wrong_type", "$.facts[0].kind"), S("facts[0].kind", 1))
    case("fact_label_missing", err("missing_field", "$.facts[3].label"), D_("facts[3].label"))
    case("fact_label_missing_en", err("missing_field", "$.facts[0].label.en"), D_("facts[0].label.en"))
    case("fact_question_unknown_language", err("unknown_field", "$.facts[0].question.fr"), S("facts[0].question.fr", "Q"))
    case("fact_unknown_key_default", err("unknown_field", "$.facts[0].default"), S("facts[0].default", 0))
    case("fact_unknown_key_options_for_choices", err("unknown_field", "$.facts[4].options"),
         lambda d: d["facts"][4].update(options=d["facts"][4].pop("choices")))
    case("fact_source_oversized", err("too_large", "$.facts[1].source"), S("facts[1].source", "s" * 2001))
    case("facts_not_a_list", err("wrong_type", "$.facts"), S("facts", {"insured_staff": {"kind": "number"}}))
    case("fact_entry_not_an_object", err("wrong_type", "$.facts[1]"), S("facts[1]", "rd_share"))
    case("facts_201_too_many", err("too_large", "$.facts"),
         S("facts", fact_decls() + [{"id": f"f{i}", "kind": "yes_no", "label": i18n("事实", "fact")} for i in range(196)]))
    # choices
    case("choice_without_choices_key", err("empty_list", "$.facts[4].choices"), D_("facts[4].choices"))
    case("choice_with_empty_choices", err("empty_list", "$.facts[4].choices"), S("facts[4].choices", []))
    case("choice_duplicate_choice_id", err("duplicate_id", "$.facts[4].choices[3].id"),
         A("facts[4].choices", {"id": "3_to_6", "label": i18n("重复", "again")}))
    case("choice_empty_choice_id", err("invalid_value", "$.facts[4].choices[3].id"),
         A("facts[4].choices", {"id": "", "label": i18n("空", "empty")}))
    case("choice_choice_id_with_spaces", err("invalid_value", "$.facts[4].choices[0].id"), S("facts[4].choices[0].id", " below_3"))
    case("choice_choice_missing_label", err("missing_field", "$.facts[4].choices[1].label"), D_("facts[4].choices[1].label"))
    case("choice_choice_as_plain_string", err("wrong_type", "$.facts[4].choices[0]"), S("facts[4].choices[0]", "below_3"))
    case("choice_choice_unknown_key", err("unknown_field", "$.facts[4].choices[2].value"), S("facts[4].choices[2].value", 6))
    case("choices_on_number", err("invalid_value", "$.facts[0].choices"),
         S("facts[0].choices", [{"id": "many", "label": i18n("多", "many")}]))
    case("choices_on_yes_no", err("invalid_value", "$.facts[2].choices"),
         S("facts[2].choices", [{"id": "yes", "label": i18n("是", "yes")}, {"id": "no", "label": i18n("否", "no")}]))
    # number-only keys
    case("min_above_max", err("inverted_range", "$.facts[0].min"), S("facts[0].min", 10), S("facts[0].max", 5))
    case("min_above_max_decimal_strings", err("inverted_range", "$.facts[1].min"), S("facts[1].min", "0.5"), S("facts[1].max", "0.25"))
    case("min_on_yes_no", err("invalid_value", "$.facts[2].min"), S("facts[2].min", 0))
    case("max_on_choice", err("invalid_value", "$.facts[4].max"), S("facts[4].max", 3))
    case("whole_false_on_yes_no", err("invalid_value", "$.facts[3].whole"), S("facts[3].whole", False))
    case("whole_on_choice", err("invalid_value", "$.facts[4].whole"), S("facts[4].whole", True))
    case("unit_on_yes_no", err("invalid_value", "$.facts[2].unit"), S("facts[2].unit", i18n("件", "cases")))
    case("unit_on_choice", err("invalid_value", "$.facts[4].unit"), S("facts[4].unit", i18n("%", "%")))
    case("min_abc", err("wrong_type", "$.facts[0].min"), S("facts[0].min", "abc"))
    case("max_1e40", err("too_large", "$.facts[0].max"), S("facts[0].max", 1e40))
    case("max_13_decimals", err("too_large", "$.facts[1].max"), S("facts[1].max", "0.9999999999999"))
    case("whole_as_string", err("wrong_type", "$.facts[0].whole"), S("facts[0].whole", "yes"))
    case("unit_as_plain_string", err("wrong_type", "$.facts[0].unit"), S("facts[0].unit", "people"))

    # conditions naming facts: undeclared
    case("criterion_on_undeclared_fact", err("invalid_value", f"{P}.criteria[0].field"), S("products[0].criteria[0].field", "insured_staf"))
    case("criterion_group_member_on_undeclared_fact", err("invalid_value", f"{P}.criteria[4].any_of[1].field"),
         S("products[0].criteria[4].any_of[1].field", "staff"))
    case("criterion_3_deep_member_on_undeclared_fact", err("invalid_value", f"{P}.criteria[5].any_of[0].all_of[1].field"),
         S("products[0].criteria[5].any_of[0].all_of[1].field", "patent"))
    case("uplift_when_on_undeclared_fact", err("invalid_value", f"{P}.limit.uplifts[0].when[0].field"),
         S("products[0].limit.uplifts[0].when[0].field", "social_insurance_staff"))
    case("cap_when_group_on_undeclared_fact", err("invalid_value", f"{P}.limit.caps[1].when[0].any_of[1].all_of[0].field"),
         S("products[0].limit.caps[1].when[0].any_of[1].all_of[0].field", "staff"))
    case("tier_when_group_on_undeclared_fact", err("invalid_value", f"{P}.pricing.tiers[1].when[0].any_of[1].field"),
         S("products[0].pricing.tiers[1].when[0].any_of[1].field", "rd"))
    case("subsidy_condition_on_undeclared_fact", err("invalid_value", "$.subsidy_schemes[0].conditions[1].field"),
         S("subsidy_schemes[0].conditions[1].field", "staff_count"))
    case("share_rule_when_on_undeclared_fact", err("invalid_value", "$.subsidy_schemes[1].shares[0].when[0].field"),
         S("subsidy_schemes[1].shares[0].when[0].field", "rd_level"))
    case("condition_field_as_number", err("wrong_type", f"{P}.criteria[0].field"), S("products[0].criteria[0].field", 5))
    # operators that do not fit the kind
    case("op_gte_on_yes_no_fact", err("incompatible_condition", f"{P}.criteria[2].op"), S("products[0].criteria[2].op", "gte"))
    case("op_in_on_number_fact", err("incompatible_condition", f"{P}.criteria[0].op"),
         S("products[0].criteria[0].op", "in"), S("products[0].criteria[0].value", ["5", "6"]))
    case("op_lt_on_choice_fact_in_uplift", err("incompatible_condition", f"{P}.limit.uplifts[1].when[0].op"),
         S("products[0].limit.uplifts[1].when[0].op", "lt"))
    case("op_gt_on_choice_fact_in_nested_criterion", err("incompatible_condition", f"{P}.criteria[5].any_of[1].op"),
         S("products[0].criteria[5].any_of[1].op", "gt"))
    case("op_not_in_on_yes_no_fact_in_subsidy_conditions", err("incompatible_condition", "$.subsidy_schemes[0].conditions[0].op"),
         S("subsidy_schemes[0].conditions[0].op", "not_in"), S("subsidy_schemes[0].conditions[0].value", ["true"]))
    case("op_in_on_yes_no_fact_in_cap_group", err("incompatible_condition", f"{P}.limit.caps[1].when[0].any_of[1].all_of[1].op"),
         S("products[0].limit.caps[1].when[0].any_of[1].all_of[1].op", "in"))
    # values of the wrong type
    case("yes_no_fact_value_string_false", err("wrong_type", f"{P}.criteria[2].value"), S("products[0].criteria[2].value", "false"))
    case("yes_no_fact_value_0", err("wrong_type", f"{P}.pricing.tiers[0].when[0].value"), S("products[0].pricing.tiers[0].when[0].value", 0))
    case("yes_no_fact_value_null", err("wrong_type", f"{P}.criteria[2].value"), S("products[0].criteria[2].value", None))
    case("number_fact_value_true", err("wrong_type", f"{P}.criteria[0].value"), S("products[0].criteria[0].value", True))
    case("number_fact_value_abc", err("wrong_type", f"{P}.criteria[1].value"), S("products[0].criteria[1].value", "abc"))
    case("number_fact_value_abc_in_group", err("wrong_type", f"{P}.criteria[4].any_of[1].value"),
         S("products[0].criteria[4].any_of[1].value", "ten"))
    case("number_fact_value_percent_string_in_tier_group", err("wrong_type", f"{P}.pricing.tiers[1].when[0].any_of[1].value"),
         S("products[0].pricing.tiers[1].when[0].any_of[1].value", "10%"))
    case("number_fact_value_list", err("wrong_type", f"{P}.limit.uplifts[0].when[0].value"),
         S("products[0].limit.uplifts[0].when[0].value", ["10"]))
    case("number_fact_value_1e40", err("too_large", f"{P}.criteria[0].value"), S("products[0].criteria[0].value", 1e40))
    case("number_fact_value_13_decimals", err("too_large", "$.subsidy_schemes[0].conditions[1].value"),
         S("subsidy_schemes[0].conditions[1].value", "5.0000000000001"))
    case("choice_fact_eq_number", err("wrong_type", f"{P}.criteria[5].any_of[1].value"), S("products[0].criteria[5].any_of[1].value", 6))
    case("choice_fact_eq_list", err("wrong_type", f"{P}.limit.uplifts[1].when[0].value"),
         S("products[0].limit.uplifts[1].when[0].value", ["above_6"]))
    case("choice_fact_in_single_string", err("wrong_type", f"{P}.criteria[3].value"), S("products[0].criteria[3].value", "3_to_6"))
    case("choice_fact_eq_bool", err("wrong_type", "$.subsidy_schemes[1].shares[0].when[0].value"),
         S("subsidy_schemes[1].shares[0].when[0].value", True))
    # choice values not among the choices
    case("choice_fact_eq_unknown_choice", err("invalid_value", f"{P}.limit.uplifts[1].when[0].value"),
         S("products[0].limit.uplifts[1].when[0].value", "above_10"))
    case("choice_fact_eq_choice_label_instead_of_id", err("invalid_value", f"{P}.criteria[5].any_of[1].value"),
         S("products[0].criteria[5].any_of[1].value", "above 6%"))
    case("choice_fact_eq_wrong_case", err("invalid_value", "$.subsidy_schemes[1].shares[1].when[0].value"),
         S("subsidy_schemes[1].shares[1].when[0].value", "3_To_6"))
    case("choice_fact_in_list_second_unknown", err("invalid_value", f"{P}.criteria[3].value[1]"),
         S("products[0].criteria[3].value", ["3_to_6", "6_plus"]))
    case("choice_fact_in_list_unknown_in_tier", err("invalid_value", f"{P}.pricing.tiers[0].when[1].value[0]"),
         S("products[0].pricing.tiers[0].when[1].value", ["3-6", "above_6"]))
    case("choice_fact_in_empty_list", err("empty_list", f"{P}.criteria[3].value"), S("products[0].criteria[3].value", []))

    # groups
    case("empty_any_of_criterion", err("empty_list", f"{P}.criteria[4].any_of"), S("products[0].criteria[4].any_of", []))
    case("empty_all_of_nested_in_criterion", err("empty_list", f"{P}.criteria[5].any_of[0].all_of"),
         S("products[0].criteria[5].any_of[0].all_of", []))
    case("empty_all_of_nested_in_cap_when", err("empty_list", f"{P}.limit.caps[1].when[0].any_of[1].all_of"),
         S("products[0].limit.caps[1].when[0].any_of[1].all_of", []))
    case("empty_all_of_in_subsidy_conditions", err("empty_list", "$.subsidy_schemes[0].conditions[2].all_of"),
         A("subsidy_schemes[0].conditions", {"all_of": []}))
    case("empty_any_of_in_share_rule", err("empty_list", "$.subsidy_schemes[1].shares[0].when[0].any_of"),
         S("subsidy_schemes[1].shares[0].when[0]", {"any_of": []}))
    deep = deep_group(t("insured_staff", "gte", 1))
    case("groups_4_deep_in_criterion", err("too_large", f"{P}.criteria[6].any_of[0].all_of[0].any_of[0].all_of"),
         A("products[0].criteria", {"id": "too_deep", **deep}))
    case("groups_4_deep_in_uplift_when", err("too_large", f"{P}.limit.uplifts[0].when[1].any_of[0].all_of[0].any_of[0].all_of"),
         A("products[0].limit.uplifts[0].when", deep))
    case("groups_4_deep_in_cap_when", err("too_large", f"{P}.limit.caps[1].when[0].any_of[1].all_of[2].any_of[0].all_of"),
         A("products[0].limit.caps[1].when[0].any_of[1].all_of",
           {"any_of": [{"all_of": [{"any_of": [t("rd_band", "eq", "above_6")]}]}]}))
    case("groups_4_deep_in_tier_when", err("too_large", f"{P}.pricing.tiers[1].when[0].any_of[0].all_of[0].any_of[0].all_of"),
         S("products[0].pricing.tiers[1].when[0]", deep))
    case("groups_4_deep_in_subsidy_conditions", err("too_large", "$.subsidy_schemes[0].conditions[0].any_of[0].all_of[0].any_of[0].all_of"),
         S("subsidy_schemes[0].conditions[0]", deep_group(t("pending_lawsuit", "eq", False))))
    case("groups_4_deep_in_share_rule", err("too_large", "$.subsidy_schemes[1].shares[0].when[0].any_of[0].all_of[0].any_of[0].all_of"),
         S("subsidy_schemes[1].shares[0].when[0]", deep_group(t("rd_band", "eq", "above_6"))))
    case("group_with_extra_field_key_in_cap_when", err("unknown_field", f"{P}.limit.caps[1].when[0].field"),
         S("products[0].limit.caps[1].when[0].field", "rd_share"))
    case("group_with_extra_key_nested", err("unknown_field", f"{P}.criteria[5].any_of[0].label"),
         S("products[0].criteria[5].any_of[0].label", i18n("全部", "all")))
    case("criterion_group_with_extra_op_key", err("unknown_field", f"{P}.criteria[4].op"), S("products[0].criteria[4].op", "gte"))
    case("criterion_with_both_any_of_and_all_of", err("unknown_field", f"{P}.criteria[4].all_of"),
         S("products[0].criteria[4].all_of", [t("insured_staff", "gte", 1)]))
    case("condition_with_both_any_of_and_all_of", err("unknown_field", f"{P}.pricing.tiers[1].when[0].all_of"),
         S("products[0].pricing.tiers[1].when[0].all_of", [t("insured_staff", "gte", 1)]))
    case("condition_with_unknown_group_one_of", err("unknown_field", f"{P}.limit.uplifts[0].when[0].one_of"),
         S("products[0].limit.uplifts[0].when[0]", {"one_of": [t("insured_staff", "gte", 10)]}))
    case("group_member_not_an_object", err("wrong_type", f"{P}.criteria[4].any_of[0]"), S("products[0].criteria[4].any_of[0]", True))
    case("group_value_not_a_list", err("wrong_type", f"{P}.criteria[4].any_of"),
         S("products[0].criteria[4].any_of", t("insured_staff", "gte", 10)))
    case("group_value_null", err("wrong_type", "$.subsidy_schemes[0].conditions[0].any_of"),
         S("subsidy_schemes[0].conditions[0]", {"any_of": None}))
    case("group_201_members", err("too_large", f"{P}.criteria[4].any_of"),
         S("products[0].criteria[4].any_of", [t("insured_staff", "gte", i) for i in range(201)]))
    case("criterion_group_missing_id", err("missing_field", f"{P}.criteria[5].id"), D_("products[0].criteria[5].id"))
    case("criterion_group_required_as_string", err("wrong_type", f"{P}.criteria[4].required"), S("products[0].criteria[4].required", "no"))
    case("criterion_group_label_missing_zh", err("missing_field", f"{P}.criteria[4].label.zh-CN"),
         S("products[0].criteria[4].label", {"en": "mature or staffed"}))
    case("criterion_group_id_duplicate", err("duplicate_id", f"{P}.criteria[5].id"), S("products[0].criteria[5].id", "mature_or_staffed"))
    case("criterion_neither_test_nor_group", err("missing_field", f"{P}.criteria[6].field"),
         A("products[0].criteria", {"id": "nothing", "required": True}))

    # root cause first
    case("root_cause_bad_fact_id_before_conditions_naming_it", err("invalid_value", "$.facts[0].id"),
         S("facts[0].id", "Insured_Staff"), S("products[0].criteria[0].field", "Insured_Staff"))
    case("root_cause_builtin_collision_before_condition_misuse", err("invalid_value", "$.facts[4].id"),
         S("facts[4].id", "industry"), S("products[0].criteria[3].field", "industry"))
    case("root_cause_empty_choices_before_choice_values", err("empty_list", "$.facts[4].choices"), S("facts[4].choices", []))
    # One mistake (a choice declared as a number) makes its conditions' values non-numbers: the
    # declaration is the root cause and comes first in the document.
    case("root_cause_choice_declared_as_number", err("invalid_value", "$.facts[4].choices"), S("facts[4].kind", "number"))
    # A group nested too deep is refused as a whole, before anything inside it.
    case("root_cause_groups_4_deep_before_a_bad_number_inside", err("too_large", f"{P}.criteria[6].any_of[0].all_of[0].any_of[0].all_of"),
         A("products[0].criteria", {"id": "too_deep", **deep_group(t("insured_staff", "gte", "many"))}))
    # A decimal string beyond 10^13 is too large, as for firm amounts ("1e40" is a number, not "abc").
    case("number_fact_value_1e40_as_string", err("too_large", f"{P}.criteria[0].value"), S("products[0].criteria[0].value", "1e40"))
    return cases


BAD_PACKS_DESCRIPTION = (
    "Broken policy packs around pack-declared facts and any_of/all_of condition groups. Hand-curated: each case "
    "starts from the valid pack `facts-mini` of tests/vectors/tools/facts_vectors.py (facts[0] insured_staff "
    "number, facts[1] rd_share number, facts[2] pending_lawsuit yes_no, facts[3] has_patent yes_no, facts[4] "
    "rd_band choice; the product names them in criteria, groups, uplift/cap/tier `when`s and both subsidy "
    "schemes) and breaks one thing; expected is the first error's stable code and JSON path, chosen from the "
    "rules before the engine was run. Valid cases expect the pack id."
)


# --------------------------------------------------------------------------- bad_facts_firms.json


def bad_firm_cases():
    p = pack(copy.deepcopy(BAD_CRITERIA))
    cases = []

    def case(name, facts, expected, firm_doc=None):
        f = firm_doc if firm_doc is not None else firm(dict(ALL_PASS, **facts) if isinstance(facts, dict) else facts)
        cases.append({"name": name, "input": evaluate_input(p, f), "expected": expected})

    F = lambda fid: f"$.facts.{fid}"
    # wrong kind for each kind
    case("yes_no_given_string_false", {"pending_lawsuit": "false"}, err("wrong_type", F("pending_lawsuit")))
    case("yes_no_given_1", {"has_patent": 1}, err("wrong_type", F("has_patent")))
    case("number_given_true", {"insured_staff": True}, err("wrong_type", F("insured_staff")))
    case("choice_given_number", {"rd_band": 3}, err("wrong_type", F("rd_band")))
    case("choice_given_false", {"rd_band": False}, err("wrong_type", F("rd_band")))
    # numbers
    case("number_given_words", {"insured_staff": "twelve"}, err("wrong_type", F("insured_staff")))
    case("number_given_empty_string", {"insured_staff": ""}, err("wrong_type", F("insured_staff")))
    case("number_given_percent_string", {"rd_share": "5%"}, err("wrong_type", F("rd_share")))
    case("number_given_thousands_separator", {"insured_staff": "1,200"}, err("wrong_type", F("insured_staff")))
    case("number_below_min", {"insured_staff": -1}, err("out_of_range", F("insured_staff")))
    case("number_above_max", {"insured_staff": 100001}, err("out_of_range", F("insured_staff")))
    case("number_above_max_as_string", {"insured_staff": "100001"}, err("out_of_range", F("insured_staff")))
    case("fraction_above_max_1", {"rd_share": 1.5}, err("out_of_range", F("rd_share")))
    case("fraction_below_min_0_as_string", {"rd_share": "-0.01"}, err("out_of_range", F("rd_share")))
    case("fraction_for_whole_number", {"insured_staff": 12.5}, err("wrong_type", F("insured_staff")))
    case("fraction_for_whole_number_as_string", {"insured_staff": "12.5"}, err("wrong_type", F("insured_staff")))
    case("number_1e40", {"rd_share": 1e40}, err("too_large", F("rd_share")))
    case("number_1e40_as_string", {"rd_share": "1e40"}, err("too_large", F("rd_share")))
    case("number_above_10_pow_13", {"insured_staff": 100000000000000}, err("too_large", F("insured_staff")))
    case("number_13_decimals", {"rd_share": "0.0500000000001"}, err("too_large", F("rd_share")))
    case("number_string_oversized", {"insured_staff": "1" * 2001}, err("too_large", F("insured_staff")))
    # choices
    case("choice_unknown_id", {"rd_band": "above_10"}, err("invalid_value", F("rd_band")))
    case("choice_given_its_label", {"rd_band": "above 6%"}, err("invalid_value", F("rd_band")))
    case("choice_wrong_case", {"rd_band": "Above_6"}, err("invalid_value", F("rd_band")))
    case("choice_empty_string", {"rd_band": ""}, err("invalid_value", F("rd_band")))
    case("choice_string_oversized", {"rd_band": "x" * 2001}, err("too_large", F("rd_band")))
    # values that are no answer at all
    case("value_array", {"insured_staff": [12]}, err("wrong_type", F("insured_staff")))
    case("value_object", {"rd_band": {"id": "above_6"}}, err("wrong_type", F("rd_band")))
    case("facts_as_array", None, err("wrong_type", "$.facts"), firm_doc=dict(firm(), facts=[{"insured_staff": 12}]))
    case("facts_as_string", None, err("wrong_type", "$.facts"), firm_doc=dict(firm(), facts="insured_staff=12"))
    # Like `"qualifications": null`: the object itself may be left out, not given as null.
    case("facts_null", None, err("wrong_type", "$.facts"), firm_doc=dict(firm(), facts=None))
    case("facts_201_entries", None, err("too_large", "$.facts"),
         firm_doc=dict(firm(), facts={f"f{i:03d}": True for i in range(201)}))
    case("undeclared_fact_with_array_value", None, err("wrong_type", F("export_licence")),
         firm_doc=firm(dict(ALL_PASS, export_licence=["A"])))

    # valid: what a form sends
    all_pass_criteria = [{"id": c["id"], "status": "pass"} for c in BAD_CRITERIA]
    case("valid_null_means_not_answered",
         None,
         quote("needs_info", [g("staff", "unknown", observed=None), g("rd", "pass"), g("no_lawsuit", "pass"), g("rd_band_in", "pass"),
                              g("mature_or_staffed", "pass"), g("nested", "pass")]),
         firm_doc=firm(dict(ALL_PASS, insured_staff=None)))
    case("valid_whole_number_written_12_0", {"insured_staff": 12.0},
         quote("eligible", [g("staff", "pass", observed="12")] + all_pass_criteria[1:]))
    case("valid_number_string_with_spaces", {"insured_staff": " 12 "},
         quote("eligible", [g("staff", "pass", observed="12")] + all_pass_criteria[1:]))
    case("valid_choice_with_surrounding_spaces", {"rd_band": " above_6 "},
         quote("eligible", all_pass_criteria[:3] + [g("rd_band_in", "pass", observed="above_6")] + all_pass_criteria[4:]))
    case("valid_bounds_inclusive_min_0_max_1", {"insured_staff": 100000, "rd_share": "1"},
         quote("eligible", all_pass_criteria))
    ex = quote("eligible", all_pass_criteria)
    ex["warnings"] = [{"code": "undeclared_fact", "path": "$.facts.export_licence",
                       "message": msg("\"export_licence\" is not a fact this pack declares; ignored", "本数据包未声明 \"export_licence\"，已忽略")}]
    case("valid_undeclared_fact_is_a_warning", {"export_licence": "A"}, ex)
    cases.append({
        "name": "valid_facts_given_to_the_default_pack_are_warnings",
        "input": {"policy": "default", "firm": firm({"insured_staff": 12, "rd_band": "above_6"}), "as_of": AS_OF},
        "expected": {"warnings": [
            {"code": "undeclared_fact", "path": "$.facts.insured_staff"},
            {"code": "undeclared_fact", "path": "$.facts.rd_band"},
        ]},
    })
    return cases


BAD_FIRMS_DESCRIPTION = (
    "Firm profiles whose answers to pack-declared facts are broken, evaluated against the pack `facts-mini` "
    "(tests/vectors/tools/facts_vectors.py; insured_staff: whole number 0..100000, rd_share: number 0..1, "
    "pending_lawsuit and has_patent: yes_no, rd_band: choice below_3 / 3_to_6 / above_6). Hand-curated: "
    "expected is the stable code and the path `$.facts.<id>` chosen from the firm conventions of bad_firms.json "
    "(wrong JSON type or a non-numeric string or a fraction for a whole number: wrong_type; outside min/max: "
    "out_of_range; beyond 10^13, 12 decimals or 2000 characters: too_large; an unknown choice: invalid_value). "
    "Valid cases show what a form may send: null for an unanswered question (like null qualifications), "
    "12.0 for 12, numbers and choices with surrounding spaces, and facts the pack does not declare (warnings)."
)


# --------------------------------------------------------------------------- output


def write(name, kind, description, cases):
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), f"{name}: duplicate case names"
    doc = {"kind": kind, "description": description, "cases": cases}
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (OUT / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(cases)} cases")


def main():
    check_terms_arithmetic()
    write("facts.json", "evaluate", FACTS_DESCRIPTION, kinds_cases() + groups_cases() + terms_cases() + bank_g_cases())
    write("bad_facts_packs.json", "policy", BAD_PACKS_DESCRIPTION, bad_pack_cases())
    write("bad_facts_firms.json", "evaluate", BAD_FIRMS_DESCRIPTION, bad_firm_cases())


if __name__ == "__main__":
    main()
