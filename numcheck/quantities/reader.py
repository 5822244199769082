"""The reader: walks the tokens of one passage and puts figures together.

At each token it tries, in order: a fixed name to skip, a calendar date, a
multiple ("doubled"), a named quantity, then a figure with what surrounds it
(qualifier, currency, number, scale, percent or unit, range end, ratio,
counted noun).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from numcheck.quantities.cues import currency_subunits, fixed_labels, money_cues, ordinal_idioms, time_unit, triggers
from numcheck.quantities.dates import DateRead, month_at, read_date
from numcheck.quantities.lexicon import Lexicon, lexicon
from numcheck.quantities.model import Quantity
from numcheck.quantities.money import currency_after, currency_before
from numcheck.quantities.nouns import noun_after, plural_at
from numcheck.quantities.numbers import NumberRead, digit_parts, read_number
from numcheck.quantities.tokens import Token
from numcheck.quantities.units import catalogue, choice_by_context, match_unit


_POINT_TEXT = re.compile(r"[ \n]([A-Za-z])")
_LINE_WORD = re.compile(r"[^\W\d_]{4,}")  # the longer words of a line, for telling title case
_POINT = re.compile(r"[ \t]*\(?\d{1,2}[.)][ \t]")  # a line that is a numbered point: "2. ", "(2) ", "2) "


@dataclass
class Figure:
    """A figure while it is being read; becomes a Quantity at the end."""

    value: float
    first: int
    last: int
    kind: str = "number"
    unit: str | None = None
    high: float | None = None
    qualifier: str = "exact"
    qualifier_text: str | None = None
    step: float | None = None
    words: bool = False
    shape: str = "cardinal"
    noun: str | None = None
    noun_phrase: str | None = None
    part: float | None = None
    whole: float | None = None
    versus: float | None = None
    integer_digits: bool = False


_LIST_SEPARATORS = frozenset({",", "and", "or"})
_ONE_IN = re.compile(r"in[-‑](\d{1,3}(?:,\d{3})+|\d+)")
_TIMES_AFTER = frozenset({"as", "more", "the", "higher", "larger", "bigger", "greater", "faster", "smaller", "lower",
                          "that", "what", "those"})
# Punctuation no figure, date or multiple starts with (a sign, a currency or "(" may)
_NEVER_FIRST = frozenset({",", ";", ":", ".", "!", "?", ")", "]", "}"})


class Reader:
    def __init__(self, text: str, toks: Sequence[Token]):
        self.text = text
        self.toks = toks
        self.lex: Lexicon = lexicon()
        self.out: list[Quantity] = []
        # token index of a chain link's last token -> the unit that ends its chain ("45, 50 and 60
        # mg"): every figure of a chain shares one answer, so a chain is walked once, not once a link
        self.chain_units: dict[int, object] = {}

    # --- helpers -------------------------------------------------------------------------
    def gap(self, k: int) -> str:
        """Text between token k-1 and token k."""
        return self.text[self.toks[k - 1].end:self.toks[k].start]

    def low(self, k: int) -> str:
        return self.toks[k].low if 0 <= k < len(self.toks) else ""

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.toks[first].start:self.toks[last - 1].end]

    def emit(self, f: Figure) -> None:
        if not math.isfinite(f.value) or (f.high is not None and not math.isfinite(f.high)):
            return
        start, end = self.toks[f.first].start, self.toks[f.last - 1].end
        self.out.append(Quantity(
            value=float(f.value), kind=f.kind, start=start, end=end, text=self.text[start:end], unit=f.unit,
            high=f.high, qualifier=f.qualifier, qualifier_text=f.qualifier_text, noun=f.noun,
            noun_phrase=f.noun_phrase, part=f.part, whole=f.whole, versus=f.versus, step=f.step,
            approximate_words=f.words, year=int(f.value) if f.kind == "year" else None,
        ))

    def emit_date(self, d: DateRead, kind: str = "date", qualifier: tuple[str, str] | None = None,
                  first: int | None = None) -> None:
        start = self.toks[first if first is not None else d.first].start
        end = self.toks[d.last - 1].end
        self.out.append(Quantity(
            value=d.value, kind=kind, start=start, end=end, text=self.text[start:end], unit=d.unit,
            qualifier=qualifier[1] if qualifier else "exact", qualifier_text=qualifier[0] if qualifier else None,
            year=d.year, month=d.month, day=d.day, weekday=d.weekday, decade=d.decade, relative=d.relative,
            step=10.0 if d.decade else 1.0,
        ))

    # --- the walk ------------------------------------------------------------------------
    def run(self) -> list[Quantity]:
        i = 0
        n = len(self.toks)
        while i < n:
            nxt = self.step(i)
            i = nxt if nxt > i else i + 1
        self.out.sort(key=lambda q: (q.start, q.end))
        return self.out

    def step(self, i: int) -> int:
        t = self.toks[i]
        if t.kind in ("skip", "time", "yearspan") or (t.kind == "sym" and t.text in _NEVER_FIRST):
            return i + 1
        if t.kind == "word" and not self.may_start(i):
            return i + 1
        if t.kind == "ident":
            return self.label_ident(i)
        if t.kind == "num":
            r = self.list_item(i)
            if r:
                return r
        if t.kind == "num" and len(digit_parts(t.text)) > 1:
            return self.number_list(i)
        if t.kind == "num" and self.is_list_marker(i):
            return i + 1
        if t.text in ("'", "’", "‘") and self.is_short_decade(i + 1):
            return i + 3  # "the '90s": a decade whose century is not written; nothing to check
        if t.kind == "num" and self.low(i - 1) in self.lex.words["decade_determiners"] and self.is_short_decade(i):
            return i + 2  # "in the 90s", "the mid-80s": the same, not 90 seconds
        skip = self.fixed_label(i)
        if skip:
            return skip
        d = read_date(self.toks, i, self.text)
        if d is not None:
            self.emit_date(d)
            return d.last
        r = self.multiple(i) or self.named(i) or self.percent_of_number(i)
        if r:
            return r
        return self.figure(i)

    def list_item(self, i: int) -> int:
        """"3, 5, 8 and 13 mg": a number inside a list, between two separators with numbers beyond
        them, is a bare number that takes the unit ending the list, as `figure` would read it, at a
        fraction of the cost (a line of 50,000 numbers is read in a second)."""
        toks = self.toks
        t = toks[i]
        if t.kind != "num" or i < 2 or i + 2 >= len(toks):
            return 0
        before, after = toks[i - 1].low, toks[i + 1].low
        if before not in _LIST_SEPARATORS or toks[i - 2].kind != "num" or toks[i + 2].kind != "num" \
                or not ((after == "," and toks[i + 1].start == t.end)
                        or (after in ("and", "or") and self.gap(i + 1) == " ")):
            return 0  # "5 mg, 6" or "1 ,2": not a plain list
        if not t.text.isdigit() or len(t.text) > 15:
            return 0  # "1,000", "2.5", "−3": read in full by `figure`
        num = NumberRead(float(t.text), i, i + 1, 1.0, "cardinal", False, 0)
        if self.is_broken_grouping(i, num):
            return 0
        f = Figure(num.value, i, i + 1, step=1.0, integer_digits=True)
        self.shared_unit(f)
        self.classify(f, i)
        self.emit(f)
        return i + 1

    def multiple_in_context(self, i: int) -> bool:
        """"more than double", "or almost double", "is double that", "double the amount": the
        adjective or adverb "double" as a multiple, not "a double room" or "double-digit"."""
        before = self.low(i - 1)
        after = self.low(i + 1) if i + 1 < len(self.toks) else ""
        lead = before in ("than", "nearly", "almost", "about", "roughly", "or", "is", "was", "be", "been",
                          "are", "were", "to", "some")
        follow = i + 1 >= len(self.toks) or after in (".", ",", ";", ":", ")", "the", "that", "its", "their", "what",
                                                      "those", "in", "over", "since", "from")
        return lead and follow and not (after == "-" or self.gap(i + 1) == "" and after.isalpha())

    def named(self, i: int) -> int:
        """"absolute zero": a quantity named in words."""
        cat = catalogue()
        if self.toks[i].low not in cat.named_starts:
            return 0
        for key, (value, unit) in cat.named.items():
            if tuple(t.low for t in self.toks[i:i + len(key)]) == key:
                self.emit(Figure(value, i, i + len(key), kind="measure", unit=unit, words=True))
                return i + len(key)
        return 0

    def percent_of_number(self, i: int) -> int:
        """"percent of 10", "per cent of twenty-two": the figure comes after the word."""
        w = self.low(i)
        k = i + 1
        if w == "per" and self.low(i + 1) == "cent":
            k = i + 2
        elif w not in ("percent", "percents"):
            return 0
        if self.low(k) != "of" or k + 1 >= len(self.toks) or (i > 0 and self.toks[i - 1].kind in ("num", "sym")):
            return 0
        if i > 0 and self.toks[i - 1].kind == "word" and self.lex.cardinal_word(self.toks[i - 1].low) is not None:
            return 0
        num = read_number(self.toks, k + 1, self.text)
        if num is None or num.shape != "cardinal":
            return 0
        self.emit(Figure(num.value, i, num.last, kind="percent", unit="percent", step=num.step, words=num.words))
        return num.last

    def may_start(self, i: int) -> bool:
        """Cheap test: can a figure, date or multiple start at this word? Most words cannot."""
        t = self.toks[i]
        trig = triggers()
        if t.low in trig.words or t.text in trig.words:
            return True
        if t.low in ("a", "an") and i + 1 < len(self.toks):
            return self.toks[i + 1].low in trig.after_article
        return t.low.endswith("fold")

    def fixed_label(self, i: int) -> int:
        """"9/11", "24/7", "G20": fixed names with digits are left out."""
        t = self.toks[i]
        if t.kind not in ("num", "word"):
            return 0
        for key in fixed_labels().get(t.text, ()):
            k = i + len(key)
            if k <= len(self.toks) and tuple(x.text for x in self.toks[i:k]) == key and all(
                    self.toks[m].start == self.toks[m - 1].end for m in range(i + 1, k)):
                if k < len(self.toks) and self.toks[k].start == self.toks[k - 1].end and self.toks[k].kind in ("num", "word"):
                    continue
                return k
        return 0

    def is_short_decade(self, i: int) -> bool:
        """Token i is "90" of "'90s" or "the 90s": two digits ending in 0, glued to "s" (and to the
        quote before it, when there is one)."""
        if i + 1 >= len(self.toks):
            return False
        num, s = self.toks[i], self.toks[i + 1]
        quoted = i > 0 and self.toks[i - 1].text in ("'", "’", "‘")
        return (num.kind == "num" and len(num.text) == 2 and num.text.endswith("0") and s.low == "s"
                and s.start == num.end and (not quoted or num.start == self.toks[i - 1].end))

    def is_list_marker(self, i: int) -> bool:
        """"(1) The rights of neutrals; (2) the limits", "1) explains why", "2. Cut taxes"
        at the start of a line: the number of a point in a list, not a figure."""
        t = self.toks[i]
        if not (t.text.isdigit() and len(t.text) <= 2) or i + 1 >= len(self.toks):
            return False
        close = self.toks[i + 1]
        # the point's text may lie past this passage ("2." can be a sentence of its own), so read it from the text
        after = _POINT_TEXT.match(self.text, close.end)
        if close.start != t.end or after is None:
            return False
        k = i - 1 if i > 0 and self.toks[i - 1].text == "(" and self.toks[i - 1].end == t.start else i
        if close.text == ")":
            if k == i and i > 0 and self.toks[i - 1].text == "(":
                return False
            return k == 0 or self.low(k - 1) in self.lex.words["list_point_after"] or self._point_line(k)
        return close.text == "." and k == i and self._point_line(i) and after.group(1).isupper()

    def _point_line(self, k: int) -> bool:
        """Token k starts a line, and the line before ends a sentence, is blank or is a point itself,
        or the next line is a point: "Plans:\n1. Roads\n2. Schools" but not the hard-wrapped
        "Unemployment fell to\n4. Wages rose"."""
        start = self.toks[k].start
        if k > 0 and "\n" not in self.gap(k):
            return False  # a token on the line before it, so not the first of its line
        line = self.text.rfind("\n", max(0, start - 300), start) + 1  # the token starts its line: a short search
        if self.text[line:start].strip() != "" or (k > 0 and self.toks[k - 1].end > line):
            return False
        if line == 0:
            return True
        previous = self.text.rfind("\n", max(0, line - 300), line - 1) + 1
        before = self.text[max(previous, line - 300):line - 1].rstrip(" \t\r")
        following = self.text.find("\n", start)
        return (before == "" or before.endswith((".", ":", ";", "!", "?")) or _POINT.match(before) is not None
                or (following >= 0 and _POINT.match(self.text, following + 1) is not None))

    def label_ident(self, i: int) -> int:
        """Identifiers with digits ("F-16", "MH17", "COVID-19") are names, not figures: skipped."""
        return i + 1

    def number_list(self, i: int) -> int:
        t = self.toks[i]
        for part in digit_parts(t.text):
            s, e = t.start + part.start, t.start + part.end
            self.out.append(Quantity(value=part.value, kind="number", start=s, end=e, text=self.text[s:e],
                                     step=1.0))
        return i + 1

    # --- multiples: doubled, tripled, halved, twice as many ----------------------------------
    def multiple(self, i: int) -> int:
        t = self.toks[i]
        if t.kind != "word":
            return 0
        lex = self.lex
        if t.low in lex.multiples:
            if t.low in lex.multiple_needs_context and not self.multiple_in_context(i):
                return 0
            if t.low in ("twice", "thrice"):
                if not (self.low(i + 1) in ("as", "the") or self.low(i + 1) in ("a", "per")):
                    return 0
            f = Figure(lex.multiples[t.low], i, i + 1, kind="multiple", words=True)
            self.emit(f)
            return i + 1
        # "three times as many", "2.5 times the", "a three-fold rise"
        n = read_number(self.toks, i, self.text) if t.kind in ("word", "num") else None
        if n is not None and n.last < len(self.toks):
            w = self.low(n.last)
            if w == "times" and self.low(n.last + 1) in ("as", "more", "the", "higher", "larger", "bigger", "greater",
                                                          "faster", "smaller", "lower", "that", "what"):
                self.emit(Figure(n.value, i, n.last + 1, kind="multiple", words=n.words, step=n.step))
                return n.last + 1
            if w == "-" and self.low(n.last + 1) == "fold" or w == "fold":
                end = n.last + (2 if w == "-" else 1)
                self.emit(Figure(n.value, i, end, kind="multiple", words=n.words, step=n.step))
                return end
        if t.low.endswith("fold") and t.low[:-4] in lex.units | lex.teens | lex.tens and t.low[:-4]:
            self.emit(Figure(lex.cardinal_word(t.low[:-4]) or 0, i, i + 1, kind="multiple", words=True))
            return i + 1
        return 0

    # --- figures -------------------------------------------------------------------------
    def qualifier_at(self, i: int, table) -> tuple[str, str, int] | None:
        """Longest qualifier phrase at token i: (surface, qualifier, index after)."""
        if i >= len(self.toks) or self.toks[i].low not in self.lex.qualifier_starts:
            return None
        best = None
        words: list[str] = []
        for k in range(i, min(len(self.toks), i + 6)):
            if k > i and self.gap(k) not in (" ", "", "  "):
                break
            words.append(self.toks[k].low)
            key = tuple(words)
            if key in table:
                best = (self.span_text(i, k + 1), table[key], k + 1)
        return best

    def figure(self, i: int) -> int:
        lex = self.lex
        first = i
        qual = self.qualifier_at(i, lex.before_qualifiers)
        between = False
        from_ = False
        j = i
        if qual is not None:
            j = qual[2]
        elif self.low(i) == "between":
            between, j = True, i + 1
        elif self.low(i) == "from" and not self.change_context(i):
            from_, j = True, i + 1
        if j >= len(self.toks):
            return 0
        if self.low(j) in ("the",) and (between or from_):
            j += 1
            if j >= len(self.toks):
                return 0  # "... came from the" at the end of a paragraph
        # "a year", "more than a year": one unit of time
        if self.low(j) in ("a", "an") and j + 1 < len(self.toks):
            dur = self.article_duration(first, j, qual)
            if dur:
                return dur
        tj = self.toks[j]
        money = currency_before(self.toks, j, self.text) if (
            tj.text in triggers().currency_starts or tj.low in triggers().currency_starts) else None
        k = money.last if money else j
        if k >= len(self.toks):
            return 0
        num = read_number(self.toks, k, self.text)
        if num is None:
            return 0  # any qualifier words here are ordinary words
        if not math.isfinite(num.value):
            return num.last  # "1/0", "1.8e308": not a figure anyone can check
        if self.is_pronoun_one(num, k):
            return num.last
        if money is None and self.is_broken_grouping(k, num):
            return num.last + 1
        if self.toks[k].low in ("hundred", "thousand", "million", "billion", "dozen") and \
                self.low(k - 1) in ("several", "few", "many", "some", "couple", "hundreds", "thousands", "tens"):
            return num.last  # "several hundred years": no figure is stated
        if money is None and num.last + 1 < len(self.toks) and self.low(num.last) == "times" \
                and self.low(num.last + 1) in _TIMES_AFTER:
            # "more than 5 times as much", "nearly five times as great": a multiple, with its hedge
            f = Figure(num.value, first, num.last + 1, kind="multiple", words=num.words, step=num.step)
            if qual is not None:
                f.qualifier_text, f.qualifier = qual[0], qual[1]
            return self.finish(f, num)
        if money is None and self.is_memory_k(k, num):
            # "32K word core memory": kibibytes, not 32,000 (the sentence says what K counts)
            f = Figure(num.value / 1000, first, num.last, kind="measure", unit="kibibyte", step=1.0)
            if qual is not None:
                f.qualifier_text, f.qualifier = qual[0], qual[1]
            return self.finish(f, num)
        f = Figure(num.value, first, num.last, step=num.step, words=num.words, shape=num.shape,
                    integer_digits=not num.words and num.shape == "cardinal" and num.value == int(num.value)
                    and "." not in self.toks[k].text and "," not in self.toks[k].text)
        if qual is not None:
            f.qualifier_text, f.qualifier = qual[0], qual[1]
        if num.shape == "ordinal":
            f.kind = "ordinal"
            t0 = self.toks[k]
            nxt = self.toks[num.last] if num.last < len(self.toks) else None
            if t0.kind == "word" and t0.text[:1].isupper() and nxt is not None and nxt.kind == "word" \
                    and nxt.text[:1].isupper() and k > 0 and self.toks[k - 1].text not in (".", "!", "?"):
                f.kind = "label"  # "Second Lady", "the First Amendment": part of a name
            elif f.qualifier == "exact":
                end = self.ordinal_name_end(k, num.last)
                if end:
                    return end  # left out, as fixed names are: "the 21st century" states no figure
            return self.finish(f, num)
        if num.shape == "fraction" and qual is None and money is None and self.is_period_name(k, num):
            return num.last  # "in the quarter", "the 1988 quarter": a period of the year, not 1/4
        if num.shape == "fraction" and self.toks[k].low in ("a", "an") and num.last < len(self.toks):
            nxt = self.toks[num.last]
            den = self.toks[num.last - 1].low
            if nxt.kind == "word" and nxt.low not in ("of", "and", "or", "million", "billion", "trillion", "thousand") \
                    and self.lex.ordinal_word(den) is not None and not den.endswith("s"):
                # "a fifth escapee", "a third is injured": an ordinal, not a fraction
                f.kind, f.value, f.first = "ordinal", self.lex.ordinal_word(den) or 0, num.last - 1
                f.step = 1.0
                return self.finish(f, num)
        if num.shape == "fraction":
            f.kind = "fraction"
        if money is not None:
            f.kind, f.unit = "money", money.unit
            f.value *= money.multiplier
            if f.step:
                f.step *= money.multiplier
            if (money.first > 0 and self.toks[money.first - 1].text == "(" and num.last < len(self.toks)
                    and self.toks[num.last].text == ")" and f.value > 0
                    and not (self.out and self.toks[money.first - 1].start - self.out[-1].end <= 2)):
                f.value = -f.value  # "($99.99)": a loss, in accounts' notation
                f.first = money.first - 1
                num = NumberRead(-num.value, num.first, num.last + 1, num.step, num.shape, num.words)
        p = self.after_number(f, num.last, money_prefix=money is not None)
        f.last = p
        p = self.tolerance(f, p)
        p = self.per_unit(f, p)
        p = self.post_qualifier(f, p)
        p = self.range_end(f, p, between or from_)
        if (between or from_) and f.high is None:
            # "between" without a second figure: read again from the number itself
            return 0 if first == i and j == i else self.figure(j) or j
        if f.high is None:
            p2 = self.ratio(f, p)
            if p2:
                p = p2
        if f.kind in ("number",) and f.high is None:
            p = self.over_fraction(f, p)
        if f.kind == "number" and f.high is None:
            self.shared_unit(f)
        if f.kind == "fraction" and self.low(f.last) == "of" and self.low(f.last + 1) in ("a", "an") \
                and self.low(f.last + 2) in self.lex.scales and not self.low(f.last + 2).endswith("s"):
            f.value *= self.lex.scales[self.low(f.last + 2)]  # "two thirds of a million"
            f.kind, f.last = "number", f.last + 3
            p = max(p, f.last)
        self.classify(f, k)
        if f.kind in ("number", "count") and f.noun is None and f.value == int(f.value) and f.value >= 0:
            np_ = noun_after(self.toks, f.last, self.text, plural_expected=f.value != 1)
            if np_ is not None and not self.noun_is_unitlike(np_):
                f.kind, f.noun, f.noun_phrase = "count", np_.noun, np_.phrase
        if f.kind == "percent" and f.noun is None:
            self.percent_of(f)
        self.emit(f)
        return max(f.last, p)

    def finish(self, f: Figure, num: NumberRead) -> int:
        self.emit(f)
        return f.last

    def ordinal_name_end(self, k: int, last: int) -> int:
        """Where the name an ordinal belongs to ends, or 0 when the ordinal is a figure.

        "the 21st century", "the third quarter" (periods), "for the first time",
        "on second thought" (set phrases), "the 96th Congress" (a name) and
        "First, ..." (a list of points) name things; "the second-largest port",
        "their second Super Bowl" and "she finished 11th" are ranks and counts.
        """
        words = self.lex.words
        after = last + 1 if (self.low(last) == "-" and last + 1 < len(self.toks)
                             and self.gap(last) == "" and self.gap(last + 1) == "") else last
        if self.low(after) in words["ordinal_period_nouns"]:
            if self.low(after) in self.lex.fraction_words and self.low(after + 1) in words["long_period_units"]:
                return 0  # "the first half century": a rank, then a duration ("the first half year" is H1)
            return after + 1
        t = self.toks[k]
        if last == k + 1 and t.kind == "word":
            end = self.idiom_end(k)
            if end:
                return end
            at_start = k == 0 or self.low(k - 1) in self.lex.words["list_point_starts"]
            if at_start and self.low(last) in (",", ".", ":"):
                return last  # "First, we must ...", "Fifth. That Congress ...": points in a list
        if after < len(self.toks) and self.gap(after) == " " and (t.kind != "word" or not t.text[:1].isupper()) \
                and self.heads_a_name(after):
            return last  # "the 96th Congress", "the 10th Mountain Division"; "their second Super Bowl" is a count
        return 0

    def heads_a_name(self, m: int) -> bool:
        """Does a run of capitalised words from token m end in a word that heads names after an
        ordinal ("Congress", "Division", "Circuit")?"""
        heads = self.lex.words["ordinal_name_heads"]
        for k in range(m, min(m + 5, len(self.toks))):
            t = self.toks[k]
            if t.text == "." or (t.kind == "word" and t.text[:1].isupper()):
                if t.low in heads:
                    return True
                continue
            return False
        return False

    def idiom_end(self, k: int) -> int:
        """End of a set phrase around the ordinal word at k ("for the first time"), or 0."""
        for before, after in ordinal_idioms().get(self.toks[k].low, ()):
            if tuple(self.low(m) for m in range(k - len(before), k)) != before:
                continue
            m = k + 1
            for w in after:
                if self.low(m) == "-" and self.gap(m) == "":
                    m += 1
                if self.low(m) != w:
                    break
                m += 1
            else:
                return m
        return 0

    def is_period_name(self, k: int, num: NumberRead) -> bool:
        """"the quarter", "each half", "the 1988 quarter": a quarter or half of a year, not a fraction."""
        t = self.toks[k]
        if num.last != k + 1 or t.low not in self.lex.fraction_words or k == 0:
            return False
        prev = self.toks[k - 1]
        year = prev.kind == "num" and len(prev.text) == 4 and prev.text.isdigit() and 1000 <= int(prev.text) <= 2200
        if not (prev.low in self.lex.words["period_determiners"] or year):
            return False
        nxt = self.toks[k + 1] if k + 1 < len(self.toks) else None
        if nxt is None:
            return True
        if nxt.kind == "num" or nxt.low in self.lex.words["fraction_not_period_before"]:
            return False
        return time_unit(nxt.low) is None  # "the half century", "every quarter century": durations

    def is_memory_k(self, k: int, num: NumberRead) -> bool:
        """A glued "K" after digits in a sentence about computer memory ("64K of RAM")."""
        last = self.toks[num.last - 1]
        return (last.text == "K" and num.last - 1 > k and self.gap(num.last - 1) == ""
                and choice_by_context("K", self.text, last.start) == "kibibyte")

    def is_broken_grouping(self, k: int, num: NumberRead) -> bool:
        """"245 23 yen": a number split by a stray space, or two numbers? No group of
        thousands has two digits, so it cannot be told; nothing is read rather than a guess.
        "50 50-dollar bills" (a count of bills of a kind) goes on to a noun and is read."""
        t = self.toks[k]
        if num.last != k + 1 or t.kind != "num" or not t.text.isdigit() or len(t.text) > 3:
            return False
        nxt = self.toks[k + 1] if k + 1 < len(self.toks) else None
        if nxt is None or nxt.kind != "num" or not nxt.text.isdigit() or len(nxt.text) > 2 or self.gap(k + 1) != " ":
            return False
        unit = currency_after(self.toks, k + 2, self.text) or match_unit(self.toks, k + 2, self.text, glued=False)
        return unit is not None and (unit.last >= len(self.toks) or self.toks[unit.last].kind != "word")

    def change_context(self, i: int) -> bool:
        """Is there a change verb ("rose", "doubled", "cut") shortly before token i, in the same clause?"""
        verbs = self.lex.change_verbs
        for k in range(i - 1, max(-1, i - 12), -1):
            t = self.toks[k]
            if t.text in (".", ";", "!", "?"):
                return False
            if t.low in verbs or t.low in self.lex.multiples:
                return True
        return False

    def is_pronoun_one(self, num: NumberRead, k: int) -> bool:
        """"one of the ministers", "no one", "the one you mentioned": a pronoun, not a figure."""
        t = self.toks[k]
        if t.low != "one" or num.last != k + 1:
            return False
        if match_unit(self.toks, k + 1, self.text, glued=False) is not None:
            return False  # "that one mile"
        words = self.lex.words
        prev = self.low(k - 1)
        nxt = self.low(k + 1)
        if prev in words["pronoun_one_before"] and prev not in ("only",):
            return True
        if nxt in words["pronoun_one_after"]:
            if nxt != "of":
                return True
            # "one of the 57", "one of 57" are ratios; "one of the first", "one of Coke's deals" are not
            m = k + 3 if self.low(k + 2) in ("the", "these", "those", "them", "us", "our", "its", "his", "her",
                                              "their", "my", "your", "this", "that") else k + 2
            after = read_number(self.toks, m, self.text) if m < len(self.toks) else None
            possessive = after is not None and self.low(after.last) in ("'", "’") and self.low(after.last + 1) == "s"
            return after is None or after.shape != "cardinal" or possessive  # "one of 2019's best films"
        return False

    def article_duration(self, first: int, j: int, qual) -> int:
        """"a year", "more than a year", "an hour": one unit of time; "a gallon": one unit."""
        t = self.toks[j + 1]
        if t.kind != "word":
            return 0  # 'a "V" for valor': a quote mark, not inches
        name = time_unit(t.low)
        kind = "duration"
        if name is None:
            um = match_unit(self.toks, j + 1, self.text, glued=False)
            cur = currency_after(self.toks, j + 1, self.text)
            if cur is not None and cur.unit in currency_subunits() and cur.last == j + 2:
                name, kind = cur.unit, "money"  # "a penny"
            elif um is None or um.name not in catalogue().article_units or um.last != j + 2:
                return 0
            else:
                name, kind = um.name, "measure"
        if self.gap(j + 1) != " ":
            return 0
        after = self.toks[j + 2] if j + 2 < len(self.toks) else None
        if after is not None and after.low in ("and", "or") and self.lex.ordinal_word(self.low(j + 3)) is not None:
            return 0  # "a second and third term": ordinals
        if after is not None and after.kind == "word" and after.low not in self.lex.words["noun_stop"] \
                and (after.text.islower() and not after.low.endswith("ly") or after.text[:1].isupper()):
            return 0  # "a second thought", "a mile marker", "a second U.S. fighter": the unit word is a modifier
        prev = self.low(first - 1)
        if self.low(first - 2) in ("a", "an") or (first > 0 and self.toks[first - 1].kind == "num"):
            return 0  # "a dollar a day", "5 miles an hour": a rate
        if prev in self.lex.words["article_duration_cues_skip"] or (self.out and self.out[-1].end >= self.toks[first].start - 2
                                                                      and self.out[-1].kind in ("money", "measure")):
            return 0
        f = Figure(1.0, first, j + 2, kind=kind, unit=name, words=True, step=None)
        if self.low(j + 2) == "and" and self.low(j + 3) in ("a", "one") and self.low(j + 4) == "half":
            f.value, f.last = 1.5, j + 5  # "a year and a half"
        if qual is not None:
            f.qualifier_text, f.qualifier = qual[0], qual[1]
        self.emit(f)
        return f.last

    def after_number(self, f: Figure, p: int, *, money_prefix: bool) -> int:
        """Scale, percent, currency or unit after the number; returns the index after them."""
        toks, lex = self.toks, self.lex
        n = len(toks)
        if p >= n:
            return p
        w = toks[p].low
        # percent and percentage points
        if toks[p].text in ("%", "٪") and self.gap(p) in ("", " "):
            f.kind, f.unit = "percent", "percent"
            return p + 1
        if w in ("percent", "percentage", "percents", "pct", "pc") and self.gap(p) == " ":
            if w == "percentage" and self.low(p + 1) in ("point", "points"):
                f.kind, f.unit = "percentage_point", "percentage point"
                return p + 2
            f.kind, f.unit = "percent", "percent"
            return p + 1 if not (w == "pct" and self.low(p + 1) == "." and toks[p + 1].start == toks[p].end) else p + 2
        if w == "per" and self.low(p + 1) == "cent" and self.gap(p) == " ":
            f.kind, f.unit = "percent", "percent"
            return p + 2
        if w in ("pp", "ppt", "pts") and self.gap(p) in ("", " ") and f.kind != "money":
            f.kind, f.unit = "percentage_point", "percentage point"
            return p + 1
        if money_prefix:
            # "$70 a share" and "$ 1.40 a share" stay money; "US$ 1MM" scale is read already
            if w in ("dollars", "dollar") and self.gap(p) == " ":
                return p + 1
            return p
        # currency after the number
        cur = currency_after(toks, p, self.text)
        if cur is not None and cur.unit == "GBP" and toks[p].low in ("pound", "pounds") and not self.money_context(f, p):
            cur = None  # "lose 25 pounds", "a twenty-pound bag": weight
        if cur is not None:
            f.kind, f.unit = "money", cur.unit
            f.value *= cur.multiplier
            if f.step:
                f.step *= cur.multiplier
            q = cur.last
            if q < n and toks[q].low in lex.scales and not toks[q].low.endswith("s"):
                f.value *= lex.scales[toks[q].low]  # "75 USD million"
                q += 1
            # "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50."
            q = self.money_cents(f, q)
            return q
        # unit of measure
        um = match_unit(toks, p, self.text, glued=self.gap(p) == "")
        if um is not None and self.gap(p) in ("", " ", "  ", "-", " (") or (
                um is not None and toks[p].text in "([{<"):
            f.unit = um.name
            f.kind = "duration" if um.name in catalogue().time_units else "measure"
            return self.feet_and_inches(f, um.last)
        if p < n and toks[p].text in ("(", "[", "{", "<") and p + 2 < n and toks[p + 2].text in (")", "]", "}", ">") \
                and self.gap(p) == " ":  # "1,000 (ft)"; "section 14(b)" is a name
            um = match_unit(toks, p + 1, self.text, glued=True)
            if um is not None and um.last == p + 2:
                f.unit, f.kind = um.name, "measure"
                return p + 3
        # "3-inch", "six-mile", "two-year": hyphenated compound adjectives
        if toks[p].text in "-‑" and p + 1 < n and self.gap(p) == "" and self.gap(p + 1) == "":
            um = match_unit(toks, p + 1, self.text, glued=True)
            if um is not None:
                f.unit = um.name
                f.kind = "duration" if um.name in catalogue().time_units else "measure"
                return um.last
            cur = currency_after(toks, p + 1, self.text)
            if cur is not None:
                f.kind, f.unit = "money", cur.unit
                return cur.last
        return p

    def tolerance(self, f: Figure, p: int) -> int:
        """"9.83e-3 +/- 1e-5 km/s2", "2,000.45±0.01 pounds": a value with its margin, read as a range."""
        toks = self.toks
        k = p
        if k < len(toks) and toks[k].text == "±":
            k += 1
        elif k + 2 < len(toks) and toks[k].text == "+" and toks[k + 1].text == "/" and toks[k + 2].text in "-−":
            k += 3
        else:
            return p
        if k >= len(toks):
            return p
        margin = read_number(toks, k, self.text)
        if margin is None or not math.isfinite(margin.value) or margin.value < 0:
            return p
        g = Figure(margin.value, k, margin.last)
        q = self.after_number(g, margin.last, money_prefix=False)
        if f.unit is None and g.unit is not None:
            f.kind, f.unit = g.kind, g.unit
        mid = f.value
        f.value, f.high = mid - margin.value, mid + margin.value
        f.last = q
        return q

    def per_unit(self, f: Figure, p: int) -> int:
        """"$15.4/hour", "$350 per kg", "four times per week": a rate."""
        toks = self.toks
        if f.kind == "number" and self.low(p) == "times" and self.low(p + 1) in ("per", "a", "an"):
            um = match_unit(toks, p + 2, self.text, glued=True)
            if um is not None and um.name in catalogue().time_units:
                f.kind, f.unit, f.last = "measure", f"count per {um.name}", um.last
                return um.last
        if p + 1 >= len(toks) or not (toks[p].text == "/" or toks[p].low in ("per", "a", "an")):
            return p
        if f.kind == "money" or (f.kind in ("number",) and self.low(p - 1) == "times"):
            if toks[p].low in ("a", "an") and f.kind == "money":
                return p  # "$70 a share" stays money
            um = match_unit(toks, p + 1, self.text, glued=True)
            if um is None:
                return p
            base = f.unit if f.kind == "money" else "count"
            f.unit = f"{base} per {um.name}"
            if f.kind != "money":
                f.kind = "measure"
            f.last = um.last
            return um.last
        return p

    def money_context(self, f: Figure, p: int) -> bool:
        """Is "pounds" money here? A scale word ("20 million pounds") or a money word nearby says so."""
        cues = money_cues()
        lo = max(0, f.first - 8)
        return any(t.low in cues for t in self.toks[lo:p])

    def feet_and_inches(self, f: Figure, q: int) -> int:
        """"5 ft 2 in", "5 feet and 2 inches": one length, in feet."""
        if f.unit != "foot" or q >= len(self.toks):
            return q
        k = q + 1 if self.low(q) == "and" else q
        if k >= len(self.toks) or self.toks[k].kind != "num":
            return q
        inches = read_number(self.toks, k, self.text)
        if inches is None or inches.value >= 12:
            return q
        um = match_unit(self.toks, inches.last, self.text, glued=False)
        if um is None or um.name != "inch":
            return q
        f.value += inches.value / 12
        f.step = None
        return um.last

    def money_cents(self, f: Figure, q: int) -> int:
        toks = self.toks
        n = len(toks)
        if q >= n or f.unit in currency_subunits():
            return q
        k = q + 1 if self.low(q) == "and" else q
        if k >= n:
            return q
        cents = read_number(toks, k, self.text)
        if cents is None or not 0 < cents.value < 100:
            return q
        c = cents.last
        after = self.low(c) if c < n else ""
        if after in ("cents", "cent", "pence", "mao", "penny"):
            f.value += cents.value / (10 if after == "mao" else 100)
            return c + 1
        if c >= n or toks[c].text in (".", ",", ";", "!", "?", ")"):
            if currency_after(toks, c, self.text) is None:
                f.value += cents.value / 100
                return c
        return q

    def post_qualifier(self, f: Figure, p: int) -> int:
        if p >= len(self.toks):
            return p
        q = self.qualifier_at(p, self.lex.after_qualifiers)
        if q is None:
            return p
        surface, kind, end = q
        if surface.lower() in self.lex.after_needs_clause_end and end < len(self.toks) and \
                self.toks[end].kind == "word" and self.toks[end].low not in ("than",):
            return p  # "in 5 years and less foreign oil": a new phrase, not a bound
        if kind == "exact":  # "less than 5000 or equal": a bound made inclusive
            refined = self.lex.after_refines.get(f.qualifier)
            if refined is None:
                return p
            f.qualifier = refined
        elif f.qualifier == "exact" or f.qualifier_text is None:
            f.qualifier = kind
        f.qualifier_text = (f.qualifier_text + " … " if f.qualifier_text else "") + surface
        f.last = end
        return end

    def range_end(self, f: Figure, p: int, opened: bool) -> int:
        """"10-12", "10 to 12", "between 10 and 12", "three to five", "$5m-$7m"."""
        toks = self.toks
        n = len(toks)
        if p >= n or f.kind in ("ordinal",) and not opened:
            return p
        w = toks[p].low
        k = p
        if w in ("-", "–", "—", "~") or w == "‑":
            if w in ("-", "‑") and self.gap(p) not in ("", " ") or (w == "-" and p + 1 < n and self.low(p + 1) == "to"):
                if w == "-" and p + 1 < n and self.low(p + 1) == "to":  # "8- to 16-meter"
                    k = p + 2
                else:
                    return p
            else:
                k = p + 1
        elif w in ("to", "through", "thru") or (w == "and" and opened):
            if opened and w == "and" or w in ("to", "through", "thru"):
                k = p + 1
        else:
            return p
        if k == p or k >= n:
            return p
        if opened is False and w == "to" and self.low(f.first - 1) == "from" and self.change_context(f.first - 1):
            self.shared_scale(f, k)
            return p  # "rose from 100 to 120": two figures of a change, not a range
        if self.low(k) == "the" and opened:
            k += 1
        money = currency_before(toks, k, self.text) if f.kind == "money" else None
        k2 = money.last if money else k
        if k2 >= n:
            return p
        second = read_number(toks, k2, self.text)
        if second is None or not math.isfinite(second.value):
            return p
        self.shared_scale(f, k2)
        g = Figure(second.value, k, second.last, step=second.step, shape=second.shape)
        q = self.after_number(g, second.last, money_prefix=money is not None)
        if money is not None:
            g.kind, g.unit = "money", money.unit
        # a score ("a 2-1 win") is not a range
        if w == "-" and q < n and self.low(q) in self.lex.words["score_words_after"] and f.unit is None:
            f.kind = "label"
            f.last = second.last
            return second.last
        if w in ("-", "–", "—") and not opened and second.value < f.value and f.unit is None and g.unit is None:
            if f.words or second.words:
                return p
            f.kind = "label"  # "won 2–1": a score, not a range
            f.last = second.last
            return second.last
        if not opened and second.value < f.value and not (f.value < 0 or second.value < 0):
            return p  # "49% to 45%": two figures compared, not a range
        if (f.integer_digits and 1000 <= f.value <= 2200 and f.value == int(f.value) and f.unit is None
                and not opened and not self._year_like(second, k2)):
            return p  # "from 1.2 million in 2021 to 1.9 million": a year, then the change's new value
        if opened and self.low(f.first) == "from" and 0 < second.value < f.value:
            return p  # "from 3.5 million to 2.9 million": a fall, not a range (ranges run upwards)
        if f.unit is None and g.unit is not None:
            f.kind, f.unit = g.kind, g.unit
        elif f.unit is not None and g.unit is not None and g.unit != f.unit:
            return p  # "from 44 ml to 50 mg" are two figures
        if not opened and w == "to" and f.kind != g.kind and g.kind != "number" and f.unit is not None and g.unit is None:
            return p
        if not opened and w == "to" and f.kind in ("percent", "measure") and g.unit is None:
            return p  # "grew 12% to 56,000 people": the size of a change, then its new value
        f.high = second.value * (1 if money is None else money.multiplier)
        if second.step is not None and f.step is not None:
            f.step = min(f.step, second.step)
        f.last = q
        return q

    def _year_like(self, second: NumberRead, k: int) -> bool:
        """Is the number at token k written as plain digits, as a year or a round count beside a
        year is ("1990-95", "2000 to 2500"), not with a scale, separators or decimals?"""
        t = self.toks[k]
        # "2000 to 2500 troops" stays a range; "2015 to 50,000" and "2021 to 1.9 million" are not
        return second.last == k + 1 and t.text.isdigit() and len(t.text) <= 4

    def shared_scale(self, f: Figure, k: int) -> None:
        """"from 9 to 11 million", "between 2 and 3 billion": the scale word after the second
        number is the first one's too."""
        if k >= len(self.toks) or f.kind not in ("number", "count", "money") or f.value >= 1000:
            return
        if self.toks[f.last - 1].low in self.lex.scales or self.toks[f.last - 1].kind != "num":
            return
        second = read_number(self.toks, k, self.text)
        if second is None:
            return
        last = self.toks[second.last - 1]
        scale = self.lex.scales.get(last.low) or (self.lex.scale_suffixes.get(last.text, (None,))[0]
                                                  if last.kind == "word" else None)
        if scale and scale >= 1000 and not last.low.endswith("s") and second.value > f.value * scale * 0.01:
            f.value *= scale
            f.step = (f.step or 1.0) * scale

    def ratio(self, f: Figure, p: int) -> int:
        """"2 out of 57", "two of the 57", "one in five", "3:1"."""
        toks = self.toks
        n = len(toks)
        if f.kind not in ("number",) or f.unit is not None or p >= n or f.shape != "cardinal":
            return 0
        w = toks[p].low
        if w == "out" and self.low(p + 1) == "of":
            k = p + 3 if self.low(p + 2) in ("the", "those", "these", "its", "their", "our") else p + 2
        elif w == "of" and self.low(p + 1) in ("the", "those", "these", "its", "their"):
            k = p + 2
        elif w == "of" and p + 1 < n and toks[p + 1].kind == "num" and not (
                f.integer_digits and 1000 <= f.value <= 2200 and "," not in toks[f.first].text):
            k = p + 1  # "120 of 800", "two of 57 strikes"; but not "in 1896 of 44,981"
        elif w == "in" and self.gap(p) == " ":
            k = p + 1
        elif w in ("-", "‑") and self.gap(p) == "" and p + 1 < n and self.gap(p + 1) == "" \
                and toks[p + 1].kind == "ident" and _ONE_IN.fullmatch(toks[p + 1].text):
            # "a 1-in-77 chance", "1-in-59,000" (the tokenizer keeps "in-77" as one identifier)
            digits = _ONE_IN.fullmatch(toks[p + 1].text).group(1).replace(",", "")  # type: ignore[union-attr]
            end = p + 2
            while end + 1 < n and toks[end].text == "," and self.gap(end) == "" and self.gap(end + 1) == "" \
                    and toks[end + 1].kind == "num" and len(toks[end + 1].text) == 3 and toks[end + 1].text.isdigit():
                digits += toks[end + 1].text  # "1-in-59,000": the tokenizer stops the identifier at the comma
                end += 2
            whole_value = float(digits)
            if whole_value <= 0 or f.value > whole_value:
                return 0
            f.kind, f.part, f.whole = "ratio", f.value, whole_value
            f.value = f.value / whole_value
            f.last = end
            return end
        elif w == ":" and self.gap(p) == "" and p + 1 < n and toks[p + 1].kind == "num" and self.gap(p + 1) == "":
            other = read_number(toks, p + 1, self.text)
            if other is None or other.value == 0:
                return 0
            f.kind, f.part, f.versus = "ratio", f.value, other.value
            f.value = f.value / other.value
            f.last = other.last
            return other.last
        else:
            return 0
        if k >= n:
            return 0
        whole = read_number(toks, k, self.text)
        if whole is None or whole.shape != "cardinal" or whole.value <= 0:
            return 0
        if whole.last < n and toks[whole.last].text in ("-", "‑") and toks[whole.last].start == toks[whole.last - 1].end:
            return 0  # "five of the three-ton satellites"
        if whole.last < n and toks[whole.last].text in ("%",) or self.low(whole.last) in ("percent", "per"):
            return 0
        if w == "in":
            # "one in five" but not "12 in six boxes" or "2 in 2009"
            if f.value > whole.value or (len(toks[k].text) == 4 and toks[k].kind == "num" and 1000 < whole.value < 2200):
                return 0
            if match_unit(toks, whole.last, self.text, glued=False) is not None:
                return 0
        if w == "of" and f.value > whole.value * 10:
            return 0
        if w == "of" and f.words and k == p + 1 and (
                (len(toks[k].text) == 4 and 1000 <= whole.value <= 2200)  # "one of 2019's best"
                or noun_after(toks, whole.last, self.text, plural_expected=True) is None):
            return 0  # in words, "two of 57" is a ratio only when it counts something: "two of 57 strikes"
        f.kind, f.part, f.whole = "ratio", f.value, whole.value
        f.value = f.value / whole.value
        f.last = whole.last
        np_ = noun_after(toks, whole.last, self.text, plural_expected=True)
        if np_ is not None:
            f.noun, f.noun_phrase = np_.noun, np_.phrase
        return whole.last

    def over_fraction(self, f: Figure, p: int) -> int:
        """"one over three": a fraction read aloud."""
        toks = self.toks
        if self.low(p) != "over" or p + 1 >= len(toks) or f.qualifier_text:
            return p
        den = read_number(toks, p + 1, self.text)
        if den is None or den.value == 0 or den.shape != "cardinal":
            return p
        end = den.last
        if end < len(toks) and toks[end].kind == "word" and toks[end].low not in ("and", "or", "is", "are"):
            return p
        f.value = f.value / den.value
        f.kind, f.shape = "fraction", "fraction"
        f.last = end
        return end

    def shared_unit(self, f: Figure) -> None:
        """"45 and 50 mg": the unit after the second number is the first one's too."""
        if f.integer_digits and 1000 <= f.value <= 2200:
            return  # "in 2019, five years ago": a year, not 2019 years
        um = self.chain_unit(f.last)
        if um is not None:
            f.kind = "duration" if um.name in catalogue().time_units else "measure"
            f.unit = um.name

    def chain_unit(self, start: int):
        """The unit after the last number of the chain "N, N and N unit" that goes on at `start`
        (None when no number follows or none has a unit). Memoised on every link walked, so a
        line of ten thousand numbers is read in linear time."""
        p = start
        walked: list[int] = []
        second = None
        found: object = None
        while p + 1 < len(self.toks) and (
                (self.low(p) in ("and", "or", ",") and self.toks[p + 1].kind == "num")
                or (self.low(p) in ("and", "or") and self.lex.cardinal_word(self.toks[p + 1].low) is not None)):
            if p in self.chain_units:
                found = self.chain_units[p]
                second = None
                break
            walked.append(p)
            second = self.plain_link(p + 1) or read_number(self.toks, p + 1, self.text)
            if second is None:
                break
            p = second.last
        else:
            if second is not None:
                found = match_unit(self.toks, second.last, self.text, glued=self.toks[second.last - 1].end == (
                    self.toks[second.last].start if second.last < len(self.toks) else -1))
        for q in walked:
            self.chain_units[q] = found
        return found

    def plain_link(self, q: int) -> NumberRead | None:
        """The number at q when it is plain digits and a list separator follows ("3, 5,"), read
        without `read_number`; None when it needs the full reading ("2 and a half", "5 million")."""
        toks = self.toks
        t = toks[q]
        if t.kind != "num" or not t.text.isdigit() or q + 1 >= len(toks):
            return None
        sep, gap = toks[q + 1].low, self.gap(q + 1)
        if not (sep == "," and gap == "") and not (
                sep in ("and", "or") and gap == " " and q + 2 < len(toks) and toks[q + 2].kind == "num"):
            return None
        return NumberRead(float(t.text), q, q + 1, 1.0, "cardinal", False, 0) if len(t.text) <= 15 else None

    def classify(self, f: Figure, k: int) -> None:
        """Year or label for a bare number, from what surrounds it."""
        letter = self.toks[k + 1].text if f.kind == "measure" and f.last == k + 2 else ""
        glued = letter != "" and self.gap(k + 1) == ""
        weather = letter in ("F", "C") and abs(f.value) <= 140  # "London 30C, Phoenix 118F"
        # only letters that are model suffixes more often than units: "Everest 8849 m", "Anker 65W" are measures
        model = letter in self.lex.words["model_letters"] or (
            len(letter) == 1 and self.low(k - 1) in self.lex.words["label_words"])  # "section 15A"
        if model and (glued and letter.isupper() or not glued and letter.islower()) \
                and not weather and self.is_label(k, f, model=True):
            f.kind, f.unit = "label", None  # "a Boeing 777F", "a Cessna 208B", "LHS 1140 b": names, not measures
            return
        if f.kind != "number":
            return
        toks = self.toks
        t = toks[k]
        if f.high is not None:
            # "between 2010 and 2020", "1990-2000": a span of years
            if (f.integer_digits and len(t.text) == 4 and 1000 <= f.value <= 2200 and f.high == int(f.high)
                    and 1000 <= f.high <= 2200 and f.high > f.value):
                nxt = toks[f.last] if f.last < len(toks) else None
                if nxt is None or not (nxt.kind == "word" and plural_at(toks, f.last)):
                    f.kind, f.step = "year", 1.0
            return
        if f.integer_digits and f.first == k and len(t.text) == 4 and 1000 <= f.value <= 2200:
            nxt = toks[f.last] if f.last < len(toks) else None
            # "in 2022 makes it": after "in", "since", "by"... a year even before a word in -s
            strong = self.low(k - 1) in ("in", "since", "by", "until", "till", "during", "before", "after",
                                          "from", "through", "circa", "early", "late", "mid", "fiscal") \
                or self.year_before_verb(k, f)
            if strong or nxt is None or not (nxt.kind == "word" and plural_at(toks, f.last)):
                f.kind = "year"
                f.step = 1.0
                return
        if (f.integer_digits or (f.shape == "cardinal" and not f.words and self.low(k - 1) in self.lex.words["label_words"])) \
                and self.is_label(k, f):
            f.kind = "label"
        elif f.words and f.first == k and f.last == k + 1 and self.is_word_in_a_name(k):
            f.kind = "label"  # "the One China policy", "the CBP One app", "Air Force One"

    def is_word_in_a_name(self, k: int) -> bool:
        """A number word written with a capital inside a sentence, beside another capitalised word:
        part of a name ("One China", "CBP One"); not in a line set in title case ("Storm Kills
        Twelve People"), nor at a sentence's start."""
        t = self.toks[k]
        if k == 0 or not (t.text[:1].isupper() and t.text[1:].islower()):
            return False
        prev = self.toks[k - 1]
        if prev.kind != "word" and prev.text not in (",",):
            return False  # after ".", ":", a quote or a bracket a capital starts something new
        nxt = self.toks[k + 1] if k + 1 < len(self.toks) else None
        before_prev = self.toks[k - 2].text if k >= 2 else ""
        # a capitalised neighbour: a name's word, or a short acronym ("CBP One"), not a heading in
        # capitals run into the sentence ("THE WAGE EARNER Two very important policies")
        beside = [w for w in (prev, nxt) if w is not None and w.kind == "word" and w.text[:1].isupper()
                  and (not w.text.isupper() or (len(w.text) <= 4 and not (w is prev and before_prev.isupper())))]
        if not beside:
            return False
        start = max(self.text.rfind("\n", max(0, t.start - 300), t.start) + 1, t.start - 300)
        end = self.text.find("\n", t.end, t.end + 300)
        line = _LINE_WORD.findall(self.text, start, min(end if end >= 0 else len(self.text), t.end + 300))
        return any(w.islower() for w in line)  # a title-case line has no lower-case word of four letters

    def year_before_verb(self, k: int, f: Figure) -> bool:
        """"2025 ranks as the warmest year", "2024 marks the end": a year opening a clause, then one of
        the verbs in -s that follow a year; not "1500 troops", "1800 patients a day"."""
        words = self.lex.words
        return self.low(f.last) in words["verbs_after_a_year"] and (k == 0 or self.low(k - 1) in words["clause_openers"])

    def is_label(self, k: int, f: Figure, model: bool = False) -> bool:
        """"Article 5", "Boeing 737", "Voyager 2": a number that names something. With `model`,
        the number carries a letter ("Cessna 208B"), so a noun after it is what the model is."""
        if k == 0 or f.first != k:
            return False
        prev = self.toks[k - 1]
        words = self.lex.words
        if prev.text == "." and k >= 2 and self.toks[k - 2].low in ("no", "nr", "nrs", "nos", "vol", "fig", "art", "sec"):
            return True  # "No. 1"
        if prev.kind != "word" or self.gap(k) != " ":
            return False
        if prev.low in words["label_words"] and (prev.text[:1].isupper() or prev.low in ("no", "nr", "nos") or model
                                                 or prev.low in words["label_words_any_case"]):
            return True  # "Article 5", "no 3", "section 15A", "section 14(b)"
        if prev.text == "." and k >= 2 and self.toks[k - 2].low in ("no", "nr", "nrs", "nos", "vol", "fig", "art", "sec"):
            return True
        if not prev.text[:1].isupper() or prev.low in words["label_not_before"] or prev.low in self.lex.scales:
            return False
        if month_at(self.toks, k - 1, self.text) is not None or prev.low in words["weekdays"]:
            return False
        if prev.low in self.lex.before_qualifiers or (prev.low,) in self.lex.before_qualifiers:
            return False
        if prev.low in ("i", "i'm", "i’m"):
            return False
        # a capitalised word straight before a number: a name, unless a unit or noun follows
        nxt = self.toks[f.last] if f.last < len(self.toks) else None
        if not model and nxt is not None and nxt.kind == "word" and plural_at(self.toks, f.last):
            return False
        return True

    def noun_is_unitlike(self, np_) -> bool:
        return np_.noun in ("percent", "time", "times")

    def percent_of(self, f: Figure) -> None:
        """"90 percent of the strikes": what the percentage is of."""
        p = f.last
        if self.low(p) != "of":
            return
        k = p + 1
        if self.low(k) in ("the", "these", "those", "its", "their", "his", "her", "our", "all", "them"):
            k += 1
        if k < len(self.toks) and self.low(k) == "the":
            k += 1
        if k < len(self.toks) and self.toks[k].kind == "num":
            k += 1  # "90 percent of the 57 strikes"
        np_ = noun_after(self.toks, k, self.text, plural_expected=True)
        if np_ is not None:
            f.noun, f.noun_phrase = np_.noun, np_.phrase
