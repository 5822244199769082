"""Splits of one whole and the gaps between two percentages.

"approved 58% to 47%", "52% said yes, 41% said no and 15% were undecided", "Renters made up 48%
of households, owners 44% and others 12%", and "led by 6 points, 49% to 45%".
"""

from __future__ import annotations

from typing import Optional, Sequence

from numcheck.quantities import Quantity
from numcheck.relations.common import after_noun, clause_breaks, gap_words, is_points
from numcheck.relations.lexicon import relation_words
from numcheck.relations.model import Gap, Split
from numcheck.relations.text import Sentence, Word, ends_with_phrase, has_phrase, lows

_PAIR = (["to"], ["-"], ["–"], ["—"], ["versus"], ["vs"], ["vs", "."], ["against"])
_MAX_RUN = 12


def _plain_percent(q: Quantity, taken: set[int]) -> bool:
    return q.kind == "percent" and q.qualifier == "exact" and q.high is None and id(q) not in taken


def _run_gap(words: Sequence[Word]) -> bool:
    """Between two shares of one list: a few words and a list mark, no verb of change, no "of"."""
    low = [w.low for w in words]
    if len(low) > 8 or clause_breaks(words):
        return False
    return any(w in (",", ";", "and", "while", "with", "or") for w in low)


def _sentence_words(s: Sentence) -> list[str]:
    return [w.low for w in s.words]


def find_splits(s: Sentence, taken: set[int]) -> list[Split]:
    lex = relation_words()
    out: list[Split] = []
    words = _sentence_words(s)
    votes = bool(s.vocabulary & lex.vote_words)
    one_whole = has_phrase(words, lex.one_whole)
    figs = s.figures
    i = 0
    while i < len(figs):
        q = figs[i]
        if not _plain_percent(q, taken):
            i += 1
            continue
        run = [q]
        k = i + 1
        while k < min(len(figs), i + _MAX_RUN):
            nxt = figs[k]
            if not _plain_percent(nxt, taken) and nxt.kind != "percent" and k + 1 < len(figs) and \
                    len(s.words_between(run[-1].end, nxt.start)) <= 4:
                k += 1  # "40.5% were aged under 30, 52.3% between 30 and 60": the ages describe the shares
                continue
            if not _plain_percent(nxt, taken) or not _run_gap(s.words_between(run[-1].end, nxt.start)) and not \
                    [w.low for w in gap_words(s, run[-1], nxt)] in _PAIR:
                break
            run.append(nxt)
            k += 1
        i = max(i + 1, k if len(run) > 1 else i + 1)
        if len(run) < 2:
            continue
        pair = len(run) == 2 and [w.low for w in gap_words(s, run[0], run[1])] in _PAIR
        if pair:
            if votes and lows(s.words_before(run[0].start, 1)) != ["from"] and run[0].value >= run[1].value:
                out.append(Split(tuple(run), complete=False))
            continue
        split = _shares_of_one_whole(s, run, words, one_whole)
        if split is not None:
            out.append(split)
    return out


def _shares_of_one_whole(s: Sentence, run: list[Quantity], words: list[str], one_whole: bool) -> Optional[Split]:
    """Is a run of percentages the shares of one whole (a split, a poll's answers)?"""
    lex = relation_words()
    start = run[0].start
    inner = [w.low for w in s.words_between(start, run[-1].end)]
    if s.vocabulary & lex.not_shares:
        return None  # "rose", "rates", "each", "respectively": not shares of one whole
    if any(_size_of_change(s, q) for q in run):
        return None  # "up 5%": a change
    if not one_whole and any(w in ("in", "for", "at", "among", "across", "within") for w in inner):
        return None  # "52% among men, 61% among women": shares of different groups
    nouns = {q.noun for q in run if q.noun}
    if len(nouns) > 1:
        return None  # "52% of men and 41% of women"
    if sum(lows(after_noun(s, q, 1)) in (["of"], ["by"]) or q.noun is not None for q in run) >= 2:
        return None  # "90 percent of travel and 80 percent by value of freight": shares of two wholes
    if any(q.value > 100 for q in run) or len({q.value for q in run}) == 1:
        return None  # "50 percent richer, 50 percent happier": rhetoric, not shares
    answers = all(_answer(s, q) for q in run)
    if not (one_whole or answers):
        return None
    for q in run:
        follow = lows(after_noun(s, q, 1))
        if follow and (follow[0].endswith("er") and follow[0] not in ("other", "others", "under", "over")
                       or follow[0] in lex.comparatives or follow[0] in ("off", "up", "down", "above", "below")):
            return None  # "50 percent richer": a comparison
    complete = any(ends_with_phrase(lows(s.words_before(q.start, 2)), lex.complete) or
                   lows(s.words_before(q.start, 1)) in (["others"], ["other"]) for q in run[1:])
    return Split(tuple(run), complete=complete)


def _size_of_change(s: Sentence, q: Quantity) -> bool:
    """"up 5%", "down 5%", but not "made up 48%"."""
    before = lows(s.words_before(q.start, 2))
    return before[-1:] in (["up"], ["down"]) and not (len(before) == 2 and before[0] in relation_words().make_up)


def _answer(s: Sentence, q: Quantity) -> bool:
    follow = lows(after_noun(s, q, 1))
    return bool(follow) and follow[0] in relation_words().answer_words


def find_gaps(s: Sentence, taken: set[int]) -> list[Gap]:
    """"led by 6 points, 49% to 45%", "won 51% to 48%, a margin of 3 points"."""
    lex = relation_words()
    figs = s.figures
    pairs = [(a, b) for a, b in zip(figs, figs[1:]) if a.kind == b.kind == "percent" and a.high is None
             and b.high is None and _pair_words(s, a, b)]
    if len(pairs) != 1:
        return []
    a, b = pairs[0]
    points = [q for q in figs if _points_gap(s, q) and id(q) not in taken]
    if len(points) != 1:
        return []
    g = points[0]
    lo, hi = (g, a) if g.end <= a.start else (b, g)
    between = s.words_between(lo.end, hi.start)
    if len(between) > 6 or any(q for q in figs if lo.end <= q.start < hi.start):
        return []
    before = lows(s.words_before(g.start, 5))
    after = lows(after_noun(s, g, 2))
    resulting = before[-1:] == ["to"]  # "the lead has shrunk to four points": the gap it came to
    if not resulting and (lex.direction(before[-2:]) or lex.direction(after[:1])) or after[:1] in (["since"], ["from"]):
        return []  # "a swing of 10 points from 2020", "gained 10 points": a change, not the gap
    context = set(before) | set(after)
    if not context & lex.gap_lead or {"error"} & context:
        return []
    return [Gap(a, b, g)]


def _pair_words(s: Sentence, a: Quantity, b: Quantity) -> bool:
    """"49% to 45%", "54.3% of the vote to Ms Costa's 45.7%", "67% of women voting compared with 62%"."""
    words = [w.low for w in gap_words(s, a, b)]
    if words[:3] == ["of", "the", "vote"]:
        words = words[3:]
    if words[:1] == ["of"] and len(words) <= 6:
        for k in range(len(words)):
            if words[k:] in _PAIR or words[k:] in (["compared", "with"], ["compared", "to"]):
                return True
    if len(words) >= 2 and words[-1].endswith("'s") and words[0] in ("to", "against"):
        return len(words) <= 5
    return words in _PAIR


def _points_gap(s: Sentence, q: Quantity) -> bool:
    """A figure in points: "6 points", or a bare number with "points" after it."""
    return is_points(q) or q.kind == "number" and lows(s.words_after(q.end, 1)) in (["points"], ["point"])
