"""Readings found wrong on Wikipedia's current-events items and the State of the Union
addresses, and put right: words that only look like unit symbols, model and section
names, and currencies the first catalogue lacked."""

from __future__ import annotations

import pytest

import numcheck


def read(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.kind, q.unit) for q in numcheck.extract(text) if q.kind != "label"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Four Al-Qassam Brigades militants are killed.", [("Four", "count", None)]),
    ("The three had been charged over the attack.", [("three", "number", None)]),
    ("At least 12 others are injured in two bus crashes.", [("At least 12", "count", None), ("two", "count", None)]),
    ("The vote fails with only 137 MPs present.", [("only 137", "count", None)]),
    ("She wins the singles title at the 2025 WTA Finals.", [("2025", "year", None)]),
])
def test_words_after_a_number_are_not_pairs_of_unit_symbols(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Fresno, which has 67,000-has a larger budget.", [("67,000", "number", None)]),
    ("We removed more than 1,500 VA employees.", [("more than 1,500", "count", None)]),
    ("It reduced the importance of section 15A, at which", []),
    ("It asked for the repeal of section 14(b) of the Act.", []),
    ("Incomes in the year 2000 A.D. would triple.", [("2000", "year", None)]),
    ("Nicaragua has passed through two revolutions.", [("two", "count", None)]),
    ("He sought a second and third term.", [("second", "ordinal", None), ("third", "ordinal", None)]),
    ("The service says that 2025 ranks as the warmest year.", [("2025", "year", None)]),
    ("2024 marks the end of an era.", [("2024", "year", None)]),
    ("They built 1500 ships the hard way.", [("1500", "count", None)]),
])
def test_names_abbreviations_and_words_after_numbers(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("A 3 kVA unit.", "3 kVA", "kilovolt ampere"),
    ("Rotate 3 turns.", "3 turns", "turn"),
    ("At 3,000 revolutions per minute.", "3,000 revolutions per minute", "revolutions per minute"),
    ("It climbs 1,000 (ft) in all.", "1,000 (ft)", "foot"),
    ("I want 1cds in this room!", "1cds", "candela second"),
])
def test_units_that_stay_units(text, surface, unit):
    (q,) = numcheck.extract(text)
    assert (q.text, q.unit) == (surface, unit)


@pytest.mark.parametrize(("text", "unit"), [
    ("It delivers 20 Nm of torque.", "newton metre"),
    ("The cell holds 3000 mAh.", "milliampere-hour"),
    ("The impulse was 45 Js.", "joule second"),
    ("A 5Js pulse.", "joule second"),
])
def test_real_unit_products_are_still_read(text, unit):
    (q,) = numcheck.extract(text)
    assert q.unit == unit


