"""What the server runs on a document: the API's check in the document's context, so an editor
sees what `numcheck check` on the saved file would report (for a buffer whose name names no
markup, read as the markup its language id names, which the command line cannot know)."""

from __future__ import annotations

from typing import Optional

from numcheck.api import CheckResult, check_in_context


def check_document(text: str, path: str, markup: Optional[str] = None) -> CheckResult:
    """The config closest to `path` and its reference tables, re-read when they change (the API
    caches them by modification time); `markup` is how to read the text when the editor says so
    and the name does not. Raises `InputError` (`ConfigError` for a bad config, or a front
    matter date that is not a date) for what the user must fix."""
    return check_in_context(text, path, markup=markup)
