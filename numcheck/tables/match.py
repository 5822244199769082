"""Matching a draft's figures to reference rows, and the verdict on each.

- Subject: a name of the row's subject (or an alternative name, or a possessive
  such as "France's") in the figure's sentence, else its paragraph, else the title.
- Measure: what the figure counts (its noun), or words just before it ("population
  of"), matching one of the measure's names, singular or plural.
- Time: a year written in the figure's sentence; else the document's year; else the
  nearest row, reported as a weaker match.
- Scale and units converted ("83 million" against 83,160,871, km against miles).

A figure that matches nothing is not an error.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from numcheck.precision import Interval, Tolerance, interval
from numcheck.claims import Draft
from numcheck.quantities import Quantity
from numcheck.quantities.nouns import singular
from numcheck.tables.model import Fact, References
from numcheck.tables.units import convert

CHECKED_KINDS = ("count", "number", "money", "measure", "percent", "duration", "ordinal")
_WORD = re.compile(r"[A-Za-z]+")
_RELATION = re.compile(r"\b(?:after|since|ago|later)\b", re.I)


@dataclass(frozen=True)
class Verdict:
    figure: Quantity
    status: str  # consistent, conflict, unmatched
    fact: Fact | None = None
    weak: bool = False  # the row's time was the nearest one, not one the text or the document gives
    message: str = ""
    subject_span: tuple[int, int] | None = None


def verdicts(draft: Draft, refs: References, tol: Tolerance = Tolerance()) -> list[Verdict]:
    """A verdict for every figure that could be checked against a table."""
    if not refs:
        return []
    return _verdicts(draft, refs, tol)  # found once per draft, by numcheck.checks.engine.facts_of


def _verdicts(draft: Draft, refs: References, tol: Tolerance) -> list[Verdict]:
    mentions = Mentions(_mentions(draft, refs), _title_span(draft.prose))
    out: list[Verdict] = []
    for q in draft.quantities:
        if q.kind not in CHECKED_KINDS:
            continue
        out.append(_judge(draft, refs, q, mentions, tol))
    return out


@dataclass(frozen=True)
class Mentions:
    """The subjects named in a draft, in text order, and the draft's title span: found once, then
    looked up by position (bisection), so a draft of many figures is not rescanned per figure."""

    found: list[tuple[int, int, str]]
    title: tuple[int, int]

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        lo = bisect_left(self.found, (start,))
        hi = bisect_left(self.found, (end,))
        return self.found[lo:hi]


# --- subjects ------------------------------------------------------------------------------

_NAME_WORD = re.compile(r"\w[\w'’.&-]*")


def _words(text: str) -> list[str]:
    return [_bare(w) for w in _NAME_WORD.findall(text)]


def _bare(word: str) -> str:
    """"Germany's" -> "Germany", "Syria." -> "Syria" (but "U.S." keeps its points)."""
    word = re.sub(r"['’]s$", "", word)
    return word[:-1] if word.endswith(".") and word.count(".") == 1 and len(word) > 2 else word


def _name_index(refs: References) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Subject names by their first word, as written; names that are not codes also capitalised
    ("the Caspian" is found as "Caspian"), so the text is looked up word by word, never scanned
    with every name."""
    def build() -> dict[str, list[tuple[tuple[str, ...], str]]]:
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name in sorted({n for f in refs.facts for n in f.subjects}, key=len, reverse=True):
            words = tuple(_words(name))
            if not words:
                continue
            forms = {words}
            if not name.isupper():
                forms.add(tuple(w[:1].upper() + w[1:] for w in words[:1]) + words[1:])
            for form in forms:
                index.setdefault(form[0], []).append((form, name.lower()))
        return index

    return refs.derived("name_index", build)


def _mentions(draft: Draft, refs: References) -> list[tuple[int, int, str]]:
    """Every subject named in the draft: (start, end, subject key), in text order.

    Names are matched as written, a capital allowed on the first word: a code such as
    "AND" (Andorra) is never the word "And", and "can" is never Canada's "CAN"; in a line
    set in capitals ("THE DISTRICT OF COLUMBIA AND THE CITY") a code is a word too."""
    index = _name_index(refs)
    toks = [(m.start(), m.end(), _bare(m.group())) for m in _NAME_WORD.finditer(draft.prose)]
    out = []
    for i, (start, _, word) in enumerate(toks):
        for form, lower in index.get(word, ()):
            n = len(form)
            if n == 1 and word.isupper() and _line_in_capitals(toks, i, index):
                continue
            if tuple(t[2] for t in toks[i:i + n]) == form:
                end = toks[i + n - 1][1]
                end = start + len(re.sub(r"['’]s$", "", draft.prose[start:end]))
                for key in refs.subject_names.get(lower, ()):
                    out.append((start, end, key))
                break
    return out


