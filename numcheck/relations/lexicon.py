"""The relation words, read once from `data/relations.en.json`.

Each list is kept as a set of word tuples, so "compared with" is matched as the two words it is,
and nothing is ever matched inside a word ("enterprise" holds no "rise").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Mapping

Phrases = frozenset[tuple[str, ...]]


@dataclass(frozen=True)
class RelationWords:
    rise: Phrases
    fall: Phrases
    comparatives: frozenset[str]
    change_nouns: frozenset[str]
    neutral_change: frozenset[str]
    multiple_verbs: frozenset[str]
    range_words: frozenset[str]
    make_up: frozenset[str]
    take_up: frozenset[str]
    comparison: Phrases
    balance_lead: Phrases
    balance_nouns: frozenset[str]
    breakdown_open: Phrases
    breakdown_lead: Phrases
    total_before: Phrases
    total_after: Phrases
    complete: Phrases
    overlap: Phrases
    share_of: Phrases
    aside: Phrases
    vote_words: frozenset[str]
    answer_words: frozenset[str]
    one_whole: Phrases
    not_shares: frozenset[str]
    gap_lead: frozenset[str]
    times_as: Phrases
    definite: Phrases
    update: frozenset[str]
    set_stop: frozenset[str]
    irregular: Mapping[str, str]
    time_aside: frozenset[str]
    clause_break: frozenset[str]
    exclusive: tuple[frozenset[str], ...]
    containers: frozenset[str]
    including: Phrases

    def direction(self, words: Iterable[str]) -> int:
        """+1 for a rise word, -1 for a fall word, 0 for neither (or both) among single words."""
        ws = set(words)
        rise = any((w,) in self.rise for w in ws)
        fall = any((w,) in self.fall for w in ws)
        return 0 if rise == fall else (1 if rise else -1)


def _phrases(items: Iterable[str]) -> Phrases:
    return frozenset(tuple(item.lower().replace(".", " .").split()) for item in items)


@lru_cache(maxsize=1)
def relation_words() -> RelationWords:
    data = json.loads(resources.files("numcheck.relations").joinpath("data", "relations.en.json").read_text("utf-8"))
    phrase_keys = {"including", "rise", "fall", "comparison", "balance_lead", "breakdown_open", "breakdown_lead",
                   "total_before",
                   "total_after", "complete", "overlap", "share_of", "aside", "one_whole", "times_as", "definite"}
    values: dict[str, object] = {}
    for key in RelationWords.__dataclass_fields__:
        raw = data[key]
        if key == "irregular":
            values[key] = dict(raw)
        elif key == "exclusive":
            values[key] = tuple(frozenset(group) for group in raw)
        elif key in phrase_keys:
            values[key] = _phrases(raw)
        else:
            values[key] = frozenset(w.lower() for w in raw)
    return RelationWords(**values)  # type: ignore[arg-type]


def lemma(word: str) -> str:
    """A word's lemma, enough to tell that "killed", "kill" and "kills" name one act: irregular
    forms from the data file, then the regular endings."""
    w = word.lower().replace("’", "'")
    irregular = relation_words().irregular
    if w in irregular:
        return irregular[w]
    for ending, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            stem = w[: len(w) - len(ending)] + keep
            if ending in ("ing", "ed") and len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # "pulled" keeps its l; "stopped" -> "stop"
            if ending in ("ed", "ing") and stem.endswith(("at", "iz", "bl", "ur", "as", "ov", "iv", "uc", "ag")):
                stem += "e"  # "evacuated" -> "evacuate", "seized" -> "seize"
            if ending == "es" and not stem.endswith(("s", "x", "z", "ch", "sh")):
                stem = w[:-1]  # "bridges" -> "bridge"
            return stem
    return w
