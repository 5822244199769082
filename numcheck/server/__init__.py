"""`numcheck server`: the language server (LSP over standard input and output) for editors.

Standard output carries the protocol and nothing else: the server writes its messages to
a duplicate of the original standard output, and file descriptor 1 and `sys.stdout` are
pointed at standard error, so a stray print (ours or a library's, even from C) lands in
the editor's log instead of corrupting the stream. Logging goes to standard error.

The process ends on `exit` (0 after `shutdown`, else 1), at the end of the input, and on
Ctrl-C (SIGINT: 130, quietly, from the first line here on), never waiting for a check.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from typing import NoReturn

__all__ = ["main"]


def _interrupted(signum: int, frame: object) -> None:
    os._exit(130)  # nothing to save; a KeyboardInterrupt would wait for the input thread and the checks


def main() -> NoReturn:
    """Serve until `exit`, the end of the input or Ctrl-C, then end the process (never returns)."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not if ignored (a background job)
        signal.signal(signal.SIGINT, _interrupted)
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="numcheck server: %(levelname)s: %(message)s")
    sys.stdout.flush()
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")  # pygls flushes after each message
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr

    from numcheck.server.app import build_server  # after the redirect: imports may print

    server = build_server()
    server.start_io(sys.stdin.buffer, protocol_out)  # returns at the end of the input (`exit` ends the process)
    server.end()
