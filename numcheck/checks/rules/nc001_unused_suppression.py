"""NC001 unused-suppression: the suppression stage's own rule (numcheck.suppress does the work).

Defined with the checks' rules so the registry lists it beside them; its check finds nothing
on a draft, since a directive can only be judged after every other rule has run.
"""

from __future__ import annotations

from typing import Iterable

from numcheck.checks.model import Facts, Finding, Rule, RuleDocs, Settings


def _check(facts: Facts, settings: Settings) -> Iterable[Finding]:
    return ()  # the work is done in apply_suppressions, after every other rule has run


RULE = Rule(
    code="NC001",
    name="unused-suppression",
    severity="info",
    summary="A numcheck suppression comment that suppresses nothing, or names no rule.",
    docs=RuleDocs(
        what="Reports a `numcheck: disable ...` directive that silenced no finding, or that names "
        "a code that is no numcheck rule. A directive naming several codes is judged code by code, "
        "as ruff judges a `noqa`: a code under which nothing was silenced is named as stale.",
        why="A suppression outlives the mistake it was written for: once the text is fixed, a "
        "leftover directive would silently hide the next real mistake in its range.",
        fires="<!-- numcheck: disable-next-line NC101 -->\nOf the 800 applicants, 120 (15%) were accepted.\n",
        quiet="<!-- numcheck: disable-next-line NC101 -- the 12% is the ministry's own figure -->\n"
        "Of the 800 applicants, 120 (12%) were accepted.\n",
        fix="Remove the directive (or the stale codes it names), or correct the code it names.",
    ),
    check=_check,
)
