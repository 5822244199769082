"""NC105 change-arithmetic: a stated change against its from/to values.

Reads `Change` relations (numcheck.relations): the two ends and each size stated for the change
in percent, as an amount, or as a fraction ("fell by a third"). Multiples are NC106's; changes
between two percentages are NC107's.
"""

from __future__ import annotations

import math
from typing import Iterator, Optional

from numcheck.checks.arith import (amount_like, exact_figure, hedge_words, judge, pct, rounding_note, shown,
                                   slip_shaped, truncated)
from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import Interval, Tolerance, divide, interval, pair_intervals, percent_fix
from numcheck.quantities import Quantity
from numcheck.relations import Change, Size, StatedChange

DOCS = RuleDocs(
    what="The size stated for a change that does not match the values the change runs between: a "
         "percentage (\"Sales climbed from 80 to 100 units, a 20% rise\": it is 25%), an amount (\"rose "
         "from $18.4 million to $21.9 million, an increase of $4.5 million\") or a fraction (\"shrank by "
         "more than half, from 9,000 to 5,600\"). Reads every phrasing the relations stage finds: \"from A "
         "to B\" with years and asides between, \"to B from A\", \"B, up 5% from A\", \"B, compared with "
         "A\", and sizes before or after the ends (\"grew 12% to 56,000 from 48,000\", \", an increase of "
         "$3.5 million, or 19%\"). An error when no reading of the figures at their written precision "
         "fits; a warning when only rounding of round figures could reconcile them (\"from $200 million to "
         "$240 million, a 25% gain\" is 20% as written).",
    why="The size of a change is what readers take away, and it is often computed the wrong way "
        "round (against the new value) or against another pair of figures.",
    fires="Sales climbed from 80 to 100 units, a 20% rise.",
    quiet="Sales climbed from 80 to 100 units, a 25% rise.",
    fix="Recompute the change from the two values: (new - old) / old, or new - old for an amount. A "
        "change between two percentages is measured in percentage points (see NC107).",
    fires_fix="25%",
)


_BAND = (0.5, 2.0)  # an inferred change is judged only when the sum comes near the stated size


def _near(exact: float, stated: float, band: tuple[float, float] = _BAND) -> bool:
    """For a change whose ends were inferred, not joined by "from ... to": is the result near enough
    the stated size that the two figures are surely the ends it measures? ("$9,060,268 ... $7,898,775,
    a reduction of $2,161,492" is a slip; a size of another pair of figures is far off.)"""
    return stated > 0 and band[0] <= abs(exact) / stated <= band[1]


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for sc in facts.relations.stated_changes:
        finding = _check_stated(sc, tol)
        if finding is not None:
            yield finding
    for ch in facts.relations.changes:
        if ch.before.kind == "percent" or ch.after.kind == "percent":
            continue  # a change between percentages: NC107 reads it
        before, after = pair_intervals(ch.before, ch.after)
        if before.low <= 0 or ch.before.value <= 0:
            continue
        for z in ch.sizes:
            finding = _check_size(ch, z, before, after, tol)
            if finding is not None:
                yield finding


def _direction(ch: Change, z: Size) -> int:
    return z.direction or ch.direction


