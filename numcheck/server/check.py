"""What the server runs on a document: the API's check in the document's context, so an editor
sees what `numcheck check` on the saved file would report."""

from __future__ import annotations

from numcheck.api import CheckResult, check_in_context


def check_document(text: str, path: str) -> CheckResult:
    """The config closest to `path` and its reference tables, re-read when they change (the API
    caches them by modification time). Raises `InputError` (`ConfigError` for a bad config, or a
    front matter date that is not a date) for what the user must fix."""
    return check_in_context(text, path)
