"""The claims stage: the figures of one draft, placed in their sentences, with the draft's date.

Rules read a `Draft`; they never re-read the text themselves.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from numcheck.document import split_front_matter
from numcheck.quantities import Quantity, extract

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[#*\-|>])")


@dataclass
class Draft:
    text: str
    path: str = "<text>"
    date: dt.date | None = None  # the document's date: front matter, --date, or unknown
    quantities: list[Quantity] = field(default_factory=list)

    @classmethod
    def read(cls, text: str, path: str = "<text>", date: dt.date | None = None) -> "Draft":
        """Extract the figures of a draft; a Markdown front matter is not read for figures,
        but its `date:` is the draft's date unless `date` is given."""
        body, front_date = split_front_matter(text)
        # blank the front matter out, keeping offsets, so its date is not read as a figure
        scanned = " " * body + text[body:] if body else text
        return cls(text=text, path=path, date=date or front_date, quantities=extract(scanned))

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [0] + [m.end() for m in _SENTENCE_END.finditer(self.text)]

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

    def sentence_text(self, index: int) -> str:
        a, b = self.sentence_span(index)
        return self.text[a:b]

    def between(self, a: Quantity, b: Quantity) -> str:
        """The text between two figures (empty when they overlap)."""
        return self.text[a.end:b.start] if a.end <= b.start else ""
