"""The document stage: paths in, checked UTF-8 text out, plus offset -> line/column.

Kept free of `numcheck.quantities` so reading and locating text never depends
on (or pays the import cost of) the extractor.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from numcheck.files import DRAFT_LIMIT, FileRefused, read_regular

PathArg = Union[str, os.PathLike]

# Suffixes picked up when a folder is given; a file named explicitly is read
# whatever its suffix, since the user asked for it.
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".rst", ".text", ".html", ".htm")
# Folders that hold tooling, not drafts; walking them is slow and noisy.
SKIPPED_DIRS: frozenset[str] = frozenset({".venv", "venv", "node_modules", "__pycache__"})
STDIN = "-"
STDIN_NAME = "<stdin>"

_TEXT_PROBE = 8192  # a NUL in the first 8 KB: a binary file, as git and grep call it (no line given)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class InputError(Exception):
    """A problem with what the user gave us (not a bug): reported as one line.

    Not a dataclass: frozen dataclass exceptions break when Python sets
    `__traceback__` on them in some code paths (contextlib, pytest.raises).
    """

    def __init__(self, path: PathArg, message: str, line: Optional[int] = None) -> None:
        self.path = os.fspath(path)
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return f"InputError(path={self.path!r}, message={self.message!r}, line={self.line!r})"


@dataclass(frozen=True)
class Document:
    """A text that was read successfully; `path` is how the user should see it."""

    path: str
    text: str


class LineIndex:
    """Maps a character offset to a 1-based (line, column).

    Columns count code points (Python `str` indices), not bytes and not the
    UTF-16 units some editors use. \\n, \\r\\n and a lone \\r each end a line,
    so a file from any platform numbers its lines as an editor would.
    """

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        # Built once per text; each lookup is then a bisect, not a rescan.
        self._starts: list[int] = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside text of length {self._length}")
        index = bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def decode(data: bytes, path: PathArg) -> str:
    """Bytes -> str, or an InputError that says what is wrong and where."""
    for boms, name in ((_UTF32_BOMS, "UTF-32"), (_UTF16_BOMS, "UTF-16")):
        # Checked before NULs: UTF-16 and UTF-32 text are full of them but are not "binary"; UTF-32
        # first, as its little-endian mark starts with UTF-16's.
        if data.startswith(boms):
            raise InputError(path, f"is {name} text; numcheck reads UTF-8 only (re-save the file as UTF-8)")
    # The whole file, not a first block as git and grep probe: a NUL anywhere is no text (and a
    # NUL after the first 8 KB would otherwise reach the reader); bytes.find runs at C speed.
    nul = data.find(b"\x00")
    if nul != -1:
        line = None
        if nul >= _TEXT_PROBE:  # a file that reads as text so far: the line helps find the NUL
            # counted as LineIndex counts lines (\n, \r\n and a lone \r), at C speed
            line = 1 + data.count(b"\n", 0, nul) + data.count(b"\r", 0, nul) - data.count(b"\r\n", 0, nul)
        raise InputError(path, f"looks like a binary file (NUL byte at byte {nul}); expected UTF-8 text", line=line)
    if data.startswith(_UTF8_BOM):
        # Dropped before decoding, so every offset refers to the returned string.
        data = data[len(_UTF8_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The prefix up to the bad byte is valid UTF-8, so count lines on it
        # with the same rules LineIndex uses.
        before = data[: exc.start].decode("utf-8")
        line, column = LineIndex(before).position(len(before))
        bad = data[exc.start]
        raise InputError(
            path, f"is not valid UTF-8 (byte 0x{bad:02X} at column {column}); re-save the file as UTF-8", line=line
        ) from None


def read_text(path: PathArg) -> str:
    """Read a file as UTF-8, line endings kept as they are: a regular file of at most
    DRAFT_LIMIT bytes (a FIFO, a device or a huge file is refused, never waited on)."""
    # Reading bytes and decoding ourselves keeps \r\n and \r untouched (like
    # newline="") and lets a decode error name the line.
    try:
        data = read_regular(path, DRAFT_LIMIT)
    except FileRefused as exc:
        raise InputError(path, exc.message) from None
    return decode(data, path)


def read_stdin() -> str:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(STDIN_NAME, "standard input is not available")
    data = stream.read(DRAFT_LIMIT + 1)
    if len(data) > DRAFT_LIMIT:
        raise InputError(STDIN_NAME, f"is more than the {DRAFT_LIMIT // (1024 * 1024)} MB numcheck reads")
    return decode(data, STDIN_NAME)


def _is_text_file(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(TEXT_SUFFIXES)


def _walk(folder: str) -> tuple[list[str], list[InputError]]:
    found: list[tuple[tuple[str, ...], str]] = []
    errors: list[InputError] = []

    def on_error(exc: OSError) -> None:
        errors.append(InputError(exc.filename or folder, f"cannot read folder: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        # Pruned in place so os.walk never descends into them.
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in files:
            if _is_text_file(name):
                full = os.path.join(root, name)
                found.append((Path(os.path.relpath(full, folder)).parts, full))
    # Sorting on path parts gives the same order on every platform and run.
    found.sort()
    return [full for _, full in found], errors


def expand_paths(paths: Iterable[PathArg]) -> list[Union[str, InputError]]:
    """Expand folders into the text files under them, keeping the given order.

    Each entry is a path to read or an InputError for a folder that cannot be
    used, so a caller reports that one and carries on with the rest. Files (and
    "-" for stdin) are passed through untouched; whether they can be read is
    `read_text`'s business.
    """
    expanded: list[Union[str, InputError]] = []
    stdin_seen = False
    for given in paths:
        path = os.fspath(given)
        if path == STDIN:
            if stdin_seen:
                continue  # standard input can be read once: "-" twice is one document
            stdin_seen = True
        if path != STDIN and os.path.isdir(path):
            files, errors = _walk(path)
            expanded.extend(errors)
            if files:
                expanded.extend(files)
            elif not errors:
                patterns = ", ".join("*" + s for s in TEXT_SUFFIXES)
                expanded.append(InputError(path, f"folder has no text files ({patterns})"))
        else:
            expanded.append(path)
    return expanded


def iter_documents(paths: Iterable[PathArg]) -> Iterator[Union[Document, InputError]]:
    """Each path's document (folders expanded, "-" is standard input), or the error that
    stopped it, in order, one file read at a time."""
    for entry in expand_paths(paths):
        if isinstance(entry, InputError):
            yield entry
            continue
        try:
            if entry == STDIN:
                yield Document(STDIN_NAME, read_stdin())
            else:
                yield Document(os.fspath(entry), read_text(entry))
        except InputError as exc:
            yield exc


def read_documents(paths: Iterable[PathArg]) -> tuple[list[Document], list[InputError]]:
    """Read every path (folders expanded); bad ones come back as errors, in order."""
    documents: list[Document] = []
    errors: list[InputError] = []
    for item in iter_documents(paths):
        (errors if isinstance(item, InputError) else documents).append(item)
    return documents, errors


# --- sentences ----------------------------------------------------------------------------

# Where one sentence ends and the next begins: after . ! ? (and a closing quote or bracket) and
# space, before a capital or a digit; at a blank line; before a Markdown heading, list item,
# table row or quote. One rule for the extractor's filter and the claims stage's context.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[#*\-|>])")


# --- Markdown front matter ----------------------------------------------------------------

_FRONT_START = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_DATE_LINE = re.compile(r"^date[ \t]*:[ \t]*[\"']?([^\"'\r\n]*?)[\"']?[ \t]*\r?$", re.M)


class FrontMatterError(ValueError):
    """A front matter `date:` that is not a date; `line` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def split_front_matter(text: str) -> tuple[int, "datetime.date | None"]:
    """Where the body starts after a `---` front matter block, and its `date:` if any.

    The date may carry a time ("2015-10-07T12:00:00Z"); only the day is kept.
    A front matter without a closing `---` is not front matter.
    """
    m = _FRONT_START.match(text)
    if not m:
        return 0, None
    end = _FRONT_END.search(text, m.end())
    if not end:
        return 0, None
    body = text.find("\n", end.start())
    body = len(text) if body < 0 else body + 1
    block = text[m.end():end.start()]
    dm = _DATE_LINE.search(block)
    if not dm:
        return body, None
    raw = dm.group(1).strip()
    line = text.count("\n", 0, m.end() + dm.start()) + 1
    try:
        return body, datetime.date.fromisoformat(raw[:10])
    except ValueError:
        raise FrontMatterError(line, f"front matter date {raw!r} is not a date (YYYY-MM-DD)") from None
