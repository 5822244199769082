"""NC106 multiple-mismatch: doubled, tripled, halved against the values.

Reads the multiples among the sizes of `Change` relations ("tripled from $4 million to $9
million", "cut in half, from $10 billion to $4.9 billion", "... to $68 billion. That is more than
double.").
"""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.arith import bounded, judge, rounding_note, shown
from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import Interval, Tolerance, divide, pair_intervals

DOCS = RuleDocs(
    what="A multiple (doubled, tripled, halved, \"cut in half\", \"more than double\") stated for a "
         "change whose from/to values give another ratio: \"Membership tripled, from 400 to 900\". A "
         "multiple is read with the hedge tolerance (10% by default: \"doubled\" from 100 to 195 is "
         "fine), \"more than\" and \"nearly\" as bounds (\"more than doubled\" is over 2). A warning when only "
         "rounding of round figures "
         "could reconcile them (\"tripled from $4 million to $9 million\").",
    why="\"Doubled\" and \"tripled\" are read as arithmetic; 400 to 900 is 2.25 times, and a reader "
        "who remembers \"tripled\" will quote a wrong figure.",
    fires="Membership tripled, from 400 to 900.",
    quiet="Membership more than doubled, from 400 to 900.",
    fix="Use the multiple the values give, or give the change as a percentage.",
)


def _admitted(m: float, bound: str, tol: Tolerance) -> Interval:
    if m < 1 and bound == "more_than":
        return Interval(0.0, m * 1.01)  # "more than halved": below half
    if bound == "more_than":
        return Interval(m * 0.99, float("inf"))  # "more than doubled" is a bound, not a hedge
    return bounded(Interval(m * (1 - tol.hedge), m * (1 + tol.hedge)), bound, tol)


def _tolerance(bound: str) -> float:
    return 0.01 if bound in ("more_than", "less_than") else 0.05


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for r in facts.relations.ratios:
        big, small = pair_intervals(r.larger, r.smaller)
        if small.low <= 0 or r.smaller.value <= 0:
            continue
        m = r.multiple.value
        possible = divide(big, small) if m >= 1 else divide(small, big)
        exact = r.larger.value / r.smaller.value if m >= 1 else r.smaller.value / r.larger.value
        verdict = judge(_admitted(m, r.bound, tol), possible, exact, tolerance=_tolerance(r.bound))
        if not verdict:
            continue
        said = " ".join(r.multiple.text.split()).lower()
        first, second = (r.larger, r.smaller) if m >= 1 else (r.smaller, r.larger)
        yield RULE.finding(f"{shown(first)} is {exact:.3g} times {shown(second)}, not {said} ({m:g} times)"
                           f"{rounding_note(verdict.severity)}", r.multiple.start, r.multiple.end,
                           [Related(r.smaller.start, r.smaller.end, "compared with")],
                           hint=verdict.hint)
    for ch in facts.relations.changes:
        before, after = pair_intervals(ch.before, ch.after)
        if before.low <= 0 or ch.before.value <= 0:
            continue
        ratio = divide(after, before)
        exact = ch.after.value / ch.before.value
        for z in ch.sizes:
            s = z.figure
            halved = s.kind == "fraction" and s.value == 0.5 and (z.direction or ch.direction) < 0
            if s.kind != "multiple" and not halved:
                continue  # "fell by half", "cut in half" are halved
            m = s.value
            verdict = judge(_admitted(m, z.bound, tol), ratio, exact, tolerance=_tolerance(z.bound))
            if not verdict:
                continue
            said = " ".join(s.text.split()).lower()
            yield RULE.finding(
                f"from {shown(ch.before)} to {shown(ch.after)} is {exact:.3g} times, not {said} ({m:g} times)"
                f"{rounding_note(verdict.severity)}", s.start, s.end,
                [Related(ch.before.start, ch.before.end, "from"), Related(ch.after.start, ch.after.end, "to")],
                hint=verdict.hint)


RULE = Rule(
    code="NC106",
    name="multiple-mismatch",
    severity="error",
    summary="Doubled, tripled or halved does not match the values.",
    docs=DOCS,
    check=check,
)
