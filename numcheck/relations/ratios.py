"""Ratios: one amount given as a multiple of another, not as a change.

"The expenditures of 1916 were $742,000,000, and in 1925 over $2,500,000,000, or nearly five times
as great", "... a total of $1,850,000,000. If the same sum is paid at the end of 62 years, the cost
is $3,635,000,000, or almost double.": the amount right before ", or <multiple>" against the amount
of the same things before it (in the sentence, else the sentence before).
"""

from __future__ import annotations

from typing import Optional, Sequence

from numcheck.quantities import Quantity
from numcheck.relations.common import is_amount, is_timeish, same_things
from numcheck.relations.model import Ratio
from numcheck.relations.text import Sentence, lows

_APPOSED = (["or"], [",", "or"], ["("], [",", "("], ["—"], ["–"])


def _bound(q: Quantity, s: Sentence) -> str:
    if q.qualifier in ("more_than", "at_least"):
        return "more_than"
    if q.qualifier in ("less_than", "at_most"):
        return "less_than"
    before = lows(s.words_before(q.start, 2))
    if before[-2:] == ["more", "than"] or before[-1:] == ["over"]:
        return "more_than"
    if before[-1:] in (["nearly"], ["almost"]) or (q.qualifier_text or "").lower() in ("nearly", "almost"):
        return "nearly"
    if q.qualifier == "approx" or before[-1:] in (["about"], ["roughly"], ["some"]):
        return "approx"
    return "exact"


def find_ratios(s: Sentence, previous: Optional[Sentence], taken: set[int]) -> list[Ratio]:
    out: list[Ratio] = []
    for i, m in enumerate(s.figures):
        if m.kind != "multiple" or id(m) in taken or i == 0:
            continue
        larger = s.figures[i - 1]
        if not is_amount(larger) or id(larger) in taken:
            continue
        gap = lows(s.words_between(larger.end, m.start))
        while gap and gap[-1] in ("more", "than", "nearly", "almost", "about", "over", "roughly", "some"):
            gap.pop()
        if gap not in _APPOSED:
            continue
        base = _base(s.figures[:i - 1], larger, taken)
        if base is None and previous is not None:
            base = _base(previous.figures, larger, taken)
        if base is None:
            continue
        smaller, larger = (base, larger) if m.value >= 1 else (larger, base)
        out.append(Ratio(larger, smaller, m, _bound(m, s)))
        taken.update((id(m), id(larger), id(smaller)))
    return out


def _base(candidates: Sequence[Quantity], like: Quantity, taken: set[int]) -> Optional[Quantity]:
    for q in reversed(candidates):
        if is_timeish(q) or id(q) in taken:
            continue
        if is_amount(q) and same_things(q, like):
            return q
    return None
