"""NC301 weekday-date: a weekday written beside a calendar date that falls on another weekday."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from numcheck.checks.model import Finding, Related, Rule, RuleDocs, Settings
from numcheck.claims import Draft
from numcheck.quantities import Quantity

DOCS = RuleDocs(
    what="A weekday written right beside a calendar date (\"Monday, 3 March 2023\", \"Monday 3 March\", "
         "\"on Monday (March 3)\", \"March 3, a Monday\") when that date falls on another weekday. "
         "A weekday on its own (\"on Wednesday\") is not a date and is never checked.",
    why="Calendars are exact, so this is an error, not a judgement: one of the two is wrong, and readers "
        "who plan by it (an event notice, a court date, a deadline) are sent to the wrong day. When the "
        "date has no year, the year is taken from the document's date (front matter `date:` or "
        "`--date`), and, when a year is written in the same or the three sentences before, each such "
        "year is tried too; a date far (over six months) from the document's date also tries the "
        "adjacent year. The rule fires only when no candidate year fits, and stays silent on a "
        "yearless date in a document with no date. A slashed date that reads both ways (7/10/2023) "
        "fires only if neither the month-first nor the day-first reading fits.",
    fires="The board met on Monday, 3 March 2023.",
    quiet="---\ndate: 2015-10-07\n---\nOn Wednesday, the Russian navy fired 26 cruise missiles; "
          "the board met on Friday, 3 March 2023.",
    fix="Check which of the two is right. The suggested fix replaces the weekday with the date's own "
        "weekday, written in the same style (full name or abbreviation, same capitals); it is offered "
        "only when every candidate year agrees on that weekday.",
    fires_fix="Friday",
)

_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SHORT3 = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_SHORT4 = ("Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")

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


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    for weekday, date in _pairs(draft):
        days, inferred = _candidate_days(draft, date)
        if not days:
            continue
        if any(d.isoweekday() == weekday.weekday for d in days):
            continue
        right = {d.isoweekday() for d in days}
        fix = _styled(weekday.text, right.pop()) if len(right) == 1 else None
        yield RULE.finding(_message(draft, weekday, date, days, inferred), weekday.start, weekday.end,
                           [Related(date.start, date.end, "the date")], fix=fix)


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


def _styled(written: str, weekday: int) -> str:
    """The weekday `weekday` in the style of the written one: "Monday", "Mon", "Tues", "MONDAY"."""
    core = written.rstrip(".")
    if len(core) >= 6 and core.lower() in (n.lower() for n in _NAMES):
        name = _NAMES[weekday - 1]
    elif len(core) == 3:
        name = _SHORT3[weekday - 1]
    else:
        name = _SHORT4[weekday - 1]
    if core.isupper():
        name = name.upper()
    elif core.islower():
        name = name.lower()
    return name + written[len(core):]


def _day_text(d: dt.date, with_year: bool = True) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]}" + (f" {d.year}" if with_year else "")


def _message(draft: Draft, weekday: Quantity, date: Quantity, days: list[dt.date], inferred: bool) -> str:
    said = _NAMES[weekday.weekday - 1]  # type: ignore[index]
    doc = draft.date
    if len(days) == 1:
        d = days[0]
        verb = "is" if doc is not None and d > doc else "was"
        note = ""
        if inferred:
            note = " (the year of the document's date)" if doc is not None and d.year == doc.year \
                else " (a year written nearby)"
        return f"{_day_text(d)}{note} {verb} a {_NAMES[d.isoweekday() - 1]}, not a {said}"
    readings = [f"{_day_text(d)} (a {_NAMES[d.isoweekday() - 1]})" for d in days]
    listed = f"neither {readings[0]} nor {readings[1]}" if len(readings) == 2 else \
        "none of " + ", ".join(readings[:-1]) + f" or {readings[-1]}"
    how = "the two readings of" if not inferred else "the years it may fall in for"
    return f"{listed} is a {said} ({how} {date.text.strip()!r})"


RULE = Rule(
    code="NC301",
    name="weekday-date",
    severity="error",
    summary="A weekday written with a date that falls on another weekday.",
    docs=DOCS,
    check=check,
)
