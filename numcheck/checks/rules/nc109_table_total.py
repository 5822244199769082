"""NC109 table-total: a table's Total row that is not the sum of the rows above it.

Reads `ColumnTotal` relations (numcheck.relations.tables): which cells a total sums is found there;
the rule adds them up.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import Interval, Tolerance, fmt, half_step, interval
from numcheck.quantities import Quantity

DOCS = RuleDocs(
    what="A table row whose first cell is \"Total\" (or \"All\", \"Sum\", \"Overall\", \"Subtotal\") is checked "
         "column by column against the sum of the figures above it, up to the header or the previous total "
         "or subtotal (rows under a subtotal count as that subtotal). Figures are read at their written "
         "precision, the total at the finest precision of its column, and the parts' rounding adds up "
         "(three parts given to one decimal may be off by 0.15 between them). Columns that do not add up by "
         "nature are left alone: percentages, averages, rates, medians, shares, prices, years, and columns "
         "with an empty cell, a range, mixed units or a figure in parentheses (an accountant's negative). "
         "A total no larger than one of its parts is not a sum (an average, a running total), and a row "
         "that is the sum of the rows above it (\"Valid votes\") counts as a subtotal. A label that "
         "names what it totals (\"Total area\") is checked only in a column whose header names it too.",
    why="A total that is not the sum of its column means a row was added or dropped, or a figure mistyped; "
        "readers check totals, and one that fails makes the whole table suspect.",
    fires="| Port   | Ships |\n|--------|------:|\n| Halden |   120 |\n| Moss   |   340 |\n| Larvik |   720 |\n"
          "| Total  | 1,200 |\n",
    quiet="| Port   | Ships | Share |\n|--------|------:|------:|\n| Halden |   120 |   10% |\n"
          "| Moss   |   340 |   29% |\n| Larvik |   720 |   61% |\n| Total  | 1,180 |  100% |\n",
    fix="Add the column again from the source: correct the total, or the row that was mistyped or left out. "
        "If the rows are a selection and the total counts more, say so in a row (\"Other\") or a note.",
    fires_fix="1,180",
)

_LITERAL = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_LISTED = 8  # parts named in a message; more are elided


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for rel in facts.relations.column_totals:
        finding = _compare(rel.total, list(rel.parts), tol)
        if finding is not None:
            yield finding


def _compare(total: Quantity, parts: list[Quantity], tol: Tolerance) -> Optional[Finding]:
    if all(p.value >= 0 for p in parts) and total.value <= max(p.value for p in parts):
        return None  # no larger than a part: not the column's sum (an average, a running total, a density)
    spans = [interval(p, tol) for p in parts]
    low, high = sum(s.low for s in spans), sum(s.high for s in spans)
    if not (math.isfinite(low) and math.isfinite(high)):
        return None  # a bound among the parts ("<5", "more than 100"): no sum to check
    # a table states its figures at one precision: the total is read at the finest its column shows,
    # never finer than its own last digit ("1,200" under 120, 340 and 720 means 1,200, not 1,150-1,250)
    finest = min(half_step(q.value, q.step) for q in [*parts, total])
    if total.qualifier == "exact":
        h = max(finest, (total.step or 0) / 2)
        stated = Interval(total.value - h, total.value + h)
    else:
        stated = interval(total, tol)
    if stated.overlaps(Interval(low, high)):
        return None
    folded = _fold_subtotals(parts, tol)
    if len(folded) < len(parts) and stated.overlaps(_sum(folded, tol)):
        return None  # "Valid votes" above "Invalid votes" and "Total votes": a subtotal without the word
    exact = sum(p.value for p in parts)
    style = _Style.of(total, parts)
    listed = [p.text.strip() for p in parts]
    if len(listed) > _LISTED:
        listed = listed[:3] + ["…"] + listed[-2:]
    shown = style.show(exact) if style else fmt(exact)
    message = f"the column sums to {shown} ({' + '.join(listed)}), not {total.text.strip()}"
    related = [Related(p.start, p.end, "a part") for p in parts]
    return RULE.finding(message, total.start, total.end, related, fix=_fix(total, low, high, style))


def _sum(parts: Sequence[Quantity], tol: Tolerance) -> Interval:
    spans = [interval(p, tol) for p in parts]
    return Interval(sum(s.low for s in spans), sum(s.high for s in spans))


def _fold_subtotals(parts: Sequence[Quantity], tol: Tolerance) -> list[Quantity]:
    """The parts with each row that is the sum of the rows above it (since the last such row)
    standing for those rows, as a labelled subtotal does."""
    out: list[Quantity] = []
    run: list[Quantity] = []
    for q in parts:
        if len(run) >= 2 and interval(q, tol).overlaps(_sum(run, tol)):
            out.append(q)
            run = []
        else:
            run.append(q)
    return out + run


@dataclass(frozen=True)
class _Style:
    """How the total is written ("$1,200", "1.2 million"): to write a sum the same way."""

    prefix: str
    suffix: str
    scale: float  # value of 1 in the written literal: 1e6 for "1.2 million"
    decimals: int  # for the sum: the finest the parts are written to
    commas: bool

    @staticmethod
    def of(total: Quantity, parts: list[Quantity]) -> Optional["_Style"]:
        m = _LITERAL.search(total.text)
        if not m:
            return None
        literal = float(m.group().replace(",", ""))
        scale = total.value / literal if literal else 0
        if scale <= 0 or abs(math.log10(scale) - round(math.log10(scale))) > 1e-9:
            return None  # "1 200", "1.200,5": a grouping the literal does not show
        steps = [2 * half_step(q.value, q.step) for q in [*parts, total] if q.step]
        finest = min(steps) / scale if steps else 1
        decimals = max(0, math.ceil(-math.log10(finest) - 1e-9)) if finest < 1 else 0
        commas = "," in m.group() or any("," in p.text for p in parts)
        return _Style(total.text[:m.start()], total.text[m.end():], scale, decimals, commas)

    def number(self, value: float, decimals: int) -> str:
        x = value / self.scale
        return f"{x:,.{decimals}f}" if self.commas else f"{x:.{decimals}f}"

    def show(self, value: float) -> str:
        return self.prefix.strip() + self.number(value, self.decimals) + self.suffix.rstrip()


def _fix(total: Quantity, low: float, high: float, style: Optional[_Style]) -> Optional[str]:
    """The total as the parts make it, when every sum they allow rounds to one figure at the total's
    written precision, and the total is stated plainly."""
    if style is None or total.qualifier != "exact" or not total.step:
        return None
    step = total.step
    a, b = round(low / step), round(high / step)
    if a != b:
        return None
    decimals = max(0, math.ceil(-math.log10(step / style.scale) - 1e-9)) if step / style.scale < 1 else 0
    return style.prefix + style.number(a * step, decimals) + style.suffix


RULE = Rule(
    code="NC109",
    name="table-total",
    severity="error",
    summary="A table's Total row is not the sum of the rows above it.",
    docs=DOCS,
    check=check,
)
