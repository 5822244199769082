"""One model of precision, used by every rule: which exact values a written figure admits.

A figure is consistent with any exact value that rounds to it at its written
precision: "25%" admits 24.5 to 25.5, "2.5bn" admits 2.45bn to 2.55bn.

Round numbers are read leniently: trailing zeros are taken as significant only
down to two significant figures. "1,500 km" admits 1,450 to 1,550 km, "$100m"
95 to 105 million, "80 million" 79.5 to 80.5 million. Writers round large
figures to two or three figures, and a checker that read "1,500" as exact would
flag correct text (precision comes first). Integers under 1,000 written in
digits ("80 to 100 units") are read as exact: small counts are counted, not
rounded.

Hedges widen the interval by a relative tolerance (`Tolerance.hedge`, 10% by
default): "about 2.6 million" admits 2.34 to 2.86 million. "nearly" and
"almost" admit values just under the figure, down by the same tolerance.
Bounds are checked as bounds: "more than 90%" admits anything above 89.5%.

Fractions in words ("a third", "two-thirds") admit values closer to them than
to a neighbouring simple fraction: p/q covers +/- 1/(2q(q+1)).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from numcheck.quantities import Quantity

INF = math.inf


@dataclass(frozen=True)
class Tolerance:
    hedge: float = 0.10  # relative widening for about, around, roughly, some, nearly, almost


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def contains(self, x: float) -> bool:
        return self.low - _eps(self.low) <= x <= self.high + _eps(self.high)

    def overlaps(self, other: "Interval") -> bool:
        return self.low - _eps(self.low) <= other.high + _eps(other.high) and \
            other.low - _eps(other.low) <= self.high + _eps(self.high)

    def scale(self, k: float) -> "Interval":
        a, b = self.low * k, self.high * k
        return Interval(min(a, b), max(a, b))


def _eps(x: float) -> float:
    return 1e-9 * max(1.0, abs(x)) if math.isfinite(x) else 0.0


def half_step(value: float, step: float | None, figures: int = 2) -> float:
    """Half the place value of the last significant digit; trailing zeros count only down to
    `figures` significant figures (2 for comparing figures with each other; 1 for comparing a
    figure with a known exact value, which a writer may round to any precision)."""
    if step is None or step <= 0:
        return 0.0
    s = step
    v = abs(value)
    # trailing zeros: 1500 with step 1 is read as step 100; "80 million" as 80 +/- 5 million
    if v >= s and math.isfinite(v) and (s > 1 or v >= 1000 or figures == 1):
        k = round(v / s)
        while k >= 10 ** figures and k % 10 == 0:
            k //= 10
            s *= 10
    return s / 2


def rounding_interval(value: float, step: float | None, figures: int = 2) -> Interval:
    h = half_step(value, step, figures)
    return Interval(value - h, value + h)


def _fraction_halfwidth(value: float) -> float:
    """"a third" covers values nearer to 1/3 than to 1/4 or 2/5: +/- 1/(2q(q+1)) for p/q."""
    for q in range(2, 13):
        p = round(value * q)
        if p and abs(p / q - value) < 1e-9:
            return 1.0 / (2 * q * (q + 1))
    return 0.0


def interval(q: Quantity, tol: Tolerance = Tolerance(), value: float | None = None,
             high: float | None = None, rounded_from_known: bool = False) -> Interval:
    """The exact values figure `q` admits (pass `value`/`high` to use a converted scale).

    `rounded_from_known`: the figure is compared with a known exact value (a reference row),
    which a writer may have rounded to any precision, one significant figure included, and a
    small count may be rounded too ("a village of 250" for 252)."""
    v = q.value if value is None else value
    hi = q.high if high is None else high
    figures = 1 if rounded_from_known else 2
    if q.kind == "fraction" and q.approximate_words:
        h = _fraction_halfwidth(v)
        base = Interval(v - h, v + h)
    elif hi is not None:
        lo_end, hi_end = min(v, hi), max(v, hi)  # "-18 to -34 °C" runs downwards
        base = Interval(rounding_interval(lo_end, q.step, figures).low,
                        rounding_interval(hi_end, q.step, figures).high)
    elif (q.kind in ("count", "number") and v == int(v) and abs(v) < 1000 and (q.step is None or q.step <= 1)
          and not rounded_from_known):
        base = Interval(v, v)  # "26 missiles": small counts are counted, not rounded
    else:
        base = rounding_interval(v, q.step, figures)
    qual = q.qualifier
    if qual == "approx":
        word = (q.qualifier_text or "").lower()
        widen = tol.hedge * max(abs(base.low), abs(base.high))
        if word in ("nearly", "almost", "just under", "close to"):
            # "nearly half": just under the figure; a fraction's own width runs only downwards
            return Interval(base.low - widen, v if q.kind == "fraction" and q.approximate_words else base.high)
        return Interval(base.low - widen, base.high + widen)
    if qual in ("more_than", "at_least"):
        return Interval(base.low, INF)
    if qual in ("less_than", "at_most"):
        return Interval(-INF, base.high)
    return base


def admits(q: Quantity, exact: float, tol: Tolerance = Tolerance()) -> bool:
    return interval(q, tol).contains(exact)


def divide(a: Interval, b: Interval) -> Interval:
    """a / b for positive b."""
    if b.low <= 0:
        return Interval(-INF, INF)
    cands = [a.low / b.low, a.low / b.high, a.high / b.low, a.high / b.high]
    return Interval(min(cands), max(cands))


def subtract(a: Interval, b: Interval) -> Interval:
    return Interval(a.low - b.high, a.high - b.low)


def fmt(x: float, digits: int = 3) -> str:
    """A number for a message: 15.0, 2.1 million, 0.25."""
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    ax = abs(x)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if ax >= scale:
            v = x / scale
            places = max(0, digits - 1 - int(math.floor(math.log10(abs(v)))))
            text = f"{round(v, places):.{places}f}"
            return (text.rstrip("0").rstrip(".") if "." in text else text) + f" {word}"
    if x == int(x):
        return f"{int(x):,}"
    text = f"{x:,.3f}".rstrip("0").rstrip(".")  # 1.62 stays 1.62, 1234.5 is 1,234.5
    return text if ax >= 0.01 else f"{x:.3g}"


_COUNTISH = ("count", "number")


def comparable(a: Quantity, b: Quantity) -> bool:
    """Can two figures be added or compared: counts with counts, dollars with dollars?"""
    if a.kind in _COUNTISH and b.kind in _COUNTISH:
        return True
    return a.kind == b.kind and a.unit == b.unit


def pair_intervals(a: Quantity, b: Quantity) -> tuple[Interval, Interval]:
    """The two ends of a change ("from 80 to 100 million") read at one precision, the finer of the
    two: a writer who gives 80 to the million gives 100 to the million too."""
    h = min(half_step(a.value, a.step), half_step(b.value, b.step))
    return Interval(a.value - h, a.value + h), Interval(b.value - h, b.value + h)


def percent_fix(q: Quantity, exact: float) -> str | None:
    """The replacement for a plain written percentage ("12%" -> "15%"), at its own number of decimals;
    None where the figure is hedged or bounded, since then no single replacement is certain."""
    if q.qualifier != "exact":
        return None
    m = re.fullmatch(r"[\d.,]+(\s*(?:%|per ?cent|percent))", q.text.strip(), re.I)
    if not m:
        return None
    decimals = 0 if not q.step or q.step >= 1 else max(0, round(-math.log10(q.step)))
    return f"{exact:.{decimals}f}{m.group(1)}"  # "12 per cent" -> "15 per cent", as written


def exact_figure(q: Quantity) -> bool:
    """A figure given to five or more significant digits ("$93,175,396.56", "4,258,893"): an account,
    not a round figure."""
    step = q.step or 1.0
    return step > 0 and abs(q.value) / step >= 1e4
