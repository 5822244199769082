"""Every rule numcheck knows, in code order: the checks stage's own (figures against each other),
the tables stage's (figures against reference tables); NC001, the suppression stage's, is
defined among the checks' rules. The CLI, the reports and the API
read this list, so a rule added to either stage appears everywhere."""

from __future__ import annotations

from numcheck.checks.model import Rule
from numcheck.checks.registry import INTERNAL_RULES
from numcheck.tables.rule import RULE as REFERENCE_RULE

RULES: tuple[Rule, ...] = tuple(sorted((*INTERNAL_RULES, REFERENCE_RULE), key=lambda r: r.code))


def find_rule(key: str) -> Rule | None:
    """A rule by its code ("NC101", "nc101") or its name ("ratio-percent")."""
    for rule in RULES:
        if rule.code == key.upper() or rule.name == key.lower():
            return rule
    return None
