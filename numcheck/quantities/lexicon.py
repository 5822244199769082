"""Language data for the extractor, read once from the JSON files in `data/`.

The code only reads these tables; adding a hedge word, a currency or a label
word is a data change (as quantulum3 and dateparser keep theirs).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping


def load_json(name: str) -> Any:
    return json.loads(resources.files("numcheck.quantities").joinpath("data", name).read_text("utf-8"))


def _phrases(table: Mapping[str, str]) -> dict[tuple[str, ...], str]:
    """Phrase table keyed by its lower-case word tuple ("more than" -> ("more", "than"))."""
    out: dict[tuple[str, ...], str] = {}
    for phrase, value in table.items():
        if phrase.startswith("_"):
            continue
        out[tuple(_split_phrase(phrase))] = value
    return out


def _split_phrase(phrase: str) -> list[str]:
    # Symbols such as ">=" or "~" are tokens of their own, as the tokenizer makes them.
    parts: list[str] = []
    for word in phrase.lower().split():
        if word.isalpha() or "'" in word:
            parts.append(word)
        elif word.rstrip(".").isalpha():
            parts.extend([word.rstrip("."), "."])
        elif word.startswith("-") and word[1:].isalpha():
            parts.extend(["-", word[1:]])
        else:
            parts.extend(list(word))
    return parts


@dataclass(frozen=True)
class Lexicon:
    units: Mapping[str, float]
    teens: Mapping[str, float]
    tens: Mapping[str, float]
    scales: Mapping[str, float]
    plural_scales: frozenset[str]
    scale_suffixes: Mapping[str, tuple[float, str]]  # surface -> (multiplier, condition)
    ordinal_units: Mapping[str, int]
    ordinal_teens: Mapping[str, int]
    ordinal_tens: Mapping[str, int]
    ordinal_scales: Mapping[str, float]
    fraction_words: Mapping[str, int]
    dozens: Mapping[str, int]
    negative_words: frozenset[str]
    point_words: frozenset[str]
    vulgar_fractions: Mapping[str, float]
    multiples: Mapping[str, float]
    multiple_needs_context: frozenset[str]
    before_qualifiers: Mapping[tuple[str, ...], str]
    after_qualifiers: Mapping[tuple[str, ...], str]
    after_refines: Mapping[str, str]
    after_needs_clause_end: frozenset[str]
    change_verbs: frozenset[str]
    words: Mapping[str, Any]  # the lists of words.en.json, as sets or dicts
    qualifier_starts: frozenset[str]  # first words of every qualifier phrase (a quick reject)

    def cardinal_word(self, w: str) -> float | None:
        for table in (self.units, self.teens, self.tens):
            if w in table:
                return table[w]
        return None

    def ordinal_word(self, w: str) -> float | None:
        """Cardinal value of an ordinal word, singular or plural ("fifths" -> 5)."""
        for table in (self.ordinal_units, self.ordinal_teens, self.ordinal_tens, self.ordinal_scales):
            if w in table:
                return table[w]
            if w.endswith("s") and w[:-1] in table:
                return table[w[:-1]]
        return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    n = load_json("numbers.en.json")
    q = load_json("qualifiers.en.json")
    w = load_json("words.en.json")
    words: dict[str, Any] = {}
    for key, value in w.items():
        if key.startswith("_"):
            continue
        words[key] = frozenset(value) if isinstance(value, list) else value
    suffixes = {k: (float(v["value"]), v.get("needs", "")) for k, v in n["scale_suffixes"].items()
                if not k.startswith("_")}
    return Lexicon(
        units=n["units"], teens=n["teens"], tens=n["tens"], scales=n["scales"],
        plural_scales=frozenset(n["plural_scales_need_number"]), scale_suffixes=suffixes,
        ordinal_units=n["ordinal_units"], ordinal_teens=n["ordinal_teens"], ordinal_tens=n["ordinal_tens"],
        ordinal_scales=n["ordinal_scales"], fraction_words=n["fraction_words"], dozens=n["dozens"],
        negative_words=frozenset(n["negative_words"]), point_words=frozenset(n["point_words"]),
        vulgar_fractions=n["vulgar_fractions"], multiples=n["multiples"],
        multiple_needs_context=frozenset(n["multiple_needs_context"]),
        before_qualifiers=_phrases(q["before"]), after_qualifiers=_phrases(q["after"]),
        after_refines={k: v for k, v in q["after_refines"].items() if not k.startswith("_")},
        after_needs_clause_end=frozenset(q["after_needs_clause_end"]),
        change_verbs=frozenset(q["change_verbs"]), words=words,
        qualifier_starts=frozenset(k[0] for k in [*_phrases(q["before"]), *_phrases(q["after"])]),
    )
