"""Changes: two ends of a change and the sizes the text gives for it.

"from A to B" (with years, periods and asides between), "to B from A", "B, up 5% from A",
"B, compared with A", "B, as against A"; the sizes are the figures of the same clause that the
words around them call a change ("a 25% gain", "up 5%", "by more than half", "an increase of
$3.5 million, or 19%", "doubled"), and the next sentence's "That is more than double."
"""

from __future__ import annotations

from typing import Optional, Sequence

from numcheck.quantities import Quantity
from numcheck.relations.common import (after_noun, clause_breaks, gap_words, is_amount, is_points, is_timeish,
                                      same_things)
from numcheck.relations.lexicon import relation_words
from numcheck.relations.model import Change, Size, StatedChange
from numcheck.relations.text import Sentence, Word, ends_with_phrase, lows

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "some", "about", "around", "roughly",
                "nearly", "almost", "approximately", "over", "under", "just", "only"}
_MAX_ASIDE = 12  # words between an end and what joins it to the other end
_LOOK = 4  # figures looked at past an end for the other end
_SIZE_KINDS = ("percent", "percentage_point", "multiple", "fraction")


def is_end(q: Quantity) -> bool:
    """A figure that can be an end of a change: an amount or a percentage, not a range."""
    return (is_amount(q) or q.kind == "percent") and q.high is None


def _ends_match(a: Quantity, b: Quantity) -> bool:
    if a.kind == "percent" or b.kind == "percent":
        return a.kind == b.kind == "percent"
    if {a.kind, b.kind} in ({"number", "money"}, {"number", "measure"}):
        return (a if a.kind == "number" else b).noun is None  # "from 500 to $1,500", "from 80 to 100 million tonnes"
    return same_things(a, b)


def _aside_ok(words: Sequence[Word], figures: Sequence[Quantity]) -> bool:
    """Words and figures that may stand inside a change without breaking it: years and periods
    ("in 2019", "in school year 2015", "a day", "per passenger trip"), commas and brackets."""
    if any(not is_timeish(q) for q in figures):
        return False
    if clause_breaks(words) or len(words) > _MAX_ASIDE:
        return False
    lex = relation_words()
    depth = 0
    unknown = 0
    for w in words:
        if w.low in ("(", "["):
            depth += 1
        elif w.low in (")", "]"):
            depth = max(0, depth - 1)
        elif depth or w.low in (",", "-", "–", "—", ":") or w.low in lex.time_aside:
            continue
        elif w.low in ("and", "or", "to", "from", "than") or (w.low,) in lex.comparison:
            return False
        else:
            unknown += 1
    return unknown <= 3


def _change_cue(words: Sequence[str]) -> bool:
    lex = relation_words()
    return any((w,) in lex.rise or (w,) in lex.fall or w in lex.neutral_change or w in lex.multiple_verbs
               for w in words if w not in lex.comparatives)


def _from_to(s: Sentence, i: int) -> Optional[tuple[Quantity, Quantity]]:
    """"from A [asides] to B"."""
    a = s.figures[i]
    before = lows(s.words_before(a.start, 3))
    while before and before[-1] in _DETERMINERS:
        before.pop()
    if not before or before[-1] != "from":
        return None
    if len(before) >= 2 and before[-2] in relation_words().range_words:
        return None  # "ranging from 5 to 10": a range
    for b in s.figures[i + 1:i + 1 + _LOOK]:
        if is_timeish(b):
            continue
        gap = gap_words(s, a, b)
        if not gap:
            return None
        k = 2 if [w.low for w in gap[-2:]] in (["up", "to"], ["down", "to"]) else 1
        if gap[-1].low != "to" or not _aside_ok(gap[:-k], [q for q in s.figures if a.end <= q.start < b.start]):
            return None
        return (a, b) if is_end(b) and _ends_match(a, b) else None
    return None


def _to_from(s: Sentence, i: int) -> Optional[tuple[Quantity, Quantity]]:
    """"to B [asides] from A": "rose 20% to $4.2 billion from $3.75 billion"."""
    b = s.figures[i]
    before = lows(s.words_before(b.start, 2))
    if not before or before[-1] != "to":
        return None
    for a in s.figures[i + 1:i + 1 + _LOOK]:
        if is_timeish(a):
            continue
        gap = gap_words(s, b, a)
        if not gap or gap[-1].low != "from":
            return None
        if not _aside_ok(gap[:-1], [q for q in s.figures if b.end <= q.start < a.start]):
            return None
        return (a, b) if is_end(a) and _ends_match(a, b) else None
    return None


