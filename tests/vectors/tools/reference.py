#!/usr/bin/env python3
"""Independent reference implementation that (re)writes the JSON test vectors.

What it does
    Implements, independently of the Rust engine, the calculation conventions of
    shared/domain.md (sections 2 and 7) plus the precise rules in
    tests/vectors/README.md, and writes four vector files next to this folder:
        tests/vectors/schedule.json   repayment schedules (three methods)
        tests/vectors/apr.json        annualised cost (IRR) of a cash-flow vector
        tests/vectors/classify.json   SME size classification
        tests/vectors/costs.json      guarantee fees, subsidies, cash flows, APRs

    Money is computed with `decimal` (60 significant digits, ROUND_HALF_UP, which
    in Python is half away from zero). IRRs come from numpy_financial.irr (floats)
    and are cross-checked with a Decimal Newton solver. Equal-installment payments
    are cross-checked against numpy_financial.pmt.

    Guards (the script fails instead of writing a fragile vector):
      * a money value whose exact value is (or is within 1e-15 of) a half-cent tie
        but which was computed inexactly (repeating /12, powers) is rejected,
        because a 28-digit Decimal engine could legitimately round it either way;
      * an APR within 1e-9 of a 6th-place rounding boundary is left out
        (apr.json: the case is dropped; costs.json: that apr key is omitted);
        one within 1e-8 is kept but reported on stderr, so the case can be retuned.

How to run
    python3 tests/vectors/tools/reference.py      (from the repository root or anywhere)
    Needs Python 3.11 and numpy-financial (pip install numpy-financial).
    Output is deterministic: running it twice gives byte-identical files.
"""
import json
import math
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal as D, getcontext
from pathlib import Path

import numpy_financial as npf

getcontext().prec = 60
getcontext().rounding = ROUND_HALF_UP

OUT_DIR = Path(__file__).resolve().parent.parent
GENERATED_BY = "tests/vectors/tools/reference.py"
CENT = D("0.01")
MICRO = D("0.000001")
TIE_EPS = D("1e-15")
W = 10_000  # 万 yuan
WARNINGS = []


# ---------------------------------------------------------------- rounding helpers

def dist_to_tie(x, quantum):
    """Distance of x from the nearest rounding boundary (an odd multiple of quantum/2)."""
    frac = (abs(x) / quantum) % 1
    return abs(frac - D("0.5")) * quantum


def money(x):
    """Round to 0.01, half away from zero; refuse inexact values sitting on a tie."""
    long_repr = x.as_tuple().exponent < -20
    if long_repr and dist_to_tie(x, CENT) < TIE_EPS:
        raise ValueError(f"ambiguous half-cent tie: {x}")
    return x.quantize(CENT)


def fmt_money(x):
    q = x.quantize(CENT)
    assert q == x, f"not a 2-dp amount: {x}"
    return str(abs(q) if q == 0 else q)


def fmt_rate6(x):
    q = x.quantize(MICRO)
    return str(abs(q) if q == 0 else q)


# ---------------------------------------------------------------- schedules

def level_payment(P, r, n):
    if r == 0:
        return money(P / n)
    return money(P * r / (1 - (1 + r) ** (-n)))


def check_pmt(P, annual, n, payment):
    """Cross-check the level payment against numpy_financial.pmt (floats)."""
    f = -float(npf.pmt(float(annual) / 12, n, float(P)))
    assert abs(f - float(payment)) <= 0.005 + 1e-9 * max(1.0, f), (P, annual, n, f, payment)


def period_principal(method, k, n, P, bal, interest, pay):
    if k == n:
        return bal
    if method == "equal_installment":
        return min(pay - interest, bal)
    if method == "equal_principal":
        return money(P / n)
    assert method == "interest_only", method
    return D(0)


