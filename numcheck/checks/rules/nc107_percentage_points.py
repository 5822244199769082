"""NC107 percentage-points: a gap between two percentages stated wrongly, or in percent."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from numcheck.checks.model import Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.precision import Interval, Tolerance, interval, rounding_interval, subtract
from numcheck.claims import Draft

DOCS = RuleDocs(
    what="A gap between two percentages given with the wrong size (\"led by 6 points, 49% to 45%\": "
         "it is 4 points), and a change between two percentages given in percent when it is the "
         "difference in percentage points (from 39% to 41% called \"a 2% rise\": a warning).",
    why="Percentage points and percent are different measures: from 39% to 41% is 2 points but a "
        "5.1% rise. Mixing them up misstates the change by a factor of the base.",
    fires="The senator led by 6 points, 49% to 45%.",
    quiet="The senator led by 4 points, 49% to 45%.",
    fix="Give the gap in percentage points as the difference of the two percentages; give a "
        "relative change in percent as (new - old) / old.",
    fires_fix="4",
)

# "49% to 45%", "54.3% of the vote to Ms Costa's 45.7%"
_PAIR_GAP = re.compile(r"^\s*(?:of the vote\s+)?(?:to|-|–|—|versus|vs\.?|against)\s*"
                       r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}['’]s\s*)?$")


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    yield from _gaps(draft, tol)
    yield from _percent_for_points(draft, tol)


def _points(q, draft: Draft | None = None) -> bool:
    """"3 percentage points", "6 points", and "12.6 points" (a decimal is not counted, so it has no noun)."""
    if q.kind == "percentage_point" or (q.kind in ("count", "number") and q.noun == "point"):
        return True
    return draft is not None and q.kind == "number" and bool(re.match(r"\s+points?\b", draft.prose[q.end:q.end + 8]))


def _gaps(draft: Draft, tol: Tolerance) -> Iterator[Finding]:
    """"led by 6 points, 49% to 45%": the stated gap against the two percentages."""
    for qs in draft.by_sentence.values():
        pairs = [(a, b) for a, b in zip(qs, qs[1:]) if a.kind == b.kind == "percent"
                 and a.high is None and b.high is None and _PAIR_GAP.match(draft.between(a, b) or "#")]
        if len(pairs) != 1:
            continue
        a, b = pairs[0]
        gaps = [q for q in qs if _points(q, draft)]
        if len(gaps) != 1 or not _is_the_gap(draft, gaps[0], a, b):
            continue
        g = gaps[0]
        diff = subtract(rounding_interval(a.value, a.step), rounding_interval(b.value, b.step))
        diff = Interval(min(abs(diff.low), abs(diff.high)), max(abs(diff.low), abs(diff.high)))
        if diff.low <= 0 <= diff.high:
            diff = Interval(0, diff.high)
        # a gap in points is measured, not counted: "3 points" admits 2.5 to 3.5
        stated = interval(g, tol) if g.qualifier != "exact" else rounding_interval(g.value, g.step or 1.0)
        if stated.overlaps(diff):
            continue
        exact = abs(a.value - b.value)
        unit = ("point" if exact == 1 else "points") if "percentage" not in g.text.lower() else (
            "percentage point" if exact == 1 else "percentage points")
        fix = None
        if g.qualifier == "exact":  # the span of "6 points" (a count of points) is the "6"
            fix = g.text.replace(_number_text(g), f"{exact:g}", 1) if g.kind == "percentage_point" else f"{exact:g}"
        yield RULE.finding(f"{a.value:g}% to {b.value:g}% is a gap of {exact:g} {unit}, not {g.value:g}",
                           g.start, g.end, [Related(a.start, a.end, "first"), Related(b.start, b.end, "second")],
                           fix)


_LEAD = re.compile(r"\b(?:led|leads?|leading|won|wins|ahead|margin|gap|trail(?:s|ed|ing)?|behind|beat|beats|"
                   r"edge|advantage)\b", re.I)


def _is_the_gap(draft: Draft, g, a, b) -> bool:
    """Is this "N points" the gap between the pair ("led by 6 points, 49% to 45%", "won 51% to 48%, a
    margin of 3 points"), and not another figure of the sentence ("carried by 20 points in 2016")?"""
    lo, hi = (g, a) if g.end <= a.start else (b, g)
    between = draft.prose[lo.end:hi.start]
    if len(between) > 25 or re.search(r"\d", between):
        return False
    before = draft.prose[max(0, g.start - 30):g.start]
    if re.search(r"\b(?:swing|shift|change|gain(?:ed|s)?|lost|loss|up|down|rise|rose|fall|fell|drop|moved?)\b",
                 before[-18:], re.I) or re.match(r"\s+(?:since|from)\b", draft.prose[g.end:g.end + 8], re.I):
        return False  # "a swing of 10 points from 2020": a change, not the gap
    context = before + " " + draft.prose[g.end:g.end + 12]
    return bool(_LEAD.search(context)) and "margin of error" not in (context + between).lower()


def _number_text(q) -> str:
    m = re.match(r"[\d.,]+", q.text)
    return m.group() if m else q.text


def _percent_for_points(draft: Draft, tol: Tolerance) -> Iterator[Finding]:
    """From 39% to 41% called "a 2% rise": percent used for a change in percentage points."""
    for ch in draft.changes:
        if not (ch.before.kind == ch.after.kind == "percent"):
            continue
        points = abs(ch.after.value - ch.before.value)
        relative = abs(ch.after.value / ch.before.value - 1) * 100 if ch.before.value else None
        for s in ch.stated:
            related = [Related(ch.before.start, ch.before.end, "from"), Related(ch.after.start, ch.after.end, "to")]
            if s.kind == "percent":
                iv = interval(s, tol)
                if relative is not None and iv.contains(relative):
                    continue
                if iv.contains(points):
                    f = RULE.finding(
                        f"from {ch.before.value:g}% to {ch.after.value:g}% is {points:g} percentage points "
                        f"(a {relative:.1f}% change), not {s.value:g}%", s.start, s.end, related,
                        f"{points:g} percentage points" if s.qualifier == "exact" else None)
                    yield replace(f, severity="warning")
                elif relative is not None:
                    yield RULE.finding(
                        f"from {ch.before.value:g}% to {ch.after.value:g}% is {points:g} percentage points "
                        f"or a {relative:.1f}% change, not {s.value:g}%", s.start, s.end, related)
            elif _points(s) or s.kind == "percentage_point":
                if interval(s, tol).contains(points) or interval(s, tol).overlaps(
                        Interval(points - 0.5, points + 0.5)):
                    continue
                yield RULE.finding(f"from {ch.before.value:g}% to {ch.after.value:g}% is {points:g} percentage "
                                   f"points, not {s.value:g}", s.start, s.end, related)


RULE = Rule(
    code="NC107",
    name="percentage-points",
    severity="error",
    summary="A gap between percentages is misstated, or given in percent instead of points.",
    docs=DOCS,
    check=check,
)
