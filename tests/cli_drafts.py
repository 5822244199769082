"""Drafts and helpers the configuration, suppression and CLI option tests share."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from numcheck.cli import main

WRONG = "Of the 800 applicants, 120 (12%) were accepted.\n"  # NC101 error on "12%"
WARNS = "Three tankers were seized on Monday. Officials said the four seized tankers would be released.\n"  # NC201
HEDGED = "Customs checked 70 percent of the 3 million containers, about 2.6 million.\n"  # NC108 (hedged)
BOTH = WRONG + "\n" + WARNS  # an NC101 error and an NC201 warning
ATLANTIS_WRONG = "Atlantis had 3 million people in 2020.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "numcheck", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=60)


def run_on_a_terminal(args: list[str], cwd: Path, stream: str = "stdout",
                      env: dict[str, str] | None = None) -> tuple[int, bytes, bytes]:
    """Run numcheck with `stream` ("stdout" or "stderr") on a pseudo-terminal of 80 columns and the
    other on a pipe: (status, what the pipe got, what the terminal got). The terminal is read while
    the run goes on, so the run never blocks on a full buffer."""
    import fcntl
    import os
    import struct
    import termios
    import threading

    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO once the terminal is closed
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    terminal = {stream: follower}
    piped = "stderr" if stream == "stdout" else "stdout"
    try:
        proc = subprocess.run([sys.executable, "-m", "numcheck", *args], cwd=cwd, env=env, timeout=60,
                              **terminal, **{piped: subprocess.PIPE})
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    return proc.returncode, getattr(proc, piped), b"".join(chunks)


def check_json(capsys, *args: str) -> tuple[int, dict | None, str]:
    """`numcheck check ARGS --format json` in-process: status, the parsed report (None when
    nothing was printed) and stderr."""
    status = main(["check", *args, "--format", "json"])
    out, err = capsys.readouterr()
    return status, (json.loads(out) if out else None), err
