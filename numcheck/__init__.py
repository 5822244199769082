"""numcheck: reads the figures in a prose draft and checks them.

The Python API is the contract the CLI, the language server and outside
callers share: `extract(text)` returns the quantities in text order;
`check_text(text)` runs the rules over them, and `check_in_context(text, path)`
does so with the config and reference tables in force for `path` (see `numcheck.api`).
"""

from numcheck.quantities import KINDS, QUALIFIERS, Quantity, extract

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
