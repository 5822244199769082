"""Command line: `numcheck extract`, `numcheck check`, `numcheck rules`, `numcheck rule CODE`.

Thin on purpose: reading is `numcheck.document`, rows are `numcheck.rows`,
checking is `numcheck.api` and its output `numcheck.report`; this module only
parses arguments, renders and sets the exit status.
Startup matters (a small file must take < 0.5 s for the whole process), so
nothing here imports pandas or quantulum3.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import datetime as dt
import math
import os
import re
import signal
import sys
import threading
from typing import Iterable, Iterator, Optional, Sequence

from numcheck.document import InputError, iter_documents
from numcheck.names import encodable, encodable_json, shown
from numcheck.rows import COLUMNS, Row, format_number, iter_document_rows

PROG = "numcheck"
JSON_VERSION = 1  # bump when the shape of the json output changes
EXIT_OK = 0
EXIT_FINDINGS = 1  # `check`: something at or above --fail-on
EXIT_INPUT_ERROR = 2  # same status argparse uses for a bad command line
FAIL_ON = ("error", "warning", "info", "never")
CHECK_FORMATS = ("text", "json", "sarif", "github", "html")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

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
        "*.txt, *.md, *.markdown, *.rst, *.text, *.html and *.htm files; '-' reads standard input.",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    extract.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)"
    )

    check = commands.add_parser(
        "check",
        help="check the figures in text files against each other",
        description="Run every rule over each draft and report the findings. Folders are searched "
        "as for 'extract'; '-' reads standard input. Exit status: 0 when no finding is at or above "
        "--fail-on, 1 when one is, 2 for a usage error or a file that cannot be read.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    check.add_argument("--format", choices=CHECK_FORMATS, default="text",
                       help="output format: text, json, sarif (code scanning), github (workflow annotations) "
                       "or html (one self-contained page) (default: text)")
    check.add_argument(
        "--fail-on", choices=FAIL_ON, default=None, help="lowest severity that makes the exit status 1 "
        "(default: the config's fail-on, else error; never: always 0 unless input fails)"
    )
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 whatever is found (for report-only runs); input errors still exit 2")
    check.add_argument(
        "--min-severity", choices=("error", "warning", "info"), default="info",
        help="the lowest severity shown (default: info, everything); what fails is --fail-on's business"
    )
    check.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the drafts' date, for rules that read 'last year' or ages "
        "(overrides a front matter date:)"
    )
    check.add_argument(
        "--reference", action="append", metavar="PATH", default=None,
        help="a reference table or a folder of them (repeatable); without it, the config's reference, "
        "else reference/ beside the draft or in the working folder, is used when present"
    )
    check.add_argument("--show-verified", action="store_true",
                       help="list the figures a reference table confirms")
    check.add_argument("--show-unmatched", action="store_true",
                       help="list the figures no reference row matched (with reference tables in use)")
    check.add_argument(
        "--hedge-tolerance", type=_tolerance, default=None, metavar="FRACTION",
        help="how far a hedged figure ('about 40%%', 'nearly 2 million') may be from the arithmetic, "
        "as a fraction of the figure (default: the config's, else 0.10)"
    )
    check.add_argument("--select", type=_code_list, metavar="CODES", default=None,
                       help="only these rules: codes, prefixes or names, comma-separated (NC1,NC301)")
    check.add_argument("--ignore", type=_code_list, metavar="CODES", default=None,
                       help="leave out these rules: codes, prefixes or names, comma-separated")
    _config_option(check)
    check.add_argument("--stdin-filename", metavar="NAME", default=None,
                       help="the file name standard input ('-') stands for: picks its markup (.md, .html), "
                       "its config and how it is reported")
    check.add_argument("--force-exclude", action="store_true",
                       help="apply the config's exclude also to files named on the command line "
                       "(for pre-commit, which names every file)")

    commands.add_parser("rules", help="list the rules", description="List every rule: code, name, "
                        "default severity and summary.")
    rule = commands.add_parser("rule", help="show a rule's documentation",
                               description="Show a rule's documentation, with its example run.")
    rule.add_argument("rule", metavar="CODE", help="a rule code (NC101) or name (ratio-percent)")
    config = commands.add_parser("config", help="show the settings in force and where each came from",
                                 description="Print the settings that apply to PATH (default: the "
                                 "working folder) and the file or option each came from.")
    config.add_argument("path", nargs="?", default=".", metavar="PATH", help="a draft or folder")
    _config_option(config)
    commands.add_parser("server", help="run the language server (LSP over stdio)",
                        description="Speak the Language Server Protocol over standard input and output, "
                        "for editors: diagnostics, hovers and quick fixes.")
    return parser


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", default=None,
                        help="use this numcheck.toml or pyproject.toml, not the one closest to each draft")


def _code_list(text: str) -> tuple[str, ...]:
    codes = tuple(c.strip() for c in text.split(",") if c.strip())
    if not codes:
        raise argparse.ArgumentTypeError(f"{text!r} names no rule")
    return codes


def main(argv: Optional[Sequence[str]] = None) -> int:
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler and \
            threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)  # numcheck/__init__.py's start-up handler ends here
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: return, don't exit
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_INPUT_ERROR)
    except KeyboardInterrupt:  # Ctrl-C before the command starts: as quiet as during it
        return 130
    try:
        if args.command == "check":
            from numcheck.cli_check import run_check

            return run_check(args)
        if args.command == "config":
            from numcheck.cli_check import run_config

            return run_config(args.path, args.config)
        if args.command == "rules":
            return run_rules()
        if args.command == "rule":
            return run_rule(args.rule)
        if args.command == "server":
            from numcheck.server import main as serve

            return serve()
        return run_extract(args.paths, args.format)
    except KeyboardInterrupt:
        return 130


def _error(message: str) -> None:
    # one line, whatever a file name holds (a line break, an escape sequence, a byte that is not UTF-8)
    print(f"{PROG}: error: {shown(message)}", file=sys.stderr)


def parse_date(text: str) -> dt.date:
    """A --date value: exactly YYYY-MM-DD (fromisoformat alone would take "20151007")."""
    try:
        if _ISO_DAY.fullmatch(text.strip()):
            return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise ValueError(f"--date: {text!r} is not a date (expected YYYY-MM-DD)")


def is_terminal(stream) -> bool:
    """Is `stream` a terminal? False for a closed, replaced or file-less stream."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def use_colour(stream) -> bool:
    """ANSI colour only for a terminal, and never when NO_COLOR is set (to any value)."""
    return "NO_COLOR" not in os.environ and is_terminal(stream)


