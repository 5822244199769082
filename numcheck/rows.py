"""One flat row per quantity: the single shape behind the CLI output and the DataFrame.

Both surfaces build rows here so their columns and values cannot drift apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Iterable, Optional

from numcheck.document import Document, LineIndex

if TYPE_CHECKING:  # only for annotations; the CLI imports the extractor lazily anyway
    from numcheck.quantities.model import Quantity


@dataclass(frozen=True)
class Row:
    file: str
    line: int  # 1-based, of the quantity's first character
    column: int  # 1-based, in code points
    surface: str  # the text as written: source[start:end]
    value: float
    high: Optional[float]
    unit: Optional[str]
    kind: str
    qualifier: str
    noun: Optional[str]

    def as_dict(self) -> dict:
        # Not dataclasses.asdict: that deep-copies every field, and the CLI
        # calls this once per row of a whole corpus.
        return {name: getattr(self, name) for name in COLUMNS}


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Row))


def quantity_rows(file: str, text: str, quantities: Iterable["Quantity"]) -> list[Row]:
    """Rows for quantities already extracted from `text`."""
    index = LineIndex(text)
    rows = []
    for q in quantities:
        line, column = index.position(q.start)
        rows.append(
            Row(
                file=file,
                line=line,
                column=column,
                surface=q.text,
                # float() so an extractor handing back an int still gives the
                # documented number type in every output format.
                value=float(q.value),
                high=None if q.high is None else float(q.high),
                unit=q.unit,
                kind=q.kind,
                qualifier=q.qualifier,
                noun=q.noun,
            )
        )
    return rows


def document_rows(document: Document) -> list[Row]:
    """Extract a document's quantities, from its prose as `check` reads it (no code blocks, URLs,
    tags or front matter), and flatten them into rows."""
    from numcheck.document import FrontMatterError, split_front_matter
    from numcheck.markup import in_source, read_prose
    from numcheck.quantities import extract  # deferred: keeps `import numcheck.rows` light

    try:
        front = split_front_matter(document.text)[0]
    except FrontMatterError:
        front = 0  # a bad front matter date is `check`'s to report; extract lists what it reads
    prose = read_prose(document.text, document.path, front)
    return quantity_rows(document.path, document.text, in_source(extract(prose.view), prose.references))


def format_number(number: Optional[float]) -> str:
    """Compact, exact text for a value: 26.0 -> "26", 2.5e9 -> "2500000000", None -> ""."""
    if number is None:
        return ""
    if math.isfinite(number) and number == int(number) and abs(number) < 2**53:
        # Integral floats below 2**53 print exactly as integers.
        return str(int(number))
    return repr(float(number))