@pytest.mark.parametrize(("text", "expected"), [
    ("Tesla recalls 46,000 Tesla Cybertrucks.", [("46,000", "count", None)]),
    ("A Cessna 208B Grand Caravan crashes.", []),
    ("A Cessna 172S collides midair.", []),
    ("The Anker 3A cable and a 16A breaker.", [("3A", "measure", "ampere"), ("16A", "measure", "ampere")]),
    ("Water vapour is found on LHS 1140 b, a super-Earth.", []),
    ("A second U.S. Navy F/A-18 fighter is lost.", [("second", "ordinal", None)]),
    ("The magnet reaches 5 tesla.", [("5 tesla", "measure", "tesla")]),
    ("Highs of 30C are expected in London.", [("30C", "measure", "degree Celsius")]),
    ("In London 30C was recorded.", [("30C", "measure", "degree Celsius")]),
    ("I'm 1.8m tall.", [("1.8m", "measure", "metre")]),
    ("It lasted a second.", [("a second", "duration", "second")]),
])
def test_models_names_and_ordinals_are_not_measures(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(("text", "surface", "unit", "value"), [
    ("Denmark announces 50 billion kroner in defence spending.", "50 billion kroner", "krone", 5e10),
    ("Exports reached 57.4 billion kronor.", "57.4 billion kronor", "SEK", 5.74e10),
    ("The rupiah weakens to Rp 18,028 per dollar.", "Rp 18,028", "IDR", 18028.0),
    ("He sold them for nearly 1 billion Kč.", "nearly 1 billion Kč", "CZK", 1e9),
    ("He accepted S/124 million in kickbacks.", "S/124 million", "PEN", 1.24e8),
    ("He is fined F.CFA 1 billion.", "F.CFA 1 billion", "CFA franc", 1e9),
    ("The ticket cost 300 baht.", "300 baht", "THB", 300.0),
    ("He lent 5 shillings.", "5 shillings", "shilling", 5.0),
])
def test_more_currencies(text, surface, unit, value):
    (q,) = [q for q in numcheck.extract(text) if q.kind == "money"]
    assert (q.text, q.unit, q.value) == (surface, unit, value)


@pytest.mark.parametrize(("text", "surface", "part", "whole", "noun"), [
    ("Only two of 57 strikes hit their targets.", "Only two of 57", 2.0, 57.0, "strike"),
    ("One of 12 ministers resigned.", "One of 12", 1.0, 12.0, "minister"),
    ("120 of 800 applicants were accepted.", "120 of 800", 120.0, 800.0, "applicant"),
])
def test_a_part_of_a_whole_in_digits_is_a_ratio(text, surface, part, whole, noun):
    (q,) = [q for q in numcheck.extract(text) if q.kind == "ratio"]
    assert (q.text, q.part, q.whole, q.noun) == (surface, part, whole, noun)


@pytest.mark.parametrize("text", ["One of 2019's best films.", "Two of 3 is fine."])
def test_a_word_of_a_year_or_a_bare_number_is_no_ratio(text):
    assert [q for q in numcheck.extract(text) if q.kind == "ratio"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("One of 2019's best films.", [("2019", "year", None)]),  # "one" is a pronoun here
    ("The 2003 SARS outbreak killed 774 people.", [("2003", "year", None), ("774", "count", None)]),
    ("The 1990’s hits.", [("1990’s", "date", None)]),  # a decade
    ("He is 6'2\" tall.", [("6'2\"", "measure", "foot")]),
    ("A 6′2″ man.", [("6′2″", "measure", "foot")]),
])
def test_apostrophes_after_years_and_feet_and_inches(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("1500 troops as well as tanks crossed.", [("1500", "count", None)]),
    ("Officials said that 1200 officers as well as 300 soldiers came.", [("1200", "count", None), ("300", "count", None)]),
    ("Each day, while 1800 people a day fled, the city emptied.", [("1800", "count", None)]),
    ("Everest 8849 m and Kangchenjunga 8586 m.", [("8849 m", "measure", "metre"), ("8586 m", "measure", "metre")]),
    ("Everest 8849 m is the highest.", [("8849 m", "measure", "metre")]),
    ("She got 3 in was wrong.", [("3", "number", None)]),  # "in" stays a preposition before a verb
    ("The Anker 65W charger and a Makita 18V drill.", [("65W", "measure", "watt"), ("18V", "measure", "volt")]),
    ("The charger delivers 65 Watts.", [("65 Watts", "measure", "watt")]),
    ("Police seized 40 Tesla cars.", [("40", "count", None)]),
    ("The Samsung Galaxy S24 has a 6.2\" screen.", [("6.2\"", "measure", "inch")]),
    ("At the peak, 1800 patients a day arrived.", [("1800", "count", None)]),
    ("BREAKING: 2000 JOBS CUT AT FORD", [("2000", "count", None)]),
    ("The five-star hotel has a 40' pool.", [("five", "number", None), ("40'", "measure", "foot")]),
    ("A Sky News crew filmed the 12' wall.", [("12'", "measure", "foot")]),
])
def test_figures_that_look_like_names_or_cues(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The ruling ended usage of the CBP One app.", []),
    ("He boarded Air Force One on Monday.", [("Monday", "date", None)]),
    ("The Big Four banks failed.", []),
    ("Storm Kills Twelve People In Texas", [("Twelve", "count", None)]),  # a title-case headline
    ("Two people died.", [("Two", "count", None)]),
    ("The condition of affairs among the Five Civilized Tribes is bad.", []),
    ("THE WAGE EARNER Two very important policies have passed.", [("Two", "number", None)]),  # a heading run in
])
def test_a_capitalised_number_word_inside_a_name_is_a_label(text, expected):
    assert read(text) == expected
