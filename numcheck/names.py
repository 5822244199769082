r"""How a file name (or any text that may hold one) is written out: always encodable, one line.

A name from the file system need not be UTF-8: on Linux `café.md` saved as Latin-1 is the bytes
`caf\xe9.md`, which Python holds as the string "caf\udce9.md" (a surrogate escape), and which no
UTF-8 output can carry. Such a byte is shown as `\xe9`, as ruff and git show it. A name may also
hold a line break or an escape sequence: where one line is expected (the text and table
formats, messages on standard error, the HTML page), control characters are shown escaped
(`\n`, `\x1b`), so a name can neither break a line nor drive the terminal.

Kept free of other numcheck modules: `numcheck extract` imports it without the checks.
"""

from __future__ import annotations

import re

__all__ = ["shown", "encodable", "encodable_json"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSHOWABLE = re.compile("[\ud800-\udfff\x00-\x1f\x7f-\x9f\u2028\u2029]")
_UNSHOWABLE_BUT_TAB = re.compile("[\ud800-\udfff\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by the file system's decoding
        return f"\\x{code - 0xDC00:02x}"
    if ch in _NAMED:
        return _NAMED[ch]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str, tab: bool = False) -> str:
    """`text` on one line and encodable: bytes that were not UTF-8 as `\\xff`, control characters
    and line separators as `\\n`, `\\x1b`, `\\u2028` (a tab kept with `tab=True`). Text without
    them is returned as it is."""
    pattern = _UNSHOWABLE_BUT_TAB if tab else _UNSHOWABLE
    if pattern.search(text) is None:
        return text
    return pattern.sub(lambda m: _escape(m.group()), text)


def encodable(text: str) -> str:
    """`text` with only its surrogates (bytes that were not UTF-8) escaped, for outputs that keep
    line breaks and control characters as they are (CSV quotes them)."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda m: _escape(m.group()), text)


def encodable_json(document: str) -> str:
    """A JSON document (as `json.dumps(..., ensure_ascii=False)` writes it) with each surrogate
    written as the text `\\xff` (a backslash, escaped as JSON wants it), so the document encodes
    as UTF-8 and a reader gets the name as the other formats show it. A surrogate can stand only
    inside a JSON string, so this is a plain substitution."""
    if _SURROGATE.search(document) is None:
        return document
    return _SURROGATE.sub(lambda m: "\\" + _escape(m.group()), document)
