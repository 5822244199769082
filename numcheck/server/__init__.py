"""`numcheck server`: the language server (LSP over standard input and output) for editors.

Standard output carries the protocol and nothing else: the server writes its messages to
a duplicate of the original standard output, and file descriptor 1 and `sys.stdout` are
pointed at standard error, so a stray print (ours or a library's, even from C) lands in
the editor's log instead of corrupting the stream. Logging goes to standard error.
"""

from __future__ import annotations

import logging
import os
import sys

__all__ = ["main"]


def main() -> int:
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="numcheck server: %(levelname)s: %(message)s")
    sys.stdout.flush()
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")  # pygls flushes after each message
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr

    from numcheck.server.app import build_server  # after the redirect: imports may print

    build_server().start_io(sys.stdin.buffer, protocol_out)
    return 0