def schedule(P, annual, n, method):
    """Rows with period, payment, principal, interest, balance (+ internal balance_before)."""
    r = annual / 12
    pay = level_payment(P, r, n) if method == "equal_installment" else None
    rows, bal = [], P
    for k in range(1, n + 1):
        interest = money(bal * r)
        principal = period_principal(method, k, n, P, bal, interest, pay)
        assert principal >= 0, (k, principal)
        rows.append({"period": k, "payment": principal + interest, "principal": principal,
                     "interest": interest, "balance": bal - principal, "balance_before": bal})
        bal -= principal
    assert bal == 0
    return rows


def schedule_json(rows):
    keys = ("payment", "principal", "interest", "balance")
    return {
        "rows": [{"period": r["period"], **{k: fmt_money(r[k]) for k in keys}} for r in rows],
        "total_interest": fmt_money(sum(r["interest"] for r in rows)),
        "total_payment": fmt_money(sum(r["payment"] for r in rows)),
    }


# ---------------------------------------------------------------- IRR / APR

def newton_irr(amounts, guess):
    """Decimal Newton refinement of the per-period IRR (independent cross-check)."""
    x = D(guess)
    for _ in range(100):
        v = 1 / (1 + x)
        f = sum(a * v ** t for t, a in enumerate(amounts))
        df = sum(-t * a * v ** (t + 1) for t, a in enumerate(amounts))
        step = f / df
        x -= step
        if abs(step) < D("1e-40"):
            break
    return x


def apr(amounts, per_year):
    """per_year x IRR rounded to 6 dp as a string, or None near a rounding boundary."""
    irr = float(npf.irr([float(a) for a in amounts]))
    assert not math.isnan(irr), amounts
    value = D(irr) * per_year
    exact = newton_irr(amounts, irr) * per_year
    assert abs(value - exact) < D("1e-10"), (value, exact)
    dist = min(dist_to_tie(value, MICRO), dist_to_tie(exact, MICRO))
    if dist < D("1e-9"):
        return None
    if dist < D("1e-8"):
        WARNINGS.append(f"APR {exact:.12f} kept but within 1e-8 of a rounding boundary")
    return fmt_rate6(value)


# ---------------------------------------------------------------- schedule vectors

def schedule_case(name, P, rate, n, method):
    rows = schedule(D(P), D(rate), n, method)
    if method == "equal_installment" and D(rate) != 0:
        check_pmt(D(P), D(rate), n, rows[0]["payment"])
    inp = {"principal": P, "annual_rate": rate, "months": n, "method": method}
    return {"name": name, "input": inp, "expected": schedule_json(rows)}


def schedule_cases():
    # numpy-financial anchor figures, asserted literally.
    assert f"{-npf.pmt(0.08 / 12, 60, 15000):.2f}" == "304.15"
    assert f"{-npf.pmt(0.075 / 12, 180, 200000):.2f}" == "1854.02"
    ei, ep, io = "equal_installment", "equal_principal", "interest_only"
    specs = [
        ("numpy_pmt_15000_at_8pct_60m", "15000", "0.08", 60, ei),
        ("numpy_pmt_200000_at_7_5pct_180m", "200000", "0.075", 180, ei),
        ("full_12m_equal_installment_120000_at_4_35pct", "120000", "0.0435", 12, ei),
        ("full_12m_equal_principal_120000_at_4_35pct", "120000", "0.0435", 12, ep),
        ("full_12m_interest_only_120000_at_4_35pct", "120000", "0.0435", 12, io),
        ("zero_rate_equal_installment_1000_over_7m", "1000", "0", 7, ei),
        ("zero_rate_equal_principal_1000_over_7m", "1000", "0", 7, ep),
        ("zero_rate_interest_only_1000_over_7m", "1000", "0", 7, io),
        ("one_month_equal_installment", "50000", "0.0365", 1, ei),
        ("one_month_equal_principal", "50000", "0.0365", 1, ep),
        ("one_month_interest_only", "50000", "0.0365", 1, io),
        ("mortgage_360m_equal_installment_1000000_at_4_9pct", "1000000", "0.049", 360, ei),
        ("mortgage_360m_equal_principal_1000000_at_4_9pct", "1000000", "0.049", 360, ep),
        ("large_50000000_equal_installment_36m_at_3_45pct", "50000000", "0.0345", 36, ei),
        ("large_50000000_equal_principal_36m_at_3_45pct", "50000000", "0.0345", 36, ep),
        ("odd_principal_1000001_01_equal_principal_12m", "1000001.01", "0.0385", 12, ep),
        ("odd_principal_1000001_01_equal_installment_12m", "1000001.01", "0.0385", 12, ei),
        ("interest_only_3000000_36m_at_3_1pct", "3000000", "0.031", 36, io),
        ("park_loan_10000000_36m_at_3_48pct", "10000000", "0.0348", 36, ei),
    ]
    cases = [schedule_case(*s) for s in specs]
    assert cases[0]["expected"]["rows"][0]["payment"] == "304.15"
    assert cases[1]["expected"]["rows"][0]["payment"] == "1854.02"
    return cases


