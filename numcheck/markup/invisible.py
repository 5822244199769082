r"""Invisible characters: written in a draft, shown as nothing, and read as nothing.

A zero-width space inside a number ("12\u200b0", from a web page or a word processor),
a soft hyphen inside a word, a zero-width joiner or non-joiner, a byte-order mark or a
word joiner in the middle of a text: none is seen by a reader, so none may split a figure.
The prose view keeps the source's length, so such a character cannot simply be dropped;
it is read as a character reference is (numcheck.markup.references): as an empty reading,
with what is written right after it moved up beside what is before it and the padding put
after that ("12\u200b0 km" reads "120 km" and a space). Its place is kept, so a figure's
span, and a fix, cover it where it stands.
"""

from __future__ import annotations

import html
import re

# zero-width space, non-joiner and joiner, soft hyphen, word joiner, zero-width no-break space (BOM)
INVISIBLE = "\u200b\u200c\u200d\u00ad\u2060\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_ONLY_INVISIBLE = re.compile(f"[{INVISIBLE}]+")
# an invisible character, or what may be a character reference to one
_WRITTEN = re.compile(f"[{INVISIBLE}]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")

__all__ = ["INVISIBLE", "invisible", "has_invisible", "has_written_invisible", "find_invisible", "strip_invisible"]


def invisible(text: str) -> bool:
    """Is `text` (a reference's character, say) nothing but invisible characters?"""
    return bool(text) and _ONLY_INVISIBLE.fullmatch(text) is not None


def has_invisible(text: str) -> bool:
    return _INVISIBLE.search(text) is not None


def find_invisible(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Each invisible character of text[start:end] as a reference's reading: (start, end, "")."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text, start, end)]


def _is_invisible(written: str) -> bool:
    return invisible(written) or (written[0] == "&" and invisible(html.unescape(written)))


def strip_invisible(text: str) -> tuple[str, list[tuple[int, str]]]:
    r"""`text` without its invisible characters, written as themselves or as character
    references ("&shy;", "&#8203;"), and each with its place in that shorter text:
    "1\u00ad5%" -> ("15%", [(1, "\u00ad")]), "1&shy;5%" -> ("15%", [(1, "&shy;")])."""
    runs: list[tuple[int, str]] = []
    parts: list[str] = []
    last = removed = 0
    for m in _WRITTEN.finditer(text):
        if not _is_invisible(m.group()):
            continue
        parts.append(text[last:m.start()])
        runs.append((m.start() - removed, m.group()))
        removed += len(m.group())
        last = m.end()
    parts.append(text[last:])
    return "".join(parts), runs


def has_written_invisible(text: str) -> bool:
    """Does `text` hold an invisible character, as itself or as a character reference?"""
    return has_invisible(text) or ("&" in text and any(_is_invisible(m.group()) for m in _WRITTEN.finditer(text)))
