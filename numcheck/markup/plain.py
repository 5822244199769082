"""Plain text -> prose view: the text itself, less a front matter and numcheck's own directives.

A directive line (`numcheck: disable NC101 -- reason`, perhaps after a comment
marker such as `#`, `//`, `%`, `;`, `..` or inside `<!-- -->`) is blanked so
its rule codes are not read as figures; `numcheck.suppress` reads the
directives from the source. A text with neither pays one substring test.
"""

from __future__ import annotations

import re

from numcheck.markup.model import Prose, blank

_ACTION = r"numcheck:[ \t]*(?:disable-next-line|disable-file|disable|enable)\b"
# a directive on a line of its own, after an optional comment marker; a line starts after \n, \r\n
# or a lone \r, as numcheck.suppress and LineIndex count lines (re.M's ^ knows only \n)
DIRECTIVE_LINE = re.compile(r"(?:^|(?<=\r))[ \t]*(?:#+|//|%+|;+|\.\.|<!--)?[ \t]*" + _ACTION + r"[^\r\n]*", re.M)
# the HTML-comment form, wherever it stands
DIRECTIVE_COMMENT = re.compile(r"<!--[ \t]*" + _ACTION + r".*?-->", re.S)


def plain_prose(text: str, front: int = 0) -> Prose:
    view = blank(text[:front]) + text[front:] if front else text
    if "numcheck:" not in view:
        return Prose(view)
    spans = {m.span() for m in DIRECTIVE_COMMENT.finditer(view)} | {m.span() for m in DIRECTIVE_LINE.finditer(view)}
    return Prose(blank_directives(view), comments=tuple(sorted(spans)))


def blank_directives(text: str) -> str:
    def spaces(m: re.Match[str]) -> str:
        return blank(m.group())

    return DIRECTIVE_LINE.sub(spaces, DIRECTIVE_COMMENT.sub(spaces, text))
