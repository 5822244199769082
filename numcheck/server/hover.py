"""Hover on a figure: how numcheck read it and what it was checked against, in Markdown.

The arithmetic is in the finding messages ("120 of 800 is 15.0%, not 12%"), so a hover
shows them as they are rather than re-deriving anything.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from numcheck.quantities import Quantity

if TYPE_CHECKING:
    from numcheck.api import CheckResult

KIND_WORDS = {
    "count": "a count", "number": "a number", "percent": "a percentage",
    "percentage_point": "percentage points", "money": "money", "measure": "a measure",
    "ratio": "a ratio", "fraction": "a fraction", "multiple": "a multiple",
    "ordinal": "an ordinal", "year": "a year", "date": "a date", "duration": "a duration",
    "label": "a label (it names something; no check uses it)",
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def figure_at(result: "CheckResult", offset: int) -> Optional[Quantity]:
    """The innermost figure whose span holds `offset`."""
    covering = [q for q in result.draft.quantities if q.start <= offset < q.end]
    return min(covering, key=lambda q: q.end - q.start, default=None)


def hover_markdown(result: "CheckResult", figure: Quantity) -> str:
    lines = [f"**{code(figure.text)}**: {KIND_WORDS.get(figure.kind, figure.kind)} (`{figure.kind}`)", ""]
    lines += [f"- {name}: {value}" for name, value in reading(figure)]
    checked = findings_lines(result, figure) + verdict_lines(result, figure)
    lines += ["", "**Checked**", ""]
    lines += checked or ["- no rule found a problem with this figure"]
    return "\n".join(lines)


def reading(q: Quantity) -> list[tuple[str, str]]:
    """The fields numcheck read, those that are set."""
    show = _year if q.kind in ("year", "date") else number
    value = show(q.value) if q.high is None else f"{show(q.value)} to {show(q.high)}"
    out = [("value", value)]
    if q.kind == "ratio":
        parts = [("part", q.part), ("whole", q.whole), ("versus", q.versus)]
        out += [(name, number(v)) for name, v in parts if v is not None]
    if q.unit:
        out.append(("unit", escape(q.unit)))
    qualifier = q.qualifier + (f" ({code(q.qualifier_text)})" if q.qualifier_text else "")
    out.append(("qualifier", qualifier))
    if q.noun:
        phrase = f" ({code(q.noun_phrase)})" if q.noun_phrase and q.noun_phrase != q.noun else ""
        out.append(("noun", escape(q.noun) + phrase))
    for name in ("year", "month", "day"):
        if getattr(q, name) is not None:
            out.append((name, str(getattr(q, name))))
    if q.weekday is not None:
        out.append(("weekday", WEEKDAYS[q.weekday - 1] if 1 <= q.weekday <= 7 else str(q.weekday)))
    if q.decade:
        out.append(("decade", "yes"))
    if q.relative is not None:
        out.append(("relative", f"{q.relative:+d}"))
    return out


def findings_lines(result: "CheckResult", q: Quantity) -> list[str]:
    out = []
    for f in sorted(result.findings, key=lambda f: (f.start, f.rule)):
        head = f"- **{f.rule}** `{f.name}` ({f.severity}): {escape(f.message)}"
        if _overlaps(f.start, f.end, q):
            out.append(head + (f"; fix: {code(f.fix)}" if f.fix is not None else ""))
            continue
        roles = [r.message for r in f.related if _overlaps(r.start, r.end, q)]
        if roles:
            out.append(head + f" (on {code(result.text[f.start:f.end])}; this figure is {escape(', '.join(roles))})")
    return out


def verdict_lines(result: "CheckResult", q: Quantity) -> list[str]:
    out = []
    reported = any(f.rule == "NC401" and _overlaps(f.start, f.end, q) for f in result.findings)
    for v in result.verdicts:
        if (v.figure.start, v.figure.end) != (q.start, q.end):
            continue
        if v.status == "conflict" and reported:
            continue  # the NC401 finding above says the same
        what = v.message or (v.fact.describe() if v.fact is not None else "no reference row matched this figure")
        nearest = " (the nearest year in the table)" if v.weak else ""
        out.append(f"- reference table, {v.status}{nearest}: {escape(what)}")
    return out


def _overlaps(start: int, end: int, q: Quantity) -> bool:
    return start < q.end and q.start < max(end, start + 1)


def _year(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)  # 2023, not 2,023


def number(x: float) -> str:
    if x == int(x) and abs(x) < 1e18:
        return f"{int(x):,}"
    return f"{x:,.10g}"


def code(text: str) -> str:
    """Inline code that survives backticks in the text."""
    text = " ".join(text.split())
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
