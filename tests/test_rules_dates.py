"""The date rules, NC301 weekday-date and NC302 elapsed-time, case by case: each row is a draft
(a Markdown front matter gives its date) and the codes the two rules should report on it."""

from __future__ import annotations

import pytest

from numcheck.checks import Settings, run_checks
from numcheck.rules import find_rule
from numcheck.claims import Draft
from numcheck.document import split_front_matter

DATE_RULES = [find_rule("NC301"), find_rule("NC302")]


def dated(day: str, body: str) -> str:
    return f"---\ndate: {day}\n---\n{body}"


ROWS = [
    # NC301 weekday-date: a weekday beside a date that falls on another day
    ("Monday, 3 March 2023", ["NC301"]),
    ("Friday, 3 March 2023", []),
    ("The vote is on Tuesday, March 7, 2023.", []),
    ("The vote is on Wednesday, March 7, 2023.", ["NC301"]),
    ("THURSDAY, 9 MARCH 2023", []),
    ("Mon., March 3, 2023", ["NC301"]),
    (dated("2023-03-10", "On Monday 3 March, the board met."), ["NC301"]),
    (dated("2023-03-10", "The vote was on Monday (March 6)."), []),
    (dated("2023-03-10", "March 3, a Monday, was cold."), ["NC301"]),
    (dated("2023-03-10", "March 3 (Friday) was cold."), []),
    ("On Monday 3 March, the board met.", []),  # no year and no document date: no day to check
    ("Monday, 7/10/2023", []),  # 10 July 2023 was a Monday (month first)
    ("Saturday, 7/10/2023", []),  # 7 October 2023 was a Saturday (day first)
    ("Sunday, 7/10/2023", ["NC301"]),  # neither reading is a Sunday
    ("Monday to Friday, March 6-10, 2023", []),  # ranges are not pairs
    ("Friday-Sunday, March 3–5, 2023", []),
    ("Monday's March 6 deadline", []),
    (dated("2023-03-10", "On March 3, Monday's decision was reversed."), []),
    (dated("2024-01-05", "On Monday, December 4, the bill passed."), []),  # 4 December 2023
    (dated("2023-03-10", "In 2019 the plant opened. On Wednesday, March 6, it closed."), []),  # 6 March 2019
    (dated("2015-10-07", "On Wednesday, the Russian navy fired 26 cruise missiles."), []),  # a weekday alone
    (dated("2023-03-10", "If March 3 is a Monday, the market opens late."), []),  # a supposition
    ("The launch is set for Saturday, 4 March 2023, at 9 a.m.", []),
    ("The launch is set for Sunday, 4 March 2023, at 9 a.m.", ["NC301"]),
    # NC302 elapsed-time: an interval the dates it spans rule out
    (dated("2022-05-01", "Five years after the plant opened in 2019, it closed."), ["NC302"]),
    (dated("2022-05-01", "Three years after the plant opened in 2019, it closed."), []),
    (dated("2015-10-07", "More than a year after the campaign began in September 2014, the fighting goes on."), []),
    (dated("2015-08-07", "More than a year after the campaign began in September 2014, the fighting goes on."),
     ["NC302"]),
    (dated("2022-05-01", "It has been nearly three years since the 2019 election."), []),
    (dated("2022-05-01", "It has been five years since the 2019 election."), ["NC302"]),
    (dated("2022-05-01", "It has been a year since the 2019 election."), ["NC302"]),
    (dated("2022-05-01", "In the 10 years since 2019, sales doubled."), ["NC302"]),
    (dated("2022-05-01", "The plant opened in 2019, three years ago."), []),
    (dated("2022-05-01", "The plant opened in 2019, five years ago."), ["NC302"]),
    (dated("2022-05-01", "Six months ago, in May 2021, the plant opened."), ["NC302"]),
    ("The law passed in December 2021, 18 months after it was proposed in June 2020.", []),
    ("The law passed in December 2021, 18 months after it was proposed in June 2019.", ["NC302"]),
    ("The plant opened in 2019 and closed five years later, in 2021.", ["NC302"]),
    ("The plant opened in 2019 and closed two years later, in 2021.", []),
    (dated("2022-05-01", "The plant will close five years after it opened in 2019."), []),  # the future
    (dated("2022-05-01", "By 2020 it had been ten years since the 2010 flood."), []),  # another "now"
    (dated("2022-05-01", "He spent two years in jail since his arrest in 2015."), []),  # part of the time
    ("Five years after the plant opened in 2019, it closed.", []),  # no document date
    (dated("2022-05-01", "Five years after the plant opened, in 2019, it closed."), []),  # 2019 may be the closing
    (dated("2022-03-10", "Two weeks after March 3, 2022, the city fell."), ["NC302"]),
    (dated("2022-05-01", "About a decade after 2015, the rules changed."), []),
    (dated("2022-05-01", "The 12-year-old boy, born in 2010, moved away."), []),
    (dated("2022-05-01", "Half a century after 2019, we returned."), []),  # read as "a century": skipped
    (dated("2022-05-01", "Records are kept for five years after 2019."), []),  # a period, not a gap
    (dated("2025-11-26", "The judge set a minimum non-parole period of 17 years after convicting her of "
                         "murder in 2018."), []),
    (dated("2026-05-20", "Tankers stayed for two months since the war started on February 28, 2026."), []),
    (dated("2026-05-20", "It has been two months since the war started on February 28, 2026."), []),  # rounds down
    (dated("2026-06-25", "It has been two months since the war started on February 28, 2026."), ["NC302"]),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[r[0][-60:] for r in ROWS])
def test_date_rules(text, expected):
    _, date = split_front_matter(text)
    found = run_checks(Draft.read(text, "<row>", date), Settings(), rules=DATE_RULES)
    assert sorted({f.rule for f in found}) == sorted(set(expected)), [f.message for f in found]
    for f in found:
        assert 0 <= f.start < f.end <= len(text)


def test_weekday_fix_keeps_the_style():
    cases = {"Monday, 3 March 2023": "Friday", "MON., March 3, 2023": "FRI", "Thurs., March 3, 2023": "Fri",
             "Tue, 3 March 2023": "Fri"}
    for text, fix in cases.items():
        found = run_checks(Draft.read(text), Settings(), rules=DATE_RULES[:1])
        assert [f.fix for f in found] == [fix], text


def test_messages_show_the_arithmetic():
    found = run_checks(Draft.read("Monday, 3 March 2023"), Settings(), rules=DATE_RULES[:1])
    assert found[0].message == "3 March 2023 was a Friday, not a Monday"
    text = dated("2022-05-01", "Five years after the plant opened in 2019, it closed.")
    found = run_checks(Draft.read(text, "<row>", split_front_matter(text)[1]), Settings(), rules=DATE_RULES[1:])
    assert found[0].message == "from 2019 to 1 May 2022 (the document's date) is at most 3 years and 4 months, " \
                               "not five years"
    assert found[0].severity == "warning"
