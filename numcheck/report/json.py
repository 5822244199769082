"""The json format, version 1: a contract for CI and editors, so its shape is fixed.

    {"version": 1,
     "findings": [{"path", "line", "column", "end_line", "end_column", "rule", "name",
                   "severity", "message", "related": [{"path", "line", "column",
                   "end_line", "end_column", "message"}], "fix": {"replacement"} | null}],
     "summary": {"files", "quantities", "findings": {"error", "warning", "info"}}}

Lines and columns are 1-based, columns in code points, ends exclusive. Findings
are ordered by path, then position. Adding a key or changing a type means a new
version.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Sequence

from numcheck.checks import SEVERITIES
from numcheck.names import encodable_json
from numcheck.report import Located, Span, locate, ordered, summarize, verdict_lines

if TYPE_CHECKING:
    from numcheck.api import CheckResult

__all__ = ["VERSION", "report_dict", "render_json"]

VERSION = 1


def _where(path: str, span: Span) -> dict[str, Any]:
    return {
        "path": path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def _finding(item: Located) -> dict[str, Any]:
    f, path = item.finding, item.result.path
    return {
        **_where(path, item.span),
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity,
        "message": f.message,
        "related": [
            {**_where(path, locate(item.index, r.start, r.end)), "message": r.message} for r in f.related
        ],
        "fix": None if f.fix is None else {"replacement": f.fix},
    }


def report_dict(results: Sequence["CheckResult"], show_verified: bool = False,
                show_unmatched: bool = False) -> dict[str, Any]:
    summary = summarize(results)
    out: dict[str, Any] = {
        "version": VERSION,
        "findings": [_finding(item) for item in ordered(results)],
        "summary": {
            "files": summary.files,
            "quantities": summary.quantities,
            "findings": {s: summary.counts.get(s, 0) for s in SEVERITIES},
        },
    }
    if summary.tables:  # additions for reference tables; the keys above are unchanged
        out["summary"]["verified"] = summary.verified
        out["summary"]["unmatched"] = summary.unmatched
        if show_verified:
            out["verified"] = [_verdict(path, span, v) for path, span, v in verdict_lines(results, "consistent")]
        if show_unmatched:
            out["unmatched"] = [_verdict(path, span, v) for path, span, v in verdict_lines(results, "unmatched")]
    return out


def _verdict(path: str, span: Span, v) -> dict[str, Any]:
    return {"path": path, "line": span.line, "column": span.column, "end_line": span.end_line,
            "end_column": span.end_column, "surface": v.figure.text, "message": v.message or None,
            "nearest_year": v.weak}


def render_json(results: Sequence["CheckResult"], show_verified: bool = False, show_unmatched: bool = False) -> str:
    """The report as JSON text; a byte of a file name that is not UTF-8 reads `\\xff`, as in every format."""
    document = json.dumps(report_dict(results, show_verified, show_unmatched), ensure_ascii=False, indent=2)
    return encodable_json(document) + "\n"
