r"""Plain text -> prose view: the text itself, less a front matter and numcheck's own directives.

A directive (`numcheck: disable NC101 -- reason` on a line of its own, perhaps
after a comment marker such as `#`, `//`, `%`, `;` or `..`, or inside `<!-- -->`;
the syntax is in `numcheck.markup.directives`) is blanked so its rule codes are
not read as figures; `numcheck.suppress` reads the directives where they stand.
A text without one pays one substring test. Invisible characters (a zero-width space in
"12\u200b0") read as nothing, as in Markdown and HTML.
"""

from __future__ import annotations

import re

from numcheck.markup.directives import COMMENT, LINE
from numcheck.markup.invisible import find_invisible, has_invisible
from numcheck.markup.model import Canvas, Prose, blank
from numcheck.markup.references import read_references


def plain_prose(text: str, front: int = 0) -> Prose:
    view = blank(text[:front]) + text[front:] if front else text
    comments: tuple[tuple[int, int], ...] = ()
    if "numcheck:" in view:
        spans = {m.span() for m in COMMENT.finditer(view)} | {m.span() for m in LINE.finditer(view)}
        view, comments = blank_directives(view), tuple(sorted(spans))
    if not has_invisible(view):
        return Prose(view, comments=comments)
    # invisible characters read as nothing: "12\u200b0" is 120 (numcheck.markup.invisible)
    canvas = Canvas(view)
    references = tuple(read_references(canvas, find_invisible(view)))
    return Prose(canvas.view(), comments=comments, references=references)


def blank_directives(text: str) -> str:
    def spaces(m: re.Match[str]) -> str:
        return blank(m.group())

    return LINE.sub(spaces, COMMENT.sub(spaces, text))