def _line_in_capitals(toks: list[tuple[int, int, str]], i: int, index) -> bool:
    """Does word i stand in a run of words set in capitals ("OF COLUMBIA AND THE CITY")? The three
    words either side hold no lower-case word and at least three capitalised words that are no
    names; "US GDP was" and "IMF WEO data, US GDP" are sentences, not a line in capitals."""
    around = [w for _, _, w in toks[max(0, i - 3):i] + toks[i + 1:i + 4]]
    if any(any(c.islower() for c in w) for w in around):
        return False
    return sum(1 for w in around if len(w) >= 2 and w.isupper() and w.isalpha() and w not in index) >= 3


_PARAGRAPH_LIMIT = 800  # characters: a longer "paragraph" (a transcript on one line) is no context


def _subjects_for(draft: Draft, q: Quantity, mentions: Mentions) -> list[tuple[int, int, str]]:
    """Subjects named in the figure's sentence (nearest first), else its paragraph, else the title."""
    s0, s1 = draft.sentence_span(draft.sentence_of(q.start))
    here = mentions.within(s0, s1)
    if not here:
        # searches bounded by the limit: a line of a megabyte is no paragraph, and is not rescanned
        floor = max(0, q.start - _PARAGRAPH_LIMIT - 1)
        p0 = draft.prose.rfind("\n", floor, q.start) + 1
        p1 = draft.prose.find("\n", q.end, q.end + _PARAGRAPH_LIMIT + 1)
        p1 = min(len(draft.prose), q.end + _PARAGRAPH_LIMIT + 1) if p1 < 0 else p1
        if (p0 > floor or floor == 0) and p1 - p0 <= _PARAGRAPH_LIMIT:
            here = mentions.within(p0, p1)
    if not here:
        here = mentions.within(*mentions.title)
    return sorted(here, key=lambda m: (m[0] > q.start, abs(m[0] - q.start)))


def _title_span(text: str) -> tuple[int, int]:
    """A Markdown heading or front matter title, or the first line when it is short and unpunctuated."""
    m = re.search(r"^(?:#\s+.+|title\s*:.+)$", text[:2000], re.M)
    if m:
        return m.start(), m.end()
    end = text.find("\n", 0, 200)
    first = text[:200] if end < 0 else text[:end]
    return (0, len(first)) if len(first) <= 120 and not first.rstrip().endswith((".", "!", "?")) else (0, 0)


# --- measures ------------------------------------------------------------------------------

# Figures that own the words around them: a window for another figure's measure never crosses
# one ("13 cats and Foo had 14 dogs": "cats" is the 13's). Years, dates, ordinals and labels
# stand inside a figure's context ("population in 2020 was 83 million").
_OWNING_KINDS = ("count", "number", "percent", "percentage_point", "money", "measure", "ratio", "fraction",
                 "multiple", "duration")
# A figure with no noun takes the noun of the figure next to it when they are joined so that
# one noun serves both: "83 million people and France 68 million" (a conjunction and a name),
# "83 million people in 2020, up from 79 million" (a change), "from 79 million to 83 million
# people" (a range)
_HEDGE = r"(?:(?:about|around|nearly|almost|some|roughly|over|just|only|more\s+than|less\s+than)\s+)?"
_NAMES = r"(?:(?:the\s+)?[A-Z][\w'’.&-]*\s+)+"
_GAP_BEFORE = re.compile(
    r"^[\s,]*(?:(?:in|by|as\s+of)\s+\d{4}[\s,]*)?"
    r"(?:(?:up|down)\s+from|from|compared\s+(?:with|to)|against|versus|vs\.?|than|"
    rf"(?:(?:and|while|whereas|but|or)\s+)?{_NAMES}(?:(?:had|has|have|with)\s+)?|(?:and|or))"
    rf"\s*{_HEDGE}$")
_GAP_AFTER = re.compile(rf"^\s*(?:(?:in|by)\s+\d{{4}}\s+)?(?:to|and|or|-|–|—)\s*{_HEDGE}$")
_OF = re.compile(r"\bof\s+(?:(?:about|around|nearly|almost|some|roughly|over|more\s+than|less\s+than|just|only|"
                 r"up\s+to|at\s+least)\s+)?$", re.I)


