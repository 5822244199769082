"""Markdown -> prose view, through markdown-it-py (CommonMark + GFM tables).

markdown-it-py gives block tokens with line maps but inline tokens without
positions. Rather than render and search back, the inline rules that make
non-prose (code spans, links, images, autolinks, inline HTML, emphasis,
entities, escapes) are wrapped so that each records the span it consumed in
its block's inline source; a block's inline source maps to the file line by
line (every content line is the tail of its source line, after the container
markers). The table rule is wrapped too, to learn where each row's text starts.

Everything starts blank; the inline text of paragraphs, headings and table
cells is revealed, then the recorded non-prose spans in it are blanked again,
and with them the content of inline elements the HTML reader skips
(`Run <code>head -n 20</code>`). Entities and escapes read as their character,
padded as numcheck.markup.references says.
Lines no leaf block covers (reference definitions, blank lines, bare `>`)
stay blank. Raw HTML blocks go through the HTML reader, so text between their
tags stays prose. Blocks nested deeper than markdown-it's limit (MAX_NESTING), which
markdown-it drops, are read as paragraphs (`_deep_prose`); inline HTML is read by a
rule of numcheck's that is linear with every markdown-it-py (`_html_inline`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Callable, Optional

from markdown_it import MarkdownIt
from markdown_it.common import html_re
from markdown_it.common.utils import MD_TRIM_CHARS, isLinkClose, isLinkOpen
from markdown_it.token import Token

from numcheck.markup.html import SKIPPED
from numcheck.markup.invisible import find_invisible, has_invisible, invisible
from numcheck.markup.model import Canvas, Cell, Prose, Table, blank, blank_bare_urls
from numcheck.markup.references import Piece, Reference, read_references, source_span

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_KEY = "numcheck_spans"  # where the wrapped rules record spans, in the parse's env
_LEAVES = {"paragraph_open", "heading_open", "fence", "code_block", "html_block", "hr", "table_open"}
_OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_CLOSE_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)")


# --- the parser, with rules that record where they matched -------------------------------


def _record(kind: str, fn: Callable[..., bool], token_type: str) -> Callable[..., bool]:
    """Wrap an inline rule: on success, note (kind, start, end, extra) against the token list
    being filled, which is the inline token's `children`. `token_type` is the last token the
    rule pushes when it really matched (the backticks rule also "succeeds" on a lone run of
    backticks, as plain text)."""

    def rule(state: Any, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        ok = fn(state, silent)
        if ok and not silent and len(state.tokens) > count and state.tokens[-1].type == token_type:
            label_end = -1
            if kind == "link" and state.src[start:start + 1] == "[":
                # where the link text ends; asked only of a link that matched (parseLinkLabel puts
                # state.pos back as it found it)
                end = state.pos
                label_end = state.md.helpers.parseLinkLabel(state, start, True)
                state.pos = end
            spans = state.env[_KEY].setdefault(id(state.tokens), [])
            if kind == "emphasis":
                # one text token per delimiter character; after pairing, the ones used as markers
                # have become em/strong tokens or been emptied
                run = state.pos - start
                spans.extend(("delim", start + k, start + k + 1, state.tokens[k - run])
                             for k in range(run))
            else:
                spans.append((kind, start, state.pos, label_end if kind == "link" else state.tokens[-1]))
        return ok

    return rule


def _record_table(fn: Callable[..., bool]) -> Callable[..., bool]:
    """Wrap the table block rule: note, on the table_open token, where each row's text starts
    and ends (after blockquote markers and indentation), in the normalized source."""

    def rule(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
        count = len(state.tokens)
        ok = fn(state, start_line, end_line, silent)
        if ok and not silent:
            opening = state.tokens[count]
            opening.meta["rows"] = [(line, state.bMarks[line] + state.tShift[line], state.eMarks[line])
                                    for line in range(start_line, state.line)]
        return ok

    return rule


def _record_heading(fn: Callable[..., bool]) -> Callable[..., bool]:
    """Wrap the ATX heading rule: note where its `#`s start, so its text is searched after them."""

    def rule(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
        count = len(state.tokens)
        ok = fn(state, start_line, end_line, silent)
        if ok and not silent:
            state.tokens[count].meta["begin"] = state.bMarks[start_line] + state.tShift[start_line]
        return ok

    return rule


_INLINE_RECORDED = {  # rule name -> (what it is, the token it ends with)
    "backticks": ("code", "code_inline"),
    "emphasis": ("emphasis", "text"),
    "link": ("link", "link_close"),
    "image": ("image", "image"),
    "autolink": ("autolink", "link_close"),
    "html_inline": ("html", "html_inline"),
    "entity": ("entity", "text_special"),
    "escape": ("escape", "text_special"),
}

# markdown-it's inline HTML rule, with no anchor (matched at a position, never on a copy of the
# rest of the text) and asked only where the construct's last character can still come.
_HTML_TAG = re.compile("(?:" + "|".join((html_re.open_tag, html_re.close_tag, html_re.comment, html_re.processing,
                                         html_re.declaration, html_re.cdata)) + ")")


def _html_inline(state: Any, silent: bool) -> bool:
    """Inline HTML (`<b>`, `</b>`, `<!-- ... -->`, `<?...?>`, `<!X ...>`, `<![CDATA[...]]>`), as
    markdown-it-py reads it, in linear time with every version of it: markdown-it-py before 4.3
    matches on `src[pos:]` (a copy of the rest of the paragraph at every "<") and runs its
    comment pattern to the end of the paragraph at every unclosed "<!--", which makes a run of
    "<a " or "<!--" quadratic. Here a construct whose closing text is not in the rest of the
    paragraph is turned down at once, and the pattern is matched where it stands."""
    pos, src = state.pos, state.src
    if not state.md.options.get("html") or src[pos] != "<" or pos + 2 >= state.posMax:
        return False
    ch = src[pos + 1]
    if ch not in "!?/" and not ("a" <= ch <= "z" or "A" <= ch <= "Z"):
        return False
    if src.startswith("<!--", pos):
        close, least = ("-->", pos + 4) if not src.startswith(("<!-->", "<!--->"), pos) else (">", pos + 4)
    elif src.startswith("<![CDATA[", pos):
        close, least = "]]>", pos + 9
    elif ch == "?":
        close, least = "?>", pos + 2
    else:
        close, least = ">", pos + 2
    if _last(state, close) < least:
        return False
    match = _HTML_TAG.match(src, pos)
    if not match:
        return False
    if not silent:
        token = state.push("html_inline", "", 0)
        token.content = match.group()
        if isLinkOpen(token.content):
            state.linkLevel += 1
        if isLinkClose(token.content):
            state.linkLevel -= 1
    state.pos += len(match.group())
    return True


def _last(state: Any, text: str) -> int:
    """Where `text` last starts in the inline source, found once per source and text."""
    cache = state.__dict__.setdefault("numcheck_last", {})
    if text not in cache:
        cache[text] = state.src.rfind(text)
    return cache[text]


# How deep blocks may nest (a blockquote is one level, a list two: the list and its item):
# markdown-it's own limit, which keeps a parse in time linear in the text (each level costs a
# pass over the lines it holds, and a lazy line costs one per level). markdown-it leaves what
# lies deeper unread; numcheck reads it as paragraphs (`_deep_prose`).
MAX_NESTING = 20
_DEEP = "numcheck_deep"  # where the deep parts are noted, in the parse's env


def _record_deep(tokenize: Callable[..., None]) -> Callable[..., None]:
    """Wrap the block parser's tokenize: where markdown-it would skip blocks nested past the
    limit, note the lines it skips (each line's content after the markers markdown-it has
    read, in the normalized source) before letting it skip them."""

    def run(state: Any, start_line: int, end_line: int, *args: Any) -> None:
        if state.level >= state.md.options["maxNesting"]:
            line = state.skipEmptyLines(start_line)
            if line < end_line and state.sCount[line] >= state.blkIndent:
                state.env[_DEEP].append([(k, state.bMarks[k] + state.tShift[k], state.eMarks[k])
                                         for k in range(line, end_line)])
        tokenize(state, start_line, end_line, *args)

    return run


_PARSER: Optional[MarkdownIt] = None


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        md = MarkdownIt("commonmark").enable("table")
        md.options["maxNesting"] = MAX_NESTING
        md.block.tokenize = _record_deep(md.block.tokenize)  # type: ignore[method-assign]
        # text_join/fragments_join merge text tokens, which would lose the delimiter tokens'
        # identity; nothing here renders, so they are not needed
        md.core.ruler.disable("text_join")
        md.inline.ruler2.disable("fragments_join")
        for rule in list(md.inline.ruler.__rules__):
            if rule.name in _INLINE_RECORDED:
                kind, last = _INLINE_RECORDED[rule.name]
                fn = _html_inline if rule.name == "html_inline" else rule.fn
                md.inline.ruler.at(rule.name, _record(kind, fn, last), {"alt": rule.alt})
        for rule in list(md.block.ruler.__rules__):
            if rule.name == "table":
                md.block.ruler.at("table", _record_table(rule.fn), {"alt": rule.alt})
            elif rule.name == "heading":
                md.block.ruler.at("heading", _record_heading(rule.fn), {"alt": rule.alt})
        _PARSER = md
    return _PARSER


# --- lines and the map from an inline source to the file ----------------------------------


class _Lines:
    """The source's lines: where each starts and ends (before its line break), and where it
    starts in markdown-it's normalized source (every line break one \\n)."""

    def __init__(self, source: str) -> None:
        self.source = source
        breaks = list(_LINE_BREAK.finditer(source))
        self.starts = [0] + [m.end() for m in breaks]
        self.ends = [m.start() for m in breaks] + [len(source)]
        self.norm_starts: list[int] = []
        pos = 0
        for a, b in zip(self.starts, self.ends):
            self.norm_starts.append(pos)
            pos += b - a + 1

    def text(self, line: int) -> str:
        return self.source[self.starts[line]:self.ends[line]]

    def from_norm(self, line: int, norm: int) -> int:
        return self.starts[line] + norm - self.norm_starts[line]


