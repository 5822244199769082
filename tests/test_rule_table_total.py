"""NC109 table-total: a Total row checked against the sum of its column, at the table's precision."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.api import check_text
from numcheck.checks.rules.nc109_table_total import RULE

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _table(header: str, *rows: str) -> str:
    cells = header.count("|") - 1
    return "\n".join([header, "|" + "---|" * cells, *rows]) + "\n"


def _nc109(text: str, path: str = "table.md"):
    return [f for f in check_text(text, path).findings if f.rule == "NC109"]


PORTS = _table("| Port | Ships |", "| Halden | 120 |", "| Moss | 340 |", "| Larvik | 720 |", "| Total | {} |")


def test_wrong_total_fires_with_the_arithmetic_and_the_fix():
    text = PORTS.format("1,200")
    (f,) = _nc109(text)
    assert f.message == "the column sums to 1,180 (120 + 340 + 720), not 1,200"
    assert text[f.start:f.end] == "1,200"
    assert [text[r.start:r.end] for r in f.related] == ["120", "340", "720"]
    assert f.fix == "1,180"
    assert f.severity == "error"


def test_right_total_is_quiet():
    assert _nc109(PORTS.format("1,180")) == []


def test_rule_is_registered_with_its_docs():
    from numcheck.rules import find_rule

    assert find_rule("NC109") is RULE and find_rule("table-total") is RULE


@pytest.mark.parametrize("header", ["Share", "Share (%)", "Average stay", "Median wage", "Rate", "Ships per day",
                                    "Price", "Growth"])
def test_columns_that_do_not_add_up_are_left_alone(header):
    text = _table(f"| Port | {header} |", "| Halden | 12 |", "| Moss | 34 |", "| Total | 50 |")
    assert _nc109(text) == []


def test_percent_shares_are_left_alone():
    text = _table("| Answer | Voters |", "| Yes | 52% |", "| No | 41% |", "| Total | 100% |")
    assert _nc109(text) == []


@pytest.mark.parametrize("cell", ["", "n/a", "—", "20-30", "1998", "more than 30"])
def test_a_column_with_a_cell_that_is_not_a_plain_figure_is_left_alone(cell):
    text = _table("| Port | Ships |", "| Halden | 120 |", f"| Moss | {cell} |", "| Larvik | 720 |", "| Total | 900 |")
    assert _nc109(text) == []


def test_mixed_units_are_left_alone():
    text = _table("| Route | Length |", "| A | 12 km |", "| B | 40 miles |", "| Total | 60 km |")
    assert _nc109(text) == []


def test_rounded_parts_allow_their_accumulated_rounding():
    # 12.4 + 13.3 + 10.4 = 36.1, but each part may be off by 0.05: 36.2 is possible, 36.4 is not
    rows = ("| North | 12.4 |", "| South | 13.3 |", "| West | 10.4 |")
    assert _nc109(_table("| Region | Tonnes |", *rows, "| Total | 36.2 |")) == []
    (f,) = _nc109(_table("| Region | Tonnes |", *rows, "| Total | 36.4 |"))
    assert f.message == "the column sums to 36.1 (12.4 + 13.3 + 10.4), not 36.4"
    assert f.fix is None  # 36.0 to 36.2 are all possible: no one correction is certain


def test_money_in_millions_is_summed_and_fixed_as_written():
    text = _table("| Region | Revenue |", "| North | €350,000 |", "| South | €420,000 |", "| West | €510,000 |",
                  "| Total | €1.2 million |")
    (f,) = _nc109(text)
    assert f.message == "the column sums to €1.28 million (€350,000 + €420,000 + €510,000), not €1.2 million"
    assert f.fix == "€1.3 million"


def test_hedged_figures_get_the_hedge_tolerance():
    assert _nc109(PORTS.format("about 1,200")) == []
    hedged = PORTS.replace("| 340 |", "| about 360 |")  # 324 to 396 with the 10% hedge
    assert _nc109(hedged.format("1,180")) == []
    assert len(_nc109(hedged.format("1,300"))) == 1


def test_an_empty_row_is_a_section_heading_only_beside_other_columns():
    two = _table("| Port | Ships | Crew |", "| **North** | | |", "| Halden | 120 | 10 |", "| Moss | 340 | 20 |",
                 "| Total | 470 | 30 |")
    assert len(_nc109(two)) == 1
    one = _table("| Port | Ships |", "| Halden | 120 |", "| Moss | |", "| Total | 470 |")
    assert _nc109(one) == []


def test_each_column_is_checked_on_its_own():
    text = _table("| Port | Ships | Crew |", "| Halden | 120 | 1,000 |", "| Moss | 340 | 2,000 |",
                  "| Total | 460 | 3,500 |")
    (f,) = _nc109(text)
    assert text[f.start:f.end] == "3,500"


def test_subtotals_count_their_rows_and_the_total_counts_the_subtotals():
    text = _table("| Port | Ships |", "| Halden | 120 |", "| Moss | 340 |", "| Subtotal | 460 |",
                  "| Larvik | 700 |", "| Oslo | 20 |", "| Subtotal | 730 |", "| Total | 1,190 |")
    (f,) = _nc109(text)
    assert f.message == "the column sums to 720 (700 + 20), not 730"
    right = text.replace("| 730 |", "| 720 |").replace("1,190", "1,180")
    assert _nc109(right) == []


def test_total_words_come_from_data_and_all_other_is_a_part():
    for label in ("**Total**", "TOTAL", "All", "Sum", "Overall", "Total (2023)", "Grand total"):
        assert len(_nc109(PORTS.format("1,200").replace("| Total |", f"| {label} |"))) == 1, label
    text = _table("| Port | Ships |", "| Halden | 120 |", "| All other ports | 340 |", "| Total | 460 |")
    assert _nc109(text) == []


def test_one_part_is_not_enough():
    assert _nc109(_table("| Port | Ships |", "| Halden | 120 |", "| Total | 130 |")) == []


def test_a_long_column_is_elided_in_the_message():
    rows = [f"| Port {k} | {k} |" for k in range(1, 13)]
    (f,) = _nc109(_table("| Port | Ships |", *rows, "| Total | 79 |"))
    assert f.message == "the column sums to 78 (1 + 2 + 3 + … + 11 + 12), not 79"


def test_a_table_in_plain_text_is_not_read():
    assert _nc109(PORTS.format("1,200"), "table.txt") == []


def test_html_table_total():
    text = ("<table><tr><th>Port</th><th>Ships</th></tr><tr><td>Halden</td><td>120</td></tr>"
            "<tr><td>Moss</td><td>340</td></tr><tr><td><b>Total</b></td><td>470</td></tr></table>")
    (f,) = _nc109(text, "ports.html")
    assert text[f.start:f.end] == "470" and f.fix == "460"


def test_quarterly_seed_has_exactly_its_planted_total():
    text = (SEEDS / "quarterly-table.md").read_text(encoding="utf-8")
    findings = check_text(text, "seeds/quarterly-table.md").findings
    assert [(f.rule, text[f.start:f.end], f.fix) for f in findings] == [("NC109", "283", "273")]
    line = text.count("\n", 0, findings[0].start)
    assert text.splitlines()[line].startswith("| **Total**")


# --- tables whose Total row is right, or is no sum of its column: quiet --------------------------

QUIET_TABLES = {
    "election, valid votes a subtotal without the word": _table(
        "| Party | Votes |", "| Red | 12,000 |", "| Blue | 8,000 |", "| Valid votes | 20,000 |",
        "| Invalid votes | 500 |", "| Total votes | 20,500 |"),
    "accounts, negatives in parentheses": _table(
        "| Item | 2023 |", "| Revenue | 1,000 |", "| Costs | (700) |", "| Tax | (100) |", "| Total | 200 |"),
    "a running total": _table(
        "| Month | Cumulative cases |", "| Jan | 10 |", "| Feb | 30 |", "| Mar | 60 |", "| Total | 60 |"),
    "a crosstab whose All row is an average": _table(
        "| Group | Approve |", "| Men | 45 |", "| Women | 55 |", "| All | 50 |"),
    "a density": _table("| City | Density |", "| A | 50 |", "| B | 70 |", "| Total | 60 |"),
    "facts, a total of something else": _table(
        "| Statistic | Value |", "| Population | 5,000 |", "| Households | 2,100 |", "| Total income | 90,000 |"),
}


@pytest.mark.parametrize("name", QUIET_TABLES)
def test_totals_that_are_not_the_columns_sum_are_quiet(name):
    assert _nc109(QUIET_TABLES[name]) == []


def test_a_wrong_total_beside_an_unlabelled_subtotal_still_fires():
    text = QUIET_TABLES["election, valid votes a subtotal without the word"].replace("20,500", "21,500")
    (f,) = _nc109(text)
    assert text[f.start:f.end] == "21,500"


def test_a_label_naming_its_column_is_a_total():
    text = _table("| Port | Ships |", "| Halden | 120 |", "| Moss | 340 |", "| Total ships | 470 |")
    (f,) = _nc109(text)
    assert f.fix == "460"
