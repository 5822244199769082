"""Dates beside dates: a weekday written with the calendar date it names ("Monday, 3 March 2023",
"March 3, a Monday"), and the days that date may be (a yearless date takes the document's year, or
a year written nearby; a slashed date reads both ways)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

from numcheck.claims import Draft
from numcheck.quantities import Quantity

# weekday, then its date: "Monday, 3 March", "Mon., March 3", "Monday (March 3)", "Monday — 3 March"
_WEEKDAY_THEN_DATE = re.compile(r"\.?\s*[,–—-]?\s*[(\[]?\s*")
# date, then its weekday: "March 3, a Monday", "March 3 (Monday)", "March 3, which was a Monday"
_DATE_THEN_WEEKDAY = re.compile(
    r"\s*(?:[(\[]\s*(?:an?\s+)?|,\s*(?:(?:which|that)\s+(?:was|is|will\s+be|falls\s+on)\s+)?an?\s+|"
    r"\s(?:was|is|will\s+be|falls\s+on)\s+an?\s+)", re.I)
# the date is the first of a range: "March 6-10", "March 3 to 7", "March 4 and 5"
_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|to\b|through\b|thru\b|until\b|and\b|&|or\b)\s*\d", re.I)
# the weekday ends a range of weekdays: "Monday to Friday, March 6"
_RANGE_BEFORE = re.compile(r"(?:[-–—]|\bto|\bthrough|\bthru|\buntil|\band|\bor|&)\s*$", re.I)
# "if March 3 is a Monday": a supposition, not a claim
_CONDITIONAL = re.compile(r"\b(?:if|when|whenever|whether|unless|suppose|assuming)\s+$", re.I)
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})")
_LOOKBACK = 3  # sentences before whose written years are tried for a yearless date


@dataclass(frozen=True)
class WeekdayDate:
    """A weekday and the date written beside it, with every day the date may name and whether its
    year was inferred (from the document's date or a year nearby) rather than written."""

    weekday: Quantity
    date: Quantity
    days: tuple[dt.date, ...]
    inferred: bool


def find_weekday_dates(draft: Draft) -> list[WeekdayDate]:
    out = []
    for weekday, date in _pairs(draft):
        days, inferred = _candidate_days(draft, date)
        if days:
            out.append(WeekdayDate(weekday, date, tuple(days), inferred))
    return out


def _is_weekday(q: Quantity) -> bool:
    return q.kind == "date" and q.weekday is not None and q.day is None and q.month is None


def _is_day(q: Quantity) -> bool:
    return q.kind == "date" and q.day is not None and q.month is not None and q.weekday is None


def _pairs(draft: Draft) -> Iterator[tuple[Quantity, Quantity]]:
    """Each weekday with the calendar date written right beside it, in the same sentence."""
    text = draft.prose
    for qs in draft.by_sentence.values():
        paired: set[int] = set()
        for i, q in enumerate(qs):
            if not _is_weekday(q) or text[q.end:q.end + 2] in ("'s", "’s"):
                continue
            if _RANGE_BEFORE.search(text[max(0, q.start - 12):q.start]) and \
                    i > 0 and _is_weekday(qs[i - 1]):
                continue
            nxt = qs[i + 1] if i + 1 < len(qs) else None
            if nxt is not None and _is_day(nxt) and q.end <= nxt.start and \
                    _WEEKDAY_THEN_DATE.fullmatch(text[q.end:nxt.start]) and not _range_follows(draft, nxt):
                paired.add(nxt.start)
                yield q, nxt
                continue
            prev = qs[i - 1] if i > 0 else None
            if prev is not None and _is_day(prev) and prev.start not in paired and prev.end <= q.start and \
                    _DATE_THEN_WEEKDAY.fullmatch(text[prev.end:q.start]) and not _range_follows(draft, prev) and \
                    not _CONDITIONAL.search(text[max(0, prev.start - 12):prev.start]):
                yield q, prev


def _range_follows(draft: Draft, date: Quantity) -> bool:
    return bool(_RANGE_AFTER.match(draft.prose, date.end))


def _candidate_days(draft: Draft, date: Quantity) -> tuple[list[dt.date], bool]:
    """Every day the written date may name (one when it is complete and unambiguous), and whether
    its year was inferred rather than written."""
    readings = [(date.month, date.day)]
    m = _SLASHED.fullmatch(date.text.strip())
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        readings = [(a, b), (b, a)] if a != b and a <= 12 and b <= 12 else readings
    years = [date.year] if date.year is not None else _year_after(draft, date)
    inferred = not years
    if inferred:
        years = _candidate_years(draft, date)
    out: list[dt.date] = []
    for y in years:
        for mo, d in readings:
            try:
                out.append(dt.date(y, mo, d))
            except (ValueError, TypeError):
                continue
    return sorted(set(out)), inferred


def _year_after(draft: Draft, date: Quantity) -> list[int]:
    """The year written right after a yearless date, when the extractor read them apart."""
    qs = draft.quantities
    idx = next((i for i, q in enumerate(qs) if q is date), None)
    if idx is not None and idx + 1 < len(qs):
        nxt = qs[idx + 1]
        if nxt.kind == "year" and date.end <= nxt.start and re.fullmatch(r",?\s*", draft.prose[date.end:nxt.start]):
            return [int(nxt.value)]
    return []


def _candidate_years(draft: Draft, date: Quantity) -> list[int]:
    """For a yearless date: the document's year (and the adjacent one when the date lies far from
    the document's date), and any year written in this or the few sentences before."""
    years: list[int] = []
    doc = draft.date
    if doc is not None:
        years.append(doc.year)
        try:
            here = dt.date(doc.year, date.month, date.day)  # type: ignore[arg-type]
        except ValueError:
            here = None
        if here is not None and abs((here - doc).days) > 183:
            years.append(doc.year - 1 if here > doc else doc.year + 1)
    if not years:
        return []  # no document date: a yearless date names no day
    s = draft.sentence_of(date.start)
    for k in range(max(0, s - _LOOKBACK), s + 1):
        for q in draft.by_sentence.get(k, []):
            y = q.year if q.kind == "date" and not q.decade else int(q.value) if q.kind == "year" else None
            if y is not None and y not in years:
                years.append(y)
    return years
