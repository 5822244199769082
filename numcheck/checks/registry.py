"""The rules numcheck knows: a plain list, in code order."""

from __future__ import annotations

from numcheck.checks.model import Rule
from numcheck.checks.rules import (
    nc101_ratio_percent,
    nc102_part_exceeds_whole,
    nc103_parts_vs_total,
    nc104_shares_over_100,
    nc105_change_arithmetic,
    nc106_multiple_mismatch,
    nc107_percentage_points,
    nc108_share_of_amount,
    nc201_same_count_conflict,
    nc301_weekday_date,
    nc302_elapsed_time,
)
from numcheck.tables import rule as nc401_reference_conflict

RULES: tuple[Rule, ...] = tuple(sorted((
    nc101_ratio_percent.RULE,
    nc102_part_exceeds_whole.RULE,
    nc103_parts_vs_total.RULE,
    nc104_shares_over_100.RULE,
    nc105_change_arithmetic.RULE,
    nc106_multiple_mismatch.RULE,
    nc107_percentage_points.RULE,
    nc108_share_of_amount.RULE,
    nc201_same_count_conflict.RULE,
    nc301_weekday_date.RULE,
    nc302_elapsed_time.RULE,
    nc401_reference_conflict.RULE,
), key=lambda r: r.code))

BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}


def find_rule(key: str) -> Rule | None:
    """A rule by its code ("NC101", "nc101") or its name ("ratio-percent")."""
    return BY_CODE.get(key.upper()) or BY_NAME.get(key.lower())