def _versus(s: Sentence, i: int) -> Optional[tuple[Quantity, Quantity, list[Quantity]]]:
    """"B, up 5% from A", "B, a 5% rise from A", "B, compared with A", "B, as against A": the new
    value first, then what it is compared with; the figures between are sizes (or years)."""
    lex = relation_words()
    b = s.figures[i]
    middle: list[Quantity] = []
    prev = b
    for a in s.figures[i + 1:i + 1 + _LOOK]:
        low = [w.low for w in (gap_words(s, prev, a) if prev is b else s.words_between(prev.end, a.start))]
        k = ends_with_phrase(low, lex.comparison)
        if k and is_end(a) and not is_timeish(a):
            joined = tuple(low[len(low) - k:])
            words = gap_words(s, b, a)
            if clause_breaks(words) or len(words) > _MAX_ASIDE or not _ends_match(a, b):
                return None
            sizes = [q for q in middle if not is_timeish(q)]
            strict = joined in (("from",), ("over",), ("than",), ("against",), ("versus",), ("vs",))
            if strict and not (sizes or _change_cue([w.low for w in words][:-k])):
                return None  # "B from A" needs a change said between: "up 5% from", "a rise from"
            return a, b, sizes
        if is_timeish(a) or a.kind in _SIZE_KINDS or (is_amount(a) and size_cued(s, a)):
            middle.append(a)
            prev = a
            continue
        return None
    return None


# --- sizes ---------------------------------------------------------------------------------------

def size_direction(s: Sentence, q: Quantity) -> int:
    """+1 when the words right around a size say a rise ("up 5%", "a 5% rise", "rose 5%"), -1 a fall."""
    lex = relation_words()
    if q.kind == "multiple":
        return 1 if q.value > 1 else -1
    before = lows(s.words_before(q.start, 3))
    after = lows(after_noun(s, q, 2))
    for words in (before[-1:], after[:1], before[-2:], after[:2], before):
        d = lex.direction(w for w in words)
        if d:
            return d
    return 0


def strongly_cued(s: Sentence, q: Quantity) -> bool:
    """Is a figure named as a change's size by a change noun before it: "an increase of $3.5 million",
    "a reduction in the average first payments during these four months of $117.48", "increase,
    $7,597,708.68", "showing a net decrease of 1,720"?"""
    lex = relation_words()
    i = s.position(q)
    # the words since the last amount: "a decrease for the last year of", "a reduction in the average
    # first payments during these four months of" (years, periods and ordinals are read past)
    before = [x for x in s.figures[max(0, i - 6):i] if is_amount(x) or x.kind == "percent"]
    floor = before[-1].end if before else s.start
    gap = [w.low for w in s.words_between(floor, q.start)][-14:]
    while gap and gap[-1] in (",", ":", "—", "–", "-"):
        gap.pop()
    if not gap:
        return False
    if gap[-1] in lex.change_nouns and gap[-1] not in ("change", "difference", "excess", "swing", "shift"):
        return True  # "increase, $7,597,708.68"
    if gap[-1] != "of" or any(w in (";", ".") for w in gap):
        return False
    nouns = [k for k, w in enumerate(gap) if w in lex.change_nouns and w not in ("change", "difference", "excess")]
    return bool(nouns) and not any(w in ("than", "to", "from", "and") for w in gap[nouns[-1]:])


def size_cued(s: Sentence, q: Quantity) -> bool:
    """Do the words right around a figure call it the size of a change ("a 25% gain", "up 5%",
    "by 12%", "an increase of $3.5 million", ", or 29.2 per cent", "5% higher")?"""
    lex = relation_words()
    if q.kind == "multiple":
        return True
    if strongly_cued(s, q):
        return True
    before = lows(s.words_before(q.start, 3))
    after = lows(after_noun(s, q, 2))
    last = before[-1] if before else ""
    if last in ("up", "down") and len(before) >= 2 and (before[-2] in lex.make_up or before[-2] in lex.take_up):
        return False  # "making up 4.5 percent of the population": a share
    if q.kind == "percent" and after[:1] == ["of"] and last not in ("by", "up", "down"):
        return False  # "4.5 percent of the population": a share, not a change's size
    if last in ("by", "or"):
        return True
    if (last,) in lex.rise or (last,) in lex.fall:
        return last not in lex.comparatives
    if last == "of" and len(before) >= 2 and (before[-2] in lex.change_nouns or before[-2] in ("net",)):
        return True
    if after and (after[0] in lex.change_nouns or after[0] in lex.comparatives or after[0] in ("up", "down")):
        return not (after[0] in ("more", "less", "fewer") and after[1:2] == ["than"])
    return False