# ---------------------------------------------------------------- apr vectors

def flows_from_schedule(P, rate, n, method, fee_t0="0"):
    rows = schedule(D(P), D(rate), n, method)
    return [D(P) - D(fee_t0)] + [-r["payment"] for r in rows]


def apr_case(name, amounts, per_year):
    amounts = [D(a).quantize(CENT) for a in amounts]
    value = apr(amounts, per_year)
    if value is None:
        WARNINGS.append(f"apr.json: dropped {name} (APR on a rounding boundary)")
        return None
    flows = [{"period": t, "amount": fmt_money(a)} for t, a in enumerate(amounts)]
    inp = {"cash_flows": flows, "periods_per_year": per_year}
    return {"name": name, "input": inp, "expected": {"apr": value}}


def apr_cases():
    ei, ep, io = "equal_installment", "equal_principal", "interest_only"
    specs = [
        ("fee_300_at_t0_15000_8pct_60m", flows_from_schedule("15000", "0.08", 60, ei, "300"), 12),
        ("no_fee_15000_8pct_60m", flows_from_schedule("15000", "0.08", 60, ei), 12),
        ("zero_interest_12000_over_12m", ["12000"] + ["-1000"] * 12, 12),
        ("mortgage_360_periods_1000000_4_9pct", flows_from_schedule("1000000", "0.049", 360, ei), 12),
        ("equal_principal_120000_4_35pct_12m", flows_from_schedule("120000", "0.0435", 12, ep), 12),
        ("interest_only_fee_1pct_upfront_36m",
         flows_from_schedule("1000000", "0.035", 36, io, "30000"), 12),
        ("single_period_1pct", ["100", "-101"], 12),
        ("quarterly_10000_four_payments_of_2600", ["10000", "-2600", "-2600", "-2600", "-2600"], 4),
        ("annual_1000_repay_1080", ["1000", "-1080"], 1),
        ("balloon_with_zero_months", ["10000", "0", "0", "-100", "0", "0", "-10150"], 12),
        ("fees_at_t0_and_month_12_24m", annual_fee_flows(), 12),
    ]
    return [c for c in (apr_case(*s) for s in specs) if c is not None]


def annual_fee_flows():
    """500000 at 3.45% for 24 months, 1% fee paid at t0 and month 12 (on the balance)."""
    rows = schedule(D("500000"), D("0.0345"), 24, "equal_installment")
    fee0 = money(D("500000") * D("0.01"))
    fee1 = money(rows[11]["balance"] * D("0.01"))
    flows = [D("500000") - fee0] + [-r["payment"] for r in rows]
    flows[12] -= fee1
    return flows


# ---------------------------------------------------------------- classify (domain.md §2)