def _tolerance(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a fraction between 0 and 1 (0.1 is 10%)")
    return value


def run_rules() -> int:
    from numcheck.rules import RULES
    from numcheck.report.text import render_rule_list

    _write(render_rule_list(RULES), utf8_bytes=False)
    return EXIT_OK


def run_rule(key: str) -> int:
    from numcheck.rules import find_rule
    from numcheck.report.text import render_rule

    rule = find_rule(key)
    if rule is None:
        _error(f"unknown rule {key!r} (see '{PROG} rules')")
        return EXIT_INPUT_ERROR
    _write(render_rule(rule), utf8_bytes=False)
    return EXIT_OK


def run_extract(paths: Sequence[str], fmt: str) -> int:
    """Write the rows of every file as they are produced (json and csv), file by file and part by
    part (numcheck.rows.iter_document_rows), so a 20 MB draft never sits in memory as one list of
    figures or one string of output; the table, whose column widths need every row, is written
    at the end."""
    out = _Output(utf8_bytes=fmt != "table")
    errors = 0
    table: list[list[str]] = []
    first = True
    if fmt == "json":
        out.write('{\n  "version": %d,\n  "quantities": [' % JSON_VERSION)
    elif fmt == "csv":
        out.write(_csv_lines([list(COLUMNS)]))
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            _error(str(item))
            errors += 1
            continue
        for batch in _batches(iter_document_rows(item)):
            if fmt == "json":
                out.write("".join((("\n" if first and k == 0 else ",\n") + _json_row(row))
                                  for k, row in enumerate(batch)))
                first = False
            elif fmt == "csv":
                out.write(_csv_lines(_cells(row) for row in batch))
            else:
                table.extend(_cells(row) for row in batch)
            if out.closed:  # the reader has gone (`| head`): stop reading
                return EXIT_INPUT_ERROR if errors else EXIT_OK
    if fmt == "json":
        out.write("]\n}\n" if first else "\n  ]\n}\n")
    elif fmt == "table":
        out.write(_table_text(table))
    return EXIT_INPUT_ERROR if errors else EXIT_OK


def _batches(rows: Iterator[Row], size: int = 2000) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _json_row(row: Row) -> str:
    """One row as `json.dumps` writes it inside the document, indented two levels."""
    record = row.as_dict()
    for key in ("value", "high"):
        # JSON has no NaN/inf; null is the honest "no usable number".
        if record[key] is not None and not math.isfinite(record[key]):
            record[key] = None
    text = json.dumps(record, ensure_ascii=False, indent=2)
    return encodable_json("    " + text.replace("\n", "\n    "))


def _csv_lines(rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return encodable(buffer.getvalue())


def _table_text(table: list[list[str]]) -> str:
    # A surface can span a line break; one table row must stay one line, and a file name or a
    # figure holds no control character that would move the terminal.
    table = [list(COLUMNS)] + [[shown(" ".join(cell.split())) for cell in cells] for cells in table]
    widths = [max(len(r[i]) for r in table) for i in range(len(COLUMNS))]
    lines = []
    for cells in table:
        padded = [
            cell.rjust(width) if name in _NUMERIC else cell.ljust(width)
            for name, cell, width in zip(COLUMNS, cells, widths)
        ]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


def render_json(rows: Sequence[Row]) -> str:
    """The json output of `rows`, whole (what `numcheck extract --format json` writes piece by piece)."""
    if not rows:
        return '{\n  "version": %d,\n  "quantities": []\n}\n' % JSON_VERSION
    body = ",\n".join(_json_row(row) for row in rows)
    return '{\n  "version": %d,\n  "quantities": [\n%s\n  ]\n}\n' % (JSON_VERSION, body)


def render_csv(rows: Sequence[Row]) -> str:
    return _csv_lines([list(COLUMNS)]) + _csv_lines(_cells(row) for row in rows)


def render_table(rows: Sequence[Row]) -> str:
    return _table_text([_cells(row) for row in rows])


RENDERERS = {"table": render_table, "json": render_json, "csv": render_csv}


def _cells(row: Row) -> list[str]:
    cells = []
    for name, value in row.as_dict().items():
        if name in ("value", "high"):
            cells.append(format_number(value))
        else:
            cells.append("" if value is None else str(value))
    return cells


class _Output:
    """Standard output, written piece by piece: UTF-8 bytes for the data formats, whatever the
    console's code page; a character a terminal cannot show gets a stand-in, not a traceback;
    and when the reader leaves (`numcheck extract ... | head`) writing stops quietly (`closed`)."""

    def __init__(self, utf8_bytes: bool) -> None:
        self.stream = sys.stdout
        self.buffer = getattr(self.stream, "buffer", None) if utf8_bytes else None
        self.closed = False
        if self.buffer is not None:
            try:
                self.stream.flush()
            except (BrokenPipeError, ValueError, OSError):
                pass

    def write(self, text: str) -> None:
        if self.closed or not text:
            return
        try:
            if self.buffer is not None:
                self.buffer.write(text.encode("utf-8"))
                self.buffer.flush()
                return
            try:
                self.stream.write(text)
            except UnicodeEncodeError:
                encoding = getattr(self.stream, "encoding", None) or "ascii"
                self.stream.write(text.encode(encoding, "replace").decode(encoding))
            self.stream.flush()
        except BrokenPipeError:
            self.closed = True
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self.stream.fileno())
            except (OSError, ValueError, io.UnsupportedOperation):
                pass


def _write(text: str, utf8_bytes: bool) -> None:
    _Output(utf8_bytes).write(text)


if __name__ == "__main__":
    sys.exit(main())
