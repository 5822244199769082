"""Dates written in words and digits: "7 October 2015", "October 5", "September 2014",
"Wednesday", "the 1990s", "last week", "5/17/2018"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from numcheck.quantities.lexicon import lexicon
from numcheck.quantities.numbers import digit_parts
from numcheck.quantities.tokens import Token


@dataclass(frozen=True)
class DateRead:
    first: int
    last: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    decade: bool = False
    relative: int | None = None
    unit: str | None = None  # for relative dates: "week" of "last week"

    @property
    def value(self) -> float:
        for v in (self.year, self.day, self.month, self.weekday, self.relative):
            if v is not None:
                return float(v)
        return 0.0


def _int(t: Token) -> int | None:
    if t.kind != "num" or not t.text.isdigit() or len(t.text) > 4:
        return None
    return int(t.text)


def _day(toks: Sequence[Token], k: int, text: str) -> tuple[int, int] | None:
    """A day of the month at k: "5", "5th" (returns day, index after)."""
    if k >= len(toks):
        return None
    if toks[k].kind == "word":
        return _day_in_words(toks, k, text)
    v = _int(toks[k])
    if v is None or not 1 <= v <= 31 or len(toks[k].text) > 2:
        return None
    k += 1
    if k < len(toks) and toks[k].low in ("st", "nd", "rd", "th") and toks[k].start == toks[k - 1].end:
        k += 1
    return v, k


def _day_in_words(toks: Sequence[Token], k: int, text: str) -> tuple[int, int] | None:
    """"first", "twenty-first", "thirtieth", read as a day only before "of" and a month
    ("the first of January"): said alone they are ordinals."""
    lex = lexicon()
    t = toks[k]
    v = lex.ordinal_units.get(t.low) or lex.ordinal_teens.get(t.low) or lex.ordinal_tens.get(t.low)
    end = k + 1
    if v is None and t.low in lex.tens and k + 2 < len(toks) and toks[k + 1].text == "-" \
            and toks[k + 2].low in lex.ordinal_units and toks[k + 2].start == toks[k + 1].end == t.end + 1:
        v, end = lex.tens[t.low] + lex.ordinal_units[toks[k + 2].low], k + 3
    if v is None or not 1 <= v <= 31:
        return None
    m = end + (2 if end + 1 < len(toks) and toks[end].low == "day" and toks[end + 1].low == "of" else 1)
    if m - 1 < len(toks) and toks[m - 1].low == "of" and m < len(toks) and month_at(toks, m, text) is not None:
        return int(v), end
    return None


def _year(toks: Sequence[Token], k: int) -> int | None:
    if k >= len(toks):
        return None
    v = _int(toks[k])
    if v is None or len(toks[k].text) != 4 or not 1000 <= v <= 2200:
        return None
    if k + 1 < len(toks) and toks[k + 1].low in ("st", "nd", "rd", "th", "s"):
        return None
    return v


def month_at(toks: Sequence[Token], i: int, text: str) -> int | None:
    t = toks[i]
    if t.kind != "word":
        return None
    words = lexicon().words
    m = words["months"].get(t.low)
    if m is None:
        return None
    if t.low in words["month_abbreviations_need_capital"] and not t.text[:1].isupper():
        # lower case only as "sept. 30" or "nov . 15": an abbreviation with its day
        if not (t.low not in ("may", "march", "mar") and i + 2 < len(toks) and toks[i + 1].text == "."
                and toks[i + 2].kind == "num" and len(toks[i + 2].text) <= 2):
            return None
        return m
    if len(t.low) <= 4 and t.low not in ("may", "june", "july") and t.text[:1].isupper():
        return m  # "Oct." or "Sept"
    if not t.text[:1].isupper() and t.low not in ("january", "february", "april", "august", "september",
                                                   "october", "november", "december", "june", "july"):
        return None
    return m


def _skip_period(toks: Sequence[Token], k: int) -> int:
    if k < len(toks) and toks[k].text == "." and len(toks[k - 1].text) <= 4 and toks[k].start - toks[k - 1].end <= 1 \
            and toks[k - 1].low not in ("may", "june", "july"):  # a whole name: the period ends the sentence
        return k + 1  # "Oct. 5", and "oct . 5" in tokenized text
    return k


def read_date(toks: Sequence[Token], i: int, text: str) -> DateRead | None:
    """A calendar date starting at token i, or None."""
    words = lexicon().words
    t = toks[i]
    # "5/17/2018", "2015-10-07", "17.05.2018"
    if t.kind == "date":
        return _numeric_date(t, i)
    # "7 October 2015", "5th of October"
    d = _day(toks, i, text)
    if d is not None:
        k = d[1]
        if k + 2 < len(toks) and toks[k].low == "day" and toks[k + 1].low == "of" and month_at(toks, k + 2, text):
            k += 1  # "the 5th day of March, 1860"
        if k + 1 < len(toks) and toks[k].low == "of" and month_at(toks, k + 1, text):
            k += 1
        if k < len(toks) and month_at(toks, k, text) is not None and text[toks[k - 1].end:toks[k].start] == " ":
            m = month_at(toks, k, text)
            k = _skip_period(toks, k + 1)
            y = _year(toks, k) if k < len(toks) and text[toks[k - 1].end:toks[k].start] in (" ", ", ", " , ") else None
            if y is not None:
                return DateRead(i, k + 1, year=y, month=m, day=d[0])
            if k + 1 < len(toks) and toks[k].text == "," and _year(toks, k + 1) is not None \
                    and (k + 2 >= len(toks) or toks[k + 2].kind != "word"):  # not "on 5 May, 2000 soldiers"
                return DateRead(i, k + 2, year=_year(toks, k + 1), month=m, day=d[0])  # "5th day of March, 1860"
            return DateRead(i, k, month=m, day=d[0])
        return None
    m = month_at(toks, i, text)
    if m is not None:
        k = _skip_period(toks, i + 1)
        if k < len(toks) and text[toks[k - 1].end:toks[k].start] == " ":
            y = _year(toks, k)
            if y is not None:
                return DateRead(i, k + 1, year=y, month=m)
            d = _day(toks, k, text)
            if d is not None:
                k2 = d[1]
                if k2 + 1 < len(toks) and toks[k2].text == "," and _year(toks, k2 + 1) is not None:
                    return DateRead(i, k2 + 2, year=_year(toks, k2 + 1), month=m, day=d[0])
                if k2 < len(toks) and _year(toks, k2) is not None and text[toks[k2 - 1].end:toks[k2].start] == " ":
                    return DateRead(i, k2 + 1, year=_year(toks, k2), month=m, day=d[0])
                return DateRead(i, k2, month=m, day=d[0])
        return None
    # weekdays, capitalised: "Wednesday", "Wed."
    if t.kind == "word" and t.text[:1].isupper() and t.low in words["weekdays"]:
        short = t.low in words["weekday_abbreviations_need_period_or_comma"]
        if short and not (i + 1 < len(toks) and toks[i + 1].text in (".", ",") and toks[i + 1].start == t.end):
            return None
        return DateRead(i, i + 1, weekday=words["weekdays"][t.low])
    # "last week", "next month", "this year"
    if t.kind == "word" and t.low in words["relative_date_words"] and i + 1 < len(toks):
        nxt = toks[i + 1]
        if nxt.low in words["relative_date_units"] and text[t.end:nxt.start] == " ":
            if t.low == "this" and nxt.low != "year":
                return None
            return DateRead(i, i + 2, relative=words["relative_date_words"][t.low], unit=nxt.low)
    # decades: "the 1990s", "1990s", "the '90s"
    if t.kind == "num" and len(t.text) == 4 and t.text.endswith("0") and i + 1 < len(toks):
        nxt = toks[i + 1]
        if nxt.low in ("s", "'s", "’s") and nxt.start == t.end and 1000 <= int(t.text) <= 2200:
            return DateRead(i, i + 2, year=int(t.text), decade=True)
        if (nxt.text in ("'", "’") and nxt.start == t.end and i + 2 < len(toks) and toks[i + 2].low == "s"
                and toks[i + 2].start == nxt.end and 1000 <= int(t.text) <= 2200):
            return DateRead(i, i + 3, year=int(t.text), decade=True)  # "the 1960's"
    return None


def _numeric_date(t: Token, i: int) -> DateRead | None:
    s = t.text
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2})([/.])(\d{1,2})\2(\d{2,4})", s)
        if not m:
            return None
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        if y < 100:
            y += 2000 if y < 50 else 1900
        # slashes: month first as in US usage unless the first part cannot be a month
        if sep == "/" and a <= 12:
            mo, d = a, b
        else:
            d, mo = a, b
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return DateRead(i, i + 1, year=y, month=mo, day=d)


__all__ = ["DateRead", "read_date", "month_at", "digit_parts"]
