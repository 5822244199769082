"""Character references (`&#37;`, `&nbsp;`, `&#36;`) and Markdown escapes in the prose view.

A reference is longer than the character it stands for, and the view must keep the
source's length, so each reading is padded with spaces. Where the padding goes decides
whether a figure stays whole: the extractor takes at most one space between a number and
its unit ("12 %", never "12      %"). So:

- after a number ("12&#37;", "10&ndash;20", "12&nbsp;%"), and for a whitespace
  reference after a word or currency symbol ("about&nbsp;12", "&euro;&nbsp;5"), the
  character comes first, then what is written right after the reference is moved up
  beside it (after a whitespace reference a word, number or unit symbol, after any other
  only a number; a number with the unit word or symbol one space after it), and the
  padding goes after that: "12&nbsp;%" reads "12 %" + padding, "10&ndash;20 km"
  "10–20 km" + padding, "by&nbsp;5 km" "by 5 km" + padding. A whitespace reference reads
  as one plain space (the extractor's gaps are plain spaces), or as nothing after a space;
- otherwise ("&#36;5", "(&nbsp;12 %)") the padding goes on the left, keeping the
  character beside what follows: "    $5", "(      12 %)".

Each reading is kept as a `Reference`, so a figure read over one is given back its place in
the source (`Reference.source_start` / `source_end`): "&#36;5" is the figure's whole span,
and a fix replaces whole references.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Sequence, TypeVar

from numcheck.markup.invisible import has_written_invisible, strip_invisible

if TYPE_CHECKING:
    from numcheck.markup.model import Canvas

# What may be moved up beside a reference: a word, a number or a unit symbol, with the
# punctuation inside it, so "3.5", "1,200", "10:30" and a URL move whole (a URL split by the
# padding would escape the blanking of bare URLs); after a number, the word or symbol written
# one space after it, so the padding never parts "5 km". None of these characters can start
# markup, so what is moved is never something another rule blanks.
_WORD = r"(?:[^\W_]|[%‰‱°′″€£$¥₹])+"
_FOLLOWING = re.compile(_WORD + r"(?:[.,:/'’-]+" + _WORD + ")*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_UNIT = re.compile(r" (?:[^\W\d_]+|[%‰‱°′″])")
_AFTER_NUMBER = re.compile(r"\d ?\Z")
# A word or currency symbol, which a whitespace reference may join to what follows ("about&nbsp;12",
# "&euro;&nbsp;5"); after anything else ("(&nbsp;12 %)") the padding goes on the left.
_ATTACHED = re.compile(r"(?:[^\W_]|[€£$¥₹])\Z")


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

    # The pieces run on from each other in view order, so the one holding an offset is found by
    # bisection: text written with "&nbsp;" between all its words is one chain of thousands.

    def source_start(self, offset: int) -> int:
        """Where a figure whose first character is at view `offset` starts in the source."""
        k = bisect_right(self.pieces, offset, key=_view_start) - 1
        if k >= 0 and offset < self.pieces[k].view_end:
            p = self.pieces[k]
            return p.source_start if p.atomic else p.source_start + offset - p.view_start
        return offset

    def source_end(self, offset: int) -> int:
        """Where a figure that ends (exclusive) at view `offset` ends in the source."""
        k = bisect_left(self.pieces, offset, key=_view_start) - 1
        if k >= 0 and offset <= self.pieces[k].view_end:
            p = self.pieces[k]
            return p.source_end if p.atomic else p.source_start + offset - p.view_start
        return offset


def _view_start(piece: Piece) -> int:
    return piece.view_start


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
        # an empty reading is an invisible character (numcheck.markup.invisible): it joins what is
        # on its two sides, as a whitespace reference joins a word to what follows it
        joins = char.isspace() or not char
        if not _AFTER_NUMBER.search(before) and not (joins and _ATTACHED.search(before)):
            char = " " if char.isspace() else char
            canvas.put(start, " " * (end - start - len(char)) + char)
            out.append(Reference(start, end, (Piece(end - len(char), end, start, end, True),)))
            k += 1
            continue
        reference, k = _chain(canvas, found, k, before[-1:])
        out.append(reference)
    return out


def _chain(canvas: "Canvas", found: Sequence[tuple[int, int, str]], k: int, last: str) -> tuple[Reference, int]:
    """Read the chain starting at found[k] (reference, word, reference, word... each written right
    after the last; `last` is the character before it) and return it with the index after it.
    The reading is gathered in a list: a chain can run through a whole paragraph."""
    start = at = found[k][0]
    pieces: list[Piece] = []
    parts: list[str] = []
    view = start  # where the next part of the reading goes
    while True:
        start_k, end_k, char = found[k]
        shown = char if not char.isspace() else ("" if not last or last.isspace() else " ")
        pieces.append(Piece(view, view + len(shown), start_k, end_k, True))
        parts.append(shown)
        view, last = view + len(shown), (shown[-1:] or last)
        k += 1
        text = _moved(canvas, end_k, char.isspace() or not char)
        at = end_k + len(text)
        if text:
            pieces.append(Piece(view, view + len(text), end_k, at, False))
            parts.append(text)
            view, last = view + len(text), text[-1]
        if k >= len(found) or found[k][0] != at:
            break
    canvas.put(start, "".join(parts) + " " * (at - view))
    return Reference(start, at, tuple(pieces)), k



def _moved(canvas: "Canvas", start: int, after_space: bool) -> str:
    """What is moved up beside a reference ending at `start`: after a whitespace reference (or an
    invisible character) a word, else a number; after a number, its unit too. Only prose:
    nothing another rule blanked."""
    word = (_FOLLOWING if after_space else _NUMBER).match(canvas.source, start)
    if word is None or canvas.text(start, word.end()) != word.group():
        return ""
    unit = _UNIT.match(canvas.source, word.end()) if _NUMBER.fullmatch(word.group()) else None
    if unit is not None and canvas.text(unit.start(), unit.end()) == unit.group():
        return word.group() + unit.group()
    return word.group()


_NUMBER = re.compile(r"[-+−]?\d[\d.,]*")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")


def fix_in_source(source: str, replacement: str) -> str:
    """A fix written as the reading reads ("15 %" for "12&nbsp;%") put in the source's own
    writing: the number is replaced and the references and Markdown escapes around it kept
    ("15&nbsp;%", "\\$1,500", "15&#8239;%"), so a fix changes only what is wrong. Unchanged when
    the source is not the reading written with references or escapes. Invisible characters
    (a zero-width space, a soft hyphen) are kept where they stand: "1\\u00ad5%" fixed to "14%"
    is "1\\u00ad4%"."""
    if has_written_invisible(source):
        return _keep_invisible(source, replacement)
    if "&" not in source and "\\" not in source:
        return replacement
    old, new = _NUMBER.search(source), _NUMBER.search(replacement)
    if old is None or new is None:
        return replacement

    def read(part: str) -> str:
        return _SPACES.sub(" ", html.unescape(re.sub(r"\\([^\w\s])", r"\1", part)))

    same = (read(source[:old.start()]) == read(replacement[:new.start()])
            and read(source[old.end():]) == read(replacement[new.end():]))
    return source[:old.start()] + new.group() + source[old.end():] if same else replacement


def _keep_invisible(source: str, replacement: str) -> str:
    """The fix of `source` less its invisible characters, with them put back: before and after
    what the fix changes at their own places, inside it at the same distance from its start."""
    visible, runs = strip_invisible(source)
    fixed = fix_in_source(visible, strip_invisible(replacement)[0])
    head = 0
    while head < min(len(visible), len(fixed)) and visible[head] == fixed[head]:
        head += 1
    tail = 0
    while tail < min(len(visible), len(fixed)) - head and visible[-1 - tail] == fixed[-1 - tail]:
        tail += 1
    shift = len(fixed) - len(visible)
    out, last = [], 0
    for at, run in runs:
        if at <= head:
            place = at
        elif at >= len(visible) - tail:
            place = at + shift
        else:  # inside the change: as far into it as it was, and never past its end
            place = min(at, len(fixed) - tail)
        out.append(fixed[last:place])
        out.append(run)
        last = place
    out.append(fixed[last:])
    return "".join(out)
