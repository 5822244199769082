"""numcheck: reads the figures in a prose draft and checks them.

The Python API is the contract the CLI, the language server and outside
callers share: `extract(text)` returns the quantities in text order.
"""

from numcheck.quantities import KINDS, QUALIFIERS, Quantity, extract

__version__ = "0.1.0"
__all__ = ["extract", "Quantity", "KINDS", "QUALIFIERS", "__version__"]
