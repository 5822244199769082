"""NC107 percentage-points: a gap between two percentages stated wrongly, or in percent.

Reads `Gap` relations ("led by 6 points, 49% to 45%") and the `Change` relations whose ends are
both percentages ("fell from 4.2% to 3.9%, a drop of 0.5 percentage points").
"""

from __future__ import annotations

import re
from typing import Iterator

from numcheck.checks.arith import judge, rounding_note
from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import Interval, Tolerance, interval, rounding_interval, subtract
from numcheck.quantities import Quantity
from numcheck.relations.common import is_points

DOCS = RuleDocs(
    what="A gap between two percentages given with the wrong size (\"led by 6 points, 49% to 45%\": "
         "it is 4 points), a change between two percentages given with the wrong number of points "
         "(\"fell from 4.2% to 3.9%, a drop of 0.5 percentage points\": it is 0.3), and a change between "
         "two percentages given in percent when it is the difference in percentage points (from 39% to "
         "41% called \"a 2% rise\": a warning).",
    why="Percentage points and percent are different measures: from 39% to 41% is 2 points but a "
        "5.1% rise. Mixing them up misstates the change by a factor of the base.",
    fires="The senator led by 6 points, 49% to 45%.",
    quiet="The senator led by 4 points, 49% to 45%.",
    fix="Give the gap in percentage points as the difference of the two percentages; give a "
        "relative change in percent as (new - old) / old.",
    fires_fix="4",
)


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    yield from _gaps(facts, tol)
    yield from _changes(facts, tol)


def _points_interval(g: Quantity, tol: Tolerance) -> Interval:
    # a gap in points is measured, not counted: "3 points" admits 2.5 to 3.5
    return interval(g, tol) if g.qualifier != "exact" else rounding_interval(g.value, g.step or 1.0)


def _difference(a: Quantity, b: Quantity) -> Interval:
    diff = subtract(rounding_interval(a.value, a.step), rounding_interval(b.value, b.step))
    lo, hi = min(abs(diff.low), abs(diff.high)), max(abs(diff.low), abs(diff.high))
    return Interval(0.0 if diff.low <= 0 <= diff.high else lo, hi)


def _gaps(facts: Facts, tol: Tolerance) -> Iterator[Finding]:
    for gap in facts.relations.gaps:
        a, b, g = gap.first, gap.second, gap.stated
        exact = abs(a.value - b.value)
        verdict = judge(_points_interval(g, tol), _difference(a, b), exact, tolerance=0.0, floor=0.5)
        if verdict.severity != "error":
            continue
        unit = ("point" if exact == 1 else "points") if "percentage" not in g.text.lower() else (
            "percentage point" if exact == 1 else "percentage points")
        fix = None
        if g.qualifier == "exact":  # the span of "6 points" (a count of points) is the "6"
            fix = g.text.replace(_number_text(g), f"{exact:g}", 1) if g.kind == "percentage_point" else f"{exact:g}"
        yield RULE.finding(f"{a.value:g}% to {b.value:g}% is a gap of {exact:g} {unit}, not {g.value:g}",
                           g.start, g.end, [Related(a.start, a.end, "first"), Related(b.start, b.end, "second")],
                           fix)


def _number_text(q: Quantity) -> str:
    m = re.match(r"[\d.,]+", q.text)
    return m.group() if m else q.text


def _changes(facts: Facts, tol: Tolerance) -> Iterator[Finding]:
    """Changes between two percentages: the points against the difference, and percent used for points."""
    for ch in facts.relations.changes:
        if not (ch.before.kind == ch.after.kind == "percent"):
            continue
        points = abs(ch.after.value - ch.before.value)
        relative = abs(ch.after.value / ch.before.value - 1) * 100 if ch.before.value else None
        related = [Related(ch.before.start, ch.before.end, "from"), Related(ch.after.start, ch.after.end, "to")]
        for z in ch.sizes:
            s = z.figure
            if s.kind == "percent":
                iv = interval(s, tol)
                if relative is not None and iv.contains(relative):
                    continue
                if iv.contains(points):
                    yield RULE.finding(
                        f"from {ch.before.value:g}% to {ch.after.value:g}% is {points:g} percentage points "
                        f"(a {relative:.1f}% change), not {s.value:g}%", s.start, s.end, related,
                        f"{points:g} percentage points" if s.qualifier == "exact" else None, hint="warning")
                elif relative is not None:
                    yield RULE.finding(
                        f"from {ch.before.value:g}% to {ch.after.value:g}% is {points:g} percentage points "
                        f"or a {relative:.1f}% change, not {s.value:g}%", s.start, s.end, related)
            elif is_points(s):
                verdict = judge(_points_interval(s, tol), _difference(ch.before, ch.after), points,
                                tolerance=0.0, floor=0.05)
                if not verdict:
                    continue
                yield RULE.finding(f"from {ch.before.value:g}% to {ch.after.value:g}% is {points:g} percentage "
                                   f"points, not {s.value:g}{rounding_note(verdict.severity)}", s.start, s.end,
                                   related, hint=verdict.hint)


RULE = Rule(
    code="NC107",
    name="percentage-points",
    severity="error",
    summary="A gap between percentages is misstated, or given in percent instead of points.",
    docs=DOCS,
    check=check,
)
