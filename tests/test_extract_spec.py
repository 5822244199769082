"""The extractor spec, table by table.

Each row is a realistic sentence, the surface of one figure in it, and the
attributes the quantity read at that surface must have. The quantity is found
by its exact span: the first occurrence of `surface` in the sentence (or in
`anchor`, when one is given, for surfaces that occur more than once), so the
span itself is asserted too.

Surface convention: the span covers the qualifier words, the number (with any
scale word) and its unit or currency; it never covers a determiner such as
"the" or the counted noun ("26", not "26 cruise missiles"). Number words that
carry the value keep their article ("a dozen", "a quarter", "a year").

Rows that must not read as a quantity assert that every quantity overlapping
the span has kind "label" (or that there is none).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import numcheck

REPO = Path(__file__).resolve().parents[1]
SEED_PATH = REPO / "seeds" / "caspian-strikes-2015.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")


class OneOf:
    """An expected attribute that may take any of several values."""

    def __init__(self, *options):
        self.options = options

    def __eq__(self, other):
        return other in self.options

    def __repr__(self):
        return f"OneOf{self.options!r}"


def _describe(qs) -> str:
    if not qs:
        return "  (nothing)"
    lines = []
    for q in qs:
        d = {k: v for k, v in q.as_dict().items() if v not in (None, False) and k != "step"}
        lines.append(f"  {d}")
    return "\n".join(lines)


def _locate(text: str, surface: str, anchor: str | None = None) -> int:
    if anchor is None:
        return text.index(surface)
    return text.index(anchor) + anchor.index(surface)


def find(text: str, surface: str, anchor: str | None = None):
    """The quantity whose span is exactly `surface` at its place in `text`."""
    start = _locate(text, surface, anchor)
    end = start + len(surface)
    qs = numcheck.extract(text)
    hits = [q for q in qs if q.start == start and q.end == end]
    if not hits:
        near = [q for q in qs if q.start < end + 20 and q.end > start - 20]
        pytest.fail(
            f"no quantity with surface {surface!r} at [{start}:{end}] in {text[max(0, start - 60):end + 60]!r}; "
            f"nearby:\n{_describe(near)}"
        )
    assert len(hits) == 1, f"several quantities at {surface!r}:\n{_describe(hits)}"
    q = hits[0]
    assert q.text == surface
    return q


def check(q, expected: dict) -> None:
    problems = []
    for name, want in expected.items():
        got = getattr(q, name)
        if isinstance(want, float) and not isinstance(want, bool) and got is not None:
            ok = isinstance(got, (int, float)) and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)
        else:
            ok = got == want
        if not ok:
            problems.append(f"{name}: got {got!r}, want {want!r}")
    assert not problems, f"{q.text!r}: " + "; ".join(problems) + f"\n{_describe([q])}"


def row(id_, text, surface, anchor=None, **expected):
    return pytest.param(text, surface, anchor, expected, id=id_)


# --- digits, separators, decimals, number words -------------------------------------------

NUMBERS = [
    row("digits-thousands-sep", "The factory shipped 1,250 tractors last quarter.", "1,250",
        value=1250.0, kind="count", unit=None, noun="tractor", qualifier="exact", high=None),
    row("digits-decimal", "By the close the index stood at 0.75 after a volatile session.", "0.75",
        value=0.75, kind="number", unit=None, high=None),
    row("digits-negative", "Overnight the sentiment index fell to -3 from a reading of 2.", "-3",
        value=-3.0, kind="number", unit=None, high=None),
    row("word-four", "The company hired four engineers in March.", "four",
        value=4.0, kind="count", noun="engineer", unit=None, approximate_words=True),
    row("word-compound-hyphen", "Rebels seized twenty-six villages during the offensive.", "twenty-six",
        value=26.0, kind="count", noun="village", high=None),
    row("word-compound-hundred-and", "The ferry carried one hundred and twenty passengers to the island.",
        "one hundred and twenty", value=120.0, kind="count", noun="passenger", high=None),
    row("word-a-dozen", "Police arrested a dozen protesters outside parliament.", "a dozen",
        value=12.0, kind="count", noun="protester"),
    row("word-glued-fourRussian", "The minister said fourRussian navy ships had fired missiles.", "four",
        anchor="fourRussian", value=4.0, kind="count", noun="ship", noun_phrase="Russian navy ships"),
]

# --- scales -----------------------------------------------------------------------------------

SCALES = [
    row("scale-million", "Some analysts say 1.5 million residents have left the region.", "1.5 million",
        anchor="1.5 million residents", value=1.5e6, kind="count", noun="resident", qualifier="exact"),
    row("scale-bn-dollars", "The firm borrowed $2bn to fund the takeover.", "$2bn",
        value=2e9, kind="money", unit="USD"),
    row("scale-billion-euros", "The bank set aside €3.2 billion for bad loans.", "€3.2 billion",
        value=3.2e9, kind="money", unit="EUR"),
    row("scale-k", "The clip drew 300k views in its first day online.", "300k",
        value=300_000.0, kind="count", noun="view"),
    row("scale-tn-dollars", "The economy is now worth $2.5tn, the ministry said.", "$2.5tn",
        value=2.5e12, kind="money", unit="USD"),
    row("scale-tn-bare", "Public debt reached 2.5tn by the end of the decade.", "2.5tn",
        value=2.5e12, kind="number", unit=None),
]

# --- fractions and multiples --------------------------------------------------------------------

FRACTIONS = [
    row("fraction-two-thirds", "The survey found two-thirds of voters backed the plan.", "two-thirds",
        value=2 / 3, kind="fraction", high=None),
    row("fraction-half", "The poll shows half of the residents oppose the new road.", "half",
        value=0.5, kind="fraction"),
    row("fraction-a-quarter", "Last year a quarter of the budget went to defence.", "a quarter",
        value=0.25, kind="fraction"),
    row("fraction-slash", "The plant runs at 1/3 of its capacity since the fire.", "1/3",
        value=1 / 3, kind="fraction"),
    row("multiple-doubled", "Sales of electric cars doubled in 2020.", "doubled",
        value=2.0, kind="multiple"),
    row("multiple-tripled", "The price of rice has tripled since the drought.", "tripled",
        value=3.0, kind="multiple"),
    row("multiple-halved", "The deficit was halved within two years.", "halved",
        value=0.5, kind="multiple"),
    row("multiple-twice-as-many", "There are twice as many nurses as doctors in the province.", "twice",
        value=2.0, kind="multiple"),
]

# --- percentages ----------------------------------------------------------------------------------

PERCENTS = [
    row("percent-sign", "Turnout was 90% in the capital.", "90%",
        value=90.0, kind="percent", unit="percent", qualifier="exact"),
    row("percent-word", "Turnout was 90 percent in the capital.", "90 percent",
        value=90.0, kind="percent", unit="percent"),
    row("percent-per-cent", "Turnout was 90 per cent in the capital.", "90 per cent",
        value=90.0, kind="percent", unit="percent"),
    row("percentage-points", "Unemployment rose 2 percentage points over the year.", "2 percentage points",
        value=2.0, kind="percentage_point", unit="percentage point"),
]

# --- ratios -----------------------------------------------------------------------------------------

RATIOS = [
    row("ratio-out-of", "He said 2 out of 57 strikes had hit the group.", "2 out of 57",
        value=2 / 57, kind="ratio", part=2.0, whole=57.0, noun="strike", versus=None),
    row("ratio-of-the", "Officials said two of the 57 strikes had hit the group.", "two of the 57",
        value=2 / 57, kind="ratio", part=2.0, whole=57.0, noun="strike"),
    row("ratio-one-in-five", "Doctors say one in five adults smokes every day.", "one in five",
        value=0.2, kind="ratio", part=1.0, whole=5.0, noun="adult"),
    row("ratio-3-in-10", "The poll found 3 in 10 voters were undecided.", "3 in 10",
        value=0.3, kind="ratio", part=3.0, whole=10.0, noun="voter"),
    row("ratio-colon", "Women outnumber men by a 3:1 ratio among graduates.", "3:1",
        value=3.0, kind="ratio", part=3.0, versus=1.0, whole=None),
]

# --- ranges -------------------------------------------------------------------------------------------

RANGES = [
    row("range-hyphen", "The new school will have 10-12 classrooms.", "10-12",
        value=10.0, high=12.0, kind="count", noun="classroom"),
    row("range-to", "The new school will have 10 to 12 classrooms.", "10 to 12",
        value=10.0, high=12.0, kind="count", noun="classroom"),
    row("range-between-and", "The new school will have between 10 and 12 classrooms.", "between 10 and 12",
        value=10.0, high=12.0, kind="count", noun="classroom"),
    row("range-words", "The trial needs three to five volunteers.", "three to five",
        value=3.0, high=5.0, kind="count", noun="volunteer"),
]

# --- qualifiers ---------------------------------------------------------------------------------------


def _qual(word: str, qualifier: str, percent: bool = False):
    if percent:
        text = f"Officials said {word} 40 percent of the soldiers were wounded in the attack."
        surface = f"{word} 40 percent"
        extra = {"kind": "percent", "unit": "percent"}
    else:
        text = f"Officials said {word} 40 soldiers were wounded in the attack."
        surface = f"{word} 40"
        extra = {"kind": "count", "noun": "soldier", "unit": None}
    return row(
        f"qualifier-{word.replace(' ', '-')}", text, surface,
        value=40.0, qualifier=qualifier, qualifier_text=word, high=None, **extra,
    )


QUALIFIERS = [
    _qual("more than", "more_than"),
    _qual("greater than", "more_than", percent=True),
    _qual("over", "more_than"),
    _qual("at least", "at_least"),
    _qual("nearly", "approx"),
    _qual("almost", "approx"),
    _qual("about", "approx"),
    _qual("around", "approx"),
    _qual("roughly", "approx"),
    _qual("some", "approx"),
    _qual("up to", "at_most"),
    _qual("fewer than", "less_than"),
    _qual("less than", "less_than", percent=True),
    _qual("under", "less_than"),
    _qual("only", "exact"),
]

# --- money ---------------------------------------------------------------------------------------------

MONEY = [
    row("money-usd-million", "The agency approved $120 million in aid.", "$120 million",
        value=1.2e8, kind="money", unit="USD"),
    row("money-million-euros", "The club paid 45 million euros for the striker.", "45 million euros",
        value=4.5e7, kind="money", unit="EUR"),
    row("money-gbp-bn", "The rail line will cost £3bn, the report said.", "£3bn",
        value=3e9, kind="money", unit="GBP"),
    row("money-cents-a-share", "The company paid a dividend of 12 cents a share.", "12 cents",
        value=12.0, kind="money", unit="cent"),
    row("money-us-dollar-prefix", "Tickets cost US$5 at the gate.", "US$5",
        value=5.0, kind="money", unit="USD"),
]

# --- measures ------------------------------------------------------------------------------------------

MEASURES = [
    row("measure-km", "The pipeline runs 1,500 km to the coast.", "1,500 km",
        value=1500.0, kind="measure", unit="kilometre"),
    row("measure-miles", "The convoy travelled 930 miles in a week.", "930 miles",
        value=930.0, kind="measure", unit="mile"),
    row("measure-days-duration", "The strike lasted 4 days before talks resumed.", "4 days",
        value=4.0, kind="duration", unit="day"),
    row("measure-celsius", "Temperatures reached 25 °C in the afternoon.", "25 °C",
        value=25.0, kind="measure", unit="degree Celsius"),
]

# --- dates, durations, ordinals --------------------------------------------------------------------------

DATES = [
    row("date-month-year", "The coalition has been bombing since September 2014.", "September 2014",
        value=2014.0, kind="date", year=2014, month=9, day=None),
    row("date-month-day", "The ministry released the footage on October 5.", "October 5",
        value=5.0, kind="date", month=10, day=5, year=None),
    row("date-day-month-year", "The treaty was signed on 7 October 2015 in Vienna.", "7 October 2015",
        value=2015.0, kind="date", year=2015, month=10, day=7),
    row("date-weekday", "The offensive began early Wednesday in the north.", "Wednesday",
        value=3.0, kind="date", weekday=3),
    row("date-decade", "Inflation was far higher in the 1990s than today.", "1990s",
        value=1990.0, kind=OneOf("date", "year"), year=1990, decade=True),
    row("date-decade-apostrophe", "Thousands of children in the 1960's took drugs.", "1960's",
        value=1960.0, kind="date", year=1960, decade=True),
    row("duration-a-year", "The inquiry took a year to report.", "a year",
        value=1.0, kind="duration", unit="year", qualifier="exact"),
    row("duration-more-than-a-year", "The talks have dragged on for more than a year.", "more than a year",
        value=1.0, kind="duration", unit="year", qualifier="more_than", qualifier_text="more than"),
    row("date-last-week", "The airstrikes began last week near the border.", "last week",
        kind="date", relative=-1),
    row("date-day-of-month-year", "On the 5th day of March, 1860, a treaty was concluded.", "5th day of March, 1860",
        value=1860.0, kind="date", year=1860, month=3, day=5),
    row("date-ordinal-word-of-month", "On the first of January there was a balance.", "first of January",
        value=1.0, kind="date", month=1, day=1, year=None),
    row("date-twenty-first-day-of", "It fell on the twenty-first day of June.", "twenty-first day of June",
        value=21.0, kind="date", month=6, day=21),
    row("date-comma-year-not-a-count", "On 5 May, 2000 soldiers marched.", "2000",
        value=2000.0, kind="count", noun="soldier"),
    row("ordinal-11th", "It was the 11th attempt to cross the river.", "11th",
        value=11.0, kind="ordinal"),
    row("ordinal-second-largest", "Aleppo is the second largest city in Syria.", "second",
        value=2.0, kind="ordinal"),
]

SPEC_ROWS = NUMBERS + SCALES + FRACTIONS + PERCENTS + RATIOS + RANGES + QUALIFIERS + MONEY + MEASURES + DATES


@pytest.mark.parametrize(("text", "surface", "anchor", "expected"), SPEC_ROWS)
def test_quantity_at_surface(text, surface, anchor, expected):
    check(find(text, surface, anchor), expected)


# --- not quantities --------------------------------------------------------------------------------------

NOT_QUANTITIES = [
    pytest.param("The U.S.-led coalition expanded its air campaign.", "U.S.-led", id="not-US-led"),
    pytest.param("He was one of the ministers who resigned in protest.", "one of the ministers", id="not-one-of-the"),
    pytest.param("There was no one at the checkpoint when we arrived.", "no one", id="not-no-one"),
    pytest.param("Leaders gathered at the G20 summit in Osaka.", "G20", id="not-G20"),
    pytest.param("COVID-19 cases rose sharply in the city.", "COVID-19", id="not-COVID-19"),
    pytest.param("The airline ordered a Boeing 737 for the new route.", "Boeing 737", id="not-Boeing-737"),
    pytest.param("NATO members debated whether Article 5 applied.", "Article 5", id="not-Article-5"),
    pytest.param("Pakistan flew an F-16 over the border region.", "F-16", id="not-F-16"),
    pytest.param("Flight MH17 was shot down over eastern Ukraine.", "Flight MH17", id="not-MH17"),
    pytest.param("Operators are rolling out 5G networks across the country.", "5G", id="not-5G"),
    pytest.param("The museum now shows 3D films on weekends.", "3D", id="not-3D"),
    pytest.param("The attacks of 9/11 reshaped airport security.", "9/11", id="not-9-11"),
    pytest.param("The helpline is open 24/7 for victims.", "24/7", id="not-24-7"),
    pytest.param("The team is ranked No. 1 in the league.", "No. 1", id="not-No-1"),
    pytest.param("The rules are set out in Section 3.2 of the report.", "Section 3.2", id="not-Section-3.2"),
    pytest.param("For details call 555-123-4567 during office hours.", "555-123-4567", id="not-phone-us"),
    pytest.param("The London office can be reached on +44 20 7946 0958 today.", "+44 20 7946 0958",
                 id="not-phone-intl"),
    pytest.param("United sealed a 2-1 win over Chelsea on Saturday.", "2-1", id="not-score-2-1"),
]


def assert_not_quantity(text: str, surface: str, start: int | None = None) -> None:
    if start is None:
        start = text.index(surface)
    end = start + len(surface)
    qs = numcheck.extract(text)
    bad = [q for q in qs if q.start < end and q.end > start and q.kind != "label"]
    assert not bad, f"{surface!r} at [{start}:{end}] read as a quantity:\n{_describe(bad)}"


@pytest.mark.parametrize(("text", "surface"), NOT_QUANTITIES)
def test_not_a_quantity(text, surface):
    assert_not_quantity(text, surface)


# --- the seed -----------------------------------------------------------------------------------------------

SEED_ROWS = [
    row("seed-26-cruise-missiles", SEED, "26", anchor="26 cruise missiles",
        value=26.0, kind="count", noun="cruise missile", unit=None, qualifier="exact"),
    row("seed-fourRussian-ships", SEED, "four", anchor="fourRussian navy ships",
        value=4.0, kind="count", noun="ship", unit=None),
    row("seed-two-out-of-57", SEED, "only two out of 57", anchor="only two out of 57 Russian strikes",
        value=2 / 57, kind="ratio", part=2.0, whole=57.0, noun="strike",
        qualifier="exact", qualifier_text="only"),
    row("seed-greater-than-90-percent", SEED, "Greater than 90 percent",
        value=90.0, kind="percent", unit="percent", qualifier="more_than", qualifier_text="Greater than"),
    row("seed-september-2014", SEED, "September 2014",
        value=2014.0, kind="date", year=2014, month=9),
    row("seed-october-5", SEED, "October 5",
        value=5.0, kind="date", month=10, day=5),
    row("seed-more-than-a-year", SEED, "more than a year",
        value=1.0, kind="duration", unit="year", qualifier="more_than"),
]


@pytest.mark.parametrize(("text", "surface", "anchor", "expected"), SEED_ROWS)
def test_seed_quantity(text, surface, anchor, expected):
    check(find(text, surface, anchor), expected)


def test_seed_two_out_of_57_is_one_quantity():
    start = SEED.index("two out of 57")
    end = start + len("two out of 57")
    overlapping = [q for q in numcheck.extract(SEED) if q.start < end and q.end > start]
    assert len(overlapping) == 1, _describe(overlapping)


@pytest.mark.parametrize("surface", ["U.S.-led", "al-Qaeda", "Kalibr NK"])
def test_seed_not_quantities(surface):
    starts = []
    i = SEED.find(surface)
    while i != -1:
        starts.append(i)
        i = SEED.find(surface, i + 1)
    assert starts, f"{surface!r} missing from the seed"
    for s in starts:
        assert_not_quantity(SEED, surface, start=s)


# --- offsets ----------------------------------------------------------------------------------------------

ALL_TEXTS = sorted(
    {p.values[0] for p in SPEC_ROWS + NOT_QUANTITIES} | {SEED},
    key=lambda t: (len(t), t),
)


@pytest.mark.parametrize("text", ALL_TEXTS, ids=lambda t: t[:40])
def test_offsets_match_text(text):
    for q in numcheck.extract(text):
        assert 0 <= q.start < q.end <= len(text), q
        assert text[q.start:q.end] == q.text, q
