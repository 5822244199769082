"""The extract stage: `extract(text)` reads every figure in a text, in order.

The text is cut into passages (paragraphs, and long paragraphs at sentence
ends); a fast filter skips sentences that cannot hold a figure; the reader
(`reader.py`) walks the tokens of the rest.
"""

from __future__ import annotations

import re
from typing import Iterator

from numcheck.document import SENTENCE_BREAK
from numcheck.quantities.cues import triggers
from numcheck.quantities.lexicon import lexicon
from numcheck.quantities.model import Quantity
from numcheck.quantities.reader import Reader
from numcheck.quantities.tokens import tokenize
from numcheck.quantities.units import catalogue

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_MAX_BLOCK = 20_000


def extract(text: str) -> list[Quantity]:
    """Every figure in `text`, in text order, with offsets into `text`."""
    out: list[Quantity] = []
    for start, end in _blocks(text):
        for a, b in _spans_worth_reading(text, start, end):
            toks = tokenize(text, a, b)
            if toks:
                out.extend(Reader(text, toks).run())
    return out


_WORD_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # "fourRussian" -> four, Russian


def _spans_worth_reading(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Runs of sentences that may hold a figure (a digit, a sign, a number word, a month...),
    each with the sentence before it, which may hold a label word or a qualifier.

    A sentence with none of those cannot yield a figure; skipping it, with a
    test that runs at C speed, is what makes the reader fast on long prose.
    """
    signs, words = _sentence_filter()
    bounds = [start] + [m.end() for m in SENTENCE_BREAK.finditer(text, start, end)] + [end]
    keep = []
    for k in range(len(bounds) - 1):
        sentence = text[bounds[k]:bounds[k + 1]]
        keep.append(signs.search(sentence) is not None
                    or not words.isdisjoint(map(str.lower, _WORD_PARTS.findall(sentence))))
    run_start: int | None = None
    for k, hit in enumerate(keep):
        wanted = hit or (k + 1 < len(keep) and keep[k + 1])
        if wanted and run_start is None:
            run_start = bounds[k]
        elif not wanted and run_start is not None:
            yield run_start, bounds[k]
            run_start = None
    if run_start is not None:
        yield run_start, end


_FILTER: tuple[re.Pattern[str], frozenset[str]] | None = None


def _sentence_filter() -> tuple[re.Pattern[str], frozenset[str]]:
    """Characters and words at least one of which every figure contains."""
    global _FILTER
    if _FILTER is None:
        lex = lexicon()
        w = lex.words
        trig = triggers()
        words = {x for x in trig.words if x.isalpha() and x.islower()} | set(trig.after_article)
        words |= {x for x in lex.multiples} | set(w["decade_words"]) | {"fold"}
        words |= {k[0] for k in catalogue().named}
        words -= {k[0] for k in lex.before_qualifiers if k[0] not in trig.after_article}
        words -= {"between", "from", "per", "a", "an", *w["relative_date_words"]}
        chars = {c for k in trig.currency_starts for c in k if not c.isalnum() and not c.isspace()}
        chars |= set(lex.vulgar_fractions) | {"%"}
        signs = re.compile(r"\d|fold\b|[" + "".join(sorted(re.escape(c) for c in chars)) + "]")
        _FILTER = (signs, frozenset(words))
    return _FILTER


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraphs, and long paragraphs cut at a line break or space, so work stays local."""
    pos = 0
    for m in _BLOCK_BREAK.finditer(text):
        yield from _cut(text, pos, m.start())
        pos = m.end()
    yield from _cut(text, pos, len(text))


def _cut(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > _MAX_BLOCK:
        limit = start + _MAX_BLOCK
        cut = max(text.rfind("\n", start, limit), text.rfind(". ", start, limit) + 1)
        if cut <= start:
            cut = text.rfind(" ", start, limit)
        if cut <= start:
            cut = limit
        yield start, cut
        start = cut
    if end > start:
        yield start, end
