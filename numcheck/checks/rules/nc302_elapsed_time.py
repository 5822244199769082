"""NC302 elapsed-time: a stated interval ("five years after ... 2019") that the dates it spans rule out.

Reads `Elapsed` relations (numcheck.relations.elapsed): which dates the interval counts from and to
is found there; the rule does the calendar arithmetic.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from typing import Iterator

from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import INF, Interval, Tolerance, interval
from numcheck.quantities import Quantity
from numcheck.relations.elapsed import DAYS, Elapsed, Span

DOCS = RuleDocs(
    what="An interval stated against a date (\"five years after the plant opened in 2019\", \"nearly "
         "three years since the 2019 election\", \"six months ago, in May 2022\") that the dates it "
         "spans cannot give: the other end is a date written beside it (\"in 2024, five years after "
         "...\", \"five years later, in 2024\") or, when none is, the document's date (front matter "
         "`date:` or `--date`). \"N after X\" and \"N later\" must fit before the document's date; "
         "\"N since X\" and \"N ago\" end at it.",
    why="Elapsed time is easy to get wrong when a story is updated or reused, and the reader cannot "
        "see the arithmetic. Dates are read at their written precision: a year is any day of that "
        "year, so 2019 to 2022 is anything from 2 to 4 years, and a month any day of that month; the "
        "stated interval is read through the precision model (\"five years\" is 4.5 to 5.5 years, "
        "\"a year\" half a year either side, and, since people count whole units and round down, up "
        "to one unit more; \"more than a year\" is anything over one, \"nearly\" and \"about\" "
        "widen it). When several dates could be the ends, the rule fires only if no reading fits. A "
        "warning, not an error: which event a date belongs to is read from the "
        "sentence, and the document's date may be wrong or missing. Sentences about the future or "
        "the hypothetical (will, would, scheduled, by 2030, ...) are not checked against the "
        "document's date.",
    fires="---\ndate: 2022-05-01\n---\nFive years after the plant opened in 2019, it closed.",
    quiet="---\ndate: 2015-10-07\n---\nMore than a year after the campaign began in September 2014, "
          "the fighting goes on.",
    fix="Recount the interval from the dates, or correct the date that is wrong; if the story was "
        "written earlier than its date says, fix the document's date.",
)


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for rel in facts.relations.elapsed:
        finding = _judge(rel, tol)
        if finding is not None:
            yield finding


def _judge(rel: Elapsed, tol: Tolerance) -> Finding | None:
    q, starts, ends, exact, end, anchors = rel.interval, rel.starts, rel.ends, rel.exact, rel.end, rel.anchors
    stated = _stated_days(q, tol)
    gaps: list[tuple[Interval, Span, Span]] = []
    for s in starts:
        for e in ends:
            gap = Interval(e.start - s.end, e.end - s.start) if exact else Interval(0, e.end - s.start)
            if gap.overlaps(stated):
                return None
            gaps.append((gap, s, e))  # type: ignore[arg-type]
    if all(g.high < stated.low for g, _, _ in gaps):
        gap, s, e = max(gaps, key=lambda g: g[0].high)  # the longest reading is still too short
    else:
        gap, s, e = min(gaps, key=lambda g: g[0].low)  # the shortest reading is still too long
    related = [Related(x.start, x.end, "counted from") for x, sp in zip(anchors, starts) if sp is s]
    if end is not None:
        related.append(Related(end.start, end.end, "counted to"))
    return RULE.finding(_message(q, gap, s, e, stated), q.start, q.end, related)


def _stated_days(q: Quantity, tol: Tolerance) -> Interval:
    """The stated interval in days, through the precision model. A figure in words with no written
    digit ("a year", "a decade") is read to the nearest unit, like "one year"; a bound keeps its
    figure ("more than a year" is anything over one year). An interval that is not a bound also
    admits anything short of one more unit: people count whole units and round down ("two months"
    at two months and three weeks)."""
    if q.step is None and q.qualifier in ("exact", "approx"):
        q = replace(q, step=1.0 if float(q.value).is_integer() else 0.5)
    iv = interval(q, tol)
    if q.qualifier in ("exact", "approx"):
        top = (q.high if q.high is not None else q.value) + 1
        iv = Interval(iv.low, max(iv.high, top))
    k = DAYS[q.unit]  # type: ignore[index]
    return Interval(max(0.0, iv.low) * k, iv.high * k if math.isfinite(iv.high) else INF)


def _message(q: Quantity, gap: Interval, s: Span, e: Span, stated: Interval) -> str:
    """The arithmetic, in calendar terms: from the first day the start may name to the last day the
    end may name (at most), or from the last to the first (at least)."""
    unit = q.unit or "day"
    said = q.text.strip()
    if said[:1].isupper() and said[1:2].islower():
        said = said[0].lower() + said[1:]
    if gap.high < stated.low:
        how = f"at most {_length(s.start, e.end - 1, unit, up=True)}"
    else:
        how = f"at least {_length(s.end - 1, e.start, unit, up=False)}"
    return f"from {s.label} to {e.label} is {how}, not {said}"


def _length(a: int, b: int, unit: str, up: bool) -> str:
    """The calendar length from day `a` to day `b` (ordinals), in the stated unit's terms, rounded
    outwards: up for an upper bound, down for a lower one."""
    if b <= a:
        return "0 days" if unit in ("day", "week", "fortnight") else "0 months"
    if unit in ("year", "decade", "century", "month"):
        da, db = dt.date.fromordinal(a), dt.date.fromordinal(b)
        months = (db.year - da.year) * 12 + db.month - da.month
        rest = db.day - da.day
        if rest < 0:
            months -= 1
        if up and rest != 0:
            months += 1
        if unit == "month":
            return _plural(months, "month")
        y, m = divmod(months, 12)
        parts = [_plural(y, "year")] if y else []
        if m or not parts:
            parts.append(_plural(m, "month"))
        return " and ".join(parts)
    d = b - a
    if unit in ("week", "fortnight"):
        w, r = divmod(d, 7)
        parts = [_plural(w, "week")] if w else []
        if r or not parts:
            parts.append(_plural(r, "day"))
        return " and ".join(parts)
    return _plural(d, "day")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


RULE = Rule(
    code="NC302",
    name="elapsed-time",
    severity="warning",
    summary="A stated interval that the dates it spans rule out.",
    docs=DOCS,
    check=check,
)
