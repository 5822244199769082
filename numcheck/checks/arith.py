"""Arithmetic the rules share: figures as written in messages, and the two tiers of a verdict.

A verdict is an **error** when no reading of the figures at any precision fits (the precision
model in `numcheck.precision` reads round figures leniently). It is a **warning** when
some rounding of the inputs fits, but the figures as written, which is how readers do the sum,
give a result well outside the stated one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

from numcheck.precision import INF, Interval, Tolerance, exact_figure, fmt
from numcheck.quantities import Quantity


def shown(q: Quantity) -> str:
    """A figure as the text writes it, without its hedge ("$42 million", "12 percent", "about 40%"
    gives "40%"), so messages keep the currency and the scale."""
    text = " ".join(q.text.split())
    lead = (q.qualifier_text or "").strip()
    if lead and text.lower().startswith(lead.lower()):
        text = text[len(lead):].strip()
    for word in ("from ", "between "):
        if text.lower().startswith(word):
            text = text[len(word):]
    return text or fmt(q.value)


def hedge_words(q: Quantity) -> str:
    """"more than 30 percent" -> "more than ", for messages that repeat a bound."""
    return {"more_than": "more than ", "at_least": "at least ", "less_than": "less than ",
            "at_most": "at most ", "approx": "about "}.get(q.qualifier, "")


def pct(x: float, decimals: int = 1) -> str:
    """A computed percentage for a message: one decimal, "20.0%", or as many as asked."""
    return f"{x:.{decimals}f}%"


@dataclass(frozen=True)
class Verdict:
    severity: Optional[str]  # "error", "warning", or None when the figures agree

    def __bool__(self) -> bool:
        return self.severity is not None

    @property
    def hint(self) -> Optional[str]:
        """The severity to suggest for the finding: "warning" for the rounding tier, else the rule's."""
        return "warning" if self.severity == "warning" else None


def judge(stated: Interval, possible: Interval, as_written: float, tolerance: float = 0.1,
          floor: float = 0.0) -> Verdict:
    """Compare a stated result with what the inputs allow.

    `possible` is every value the inputs give at any rounding; `as_written` the value of the
    inputs as written. An error when `stated` and `possible` do not meet; a warning when they
    meet but `as_written` lies outside `stated` by more than `tolerance` of the stated figure
    (and more than `floor`): a difference readers will notice."""
    if not stated.overlaps(possible):
        return Verdict("error")
    if stated.contains(as_written):
        return Verdict(None)
    centre = _centre(stated)
    off = min(abs(as_written - stated.low), abs(as_written - stated.high))
    if math.isfinite(centre) and off > max(tolerance * abs(centre), floor):
        return Verdict("warning")
    if not math.isfinite(centre) and off > floor:
        return Verdict("warning")
    return Verdict(None)


def _centre(iv: Interval) -> float:
    if math.isfinite(iv.low) and math.isfinite(iv.high):
        return (iv.low + iv.high) / 2
    return iv.low if math.isfinite(iv.low) else iv.high


def bounded(iv: Interval, bound: str, tol: Tolerance) -> Interval:
    """A stated interval read with the words that bound it ("more than doubled", "nearly half")."""
    if bound == "more_than":
        return Interval(iv.low, INF)
    if bound == "less_than":
        return Interval(-INF, iv.high)
    if bound == "nearly":
        return Interval(iv.low * (1 - 2 * tol.hedge), iv.high)
    if bound == "approx":
        return Interval(iv.low * (1 - tol.hedge), iv.high * (1 + tol.hedge))
    return iv


def truncated(iv: Interval, q: Quantity) -> Interval:
    """A stated percentage may be cut off rather than rounded ("513 per cent" for 513.8%): an exact
    one admits up to one step above itself too."""
    if q.qualifier != "exact" or q.kind != "percent":
        return iv
    return Interval(iv.low, iv.high + (q.step or 1.0) / 2)


def amount_like(like: Quantity, value: float) -> str:
    """A computed amount written as the stated one is: "$3,530,000" beside "$3,530,000", "$2.16
    million" beside "$2.5 million", "2,787,067" beside "2,787,046", with its currency sign."""
    text = shown(like)
    head = text[:len(text) - len(text.lstrip("$€£¥₹₩₽¢"))]
    scale = next((w for w in ("trillion", "billion", "million") if w in text.lower()), None)
    if scale is None and like.step is not None and like.step < 1 and value != int(value):
        body = f"{value:,.2f}"
    elif scale is None and abs(value) < 1e15:
        body = f"{value:,.0f}" if value == int(value) or abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        body = fmt(value)
    if like.kind == "measure" and like.unit:
        return f"{body} {like.unit}"
    if like.kind == "money" and not head and like.unit:
        return f"{body} {like.unit}"
    return f"{head}{body}"


def slip_shaped(diff: float, tolerance: float = 0.0) -> bool:
    """Does a discrepancy between exact figures look like a slip of the pen: one or two wrong digits
    (100,000, 630,000, 21, 120), give or take what rounding of the figures leaves (`tolerance`:
    999,999 is 1,000,000 less a dollar)? A discrepancy of many digits ($13,043,546.81) means the sum
    holds an amount the sentence does not give (a balance carried over, an item not listed)."""
    m = abs(diff)
    if m <= tolerance:
        return False
    base = 10.0 ** max(math.floor(math.log10(m)) - 1, -2)
    nearest = round(m / base) * base  # the discrepancy to two significant digits
    return abs(m - nearest) <= max(tolerance, 0.0005 * m, 0.005)


def rounding_note(severity: Optional[str]) -> str:
    """What a warning adds: the figures fit only if they were rounded from other values."""
    if severity == "warning":
        return "; it fits only if the figures were rounded from other values"
    return ""


__all__ = ["amount_like", "exact_figure", "slip_shaped", "truncated", "shown", "hedge_words", "pct", "Verdict",
           "judge", "bounded", "rounding_note",
           "fmt"]
