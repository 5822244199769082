"""What the extract stage produces: one `Quantity` per figure in the text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal, Optional

Kind = Literal[
    "count",  # a number that counts something named after it: "26 cruise missiles"
    "number",  # a bare number with nothing counted: "the answer is 42"
    "percent",
    "percentage_point",
    "money",
    "measure",  # a number with a physical unit: "1,500 km"
    "ratio",  # "2 out of 57", "one in five", "a 3:1 ratio"
    "fraction",  # "two-thirds", "half", "1/3"
    "multiple",  # "doubled", "twice as many"
    "ordinal",
    "year",
    "date",
    "duration",
    "label",  # a number that names rather than measures: "Article 5", "Boeing 737"; no check uses it
]

Qualifier = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than"]

KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure read from text.

    `value` is the number as stated, scaled ("$2.5bn" -> 2.5e9); for a range the
    low end, with `high` the upper end; for a ratio or fraction the quotient
    (part / whole); for a date the year when one is written, else the day of
    the month, else the month number (1-12), else the ISO weekday (1-7).
    `start`/`end` are offsets into the text (end exclusive) and cover the
    qualifier words too ("more than a year").
    """

    value: float
    kind: str
    start: int
    end: int
    text: str
    unit: Optional[str] = None
    high: Optional[float] = None
    qualifier: str = "exact"
    qualifier_text: Optional[str] = None  # the words that set the qualifier: "Greater than", "nearly"
    noun: Optional[str] = None  # what is counted, singular: "cruise missile"
    noun_phrase: Optional[str] = None  # as written: "Russian navy ships"
    part: Optional[float] = None  # ratio: the part ("2" of "2 out of 57")
    whole: Optional[float] = None  # ratio: the whole ("57"); None for an a:b ratio
    versus: Optional[float] = None  # a:b ratio: the second term ("1" of "3:1")
    year: Optional[int] = None  # date and year fields
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None  # ISO weekday, Monday = 1
    decade: bool = False  # "the 1990s"
    relative: Optional[int] = None  # "last week" = -1, "next month" = +1, "this year" = 0
    step: Optional[float] = None  # place value of the last written digit, scaled: 1 for "25%", 0.1 for "2.5", 1e8 for "$2.5bn"
    approximate_words: bool = False  # written in words ("about four"), not digits

    def as_dict(self) -> dict:
        return asdict(self)