# industry id -> (SME ceiling: below any; medium: all >=; small: all >=), each [(figure, number)]
ROWS = {
    "agriculture": ([("revenue", 20000 * W)], [("revenue", 500 * W)], [("revenue", 50 * W)]),
    "industry": ([("employees", 1000), ("revenue", 40000 * W)],
                 [("employees", 300), ("revenue", 2000 * W)],
                 [("employees", 20), ("revenue", 300 * W)]),
    "construction": ([("revenue", 80000 * W), ("assets", 80000 * W)],
                     [("revenue", 6000 * W), ("assets", 5000 * W)],
                     [("revenue", 300 * W), ("assets", 300 * W)]),
    "wholesale": ([("employees", 200), ("revenue", 40000 * W)],
                  [("employees", 20), ("revenue", 5000 * W)],
                  [("employees", 5), ("revenue", 1000 * W)]),
    "retail": ([("employees", 300), ("revenue", 20000 * W)],
               [("employees", 50), ("revenue", 500 * W)],
               [("employees", 10), ("revenue", 100 * W)]),
    "transport": ([("employees", 1000), ("revenue", 30000 * W)],
                  [("employees", 300), ("revenue", 3000 * W)],
                  [("employees", 20), ("revenue", 200 * W)]),
    "warehousing": ([("employees", 200), ("revenue", 30000 * W)],
                    [("employees", 100), ("revenue", 1000 * W)],
                    [("employees", 20), ("revenue", 100 * W)]),
    "postal": ([("employees", 1000), ("revenue", 30000 * W)],
               [("employees", 300), ("revenue", 2000 * W)],
               [("employees", 20), ("revenue", 100 * W)]),
    "accommodation": ([("employees", 300), ("revenue", 10000 * W)],
                      [("employees", 100), ("revenue", 2000 * W)],
                      [("employees", 10), ("revenue", 100 * W)]),
    "catering": ([("employees", 300), ("revenue", 10000 * W)],
                 [("employees", 100), ("revenue", 2000 * W)],
                 [("employees", 10), ("revenue", 100 * W)]),
    "information_transmission": ([("employees", 2000), ("revenue", 100000 * W)],
                                 [("employees", 100), ("revenue", 1000 * W)],
                                 [("employees", 10), ("revenue", 100 * W)]),
    "software_it": ([("employees", 300), ("revenue", 10000 * W)],
                    [("employees", 100), ("revenue", 1000 * W)],
                    [("employees", 10), ("revenue", 50 * W)]),
    "real_estate_development": ([("revenue", 200000 * W), ("assets", 10000 * W)],
                                [("revenue", 1000 * W), ("assets", 5000 * W)],
                                [("revenue", 100 * W), ("assets", 2000 * W)]),
    "property_management": ([("employees", 1000), ("revenue", 5000 * W)],
                            [("employees", 300), ("revenue", 1000 * W)],
                            [("employees", 100), ("revenue", 500 * W)]),
    "leasing_business_services": ([("employees", 300), ("assets", 120000 * W)],
                                  [("employees", 100), ("assets", 8000 * W)],
                                  [("employees", 10), ("assets", 100 * W)]),
    "other": ([("employees", 300)], [("employees", 100)], [("employees", 10)]),
}
TIERS = ("ceiling", "medium_floor", "small_floor")


def classify(industry, firm):
    ceiling, medium, small = ROWS[industry]
    used = {f for tier in ROWS[industry] for f, _ in tier}
    if any(firm.get(f) is None for f in used):
        return "unknown"
    if not any(firm[f] < t for f, t in ceiling):
        return "large"
    if all(firm[f] >= t for f, t in medium):
        return "medium"
    if all(firm[f] >= t for f, t in small):
        return "small"
    return "micro"


def classify_case(name, industry, firm):
    inp = {"industry": industry}
    for f in ("employees", "revenue", "assets"):
        if firm.get(f) is not None:
            inp[f] = firm[f] if f == "employees" else str(firm[f])
    return {"name": name, "input": inp, "expected": {"size": classify(industry, firm)}}


BOUNDARY_FLIP = {"ceiling": ("large", "medium"), "medium_floor": ("medium", "small"),
                 "small_floor": ("small", "micro")}


def boundary_cases(industry):
    """For each tier and figure: other figures sit exactly on that tier's numbers."""
    cases = []
    for tier_name, tier in zip(TIERS, ROWS[industry]):
        assert {f for f, _ in tier} == {f for f, _ in ROWS[industry][0]}
        for fig, number in tier:
            for label, value in (("at", number), ("one_below", number - 1)):
                firm = dict(tier)
                firm[fig] = value
                case = classify_case(f"{industry}_{tier_name}_{fig}_{label}_{value}", industry, firm)
                want = BOUNDARY_FLIP[tier_name][0 if label == "at" else 1]
                assert case["expected"]["size"] == want, (case, want)
                cases.append(case)
    return cases


