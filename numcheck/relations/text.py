"""A sentence as the relations stage reads it: its figures, and the words and marks between them.

Words are read once per sentence, outside the figures' own spans, and matched as whole words
(or runs of them) against the relation lexicon. Every finder asks this view, never the prose.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable, Optional, Sequence

from numcheck.quantities import Quantity
from numcheck.relations.lexicon import Phrases

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d[\d,.]*|[^\sA-Za-z\d]")

# kinds that are amounts: what is added, subtracted and compared
AMOUNTS = ("count", "number", "money", "measure")
TIMES = ("year", "date", "duration")


@dataclass(frozen=True)
class Word:
    low: str  # lower case; a mark is itself (",", "(", ";")
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    """One sentence: its span in the prose, its figures in order, and its words outside them."""

    index: int
    start: int
    end: int
    figures: list[Quantity]
    words: list[Word] = field(default_factory=list)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word of the sentence, once: what the stage asks before running a finder at all."""
        return frozenset(w.low for w in self.words)

    @cached_property
    def kinds(self) -> frozenset[str]:
        return frozenset(q.kind for q in self.figures)

    @cached_property
    def _word_starts(self) -> list[int]:
        return [w.start for w in self.words]

    def words_between(self, a: int, b: int) -> list[Word]:
        """The words that start at or after offset `a` and end by `b`."""
        lo = bisect.bisect_left(self._word_starts, a)
        hi = bisect.bisect_left(self._word_starts, b)
        return [w for w in self.words[lo:hi] if w.end <= b]

    def words_before(self, offset: int, n: int) -> list[Word]:
        hi = bisect.bisect_left(self._word_starts, offset)
        return self.words[max(0, hi - n):hi]

    def words_after(self, offset: int, n: int) -> list[Word]:
        lo = bisect.bisect_left(self._word_starts, offset)
        return self.words[lo:lo + n]

    @cached_property
    def _index(self) -> dict[int, int]:
        return {id(q): i for i, q in enumerate(self.figures)}

    def position(self, q: Quantity) -> int:
        """The index of figure `q` in the sentence."""
        return self._index[id(q)]


def read_words(prose: str, start: int, end: int, figures: Sequence[Quantity]) -> list[Word]:
    """The words and marks of prose[start:end] outside the figures' spans."""
    out: list[Word] = []
    pos = start
    for q in list(figures) + [None]:
        stop = end if q is None else max(pos, q.start)
        for m in _TOKEN.finditer(prose, pos, stop):
            out.append(Word(m.group().lower().replace("’", "'"), m.start(), m.end(), m.group()))
        if q is not None:
            pos = max(pos, q.end)
    return out


def lows(words: Iterable[Word]) -> list[str]:
    return [w.low for w in words]


def has_phrase(words: Sequence[str], phrases: Phrases) -> bool:
    """Does any phrase of `phrases` stand in `words` (whole words, in order)?"""
    return find_phrase(words, phrases) is not None


@lru_cache(maxsize=None)
def _lengths(phrases: Phrases) -> tuple[int, ...]:
    """The lengths of a set's phrases, longest first (computed once per set)."""
    return tuple(sorted({len(p) for p in phrases}, reverse=True))


def find_phrase(words: Sequence[str], phrases: Phrases, from_end: bool = False) -> Optional[tuple[int, int]]:
    """(first, last+1) word index of a phrase in `words` (the last one with `from_end`), or None."""
    n = len(words)
    found = None
    lengths = _lengths(phrases)
    for i in range(n):
        for k in lengths:
            if i + k <= n and tuple(words[i:i + k]) in phrases:
                found = (i, i + k)
                if not from_end:
                    return found
                break
    return found


def ends_with_phrase(words: Sequence[str], phrases: Phrases) -> int:
    """The length of the longest phrase `words` ends with (0 for none)."""
    n = len(words)
    for k in _lengths(phrases):
        if k <= n and tuple(words[n - k:]) in phrases:
            return k
    return 0


def starts_with_phrase(words: Sequence[str], phrases: Phrases) -> int:
    """The length of the longest phrase `words` starts with (0 for none)."""
    for k in _lengths(phrases):
        if k <= len(words) and tuple(words[:k]) in phrases:
            return k
    return 0


def split_words(phrase: str) -> list[str]:
    """A phrase cut into words and marks as sentences are ("laid-off employees": laid, -, off, employees)."""
    return _TOKEN.findall(phrase)


def noun_words(q: Quantity) -> int:
    """How many words of the prose after a figure are its counted noun phrase ("56,000 people")."""
    return len(_TOKEN.findall(q.noun_phrase)) if q.noun_phrase else 0