def _owner_end(draft: Draft, x: Quantity) -> int:
    """Where the words a figure owns end: after its noun phrase ("13 cats"), else the figure."""
    if x.noun_phrase:
        at = draft.prose.find(x.noun_phrase, x.end, x.end + len(x.noun_phrase) + 40)
        if at >= 0:
            return at + len(x.noun_phrase)
    return x.end


_REACH = 200  # characters: how far before a figure another may start and still own words in its window


def _neighbours(draft: Draft, q: Quantity) -> tuple[Quantity | None, Quantity | None]:
    """The figures that own words just before and just after `q` in its sentence: found by
    bisection and a bounded walk, so a sentence of many figures is not rescanned per figure."""
    s0, s1 = draft.sentence_span(draft.sentence_of(q.start))
    figures = draft.quantities
    k = bisect_left(figures, q.start, key=lambda x: x.start)
    before = after = None
    i = k - 1
    while i >= 0 and figures[i].start >= max(s0, q.start - _REACH):
        x = figures[i]
        if x is not q and x.kind in _OWNING_KINDS and x.end <= q.start and (before is None or x.end > before.end):
            before = x
        i -= 1
    i = k
    while i < len(figures) and figures[i].start < min(s1, q.end + _REACH):
        x = figures[i]
        if x is not q and x.kind in _OWNING_KINDS and x.start >= q.end:
            after = x
            break
        i += 1
    return before, after


@dataclass(frozen=True)
class _FigureWords:
    """The words that say what a figure is: `noun` (its noun phrase), `near` (the few words right
    before it, and after it when it has no noun), and whether those words end in "of" right before
    it ("a population of 83 million souls")."""

    noun: frozenset[str]
    near: frozenset[str]
    of: bool

    @property
    def words(self) -> set[str]:
        return set(self.noun | self.near)


def _noun_words(x: Quantity) -> set[str]:
    words = set(x.noun.split()) if x.noun else set()
    if x.noun_phrase:
        words.update(singular(w) for w in _WORD.findall(x.noun_phrase))
    return words


def _context(draft: Draft, q: Quantity) -> "_FigureWords":
    """The words that belong to a figure: its noun, and the words right before it in its sentence,
    never reaching past another figure and the noun it counts, nor past a ";". A figure without a
    noun also reads the words right after it up to a comma or another figure ("$2.6 trillion in
    GDP"), and takes the noun of the figure next to it when the two share it ("83 million people
    and France 68 million", "up from 79 million", "from 79 to 83 million people")."""
    noun = _noun_words(q)
    s0, s1 = draft.sentence_span(draft.sentence_of(q.start))
    previous, following = _neighbours(draft, q)
    start = max(s0, q.start - 40)
    if previous is not None:
        owned = _owner_end(draft, previous)
        if owned > start:
            start = min(owned, q.start)
            if not q.noun and previous.noun and _GAP_BEFORE.match(draft.prose[start:q.start]):
                noun |= _noun_words(previous)
    if not q.noun and following is not None and following.noun and following.start - q.end <= 30 \
            and _GAP_AFTER.match(draft.prose[q.end:following.start]):
        noun |= _noun_words(following)
    text = draft.prose[start:q.start]
    text = text[text.rfind(";") + 1:]
    near = [singular(w) for w in _WORD.findall(text)[-4:]]
    if not q.noun:
        end = min(s1, q.end + 30, following.start if following is not None else s1)
        after = re.split(r"[,;:()]", draft.prose[q.end:end], maxsplit=1)[0]
        near.extend(singular(w) for w in _WORD.findall(after)[:3])
    return _FigureWords(frozenset(w.lower() for w in noun), frozenset(w.lower() for w in near), bool(_OF.search(text)))


def _measures_for(refs: References, words: set[str]) -> list[str]:
    """Measures all of whose words (singular) are among the words that say what the figure is."""
    found = []
    for name, key in refs.measure_names.items():
        parts = [singular(w).lower() for w in _WORD.findall(name)]
        if parts and all(p in words for p in parts) and key not in found:
            found.append(key)
    return found


# --- the verdict ---------------------------------------------------------------------------

