"""Character references (`&#37;`, `&nbsp;`, `&#36;`) and Markdown escapes in the prose view.

A reference is longer than the character it stands for, and the view must keep the
source's length, so each reading is padded with spaces. Where the padding goes decides
whether a figure stays whole: the extractor takes at most one space between a number and
its unit ("12 %", never "12      %"). So:

- after a number ("12&#37;", "10&ndash;20", "12&nbsp;%"), and for every whitespace
  reference ("in&nbsp;2019"), the character comes first, then what is written right
  after the reference is moved up beside it (after a whitespace reference a word, number
  or unit symbol, after any other only a number), and the padding goes after that:
  "12&nbsp;%" reads "12 %" + padding, "10&ndash;20" "10–20" + padding. A whitespace
  reference reads as one plain space (the extractor's gaps are plain spaces), or as
  nothing after a space;
- otherwise ("&#36;5") the padding goes on the left, keeping the character beside what
  follows: "    $5".

Each reading is kept as a `Reference`, so a figure read over one is given back its place in
the source (`Reference.source_start` / `source_end`): "&#36;5" is the figure's whole span,
and a fix replaces whole references.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Sequence, TypeVar

if TYPE_CHECKING:
    from numcheck.markup.model import Canvas

# What may be moved up beside a reference: a word, a number or a unit symbol. None of these
# characters can start markup, so what is moved is never something another rule blanks.
_FOLLOWING = re.compile(r"(?:[^\W_]|[%‰‱°′″€£$¥₹])+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_AFTER_NUMBER = re.compile(r"\d ?\Z")


@dataclass(frozen=True)
class Piece:
    """A run of the view inside a reference's region and the source it stands for. A reference's
    character is atomic (any part of it is the whole reference); a moved word maps character by
    character."""

    view_start: int
    view_end: int
    source_start: int
    source_end: int
    atomic: bool


@dataclass(frozen=True)
class Reference:
    """One reading: the source region [start, end) (the reference, or a chain of references and
    the words moved up beside them) and how its view maps back."""

    start: int
    end: int
    pieces: tuple[Piece, ...]

    def source_start(self, offset: int) -> int:
        """Where a figure whose first character is at view `offset` starts in the source."""
        for p in self.pieces:
            if p.view_start <= offset < p.view_end:
                return p.source_start if p.atomic else p.source_start + offset - p.view_start
        return offset

    def source_end(self, offset: int) -> int:
        """Where a figure that ends (exclusive) at view `offset` ends in the source."""
        for p in self.pieces:
            if p.view_start < offset <= p.view_end:
                return p.source_end if p.atomic else p.source_start + offset - p.view_start
        return offset


F = TypeVar("F")


def in_source(figures: Sequence[F], references: Sequence[Reference]) -> list[F]:
    """`figures` (dataclasses with `start` and `end`, offsets into the view) with the spans that
    begin or end inside a reference's reading moved onto the source."""
    if not references:
        return list(figures)
    starts = [r.start for r in references]
    out = []
    for f in figures:
        start, end = source_span(f.start, f.end, references, starts)  # type: ignore[attr-defined]
        out.append(f if (start, end) == (f.start, f.end) else replace(f, start=start, end=end))  # type: ignore
    return out


def source_span(start: int, end: int, references: Sequence[Reference],
                starts: Sequence[int] | None = None) -> tuple[int, int]:
    """A view span [start, end) moved onto the source where it begins or ends in a reading."""
    if not references:
        return start, end
    starts = [r.start for r in references] if starts is None else starts
    k = bisect_right(starts, start) - 1
    if k >= 0 and start < references[k].end:
        start = references[k].source_start(start)
    k = bisect_right(starts, end - 1) - 1
    if k >= 0 and end - 1 < references[k].end:
        end = references[k].source_end(end)
    return start, end


def read_references(canvas: "Canvas", found: Sequence[tuple[int, int, str]]) -> list[Reference]:
    """Write the readings of `found` (source start, end and character of each reference, in
    order, the text around them already in the canvas) and return them."""
    out: list[Reference] = []
    k = 0
    while k < len(found):
        start, end, char = found[k]
        before = canvas.text(max(0, start - 2), start)
        if not char.isspace() and not _AFTER_NUMBER.search(before):
            canvas.put(start, " " * (end - start - len(char)) + char)
            out.append(Reference(start, end, (Piece(end - len(char), end, start, end, True),)))
            k += 1
            continue
        # a chain: reference, word, reference, word... each written right after the last
        pieces: list[Piece] = []
        reading, last, at = "", before[-1:], start
        while True:
            start_k, end_k, char = found[k]
            shown = char if not char.isspace() else ("" if not last or last.isspace() else " ")
            pieces.append(Piece(start + len(reading), start + len(reading) + len(shown), start_k, end_k, True))
            reading, last = reading + shown, (shown[-1:] or last)
            k += 1
            word = (_FOLLOWING if char.isspace() else _NUMBER).match(canvas.text(end_k, end_k + 64))
            at = end_k
            if word and canvas.source.startswith(word.group(), end_k):  # prose, not blanked
                text = word.group()
                pieces.append(Piece(start + len(reading), start + len(reading) + len(text), end_k, end_k + len(text),
                                    False))
                reading, last, at = reading + text, text[-1], end_k + len(text)
            if k >= len(found) or found[k][0] != at:
                break
        canvas.put(start, reading + " " * (at - start - len(reading)))
        out.append(Reference(start, at, tuple(pieces)))
    return out
