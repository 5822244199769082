"""The rules numcheck knows: a plain list, in code order."""

from __future__ import annotations

from numcheck.checks.model import Rule
from numcheck.checks.rules import (
    nc101_ratio_percent,
)

RULES: tuple[Rule, ...] = tuple(sorted((
    nc101_ratio_percent.RULE,
), key=lambda r: r.code))

BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}


def find_rule(key: str) -> Rule | None:
    """A rule by its code ("NC101", "nc101") or its name ("ratio-percent")."""
    return BY_CODE.get(key.upper()) or BY_NAME.get(key.lower())