def _judge(draft: Draft, refs: References, q: Quantity, mentions: Mentions, tol: Tolerance) -> Verdict:
    subjects = _subjects_for(draft, q, mentions)
    if not subjects:
        return Verdict(q, "unmatched")
    if q.kind == "ordinal":
        return _judge_rank(draft, refs, q, subjects)
    sentence = draft.sentence_text(draft.sentence_of(q.start))
    if q.kind == "duration":
        # "more than a year after a US-led coalition began": the event is the one named after the relation
        rel = _RELATION.search(draft.prose, q.end, draft.sentence_span(draft.sentence_of(q.start))[1])
        if rel:
            subjects = sorted(subjects, key=lambda m: (m[0] < rel.end(), abs(m[0] - rel.end())))
    context = _context(draft, q)
    words = context.words
    if q.kind == "duration":  # "more than a year after the coalition began": the event's words
        words |= {singular(w).lower() for w in _WORD.findall(sentence)}
    measures = _measures_for(refs, words)
    if q.noun and measures and not context.of and not _measures_for(refs, set(context.noun)):
        # "Foo's cats outnumber its 14 dogs": a figure that counts something no table measures is
        # not about a measure named near it, unless that measure is what it is "of"
        measures = []
    if measures and not _whole_count(draft, q, refs, measures, words):
        measures = []
    for start, end, skey in subjects:
        for mkey in measures:
            facts = refs.lookup(skey, mkey)
            if not facts:
                continue
            dated = [f for f in facts if f.date is not None]
            if q.kind == "duration":
                if dated and _RELATION.search(sentence) and draft.date is not None:
                    return _judge_date(draft, q, dated[0], tol, (start, end))
                continue
            valued = [f for f in facts if f.value is not None]
            if not valued:
                continue
            if q.kind == "percent" and (valued[0].unit != "percent"):
                growth = _judge_growth(draft, q, valued, tol, (start, end))
                if growth is not None:
                    return growth
                continue
            rows, weak = _pick_time(draft, q, valued)
            if not rows:
                continue
            verdicts_ = [_judge_value(q, fact, weak, tol, (start, end)) for fact in rows]
            return next((v for v in verdicts_ if v.status == "consistent"), verdicts_[0])
    return Verdict(q, "unmatched")


_GROWTH = re.compile(r"\b(?:grew|grow|grown|rose|risen|increased|climbed|fell|fallen|dropped|declined|"
                     r"decreased|shrank|shrunk|growth|increase|rise|fall|decline|drop)\b", re.I)
_DOWN = re.compile(r"\b(?:fell|fallen|dropped|declined|decreased|shrank|shrunk|fall|decline|drop)\b", re.I)


def _judge_growth(draft: Draft, q: Quantity, facts: list[Fact], tol: Tolerance, span) -> Verdict | None:
    """"Germany's population grew 5% between 2010 and 2020": the change between two rows."""
    sentence = draft.sentence_text(draft.sentence_of(q.start))
    years = sorted(set(_sentence_years(draft, q)))
    if len(years) != 2 or not _GROWTH.search(sentence):
        return None
    by_year = {f.year: f for f in facts}
    first, last = by_year.get(years[0]), by_year.get(years[1])
    if first is None or last is None or not first.value:
        return None
    change = (last.value / first.value - 1) * 100
    sign = -1 if _DOWN.search(sentence) else 1
    stated = interval(q, tol, rounded_from_known=True)
    expected = Interval(change * sign - first.tolerance * 100 - last.tolerance * 100,
                        change * sign + first.tolerance * 100 + last.tolerance * 100)
    facts_text = f"{first.describe()} and {last.describe()}"
    if stated.overlaps(expected):
        return Verdict(q, "consistent", last, False, f"{facts_text}: a change of {change:+.1f}%; the text says "
                                                     f"{q.text}", span)
    return Verdict(q, "conflict", last, False, f"from {years[0]} to {years[1]} the table gives a change of "
                                               f"{change:+.1f}% ({facts_text}); the text says {q.text}", span)


def _same_clause(draft: Draft, sentence_start: int, q: Quantity, x: Quantity) -> bool:
    """Is the year written with the figure ("83 million people in 2020", "In 2020, Germany had ..."),
    not with another event of the sentence ("Japan, a country of 125 million people, first hosted
    the Olympics in 1964")?"""
    if x.start >= q.end:
        between = draft.prose[q.end:x.start]
        return len(between) <= 40 and not re.search(r"[,;:()]", between)
    between = draft.prose[x.end:q.start]
    if ";" in between or len(between) > 60:
        return False
    # "In 2020, ...": the year opens the sentence (looked at only near its start: a sentence may be long)
    opening = x.start - sentence_start <= 40 and \
        draft.prose[sentence_start:x.start].strip().lower() in ("in", "by", "as of", "since")
    return "," not in between or opening


