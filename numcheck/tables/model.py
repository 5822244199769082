"""Reference facts: rows of known figures, each with where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, TypeVar

T = TypeVar("T")


class TableError(Exception):
    """A reference table that cannot be used: `path:line: what is wrong`."""

    def __init__(self, path: str, message: str, line: int | None = None):
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Fact:
    """One known figure: "Germany, population in 2020: 83,160,871 (World Bank)"."""

    subjects: tuple[str, ...]  # the subject's names; the first is how messages name it
    measures: tuple[str, ...]  # the measure's names: "cruise missiles", "missiles"
    value: float | None  # the figure, scaled to units ("2.1 trillion" is 2.1e12); None for a date fact
    date: dt.date | None  # the value of a date fact ("start date": 2014-09-23)
    unit: str | None  # None for a count; "percent"; ISO code for money; a unit name for measures
    as_of: int | dt.date | None  # the year or day the figure is for
    tolerance: float  # relative margin the source allows (0.02 for 2%)
    source: str
    path: str  # the table file, as the user named it
    line: int  # 1-based line of the row in that file
    extra: tuple[tuple[str, str], ...] = ()  # other columns, shown in messages
    aggregate: bool = False  # a region or group, not a subject to rank ("World", "High income")

    @property
    def year(self) -> int | None:
        return self.as_of.year if isinstance(self.as_of, dt.date) else self.as_of

    @property
    def shown_value(self) -> str:
        """The value as messages give it: "83,160,871", "1,500 kilometre", "2015-09-30"."""
        return self.date.isoformat() if self.date is not None else _number(self.value, self.unit)

    def describe(self) -> str:
        """"Germany, population in 2020: 83,160,871 (World Bank, reference/population.csv, line 5)"."""
        when = f" in {self.as_of}" if self.as_of is not None else ""
        what = self.shown_value
        source = f"{self.source}, " if self.source else ""
        extra = "".join(f"; {k}: {v}" for k, v in self.extra)
        return f"{self.subjects[0]}, {self.measures[0]}{when}: {what} ({source}{self.path}, line {self.line}{extra})"


def _number(value: float | None, unit: str | None) -> str:
    if value is None:
        return "?"
    if value == int(value) and abs(value) < 1e15:
        text = f"{value:,.0f}"
    elif abs(value) >= 1e6:  # "1.713 trillion", not "1.71279e+12"
        for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= scale:
                text = f"{value / scale:,.4g} {word}"
                break
    else:
        text = f"{value:,.6g}"
    if unit in (None, ""):
        return text
    if unit == "percent":
        return f"{value:g}%"
    return f"{text} {unit}"


@dataclass
class References:
    """Every fact of the tables in use, indexed by subject and measure (never scanned row by row)."""

    facts: list[Fact] = field(default_factory=list)
    by_key: dict[tuple[str, str], list[Fact]] = field(default_factory=dict)
    subject_names: dict[str, list[str]] = field(default_factory=dict)  # lower-case name -> subject keys
    measure_names: dict[str, str] = field(default_factory=dict)  # lower-case name -> measure key
    by_measure: dict[str, list[Fact]] = field(default_factory=dict)  # for ranks: every row of a measure
    tables: list[str] = field(default_factory=list)
    # indexes built from the facts on first use (the subject-name index of numcheck.tables.match);
    # adding a fact drops them, so they never go stale
    _derived: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """An index of the facts, built once by `build` and kept until a fact is added."""
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]  # type: ignore[return-value]

    def add(self, fact: Fact) -> None:
        self._derived.clear()
        skey = fact.subjects[0].lower()
        mkey = fact.measures[0].lower()
        for name in fact.subjects:  # one name may lead to several subjects ("SOM" in two tables)
            keys = self.subject_names.setdefault(name.lower(), [])
            if skey not in keys:
                keys.append(skey)
        for name in fact.measures:
            self.measure_names.setdefault(name.lower(), mkey)
        self.by_key.setdefault((skey, mkey), []).append(fact)
        self.by_measure.setdefault(mkey, []).append(fact)
        self.facts.append(fact)

    def lookup(self, subject_key: str, measure_key: str) -> list[Fact]:
        return self.by_key.get((subject_key, measure_key), [])

    def __bool__(self) -> bool:
        return bool(self.facts)
