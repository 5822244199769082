"""Where a disable directive goes in a Markdown or HTML draft, so that it silences the finding
and changes nothing else.

A comment line is not neutral in Markdown: on a table row it ends the table, before a list
item it splits the list, inside a paragraph it splits the paragraph. So a few places are
tried, nearest first, each on a copy of the text, and the first that passes is taken:

- numcheck honours it: the markup stage lists the inserted comment as a comment
  (`Prose.comments`: not text in a code span or a tag), and the prose view and its sentence
  breaks are the old ones but for the blanked comment;
- in Markdown, the draft renders the same: markdown-it's tokens (tables, lists, items,
  paragraphs and their tightness, the text) are the old ones but for the comment.

The places, for a finding on line L, in Markdown: in a table, `disable` on a line before
the table and `enable` on a line after it (a comment line inside would end the table); else a
`disable-next-line` comment on a line of its own above L (at L's blockquote markers and
indentation, or inside the list item above, at its content's indentation), or at the end of
line L-1; last, `disable` and `enable` lines around the top-level block holding L. In HTML: a
line above L, the end of line L-1, or (when those are inside a tag written over several lines)
`disable` and `enable` lines around the tag and line L.

The trials read only the top-level blocks around the finding, so a long draft costs no more
than a short one beyond its one full parse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from numcheck.document import FrontMatterError, split_front_matter
from numcheck.markup import Prose, blank, read_prose

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_COMMENT = re.compile(r"<!--.*?-->")
_CONTAINER = re.compile(r"[ \t>]*")  # blockquote markers and indentation
_ITEM = re.compile(r"([ \t>]*)((?:[-+*]|\d{1,9}[.)])[ \t]+)\S")  # a list item's first line
_BLOCKS = {"table_open": "table", "paragraph_open": "paragraph", "heading_open": "heading",
           "bullet_list_open": "list", "ordered_list_open": "list", "blockquote_open": "quote",
           "html_block": "HTML block"}
_HTML_LINES_UP = 8  # how far up a tag written over several lines is looked for


@dataclass(frozen=True)
class Placement:
    inserts: tuple[tuple[int, str], ...]  # (offset into the text, what is inserted there), in text order
    scope: str  # what the directive covers: "this line", "this table", "these lines"...


def directive(action: str, code: str) -> str:
    return f"<!-- numcheck: {action} {code} -->"


def place_disable(text: str, path: str, prose: Prose, start: int, code: str) -> Optional[Placement]:
    """Where a directive silencing rule `code` for the finding at offset `start` goes in `text`
    (a Markdown or HTML draft read as `prose`, whose tables are used); None when no place passes
    (not expected)."""
    lines = _Lines(text)
    line = lines.line_of(start)
    markdown = prose.kind == "markdown"
    if markdown:
        tokens = _draft_tokens(text)
        places = _markdown_places(lines, prose, tokens, start, code)
        # a place only changes the blocks around it: the trials read the top-level block holding
        # the finding and its neighbours, not the whole draft (a long one parses in tenths of a second)
        first, end = _neighbourhood(tokens, lines, line)
    else:
        places = _html_places(lines, line, code)
        first, end = 0, len(text)
    lead = "\n" if first else ""  # so a passage opening with "---" is never read as a front matter
    base = first - len(lead)
    # a trial over the whole draft (always, in HTML) starts from the reading the draft already has
    whole = (first, end) == (0, len(text))
    trial = _Trial(lead + text[first:end], path, markdown, prose if whole else None)
    tried: set[tuple[tuple[int, str], ...]] = set()
    for placement in places:
        if placement.inserts in tried:
            continue
        tried.add(placement.inserts)
        if trial.passes(tuple((at - base, what) for at, what in placement.inserts)):
            return placement
    return None


def inserted(text: str, inserts: tuple[tuple[int, str], ...]) -> str:
    for at, what in sorted(inserts, reverse=True):
        text = text[:at] + what + text[at:]
    return text


# --- the places, nearest first -------------------------------------------------------------


class _Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        found = list(_LINE_BREAK.finditer(text))
        self.starts = [0] + [m.end() for m in found]
        self.ends = [m.start() for m in found] + [len(text)]

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def line(self, k: int) -> str:
        return self.text[self.starts[k]:self.ends[k]]

    def eol(self, k: int) -> str:
        """The line break after line `k`, or the text's first, or \\n."""
        own = self.text[self.ends[k]:self.starts[k + 1]] if k + 1 < len(self.starts) else ""
        return own or (self.text[self.ends[0]:self.starts[1]] if len(self.starts) > 1 else "\n")