def find_sizes(s: Sentence, before: Quantity, after: Quantity, taken: set[int],
               middle: Sequence[Quantity] = ()) -> list[Size]:
    """The sizes stated for the change between `before` and `after`, in the same clause."""
    first, last = (before, after) if before.start <= after.start else (after, before)
    i0, i1 = s.position(first), s.position(last)
    out: list[Size] = []
    # between the verb and the first end, and between the ends: "grew 12% to 56,000 from 48,000"
    for q in reversed(s.figures[max(0, i0 - 3):i0]):
        gap = s.words_between(q.end, first.start)
        if clause_breaks(gap) or len(gap) > 10:
            break
        if _candidate(s, q, before, taken):
            out.append(Size(q, size_direction(s, q), _bound(s, q)))
    for q in middle:
        if _candidate(s, q, before, taken):
            out.append(Size(q, size_direction(s, q), _bound(s, q)))
    # after the last end: ", a 25% gain", ", an increase of $3.5 million, or 19%"
    prev = last
    for q in s.figures[i1 + 1:i1 + 5]:
        gap = s.words_between(prev.end, q.start)
        limit = 14 if not is_timeish(q) and strongly_cued(s, q) else 10
        if clause_breaks(gap) or len(gap) > limit or "and" in [w.low for w in gap[:-2]]:
            break  # ", and output per worker has tripled": another clause's figure
        if is_timeish(q):
            prev = q
            continue
        if not _candidate(s, q, before, taken):
            if is_end(q) and not size_cued(s, q):
                break  # another figure of the clause: what follows is not this change's
            prev = q
            continue
        if any(x.kind == "duration" and last.end <= x.start < q.start for x in s.figures) and \
                lows(s.words_before(q.start, 1)) == ["of"]:
            break  # "from $1,969 to $2,092, making an increase in seven years of over 63 per cent": another span
        out.append(Size(q, size_direction(s, q), _bound(s, q)))
        prev = q
    return out


def _candidate(s: Sentence, q: Quantity, end: Quantity, taken: set[int]) -> bool:
    if id(q) in taken or q.high is not None:
        return False
    if q.kind in _SIZE_KINDS or is_points(q):
        return q.kind == "multiple" or size_cued(s, q) or (q.kind == "fraction" and _in_half(s, q))
    if is_amount(q) and end.kind != "percent" and same_things(q, end):
        return size_cued(s, q)
    return False


def _in_half(s: Sentence, q: Quantity) -> bool:
    """"cut in half": a fall by half, though no "by" is written."""
    return lows(s.words_before(q.start, 1)) == ["in"] and q.value == 0.5


_MULTIPLE_BOUNDS = {("more", "than"): "more_than", ("over",): "more_than", ("at", "least"): "more_than",
                    ("nearly",): "nearly", ("almost",): "nearly", ("less", "than"): "less_than",
                    ("about",): "approx", ("roughly",): "approx", ("around",): "approx",
                    ("approximately",): "approx", ("some",): "approx", ("well", "over"): "more_than"}


def _bound(s: Sentence, q: Quantity) -> str:
    """How the words bound a size: "more than 30 percent" (the extractor's qualifier), "more than
    doubled", "nearly tripled" (the words before a multiple verb)."""
    if q.kind == "multiple" and q.qualifier != "exact":
        word = (q.qualifier_text or "").lower()
        if q.qualifier in ("more_than", "at_least"):
            return "more_than"
        if q.qualifier in ("less_than", "at_most"):
            return "less_than"
        return "nearly" if word in ("nearly", "almost", "just under", "close to") else "approx"
    if q.kind == "multiple":
        before = tuple(lows(s.words_before(q.start, 2)))
        for k in (2, 1):
            if before[len(before) - k:] in _MULTIPLE_BOUNDS:
                return _MULTIPLE_BOUNDS[before[len(before) - k:]]
        return "exact"
    if q.qualifier in ("more_than", "at_least"):
        return "more_than"
    if q.qualifier in ("less_than", "at_most"):
        return "less_than"
    return "exact"


