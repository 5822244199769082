"""What the finders share: which figures may be added or compared, and what a word gap allows."""

from __future__ import annotations

from typing import Sequence

from numcheck.quantities import Quantity
from numcheck.relations.lexicon import relation_words
from numcheck.relations.text import AMOUNTS, TIMES, Sentence, Word, noun_words, split_words

_GENERIC_NOUNS = {"other", "more", "person", "people", "one", "each", "total", "case", "time", "unit", "item",
                  "member", "number"}
LIST_MARKS = {",", "and", ";", "while", "with", "plus", "or"}


def is_amount(q: Quantity) -> bool:
    """A figure that can be added to, or subtracted from, another: a count, a sum of money, a measure."""
    return q.kind in AMOUNTS and q.high is None and q.kind != "label"


def is_points(q: Quantity) -> bool:
    """A figure in percentage points: "3 percentage points", "6 points"."""
    return q.kind == "percentage_point" or (q.kind in ("count", "number") and q.noun == "point")


def is_timeish(q: Quantity) -> bool:
    return q.kind in TIMES


def same_measure(a: Quantity, b: Quantity) -> bool:
    """Can a and b be added or compared: counts with counts, dollars with dollars, km with km?"""
    if a.kind in ("count", "number") and b.kind in ("count", "number"):
        return True
    return a.kind == b.kind and (a.unit or None) == (b.unit or None)


def same_things(a: Quantity, b: Quantity) -> bool:
    """Two amounts of the same things: comparable, and not counts of different named things
    ("41 students" and "39 teachers" may be parts of one whole, but not two ends of a change)."""
    if not same_measure(a, b):
        return False
    if a.noun and b.noun and a.noun != b.noun:
        return a.noun in _GENERIC_NOUNS or b.noun in _GENERIC_NOUNS
    return True


def gap_words(s: Sentence, a: Quantity, b: Quantity, skip_noun: bool = True) -> list[Word]:
    """The words between figures a and b (a before b), less a's counted noun phrase."""
    words = s.words_between(a.end, b.start)
    if skip_noun and a.noun_phrase:
        k = noun_words(a)
        if [w.low for w in words[:k]] == [w.lower() for w in split_words(a.noun_phrase)][:k]:
            words = words[k:]
    return words


def after_noun(s: Sentence, q: Quantity, n: int) -> list[Word]:
    """The n words after a figure, past its counted noun phrase."""
    words = s.words_after(q.end, n + noun_words(q))
    k = noun_words(q)
    if q.noun_phrase and [w.low for w in words[:k]] == [w.lower() for w in split_words(q.noun_phrase)][:k]:
        words = words[k:]
    return words[:n]


def clause_breaks(words: Sequence[Word]) -> bool:
    """Does a run of words cross into another clause ("while", "but", ";", a full stop)?"""
    lex = relation_words()
    return any(w.low in lex.clause_break or w.low in (";", ".", "?", "!") for w in words)
