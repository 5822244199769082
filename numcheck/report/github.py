r"""The github format: GitHub Actions workflow commands, one annotation per finding.

    ::error file=draft.md,line=1,col=29,endLine=1,endColumn=32,title=numcheck NC101::120 of 800 is 15.0%, not 12%

error → ::error, warning → ::warning, info → ::notice. GitHub shows at most 10
annotations of each level per step and drops the rest without a word, so the
worst come first (errors, then warnings, then notices; within a level by path
and position), at most 10 of each are printed, and when any were left out one
`::notice title=numcheck::N more findings not shown as annotations ...` line
says so; that line is itself a notice, so when it is needed notices get 9
slots, not 10. Last comes the text format's one-line summary.

Positions are the shared ones (1-based, code points, end column exclusive).
GitHub takes col/endColumn only when the annotation starts and ends on one
line, so a span running onto another line gets line and endLine alone.

Everything the draft or its file name puts in a command is escaped by GitHub's rules (`%`,
CR and LF; in a property also `:` and `,`), so a file named `x\n::error::...` cannot start a
command of its own; a byte of a name that is not UTF-8 is shown as `\xff`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

from numcheck.names import encodable
from numcheck.report import Located, ordered, summarize
from numcheck.report.sarif import working_path
from numcheck.report.text import render_summary

if TYPE_CHECKING:
    from numcheck.api import CheckResult

__all__ = ["COMMANDS", "PER_LEVEL", "escape_data", "escape_property", "annotation", "render_github"]

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
PER_LEVEL = 10  # GitHub's limit per level per step


def escape_data(text: str) -> str:
    """A command's message: % CR LF escaped (as @actions/core does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as a message, and also ':' and ',' (they delimit properties)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _file(path: str, root: Optional[str]) -> str:
    # Relative to the working folder (the checkout, in a workflow) where it is inside it.
    rel = working_path(path, root)
    return encodable(rel if rel is not None else path)


def annotation(item: Located, root: Optional[str] = None) -> str:
    f, span = item.finding, item.span
    props = [("file", _file(item.result.path, root)), ("line", str(span.line))]
    if span.line == span.end_line:
        props.append(("col", str(span.column)))
    props.append(("endLine", str(span.end_line)))
    if span.line == span.end_line:
        props.append(("endColumn", str(span.end_column)))
    props.append(("title", f"numcheck {f.rule}"))
    command = COMMANDS.get(f.severity, "warning")
    message = encodable(f.message)
    return f"::{command} " + ",".join(f"{k}={escape_property(v)}" for k, v in props) + f"::{escape_data(message)}"


def render_github(results: Sequence["CheckResult"], root: Optional[str] = None) -> str:
    items = ordered(results)  # path, then position
    by_level: dict[str, list[Located]] = {command: [] for command in ("error", "warning", "notice")}
    for item in items:
        by_level[COMMANDS.get(item.finding.severity, "warning")].append(item)
    caps = {command: PER_LEVEL for command in by_level}
    if any(len(found) > PER_LEVEL for found in by_level.values()):
        caps["notice"] = PER_LEVEL - 1  # leave room for the "more findings" notice
    shown = [item for command, found in by_level.items() for item in found[:caps[command]]]
    lines = [annotation(item, root) for item in shown]
    cut = len(items) - len(shown)
    if cut:
        findings = "finding" if cut == 1 else "findings"
        lines.append(f"::notice title=numcheck::{cut} more {findings} not shown as annotations "
                     "(see the text or SARIF report)")
    return "".join(line + "\n" for line in lines) + render_summary(summarize(results))
