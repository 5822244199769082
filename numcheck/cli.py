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
import sys
from typing import Optional, Sequence

from numcheck.document import read_documents
from numcheck.rows import COLUMNS, Row, document_rows, format_number

PROG = "numcheck"
JSON_VERSION = 1  # bump when the shape of the json output changes
EXIT_OK = 0
EXIT_FINDINGS = 1  # `check`: something at or above --fail-on
EXIT_INPUT_ERROR = 2  # same status argparse uses for a bad command line
FAIL_ON = ("error", "warning", "info", "never")
CHECK_FORMATS = ("text", "json", "sarif", "github")
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
        "*.txt, *.md, *.markdown, *.rst and *.text files; '-' reads standard input.",
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
                       help="output format: text, json, sarif (code scanning) or github (workflow annotations) "
                       "(default: text)")
    check.add_argument(
        "--fail-on", choices=FAIL_ON, default="error", help="lowest severity that makes the exit status 1 "
        "(default: error; never: always 0 unless input fails)"
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
        help="a reference table or a folder of them (repeatable); without it, reference/ beside the "
        "draft or in the working folder is used when present"
    )
    check.add_argument("--show-verified", action="store_true",
                       help="list the figures a reference table confirms")
    check.add_argument("--show-unmatched", action="store_true",
                       help="list the figures no reference row matched (with reference tables in use)")
    check.add_argument(
        "--hedge-tolerance", type=_tolerance, default=0.10, metavar="FRACTION",
        help="how far a hedged figure ('about 40%%', 'nearly 2 million') may be from the arithmetic, "
        "as a fraction of the figure (default: 0.10)"
    )

    commands.add_parser("rules", help="list the rules", description="List every rule: code, name, "
                        "default severity and summary.")
    rule = commands.add_parser("rule", help="show a rule's documentation",
                               description="Show a rule's documentation, with its example run.")
    rule.add_argument("rule", metavar="CODE", help="a rule code (NC101) or name (ratio-percent)")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: return, don't exit
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_INPUT_ERROR)
    try:
        if args.command == "check":
            return run_check(args.paths, args.format, "never" if args.exit_zero else args.fail_on, args.date,
                             args.hedge_tolerance, args.reference, args.show_verified, args.show_unmatched,
                             args.min_severity)
        if args.command == "rules":
            return run_rules()
        if args.command == "rule":
            return run_rule(args.rule)
        return run_extract(args.paths, args.format)
    except KeyboardInterrupt:
        return 130


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def parse_date(text: str) -> dt.date:
    """A --date value: exactly YYYY-MM-DD (fromisoformat alone would take "20151007")."""
    try:
        if _ISO_DAY.fullmatch(text.strip()):
            return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise ValueError(f"--date: {text!r} is not a date (expected YYYY-MM-DD)")


def use_colour(stream) -> bool:
    """ANSI colour only for a terminal, and never when NO_COLOR is set (to any value)."""
    if "NO_COLOR" in os.environ:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _tolerance(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a fraction between 0 and 1 (0.1 is 10%)")
    return value


def default_references(paths: Sequence[str]) -> list[str]:
    """reference/ beside each draft (in its folder), and in the working folder, where they exist."""
    candidates = [os.path.normpath(os.path.join(p if os.path.isdir(p) else os.path.dirname(p) or ".", "reference"))
                  for p in paths if p != "-"]
    found: list[str] = []
    for c in [*candidates, "reference"]:
        if os.path.isdir(c) and os.path.abspath(c) not in {os.path.abspath(f) for f in found}:
            found.append(c)
    return found


def run_check(paths: Sequence[str], fmt: str, fail_on: str, date_text: Optional[str],
              hedge: float = 0.10, reference: Optional[Sequence[str]] = None,
              show_verified: bool = False, show_unmatched: bool = False, min_severity: str = "info") -> int:
    from dataclasses import replace

    from numcheck.api import check_paths
    from numcheck.checks import Settings
    from numcheck.report import at_or_above

    date = None
    if date_text is not None:
        try:
            date = parse_date(date_text)
        except ValueError as exc:
            _error(str(exc))
            return EXIT_INPUT_ERROR
    from numcheck.tables import load_references

    # a table with a fault is reported and nothing is checked against it; the others are used
    refs, table_errors = load_references(reference if reference is not None else default_references(paths))
    for error in table_errors:
        _error(str(error))
    settings = Settings(hedge=hedge, references=refs if refs else None)
    results, errors = check_paths(paths, date, settings)
    for error in errors:
        _error(str(error))
    errors = [*table_errors, *errors]
    findings = [f for result in results for f in result.findings]  # what fails: every finding
    if min_severity != "info":  # what is shown: those at or above --min-severity
        results = [replace(r, findings=tuple(f for f in r.findings if at_or_above([f], min_severity)))
                   for r in results]
    # Built whole before anything is written, as for extract.
    if fmt == "json":
        from numcheck.report.json import render_json

        output = render_json(results, show_verified, show_unmatched)
    elif fmt == "sarif":
        from numcheck.report.sarif import render_sarif

        output = render_sarif(results, errors=errors)
    elif fmt == "github":
        from numcheck.report.github import render_github

        output = render_github(results)
    else:
        from numcheck.report.text import render_text

        output = render_text(results, colour=use_colour(sys.stdout), show_verified=show_verified,
                             show_unmatched=show_unmatched)
    # json, sarif and github are read by programs: always UTF-8, whatever the console's code page.
    _write(output, utf8_bytes=fmt != "text")
    if errors:
        return EXIT_INPUT_ERROR
    return EXIT_FINDINGS if at_or_above(findings, fail_on) else EXIT_OK


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