def _markdown_places(lines: _Lines, prose: Prose, tokens: Sequence[Token], start: int,
                     code: str) -> Iterator[Placement]:
    line = lines.line_of(start)
    table = next((t for t in prose.tables if t.start <= start < t.end), None)
    if table is not None:
        first = lines.line_of(table.start)
        yield _around(lines, first, lines.line_of(table.end), "this table", code, _own_prefix(lines.line(first)))
    else:
        comment = directive("disable-next-line", code) + lines.eol(line)
        for prefix in dict.fromkeys(_prefixes(lines, line)):
            yield Placement(((lines.starts[line], prefix + comment),), "this line")
        if line > 0 and lines.line(line - 1).strip():
            yield _line_end(lines, line - 1, code)
    block = _top_block(tokens, lines, line)
    if block is not None:
        first, last, name = block
        yield _around(lines, first, last, name, code, "")


def _html_places(lines: _Lines, line: int, code: str) -> Iterator[Placement]:
    """Above the line, or at the end of the one above; when both are inside a tag written over
    several lines, `disable` on a line before the tag and `enable` on a line after `line`."""
    indent = re.match(r"[ \t]*", lines.line(line)).group()  # type: ignore[union-attr]
    yield Placement(((lines.starts[line], indent + directive("disable-next-line", code) + lines.eol(line)),),
                    "this line")
    if line > 0 and lines.line(line - 1).strip():
        yield _line_end(lines, line - 1, code)
    for first in range(line - 1, max(-1, line - _HTML_LINES_UP), -1):
        yield _around(lines, first, line, "these lines", code, re.match(r"[ \t]*", lines.line(first)).group())


def _line_end(lines: _Lines, k: int, code: str) -> Placement:
    return Placement(((_content_end(lines, k), " " + directive("disable-next-line", code)),), "this line")


def _own_prefix(text: str) -> str:
    """A line's blockquote markers and indentation, as a comment line in the same containers starts."""
    prefix = _CONTAINER.match(text).group()  # type: ignore[union-attr]
    return prefix + " " if prefix.endswith(">") else prefix


def _prefixes(lines: _Lines, line: int) -> Iterator[str]:
    """For a comment line above `line`: its own containers' prefix, then the prefix that continues
    the nearest line above (inside a list item, at its content's indentation)."""
    yield _own_prefix(lines.line(line))
    above = line - 1
    while above >= 0 and not lines.line(above).strip():
        above -= 1
    if above >= 0:
        item = _ITEM.match(lines.line(above))
        if item:
            yield _own_prefix(item.group(1)) + " " * len(item.group(2))
        yield _own_prefix(lines.line(above))


def _content_end(lines: _Lines, k: int) -> int:
    """The end of line `k`'s content: before trailing blanks and a backslash hard line break, so
    a hard break stays one."""
    text = lines.line(k)
    content = text.rstrip(" \t")
    if (len(content) - len(content.rstrip("\\"))) % 2 and content == text:
        content = content[:-1]
    return lines.starts[k] + len(content)


def _around(lines: _Lines, first: int, last: int, name: str, code: str, prefix: str) -> Placement:
    """`disable` on a line before line `first`, `enable` on a line after line `last`."""
    eol = lines.eol(first)
    return Placement(((lines.starts[first], prefix + directive("disable", code) + eol),
                      (lines.ends[last], eol + prefix + directive("enable", code))), name)


def _neighbourhood(tokens: Sequence[Token], lines: _Lines, line: int) -> tuple[int, int]:
    """The span of the top-level blocks before, holding and after `line` (the whole text when
    no top-level block holds it)."""
    blocks = [t.map for t in tokens if t.level == 0 and t.nesting >= 0 and t.map]
    k = next((k for k, (a, b) in enumerate(blocks) if a <= line < b), None)
    if k is None:
        return 0, len(lines.text)
    first = blocks[k - 1][0] if k > 0 else 0
    end = blocks[k + 1][1] if k + 1 < len(blocks) else len(lines.starts)
    return lines.starts[first], lines.starts[end] if end < len(lines.starts) else len(lines.text)


def _top_block(tokens: Sequence[Token], lines: _Lines, line: int) -> Optional[tuple[int, int, str]]:
    """The first and last line of the top-level block holding `line`, and what it is."""
    for t in tokens:
        if t.level == 0 and t.nesting >= 0 and t.map and t.map[0] <= line < t.map[1]:
            last = t.map[1] - 1
            while last > t.map[0] and not lines.line(last).strip():
                last -= 1
            return t.map[0], last, "this " + _BLOCKS.get(t.type, "block")
    return None


