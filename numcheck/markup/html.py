"""HTML -> prose view, through numcheck's own tokenizer (`_tokens`): it follows the HTML spec's
tokenizer where a draft can tell, gives the exact place of every tag, text run and reference,
and looks at each character a bounded number of times, whatever the input.

CPython's `html.parser` was used before; before its fix for CVE-2025-6069 (which a user's
Python may lack) it reads a run of unclosed constructs (`'<a ' * 20000`, `'<!--' * 100000`)
in quadratic time, and it loses its place by three characters after a malformed `<![`. Here
every search for the end of a construct either finds it, and reading goes on after it, or
finds none, and the construct runs to the end of the text, as the spec says: an unclosed
comment is a comment to the end, an unclosed tag (or a quoted attribute value never closed)
hides the rest of the text, as a browser shows it.

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
from typing import Optional

from numcheck.markup.invisible import find_invisible, has_invisible, invisible
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
# Elements whose content is raw text: no tag or reference inside counts until their end tag.
RAW_TEXT = frozenset({"script", "style"})

# --- the tokenizer ------------------------------------------------------------------------------

_MARKUP = re.compile(r"[<&]")
_TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
# Between attributes: white space and stray slashes; then an attribute (its name may start with
# '='), and its value: quoted (the closing quote captured, empty when the text ends first) or bare.
_ATTRIBUTE = re.compile(r"""[\t\n\f\r /]*(?:(?P<name>[^\t\n\f\r />][^\t\n\f\r />=]*)"""
                        r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"(?P<dq>[^"]*)(?P<dq_end>"?)|'(?P<sq>[^']*)(?P<sq_end>'?)"""
                        r"""|(?P<bare>[^\t\n\f\r >]*)))?)?""")
_COMMENT_END = re.compile(r"--!?>")
_CHARREF = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+)")
_ENTITYREF = re.compile(r"&[a-zA-Z][-.a-zA-Z0-9]*")
_RAW_END = {name: re.compile(rf"</{name}(?=[\t\n\f\r />]|\Z)", re.I) for name in RAW_TEXT}


def _is_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _tokens(text: str, reader: "_Reader") -> None:
    """Read `text` once, from start to end, calling the reader's handlers with source offsets.

    Linear by construction: each step either ends where the construct it searched the end of
    ends, and reading goes on from there, or that end is not in the text, and the construct
    takes the rest of it."""
    n = len(text)
    pos = 0
    while pos < n:
        m = _MARKUP.search(text, pos)
        at = m.start() if m else n
        if at > pos:
            reader.data(pos, at)
        if at >= n:
            return
        if text[at] == "&":
            pos = _reference(text, at, reader)
            continue
        nxt = text[at + 1:at + 2]
        if _is_letter(nxt):
            pos = _tag(text, at, reader, end_tag=False)
        elif nxt == "/":
            after = text[at + 2:at + 3]
            if _is_letter(after):
                pos = _tag(text, at, reader, end_tag=True)
            elif after == ">":
                pos = at + 3  # "</>": nothing
            elif after == "":
                reader.data(at, n)
                return
            else:
                pos = _bogus_comment(text, at)
        elif nxt == "!":
            if text.startswith("<!--", at):
                pos = _comment(text, at, reader)
            elif text.startswith("<![", at) and not (text.startswith("CDATA[", at + 3)
                                                     or _is_letter(text[at + 3:at + 4])):
                # "<![0": no marked section; the "<" is text and what follows it is read
                reader.data(at, at + 1)
                pos = at + 1
            else:
                pos = _bogus_comment(text, at)  # <!DOCTYPE ...>, <![CDATA[ ...>, <!x ...>
        elif nxt == "?":
            pos = _bogus_comment(text, at)
        else:
            reader.data(at, at + 1)  # "a < b", "<3": the "<" is text
            pos = at + 1
        if pos >= n:
            return
        if reader.raw is not None:  # a <script> or <style> started: its text is skipped to its end tag
            close = _RAW_END[reader.raw].search(text, pos)
            reader.raw = None
            pos = n if close is None else close.start()


def _reference(text: str, at: int, reader: "_Reader") -> int:
    m = _CHARREF.match(text, at) or _ENTITYREF.match(text, at)
    if m is None:
        reader.data(at, at + 1)  # a bare "&": text
        return at + 1
    end = m.end() + (text[m.end():m.end() + 1] == ";")
    reader.reference(at, end)
    return end