def change_direction(s: Sentence, first: Quantity) -> int:
    """The direction the clause's verb gives the change: the nearest rise or fall word before it."""
    lex = relation_words()
    for w in reversed(s.words_before(first.start, 10)):
        if w.low in (";", ".") or w.low in lex.clause_break:
            break
        if w.low in lex.comparatives:
            continue
        d = lex.direction([w.low])
        if d:
            return d
    return 0


def _clause_before(s: Sentence, q: Quantity, limit: int = 20) -> list[str]:
    """The words of the clause before a figure, back to a clause break (at most `limit`)."""
    lex = relation_words()
    out: list[str] = []
    for w in reversed(s.words_before(q.start, limit)):
        if w.low in (";", ".") or w.low in lex.clause_break:
            break
        out.append(w.low)
    return out[::-1]


def find_changes(s: Sentence, taken: set[int]) -> list[Change]:
    """Every change of one sentence; the figures each takes (ends and sizes) go into `taken`."""
    out: list[Change] = []
    for i, q in enumerate(s.figures):
        if not is_end(q) or id(q) in taken:
            continue
        middle: list[Quantity] = []
        ends = _from_to(s, i) or _to_from(s, i)
        if ends is None:
            found = _versus(s, i)
            if found is not None:
                a, b, middle = found
                ends = (a, b)
        if ends is None or id(ends[0]) in taken or id(ends[1]) in taken:
            continue
        before, after = ends
        first = before if before.start <= after.start else after
        sizes = find_sizes(s, before, after, taken | {id(before), id(after)}, middle)
        words = _clause_before(s, first)
        if not sizes and not _change_cue(words) and not middle:
            continue  # "from 5 to 10" with no change said: a range
        taken.update((id(before), id(after), *(id(z.figure) for z in sizes)))
        out.append(Change(before, after, tuple(sizes), change_direction(s, first)))
    return out


def _cue_direction(s: Sentence, q: Quantity) -> int:
    """The direction of the change noun that names a size ("an increase of", "a reduction of")."""
    lex = relation_words()
    i = s.position(q)
    floor = s.figures[i - 1].end if i > 0 else s.start
    for w in reversed(s.words_between(floor, q.start)[-14:]):
        d = lex.direction([w.low]) if w.low in lex.change_nouns or (w.low,) in lex.rise or (w.low,) in lex.fall else 0
        if d:
            return d
    return 0


def _compared(s: Sentence, size: Quantity, other: Quantity) -> bool:
    """"an increase of 289,710 tons over the ... production of 3,688,871 tons": the size, then what
    it is measured against, in one clause."""
    words = [w.low for w in s.words_between(size.end, other.start)]
    if len(words) > 12 or "and" in words or ";" in words or clause_breaks(s.words_between(size.end, other.start)):
        return False
    return any(w in ("over", "than", "against", "compared", "from", "on") for w in words)


def _base_unstated(s: Sentence, size: Quantity, twin: Optional[Quantity]) -> bool:
    """Is the size measured against something named after it, with no figure ("an increase of $27
    million over the general fund last year")? Then the two amounts before it are not its ends."""
    last = twin or size
    i = s.position(last)
    rest = [q for q in s.figures[i + 1:] if not is_timeish(q)]
    # "an increase of $45,941,466 of gold and $13,246,384 of silver over the exportations of the
    # preceding fiscal year": the comparison may come after further sizes joined to the first
    while rest and (rest[0].kind == "percent" or same_things(rest[0], size)) and \
            "over" not in [w.low for w in s.words_between(last.end, rest[0].start)]:
        last, rest = rest[0], rest[1:]
    nxt = rest[0].start if rest else s.end
    words = [w.low for w in s.words_between(last.end, nxt)]
    return bool(words) and any(w in ("over", "than", "compared", "since") for w in words[:8]) and not rest


_THEN = {"against", "compared", "while", "whereas", "previous", "preceding", "prior", "former", "last", "before",
         "earlier", "ago", "then", "now", "current", "present"}


def _two_times(s: Sentence, a: Quantity, b: Quantity) -> bool:
    """Are two amounts the same thing at two times, as an inferred change needs: each with its own
    date or year ("in 1891 ... 2,396,000 bales, and in 1892 2,584,000 bales"), or joined by words that
    compare them ("as against", "while ... the preceding year")?"""
    between = s.words_between(a.end, b.start)
    if any(w.low in _THEN for w in between) or any(w.low in ("added", "dropped") for w in between):
        return True
    first = [q for q in s.figures if is_timeish(q) and q.kind != "duration" and q.end <= a.start]
    middle = [q for q in s.figures if is_timeish(q) and q.kind != "duration" and a.end <= q.start < b.start]
    after = [q for q in s.figures if is_timeish(q) and q.kind != "duration" and q.start >= b.end]
    return bool(middle) and bool(first or after or len(middle) >= 2)


