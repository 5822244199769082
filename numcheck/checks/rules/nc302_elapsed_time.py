"""NC302 elapsed-time: a stated interval ("five years after ... 2019") that the dates it spans rule out."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from typing import Iterator

from numcheck.checks.model import Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.precision import INF, Interval, Tolerance, interval
from numcheck.claims import Draft
from numcheck.quantities import Quantity

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
        "widen it). When several dates could be the ends, the rule fires only if no reading fits. A warning, not an error: which event a date belongs to is read from the "
        "sentence, and the document's date may be wrong or missing. Sentences about the future or "
        "the hypothetical (will, would, scheduled, by 2030, ...) are not checked against the "
        "document's date.",
    fires="---\ndate: 2022-05-01\n---\nFive years after the plant opened in 2019, it closed.",
    quiet="---\ndate: 2015-10-07\n---\nMore than a year after the campaign began in September 2014, "
          "the fighting goes on.",
    fix="Recount the interval from the dates, or correct the date that is wrong; if the story was "
        "written earlier than its date says, fix the document's date.",
)

_DAYS = {"day": 1.0, "week": 7.0, "fortnight": 14.0, "month": 365.2425 / 12, "year": 365.2425,
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
class _Span:
    """The days a written date may name: start inclusive, end exclusive (as day ordinals)."""

    start: int
    end: int
    label: str


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for q in draft.quantities:
        if q.kind != "duration" or q.unit not in _DAYS or draft.prose[q.end:q.end + 1] == "-":
            continue
        m = _CONNECTIVE.match(draft.prose, q.end)
        if not m:
            continue
        word = m.group(1).lower()
        finding = _check_one(draft, q, word, m.end(), tol)
        if finding is not None:
            yield finding


def _check_one(draft: Draft, q: Quantity, word: str, after: int, tol: Tolerance) -> Finding | None:
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

    stated = _stated_days(q, tol)
    gaps: list[tuple[Interval, _Span, _Span]] = []
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
    rel = [Related(x.start, x.end, "counted from") for x, sp in zip(anchors, starts) if sp is s]
    if end is not None:
        rel.append(Related(end.start, end.end, "counted to"))
    return RULE.finding(_message(q, gap, s, e, stated), q.start, q.end, rel)


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


def _span(draft: Draft, x: Quantity) -> _Span | None:
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
            return _Span(first.toordinal(), nxt.toordinal(), x.text.strip())
        d = dt.date(y, x.month, x.day)
    except ValueError:
        return None
    return _Span(d.toordinal(), d.toordinal() + 1, x.text.strip())


def _years(a: int, b: int, label: str) -> _Span | None:
    try:
        return _Span(dt.date(a, 1, 1).toordinal(), dt.date(b, 1, 1).toordinal(), label)
    except ValueError:
        return None


def _doc_span(draft: Draft) -> _Span | None:
    d = draft.date
    if d is None:
        return None
    return _Span(d.toordinal(), d.toordinal() + 1,
                 f"{d.day} {_MONTHS[d.month - 1]} {d.year} (the document's date)")


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
    k = _DAYS[q.unit]  # type: ignore[index]
    return Interval(max(0.0, iv.low) * k, iv.high * k if math.isfinite(iv.high) else INF)


def _message(q: Quantity, gap: Interval, s: _Span, e: _Span, stated: Interval) -> str:
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
