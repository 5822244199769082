"""Quantities as a pandas DataFrame, for notebooks and analysis.

pandas is imported inside the functions: it costs about half a second, and
the CLI (which never needs it) must start in well under that.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterable, Union

from numcheck.document import InputError, PathArg, read_documents
from numcheck.rows import COLUMNS, Row, document_rows

if TYPE_CHECKING:
    import pandas as pd

# Fixed dtypes so an empty frame has the same schema as a full one.
_DTYPES = {"line": "int64", "column": "int64", "value": "float64", "high": "float64"}


def quantities_frame(rows: Iterable[Row]) -> "pd.DataFrame":
    """One DataFrame row per `Row`, columns in `numcheck.rows.COLUMNS` order."""
    import pandas as pd

    frame = pd.DataFrame.from_records([row.as_dict() for row in rows], columns=list(COLUMNS))
    return frame.astype(_DTYPES)


def extract_frame(paths: Union[PathArg, Iterable[PathArg]]) -> "pd.DataFrame":
    """Read files (folders are walked for text files) and extract their quantities.

    A single str or PathLike is one path, never text to parse. Raises
    InputError for the first path that cannot be read: an API caller gets an
    exception, where the CLI reports every bad path and carries on.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    documents, errors = read_documents(paths)
    if errors:
        raise errors[0]
    return quantities_frame(row for document in documents for row in document_rows(document))


__all__ = ["quantities_frame", "extract_frame", "InputError"]
