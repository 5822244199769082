"""The same set counted twice, anywhere in a draft.

"The storm killed 23 people." ... "All 25 people killed were from Leyte.": a later count that is
definite ("the", "all", "those") and counts the same things (the same noun), marked by the same
words in any order and inflection (killed 23 people / people killed; laid off 120 employees / the
150 laid-off employees), and not an update ("had risen to 17", "by Thursday", "another 5").
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Sequence

from numcheck.quantities import Quantity
from numcheck.quantities.nouns import singular
from numcheck.relations.common import after_noun
from numcheck.relations.lexicon import lemma, relation_words
from numcheck.relations.model import SameSet
from numcheck.relations.text import Sentence, ends_with_phrase, lows

_WINDOW = 40  # sentences between two mentions of one set
_NARROWING = {"in", "from", "of", "on", "at", "near", "outside", "inside", "into", "across", "under", "among",
              "with", "who", "that", "which", "whose", "aged", "over", "below", "above"}


@dataclass(frozen=True)
class _Mention:
    sentence: int
    q: Quantity
    markers: frozenset[str]  # lemmas that say which set: the act ("killed") and its place ("service")
    definite: bool
    update: bool
    narrowed: bool


def _content(words: Sequence[str], noun: str) -> set[str]:
    lex = relation_words()
    nouns = {lemma(w) for w in noun.split()}
    out = set()
    for w in words:
        for piece in w.split("-"):
            if len(piece) >= 3 and piece.isalpha() and piece not in lex.set_stop and lemma(piece) not in nouns:
                out.add(lemma(piece))
    return out


_FINITE = {"were", "was", "are", "is", "will", "would", "had", "have", "has", "could", "should", "may", "might",
           "can", "did", "do", "does", "who", "that", "which", "whose", "must", "shall"}


def _mention(k: int, s: Sentence, q: Quantity, noun: str, phrase: Sequence[str] = ()) -> _Mention:
    """One count: whether it is definite ("the four"), an update ("another four"), narrowed ("the four
    in the north"), and the lemmas that mark its set. A first mention's act may follow it in the
    passive ("Three tankers were seized"); a definite one's modifiers stop at its verb ("the four
    seized tankers would be released")."""
    lex = relation_words()
    before = lows(s.words_before(q.start, 4))
    phrase = list(phrase) or (q.noun_phrase or "").lower().split()
    definite = bool(ends_with_phrase(before[-2:], lex.definite))
    after: list[str] = []
    following = s.words_after(q.end, 6 + len(phrase))[len(phrase):]
    narrowed = bool(following) and following[0].low in _NARROWING  # "the two captured towns in the north"
    if narrowed and any(x.kind in ("date", "year") and following[0].end <= x.start <= following[0].end + 1
                        for x in s.figures):
        narrowed = False  # "the four seized tankers on Tuesday": when, not which
    for w in following:
        if w.low in (",", ";", ".", "(", ")", ":", "—", "–", "!", "?") or w.low in lex.clause_break:
            break
        if definite and w.low in _FINITE:
            break
        if definite and not after and not _participle(w.low):
            break  # "the eight trapped miners late on Sunday": only a participle after the noun marks the set
        after.append(w.low)
    head = before[-3:-1] if definite else before[-3:]
    update = bool(set(before[-2:]) & lex.update) or bool(set(after[:2]) & {"more", "additional", "others", "other"})
    narrowed = narrowed or (bool(after) and after[0] in _NARROWING)
    verb = _content(before[-2:], noun) if not definite else set()
    markers = _content(phrase, noun) | _content(after[:4], noun) | verb
    if definite:
        markers -= _content(head, noun)
    return _Mention(k, q, frozenset(markers), definite, update, narrowed)


def _surface(s: Sentence, q: Quantity, markers: frozenset[str]) -> tuple[str, ...]:
    """The words near the second count whose lemmas mark the set, as written ("killed", "laid-off")."""
    found: list[str] = []
    for w in s.words_before(q.start, 3) + s.words_after(q.end, 8):
        for piece in w.text.split("-"):
            if lemma(piece) in markers and w.text not in found:
                found.append(w.text)
    return tuple(found) or tuple(sorted(markers))


def _participle(word: str) -> bool:
    """"killed", "pulled", "seized", "laid": a past participle that may follow the noun it describes."""
    return (word.endswith("ed") and len(word) > 4) or word in relation_words().irregular


def _unnamed_noun(s: Sentence, q: Quantity, nouns: Sequence[str]) -> tuple[str, list[str]] | None:
    """"the 150 laid-off employees": a count whose noun the extractor left unread behind a hyphened
    modifier, found among the nouns counted earlier; returns the noun and the words up to it."""
    words = [w.low for w in s.words_after(q.end, 5)]
    for k, w in enumerate(words):
        if w == "-":
            continue
        if not w.isalpha():
            break
        if singular(w) in nouns and w != singular(w):
            return singular(w), words[:k + 1]
    return None


_GREW = {"another", "additional", "further", "more", "also", "other", "others"}


def _updates_between(sentences: Sequence[Sentence], a: _Mention, b: _Mention) -> bool:
    """Does the text between two counts report a change ("the toll rose to", "by Thursday", "and a
    fourth on Tuesday", "another two")?"""
    lex = relation_words()
    s = sentences[b.sentence]
    for k in range(a.sentence, b.sentence + 1):
        sk = sentences[k]
        lo = a.q.end if k == a.sentence else sk.start
        hi = b.q.start if k == b.sentence else sk.end
        if _GREW & set(lows(sk.words_between(lo, hi))):
            return True
        if any(q.kind == "ordinal" and lows(sk.words_before(q.start, 1)) in (["a"], ["an"])
               for q in sk.figures if lo <= q.start < hi):
            return True  # "and a fourth on Tuesday"
    words = set(lows(s.words))
    if {"now", "latest", "updated", "revised", "toll", "total"} & words:
        return True
    times = [q for q in s.figures if q.kind in ("date", "duration") or q.relative is not None]
    if times and ("by" in words or "since" in words or "as" in words):
        return True
    for k in range(a.sentence, b.sentence + 1):
        low = lows(sentences[k].words)
        for i, w in enumerate(low[:-1]):
            if (w,) in lex.rise or (w,) in lex.fall:
                if low[i + 1] in ("to", "by") and w not in lex.comparatives:
                    return True
    return False


def find_same_sets(sentences: Sequence[Sentence]) -> list[SameSet]:
    out: list[SameSet] = []
    seen: dict[str, list[_Mention]] = {}
    for k, s in enumerate(sentences):
        for q in s.figures:
            if q.qualifier != "exact" or q.high is not None or q.kind not in ("count", "number"):
                continue
            if q.kind == "count" and q.noun:
                noun, phrase = q.noun, []
            else:
                found = _unnamed_noun(s, q, list(seen))
                if found is None:
                    continue
                noun, phrase = found
            m = _mention(k, s, q, noun, phrase)
            earlier = seen.setdefault(noun, [])
            if m.definite and not m.update and not m.narrowed and m.markers:
                for a in reversed(earlier):
                    if k - a.sentence > _WINDOW:
                        break
                    if a.sentence == k or a.update or not m.markers <= a.markers:
                        continue
                    if a.q.value != q.value and not _updates_between(sentences, a, m):
                        out.append(SameSet(a.q, q, noun, _surface(s, q, m.markers)))
                    break
            earlier.append(m)
    return out


# --- anaphora: "those 90 days", "this $9 trillion", "That's right, 18 years." --------------------

_DEMONSTRATIVES = {("these",), ("those",), ("this",), ("the", "same"), ("all", "of", "the"), ("any", "of", "the"),
                   ("part", "of", "the"), ("of", "the", "same")}
_RESTATE = {("that's", "right"), ("that", "is", "right"), ("let", "me", "repeat"), ("i", "repeat"),
            ("again",), ("i", "say", "again")}
_POINTING = frozenset({w for p in _DEMONSTRATIVES | _RESTATE for w in p} - {"the", "of", "i", "me", "is"}) | {"—", "–"}
_ANAPHOR_WINDOW = 3  # sentences back that "those 90 days" may point to
_KINDS = ("count", "number", "money", "measure", "percent", "duration")


def _compatible(a: Quantity, b: Quantity) -> bool:
    """Can a later mention name the same figure as an earlier one: the same kind and unit, and the
    same counted noun when both name one?"""
    if a.kind == "duration" or b.kind == "duration":
        return a.kind == b.kind == "duration" and a.unit == b.unit
    if a.kind in ("count", "number") and b.kind in ("count", "number"):
        return a.noun == b.noun if b.noun else True  # "these 300,000" may name "500,000 of these persons"
    return a.kind == b.kind and (a.unit or None) == (b.unit or None)


def _ratio_of(x: Quantity, q: Quantity) -> bool:
    """A ratio of the same things ("15 out of the 33 States") holds two figures a later count may name."""
    return (x.kind == "ratio" and x.part is not None and q.kind in ("count", "number")
            and (not q.noun or x.noun == q.noun))


def _values(q: Quantity) -> tuple[float, ...]:
    """The values a figure states: a ratio's part and whole ("fifteen out of the thirty-three States")."""
    if q.kind == "ratio" and q.part is not None and q.whole is not None:
        return (q.part, q.whole)
    return (q.value,)


def _points_back(s: Sentence, q: Quantity) -> bool:
    """Is a figure named as one mentioned before: "those 90 days", "this $9 trillion", "That's right,
    18 years.", "Let me repeat: only the wealthiest 1.2 percent"? Not a part of it ("of these 75 are
    ironclad"), nor a figure that qualifies a noun ("this six-part program")."""
    i = s.position(q)
    floor = s.figures[i - 1].end if i > 0 else s.start
    before = tuple(lows(s.words_between(floor, q.start)))[-3:]
    glued = lows(s.words_after(q.end, 1)) == ["-"] and s.words_after(q.end, 1)[0].start == q.end
    if glued or (q.kind == "duration" and "-" in q.text):
        return False  # "this 4-year period", "the 500-million dollar program": a modifier
    for k in (3, 2, 1):
        if len(before) >= k and before[-k:] in _DEMONSTRATIVES:
            partitive = len(before) > k and before[-k - 1] == "of" and before[-k:] in (("these",), ("those",),
                                                                                       ("this",))
            if partitive and not q.noun and q.kind in ("count", "number", "money"):
                return False  # "of these 469,344 are on the rolls": a part of what came before
            if q.kind == "duration" and before[-k:] == ("the", "same"):
                return False  # "the same twelve months of 1891-92": a period named again, not a count
            return True
    head = tuple(w for w in lows(s.words_before(q.start, 6)) if w not in (",", ":", "-", "—", "–", "only", "the"))
    if any(head[:len(p)] == p and len(head) - len(p) <= 2 for p in _RESTATE):
        return True
    # "... during this pandemic—three million.": a figure set after a dash, ending the sentence
    tail = [w for w in lows(s.words_after(q.end, 3)) if w not in ("!", "?")]
    dash = s.words_before(q.start, 2)
    return (before[-1:] in (("—",), ("–",)) and tail in ([], ["."]) and s.position(q) > 0 and len(dash) == 2
            and dash[0].low.isalpha() and dash[0].end == dash[1].start)  # "pandemic—three", not "22–23"


_BACK = 40  # figures looked back at: a run of thousands of figures is not read once per figure


def _figures_before(sentences: Sequence[Sentence], k: int, q: Quantity) -> list[Quantity]:
    """The figures before `q` in its sentence and the few before it, nearest last, at most _BACK."""
    out: list[Quantity] = []
    here = sentences[k]
    out.extend(reversed(here.figures[max(0, here.position(q) - _BACK):here.position(q)]))
    j = k - 1
    while j >= 0 and len(out) < _BACK and here.index - sentences[j].index <= _ANAPHOR_WINDOW:
        out.extend(reversed(sentences[j].figures[-_BACK:]))
        j -= 1
    return list(reversed(out[:_BACK]))


def find_anaphora(sentences: Sequence[Sentence]) -> list[SameSet]:
    """A figure that points back to one mentioned shortly before, with another value: the same
    thing stated twice. Judged only where no earlier figure of the same kind has its value."""
    out: list[SameSet] = []
    for k, s in enumerate(sentences):
        if not s.vocabulary & _POINTING:
            continue  # no demonstrative or "that's right" in the sentence: nothing points back
        for q in s.figures:
            if q.kind not in _KINDS or q.high is not None or not _points_back(s, q):
                continue
            after = lows(after_noun(s, q, 2))
            if after[:1] and after[0] in relation_words().change_nouns:
                continue  # "this $2 billion increase": names a change, not the figure before
            before = _figures_before(sentences, k, q)
            earlier = [x for x in before if x.high is None and (_compatible(x, q) or _ratio_of(x, q))]
            values = [v for x in earlier for v in _values(x)]
            kinds = ("count", "number") if q.kind in ("count", "number") else (q.kind,)
            pool = [x.value for x in before
                    if x.kind in kinds and x.high is None and (x.unit or None) == (q.unit or None)]
            values += [sum(c) for n in (2, 3) for c in combinations(pool[-8:], n)]
            if not earlier or any(abs(v - q.value) <= 1e-9 * max(1.0, abs(q.value)) for v in values):
                continue  # the value was given before, alone or as the sum of figures given together
            ref = earlier[-1]
            out.append(SameSet(ref, q, q.noun or q.unit or q.kind, (), pointed=True))
    return out