def _years_of(draft: Draft, index: int) -> list[Quantity]:
    """The years and dates (with a year) of sentence `index`, in text order: found once per sentence,
    not once per figure, so a sentence of many figures is read in linear time."""
    return draft.years_by_sentence.get(index, [])


def _years_nearest(draft: Draft, q: Quantity) -> list[int]:
    """The sentence's years, the one written with the figure first ("79 million in 1990, 83 million
    in 2020": 1990 for the first, 2020 for the second)."""
    index = draft.sentence_of(q.start)
    s0, _ = draft.sentence_span(index)
    years = _years_of(draft, index)
    # _same_clause takes a year at most 60 characters before the figure or 40 after it: look there only
    lo = bisect_left(years, q.start - 200, key=lambda x: x.start)
    hi = bisect_left(years, q.end + 200, key=lambda x: x.start)
    found = [(x, int(x.year)) for x in years[lo:hi] if x is not q and _same_clause(draft, s0, q, x)]

    def distance(item) -> tuple[int, int]:
        x = item[0]
        after = x.start >= q.end
        gap = x.start - q.end if after else q.start - x.end
        return (0 if after and gap <= 20 else 1, gap)

    return [y for _, y in sorted(found, key=distance)]


@lru_cache(maxsize=1)
def _superlatives() -> dict[str, tuple[str, bool]]:
    data = json.loads(resources.files("numcheck.tables").joinpath("data", "superlatives.json").read_text("utf-8"))
    return {k: (v["measure"], v["order"] == "desc") for k, v in data.items() if not k.startswith("_")}


def _judge_rank(draft: Draft, refs: References, q: Quantity, subjects) -> Verdict:
    """"India, the second most populous country": the subject's rank, computed from the table."""
    after = re.sub(r"\s+", " ", draft.prose[q.end:q.end + 40].lower()).lstrip(" -")
    found = next(((k, v) for k, v in _superlatives().items() if after.startswith(k)), None)
    if found is None or q.value != int(q.value) or q.value < 1:
        return Verdict(q, "unmatched")
    phrase, (mkey, largest_first) = found
    rows = [f for f in refs.by_measure.get(mkey, []) if f.value is not None and not f.aggregate]
    if not rows:
        return Verdict(q, "unmatched")
    years = _years_nearest(draft, q) or ([draft.date.year] if draft.date else [])
    available = sorted({f.year for f in rows if f.year is not None})
    year = next((y for y in years if y in available), None)
    weak = year is None
    if weak:
        if years or not available:
            return Verdict(q, "unmatched")
        year = available[-1]
    ranked = sorted((f for f in rows if f.year == year), key=lambda f: f.value, reverse=largest_first)
    keys = [f.subjects[0].lower() for f in ranked]
    for start, end, skey in subjects:
        if skey in keys:
            rank = keys.index(skey) + 1
            fact = ranked[rank - 1]
            top = ", ".join(f"{f.subjects[0]} {f.value:,.0f}" for f in ranked[:max(3, int(q.value))][:5])
            head = f"{fact.subjects[0]} ranks {_ordinal(rank)} by {fact.measures[0]} in {year} ({top}; {fact.source}, {fact.path})"
            status = "consistent" if rank == int(q.value) else "conflict"
            return Verdict(q, status, fact, weak, f"{head}; the text says {q.text} {phrase}", (start, end))
    return Verdict(q, "unmatched")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_GENERIC = {"people", "person", "resident", "citizen", "inhabitant"}  # nouns any count of people uses
_WHOLE_CUES = {"had", "has", "have", "of", "with", "to", "totals", "totalled", "totaled", "reached", "numbered",
               "counted", "is", "was", "were", "are", "nation", "country", "from"}


def _whole_count(draft: Draft, q: Quantity, refs: References, measures: list[str], words: set[str]) -> bool:
    """A count of "people" is a population only when it is stated as the whole of it ("Germany had
    83 million people", "a nation of 83 million people"), not "19.5 million people in Sudan face
    hunger" or "its two million residents"; a measure named outright ("population") always is."""
    named = {singular(w).lower() for key in measures for name, k in refs.measure_names.items() if k == key
             for w in _WORD.findall(name)} & words
    if not named or not named <= _GENERIC:
        return True
    if q.noun_phrase and len(_WORD.findall(q.noun_phrase)) > 1:
        return False  # "1.2 million displaced people": a part of the population
    before = [w.lower() for w in _WORD.findall(draft.prose[max(0, q.start - 30):q.start])][-3:]
    before = [w for w in before if w not in ("some", "about", "around", "nearly", "almost", "roughly", "over",
                                             "more", "than", "just", "only", "a", "an", "the")]
    return bool(before) and before[-1] in _WHOLE_CUES