def classify_extra_cases():
    c = classify_case
    return [
        c("unknown_industry_revenue_missing_even_with_5000_staff", "industry", {"employees": 5000}),
        c("unknown_industry_revenue_missing_even_with_3_staff", "industry", {"employees": 3}),
        c("unknown_industry_employees_missing", "industry", {"revenue": 1_000_000}),
        c("unknown_agriculture_revenue_missing_staff_given", "agriculture", {"employees": 10}),
        c("unknown_construction_assets_missing", "construction", {"revenue": 1_000_000}),
        c("unknown_leasing_employees_missing_revenue_given", "leasing_business_services",
          {"assets": 1_000_000, "revenue": 5_000_000}),
        c("unknown_real_estate_revenue_missing", "real_estate_development", {"assets": 30_000_000}),
        c("unknown_other_nothing_given", "other", {}),
        c("unknown_software_it_nothing_given", "software_it", {}),
        c("ignored_agriculture_staff_and_assets", "agriculture",
          {"employees": 100_000, "revenue": 4_000_000, "assets": 10 ** 12}),
        c("ignored_industry_assets", "industry",
          {"employees": 150, "revenue": 40_000_000, "assets": 10 ** 12}),
        c("ignored_other_revenue_and_assets", "other",
          {"employees": 50, "revenue": 10 ** 12, "assets": 10 ** 12}),
        c("ignored_retail_assets_micro", "retail", {"employees": 9, "revenue": 500_000, "assets": 1}),
        c("ignored_construction_staff", "construction",
          {"employees": 50_000, "revenue": 70_000_000, "assets": 60_000_000}),
        c("zero_everything_industry_micro", "industry", {"employees": 0, "revenue": 0}),
        c("industry_large_by_both", "industry", {"employees": 1000, "revenue": 400_000_000}),
        c("industry_sme_by_revenue_alone", "industry", {"employees": 5000, "revenue": 399_999_999}),
        c("industry_sme_by_staff_alone", "industry", {"employees": 999, "revenue": 10 ** 10}),
        c("industry_medium_staff_but_small_revenue", "industry", {"employees": 900, "revenue": 5_000_000}),
        c("industry_micro_staff_but_big_revenue", "industry", {"employees": 19, "revenue": 300_000_000}),
        c("real_estate_small_revenue_small_assets_gap", "real_estate_development",
          {"revenue": 50_000_000, "assets": 19_999_999}),
    ]


def classify_cases():
    cases = [case for industry in ROWS for case in boundary_cases(industry)]
    return cases + classify_extra_cases()


# ---------------------------------------------------------------- costs

def guarantee_fees(P, n, rows, g):
    """[(period, amount)] of guarantee fee payments."""
    if g is None:
        return []
    rate = D(g["fee_rate"])
    if g["timing"] == "upfront":
        return [(0, money(P * rate * n / 12))]
    assert g["timing"] == "annual", g
    fees = []
    for y in range(math.ceil(n / 12)):
        p = 12 * y
        balance = P if p == 0 else rows[p - 1]["balance"]
        fees.append((p, money(balance * rate * min(12, n - p) / 12)))
    return fees


def interest_items(rows):
    return [{"period": r["period"], "year": (r["period"] - 1) // 12, "cost": r["interest"],
             "remaining": r["interest"], "balance_before": r["balance_before"]} for r in rows]


