"""What the markup stage produces: a prose view of a source, its sentence breaks and its tables.

The prose view has exactly the source's length and line breaks; whatever is not
prose (code, URLs, tags, comments, front matter) is blanked with spaces. Every
offset into the view is therefore an offset into the source, and line/column
positions come out exact without any searching back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from numcheck.markup.references import Reference

_NOT_LINE_BREAK = re.compile(r"[^\r\n]+")


def blank(text: str) -> str:
    """`text` with everything but its line breaks turned into spaces."""
    return _NOT_LINE_BREAK.sub(lambda m: " " * len(m.group()), text)


@dataclass(frozen=True)
class Cell:
    """One table cell: its prose, stripped ("1,200"), and where that text is in the source.

    An empty cell has `start == end`, at the place it would hold text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Table:
    """A simple table (no merged cells): a header row, then the body rows, cells in column order.

    Body rows are padded with empty cells to the header's width, as a Markdown renderer pads them."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    start: int  # the table's span in the source
    end: int


@dataclass(frozen=True)
class Prose:
    view: str  # same length and line breaks as the source; non-prose blanked
    breaks: tuple[int, ...] = ()  # offsets where a block (paragraph, heading, cell...) starts a new sentence
    tables: tuple[Table, ...] = ()
    kind: str = "plain"  # plain, markdown or html
    # where numcheck's directives may stand, as source spans: the HTML comments that are comments
    # (not ones shown in code), and in plain text the directive lines and comments themselves
    comments: tuple[tuple[int, int], ...] = ()
    # character references read as their character, to give a figure read over one its place in
    # the source (numcheck.markup.references.in_source)
    references: tuple[Reference, ...] = ()


class Canvas:
    """A same-length copy of a source, edited span by span into its prose view.

    Slice assignment on a list of characters keeps every edit at C speed and
    makes a length change impossible to miss (`view` checks it)."""

    __slots__ = ("source", "_chars")

    def __init__(self, source: str, blanked: bool = False) -> None:
        self.source = source
        self._chars = list(blank(source) if blanked else source)

    def reveal(self, start: int, end: int) -> None:
        self._chars[start:end] = self.source[start:end]

    def blank(self, start: int, end: int) -> None:
        if end > start:
            self._chars[start:end] = blank(self.source[start:end])

    def text(self, start: int, end: int) -> str:
        """The view as edited so far, from `start` to `end`."""
        return "".join(self._chars[max(0, start):end])

    def put(self, start: int, text: str) -> None:
        """Overwrite from `start` with `text` (line breaks in `text` must match the source's)."""
        self._chars[start:start + len(text)] = text

    def view(self) -> str:
        out = "".join(self._chars)
        if len(out) != len(self.source):  # a bug, never the user's input
            raise AssertionError(f"prose view has length {len(out)}, source {len(self.source)}")
        return out


# A bare URL in running text: "https://example.com/2019/10/report-2". Trailing punctuation that
# ends the sentence is not part of it, nor a closing bracket it did not open (as GFM's autolinks).
_BARE_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`]+", re.I)
_URL_TAIL = ".,:;!?*_~'\""


def blank_bare_urls(view: str) -> str:
    if "://" not in view and "www." not in view.lower():
        return view
    pieces: list[str] = []
    last = 0
    for m in _BARE_URL.finditer(view):
        url = m.group()
        while url and (url[-1] in _URL_TAIL or (url[-1] == ")" and url.count("(") < url.count(")"))):
            url = url[:-1]
        pieces.append(view[last:m.start()])
        pieces.append(" " * len(url))
        last = m.start() + len(url)
    pieces.append(view[last:])
    return "".join(pieces)