def _check_size(ch: Change, z: Size, before: Interval, after: Interval, tol: Tolerance) -> Optional[Finding]:
    s = z.figure
    said = _direction(ch, z)
    real = (ch.after.value > ch.before.value) - (ch.after.value < ch.before.value)
    ratio = divide(after, before)
    if ch.implicit:
        exact = abs(ch.after.value / ch.before.value - 1) * 100 if s.kind == "percent" else \
            abs(ch.after.value - ch.before.value)
        band = (0.25, 4.0) if s.kind == "percent" else _BAND  # a percentage of a misread pair is far off
        if s.kind not in ("percent",) and not _is_amount_size(s) or not _near(exact, s.value, band):
            return None
        said = real  # the ends were put in the order the size says
    if said and real and said != real:
        clearly = ratio.high < 1 if said > 0 else ratio.low > 1
        if not clearly or s.kind not in ("percent", "fraction") and not _is_amount_size(s):
            return None
        exact = abs(ch.after.value / ch.before.value - 1) * 100
        return RULE.finding(f"from {shown(ch.before)} to {shown(ch.after)} is {_a(real)} of {pct(exact)}, "
                            f"not {_a(said)}", s.start, s.end, _related(ch))
    sign = said or real
    if sign == 0:
        return None
    if s.kind == "percent" and _points_read(ch, s, before, after, tol):
        return None  # "the percentage was 48.18 ... 34.27, an increase of 13.91 per cent": points, as percent
    if s.kind == "percent":
        possible = Interval((ratio.low - 1) * 100 * sign, (ratio.high - 1) * 100 * sign)
        possible = Interval(min(possible.low, possible.high), max(possible.low, possible.high))
        exact = (ch.after.value / ch.before.value - 1) * 100 * sign
        verdict = judge(truncated(interval(s, tol), s), possible, exact, floor=0.5)
        if not verdict:
            return None
        fix = percent_fix(s, exact) if exact >= 0 and verdict.severity == "error" else None
        return RULE.finding(f"from {shown(ch.before)} to {shown(ch.after)} is {_a(real)} of "
                            f"{pct(abs(exact), _decimals(s))}, not {hedge_words(s)}{s.value:g}%"
                            f"{rounding_note(verdict.severity)}",
                            s.start, s.end, _related(ch), fix, hint=verdict.hint)
    if s.kind == "fraction" and s.value == 0.5 and sign < 0:
        return None  # "fell by half", "cut in half": halved, NC106's
    if s.kind == "fraction" and s.value < 1:
        possible = Interval(ratio.low - 1, ratio.high - 1) if sign > 0 else Interval(1 - ratio.high, 1 - ratio.low)
        exact = (ch.after.value / ch.before.value - 1) * sign
        stated = interval(s, tol)
        verdict = judge(stated, possible, exact, floor=0.01)
        if not verdict:
            return None
        return RULE.finding(f"from {shown(ch.before)} to {shown(ch.after)} is {_a(real)} of {pct(abs(exact) * 100)}, "
                            f"not {' '.join(s.text.split()).lower()} ({s.value:.0%})"
                            f"{rounding_note(verdict.severity)}", s.start, s.end, _related(ch),
                            hint=verdict.hint)
    if _is_amount_size(s):
        diff = Interval(after.low - before.high, after.high - before.low)
        possible = diff if sign > 0 else Interval(-diff.high, -diff.low)
        exact = abs(ch.after.value - ch.before.value)
        step = max(q.step or 1.0 for q in (ch.before, ch.after, s))
        verdict = judge(interval(s, tol), possible, exact, floor=2 * step)
        if not verdict:
            return None
        if all(exact_figure(q) for q in (ch.before, ch.after, s)) and not slip_shaped(exact - s.value, 2 * step):
            return None  # a gap of many digits: the change is of amounts the sentence does not give
        word = "an increase" if real > 0 else "a decrease"
        return RULE.finding(f"from {shown(ch.before)} to {shown(ch.after)} is {word} of {amount_like(s, exact)}, "
                            f"not {shown(s)}{rounding_note(verdict.severity)}", s.start, s.end, _related(ch),
                            hint=verdict.hint)
    return None


def _points_read(ch: Change, s: Quantity, before: Interval, after: Interval, tol: Tolerance) -> bool:
    """Ends that are percentages written as bare numbers, and a size in "per cent" that is their
    difference: percentage points, which NC107 reads when the ends are written as percentages."""
    if not (ch.before.kind == ch.after.kind == "number" and 0 <= ch.before.value <= 100 and
            0 <= ch.after.value <= 100):
        return False
    lo, hi = sorted((abs(after.low - before.high), abs(after.high - before.low)))
    return interval(s, tol).overlaps(Interval(lo, hi))


def _check_stated(sc: StatedChange, tol: Tolerance) -> Optional[Finding]:
    """"$3,398,455.19, an increase of $404,878.53, or more than 13%": the percentage is the amount over
    the old value, which is the end less the amount (the end is the new value) or the end itself."""
    end, amount, p = sc.end, sc.amount, sc.percent
    stated = interval(p, tol)
    readings = [end.value - amount.value, end.value] if sc.direction >= 0 else [end.value + amount.value, end.value]
    values = [amount.value / base * 100 for base in readings if base > 0]
    if not values or any(stated.contains(v) or abs(v - p.value) <= 0.5 * (p.step or 1) for v in values):
        return None
    best = min(values, key=lambda v: abs(v - p.value))
    if abs(best - p.value) < 1.0:
        return None  # the size is given twice, so which figures it measures is not in doubt
    return RULE.finding(f"{shown(amount)} on {shown(end)} less that amount is {pct(best)}, not {hedge_words(p)}"
                        f"{p.value:g}%", p.start, p.end,
                        [Related(end.start, end.end, "the end"), Related(amount.start, amount.end, "the change")])


def _is_amount_size(s: Quantity) -> bool:
    """A change's size given as an amount ("up 3,000", "an increase of $3.5 million"), not a rate."""
    return s.kind in ("count", "number", "money", "measure")


def _decimals(q: Quantity) -> int:
    """One more decimal than the stated percentage has ("21.63 per cent" -> 21.646%), at least one."""
    if not q.step or q.step >= 1:
        return 1
    return max(1, round(-math.log10(q.step)) + 1)


def _a(direction: int) -> str:
    return "a rise" if direction > 0 else "a fall"


def _related(ch: Change) -> list[Related]:
    return [Related(ch.before.start, ch.before.end, "from"), Related(ch.after.start, ch.after.end, "to")]


RULE = Rule(
    code="NC105",
    name="change-arithmetic",
    severity="error",
    summary="A stated change does not match its from/to values.",
    docs=DOCS,
    check=check,
)
