"""Writes tests/vectors/advise.json: the advisor's cases, with expectations pinned from the
engine and checked two ways: crates/prequal/tests/advise.rs holds every option to the
figures `evaluate` gives for the same firm, amount, term and method (a brute force over the
candidates, with random firms), and the evaluate figures are held to the reference model
(evaluate.json, costs.json). This file pins the choice (best, frontier, exclusions, ties)
so that native and WASM give the same answer.

    python3 tests/vectors/tools/advise_cases.py   # needs cargo; runs `prequal advise`
"""
import copy, json, pathlib, subprocess, tempfile

ROOT = pathlib.Path(__file__).resolve().parents[3]
ELIGIBLE = json.loads((ROOT / "examples/firms/eligible.json").read_text())
INELIGIBLE = json.loads((ROOT / "examples/firms/ineligible.json").read_text())
BANK_G = json.loads((ROOT / "examples/packs/bank-g-tech-credit.json").read_text())
BANK_G_FIRM = json.loads((ROOT / "examples/firms/bank-g-applicant.json").read_text())


def tie_pack():
    """Two identical zero-rate products without guarantee: every option costs 0, so the
    ties decide: the lower largest payment (the longest term), then the product's place in
    the pack, then the method's order."""
    pack = copy.deepcopy(BANK_G)
    product = pack["products"][0]
    product["criteria"] = []
    product["pricing"] = {"base": "lpr_1y", "tiers": [{"spread": "-0.03"}], "floor": "0"}
    product["term_min_months"], product["term_max_months"] = 6, 12
    product["repayment_methods"] = ["interest_only", "equal_principal", "equal_installment"]
    twin = copy.deepcopy(product)
    twin["id"] = "twin-loan"
    pack["products"].append(twin)
    pack["id"] = "tie-pack"
    return pack


CASES = [
    ("default pack, eligible firm, total cost (no cap)", "default", ELIGIBLE, None),
    ("default pack, eligible firm, amount 2,000,000 and a 100,000 payment cap", "default", ELIGIBLE,
     {"amount": "2000000", "max_payment": "100000"}),
    ("default pack, eligible firm, objective apr", "default", ELIGIBLE, {"objective": "apr"}),
    ("default pack, eligible firm, objective max_payment", "default", ELIGIBLE, {"objective": "max_payment"}),
    ("default pack, eligible firm, objective written as on the command line (max-payment)", "default", ELIGIBLE,
     {"amount": 500000, "objective": "max-payment"}),
    ("default pack, a cap no option meets", "default", ELIGIBLE, {"max_payment": "1000"}),
    ("default pack, a firm eligible for nothing", "default", INELIGIBLE, {"amount": "500000"}),
    ("bank pack with declared facts, its applicant", BANK_G, BANK_G_FIRM, None),
    ("ties: identical zero-rate products and methods", tie_pack(), BANK_G_FIRM, {"amount": "120000"}),
]

OPTION_KEYS = ["product", "term_months", "method", "amount", "annual_rate", "rate_after_subsidy", "max_payment",
               "total_cost_net", "apr_net"]


def run(policy, firm, request):
    with tempfile.TemporaryDirectory() as tmp:
        firm_path = pathlib.Path(tmp, "firm.json")
        firm_path.write_text(json.dumps(firm))
        args = ["cargo", "run", "-q", "-p", "prequal-cli", "--", "advise", "--firm", str(firm_path)]
        if policy != "default":
            pack_path = pathlib.Path(tmp, "pack.json")
            pack_path.write_text(json.dumps(policy))
            args += ["--policy", str(pack_path)]
        for key, flag in (("amount", "--amount"), ("max_payment", "--max-payment"), ("objective", "--objective")):
            if request and key in request:
                args += [flag, str(request[key])]
        out = subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True).stdout
        return json.loads(out)


def pick(option):
    return {k: option[k] for k in OPTION_KEYS}


def main():
    cases = []
    for name, policy, firm, request in CASES:
        advice = run(policy, firm, request)
        expected = {
            "amount": advice["amount"],
            "objective": advice["objective"],
            "max_payment": advice["max_payment"],
            "best": pick(advice["best"]) if advice["best"] else None,
            "options": [{"product": o["product"], "term_months": o["term_months"], "method": o["method"]}
                        for o in advice["options"]],
            "frontier": [pick(o) for o in advice["frontier"]],
            "excluded": advice["excluded"],
        }
        case_input = {"policy": policy, "firm": firm}
        if request:
            case_input["request"] = request
        cases.append({"name": name, "input": case_input, "expected": expected})
    doc = {"kind": "advise", "description": __doc__.strip().splitlines()[0] + " " + " ".join(
        line.strip() for line in __doc__.strip().splitlines()[1:5]), "generated_by": "tests/vectors/tools/advise_cases.py",
        "cases": cases}
    (ROOT / "tests/vectors/advise.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
