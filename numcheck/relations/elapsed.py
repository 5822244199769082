"""Elapsed time: an interval stated against the dates it spans ("five years after the plant opened in
2019", "nearly three years since the 2019 election", "six months ago, in May 2022").

Reads which dates an interval counts from and to: a date set beside it ("in 2024, five years after
..."), else the document's date; leaves out periods ("jailed for 17 years after"), the future and the
hypothetical ("will", "by 2030"). The rule (NC302) does the calendar arithmetic.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from numcheck.claims import Draft
from numcheck.quantities import Quantity

DAYS = {"day": 1.0, "week": 7.0, "fortnight": 14.0, "month": 365.2425 / 12, "year": 365.2425,
         "decade": 3652.425, "century": 36524.25}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_CONNECTIVE = re.compile(r"\s+(after|since|ago|later)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s|\.\s")
_MAX_WORDS = 10  # words between "after"/"since" and the date it counts from
# the interval that "since" measures ends now: "It has been three years since", "in the five years since"
_SINCE_LEAD = re.compile(r"(?:\b(?:been|is|was|marks?|marked|marking|now|the|past|last|in)"
                         r"\s*|[,;:(—–-]\s*|^\s*)$", re.I)
# the sentence speaks of the future or the hypothetical: its end need not lie before the document's date
_NOT_PAST = re.compile(r"\b(?:will|would|shall|going\s+to|scheduled|expected|expects?|plans?|planned|planning|"
                       r"due|set\s+to|until|could|might|should|must|if|unless|aims?|target(?:s|ed)?|projected|"
                       r"forecasts?|predicts?|predicted)\b|'ll\b|\bby\s+(?:the\s+end\s+of\s+|early\s+|late\s+|"
                       r"mid-?)?\d{4}\b", re.I)
# the interval is a period, not the time between two events: "jailed for 17 years after", "a minimum
# non-parole period of 17 years after", "sentenced to 17 years after", "the first two years after"
_PERIOD_LEAD = re.compile(r"\b(?:for|of|to|within|lasting|lasts|last|up\s+to|until|through|extends?|extended|"
                          r"first|next|following|serve[sd]?|serving|spen[dt]s?|spending|take[ns]?|took|"
                          r"taking|wait(?:ed|s)?|sentenced|jailed|imprisoned|banned|suspended)\s*$", re.I)
_GLUED = re.compile(r"(?:\s|-|\band\b|\bor\b|\bto\b|\bof\b|\ba\b|\ban\b)*", re.I)
_MAY = re.compile(r"\bmay\b")  # lower-case only: the month is "May"
_PAST_PERFECT = re.compile(r"\b(?:had|'d)\b", re.I)


@dataclass(frozen=True)
class Span:
    """The days a written date may name: start inclusive, end exclusive (as day ordinals)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Elapsed:
    """An interval and the days it may count from (`starts`) and to (`ends`); `exact` when it ends at
    the end date ("since", "ago"), not merely before it ("after", "later"). `anchors` are the dates
    counted from, `end` the date written as the other end (None: the document's date)."""

    interval: Quantity
    word: str  # after, since, ago, later
    anchors: tuple[Quantity, ...]
    starts: tuple[Span, ...]
    ends: tuple[Span, ...]
    exact: bool
    end: Optional[Quantity]


def find_elapsed(draft: Draft) -> list[Elapsed]:
    out: list[Elapsed] = []
    for q in draft.quantities:
        if q.kind != "duration" or q.unit not in DAYS or draft.prose[q.end:q.end + 1] == "-":
            continue
        m = _CONNECTIVE.match(draft.prose, q.end)
        if not m:
            continue
        found = _read_one(draft, q, m.group(1).lower(), m.end())
        if found is not None:
            out.append(found)
    return out


