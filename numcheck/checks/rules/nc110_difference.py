"""NC110 difference: a difference stated between two amounts that they do not give.

Reads `Difference` relations ("a difference of 12 seats", "in excess of ... by $202 million").
"""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.arith import amount_like, exact_figure, judge, rounding_note, shown, slip_shaped
from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import Interval, Tolerance, interval

DOCS = RuleDocs(
    what="A difference stated between two amounts (\"a difference of\", \"an excess of\", \"exceeded ... "
         "by\") that is not the difference of the two: \"The Senate bill spends $720 million and the House "
         "bill $518 million, a difference of $302 million\" (it is $202 million).",
    why="A stated difference is arithmetic a reader can do, and a wrong one makes both amounts suspect.",
    fires="The Senate bill spends $720 million and the House bill $518 million, a difference of $302 million.",
    quiet="The Senate bill spends $720 million and the House bill $518 million, a difference of $202 million.",
    fix="Subtract the two amounts again, or correct the one that is wrong.",
)


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for d in facts.relations.differences:
        a, b = interval(d.first, tol), interval(d.second, tol)
        lo = max(0.0, max(a.low - b.high, b.low - a.high))
        hi = max(a.high - b.low, b.high - a.low)
        exact = abs(d.first.value - d.second.value)
        step = max(q.step or 1.0 for q in (d.first, d.second, d.stated))
        verdict = judge(interval(d.stated, tol), Interval(lo, hi), exact, tolerance=0.0, floor=2 * step)
        if not verdict:
            continue
        exact_accounts = all(exact_figure(q) for q in (d.first, d.second, d.stated))
        if exact_accounts and not slip_shaped(exact - d.stated.value, 2 * step):
            continue  # a gap of many digits: the difference is of amounts the sentence does not give
        yield RULE.finding(f"{shown(d.first)} and {shown(d.second)} differ by {amount_like(d.stated, exact)}, "
                           f"not {shown(d.stated)}"
                           f"{rounding_note(verdict.severity)}", d.stated.start, d.stated.end,
                           [Related(d.first.start, d.first.end, "first"), Related(d.second.start, d.second.end,
                                                                                   "second")],
                           hint=verdict.hint)


RULE = Rule(
    code="NC110",
    name="difference",
    severity="error",
    summary="A stated difference between two amounts does not match them.",
    docs=DOCS,
    check=check,
)
