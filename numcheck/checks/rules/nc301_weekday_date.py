"""NC301 weekday-date: a weekday written beside a calendar date that falls on another weekday.

Reads `WeekdayDate` relations (numcheck.relations.dates): the pairing and the days a date may
name are found there; the rule compares weekdays.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
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


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    draft = facts.draft
    for pair in facts.relations.weekday_dates:
        weekday, date, days = pair.weekday, pair.date, list(pair.days)
        if any(d.isoweekday() == weekday.weekday for d in days):
            continue
        right = {d.isoweekday() for d in days}
        fix = _styled(weekday.text, right.pop()) if len(right) == 1 else None
        yield RULE.finding(_message(draft, weekday, date, days, pair.inferred), weekday.start, weekday.end,
                           [Related(date.start, date.end, "the date")], fix=fix)


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
