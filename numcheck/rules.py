"""Every rule numcheck knows, in code order: the checks' own (figures against each other) and
NC401 (figures against reference tables) are found in `numcheck/checks/rules/`; NC001, the
suppression stage's rule, is defined there too. The CLI, the reports and the API read this list,
so a rule added there appears everywhere."""

from __future__ import annotations

from numcheck.checks.model import Rule
from numcheck.checks.registry import INTERNAL_RULES

RULES: tuple[Rule, ...] = INTERNAL_RULES


def find_rule(key: str) -> Rule | None:
    """A rule by its code ("NC101", "nc101") or its name ("ratio-percent")."""
    for rule in RULES:
        if rule.code == key.upper() or rule.name == key.lower():
            return rule
    return None
