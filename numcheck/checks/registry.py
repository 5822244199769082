"""The checks stage's own rules (figures against each other): a plain list, in code order.

The list of every rule, these and the reference-table rule, is `numcheck.rules`."""

from __future__ import annotations

from numcheck.checks.model import Rule
from numcheck.checks.rules import (
    nc001_unused_suppression,
    nc101_ratio_percent,
    nc102_part_exceeds_whole,
    nc103_parts_vs_total,
    nc104_shares_over_100,
    nc105_change_arithmetic,
    nc106_multiple_mismatch,
    nc107_percentage_points,
    nc108_share_of_amount,
    nc109_table_total,
    nc201_same_count_conflict,
    nc301_weekday_date,
    nc302_elapsed_time,
)

INTERNAL_RULES: tuple[Rule, ...] = tuple(sorted((
    nc001_unused_suppression.RULE,
    nc101_ratio_percent.RULE,
    nc102_part_exceeds_whole.RULE,
    nc103_parts_vs_total.RULE,
    nc104_shares_over_100.RULE,
    nc105_change_arithmetic.RULE,
    nc106_multiple_mismatch.RULE,
    nc107_percentage_points.RULE,
    nc108_share_of_amount.RULE,
    nc109_table_total.RULE,
    nc201_same_count_conflict.RULE,
    nc301_weekday_date.RULE,
    nc302_elapsed_time.RULE,
), key=lambda r: r.code))
