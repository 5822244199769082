"""Cheap cues for the reader: which words can start a figure, fixed names with digits,
and small word lists, each built once from the language data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from numcheck.quantities.lexicon import lexicon, load_json
from numcheck.quantities.money import currencies
from numcheck.quantities.tokens import tokenize
from numcheck.quantities.units import catalogue


def time_unit(word: str) -> str | None:
    """The unit named by a singular time word ("year"), for "a year", "more than a week"."""
    return word if word in lexicon().words["duration_units"] else None


@dataclass(frozen=True)
class Triggers:
    words: frozenset[str]  # lower-case words (and symbols as written) that can start something
    after_article: frozenset[str]  # words that make "a"/"an" start a figure: "a year", "a dozen"
    currency_starts: frozenset[str]


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    lex = lexicon()
    w = lex.words
    cur = currencies()
    number_words = {*lex.units, *lex.teens, *lex.tens, *lex.scales, *lex.fraction_words, *lex.dozens,
                    *lex.negative_words, *lex.vulgar_fractions, *lex.ordinal_units, *lex.ordinal_teens,
                    *lex.ordinal_tens, *lex.ordinal_scales}
    number_words |= {x + "s" for x in [*lex.ordinal_units, *lex.ordinal_teens, *lex.ordinal_tens,
                                       *lex.ordinal_scales]}
    currency_starts = {k[0] for k in cur.symbols} | {k[0].lower() for k in cur.symbols} | {
        c.lower() for c in cur.codes} | {"m" + c.lower() for c in cur.codes} | {"dollar", "usd", "rmb", "sen"}
    words = set(number_words) | {k[0] for k in lex.before_qualifiers} | currency_starts
    words |= set(w["months"]) | set(w["weekdays"]) | set(w["relative_date_words"]) | set(lex.multiples)
    words |= {"between", "from", "percent", "percents", "per", "twice", "thrice"}
    words |= {k[0] for k in catalogue().named}
    words |= {m.capitalize() for m in w["months"]} | {d.capitalize() for d in w["weekdays"]}
    after_article = set(catalogue().article_units) | set(lex.scales) | set(lex.dozens) | set(
        lex.fraction_words) | {"penny", "cent", "second", "minute", "hour", "day", "week", "fortnight", "month",
                               "year", "decade", "century", "gallon", "mile", "kibibyte"}
    after_article |= {*lex.ordinal_units, *lex.ordinal_teens, *lex.ordinal_tens, *lex.ordinal_scales}
    after_article |= set(lex.tens) | set(lex.teens)
    return Triggers(frozenset(words), frozenset(after_article), frozenset(currency_starts))


@lru_cache(maxsize=1)
def fixed_labels() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Fixed names written with digits and symbols, by first token, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for label in lexicon().words["fixed_labels"]:
        if " " in label:
            continue  # names with spaces ("No. 1") are found by the label rule
        key = tuple(t.text for t in tokenize(label))
        table.setdefault(key[0], []).append(key)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@lru_cache(maxsize=1)
def ordinal_idioms() -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """Set phrases with an ordinal ("first time", "at first"), by the ordinal word:
    the words before it and the words after it."""
    lex = lexicon()
    ordinals = {*lex.ordinal_units, *lex.ordinal_teens, *lex.ordinal_tens}
    table: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for phrase in sorted(lex.words["ordinal_idioms"]):
        words = tuple(phrase.split())
        k = next(i for i, w in enumerate(words) if w in ordinals)
        table.setdefault(words[k], []).append((words[:k], words[k + 1:]))
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def money_cues() -> frozenset[str]:
    """Words near "pounds" that make it money rather than weight."""
    return frozenset(load_json("units.en.json")["money_cues"])


def currency_subunits() -> frozenset[str]:
    return currencies().subunits