def fee_items(fees):
    return [{"period": p, "year": p // 12, "cost": a, "remaining": a} for p, a in fees]


def interest_base(item, annual, s):
    if s["basis"] == "points":
        return D(s["points"]) / 12 * item["balance_before"]
    cap = s.get("counted_rate_cap")
    counted = item["cost"]
    if cap is not None and annual > D(cap):
        counted = item["balance_before"] * D(cap) / 12
    return D(s["share"]) * counted


def fee_base(item, s):
    assert s["basis"] == "share", "points basis is for interest subsidies only"
    return D(s["share"]) * item["cost"]


def groups(items, timing, n):
    """[(receive period, [item indices])] in period order."""
    idx = range(len(items))
    if timing == "per_period":
        out = [(items[i]["period"], [i]) for i in idx]
    elif timing == "annual":
        by_year = defaultdict(list)
        for i in idx:
            by_year[items[i]["year"]].append(i)
        out = [(min(12 * (y + 1), n), ids) for y, ids in sorted(by_year.items())]
    else:
        assert timing == "at_maturity", timing
        out = [(n, list(idx))] if items else []
    return sorted(out, key=lambda g: g[0])


def consume(items, ids, amount):
    for i in ids:
        take = min(amount, items[i]["remaining"])
        items[i]["remaining"] -= take
        amount -= take
    assert amount == 0


def group_raw(items, ids, bases, cap_left):
    raw = D(0)
    for y in sorted({items[i]["year"] for i in ids}):
        b = sum(bases[i] for i in ids if items[i]["year"] == y)
        raw += b if cap_left is None else min(b, cap_left[y])
    return raw


def apply_scheme(items, bases, s, n):
    """Run one subsidy scheme; returns [(receive period, amount)]."""
    max_years = s.get("max_years")
    bases = [b if max_years is None or it["year"] < max_years else D(0)
             for it, b in zip(items, bases)]
    cap = s.get("cap_per_year")
    cap_left = None if cap is None else defaultdict(lambda: D(cap))
    received = []
    for period, ids in groups(items, s["timing"], n):
        amount = money(group_raw(items, ids, bases, cap_left))
        amount = min(amount, sum(items[i]["remaining"] for i in ids))
        consume(items, ids, amount)
        years = {items[i]["year"] for i in ids}
        if cap_left is not None and len(years) == 1:
            cap_left[years.pop()] -= amount
        received.append((period, amount))
    return received


def run_subsidies(inp, rows, fees, n):
    annual = D(inp["annual_rate"])
    i_items, f_items = interest_items(rows), fee_items(fees)
    i_recv, f_recv = [], []
    for s in inp["interest_subsidies"]:
        i_recv += apply_scheme(i_items, [interest_base(it, annual, s) for it in i_items], s, n)
    for s in inp["fee_subsidies"]:
        f_recv += apply_scheme(f_items, [fee_base(it, s) for it in f_items], s, n)
    return i_recv, f_recv


def cash_flows(P, rows, fees, received, n):
    gross = [P] + [-r["payment"] for r in rows]
    for p, a in fees:
        gross[p] -= a
    net = list(gross)
    for p, a in received:
        net[p] += a
    assert len(gross) == n + 1
    return gross, net


def flows_json(flows):
    return [{"period": t, "amount": fmt_money(a)} for t, a in enumerate(flows)]


def costs_expected(name, inp):
    P, n = D(inp["principal"]), inp["months"]
    rows = schedule(P, D(inp["annual_rate"]), n, inp["method"])
    fees = guarantee_fees(P, n, rows, inp["guarantee"])
    i_recv, f_recv = run_subsidies(inp, rows, fees, n)
    gross, net = cash_flows(P, rows, fees, i_recv + f_recv, n)
    exp = {
        "schedule": schedule_json(rows),
        "guarantee_fees": [{"period": p, "amount": fmt_money(a)} for p, a in fees],
        "guarantee_fee_total": fmt_money(sum((a for _, a in fees), D(0))),
        "interest_subsidy_total": fmt_money(sum((a for _, a in i_recv), D(0))),
        "fee_subsidy_total": fmt_money(sum((a for _, a in f_recv), D(0))),
        "cash_flows_gross": flows_json(gross),
        "cash_flows_net": flows_json(net),
    }
    for key, flows in (("apr_gross", gross), ("apr_net", net)):
        value = apr(flows, 12)
        if value is None:
            WARNINGS.append(f"costs.json: {name}: {key} omitted (APR on a rounding boundary)")
        else:
            exp[key] = value
    return exp


def costs_case(name, P, rate, n, method, guarantee=None, isubs=(), fsubs=()):
    inp = {"principal": P, "annual_rate": rate, "months": n, "method": method,
           "guarantee": guarantee, "interest_subsidies": list(isubs), "fee_subsidies": list(fsubs)}
    return {"name": name, "input": inp, "expected": costs_expected(name, inp)}


def share(sh, timing, cap=None, counted=None, max_years=None):
    s = {"basis": "share", "share": sh, "timing": timing}
    return with_limits(s, cap, max_years, counted)


def points(pp, timing, cap=None, max_years=None):
    return with_limits({"basis": "points", "points": pp, "timing": timing}, cap, max_years, None)


def with_limits(s, cap, max_years, counted):
    if counted is not None:
        s["counted_rate_cap"] = counted
    if cap is not None:
        s["cap_per_year"] = cap
    if max_years is not None:
        s["max_years"] = max_years
    return s


def guarantee(rate, timing):
    return {"fee_rate": rate, "timing": timing}


def costs_cases():
    ei, ep, io = "equal_installment", "equal_principal", "interest_only"
    M, TM = "1000000", "10000000"
    up1, an1 = guarantee("0.01", "upfront"), guarantee("0.01", "annual")
    up15 = guarantee("0.015", "upfront")
    c = costs_case
    return [
        c("plain_no_guarantee_no_subsidy", M, "0.035", 36, ei),
        c("upfront_fee_1pct_36m", M, "0.0345", 36, ei, up1),
        c("annual_fee_1pct_equal_installment_36m", M, "0.035", 36, ei, an1),
        c("annual_fee_1pct_equal_principal_30m_partial_last_year", M, "0.035", 30, ep, an1),
        c("annual_fee_1pct_interest_only_30m_partial_last_year", M, "0.035", 30, io, an1),
        c("annual_fee_1pct_equal_installment_30m_partial_last_year", M, "0.035", 30, ei, an1),
        c("share_50_per_period_no_cap", M, "0.035", 36, ei, None, [share("0.5", "per_period")]),
        c("share_50_per_period_cap_1m_not_hit", M, "0.035", 36, ei, None,
          [share("0.5", "per_period", cap="1000000")]),
        c("share_50_annual_cap_1m_not_hit", M, "0.035", 36, ei, None,
          [share("0.5", "annual", cap="1000000")]),
        c("share_50_at_maturity_cap_1m_not_hit", M, "0.035", 36, ei, None,
          [share("0.5", "at_maturity", cap="1000000")]),
        c("share_50_per_period_cap_100k_hit_10m_loan", TM, "0.04", 36, ei, None,
          [share("0.5", "per_period", cap="100000")]),
        c("share_50_annual_cap_100k_hit_10m_loan", TM, "0.04", 36, ei, None,
          [share("0.5", "annual", cap="100000")]),
        c("share_50_at_maturity_cap_100k_hit_10m_loan", TM, "0.04", 36, ei, None,
          [share("0.5", "at_maturity", cap="100000")]),
        c("share_50_annual_30m_cap_hit_partial_last_year", TM, "0.04", 30, ei, None,
          [share("0.5", "annual", cap="100000")]),
        c("counted_rate_cap_active_rate_6_5pct_above_5_655pct", "2000000", "0.065", 36, ei, None,
          [share("0.5", "annual", cap="1000000", counted="0.05655")]),
        c("counted_rate_cap_inactive_rate_4_5pct_below_5_655pct", "2000000", "0.045", 36, ei, None,
          [share("0.5", "annual", cap="1000000", counted="0.05655")]),
        c("counted_rate_cap_active_per_period_cap_hit", TM, "0.07", 24, ep, None,
          [share("0.5", "per_period", cap="200000", counted="0.05655")]),
        c("points_1_5pp_max_2_years_per_period_36m", "5000000", "0.0385", 36, ei, None,
          [points("0.015", "per_period", max_years=2)]),
        c("points_1pp_max_1_year_annual_equal_principal", "3000000", "0.0345", 24, ep, None,
          [points("0.01", "annual", max_years=1)]),
        c("stacked_share_70_then_share_50_limited_by_remaining", M, "0.035", 36, ei, None,
          [share("0.7", "per_period"), share("0.5", "per_period")]),
        c("stacked_points_1pp_per_period_then_share_50_annual", "2000000", "0.0385", 24, ei, None,
          [points("0.01", "per_period"), share("0.5", "annual", cap="1000000")]),
        c("points_3_5pp_above_rate_3pct_net_interest_zero", M, "0.03", 24, ei, None,
          [points("0.035", "per_period")]),
        c("points_3_5pp_above_rate_3pct_at_maturity", M, "0.03", 24, ei, None,
          [points("0.035", "at_maturity")]),
        c("fee_subsidy_100_cap_300k_hit_per_period", TM, "0.035", 36, ei, up15, [],
          [share("1", "per_period", cap="300000")]),
        c("fee_subsidy_100_cap_300k_hit_annual", TM, "0.035", 36, ei, up15, [],
          [share("1", "annual", cap="300000")]),
        c("fee_subsidy_100_cap_300k_hit_at_maturity", TM, "0.035", 36, ei, up15, [],
          [share("1", "at_maturity", cap="300000")]),
        c("fee_subsidy_80_cap_300k_not_hit_per_period", TM, "0.035", 36, ei, an1, [],
          [share("0.8", "per_period", cap="300000")]),
        c("fee_subsidy_80_cap_300k_not_hit_annual", TM, "0.035", 36, ei, an1, [],
          [share("0.8", "annual", cap="300000")]),
        c("fee_subsidy_80_cap_300k_not_hit_at_maturity", TM, "0.035", 36, ei, an1, [],
          [share("0.8", "at_maturity", cap="300000")]),
        c("interest_only_share_50_annual_with_annual_fee_and_fee_subsidy", "3000000", "0.0375", 30,
          io, an1, [share("0.5", "annual", cap="1000000")], [share("0.5", "annual", cap="300000")]),
        c("equal_principal_share_70_per_period_max_1_year", "4000000", "0.04", 24, ep, up1,
          [share("0.7", "per_period", cap="1000000", max_years=1)]),
        c("everything_30m_annual_fee_two_interest_schemes_fee_subsidy", "8000000", "0.0415", 30, ei,
          guarantee("0.015", "annual"),
          [points("0.015", "per_period", max_years=2), share("0.5", "annual", cap="100000")],
          [share("0.8", "at_maturity", cap="300000")]),
    ]


# ---------------------------------------------------------------- output

DESCRIPTIONS = {
    "schedule": "Repayment schedules (domain.md §7): equal_installment, equal_principal, "
                "interest_only; monthly rate = annual/12 unrounded; money rounded half away "
                "from zero to 0.01 per period.",
    "apr": "Annualised cost: periods_per_year x per-period IRR (numpy_financial.irr), nominal, "
           "rounded half away from zero to 6 places. Borrower's view: + received, - paid.",
    "classify": "SME size classification (domain.md §2, 工信部联企业〔2011〕300号); strict "
                "unknown rule: any figure the industry row uses that is absent gives unknown.",
    "costs": "One loan's guarantee fees, interest and fee subsidies, gross and net cash flows "
             "(borrower's view, one entry per period 0..n) and gross/net APR (12 x monthly IRR).",
}


def write(kind, cases):
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    doc = {"kind": kind, "description": DESCRIPTIONS[kind],
           "generated_by": GENERATED_BY, "cases": cases}
    text = json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    (OUT_DIR / f"{kind}.json").write_text(text, encoding="utf-8")
    print(f"{kind}.json: {len(cases)} cases")


def main():
    write("schedule", schedule_cases())
    write("apr", apr_cases())
    write("classify", classify_cases())
    write("costs", costs_cases())
    for w in WARNINGS:
        print("note:", w, file=sys.stderr)


if __name__ == "__main__":
    main()
