"""Reading a file the user's tree names, safely: a regular file of bounded size, never a FIFO,
a device or a file that never ends.

Every draft, config and reference table is read through `read_regular`, so a FIFO named
`draft.md` cannot hang a run or the language server, `/dev/zero` cannot fill memory, and a
2 GB file is refused before it is read. Kept free of other numcheck modules: every stage may
import it.
"""

from __future__ import annotations

import os
import stat

__all__ = ["FileRefused", "read_regular", "inside", "DRAFT_LIMIT", "CONFIG_LIMIT", "TABLE_LIMIT", "printable"]

MIB = 1024 * 1024
DRAFT_LIMIT = 100 * MIB  # the largest draft read; an archive is many files, not one
CONFIG_LIMIT = 1 * MIB  # numcheck.toml / pyproject.toml
TABLE_LIMIT = 256 * MIB  # a reference table (the World Bank's are a few MB)

_KINDS = (
    (stat.S_ISDIR, "is a folder, expected a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


class FileRefused(Exception):
    """A file numcheck will not read: `message` says why, without quoting its content."""

    def __init__(self, message: str, missing: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.missing = missing


def _size(n: int) -> str:
    return f"{n / MIB:.0f} MB" if n >= MIB else f"{n} bytes"


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or FileRefused.

    Opened without blocking (a FIFO opens at once and is then refused by fstat), and read
    to at most `limit` + 1 bytes, so a file whose size the system does not know (/proc) is
    bounded too."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefused("no such file", missing=True) from None
    except IsADirectoryError:
        raise FileRefused("is a folder, expected a file") from None
    except PermissionError:
        raise FileRefused("permission denied") from None
    except OSError as exc:
        raise FileRefused(f"cannot be read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        for test, message in _KINDS:
            if test(info.st_mode):
                raise FileRefused(message)
        if info.st_size > limit:
            raise FileRefused(f"is {_size(info.st_size)}, more than the {_size(limit)} numcheck reads")
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, min(limit + 1 - total, 4 * MIB) or 1)
            except OSError as exc:
                raise FileRefused(f"cannot be read: {exc.strerror or exc}") from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileRefused(f"is more than the {_size(limit)} numcheck reads")
        return b"".join(chunks)
    finally:
        os.close(fd)


def inside(path: str, folder: str) -> bool:
    """Is `path`, with every symbolic link resolved, inside `folder` (also resolved)?"""
    real = os.path.realpath(path)
    top = os.path.realpath(folder)
    try:
        return os.path.commonpath([real, top]) == top
    except ValueError:  # another drive (Windows)
        return False


def printable(text: str, limit: int = 60) -> str:
    """A short excerpt safe to print: control characters escaped, cut at `limit` characters."""
    out = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text[:limit])
    return out + ("..." if len(text) > limit else "")
