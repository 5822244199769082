"""Ordinals and fractions that name a period or sit in a set phrase, symbols that
context reads, and number runs that cannot be told apart.

"the 21st century", "the third quarter", "for the first time" state no figure
and are left out altogether (as "9/11" is); a rank ("the second-largest port")
or a position ("the 11th attempt") is an ordinal.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import numcheck


def read(text: str) -> list[tuple[str, str, float, str | None]]:
    return [(q.text, q.kind, q.value, q.unit) for q in numcheck.extract(text)]


def overlapping(text: str, surface: str) -> list[numcheck.Quantity]:
    start = text.index(surface)
    end = start + len(surface)
    return [q for q in numcheck.extract(text) if q.start < end and q.end > start]


LEFT_OUT = [
    ("Even though we're in the 21st century, we need more accuracy.", "21st century"),
    ("Concepts for advanced 21st-century telescopes were shown.", "21st-century"),
    ("Profits rose in the third quarter of 2023.", "third quarter"),
    ("The fourth-quarter results beat forecasts.", "fourth-quarter"),
    ("Sales fell in the first half of fiscal 2021.", "first half"),
    ("Rain fell in the city for the first time since May.", "first time"),
    ("On second thought, I'll skip it.", "second thought"),
    ("Its members were endorsed by the 96th Congress.", "96th"),
    ("He served in the 101st Airborne Division.", "101st"),
    ("He served in the 10th Mountain Division.", "10th"),
    ("First, we must cut the deficit.", "First"),
    ("And second, we must hire teachers.", "second"),
    ("Net income sank 27% in the quarter to $254 million.", "quarter"),
    ("The 1988 quarter also included gains.", "quarter"),
    ("Dividends are paid each quarter.", "quarter"),
    ("At first the plan seemed to work.", "first"),
    ("Fifth. That Congress provide for an annual report.", "Fifth"),
    ("The second-class battle ships Maine and Texas sailed.", "second-class"),
]


@pytest.mark.parametrize(("text", "surface"), LEFT_OUT, ids=[s for _, s in LEFT_OUT])
def test_names_of_periods_and_set_phrases_are_left_out(text, surface):
    assert overlapping(text, surface) == []


RANKS = [
    ("Rotterdam is the second-largest port in Europe.", "second", 2.0),
    ("China is the third biggest market.", "third", 3.0),
    ("She finished second!", "second", 2.0),
    ("It was the 11th attempt to cross the river.", "11th", 11.0),
    ("It failed for the 11th time.", "11th", 11.0),
    ("I like the first two books.", "first", 1.0),
    # before a capitalised word that heads no name: a count or a rank, not a name
    ("The Eagles won their second Super Bowl.", "second", 2.0),
    ("Brazil wins a record ninth Copa América title.", "ninth", 9.0),
    ("Morocco becomes the 60th UN member state to ratify.", "60th", 60.0),
    ("He was the first person to walk on the Moon.", "first", 1.0),
]


@pytest.mark.parametrize(("text", "surface", "value"), RANKS, ids=[t for t, _, _ in RANKS])
def test_ranks_and_positions_stay_ordinals(text, surface, value):
    (q,) = overlapping(text, surface)
    assert (q.text, q.kind, q.value) == (surface, "ordinal", value)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Turnout fell by a quarter of the vote.", "a quarter", 0.25),
    ("The Fed made a quarter-point cut.", "quarter", 0.25),
    ("Half of the voters stayed home.", "Half", 0.5),
    ("Spending was cut by half.", "half", 0.5),
])
def test_fractions_that_are_not_periods_stay(text, surface, value):
    (q,) = overlapping(text, surface)
    assert (q.kind, q.value) == ("fraction", value)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@given(st.integers(min_value=1, max_value=99), st.sampled_from([" century", "-century", " centuries"]))
def test_any_century_is_a_name(n, tail):
    text = f"Life in the {_ordinal(n)}{tail} was short."
    assert numcheck.extract(text) == []


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["largest", "-largest", " most populous"]))
def test_any_rank_is_an_ordinal(n, tail):
    sep = "" if tail.startswith(("-", " ")) else " "
    text = f"It is the world's {_ordinal(n)}{sep}{tail} city."
    (q,) = numcheck.extract(text)
    assert (q.kind, q.value, q.text) == ("ordinal", float(n), _ordinal(n))


# --- symbols the sentence decides ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("In physics, a unit of surface area equal to 12 b.", "12 b", "barn"),
    ("At that energy the nuclear cross section is 3 b.", "3 b", "barn"),
    ("I'll transmit a small package of 1500 b", "1500 b", "bit"),
    ("Hubble's cameras are sharp across a 2½' (150\") field", "2½'", "minute of arc"),
    ("Hubble's cameras are sharp across a 2½' (150\") field", '150"', "second of arc"),
    ("The board is 8' long and 10\" wide.", "8'", "foot"),
    ("The board is 8' long and 10\" wide.", '10"', "inch"),
    ("The mine shipped 278,000 t of ore.", "278,000 t", "tonne"),
])
def test_symbols_read_by_their_sentence(text, surface, unit):
    (q,) = [q for q in numcheck.extract(text) if surface in q.text]
    assert q.unit == unit


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("They rent a 120m2 flat.", 120.0, "square metre"),
    ("The fire burned 5km2 of forest.", 5.0, "square kilometre"),
    ("The tank holds 3m3.", 3.0, "cubic metre"),
])
def test_a_glued_area_or_volume_is_a_measure(text, value, unit):
    (q,) = numcheck.extract(text)
    assert (q.kind, q.value, q.unit) == ("measure", value, unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("32K word magnetic core memory board", 32.0, "kibibyte"),
    ("The machine had 64K of RAM.", 64.0, "kibibyte"),
    ("The account has 300K followers.", 300000.0, None),
    ("In other words, 300K people came.", 300000.0, None),
])
def test_a_glued_k_is_kibibytes_in_a_sentence_on_memory(text, value, unit):
    (q,) = numcheck.extract(text)
    assert (q.value, q.unit) == (value, unit)


def test_a_cue_in_another_sentence_does_not_count():
    text = "Nuclear physics is hard. I sent a package of 1500 b"
    (q,) = numcheck.extract(text)
    assert q.unit == "bit"


# --- number runs ------------------------------------------------------------------------------------------

def test_a_run_that_is_no_grouping_of_thousands_is_not_read():
    """"245 23 yen" is neither 24,523 yen nor 245 and 23 yen for sure: nothing is read."""
    assert read("245 23 yen") == []
    assert read("It cost 245 23 yen.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("50 50 dollar bills", [("50", "number", 50.0, None), ("50 dollar", "money", 50.0, "USD")]),
    ("It cost 245 230 yen.", [("245 230 yen", "money", 245230.0, "JPY")]),
])
def test_counts_of_things_and_groups_of_three_are_read(text, expected):
    assert read(text) == expected


def test_labels_of_ordinal_names_are_not_returned_even_as_labels():
    """Left out, not marked: no reader of `extract` meets "first time" as a figure of any kind."""
    assert [q for q in numcheck.extract("For the first time since the 20th century, trade fell.")] == []


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("Looking back on the half century since independence.", "half century", 0.5, "century"),
    ("Population doubled every quarter century.", "quarter century", 0.25, "century"),
])
def test_a_half_or_quarter_of_a_time_unit_is_a_duration(text, surface, value, unit):
    (q,) = overlapping(text, surface)
    assert (q.kind, q.value, q.unit) == ("duration", value, unit)


# --- list points, dashes, pronouns, models ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface"), [
    ("These questions were the following: (1) The rights of neutrals; (2) the limits of arms.", "(1)"),
    ("These questions were the following: (1) The rights of neutrals; (2) the limits of arms.", "(2)"),
    ("Plans:\n1. Build roads.\n2. Cut taxes.\n", "1."),
    ("Plans:\n1. Build roads.\n2. Cut taxes.\n", "2."),
    ("It did two things: 1) cut taxes and 2) built roads.", "1)"),
    ("It was one of Coke's largest deals.", "one"),
    ("The filing gives one of the first examples of it.", "one"),
])
def test_list_points_and_pronouns_are_not_figures(text, surface):
    assert overlapping(text, surface) == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Costs rose (12) points.", "12", 12.0),  # a number in brackets in running text
    ("Indian Territory (41) - 1,406", "41", 41.0),
    ("He had 2. Then more came.", "2", 2.0),  # not at the start of a line
    ("In all, one of the 57 strikes hit.", "one of the 57", 1 / 57),
])
def test_numbers_that_only_look_like_list_points_are_read(text, surface, value):
    (q,) = overlapping(text, surface)
    assert q.text == surface and q.value == pytest.approx(value)


def test_a_spaced_hyphen_between_figures_is_a_dash():
    assert read("Indian Territory (41) - 1,406 The States") == [("41", "number", 41.0, None),
                                                                ("1,406", "number", 1406.0, None)]
    assert [q.value for q in numcheck.extract("It fell to -20 degrees.")] == [-20.0]


@pytest.mark.parametrize(("text", "expected"), [
    ("They chartered a Boeing 777F to carry supplies.", []),
    ("Phoenix hit 118F on Monday.", [("118F", "measure", 118.0, "degree fahrenheit"),
                                     ("Monday", "date", 1.0, None)]),
    ("Highs of 30C are expected.", [("30C", "measure", 30.0, "degree Celsius")]),
])
def test_a_glued_f_or_c_is_a_temperature_unless_it_ends_a_model_name(text, expected):
    assert [x for x in read(text) if x[1] != "label"] == expected


@pytest.mark.parametrize("text", ["third-", "the 21st-", "First,", "at first", "the quarter", "11th", "eleventh",
                                  "the 96th", "'90", "the 90", "1)", "(1", "2.", "- 5", "cent -20 VA2.  xVA "])
def test_names_cut_off_at_the_end_of_a_text_do_not_raise(text):
    """Found by the property tests: the look-ahead past an ordinal stops at the last token."""
    for q in numcheck.extract(text):
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text, q


@pytest.mark.parametrize(("text", "expected"), [
    ("Unemployment fell to\n4. Wages rose 3 percent.", [("4", "number", 4.0, None), ("3 percent", "percent", 3.0, "percent")]),
    ("- 5 people died.\n- 3 were hurt.", [("5", "count", 5.0, None), ("3", "number", 3.0, None)]),
    ("The change was ( - 5%).", [("- 5%", "percent", -5.0, "percent")]),
    ("The music of the '90s, ’80s and ‘70s.", []),
    ("In the 90s, crime fell; in the mid-80s it rose.", []),
    ("In the first half year of 2021, sales rose 5%.", [("2021", "year", 2021.0, None), ("5%", "percent", 5.0, "percent")]),
    ("Our plan:\n1. Cut taxes\n2. Build roads\n3. Hire teachers", []),
    ("Priorities\n1. Cut taxes\n2. Build roads", []),
    ("We will:\n1) Cut taxes\n2) Build roads", []),
    ("The present year closes the first half century.", [("first", "ordinal", 1.0, None),
                                                          ("half century", "duration", 0.5, "century")]),
])
def test_wrapped_lines_bullets_signs_and_short_decades(text, expected):
    assert read(text) == expected
