"""HTML -> prose view, through the standard library's `html.parser` (a tokenizer that tracks
the HTML spec and reports the line and column of every tag, text run and reference).

Everything starts blank; the text runs outside skipped elements (script, style,
code, pre, head...) are revealed where they stand. A character reference
becomes its character, padded so that figures stay whole ("12&#37;" reads
"12%    ", "&#36;5" reads "    $5": numcheck.markup.references). Block elements
(p, li, h1-h6, td, div, br...) start a new sentence. Simple tables (no
colspan/rowspan) are read as tables, as Markdown's are.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Optional

from numcheck.markup.model import Canvas, Cell, Prose, Table, blank_bare_urls
from numcheck.markup.references import Reference, read_references, source_span

# Elements whose content is not prose: code, scripts, styles, the document head, and the like.
# The Markdown reader skips the same elements written inline in a paragraph.
SKIPPED = frozenset({"script", "style", "code", "pre", "head", "title", "template", "textarea", "kbd", "samp",
                     "var", "svg", "math"})
# Elements that end the sentence before them and start a new one.
BLOCKS = frozenset({"p", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr",
                    "table", "thead", "tbody", "tfoot", "caption", "div", "br", "hr", "blockquote", "section",
                    "article", "aside", "header", "footer", "nav", "main", "figure", "figcaption", "body", "html",
                    "details", "summary", "address", "form", "fieldset", "legend", "option"})
_NEWLINE = re.compile(r"\n")


@dataclass
class _TableBuild:
    start: int
    rows: list[list[tuple[int, int]]] = field(default_factory=list)
    heads: list[bool] = field(default_factory=list)  # per row: in <thead>, or all <th>
    all_th: list[bool] = field(default_factory=list)
    cell: Optional[int] = None  # where the open cell's content starts
    in_thead: bool = False
    simple: bool = True


class _Reader(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)  # references reported with their place, not merged
        self.text = text
        # html.parser counts lines by \n only, whatever the line endings
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.canvas = Canvas(text, blanked=True)
        self.open_skipped: dict[str, int] = {}
        self.breaks: list[int] = []
        self.building: list[_TableBuild] = []
        self.tables: list[tuple[_TableBuild, int]] = []
        self.comments: list[tuple[int, int]] = []
        self.references: list[tuple[int, int, str]] = []  # read once every text run is in the canvas

    def parse_html_declaration(self, i: int) -> int:
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            # "<![0": CPython's parser asserts on a malformed marked section; skip the "<" alone
            # and read on from what follows it, as text
            return i + 1

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _skipping(self) -> bool:
        return any(self.open_skipped.values())

    # tags -------------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        at = self._offset()
        end = at + len(self.get_starttag_text() or "")
        if tag in SKIPPED:
            self.open_skipped[tag] = self.open_skipped.get(tag, 0) + 1
        elif tag == "body":
            self.open_skipped["head"] = 0  # </head> may be left out
        if tag in BLOCKS:
            self.breaks.extend((at, end))
        self._table_start(tag, attrs, at, end)

    def handle_endtag(self, tag: str) -> None:
        at = self._offset()
        if self.open_skipped.get(tag):
            self.open_skipped[tag] -= 1
        if tag in BLOCKS:
            self.breaks.append(at)
        self._table_end(tag, at)

    # text and references ----------------------------------------------------------------------

    def handle_comment(self, data: str) -> None:
        at = self._offset()
        close = self.text.find(">", at + 4 + len(data))  # "-->", or "--!>" and "-- >" as parsers allow
        self.comments.append((at, len(self.text) if close < 0 else close + 1))

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            at = self._offset()
            self.canvas.reveal(at, at + len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def _reference(self, length: int) -> None:
        if self._skipping():
            return
        at = self._offset()
        if self.text[at + length:at + length + 1] == ";":
            length += 1
        raw = self.text[at:at + length]
        char = html.unescape(raw)
        if char == raw or len(char) > length or "\n" in char or "\r" in char:
            self.canvas.reveal(at, at + length)  # not a reference after all ("AT&T"): text as written
        else:
            self.references.append((at, at + length, char))

    # tables -----------------------------------------------------------------------------------

    def _table_start(self, tag: str, attrs: list[tuple[str, Optional[str]]], at: int, end: int) -> None:
        if tag == "table":
            if self.building:
                self.building[-1].simple = False  # a table in a cell: the outer one is not simple
            self.building.append(_TableBuild(at))
            return
        if not self.building:
            return
        table = self.building[-1]
        if tag == "thead":
            table.in_thead = True
        elif tag in ("tbody", "tfoot"):
            table.in_thead = False
        elif tag == "tr":
            self._close_cell(table, at)
            table.rows.append([])
            table.heads.append(table.in_thead)
            table.all_th.append(True)
        elif tag in ("td", "th"):
            self._close_cell(table, at)
            if not table.rows:  # a cell before any <tr>: the parser's implied row
                table.rows.append([])
                table.heads.append(table.in_thead)
                table.all_th.append(True)
            if any(name in ("colspan", "rowspan") and (value or "1").strip() != "1" for name, value in attrs):
                table.simple = False
            table.all_th[-1] = table.all_th[-1] and tag == "th"
            table.cell = end

    def _table_end(self, tag: str, at: int) -> None:
        if not self.building:
            return
        table = self.building[-1]
        if tag in ("td", "th", "tr"):
            self._close_cell(table, at)
        elif tag == "thead":
            table.in_thead = False
        elif tag == "table":
            self._close_cell(table, at)
            self.building.pop()
            self.tables.append((table, self._end_of_tag(at)))

    def _close_cell(self, table: _TableBuild, at: int) -> None:
        if table.cell is not None and table.rows:
            table.rows[-1].append((table.cell, at))
        table.cell = None

    def _end_of_tag(self, at: int) -> int:
        end = self.text.find(">", at)
        return len(self.text) if end < 0 else end + 1


def html_prose(text: str) -> Prose:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    references = tuple(read_references(reader.canvas, reader.references))
    view = blank_bare_urls(reader.canvas.view())
    tables = tuple(t for t in (_table(b, end, view, references) for b, end in reader.tables) if t is not None)
    return Prose(view, tuple(sorted(set(reader.breaks))), tables, "html", tuple(reader.comments), references)


def _table(build: _TableBuild, end: int, view: str, references: tuple[Reference, ...]) -> Optional[Table]:
    rows = [r for r in build.rows if r]
    if not build.simple or not rows:
        return None
    heads = [h or th for h, th, r in zip(build.heads, build.all_th, build.rows) if r]
    cells = [tuple(_cell(a, b, view, references) for a, b in row) for row in rows]
    if heads[0]:
        return Table(cells[0], tuple(cells[1:]), build.start, end)
    return Table((), tuple(cells), build.start, end)


def _cell(start: int, end: int, view: str, references: tuple[Reference, ...]) -> Cell:
    raw = view[start:end]
    text = raw.strip()
    if not text:
        return Cell("", start, start)
    a = start + len(raw) - len(raw.lstrip())
    # a cell holding a paragraph or a line break reads as one line; its span is in the source,
    # over whole references, as its figure's is
    return Cell(" ".join(text.split()), *source_span(a, a + len(text), references))
