"""The tables stage: figures checked against reference tables of known facts."""

from numcheck.tables.load import load_references, references_from_csv
from numcheck.tables.model import Fact, References, TableError

__all__ = ["load_references", "references_from_csv", "Fact", "References", "TableError"]