def _tag(text: str, at: int, reader: "_Reader", end_tag: bool) -> int:
    """A start or end tag at `at`; where reading goes on. A tag the text ends inside (before its
    '>', or inside a quoted value) hides the rest of the text, as it does in a browser."""
    n = len(text)
    name = _TAG_NAME.match(text, at + (2 if end_tag else 1))
    tag = name.group().lower()
    attrs: list[tuple[str, Optional[str]]] = []
    pos = name.end()
    while True:
        m = _ATTRIBUTE.match(text, pos)
        pos = m.end()
        if m.group("name") is None:
            break
        if m.group("dq") is not None:
            value: Optional[str] = m.group("dq")
            closed = bool(m.group("dq_end"))
        elif m.group("sq") is not None:
            value, closed = m.group("sq"), bool(m.group("sq_end"))
        else:
            value, closed = m.group("bare"), True
        if not closed:
            return n
        attrs.append((m.group("name").lower(), None if value is None else html.unescape(value)))
    if pos >= n:  # the text ends inside the tag
        return n
    end = pos + 1  # text[pos] is ">"
    if end_tag:
        reader.end_tag(tag, at, end)
    else:
        self_closing = m.group().endswith("/")  # "<br/>": the slash is the last thing before '>'
        reader.start_tag(tag, attrs, at, end)
        if self_closing:
            reader.end_tag(tag, at, end)
        elif tag in RAW_TEXT:
            reader.raw = tag
    return end


def _comment(text: str, at: int, reader: "_Reader") -> int:
    if text.startswith(">", at + 4):
        end = at + 5  # "<!-->"
    elif text.startswith("->", at + 4):
        end = at + 6  # "<!--->"
    else:
        m = _COMMENT_END.search(text, at + 4)
        end = len(text) if m is None else m.end()  # never closed: a comment to the end
    reader.comment(at, end)
    return end


def _bogus_comment(text: str, at: int) -> int:
    """A declaration, processing instruction or other "<!"-thing: hidden up to the first '>'."""
    close = text.find(">", at + 2)
    return len(text) if close < 0 else close + 1


# --- the reader --------------------------------------------------------------------------------


@dataclass
class _TableBuild:
    start: int
    rows: list[list[tuple[int, int]]] = field(default_factory=list)
    heads: list[bool] = field(default_factory=list)  # per row: in <thead>, or all <th>
    all_th: list[bool] = field(default_factory=list)
    cell: Optional[int] = None  # where the open cell's content starts
    in_thead: bool = False
    simple: bool = True


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.canvas = Canvas(text, blanked=True)
        self.open_skipped: dict[str, int] = {}
        self.breaks: list[int] = []
        self.building: list[_TableBuild] = []
        self.tables: list[tuple[_TableBuild, int]] = []
        self.comments: list[tuple[int, int]] = []
        self.references: list[tuple[int, int, str]] = []  # read once every text run is in the canvas
        self.raw: Optional[str] = None  # a raw-text element just opened (script, style)

    def _skipping(self) -> bool:
        return any(self.open_skipped.values())

    # tags -------------------------------------------------------------------------------------

    def start_tag(self, tag: str, attrs: list[tuple[str, Optional[str]]], at: int, end: int) -> None:
        if tag in SKIPPED:
            self.open_skipped[tag] = self.open_skipped.get(tag, 0) + 1
        elif tag == "body":
            self.open_skipped["head"] = 0  # </head> may be left out
        if tag in BLOCKS:
            self.breaks.extend((at, end))
        self._table_start(tag, attrs, at, end)

    def end_tag(self, tag: str, at: int, end: int) -> None:
        if self.open_skipped.get(tag):
            self.open_skipped[tag] -= 1
        if tag in BLOCKS:
            self.breaks.append(at)
        self._table_end(tag, at, end)

    # text and references ----------------------------------------------------------------------

    def comment(self, at: int, end: int) -> None:
        self.comments.append((at, end))

    def data(self, at: int, end: int) -> None:
        if not self._skipping():
            self.canvas.reveal(at, end)

    def reference(self, at: int, end: int) -> None:
        if self._skipping():
            return
        raw = self.text[at:end]
        char = html.unescape(raw)
        if char == raw or len(char) > end - at or "\n" in char or "\r" in char:
            self.canvas.reveal(at, end)  # not a reference after all ("AT&T"): text as written
        else:
            # an invisible character ("&#8203;", "&shy;") reads as nothing, as one written as itself
            self.references.append((at, end, "" if invisible(char) else char))

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

    def _table_end(self, tag: str, at: int, end: int) -> None:
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
            self.tables.append((table, end))

    def _close_cell(self, table: _TableBuild, at: int) -> None:
        if table.cell is not None and table.rows:
            table.rows[-1].append((table.cell, at))
        table.cell = None


def html_prose(text: str) -> Prose:
    reader = _Reader(text)
    _tokens(text, reader)
    found = reader.references
    if has_invisible(text):  # invisible characters in the prose read as nothing, as "&#8203;" does
        found = sorted(found + find_invisible(reader.canvas.text(0, len(text))))
    references = tuple(read_references(reader.canvas, found))
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