_MAX_IMPLICIT_ENDS = 3  # more amounts than this before a size: which two it compares is a guess


def find_implicit_changes(s: Sentence, taken: set[int]) -> tuple[list[Change], list[StatedChange]]:
    """Changes whose ends are not joined by "from ... to": two amounts of one thing and a size named
    by a change noun ("were $9,060,268.58 ... are $7,898,775.83, showing a reduction of $1,161,492.75",
    "was $433,851,756, against $379,592,146 in 1899, an increase of 28 per cent"), and one end with a
    size given twice ("were $3,398,455.19, an increase of $404,878.53, or more than 13%")."""
    changes: list[Change] = []
    stated: list[StatedChange] = []
    figs = s.figures
    for i, z in enumerate(figs):
        if id(z) in taken or z.high is not None or not (is_amount(z) or z.kind == "percent"):
            continue
        if not strongly_cued(s, z):
            continue
        direction = _cue_direction(s, z)
        twin = None  # "an increase of $404,878.53, or 13%": the same size in percent
        if is_amount(z) and i + 1 < len(figs) and figs[i + 1].kind == "percent" and id(figs[i + 1]) not in taken:
            if [w.low for w in s.words_between(z.end, figs[i + 1].start)] in ([",", "or"], ["or"], ["("], [",", "("]):
                twin = figs[i + 1]
        pool = [q for q in figs if q is not z and q is not twin and id(q) not in taken and is_end(q)
                and q.kind != "percent" and not is_timeish(q) and (not is_amount(z) or _ends_match(q, z))
                and not strongly_cued(s, q)]  # "an increase of $5.5 million, ..., and an increase of $3.8
        # million": a size is no end of another change
        before = [q for q in pool if q.end <= z.start]
        after = [q for q in pool if q.start >= z.end]
        if len(before) > _MAX_IMPLICIT_ENDS:
            continue
        if len(before) >= 2 and _ends_match(before[-2], before[-1]):
            if _base_unstated(s, z, twin) or not _two_times(s, before[-2], before[-1]):
                continue  # "an increase of $26,975,552 over the general fund last year": the base is not given
            a, b = before[-2], before[-1]
        elif len(before) == 1 and after and _ends_match(before[0], after[0]) and _compared(s, z, after[0]):
            a, b = before[0], after[0]
        elif len(before) == 1 and twin is not None and not after:
            stated.append(StatedChange(before[0], z, twin, direction))
            taken.update((id(before[0]), id(z), id(twin)))
            continue
        else:
            continue
        if direction > 0:
            a, b = (a, b) if a.value <= b.value else (b, a)
        elif direction < 0:
            a, b = (a, b) if a.value >= b.value else (b, a)
        sizes = [Size(z, direction, _bound(s, z))] + ([Size(twin, direction, _bound(s, twin))] if twin else [])
        taken.update((id(a), id(b), *(id(x.figure) for x in sizes)))
        changes.append(Change(a, b, tuple(sizes), direction, implicit=True))
    return changes, stated


_THAT_IS = {("that", "is"), ("this", "is"), ("that", "was"), ("this", "was"), ("that", "'s"), ("it", "is"),
            ("that", "represents"), ("this", "represents"), ("that", "means"), ("which", "is")}


def next_sentence_sizes(s: Sentence, change: Change, taken: set[int]) -> list[Size]:
    """"That is more than double.": a size stated in the sentence after the change."""
    if not s.figures:
        return []
    head = lows(s.words_before(s.figures[0].start, 6))
    if len(head) < 2 or tuple(head[:2]) not in _THAT_IS:
        return []
    rest = head[2:]
    while rest and rest[0] in ("more", "than", "nearly", "almost", "about", "over", "less", "roughly", "a", "an",
                               "just", "some", "well"):
        rest = rest[1:]
    if rest:
        return []  # "That is more than double": nothing but a hedge between "that is" and the size
    q = s.figures[0]
    if id(q) in taken or q.kind not in ("multiple", "percent", "fraction"):
        return []
    if q.kind != "multiple" and not size_cued(s, q):
        return []
    return [Size(q, size_direction(s, q), _bound(s, q))]


__all__ = ["find_changes", "find_implicit_changes", "next_sentence_sizes", "is_end", "size_cued", "size_direction",
           "strongly_cued"]
