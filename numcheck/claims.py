"""The claims stage: the figures of one draft, placed in their sentences, with the draft's date.

Rules read a `Draft`; they never re-read the text themselves.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
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

    def sentence_text(self, index: int) -> str:
        a, b = self.sentence_span(index)
        return self.prose[a:b]

    @cached_property
    def changes(self) -> list["Change"]:
        """Changes stated with their from/to values, found once for every rule that reads them."""
        return find_changes(self)

    def between(self, a: Quantity, b: Quantity) -> str:
        """The prose between two figures (empty when they overlap)."""
        return self.prose[a.end:b.start] if a.end <= b.start else ""


# --- changes: "rose from 80 to 100, a 20% rise" ---------------------------------------------

_RISE = {"rose", "rise", "rises", "rising", "risen", "increased", "increase", "increases", "increasing", "climbed",
         "climb", "climbs", "grew", "grow", "grows", "growing", "grown", "growth", "jumped", "jump", "jumps",
         "soared", "surged", "gained", "gain", "gains", "up", "higher", "more", "raised", "expanded", "doubled",
         "tripled", "quadrupled", "spiked", "ballooned", "rebounded", "improved", "boosted", "went"}
_FALL = {"fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "declined", "decline",
         "declines", "decreased", "decrease", "decreases", "decreasing", "sank", "plunged", "plummeted", "tumbled",
         "slid", "slipped", "down", "lower", "less", "fewer", "cut", "cuts", "reduced", "reduction", "halved",
         "shrank", "shrunk", "lost", "dipped", "eased", "slumped", "dwindled", "loss"}
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Change:
    """A change stated with its two ends: "climbed from 80 to 100 units, a 20% rise"."""

    before: Quantity  # the "from" value
    after: Quantity  # the "to" value
    stated: tuple[Quantity, ...]  # percentages, percentage points, multiples, fractions stated for the change
    direction: int  # +1 said to rise, -1 said to fall, 0 not said


def find_changes(draft: Draft) -> list[Change]:
    """Changes stated with both ends in one sentence: "from 80 to 100", "from 400 in 2019 to 900 in
    2023", and the other way round, "to $4.2 billion from $3.75 billion"."""
    out: list[Change] = []
    text = draft.prose
    for index, qs in draft.by_sentence.items():
        # "from 400 in 2019 to 900 in 2023", "from 22,500 vehicles a day to 45,000": years and rates' periods
        # are not ends of a change
        values = [q for q in qs if q.kind not in ("year", "date")
                  and not (q.kind == "duration" and q.text.lower().startswith(("a ", "an ")))]
        for x, y in zip(values, values[1:]):
            gap = text[x.end:y.start] if x.end <= y.start else "#"
            lead = text[max(0, x.start - 12):x.start].lower()
            gap = re.sub(r"^\s*(?:an?|per)\s+[a-z]+\b", "", gap)  # "from €2 a kilo to €6", "22,500 vehicles a day"
            if x.noun_phrase and gap.lstrip().startswith(x.noun_phrase):
                gap = gap.lstrip()[len(x.noun_phrase):]  # "from 22,500 vehicles a day to 45,000"
                gap = re.sub(r"^\s*(?:an?|per)\s+[a-z]+\b", "", gap)
            if re.fullmatch(r"\s*(?:in\s+(?:\d{4}|[A-Z][a-z]+(?:\s+\d{4})?)\s*|last year\s*|\(\s*[^)]{0,30}\)\s*)?,?\s*to\s+",
                            gap) and (
                    re.search(r"\bfrom\s+(?:an?\s+|the\s+)?(?:about\s+|around\s+|some\s+)?$", lead)
                    or x.text.lower().startswith("from")):
                a, b = x, y
            elif re.fullmatch(r"\s*(?:in\s+\d{4}\s*)?,?\s*from\s+", gap) and re.search(r"\bto\s+$", lead):
                a, b = y, x  # "rose 20% to $4.2 billion from $3.75 billion"
            else:
                continue
            if a.kind in ("ordinal", "label") or b.kind in ("ordinal", "label"):
                continue
            if (a.unit or None) != (b.unit or None) and not (a.unit is None or b.unit is None):
                continue
            a0, b1 = draft.sentence_span(index)
            words = {w.lower() for w in _WORD.findall(text[a0:b1])}
            direction = (1 if words & _RISE else 0) - (1 if words & _FALL else 0)
            stated = tuple(q for q in qs if q is not a and q is not b and q.kind in (
                "percent", "percentage_point", "multiple", "fraction") and _is_change_figure(draft, q)
                and _adjacent(text, a, b, q, period_ok=q.kind == "multiple"))
            out.append(Change(a, b, stated, direction))
    return out


_CLAUSE_BREAK = re.compile(r"\d|;|\b(?:and|while|but|whereas|although|though|in \w+ years?|over \w+ years?)\b", re.I)


def _adjacent(text: str, a: Quantity, b: Quantity, q: Quantity, period_ok: bool = False) -> bool:
    """Is the stated size right beside the change it measures ("rose 20% from 100 to 120",
    "from 80 to 100 units, a 20% rise"), not a figure about something else in the sentence?"""
    first, last = (a, b) if a.start <= b.start else (b, a)
    if q.end <= first.start:
        gap = text[q.end:first.start]
    elif q.start >= last.end:
        gap = text[last.end:q.start]
    else:
        return False
    gap = re.sub(r"\bin (?:\d{4}|[A-Z][a-z]+(?: \d{4})?)\b", "", gap)  # "to 900 in 2023, a 50% increase", "in April"
    if period_ok:  # "tripled in five years, from 350 to 700": the period of the multiple is its own
        gap = re.sub(r"\b(?:in|over)\s+(?:a|the\s+(?:last|past)|\w+)\s+(?:years?|decades?|months?|weeks?)\b", "", gap)
    return len(gap) <= 30 and not _CLAUSE_BREAK.search(gap)


def _is_change_figure(draft: Draft, q: Quantity) -> bool:
    """Is this percentage stated as the size of a change ("a 20% rise", "up 20%", "by 20%")?"""
    if q.kind in ("multiple",):
        return True
    before = draft.prose[max(0, q.start - 25):q.start].lower()
    words = _WORD.findall(before)
    last = words[-1:]
    if len(words) >= 2 and words[-1] == "up" and words[-2] in ("making", "make", "makes", "made", "take", "takes",
                                                               "took", "taking", "end", "ended", "sum", "add"):
        return False  # "making up 4.5 percent of the population": a share, not a change
    if last and (last[0] in _RISE or last[0] in _FALL) and last[0] not in ("more", "less", "fewer", "higher", "lower"):
        return True  # "rose 20%", "fell 20 percent"
    after = draft.prose[q.end:q.end + 25].lower()
    if re.search(r",\s*or\s+$", before):
        return True  # "from 1.5m to 1.8m, or 20%"
    if re.search(r"\b(?:up|down|by|of|rise of|increase of|fall of|drop of|gain of|decline of|jump of|cut of)\s+"
                 r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|just\s+)?$", before):
        return True
    return bool(re.match(r"\s*(?:-\s*)?(?:rise|increase|jump|gain|growth|fall|drop|decline|decrease|cut|"
                         r"reduction|higher|lower|more|less|up|down|climb|surge|plunge|slump)\b", after))