class _Map:
    """Offsets in an inline source -> offsets in the file, piece by piece: (inline start, file
    start, length) for each run of characters that is the same in both."""

    def __init__(self, pieces: list[tuple[int, int, int]]) -> None:
        self.pieces = pieces
        self._keys = [p[0] for p in pieces]

    def to_source(self, offset: int) -> int:
        k = max(0, bisect_right(self._keys, offset) - 1)
        at, start, length = self.pieces[k]
        return start + max(0, min(offset - at, length))

    def reveal(self, canvas: Canvas) -> None:
        for _, start, length in self.pieces:
            canvas.reveal(start, start + length)


def _block_map(content: str, lines: _Lines, first: int, begin: int = -1) -> Optional[_Map]:
    """Map a paragraph's or heading's inline source onto its lines. Each content line is its
    source line's tail (markdown-it drops container markers and indentation, and trims the
    ends); `begin` is where an ATX heading's `#`s start, its text being after them."""
    pieces: list[tuple[int, int, int]] = []
    at = 0
    for k, part in enumerate(content.split("\n")):
        text = part.strip(MD_TRIM_CHARS)
        if text:
            if first + k >= len(lines.starts):
                return None
            line = lines.text(first + k)
            if begin >= 0 and k == 0:
                after = begin - lines.starts[first]
                while line[after:after + 1] == "#":
                    after += 1
                pos = line.find(text, after)
            else:
                tail = line.rstrip(MD_TRIM_CHARS)
                pos = len(tail) - len(text) if tail.endswith(text) else line.rfind(text)
            if pos < 0:
                return None
            lead = len(part) - len(part.lstrip(MD_TRIM_CHARS))
            pieces.append((at + lead, lines.starts[first + k] + pos, len(text)))
        at += len(part) + 1
    return _Map(pieces or [(0, lines.starts[first], 0)])


