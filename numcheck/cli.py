"""Command line: `numcheck extract PATH... [--format table|json|csv]`.

Thin on purpose: reading is `numcheck.document`, rows are `numcheck.rows`;
this module only parses arguments, renders rows and sets the exit status.
Startup matters (a small file must take < 0.5 s for the whole process), so
nothing here imports pandas or quantulum3.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import sys
from typing import Optional, Sequence

from numcheck.document import read_documents
from numcheck.rows import COLUMNS, Row, document_rows, format_number

PROG = "numcheck"
JSON_VERSION = 1  # bump when the shape of the json output changes
EXIT_OK = 0
EXIT_INPUT_ERROR = 2  # same status argparse uses for a bad command line

_NUMERIC = frozenset({"line", "column", "value", "high"})


def build_parser() -> argparse.ArgumentParser:
    from numcheck import __version__

    parser = argparse.ArgumentParser(
        prog=PROG, description="Read the figures in a prose draft and check them."
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract",
        help="list the quantities found in text files",
        description="List every quantity found, one row each. Folders are searched for "
        "*.txt, *.md, *.markdown, *.rst and *.text files; '-' reads standard input.",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    extract.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)"
    )
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: return, don't exit
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_INPUT_ERROR)
    try:
        # Only one command so far; argparse has already rejected any other.
        return run_extract(args.paths, args.format)
    except KeyboardInterrupt:
        return 130


def run_extract(paths: Sequence[str], fmt: str) -> int:
    documents, errors = read_documents(paths)
    for error in errors:
        print(f"{PROG}: error: {error}", file=sys.stderr)
    rows = [row for document in documents for row in document_rows(document)]
    # Rendered whole before anything is written, so a failure part-way never
    # leaves half an output behind.
    output = RENDERERS[fmt](rows)
    _write(output, utf8_bytes=fmt != "table")
    return EXIT_INPUT_ERROR if errors else EXIT_OK


def render_json(rows: Sequence[Row]) -> str:
    quantities = []
    for row in rows:
        record = row.as_dict()
        for key in ("value", "high"):
            # JSON has no NaN/inf; null is the honest "no usable number".
            if record[key] is not None and not math.isfinite(record[key]):
                record[key] = None
        quantities.append(record)
    return json.dumps({"version": JSON_VERSION, "quantities": quantities}, ensure_ascii=False, indent=2) + "\n"


def render_csv(rows: Sequence[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(_cells(row))
    return buffer.getvalue()


def render_table(rows: Sequence[Row]) -> str:
    # A surface can span a line break; one table row must stay one line.
    table = [list(COLUMNS)] + [[" ".join(cell.split()) for cell in _cells(row)] for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(COLUMNS))]
    lines = []
    for cells in table:
        padded = [
            cell.rjust(width) if name in _NUMERIC else cell.ljust(width)
            for name, cell, width in zip(COLUMNS, cells, widths)
        ]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


RENDERERS = {"table": render_table, "json": render_json, "csv": render_csv}


def _cells(row: Row) -> list[str]:
    cells = []
    for name, value in row.as_dict().items():
        if name in ("value", "high"):
            cells.append(format_number(value))
        else:
            cells.append("" if value is None else str(value))
    return cells


def _write(text: str, utf8_bytes: bool) -> None:
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    try:
        if utf8_bytes and buffer is not None:
            # json and csv are data: always UTF-8, whatever the console's code page.
            stream.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()
            return
        try:
            stream.write(text)
        except UnicodeEncodeError:
            # A terminal that cannot show a character gets a stand-in, not a traceback.
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(text.encode(encoding, "replace").decode(encoding))
        stream.flush()
    except BrokenPipeError:
        # `numcheck extract ... | head`: the reader left; stop quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass


if __name__ == "__main__":
    sys.exit(main())
