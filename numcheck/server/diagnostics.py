"""Findings as LSP diagnostics: the same finding objects every report format views."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lsprotocol import types

from numcheck.checks import Finding
from numcheck.document import InputError
from numcheck.server.positions import PositionMap

SOURCE = "numcheck"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
# The README beside the package, in a source checkout or an editable install; an installed
# wheel has none, and then no link is given rather than a link to nothing.
README = Path(__file__).resolve().parents[2] / "README.md"
_RULE_CODE = re.compile(r"[\s`]*(NC\d{3})\b", re.I)  # "NC101 `ratio-percent`", "`NC101`: ..."
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$")


def finding_diagnostic(finding: Finding, positions: PositionMap, uri: str) -> types.Diagnostic:
    href = rule_docs_href(finding.rule)
    return types.Diagnostic(
        range=positions.range(finding.start, finding.end),
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Error),
        code=finding.rule,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        message=finding.message,
        related_information=[
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=positions.range(r.start, r.end)), message=r.message
            )
            for r in finding.related
        ] or None,
    )


def error_diagnostic(error: InputError, positions: PositionMap, path: str) -> types.Diagnostic:
    """A document that cannot be checked (a bad config, a front matter date that is not a date):
    one diagnostic, on the line named when the fault is in this document, else at the top."""
    return _input_diagnostic(error, positions, path, types.DiagnosticSeverity.Error, "cannot check this document")


def problem_diagnostic(problem: InputError, positions: PositionMap, path: str) -> types.Diagnostic:
    """A reference table that cannot be used: the document is checked without it."""
    return _input_diagnostic(problem, positions, path, types.DiagnosticSeverity.Warning, "reference table not used")


def _input_diagnostic(error: InputError, positions: PositionMap, path: str, severity: types.DiagnosticSeverity,
                      what: str) -> types.Diagnostic:
    here = error.path == path and error.line is not None and 1 <= error.line <= positions.line_count
    return types.Diagnostic(
        range=positions.line_range(error.line - 1 if here and error.line else 0),
        severity=severity,
        source=SOURCE,
        message=f"{what}: {error}",
    )


def rule_docs_href(code: str) -> str | None:
    """A file:// link to the rule's section of the README (to its heading that starts with the
    code, else to the Rules section), or None when there is no README to link to."""
    anchors = _readme_anchors()
    if anchors is None:
        return None
    anchor = anchors.get(code.upper(), anchors.get("RULES"))
    return README.as_uri() + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=1)
def _readme_anchors() -> dict[str, str] | None:
    """Rule code (and "RULES" for the Rules section) -> the GitHub-style anchor of its heading."""
    try:
        text = README.read_text(encoding="utf-8")
    except OSError:
        return None
    anchors: dict[str, str] = {}
    fence = ""
    for line in text.splitlines():
        marker = re.match(r"\s{0,3}(```+|~~~+)", line)
        if marker:  # a "# comment" inside a code block is not a heading
            if not fence:
                fence = marker.group(1)
            elif marker.group(1).startswith(fence):
                fence = ""
            continue
        heading = None if fence else _HEADING.match(line)
        if heading:
            title = heading.group(1)
            code = _RULE_CODE.match(title)
            if code or title.strip().lower() == "rules":
                anchors.setdefault(code.group(1).upper() if code else "RULES", github_anchor(title))
    return anchors


def github_anchor(title: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
