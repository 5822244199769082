"""Shares: a percentage or fraction given for a part of a whole.

"120 of 800 (15%)", "Of the 800 applicants, 120 (12%) ...", "800 applicants, of which 120 (12%)",
"cut 1,200 jobs, or 15% of its 10,000 staff", "70 percent of the 3 million households, about 2.6
million", a vote split ("62% of the vote, 5,210 votes to 3,890"), and a ratio and its complement
across sentences ("2 of 57 strikes hit" ... "over 90 percent of the strikes did not").
"""

from __future__ import annotations

from typing import Optional, Sequence

from numcheck.quantities import Quantity
from numcheck.relations.common import clause_breaks, gap_words, is_amount, same_measure
from numcheck.relations.lexicon import relation_words
from numcheck.relations.model import Breakdown, Share
from numcheck.relations.text import Sentence, Word, ends_with_phrase, lows, starts_with_phrase

_SHARES = ("percent", "fraction")
_BE = {"were", "was", "are", "is", "have", "has", "been"}
_NEGATION = {"not", "no", "never", "none", "neither", "nor", "without", "failed", "missed", "didn't", "did't",
             "don't", "doesn't", "wasn't", "weren't", "isn't", "aren't", "couldn't", "won't"}
_WINDOW = 5  # sentences within which a later "percent of the strikes" refers back to "2 of 57 strikes"


def _beside(words: Sequence[Word]) -> bool:
    """What may stand between a part and its share: "120 (15%)", "120, or 15%", "40,000,000, or less
    than 22 per cent", "45 of the 300 schools inspected, or 12 per cent"."""
    lex = relation_words()
    low = [w.low for w in words]
    if len(low) > 5 or clause_breaks(words):
        return False
    core = [w for w in low if w not in ("(", "[", ",", ";", ":", "–", "—", "-")]
    if not core:
        return True
    k = ends_with_phrase(core, lex.aside)
    rest = core[:len(core) - k]
    if k and len(rest) <= 2 and low[-1] not in ("about", "some", "nearly", "almost", "around", "roughly"):
        return True  # "€600 million turnover, or €240 million": an apposition after the thing's name
    marked = any(w in ("(", "-", "–", "—", ",") for w in low)
    if marked and len(rest) <= 2 and all(w.endswith(("ed", "ing")) or w in _BE for w in rest):
        return True  # "310 were cancelled - 35 percent", "45 of the 300 schools inspected, or 12 per cent"
    return len(rest) <= 1 and all(w.endswith(("ed", "ing")) for w in rest)


def _share_ok(q: Quantity, taken: set[int]) -> bool:
    return q.kind in _SHARES and q.high is None and id(q) not in taken and (q.kind != "fraction" or q.value < 1)


def find_shares(s: Sentence, breakdowns: Sequence[Breakdown], taken: set[int]) -> list[Share]:
    out: list[Share] = []
    figs = s.figures
    whole_of = {id(p): b.whole for b in breakdowns for p in b.parts if not b.remainder}
    for i, q in enumerate(figs):
        if not _share_ok(q, taken):
            continue
        prev = figs[i - 1] if i > 0 else None
        nxt = figs[i + 1] if i + 1 < len(figs) else None
        # "120 of 800 (15%)", "15% (120 of 800)"
        for r in (prev, nxt):
            if r is not None and r.kind == "ratio" and r.whole and r.part is not None and \
                    _beside(gap_words(s, r, q) if r is prev else gap_words(s, q, r)):
                out.append(Share(q, None, None, ratio=r))
                break
        else:
            found = _part_and_whole(s, i, whole_of, taken)
            if found is not None:
                out.append(found)
    return out


def _part_and_whole(s: Sentence, i: int, whole_of: dict[int, Quantity], taken: set[int]) -> Optional[Share]:
    lex = relation_words()
    figs = s.figures
    q = figs[i]
    part = figs[i - 1] if i > 0 else None
    if part is None or not is_amount(part) or id(part) in taken or part.qualifier not in ("exact", "approx"):
        part = None
    elif not _beside(gap_words(s, part, q)):
        part = None
    # "cut 1,200 jobs, or 15% of its 10,000 staff": the whole follows the share
    nxt = figs[i + 1] if i + 1 < len(figs) else None
    of_whole = None
    if nxt is not None and is_amount(nxt) and id(nxt) not in taken:
        between = [w.low for w in s.words_between(q.end, nxt.start)]
        if starts_with_phrase(between, lex.share_of) and len(between) <= 4 and "than" not in between:
            of_whole = nxt
    if part is not None:
        whole = of_whole or whole_of.get(id(part))
        if whole is not None and same_measure(part, whole) and whole.value > 0:
            return Share(q, part, whole)
        return None
    # "70 percent of the 3 million households, about 2.6 million": share, whole, then the part
    if of_whole is not None and i + 2 < len(figs):
        result = figs[i + 2]
        if is_amount(result) and id(result) not in taken and same_measure(result, of_whole) and \
                _beside(gap_words(s, of_whole, result)) and result.value <= of_whole.value * 1.5:
            return Share(q, result, of_whole, derived="part")
    return None


def find_vote_shares(s: Sentence, taken: set[int]) -> list[Share]:
    """"passed with 62% of the vote, 5,210 votes to 3,890": a side's share of the two sides' sum."""
    lex = relation_words()
    out: list[Share] = []
    words = {w.low for w in s.words}
    if not words & lex.vote_words:
        return out
    figs = s.figures
    for i in range(len(figs) - 1):
        a, b = figs[i], figs[i + 1]
        if not (a.kind in ("count", "number") and b.kind in ("count", "number")) or a.high or b.high:
            continue
        between = [w.low for w in gap_words(s, a, b)]
        if between not in (["to"], ["against"], ["-"], ["–"], ["versus"], ["vs"], ["vs", "."]):
            continue
        if lows(s.words_before(a.start, 1)) == ["from"]:
            continue  # "from 5,210 to 3,890": a change
        for k in (i - 1, i + 2):
            if 0 <= k < len(figs) and figs[k].kind == "percent" and id(figs[k]) not in taken and figs[k].high is None:
                p = figs[k]
                gap = s.words_between(p.end, a.start) if k < i else s.words_between(b.end, p.start)
                low = [w.low for w in gap]
                if len(low) <= 6 and not clause_breaks(gap):
                    side = a if k < i else None
                    if side is None and low and low[0] not in ("(", ","):
                        continue
                    out.append(Share(p, a, None, whole_given=False, other=b))
                    break
    return out


def find_complements(sentences: Sequence[Sentence], taken: set[int]) -> list[Share]:
    """"only two out of 57 strikes hit" ... "greater than 90 percent of the strikes did not": a
    share of the same things, in a sentence that negates, may be of the part or of the rest."""
    out: list[Share] = []
    ratios: list[tuple[int, Quantity]] = []
    for k, s in enumerate(sentences):
        for q in s.figures:
            if q.kind == "percent" and q.noun and id(q) not in taken and q.high is None:
                if not _NEGATION & {w.low for w in s.words}:
                    continue
                for rk, r in reversed(ratios):
                    if k - rk > _WINDOW:
                        break
                    if r.noun == q.noun and r.part is not None and r.whole and r.part <= r.whole:
                        out.append(Share(q, None, None, ratio=r, complement=True))
                        break
        ratios.extend((k, q) for q in s.figures if q.kind == "ratio" and q.whole and q.noun)
    return out


__all__ = ["find_shares", "find_vote_shares", "find_complements"]
