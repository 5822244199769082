"""One flat row per quantity: the single shape behind the CLI output and the DataFrame.

Both surfaces build rows here so their columns and values cannot drift apart.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from numcheck.document import Document, LineIndex

if TYPE_CHECKING:  # only for annotations; the CLI imports the extractor lazily anyway
    from numcheck.quantities.model import Quantity


@dataclass(frozen=True)
class Row:
    file: str
    line: int  # 1-based, of the quantity's first character
    column: int  # 1-based, in code points
    surface: str  # the text as written: source[start:end]
    value: float
    high: Optional[float]
    unit: Optional[str]
    kind: str
    qualifier: str
    noun: Optional[str]

    def as_dict(self) -> dict:
        # Not dataclasses.asdict: that deep-copies every field, and the CLI
        # calls this once per row of a whole corpus.
        return {name: getattr(self, name) for name in COLUMNS}


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Row))


def quantity_rows(file: str, text: str, quantities: Iterable["Quantity"]) -> list[Row]:
    """Rows for quantities already extracted from `text`."""
    index = LineIndex(text)
    rows = []
    for q in quantities:
        line, column = index.position(q.start)
        rows.append(
            Row(
                file=file,
                line=line,
                column=column,
                surface=q.text,
                # float() so an extractor handing back an int still gives the
                # documented number type in every output format.
                value=float(q.value),
                high=None if q.high is None else float(q.high),
                unit=q.unit,
                kind=q.kind,
                qualifier=q.qualifier,
                noun=q.noun,
            )
        )
    return rows


def document_rows(document: Document) -> list[Row]:
    """Extract a document's quantities, from its prose as `check` reads it (no code blocks, URLs,
    tags or front matter), and flatten them into rows."""
    from numcheck.document import FrontMatterError, split_front_matter
    from numcheck.markup import in_source, read_prose
    from numcheck.quantities import extract  # deferred: keeps `import numcheck.rows` light

    try:
        front = split_front_matter(document.text)[0]
    except FrontMatterError:
        front = 0  # a bad front matter date is `check`'s to report; extract lists what it reads
    prose = read_prose(document.text, document.path, front)
    return quantity_rows(document.path, document.text, in_source(extract(prose.view), prose.references))


# `iter_document_rows` extracts a long draft a part at a time. The extractor reads a text passage
# by passage (paragraphs, and long ones cut at a line or sentence end, each cut found from the
# passage start before it alone: numcheck.quantities.extract._blocks), so a part made of whole
# passages, given to it with the passages around it, is read as it is in the whole text: before
# the part, from a passage start at least _CONTEXT characters back (the extractor looks back a
# few hundred characters at most, today); after it, _MARGIN more characters, more than a passage
# may be long, so the part's last passage is cut where it is in the whole text. What is read in
# those margins is left to the parts they belong to.
_PART = 1 << 19
_CONTEXT = 1 << 13
_MARGIN = 1 << 15


def iter_document_rows(document: Document) -> Iterator[Row]:
    """The rows of `document_rows`, the same and in the same order, produced a part of the text at
    a time, so that a caller writing them out holds the figures of one part, not of the whole
    draft (a 20 MB draft dense with figures holds more than a million)."""
    from numcheck.document import FrontMatterError, split_front_matter
    from numcheck.markup import in_source, read_prose
    from numcheck.quantities import extract

    try:
        front = split_front_matter(document.text)[0]
    except FrontMatterError:
        front = 0
    prose = read_prose(document.text, document.path, front)
    view = prose.view
    index = LineIndex(document.text)
    for p, a, b in _parts(view):
        found = extract(view[p:b + _MARGIN])
        figures = [replace(q, start=q.start + p, end=q.end + p) for q in found if a <= q.start + p < b]
        yield from _rows(document.path, index, in_source(figures, prose.references))


def _parts(view: str) -> Iterator[tuple[int, int, int]]:
    """(p, a, b): each part [a, b) of about _PART characters, from one passage start to the next
    (the last to the end of the text), and p, a passage start at least _CONTEXT before a (or 0)."""
    from numcheck.quantities.extract import _blocks  # the extractor's own passages

    recent: deque[int] = deque()  # passage starts, the first the latest at least _CONTEXT before here
    p = a = 0
    for start, _ in _blocks(view):
        recent.append(start)
        while len(recent) > 1 and recent[1] <= start - _CONTEXT:
            recent.popleft()
        if start - a >= _PART:
            yield p, a, start
            a = start
            p = recent[0] if recent[0] <= a - _CONTEXT else 0
    if a < len(view):
        yield p, a, len(view)


def _rows(file: str, index: LineIndex, quantities: Iterable["Quantity"]) -> Iterator[Row]:
    for q in quantities:
        line, column = index.position(q.start)
        yield Row(file=file, line=line, column=column, surface=q.text, value=float(q.value),
                  high=None if q.high is None else float(q.high), unit=q.unit, kind=q.kind,
                  qualifier=q.qualifier, noun=q.noun)


def format_number(number: Optional[float]) -> str:
    """Compact, exact text for a value: 26.0 -> "26", 2.5e9 -> "2500000000", None -> ""."""
    if number is None:
        return ""
    if math.isfinite(number) and number == int(number) and abs(number) < 2**53:
        # Integral floats below 2**53 print exactly as integers.
        return str(int(number))
    return repr(float(number))
