"""Plain text -> prose view: the text itself, less a front matter and numcheck's own directives.

A directive (`numcheck: disable NC101 -- reason` on a line of its own, perhaps
after a comment marker such as `#`, `//`, `%`, `;` or `..`, or inside `<!-- -->`;
the syntax is in `numcheck.markup.directives`) is blanked so its rule codes are
not read as figures; `numcheck.suppress` reads the directives where they stand.
A text without one pays one substring test.
"""

from __future__ import annotations

import re

from numcheck.markup.directives import COMMENT, LINE
from numcheck.markup.model import Prose, blank


def plain_prose(text: str, front: int = 0) -> Prose:
    view = blank(text[:front]) + text[front:] if front else text
    if "numcheck:" not in view:
        return Prose(view)
    spans = {m.span() for m in COMMENT.finditer(view)} | {m.span() for m in LINE.finditer(view)}
    return Prose(blank_directives(view), comments=tuple(sorted(spans)))


def blank_directives(text: str) -> str:
    def spaces(m: re.Match[str]) -> str:
        return blank(m.group())

    return LINE.sub(spaces, COMMENT.sub(spaces, text))