def _aligned_map(content: str, source: str, start: int) -> _Map:
    """Map a table cell's inline source onto its source text, which may hold extra backslashes
    (markdown-it drops the one before an escaped pipe)."""
    if content == source:
        return _Map([(0, start, len(content))])
    pieces, j = [], 0
    for i, ch in enumerate(source):
        if j < len(content) and ch == content[j]:
            pieces.append((j, start + i, 1))
            j += 1
    return _Map(pieces or [(0, start, 0)])


# --- inline: reveal the text, blank what is not prose -------------------------------------


def _inline(token: Token, spans: dict[int, list], where: _Map, canvas: Canvas,
            comments: list[tuple[int, int]], references: list[Reference], invisibles: bool = False) -> None:
    where.reveal(canvas)
    found: list[tuple[int, int, str]] = []  # entities and escapes, read once the rest is in place
    skipped: list[tuple[int, int]] = []  # the content of inline <code>, <kbd>, <samp>, <var>...
    open_tags: list[str] = []  # the skipped elements open, innermost last
    content_start = 0
    for kind, start, end, extra in spans.get(id(token.children), ()):
        a, b = where.to_source(start), where.to_source(end)
        if kind == "html" and canvas.source.startswith("<!--", a):
            comments.append((a, b))
        if kind == "html":
            close = _CLOSE_TAG.match(canvas.source, a)
            opening = None if close else _OPEN_TAG.match(canvas.source, a)
            if opening and opening.group(1).lower() in SKIPPED:
                if not open_tags:
                    content_start = b
                open_tags.append(opening.group(1).lower())
            elif close and close.group(1).lower() in open_tags:
                del open_tags[len(open_tags) - 1 - open_tags[::-1].index(close.group(1).lower()):]
                if not open_tags:
                    skipped.append((content_start, a))
        if kind == "link":
            # "[text](url "title")" and "[text][ref]": the text is prose, the rest is not
            canvas.blank(a, where.to_source(start + 1))
            if extra > start:
                canvas.blank(where.to_source(extra), b)
        elif kind == "delim":
            if extra.type != "text" or extra.content == "":
                canvas.blank(a, b)
        elif kind in ("entity", "escape"):
            char = extra.content
            if 0 < len(char) <= b - a and "\n" not in char and "\r" not in char:
                found.append((a, b, "" if invisible(char) else char))  # "&#8203;" reads as nothing
        else:  # code, image, autolink, html
            canvas.blank(a, b)
    if open_tags:  # never closed: shown as code to the end of its paragraph, heading or cell
        skipped.append((content_start, where.to_source(len(token.content))))
    for a, b in skipped:
        canvas.blank(a, b)
    if invisibles:  # invisible characters in the prose read as nothing ("12\u200b0" is 120)
        seen = [r for _, start, length in where.pieces for r in find_invisible(canvas.source, start, start + length)
                if canvas.text(r[0], r[1]) == canvas.source[r[0]:r[1]]]  # not in a code span, a URL...
        found = sorted(found + seen)
    references.extend(read_references(canvas, _outside(found, skipped)))


