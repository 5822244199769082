"""Offsets in a text (Python code points, as numcheck reports them) to LSP positions and back.

LSP counts columns in the code units of the encoding agreed at initialize: UTF-16 unless
the client offers another. A character outside the Basic Multilingual Plane (an emoji) is
one code point but two UTF-16 units, so every column after it on its line differs by one.
Lines end at \\n, \\r\\n or a lone \\r, as the protocol says (and as numcheck's `LineIndex`
counts them); Python's `str.splitlines` also breaks at \\x0c, \\u2028 and more, so it is
not used.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CODECS = {"utf-16": "utf-16-le", "utf-8": "utf-8"}  # utf-32: a unit is a code point


class PositionMap:
    """One text's line starts, built once, so each conversion is a bisect and a slice."""

    __slots__ = ("text", "encoding", "_starts", "_ends")

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        breaks = list(_LINE_BREAK.finditer(text))
        self._starts = [0] + [m.end() for m in breaks]
        self._ends = [m.start() for m in breaks] + [len(text)]  # where each line's own text ends

    def _units(self, chars: str) -> int:
        codec = _CODECS.get(self.encoding)
        if codec is None or chars.isascii():
            return len(chars)
        size = len(chars.encode(codec, "surrogatepass"))
        return size // 2 if codec == "utf-16-le" else size

    def line_of(self, offset: int) -> int:
        """0-based line holding `offset`."""
        return bisect_right(self._starts, max(0, min(offset, len(self.text)))) - 1

    def line_text(self, line: int) -> str:
        """A line without its line break."""
        return self.text[self._starts[line]:self._ends[line]]

    def line_break(self, line: int) -> str:
        """The break ending `line`: "" for the last line."""
        return self.text[self._ends[line]:self._starts[line + 1]] if line + 1 < len(self._starts) else ""

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_range(self, line: int) -> types.Range:
        """A whole line, without its line break."""
        end = self._starts[line] + len(self.line_text(line))
        return types.Range(start=types.Position(line=line, character=0), end=self.position(end))

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self._starts[line]
        # an offset inside a \r\n (never a finding's edge) is put at the end of its line
        return types.Position(line=line, character=self._units(self.text[start:min(offset, self._ends[line])]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(max(start, end)))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of an LSP position; past a line's end is its end (as LSP says)."""
        if position.line < 0:
            return 0
        if position.line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[position.line], self._ends[position.line]
        if self._units(self.text[start:end]) == end - start:  # one unit per code point on this line
            return min(start + max(0, position.character), end)
        units = 0
        for i in range(start, end):
            if units >= position.character:
                return i
            units += self._units(self.text[i])
        return end
