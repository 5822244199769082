"""Findings and rules: what a check reports, and what a rule is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Literal

from numcheck.claims import Draft
from numcheck.relations import Relations

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Related:
    start: int
    end: int
    message: str


@dataclass(frozen=True)
class Finding:
    rule: str  # stable code, "NC101"
    name: str  # slug, "ratio-percent"
    severity: str
    message: str  # shows the arithmetic: "120 of 800 is 15.0%, not 12%"
    start: int  # primary span, offsets into the draft
    end: int
    related: tuple[Related, ...] = ()
    fix: str | None = None  # a replacement for the primary span, when it is certain


@dataclass(frozen=True)
class RuleDocs:
    """The four parts of a rule's documentation, in ruff's style. `fires` and `quiet` are
    example drafts; the test suite runs them, so the docs cannot drift from the code."""

    what: str
    why: str
    fires: str
    quiet: str
    fix: str
    fires_fix: str | None = None  # the replacement the firing example should suggest, if any
    reference: str | None = None  # a hand-kept reference table (CSV text) the examples are checked against


@dataclass(frozen=True)
class Settings:
    hedge: float = 0.10  # relative tolerance of about, around, nearly...
    severity: dict[str, str] = field(default_factory=dict)  # per-rule severity overrides
    references: object | None = None  # numcheck.tables.References: the reference tables in use


@dataclass(frozen=True)
class Facts:
    """What every rule reads: the draft, its relations (read once), and the verdicts of its figures
    against the reference tables in use (found once, for NC401 and the reports)."""

    draft: Draft
    relations: Relations
    verdicts: tuple = ()  # numcheck.tables.match.Verdict


Check = Callable[[Facts, Settings], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    docs: RuleDocs
    check: Check

    def finding(self, message: str, start: int, end: int, related: Iterable[Related] = (),
                fix: str | None = None, hint: str | None = None) -> Finding:
        """A finding of this rule. `hint` is a severity the rule suggests for this one finding
        (a warning where rounding could reconcile the figures); a severity set in the user's
        config still wins over it."""
        return Finding(self.code, self.name, hint or self.severity, message, start, end, tuple(related), fix)