def _outside(found: list[tuple[int, int, str]], skipped: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The references in `found` outside every span of `skipped` (which are in order and apart):
    by bisection, as a paragraph may hold thousands of both."""
    if not skipped:
        return found
    starts = [a for a, _ in skipped]
    out = []
    for r in found:
        k = bisect_right(starts, r[0]) - 1
        if k < 0 or r[0] >= skipped[k][1]:
            out.append(r)
    return out


# --- tables --------------------------------------------------------------------------------


def _cell_segments(row: str) -> list[tuple[int, int]]:
    """The cells of a table row as (start, end) offsets into `row`: split on pipes not escaped,
    leading and trailing empty cells dropped, as markdown-it's escapedSplit does."""
    text = row.strip(MD_TRIM_CHARS)
    offset = len(row) - len(row.lstrip(MD_TRIM_CHARS))
    cells, last, escaped = [], 0, False
    for pos, ch in enumerate(text):
        if ch == "|" and not escaped:
            cells.append((last, pos))
            last = pos + 1
        escaped = ch == "\\"
    cells.append((last, len(text)))
    if cells and cells[0][0] == cells[0][1]:
        cells.pop(0)
    if cells and cells[-1][0] == cells[-1][1]:
        cells.pop()
    return [(offset + a, offset + b) for a, b in cells]


def _table(tokens: list[Token], i: int, lines: _Lines, spans: dict[int, list], canvas: Canvas,
           breaks: list[int], comments: list[tuple[int, int]],
           references: list[Reference], invisibles: bool = False) -> tuple[Optional[Table], int]:
    """Read the table opening at tokens[i]; return it and the index after its table_close."""
    opening = tokens[i]
    rows_at = opening.meta.get("rows", [])
    j = i + 1
    inline_rows: list[list[Token]] = []
    while j < len(tokens) and tokens[j].type != "table_close":
        if tokens[j].type == "tr_open":
            inline_rows.append([])
        elif tokens[j].type == "inline" and inline_rows:
            inline_rows[-1].append(tokens[j])
        j += 1
    # rows_at holds the header line, the delimiter row, then the body lines
    source_rows = [r for n, r in enumerate(rows_at) if n != 1]
    if not source_rows or len(source_rows) != len(inline_rows):  # not expected: keep the rows as written
        for line, _, _ in source_rows:
            canvas.reveal(lines.starts[line], lines.ends[line])
        return None, j + 1
    table_rows: list[tuple[Cell, ...]] = []
    for (line, norm_a, norm_b), cells in zip(source_rows, inline_rows):
        a, b = lines.from_norm(line, norm_a), lines.from_norm(line, norm_b)
        row = canvas.source[a:b]
        segments = _cell_segments(row)
        for s, e in segments[:len(cells)]:
            # the pipes stay, so the reader never runs one cell's words into the next one's figure
            for pipe in (s - 1, e):
                if 0 <= pipe < len(row) and row[pipe] == "|":
                    canvas.reveal(a + pipe, a + pipe + 1)
        out: list[Cell] = []
        for k, token in enumerate(cells):
            if k < len(segments):
                s, e = segments[k]
                seg = row[s:e]
                lead = len(seg) - len(seg.lstrip(MD_TRIM_CHARS))
                text_start = a + s + lead
                where = _aligned_map(token.content, seg.strip(MD_TRIM_CHARS), text_start)
                _inline(token, spans, where, canvas, comments, references, invisibles)
                breaks.append(a + s)
                out.append((text_start, text_start + len(seg.strip(MD_TRIM_CHARS))))
            else:
                out.append((b, b))  # a cell the row leaves out: empty
        table_rows.append(tuple(Cell("", x, y) for x, y in out))  # text filled in from the view
    start = lines.starts[rows_at[0][0]] if rows_at else 0
    end = lines.ends[rows_at[-1][0]] if rows_at else 0
    return Table(table_rows[0], tuple(table_rows[1:]), start, end), j + 1


def _with_text(table: Table, view: str, references: tuple[Reference, ...]) -> Table:
    def fill(cell: Cell) -> Cell:
        raw = view[cell.start:cell.end]
        text = raw.strip()
        start = cell.start + len(raw) - len(raw.lstrip())
        # the span in the source, over whole references, as the cell's figure's is
        return Cell(text, *source_span(start, start + len(text), references))

    return Table(tuple(fill(c) for c in table.header), tuple(tuple(fill(c) for c in row) for row in table.rows),
                 table.start, table.end)


# --- the whole document -----------------------------------------------------------------------


def markdown_prose(text: str, front: int = 0) -> Prose:
    """The prose view of a Markdown source; `front` is where the body starts after a front
    matter, which is blanked and never parsed (markdown-it would read `---` as a rule)."""
    from numcheck.markup.html import html_prose  # the HTML reader, for raw HTML blocks

    source = blank(text[:front]) + text[front:] if front else text
    lines = _Lines(text)
    env: dict[str, Any] = {_KEY: {}, _DEEP: []}
    tokens = _parser().parse(source, env)
    spans: dict[int, list] = env[_KEY]
    canvas = Canvas(text, blanked=True)
    breaks: list[int] = []
    tables: list[Table] = []
    comments: list[tuple[int, int]] = []
    references: list[Reference] = []
    invisibles = has_invisible(text)
    begin = -1
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type in _LEAVES and token.map:
            breaks.append(lines.starts[token.map[0]])
        if token.type == "heading_open" and token.map:
            norm = token.meta.get("begin", -1)
            begin = lines.from_norm(token.map[0], norm) if norm >= 0 else -1
        elif token.type == "inline" and token.map:
            where = _block_map(token.content, lines, token.map[0], begin)
            begin = -1
            if where is None:  # not expected; keep the lines as written rather than guess
                for line in range(*token.map):
                    canvas.reveal(lines.starts[line], lines.ends[line])
            else:
                _inline(token, spans, where, canvas, comments, references, invisibles)
        elif token.type == "html_block" and token.map:
            _html_block(token, lines, canvas, breaks, comments, references, html_prose)
        elif token.type == "table_open":
            table, i = _table(tokens, i, lines, spans, canvas, breaks, comments, references, invisibles)
            if table is not None:
                tables.append(table)
            continue
        i += 1
    for deep in env[_DEEP]:
        _deep_prose(deep, lines, env, canvas, breaks, comments, references, invisibles)
    view = blank_bare_urls(canvas.view())
    references.sort(key=lambda r: r.start)
    readings = tuple(references)
    return Prose(view, tuple(sorted(set(breaks))), tuple(_with_text(t, view, readings) for t in tables), "markdown",
                 tuple(sorted(comments)), readings)


# the container markers still at the start of a line of a deep part: quote markers, bullets, numbers
_MARKERS = re.compile(r"(?:[ \t]*(?:>|(?P<item>[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*")


def _deep_prose(deep: list[tuple[int, int, int]], lines: _Lines, env: dict[str, Any], canvas: Canvas,
                breaks: list[int], comments: list[tuple[int, int]], references: list[Reference],
                invisibles: bool) -> None:
    """Read the lines of a part nested past MAX_NESTING as paragraphs: the quote markers and
    list bullets left at their starts are skipped, a list item starts a new sentence, a blank
    line ends a paragraph, and each paragraph's inline markup is read as any other's (code
    spans, links, HTML). Code blocks, tables and headings down there are read as paragraphs:
    no other reading is linear in the depth."""
    paragraph: list[tuple[int, int]] = []  # (file start, file end) of each line's content

    def flush() -> None:
        if not paragraph:
            return
        content = "\n".join(canvas.source[a:b] for a, b in paragraph)
        pieces, at = [], 0
        for a, b in paragraph:
            pieces.append((at, a, b - a))
            at += b - a + 1
        (token,) = _parser().parseInline(content, env)
        _inline(token, env[_KEY], _Map(pieces), canvas, comments, references, invisibles)
        paragraph.clear()

    for line, norm_a, norm_b in deep:
        a, b = lines.from_norm(line, norm_a), lines.from_norm(line, norm_b)
        markers = _MARKERS.match(canvas.source, a, b)
        start = markers.end() if markers else a
        if start >= b:
            flush()
            continue
        if not paragraph or (markers and markers.group("item")):
            flush()
            breaks.append(start)
        paragraph.append((start, b))
    flush()


def _html_block(token: Token, lines: _Lines, canvas: Canvas, breaks: list[int], comments: list[tuple[int, int]],
                references: list[Reference], html_prose: Callable[[str], Prose]) -> None:
    """Raw HTML in Markdown: the text between its tags is prose, read as HTML is."""
    where = _block_map(token.content.rstrip("\n"), lines, token.map[0])
    if where is None:
        return
    inner = html_prose(token.content)
    for at, start, length in where.pieces:
        canvas.put(start, inner.view[at:at + length])
    breaks.extend(where.to_source(b) for b in inner.breaks)
    comments.extend((where.to_source(a), where.to_source(b)) for a, b in inner.comments)
    # a reference's reading never crosses a line, and each line maps onto the file by a shift
    references.extend(_shifted(r, where.to_source(r.start) - r.start) for r in inner.references)


def _shifted(reference: Reference, by: int) -> Reference:
    return Reference(reference.start + by, reference.end + by, tuple(
        Piece(p.view_start + by, p.view_end + by, p.source_start + by, p.source_end + by, p.atomic)
        for p in reference.pieces))