def _sentence_years(draft: Draft, q: Quantity) -> list[int]:
    """Years written in the figure's sentence, both ends of "between 2010 and 2020" included."""
    index = draft.sentence_of(q.start)
    years: list[int] = []
    for x in _years_of(draft, index):
        if x is not q:
            years.append(int(x.year))
            if x.kind == "year" and x.high is not None:
                years.append(int(x.high))
    return years


_LAG = 2  # published figures trail a story: one dated 2024 may quote a 2022 or 2023 figure


def _pick_time(draft: Draft, q: Quantity, facts: list[Fact]) -> tuple[list[Fact], bool]:
    """The rows a figure may be about: the year written with it; else the document's year and
    the years just before it; else the nearest row (weak)."""
    timeless = [f for f in facts if f.as_of is None]
    years = _years_nearest(draft, q)
    for y in years:
        found = [f for f in facts if f.year == y]
        if found:
            return found[:1], False
    if years:
        # the text names a year the table does not have; a row with no time holds for any year
        return timeless[:1], False
    if draft.date is not None:
        recent = sorted((f for f in facts if f.year is not None and 0 <= draft.date.year - f.year <= _LAG),
                        key=lambda f: -(f.year or 0))
        if recent:
            return recent, False
    if timeless:
        return timeless[:1], False
    if len(facts) == 1:
        return facts, False
    target = draft.date.year if draft.date is not None else max(f.year or 0 for f in facts)
    return [min(facts, key=lambda f: (abs((f.year or 0) - target), -(f.year or 0)))], True


_SAME_MEASURE = 5.0  # a figure under a fifth or over five times the row is about something else


def _judge_value(q: Quantity, fact: Fact, weak: bool, tol: Tolerance, span) -> Verdict:
    value = _in_figure_unit(q, fact)
    if value is None or value <= 0:
        return Verdict(q, "unmatched")
    # "4,000 people were evacuated from France" is not France's population: a count that far
    # from the row measures something else, so it is unmatched rather than a conflict
    if not value / _SAME_MEASURE <= abs(q.high if q.high is not None else q.value) <= value * _SAME_MEASURE:
        return Verdict(q, "unmatched")
    expected = Interval(value * (1 - fact.tolerance), value * (1 + fact.tolerance))
    if interval(q, tol, rounded_from_known=True).overlaps(expected):
        return Verdict(q, "consistent", fact, weak, f"{fact.describe()}; the text says {q.text}", span)
    nearest = " (the nearest year in the table)" if weak else ""
    return Verdict(q, "conflict", fact, weak, f"{fact.describe()}{nearest}; the text says {q.text}", span)


def _in_figure_unit(q: Quantity, fact: Fact) -> float | None:
    """The row's value in the figure's unit, or None when they measure different things."""
    if fact.unit is None:
        return fact.value if q.kind in ("count", "number") and q.unit is None else None
    if fact.unit == "percent":
        return fact.value if q.kind == "percent" else None
    if q.kind == "money":
        return fact.value if q.unit == fact.unit else None
    if q.unit is None:
        return None
    return convert(fact.value, fact.unit, q.unit)


def _judge_date(draft: Draft, q: Quantity, fact: Fact, tol: Tolerance, span) -> Verdict:
    """"more than two years after the coalition began its strikes", against a start date."""
    assert draft.date is not None and fact.date is not None
    days = (draft.date - fact.date).days
    if days < 0:
        return Verdict(q, "unmatched")
    elapsed = convert(days, "day", q.unit)
    if elapsed is None:
        return Verdict(q, "unmatched")
    stated = interval(q, tol)
    if q.qualifier == "exact":  # "a year after": people round down, so allow up to one unit more
        stated = Interval(stated.low - 0.5, stated.high + 1)
    if stated.contains(elapsed):
        return Verdict(q, "consistent", fact, False, f"{fact.describe()}; the text says {q.text}", span)
    msg = (f"{fact.describe()}: to the document's date, {draft.date.isoformat()}, is {_span_words(days)}; "
           f"the text says {q.text}")
    return Verdict(q, "conflict", fact, False, msg, span)


def _span_words(days: int) -> str:
    years, rest = divmod(days, 365)
    months = round(rest / 30.44)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months or not years:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " and ".join(parts)


__all__ = ["Verdict", "verdicts"]
