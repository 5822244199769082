"""NC101 ratio-percent: a ratio and the percentage given for it disagree."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from numcheck.checks.model import Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.precision import Interval, Tolerance, divide, fmt, interval, percent_fix, rounding_interval
from numcheck.claims import Draft
from numcheck.quantities.nouns import plural
from numcheck.quantities import Quantity

DOCS = RuleDocs(
    what="A ratio (\"120 of 800\", \"two out of 57\") and the percentage given for the same "
         "thing that cannot both hold at their written precision.",
    why="A reader checks neither; one of the two figures is wrong, and the percentage is the one "
        "headlines repeat. Across sentences the rule also accepts the complement (\"2 of 57 hit\" "
        "and \"over 90% missed\" agree), so it only fires when no reading fits.",
    fires="Of the 800 applicants, 120 (12%) were accepted.",
    quiet="Of the 800 applicants, 120 (15%) were accepted.",
    fix="Recompute the percentage from the counts, or correct the count that is wrong.",
    fires_fix="15%",
)

# what may stand between a ratio and its percentage: "120 of 800 (15%)", "2 out of 57, or 3.5%"
_ADJACENT = re.compile(r"^\s*(?:\w+(?:ed|ing)\s*)?(?:[(\[,;:–—-]|[,–—-]?\s*or|,?\s*i\.e\.|,?\s*that is|,?\s*which is)?"
                       r"\s*[(\[]?\s*$", re.I)  # "45 of the 300 schools inspected, or 12 per cent"
_WHOLE_BEFORE = re.compile(r"\b(?:of|out of|among|from)\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?$", re.I)
_CHANGE = re.compile(r"\b(?:increase|increased|decrease|decreased|rise|rose|gain|gained|growth|grew|fall|fell|"
                     r"drop|dropped|decline|declined|up|down|more|less|fewer)\b", re.I)  # "an increase of 44,981, or 41%"
_OF_WHOLE = re.compile(r"^\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|all\s+)?$", re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|without|failed|missed)\b|n['’]t\b", re.I)
_WINDOW = 5  # sentences within which a later "percent of the strikes" refers back to "2 of 57 strikes"


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    qs = draft.quantities
    percents = [q for q in qs if q.kind == "percent"]
    used: set[int] = set()
    for p in percents:
        pair = _adjacent_ratio(draft, p)
        if pair is None:
            continue
        part, whole, ratio_span = pair
        used.add(p.start)
        share = divide(part, whole).scale(100)
        if interval(p, tol).overlaps(share):
            continue
        exact = share.low if share.low == share.high else (share.low + share.high) / 2
        written = _describe(p)
        msg = (f"{fmt(_mid(part))} of {fmt(_mid(whole))} is {exact:.1f}%, not {written}")
        yield RULE.finding(msg, p.start, p.end,
                           [Related(ratio_span[0], ratio_span[1], "the counts")],
                           fix=_fix(p, exact))
    yield from _across_sentences(draft, tol, used)


def _mid(iv: Interval) -> float:
    return (iv.low + iv.high) / 2


def _describe(p: Quantity) -> str:
    words = {"more_than": "more than ", "at_least": "at least ", "less_than": "less than ",
             "at_most": "at most ", "approx": "about "}
    v = f"{p.value:g}"
    return f"{words.get(p.qualifier, '')}{v}%"


def _fix(p: Quantity, exact: float) -> str | None:
    """Only for a plain "12%": the same number of decimals, computed."""
    if p.high is not None:
        return None
    return percent_fix(p, exact)


def _exact_count(q: Quantity) -> Interval:
    """A count in a ratio is read as exact: "120 of 800" means 120 and 800."""
    return Interval(q.value, q.value) if q.step is None or q.step <= 1 else rounding_interval(q.value, q.step)


def _adjacent_ratio(draft: Draft, p: Quantity) -> tuple[Interval, Interval, tuple[int, int]] | None:
    """The counts a percentage is given for, in the same sentence and right beside it."""
    qs = draft.by_sentence.get(draft.sentence_of(p.start), [])
    idx = next(i for i, q in enumerate(qs) if q is p)
    before = qs[idx - 1] if idx > 0 else None
    after = qs[idx + 1] if idx + 1 < len(qs) else None
    # "120 of 800 (12%)" or "12% (120 of 800)"
    for r in (before, after):
        if r is not None and r.kind == "ratio" and r.whole and _ADJACENT.match(_between(draft, r, p)):
            return (Interval(r.part, r.part), Interval(r.whole, r.whole), (r.start, r.end))
    # "Of the 800 applicants, 120 (12%) were accepted"
    if before is not None and before.kind in ("count", "number") and _ADJACENT.match(_between(draft, before, p)) \
            and before.qualifier == "exact" and not _CHANGE.search(draft.prose[max(0, before.start - 40):before.start]):
        for w in reversed(qs[:idx - 1]):
            if w.kind in ("count", "number") and w.value > before.value and w.qualifier == "exact" and \
                    _WHOLE_BEFORE.search(draft.prose[max(0, w.start - 20):w.start]):
                return (_exact_count(before), _exact_count(w), (before.start, before.end))
        # "cut 1,200 jobs, or 15% of its 10,000 staff"
        if after is not None and after.kind in ("count", "number") and after.value > before.value and \
                after.qualifier == "exact" and _OF_WHOLE.match(draft.prose[p.end:after.start]):
            return (_exact_count(before), _exact_count(after), (before.start, before.end))
    return None


def _between(draft: Draft, a: Quantity, b: Quantity) -> str:
    """The text between two figures, less the first one's counted noun ("120 jobs, or 12%")."""
    lo, hi = (a, b) if a.start < b.start else (b, a)
    if lo.end > hi.start:
        return "##"
    gap = draft.prose[lo.end:hi.start]
    if lo.noun_phrase and gap.lstrip().startswith(lo.noun_phrase):
        gap = gap.lstrip()[len(lo.noun_phrase):]
    return gap


def _across_sentences(draft: Draft, tol: Tolerance, used: set[int]) -> Iterator[Finding]:
    """"only two out of 57 strikes hit" ... "greater than 90 percent of the strikes did not"."""
    ratios = [q for q in draft.quantities if q.kind == "ratio" and q.whole and q.noun]
    for p in draft.quantities:
        if p.kind != "percent" or not p.noun or p.start in used:
            continue
        if not _NEGATION.search(draft.sentence_text(draft.sentence_of(p.start))):
            # "2 of the 57 strikes hit ... 60 percent of the strikes were launched from ships" are about
            # different things; the rule reads across sentences only where one states the other's complement
            continue
        ps = draft.sentence_of(p.start)
        for r in ratios:
            rs = draft.sentence_of(r.start)
            if r.noun != p.noun or r.start > p.start or ps - rs > _WINDOW or not (r.part <= r.whole):
                continue
            share = r.part / r.whole * 100
            other = 100 - share
            iv = interval(p, tol)
            if iv.contains(share) or iv.contains(other):
                continue
            msg = (f"{r.part:g} of {r.whole:g} {plural(p.noun)} is {share:.1f}% (and the rest {other:.1f}%), "
                   f"neither of which is {_describe(p)}")
            yield replace(RULE.finding(msg, p.start, p.end, [Related(r.start, r.end, "the counts")]), severity="warning")


RULE = Rule(
    code="NC101",
    name="ratio-percent",
    severity="error",
    summary="A ratio and the percentage given for it disagree.",
    docs=DOCS,
    check=check,
)
