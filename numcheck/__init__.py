"""numcheck: reads the figures in a prose draft and checks them.

The Python API is the contract the CLI, the language server and outside
callers share: `extract(text)` returns the quantities in text order.
"""

from numcheck.quantities import KINDS, QUALIFIERS, Quantity, extract

__version__ = "0.1.0"
__all__ = ["extract", "extract_frame", "Quantity", "KINDS", "QUALIFIERS", "__version__"]


def __getattr__(name: str):
    # Loaded on first use: the frame module is cheap, but keeping it out of
    # `import numcheck` keeps the CLI's import path to what it needs.
    if name == "extract_frame":
        from numcheck.frame import extract_frame

        return extract_frame
    raise AttributeError(f"module 'numcheck' has no attribute {name!r}")


def __dir__() -> list:
    return sorted(set(globals()) | {"extract_frame"})
