"""Matching a draft's figures to reference rows, and the verdict on each.

- Subject: a name of the row's subject (or an alternative name, or a possessive
  such as "France's") in the figure's sentence, else its paragraph, else the title.
- Measure: what the figure counts (its noun), or words just before it ("population
  of"), matching one of the measure's names, singular or plural.
- Time: a year written in the figure's sentence; else the document's year; else the
  nearest row, reported as a weaker match.
- Scale and units converted ("83 million" against 83,160,871, km against miles).

A figure that matches nothing is not an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from numcheck.checks.precision import Interval, Tolerance, interval
from numcheck.claims import Draft
from numcheck.quantities import Quantity
from numcheck.quantities.nouns import singular
from numcheck.tables.model import Fact, References
from numcheck.tables.units import convert

CHECKED_KINDS = ("count", "number", "money", "measure", "percent", "duration")
_WORD = re.compile(r"[A-Za-z]+")
_RELATION = re.compile(r"\b(?:after|since|ago|later)\b", re.I)


@dataclass(frozen=True)
class Verdict:
    figure: Quantity
    status: str  # consistent, conflict, unmatched
    fact: Fact | None = None
    weak: bool = False  # the row's time was the nearest one, not one the text or the document gives
    message: str = ""
    subject_span: tuple[int, int] | None = None


def verdicts(draft: Draft, refs: References, tol: Tolerance = Tolerance()) -> list[Verdict]:
    """A verdict for every figure that could be checked against a table."""
    if not refs:
        return []
    cache = draft.__dict__.setdefault("_verdicts", {})  # NC401 and the report read the same verdicts
    key = (id(refs), tol)
    if key not in cache:
        cache[key] = _verdicts(draft, refs, tol)
    return cache[key]


def _verdicts(draft: Draft, refs: References, tol: Tolerance) -> list[Verdict]:
    mentions = _mentions(draft, refs)
    out: list[Verdict] = []
    for q in draft.quantities:
        if q.kind not in CHECKED_KINDS:
            continue
        out.append(_judge(draft, refs, q, mentions, tol))
    return out


# --- subjects ------------------------------------------------------------------------------

def _subject_pattern(refs: References) -> re.Pattern[str]:
    return _compiled(tuple(sorted(refs.subject_names, key=len, reverse=True)))


@lru_cache(maxsize=8)
def _compiled(lower_names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every subject name, longest first (the index, not a scan of the rows)."""
    alternation = "|".join(re.escape(n) for n in lower_names if n)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?:['’]s)?(?![\w-])", re.I)


def _mentions(draft: Draft, refs: References) -> list[tuple[int, int, str]]:
    """Every subject named in the draft: (start, end, subject key), in text order.

    Names are matched as written: a name in capitals in the table ("USA", "Germany")
    must be capitalised in the text, so "can" is never Canada's code."""
    exact = {name for f in refs.facts for name in f.subjects}
    out = []
    for m in _subject_pattern(refs).finditer(draft.text):
        surface = re.sub(r"['’]s$", "", m.group())
        if surface not in exact and not (surface[:1].isupper() and surface.lower() in refs.subject_names):
            continue
        for key in refs.subject_names[surface.lower()]:
            out.append((m.start(), m.start() + len(surface), key))
    return out


def _subjects_for(draft: Draft, q: Quantity, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Subjects named in the figure's sentence (nearest first), else its paragraph, else the title."""
    s0, s1 = draft.sentence_span(draft.sentence_of(q.start))
    here = [m for m in mentions if s0 <= m[0] < s1]
    if not here:
        p0 = draft.text.rfind("\n\n", 0, q.start) + 1
        p1 = draft.text.find("\n\n", q.end)
        p1 = len(draft.text) if p1 < 0 else p1
        here = [m for m in mentions if p0 <= m[0] < p1]
    if not here:
        title_end = draft.text.find("\n")
        here = [m for m in mentions if m[0] < (title_end if title_end > 0 else 0)]
    return sorted(here, key=lambda m: (m[0] > q.start, abs(m[0] - q.start)))


# --- measures ------------------------------------------------------------------------------

def _context_words(draft: Draft, q: Quantity) -> set[str]:
    """Singular words that say what a figure is: its noun, and the few words before it."""
    words = set()
    if q.noun:
        words.update(q.noun.split())
    if q.noun_phrase:
        words.update(singular(w) for w in _WORD.findall(q.noun_phrase))
    s0, _ = draft.sentence_span(draft.sentence_of(q.start))
    before = _WORD.findall(draft.text[max(s0, q.start - 40):q.start])[-4:]
    after = _WORD.findall(draft.text[q.end:q.end + 30])[:3]
    words.update(singular(w) for w in before + after)
    return {w.lower() for w in words}


def _measures_for(refs: References, words: set[str]) -> list[str]:
    """Measures all of whose words (singular) are among the words that say what the figure is."""
    found = []
    for name, key in refs.measure_names.items():
        parts = [singular(w).lower() for w in _WORD.findall(name)]
        if parts and all(p in words for p in parts) and key not in found:
            found.append(key)
    return found


# --- the verdict ---------------------------------------------------------------------------

def _judge(draft: Draft, refs: References, q: Quantity, mentions, tol: Tolerance) -> Verdict:
    subjects = _subjects_for(draft, q, mentions)
    if not subjects:
        return Verdict(q, "unmatched")
    sentence = draft.sentence_text(draft.sentence_of(q.start))
    words = _context_words(draft, q)
    if q.kind == "duration":  # "more than a year after the coalition began": the event's words
        words |= {singular(w).lower() for w in _WORD.findall(sentence)}
    measures = _measures_for(refs, words)
    for start, end, skey in subjects:
        for mkey in measures:
            facts = refs.lookup(skey, mkey)
            if not facts:
                continue
            dated = [f for f in facts if f.date is not None]
            if q.kind == "duration":
                if dated and _RELATION.search(sentence) and draft.date is not None:
                    return _judge_date(draft, q, dated[0], tol, (start, end))
                continue
            valued = [f for f in facts if f.value is not None]
            if not valued:
                continue
            fact, weak = _pick_time(draft, q, valued)
            if fact is None:
                continue
            return _judge_value(q, fact, weak, tol, (start, end))
    return Verdict(q, "unmatched")


def _sentence_years(draft: Draft, q: Quantity) -> list[int]:
    index = draft.sentence_of(q.start)
    return [int(x.year) for x in draft.by_sentence.get(index, [])
            if x.kind in ("year", "date") and x.year is not None and x is not q]


def _pick_time(draft: Draft, q: Quantity, facts: list[Fact]) -> tuple[Fact | None, bool]:
    timeless = [f for f in facts if f.as_of is None]
    years = _sentence_years(draft, q)
    for y in years:
        for f in facts:
            if f.year == y:
                return f, False
    if years:
        return None, False  # the text names a year the table does not have
    if draft.date is not None:
        for f in facts:
            if f.year == draft.date.year:
                return f, False
    if timeless:
        return timeless[0], False
    if len(facts) == 1:
        return facts[0], False
    target = draft.date.year if draft.date is not None else max(f.year or 0 for f in facts)
    return min(facts, key=lambda f: (abs((f.year or 0) - target), -(f.year or 0))), True


def _judge_value(q: Quantity, fact: Fact, weak: bool, tol: Tolerance, span) -> Verdict:
    value = _in_figure_unit(q, fact)
    if value is None:
        return Verdict(q, "unmatched")
    expected = Interval(value * (1 - fact.tolerance), value * (1 + fact.tolerance))
    if interval(q, tol).overlaps(expected):
        return Verdict(q, "consistent", fact, weak, f"{fact.describe()}; the text says {q.text}", span)
    nearest = " (the nearest year in the table)" if weak else ""
    return Verdict(q, "conflict", fact, weak, f"{fact.describe()}{nearest}; the text says {q.text}", span)


def _in_figure_unit(q: Quantity, fact: Fact) -> float | None:
    """The row's value in the figure's unit, or None when they measure different things."""
    if fact.unit is None:
        return fact.value if q.kind in ("count", "number") and q.unit is None else None
    if fact.unit == "percent":
        return fact.value if q.kind == "percent" else None
    if q.kind == "money":
        return fact.value if q.unit == fact.unit else None
    if q.unit is None:
        return None
    return convert(fact.value, fact.unit, q.unit)


def _judge_date(draft: Draft, q: Quantity, fact: Fact, tol: Tolerance, span) -> Verdict:
    """"more than two years after the coalition began its strikes", against a start date."""
    assert draft.date is not None and fact.date is not None
    days = (draft.date - fact.date).days
    if days < 0:
        return Verdict(q, "unmatched")
    elapsed = convert(days, "day", q.unit)
    if elapsed is None:
        return Verdict(q, "unmatched")
    stated = interval(q, tol)
    if q.qualifier == "exact":  # "a year after": people round down, so allow up to one unit more
        stated = Interval(stated.low - 0.5, stated.high + 1)
    if stated.contains(elapsed):
        return Verdict(q, "consistent", fact, False, f"{fact.describe()}; the text says {q.text}", span)
    msg = (f"{fact.describe()}: to the document's date, {draft.date.isoformat()}, is {_span_words(days)}; "
           f"the text says {q.text}")
    return Verdict(q, "conflict", fact, False, msg, span)


def _span_words(days: int) -> str:
    years, rest = divmod(days, 365)
    months = round(rest / 30.44)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months or not years:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " and ".join(parts)


__all__ = ["Verdict", "verdicts"]
