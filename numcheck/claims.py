"""The claims stage: the figures of one draft, placed in their sentences, with the draft's date.

The relations stage reads a `Draft`; the rules read the relations, never the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from numcheck.document import SENTENCE_BREAK, split_front_matter
from numcheck.markup import Cell, Table, in_source, read_prose
from numcheck.quantities import Quantity, extract



@dataclass
class Draft:
    """A draft and its figures. `text` is the source as written (offsets point into it); `prose`
    is its prose view (numcheck.markup: same length, code, URLs, tags and front matter blanked),
    which the extractor read and on which sentences are cut and context is read."""

    text: str
    path: str = "<text>"
    date: dt.date | None = None  # the document's date: front matter, --date, or unknown
    quantities: list[Quantity] = field(default_factory=list)
    prose: str = ""  # the prose view; "" means the text itself
    breaks: tuple[int, ...] = ()  # where the markup starts a new sentence (a block, a table cell)
    tables: tuple[Table, ...] = ()  # the draft's tables (Markdown pipe tables, simple HTML tables)
    comments: tuple[tuple[int, int], ...] = ()  # where directives may stand (numcheck.markup.Prose.comments)
    markup: str = "plain"  # how the text was read: plain, markdown or html

    def __post_init__(self) -> None:
        if not self.prose:
            self.prose = self.text
        elif len(self.prose) != len(self.text):
            raise ValueError("a draft's prose view must have its text's length")

    @classmethod
    def read(cls, text: str, path: str = "<text>", date: dt.date | None = None,
             default_date: dt.date | None = None, markup: str | None = None) -> "Draft":
        """Extract the figures of a draft, read as the `markup` given, by default the one its
        path's suffix names (.md, .html, else plain text); a front matter is not read for
        figures, but its `date:` is the draft's date unless `date` is given, and `default_date`
        (a config's) is the date of a draft that gives none."""
        body, front_date = split_front_matter(text)
        view = read_prose(text, path, body, markup)
        figures = in_source(extract(view.view), view.references)  # spans over whole "&#37;"s
        return cls(text=text, path=path, date=date or front_date or default_date, quantities=figures,
                   prose=view.view, breaks=view.breaks, tables=view.tables, comments=view.comments,
                   markup=view.kind)

    @cached_property
    def sentence_starts(self) -> list[int]:
        starts = [0] + [m.end() for m in SENTENCE_BREAK.finditer(self.prose)]
        return sorted({*starts, *self.breaks}) if self.breaks else starts

    def cell_figure(self, cell: Cell) -> Quantity | None:
        """The one figure in a table cell, or None when it holds none or several."""
        k = bisect.bisect_left(self._figure_starts, cell.start)
        inside = []
        while k < len(self.quantities) and self.quantities[k].start < cell.end:
            if self.quantities[k].end <= cell.end:
                inside.append(self.quantities[k])
            k += 1
        return inside[0] if len(inside) == 1 else None

    @cached_property
    def _figure_starts(self) -> list[int]:
        return [q.start for q in self.quantities]

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def sentence_span(self, index: int) -> tuple[int, int]:
        starts = self.sentence_starts
        end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
        return starts[index], end

    @cached_property
    def by_sentence(self) -> dict[int, list[Quantity]]:
        out: dict[int, list[Quantity]] = {}
        for q in self.quantities:
            out.setdefault(self.sentence_of(q.start), []).append(q)
        return out

    @cached_property
    def years_by_sentence(self) -> dict[int, list[Quantity]]:
        """The years and dates with a year of each sentence, in text order (read once per draft)."""
        out: dict[int, list[Quantity]] = {}
        for index, qs in self.by_sentence.items():
            years = [x for x in qs if x.kind in ("year", "date") and x.year is not None]
            if years:
                out[index] = years
        return out

    def sentence_text(self, index: int) -> str:
        a, b = self.sentence_span(index)
        return self.prose[a:b]

    def between(self, a: Quantity, b: Quantity) -> str:
        """The prose between two figures (empty when they overlap)."""
        return self.prose[a.end:b.start] if a.end <= b.start else ""
