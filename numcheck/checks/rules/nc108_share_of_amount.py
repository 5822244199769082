"""NC108 share-of-amount: "70 percent of the 3 million households, about 2.6 million".

Reads `Share` relations whose part was computed from the share and the whole.
"""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.arith import judge, shown
from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import Tolerance, fmt, interval

DOCS = RuleDocs(
    what="A share of an amount given together with its result, where the result is not that share: "
         "\"70 percent of the 3 million households, about 2.6 million\" (it is 2.1 million).",
    why="The computed result is the figure readers quote; when it disagrees with the share, one of "
        "the three figures is wrong.",
    fires="Broadband now reaches 70 percent of the 3 million households, about 2.6 million.",
    quiet="A third of the 90 beds, 30 beds, are kept for emergencies.",
    fix="Recompute the result as share x amount, or correct the share. The amount is taken as "
        "written (the result was computed from it); the share and the result are read at their "
        "written precision, with the hedge tolerance for \"about\".",
)


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for share in facts.relations.shares:
        if share.derived != "part" or share.part is None or share.whole is None:
            continue
        s, amount, result = share.share, share.whole, share.part
        fraction = interval(s, tol).scale(0.01 if s.kind == "percent" else 1.0)
        # the writer computed the result from the amount as written, so the amount is taken as
        # written; the share keeps its rounding and the result its rounding and hedge
        expected = fraction.scale(amount.value)
        k = s.value / 100 if s.kind == "percent" else s.value
        exact = k * amount.value
        verdict = judge(interval(result, tol), expected, exact, tolerance=0.0)
        if verdict.severity != "error":
            continue
        yield RULE.finding(f"{' '.join(s.text.split())} of {shown(amount)} is {fmt(exact)}, not {fmt(result.value)}",
                           result.start, result.end,
                           [Related(s.start, s.end, "the share"), Related(amount.start, amount.end, "the amount")])


RULE = Rule(
    code="NC108",
    name="share-of-amount",
    severity="error",
    summary="A share of an amount does not match the result given for it.",
    docs=DOCS,
    check=check,
)
