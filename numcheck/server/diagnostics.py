"""Findings as LSP diagnostics: the same finding objects every report format views."""

from __future__ import annotations

from lsprotocol import types

from numcheck.checks import Finding
from numcheck.document import InputError
from numcheck.rule_pages import page_path
from numcheck.server.positions import PositionMap

SOURCE = "numcheck"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


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
    """A file:// link to the rule's documentation page, shipped with the package
    (numcheck/docs/rules/NC101.md, `numcheck rule NC101`'s text), or None for no such rule."""
    page = page_path(code)
    return page.as_uri() if page is not None else None