def _read_one(draft: Draft, q: Quantity, word: str, after: int) -> Elapsed | None:
    text = draft.prose
    index = draft.sentence_of(q.start)
    sent = [x for x in draft.by_sentence.get(index, []) if x is not q]
    a0, b0 = draft.sentence_span(index)
    sentence = text[a0:b0]
    lead = text[max(a0, q.start - 30):q.start]
    if word == "since" and not _SINCE_LEAD.search(lead):
        return None  # "spent two years in jail since ..." measures part of the time, not all of it
    if word in ("after", "later") and _PERIOD_LEAD.search(lead):
        return None  # "records are kept for five years after ...": a period, which may run on
    before = [x for x in sent if x.end <= q.start]
    if before and _GLUED.fullmatch(text[before[-1].end:q.start]) and \
            before[-1].kind in ("number", "fraction", "count", "duration"):
        return None  # "half a century", "two or three years": the extractor read only part of the figure

    # the other end, when a date is set beside the interval: "in 2024, five years after ..."
    end = _written_end(draft, sent, q, word, after)
    # where the interval starts: the dates it may count from
    if word in ("after", "since"):
        anchors = _dates_in_clause(draft, sent, after)
    elif word == "later":
        anchors = [x for x in sent if x.end <= q.start and x is not end and x.kind in ("date", "year")]
    else:  # ago
        anchors = _ago_anchor(draft, sent, q, after)
    starts = [_span(draft, x) for x in anchors]
    if not anchors or any(s is None for s in starts):
        return None  # nothing to count from, or a date that cannot be placed: nothing is ruled out

    if end is not None:
        espan = _span(draft, end)
        if espan is None:
            return None
        ends, exact = [espan], True
    else:
        doc = _doc_span(draft)
        if doc is None or _NOT_PAST.search(sentence) or _MAY.search(sentence) or \
                (word == "since" and _PAST_PERFECT.search(sentence)):
            return None
        if any(s.start >= doc.end for s in starts):  # type: ignore[union-attr]
            return None  # counting from a date after the document's: a plan, not a record
        exact = word in ("since", "ago")
        ends = [doc]
        if exact:  # "since" and "ago" end now, unless another date in the sentence is the "now"
            others = [_span(draft, x) for x in sent if x not in anchors and x.kind in ("date", "year")]
            if any(s is None for s in others):
                return None
            ends += others  # type: ignore[arg-type]
    return Elapsed(q, word, tuple(anchors), tuple(starts), tuple(ends), exact, end)  # type: ignore[arg-type]


def _dates_in_clause(draft: Draft, sent: list[Quantity], after: int) -> list[Quantity]:
    """The dates after "after"/"since" in the same clause, within a few words."""
    text = draft.prose
    out = []
    for x in sent:
        if x.start < after:
            continue
        gap = text[after:x.start]
        if _CLAUSE_BREAK.search(gap) or len(gap.split()) > _MAX_WORDS:
            break
        if x.kind == "duration":
            break
        if x.kind in ("date", "year"):
            out.append(x)
    return out


def _ago_anchor(draft: Draft, sent: list[Quantity], q: Quantity, after: int) -> list[Quantity]:
    """The date an "ago" names: "five years ago, in 2019" or "... in 2019, five years ago."."""
    text = draft.prose
    for x in sent:
        if x.kind not in ("date", "year"):
            continue
        if x.start >= after and re.fullmatch(r"\s*,?\s*\(?\s*(?:back\s+)?(?:in|on)?\s*", text[after:x.start], re.I):
            return [x]
        if x.end <= q.start and re.fullmatch(r"\s*[,(—–]\s*", text[x.end:q.start]) and \
                re.match(r"\s*(?:[.;:)!?—–]|$)", text[after:]) and \
                re.search(r"\b(?:in|on)\s+$", text[max(0, x.start - 8):x.start], re.I):
            return [x]
    return []


def _written_end(draft: Draft, sent: list[Quantity], q: Quantity, word: str, after: int) -> Quantity | None:
    """A date set beside the interval as its other end: "in 2024, five years after ...",
    "five years later, in 2024"."""
    if word not in ("after", "later"):
        return None
    text = draft.prose
    for x in sent:
        if x.kind not in ("date", "year"):
            continue
        if x.end <= q.start and re.fullmatch(r"\s*[,(—–]\s*", text[x.end:q.start]):
            return x
        if word == "later" and x.start >= after and \
                re.fullmatch(r"\s*,?\s*\(?\s*(?:in|on)?\s*", text[after:x.start], re.I):
            return x
    return None


def _span(draft: Draft, x: Quantity) -> Span | None:
    """The days a written date or year may name; None when it cannot be placed."""
    if x.kind == "year":
        y = int(x.value)
        return _years(y, y + 1, x.text.strip())
    if x.kind != "date" or x.year is None or x.relative is not None or x.weekday is not None:
        return None
    y = x.year
    if x.decade:
        return _years(y, y + 10, x.text.strip())
    try:
        if x.month is None:
            return _years(y, y + 1, x.text.strip())
        if x.day is None:
            first = dt.date(y, x.month, 1)
            nxt = dt.date(y + 1, 1, 1) if x.month == 12 else dt.date(y, x.month + 1, 1)
            return Span(first.toordinal(), nxt.toordinal(), x.text.strip())
        d = dt.date(y, x.month, x.day)
    except ValueError:
        return None
    return Span(d.toordinal(), d.toordinal() + 1, x.text.strip())


def _years(a: int, b: int, label: str) -> Span | None:
    try:
        return Span(dt.date(a, 1, 1).toordinal(), dt.date(b, 1, 1).toordinal(), label)
    except ValueError:
        return None


def _doc_span(draft: Draft) -> Span | None:
    d = draft.date
    if d is None:
        return None
    return Span(d.toordinal(), d.toordinal() + 1,
                 f"{d.day} {_MONTHS[d.month - 1]} {d.year} (the document's date)")
