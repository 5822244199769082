"""What a count counts: the noun phrase after a number ("26 cruise missiles" -> "cruise missile")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from numcheck.quantities.lexicon import lexicon
from numcheck.quantities.tokens import Token


@dataclass(frozen=True)
class NounPhrase:
    noun: str  # singular head, with one modifier when the phrase is "modifier head"
    phrase: str  # as written
    last: int  # token index after the phrase


def singular(word: str) -> str:
    if len(word) >= 3 and word[-1] == "s" and word[:-1].isupper():
        return word[:-1].lower()  # "MPs", "IDs": an acronym's plural
    w = word.lower()
    irregular = lexicon().words["irregular_plurals"]
    if w in irregular:
        return irregular[w]
    if len(w) > 4 and w.endswith("men") and not w.endswith(("omen", "amen", "imen", "umen")):
        return w[:-3] + "man"  # fishermen, policemen, servicemen
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if re.search(r"(ches|shes|xes|sses|zzes)$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    return w


def plural_at(toks: Sequence[Token], k: int) -> bool:
    """Is token k a plural noun? A word in capitals is an acronym ("the 2003 SARS outbreak"), whose
    plural is written "MPs", unless the words beside it are in capitals too ("2000 JOBS CUT")."""
    word = toks[k].text
    if len(word) > 1 and word.isupper():
        beside = [toks[m].text for m in (k - 1, k + 1) if 0 <= m < len(toks) and toks[m].kind == "word"]
        if not any(len(w) > 1 and w.isupper() for w in beside):
            return False
        word = word.lower()
    return is_plural(word)


def is_plural(word: str) -> bool:
    w = word.lower()
    words = lexicon().words
    if w in words["plural_nouns_without_s"] or (len(w) > 4 and w.endswith("men") and singular(w) != w):
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")) and singular(word) != w


def noun_after(toks: Sequence[Token], j: int, text: str, plural_expected: bool, max_words: int = 4) -> NounPhrase | None:
    """The noun phrase starting at token j, or None.

    Without a part-of-speech tagger we stop at function words, punctuation and
    line breaks; with a plural count the head is the first plural word.
    """
    lex = lexicon()
    stop = lex.words["noun_stop"]
    collected: list[Token] = []
    at: list[int] = []  # the token index of each collected word
    k = j
    while k < len(toks) and len(collected) < max_words:
        t = toks[k]
        if (t.text in ("-", "‑") and collected and k + 1 < len(toks) and toks[k + 1].kind == "word"
                and t.start == toks[k - 1].end and toks[k + 1].start == t.end):
            k += 1  # "Mogami-class frigates": a hyphenated modifier
            continue
        if t.kind != "word" or t.low in stop or _number_word(t.low):
            break
        if k > j and text[toks[k - 1].end:t.start] not in (" ",):
            if not (text[toks[k - 1].end:t.start] == "" and toks[k - 1].text in "-"):
                break
        if t.low.endswith("ly") and len(t.low) > 4 and not (
                k + 1 < len(toks) and toks[k + 1].kind == "word" and toks[k + 1].low not in stop):
            break  # an adverb ends the phrase unless it modifies a word that follows
        collected.append(t)
        at.append(k)
        k += 1
        if plural_expected and plural_at(toks, k - 1) and (t.text.islower() or not (
                k < len(toks) and toks[k].kind == "word" and toks[k].text.islower() and toks[k].low not in stop)):
            break
        if not plural_expected and len(collected) >= 2 and t.low.endswith(("ed", "ing")):
            collected.pop()
            at.pop()
            k -= 1
            break
    if not collected:
        return None
    if plural_expected:
        heads = [n for n, index in enumerate(at) if plural_at(toks, index)]
        if not heads:
            return None
        lower = [n for n in heads if collected[n].text.islower()]
        h = lower[0] if lower else heads[0]  # "Haitian National Police officers" counts officers
    else:
        h = 0 if len(collected) >= 3 else len(collected) - 1
    words = collected[: h + 1]
    head = words[-1]
    if head.text[:1].isupper() and len(words) == 1 and not plural_expected:
        return None  # "one Russian" names a person or a thing we cannot tell
    noun = singular(head.text)
    mods = [w for w in words[:-1] if w.low not in lex.words["noun_adjectives_skip"]]
    if len(words) == 2 and len(mods) == 1 and mods[0].text.islower() and not mods[0].low.endswith(("ed", "ing")):
        noun = f"{mods[0].low} {noun}"
    phrase = text[words[0].start:words[-1].end]
    return NounPhrase(noun, phrase, collected.index(head) + j + 1)


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset([*lex.units, *lex.teens, *lex.tens, *lex.scales])


def _number_word(w: str) -> bool:
    return w in _number_words()


def plural(noun: str) -> str:
    """"ferry" -> "ferries", "box" -> "boxes", "cruise missile" -> "cruise missiles" (for messages)."""
    irregular = {v: k for k, v in lexicon().words["irregular_plurals"].items()}
    head, _, last = noun.rpartition(" ")
    if last in irregular:
        p = irregular[last]
    elif last.endswith("man") and last not in ("human", "german", "roman", "shaman", "caiman"):
        p = last[:-3] + "men"  # fisherman -> fishermen
    elif re.search(r"[^aeiou]y$", last):
        p = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        p = last + "es"
    else:
        p = last + "s"
    return f"{head} {p}" if head else p
