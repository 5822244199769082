"""The extract stage: text in, `Quantity` list out (see `extract`)."""

from numcheck.quantities.extract import extract
from numcheck.quantities.model import KINDS, QUALIFIERS, Quantity

__all__ = ["extract", "Quantity", "KINDS", "QUALIFIERS"]