# --- the tests a place must pass -------------------------------------------------------------


class _Trial:
    """A passage of the draft as numcheck reads it (and, for Markdown, as a renderer sees it),
    against which an edited copy is compared."""

    def __init__(self, text: str, path: str, markdown: bool, prose: Optional[Prose] = None) -> None:
        """`prose` is `text` as numcheck reads it, when the caller has it (a long HTML draft reads
        in tenths of a second)."""
        self.text, self.path = text, path
        self.kind = "markdown" if markdown else "html"
        self.prose = read_prose(text, path, kind=self.kind) if prose is None else prose
        self.shape = _shape(_parse(text)) if markdown else None

    def passes(self, inserts: tuple[tuple[int, str], ...]) -> bool:
        edited = inserted(self.text, inserts)
        return self._honoured(edited, inserts) and (
            self.shape is None or _shape(_parse(edited), _comments(inserts)) == self.shape)

    def _honoured(self, edited: str, inserts: tuple[tuple[int, str], ...]) -> bool:
        """Every inserted comment is a comment numcheck reads directives from, and numcheck reads
        the rest as before: the old view and sentence breaks, once the inserted text is taken out."""
        try:
            new = read_prose(edited, self.path, kind=self.kind)
        except FrontMatterError:
            return False
        spans, shift = [], 0
        for at, what in sorted(inserts):
            spans.append((at + shift, at + shift + len(what)))
            shift += len(what)
        for (a, _), (_, what) in zip(spans, sorted(inserts)):
            comment = a + what.index("<!--")
            if not any(s <= comment < e for s, e in new.comments):
                return False
        kept = [new.view[e:s] for e, s in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(edited)])]
        return "".join(kept) == self.prose.view and _outside(new.breaks, spans) == sorted(set(self.prose.breaks))


def _outside(offsets: tuple[int, ...], spans: list[tuple[int, int]]) -> list[int]:
    """`offsets` into the edited text, back in the old text, leaving out those in inserted spans."""
    out = set()
    for b in offsets:
        if any(s <= b < e for s, e in spans):
            continue
        out.add(b - sum(e - s for s, e in spans if e <= b))
    return sorted(out)


_RENDERER: Optional[MarkdownIt] = None


@lru_cache(maxsize=2)
def _draft_tokens(text: str) -> tuple[Token, ...]:
    """The whole draft's tokens, kept: code actions for many findings place a comment for each in
    the same text, and a long draft takes tenths of a second to parse (read only, never changed)."""
    return tuple(_parse(text))


def _parse(text: str) -> list[Token]:
    """markdown-it's tokens for a draft as a renderer sees it (CommonMark with GitHub tables),
    the front matter blanked as numcheck's Markdown reader blanks it."""
    global _RENDERER
    if _RENDERER is None:
        _RENDERER = MarkdownIt("commonmark").enable("table")
    try:
        front = split_front_matter(text)[0]
    except FrontMatterError:
        front = 0
    return _RENDERER.parse(blank(text[:front]) + text[front:] if front else text)


def _comments(inserts: tuple[tuple[int, str], ...]) -> set[str]:
    return {m.group() for _, what in inserts for m in _COMMENT.finditer(what)}


def _shape(tokens: list[Token], comments: frozenset[str] | set[str] = frozenset()) -> list[tuple]:
    """What a renderer makes of the tokens, without the inserted `comments`: every block and
    inline token's type, tag, attributes, markup and tightness, and their text with white space
    folded (a comment at a line's end leaves a space behind)."""
    out: list[tuple] = []
    for t in _flat(tokens):
        content = t.content
        if t.type in ("html_block", "html_inline"):
            if content.strip() in comments:
                continue
            for c in comments:
                content = content.replace(c, "")
            content = " ".join(content.split())
        elif t.type == "text":
            content = " ".join(content.split())
            if not content:
                continue
        elif t.type == "inline":
            content = ""  # its children are compared
        out.append((t.type, t.tag, t.nesting, t.hidden, tuple(sorted((t.attrs or {}).items())), t.info, t.markup,
                    content))
    return out


def _flat(tokens: list[Token]) -> Iterator[Token]:
    for t in tokens:
        yield t
        if t.children:
            yield from _flat(t.children)
