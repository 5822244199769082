"""Output formats: each is a thin view over the same `CheckResult`s.

What every format needs is here, so they cannot disagree: where a span is
(1-based line and column, in code points, end exclusive), the order findings
are shown in, and the summary counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from numcheck.checks import SEVERITIES, Finding
from numcheck.document import LineIndex

if TYPE_CHECKING:
    from numcheck.api import CheckResult

__all__ = ["Span", "Located", "Summary", "locate", "ordered", "summarize", "at_or_above", "verdict_lines",
           "SEVERITIES"]


@dataclass(frozen=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive


@dataclass(frozen=True)
class Located:
    """A finding with its file and the text it points into."""

    result: "CheckResult"
    finding: Finding
    index: LineIndex
    span: Span


@dataclass(frozen=True)
class Summary:
    files: int
    quantities: int
    checks: int  # rules run, summed over files
    counts: dict[str, int]  # severity -> findings; every severity present, 0 included
    verified: int = 0  # figures consistent with a reference table
    unmatched: int = 0  # figures no reference row matched (only counted when tables are in use)
    tables: bool = False  # were reference tables in use


def locate(index: LineIndex, start: int, end: int) -> Span:
    line, column = index.position(start)
    end_line, end_column = index.position(max(start, end))
    return Span(line, column, end_line, end_column)


def ordered(results: Iterable["CheckResult"]) -> list[Located]:
    """Every finding of every result, by path and then position in the file."""
    out: list[Located] = []
    for result in sorted(results, key=lambda r: r.path):
        index = LineIndex(result.text)  # one per file: each lookup is then a bisect
        for f in sorted(result.findings, key=lambda f: (f.start, f.end, f.rule, f.message)):
            out.append(Located(result, f, index, locate(index, f.start, f.end)))
    return out


def summarize(results: Sequence["CheckResult"]) -> Summary:
    counts = {severity: 0 for severity in SEVERITIES}
    for result in results:
        for f in result.findings:
            # Severities are error/warning/info by the Finding model; the json
            # contract has exactly those three keys.
            if f.severity in counts:
                counts[f.severity] += 1
    return Summary(
        files=len(results),
        quantities=sum(r.quantities for r in results),
        checks=sum(r.checks for r in results),
        counts=counts,
        verified=sum(r.verdict_count("consistent") for r in results),
        unmatched=sum(r.verdict_count("unmatched") for r in results),
        tables=any(r.verdicts for r in results),
    )


def verdict_lines(results: Sequence["CheckResult"], status: str) -> list[tuple[str, Span, object]]:
    """(path, span, verdict) for every figure with this table verdict, by path and position."""
    out = []
    for result in sorted(results, key=lambda r: r.path):
        index = LineIndex(result.text)
        for v in result.verdicts:
            if v.status == status:
                out.append((result.path, locate(index, v.figure.start, v.figure.end), v))
    return out


def at_or_above(findings: Iterable[Finding], level: str) -> bool:
    """Is any finding at `level` or more severe? ("never" is never reached.)"""
    if level not in SEVERITIES:
        return False
    worst = SEVERITIES.index(level)  # SEVERITIES runs from most to least severe
    return any(f.severity in SEVERITIES and SEVERITIES.index(f.severity) <= worst for f in findings)
