"""NC101 ratio-percent: a part of a whole and the percentage given for it disagree.

Reads `Share` relations whose percentage was computed from the counts: a ratio beside its
percentage ("120 of 800 (12%)"), a part of a whole named elsewhere in the sentence ("Of the 800
applicants, 120 (12%) ...", "cut 1,200 jobs, or 15% of its 10,000 staff"), a side of a vote
("62% of the vote, 5,210 votes to 3,890"), and a ratio and a later percentage of the same things
that may be of the part or of the rest ("2 of 57 strikes hit" ... "over 90 percent of the strikes
did not").
"""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.arith import hedge_words, judge, rounding_note
from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import Interval, Tolerance, divide, fmt, interval, percent_fix, rounding_interval
from numcheck.quantities import Quantity
from numcheck.quantities.nouns import plural
from numcheck.relations import Share

DOCS = RuleDocs(
    what="A part of a whole (\"120 of 800\", \"two out of 57\", \"Of the 800 applicants, 120\", a side "
         "of a vote) and the percentage given for it, when they cannot both hold at their written "
         "precision.",
    why="A reader checks neither; one of the two figures is wrong, and the percentage is the one "
        "headlines repeat. Across sentences the rule also accepts the complement (\"2 of 57 hit\" "
        "and \"over 90% missed\" agree), so it only fires when no reading fits.",
    fires="Of the 800 applicants, 120 (12%) were accepted.",
    quiet="Of the 800 applicants, 120 (15%) were accepted.",
    fix="Recompute the percentage from the counts, or correct the count that is wrong.",
    fires_fix="15%",
)


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for share in facts.relations.shares:
        if share.derived != "share":
            continue
        if share.complement:
            yield from _complement(share, tol)
        else:
            yield from _direct(share, tol)


def _exact_count(q: Quantity) -> Interval:
    """A count in a ratio is read as exact: "120 of 800" means 120 and 800."""
    return Interval(q.value, q.value) if q.step is None or q.step <= 1 else rounding_interval(q.value, q.step)


def _counts(share: Share) -> tuple[Interval, Interval, float, float, tuple[int, int]] | None:
    if share.ratio is not None:
        r = share.ratio
        return Interval(r.part, r.part), Interval(r.whole, r.whole), r.part, r.whole, (r.start, r.end)  # type: ignore
    part = share.part
    if part is None:
        return None
    if not share.whole_given and share.other is not None:
        other = share.other
        a, b = _exact_count(part), _exact_count(other)
        return a, Interval(a.low + b.low, a.high + b.high), part.value, part.value + other.value, \
            (part.start, other.end)
    if share.whole is None:
        return None
    return _exact_count(part), _exact_count(share.whole), part.value, share.whole.value, (part.start, part.end)


def _direct(share: Share, tol: Tolerance) -> Iterator[Finding]:
    counts = _counts(share)
    if counts is None:
        return
    part, whole, p, w, span = counts
    if w <= 0:
        return
    p_share = share.share
    scale = 100.0 if p_share.kind == "percent" else 1.0
    possible = divide(part, whole).scale(scale)
    exact = p / w * scale
    verdict = judge(interval(p_share, tol), possible, exact, tolerance=0.05, floor=0.5 if scale == 100 else 0.005)
    if verdict.severity != "error":
        return  # counts are read as exact: only "no reading fits" is reported
    said = _describe(p_share)
    value = f"{exact:.1f}%" if scale == 100 else f"{exact:.3g}"
    fix = percent_fix(p_share, exact) if scale == 100 and p_share.high is None else None
    yield RULE.finding(f"{fmt(p)} of {fmt(w)} is {value}, not {said}{rounding_note(verdict.severity)}",
                       p_share.start, p_share.end, [Related(span[0], span[1], "the counts")], fix=fix)


def _describe(p: Quantity) -> str:
    if p.kind == "percent":
        return f"{hedge_words(p)}{p.value:g}%"
    return f"{hedge_words(p)}{' '.join(p.text.split())}"


def _complement(share: Share, tol: Tolerance) -> Iterator[Finding]:
    r = share.ratio
    p = share.share
    if r is None or not r.whole:
        return
    part = r.part or 0.0
    value = part / r.whole * 100
    other = 100 - value
    iv = interval(p, tol)
    if iv.contains(value) or iv.contains(other):
        return
    noun = plural(p.noun) if p.noun else "of them"
    yield RULE.finding(f"{part:g} of {r.whole:g} {noun} is {value:.1f}% (and the rest {other:.1f}%), "
                       f"neither of which is {_describe(p)}", p.start, p.end, [Related(r.start, r.end, "the counts")],
                       hint="warning")


RULE = Rule(
    code="NC101",
    name="ratio-percent",
    severity="error",
    summary="A ratio and the percentage given for it disagree.",
    docs=DOCS,
    check=check,
)
