"""numcheck: reads the figures in a prose draft and checks them.

The Python API is the contract the CLI, the language server and outside
callers share: `extract(text)` returns the quantities in text order;
`check_text(text)` runs the rules over them, and `check_in_context(text, path)`
does so with the config and reference tables in force for `path` (see `numcheck.api`).
"""

import os as _os
import signal as _signal
import sys as _sys


def _run_as_program() -> bool:
    """Is numcheck the program being run (the console script, or `python -m numcheck`), not a
    library some other program imports?"""
    argv = list(getattr(_sys, "orig_argv", _sys.argv))
    as_module = any(a == "-m" and b == "numcheck" for a, b in zip(argv, argv[1:]))
    return as_module or _os.path.basename(_sys.argv[0] if _sys.argv else "") == "numcheck"


if _run_as_program():
    # Ctrl-C while numcheck's modules load ends the run at once with 130 and no traceback, as it
    # does once the command runs; `numcheck.cli.main` puts Python's own handler back as it starts
    _signal.signal(_signal.SIGINT, lambda signum, frame: _os._exit(130))

from numcheck.quantities import KINDS, QUALIFIERS, Quantity, extract  # noqa: E402

__version__ = "0.1.0"
__all__ = [
    "extract", "extract_frame", "check_text", "check_paths", "check_in_context", "CheckResult",
    "Quantity", "KINDS", "QUALIFIERS", "__version__",
]
_API = ("check_text", "check_paths", "check_in_context", "CheckResult")


def __getattr__(name: str):
    # Loaded on first use: the frame module is cheap, but keeping it out of
    # `import numcheck` keeps the CLI's import path to what it needs; the
    # checks likewise load only when asked for.
    if name == "extract_frame":
        from numcheck.frame import extract_frame

        return extract_frame
    if name in _API:
        from numcheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'numcheck' has no attribute {name!r}")


def __dir__() -> list:
    return sorted(set(globals()) | {"extract_frame", *_API})
