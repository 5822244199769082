"""Breakdowns (a whole and its parts) and stated differences.

A whole opens its parts ("800 applicants, of which 120 ...", "The delegation of 75 included 41
students and 39 teachers", "Six people were on board: two pilots, ..."), heads its clause ("Of the
60 new hires, 25 ..."), stands before them in apposition ("eight hostages, six Israelis and five
Thai nationals"), or closes them ("212 farmers, 148 traders and 95 officials; 445 people in all",
"$20 millions; ... $3.5 millions; ... making in the whole $24.5 millions"); a remainder ends them
("$377 million ... $273 million, leaving a surplus of $104 million"); and the next sentence may give
them ("Ten inmates escape. Three are recaptured; the other seven remain fugitives.").
"""

from __future__ import annotations

from typing import Optional, Sequence

from numcheck.precision import exact_figure
from numcheck.quantities import Quantity
from numcheck.relations.common import (LIST_MARKS, after_noun, clause_breaks, gap_words, is_amount, is_timeish,
                                       same_measure)
from numcheck.relations.lexicon import relation_words
from numcheck.relations.model import Breakdown, Difference
from numcheck.relations.text import Sentence, Word, ends_with_phrase, find_phrase, has_phrase, lows, starts_with_phrase

_LEADING = {"the", "a", "an", "another", "only", "just", "some", "about", "nearly", "almost", "over", "under", "at",
            "least", "most", "all", "remaining", "rest", "other", "others", "further", "still", "roughly", "around",
            "from", "of", "for", "in", "on", "to", "by", "with", "through", "under", "into", "as", "per"}
_PREPOSITIONS = {"from", "of", "for", "in", "on", "to", "by", "with", "through", "under", "into", "at", "as"}
_PART_GAP = 14  # words between two parts ("have been issued from the Treasury and are now in circulation, and")
_FIRST_GAP = 6  # words between the opener and the first part ("of which there was derived from customs")
_OPEN_WINDOW = 20  # words between a whole and the word that opens its parts
_MAX_PARTS = 30  # bounds the work on a run of numbers; no breakdown in prose lists more
TOTAL_WORDS = {"making", "make", "makes", "made", "forming", "produces", "produced", "aggregate", "aggregating",
                "total", "totaling", "totalling", "totaled", "totalled", "together", "combined", "altogether"}
_OPEN_MARKS = {":", "—", "–", "-"}


def _part_ok(q: Quantity, whole: Quantity, taken: set[int]) -> bool:
    if id(q) in taken or q.high is not None:
        return False
    if whole.kind == "percent":
        return q.kind == "percent"
    return is_amount(q) and same_measure(q, whole)


def _list_gap_ok(words: Sequence[Word], first: bool) -> bool:
    """The words between two parts: short, one clause, and with a list mark between (a comma,
    "and", a semicolon) unless it is the first part after the opener."""
    lex = relation_words()
    low = [w.low for w in words]
    if any(w in lex.clause_break or w in (".", "?", "!") for w in low):
        return False
    if first:
        return "and" not in low and len([w for w in low if w.isalpha()]) <= _FIRST_GAP
    if len(low) > _PART_GAP:
        return False
    if low[-1:] and low[-1] in ("than", "from", "to", "per", "each", "times", "of"):
        return False  # "22 ... 5 more than", "from 5 to 7": not a list of parts
    if "being" in low or find_phrase(low, lex.breakdown_open) is not None:
        return False  # "210,363 army pensioners, 105,478 being invalids": the parts of a part
    if low[-1:] == ["or"]:
        return False  # "two or three brigades": a range, not two parts
    marks = [k for k, w in enumerate(low) if w in LIST_MARKS and w != "or"]
    if not marks:
        return False
    if low[marks[0]] == ";":
        return True  # "...; foreign goods reexported, $9,738,695; specie, $19,231,880": items set apart
    # after the list mark: a preposition or a determiner ("and from incidental sources"), not a verb
    # of a new clause ("four officers, and injure more than 100 others")
    tail = [w for w in low[marks[0] + 1:] if w not in LIST_MARKS]
    return not tail or tail[0] in _PREPOSITIONS or all(w in _LEADING for w in tail)


_AUX = {"are", "is", "were", "was", "have", "has", "had", "be", "been", "being", "will", "would", "remain", "remains"}


def _verbless(words: Sequence[Word]) -> bool:
    """No verb of its own between two parts of a parenthesis ("including 618 men and 59 women"), as
    there is in "including two firefighters, are killed and two other firefighters"."""
    return not any(w.low in _AUX or (w.low.endswith("ed") and len(w.low) > 4) for w in words)


def _parts(s: Sentence, start: int, whole: Quantity, taken: set[int], after: int, used: set[int],
           parenthesis: bool = False) -> list[Quantity]:
    """The list of parts that starts at figure index `start` (the first right after offset `after`).
    A `parenthesis` ("including ...") holds nouns only: a part right after the opener, no verbs
    between parts, and it ends at a detail ("two critically") or at "N more"."""
    parts: list[Quantity] = []
    prev: Optional[Quantity] = None
    for q in s.figures[start:start + _MAX_PARTS + 4]:
        if is_timeish(q) and prev is None:
            continue  # "of which on September 30th, 1822, $93 million had been settled"
        if not _part_ok(q, whole, taken) or id(q) in used or q.noun in ("more", "additional"):
            break
        words = gap_words(s, prev, q) if prev is not None else s.words_between(after, q.start)
        if prev is None:
            times = [t for t in s.figures if is_timeish(t) and after <= t.start < q.start]
            words = [w for w in words if not any(t.start <= w.start < t.end for t in times)]
            if parenthesis and len([w for w in words if w.low.isalpha()]) > 2:
                break  # "including Naama Levy, in exchange for 200 prisoners": not a part
        if not _list_gap_ok(words, first=prev is None):
            break
        if parenthesis and prev is not None and not _verbless(words):
            break
        if parenthesis and lows(after_noun(s, q, 1))[:1] in (["more"], ["others"], ["other"], ["additional"]):
            break  # "including three soldiers, and 40 more injured": another group
        if parenthesis and _siblings(q, whole):
            break  # "nine deaths in 2026, including 45 new cases": a count beside the whole, not in it
        if prev is not None and lows(after_noun(s, q, 1)) == ["being"]:
            break  # "210,363 army pensioners, 105,478 being invalids": a part of the part before
        parts.append(q)
        prev = q
        if parenthesis and _detail(s, q):
            break  # "including two critically": how many of them, not a list that goes on
        if len(parts) >= _MAX_PARTS:
            break
    return parts


def _siblings(part: Quantity, whole: Quantity) -> bool:
    """Do two counts name different members of one group of the data file (deaths and cases, men and
    women): things counted beside each other, never one inside the other?"""
    if not part.noun or not whole.noun:
        return False
    a, b = part.noun.split()[-1], whole.noun.split()[-1]
    return a != b and any(a in group and b in group for group in relation_words().exclusive)


def _detail(s: Sentence, q: Quantity) -> bool:
    """A figure followed by an adverb ("two critically", "one seriously"): a detail of the whole."""
    follow = lows(after_noun(s, q, 1))
    return bool(follow) and follow[0].endswith("ly") and len(follow[0]) > 4


def _complete(s: Sentence, parts: Sequence[Quantity], lead: bool) -> bool:
    """Are the parts said to be all of the whole ("and the remaining 13", "the rest, 12"; after "Of the
    30 on board", "four others ... three others")?"""
    lex = relation_words()
    for q in parts[1:]:
        if ends_with_phrase(lows(s.words_before(q.start, 3)), lex.complete):
            return True
    return lead and len(parts) >= 2 and all(p.noun in (None, "other") for p in parts[1:]) and \
        any(p.noun == "other" for p in parts[1:])


def _may_overlap(parts: Sequence[Quantity]) -> bool:
    """Do the parts count three or more kinds of things that need not exclude each other ("600 women,
    450 parents and 300 retirees")? Kinds from one group of the data file ("men, women and
    children") split a whole without overlap."""
    nouns = {p.noun for p in parts if p.noun and p.noun_phrase and p.noun_phrase[:1].islower()
             and p.noun not in ("other", "more")}
    if len(nouns) < 3:
        return False
    if len({n.split()[-1] for n in nouns}) == 1:
        return False  # "40 cotton mills, 48 knitting mills, 36 woolen mills": kinds of one thing
    return not any(nouns <= group for group in relation_words().exclusive)


def _overlap(s: Sentence, first: Quantity) -> bool:
    """Words that say the parts may overlap or be one of several ("some of whom", "both", "each"), or
    that one part is a range ("two or three brigades"): looked for in the words after the first."""
    return has_phrase(lows(s.words_after(first.start, 60)), relation_words().overlap)


def _whole_before_opener(s: Sentence, i: int, taken: set[int]) -> Optional[int]:
    """A whole whose parts an opener introduces ("800 applicants, of which", "75 included", "Six people
    were on board:"): the offset where its parts may start, or None."""
    lex = relation_words()
    whole = s.figures[i]
    if not (is_amount(whole) or whole.kind == "percent") or id(whole) in taken:
        return None
    nxt = next((q for q in s.figures[i + 1:] if not is_timeish(q)), None)
    if nxt is None:
        return None
    words = [w for w in gap_words(s, whole, nxt)
             if not any(t.start <= w.start < t.end for t in s.figures[i + 1:s.position(nxt)])]
    low = [w.low for w in words]
    found = find_phrase(low[:_OPEN_WINDOW], lex.breakdown_open)
    if found is not None and low[found[0]] in ("of", "whereof", "among") and found[0] > 0 and \
            low[found[0] - 1] not in (",", "(", "—", "–"):
        return None  # "casualties to small craft, on board of which": not the parts of the whole
    if found is None:
        # "100,000 men-65,000 regulars", "Six people were on board: two pilots, ...": a dash right
        # after the whole's noun, or a colon that the first part follows at once
        marks = [k for k, w in enumerate(low[:8])
                 if w == ":" or (w in _OPEN_MARKS and k == 0 and _dash_opens(words[0]))]
        if not marks or whole.kind != "count" or not whole.noun or len(low) - marks[0] > 3:
            return None
        found = (marks[0], marks[0] + 1)
    if clause_breaks(words[:found[0]]) or low[:found[0]].count(",") > 1 or "and" in low[:found[0]]:
        return None
    if _detail(s, whole):
        return None  # "70 others, one seriously, including three children": a detail, not a whole
    return words[found[1] - 1].end


def _dash_opens(dash: Word) -> bool:
    """A dash that opens parts: an em or en dash, or a hyphen glued to the noun before it ("100,000
    men-65,000 regulars"), not the " - " of a table set in text."""
    return dash.low in ("—", "–") or dash.text == "-" and dash.start > 0


def _whole_at_lead(s: Sentence, i: int) -> bool:
    """"Of the 60 new hires, 25 ...": a whole that heads its clause, then a comma."""
    lex = relation_words()
    whole = s.figures[i]
    if not is_amount(whole):
        return False
    before = lows(s.words_before(whole.start, 4))
    k = ends_with_phrase(before, lex.breakdown_lead)
    if not k:
        return False
    head = before[:len(before) - k]
    lead_word = s.words_before(whole.start, k)[0]
    # a capital "Of" heads a sentence even when the line before ends without a full stop
    starts_line = lead_word.text[:1].isupper()
    nxt = next((q for q in s.figures[i + 1:] if not is_timeish(q)), None)
    if nxt is None:
        return False
    words = [w.low for w in gap_words(s, whole, nxt)]
    # mid-clause, only "of the 800 applicants, 120 ...": the part at once after a comma, counting nothing else
    at_once = words == [","] and nxt.kind == "number" and whole.noun is not None and before[len(before) - k:] != ["of"]
    if head and head[-1] not in (",", ";", ":", "(", "—", "–") and not starts_line and not at_once:
        return False  # "the speed of the 30 ships": "of the" inside the clause
    if before[len(before) - k:] == ["of"] and head and not starts_line:
        return False  # a bare "of" heads only its sentence: "Of 1,200 patients, 300 ..."
    return "," in words[:10] and "and" not in words  # "Of 1,240 flights scheduled on Friday, 310 ..."


def _apposition(s: Sentence, i: int, taken: set[int]) -> bool:
    """"eight hostages, six Israelis and five Thai nationals", "Five people, six from Norway and one
    from Switzerland, are killed": a count, a comma, then its parts joined by "and"."""
    whole = s.figures[i]
    if whole.kind != "count" or not whole.noun or i + 2 >= len(s.figures) or whole.value < 2:
        return False  # "one program, one web site, and one place": a list, not a whole and its parts
    if whole.noun.split()[-1] not in relation_words().containers:
        return False  # "18 ballistic missiles, four cruise missiles and 47 drones": an inventory
    first, second = s.figures[i + 1], s.figures[i + 2]
    if not all(q.kind in ("count", "number") and id(q) not in taken for q in (first, second)):
        return False
    before = [w for w in lows(s.words_before(whole.start, 3)) if w not in ("the", "a", "an", "its", "their")]
    if before and before[-1] in _PREPOSITIONS | {"between", "among", "about", "over"}:
        return False  # "Between the three buses, 35 students and four adults": not the whole they split
    if whole.noun in (first.noun, second.noun):
        return False  # "53 confirmed cases, 43 deaths and 11 probable cases": siblings, not parts
    if any(not is_timeish(q) for q in s.figures[:i]):
        return False  # "5 battle ships, 6 gunboats, 16 torpedo boats and 1 submarine": a list, not a whole
    for part in (first, second):
        follow = lows(after_noun(s, part, 1))
        if not part.noun and follow[:1] not in (["from"], ["in"], ["of"]):
            return False  # "10 new vessels, 22 that are old, and 8 to be built": siblings described
    after = s.figures[i + 3] if i + 3 < len(s.figures) else None
    if after is not None and not is_timeish(after) and after.kind in ("count", "number") and \
            [w.low for w in gap_words(s, second, after)][-1:] in ([","], ["and"]):
        return False  # a longer list: an inventory, not a whole and its parts
    if [w.low for w in gap_words(s, whole, first)] not in ([","], [":"], ["—"], ["–"]):
        return False
    return "and" in [w.low for w in gap_words(s, first, second)]


def find_breakdowns(s: Sentence, taken: set[int]) -> list[Breakdown]:
    used: set[int] = set()
    out = _totals(s, taken, used)
    out += _remainders(s, taken, used)
    for i, whole in enumerate(s.figures):
        if id(whole) in used or id(whole) in taken:
            continue
        lead = False
        after = _whole_before_opener(s, i, taken)
        if after is None:
            lead = _whole_at_lead(s, i)
            if not lead and not _apposition(s, i, taken):
                continue
            after = whole.end
        parenthesis = _opened_by(s, whole, relation_words().including) or (not lead and after == whole.end)
        parts = _parts(s, i + 1, whole, taken, _past_noun(s, whole, after), used, parenthesis)
        if not parts or _overlap(s, parts[0]):
            continue
        complete = _complete(s, parts, lead)
        if not complete and _may_overlap(parts):
            used.update(id(p) for p in (whole, *parts))
            continue  # "600 women, 450 parents and 300 retirees": groups that may overlap
        used.update(id(p) for p in (whole, *parts))
        out.append(Breakdown(whole, tuple(parts), complete))
    return out


def _opened_by(s: Sentence, whole: Quantity, phrases) -> bool:
    i = s.position(whole)
    nxt = next((q.start for q in s.figures[i + 1:] if not is_timeish(q)), s.end)
    return find_phrase([w.low for w in s.words_between(whole.end, nxt)][:_OPEN_WINDOW], phrases) is not None


def _past_noun(s: Sentence, q: Quantity, offset: int) -> int:
    """An offset past a figure's counted noun phrase ("Of the 60 new hires", "eight hostages")."""
    if offset > q.end or not q.noun_phrase:
        return offset
    k = len(q.noun_phrase.split())
    words = s.words_after(q.end, k + 1)
    phrase = [w.lower() for w in q.noun_phrase.replace("-", " - ").split()]
    if [w.low for w in words[:len(phrase)]] == phrase:
        return words[len(phrase) - 1].end
    return offset


def _total_cue(words: Sequence[str]) -> bool:
    """"making in the whole", "a total of", "make the aggregate sum of", "forming a sum total of",
    "total,", "in all": words before a figure that say it is the sum of the figures before it."""
    lex = relation_words()
    tail = [w for w in words if w not in (",", ":")][-6:]
    if not tail:
        return False
    if ends_with_phrase(tail, lex.total_before):
        return True
    if tail[-3:] == ["in", "the", "whole"] or tail[-2:] == ["in", "all"]:
        return True
    full = [w for w in words if w not in (":",)][-16:]
    if full[-1:] in ([","], ["of"], ["to"]) or (full and full[-1] in TOTAL_WORDS):
        # "making a total amount of balances due to the Department of", "; total receipts for the
        # current fiscal year, actual and estimated, $264,500,000"
        return any(w in TOTAL_WORDS for w in full)
    return False


def _near(value: float, target: float) -> bool:
    return target > 0 and 0.5 <= value / target <= 2


def _label_total(between: Sequence[str]) -> bool:
    """"total receipts for the current fiscal year, $264,500,000": "total" names a line of accounts
    rather than saying the figure sums the ones before ("making a total of", "total,")."""
    words = [w for w in between if w not in (",", ":", ";")]
    return bool(words) and words[-1] not in TOTAL_WORDS | {"of", "to", "all", "whole"} and \
        not any(w in TOTAL_WORDS - {"total"} for w in words)


def _unnumbered_part(s: Sentence, parts: Sequence[Quantity], total: Quantity) -> bool:
    """"24 battleships, ..., 8 submarines, and other attendant vessels, making 98 vessels": a part the
    list names without a figure."""
    words = lows(s.words_between(parts[0].start, total.start))
    return any(w in ("other", "others", "etc") for w in words)


def _totals(s: Sentence, taken: set[int], used: set[int]) -> list[Breakdown]:
    """The figures before a total that it sums: "212 farmers, 148 traders and 95 officials; 445 people
    in all", "$16,219,197.70, which, with the balance of $1,398,461.21 ..., make the aggregate sum of
    $17,417,658.91", "Officers killed, 23; enlisted men killed, 257; total, 280"."""
    lex = relation_words()
    out: list[Breakdown] = []
    for i, total in enumerate(s.figures):
        if i < 2 or not is_amount(total) or id(total) in taken:
            continue
        prev = next((q for q in reversed(s.figures[:i]) if not is_timeish(q)), None)
        if prev is None:
            continue
        between = [w.low for w in gap_words(s, prev, total)]
        after = [w.low for w in after_noun(s, total, 4)]
        if between[-2:] == ["amounting", "to"] and "amounting" not in lows(s.words_before(prev.start, 8)):
            between = between[:-2] + ["total", "of"]  # "...; ... $7,943,095.25, amounting to $30,410,167.77"
        if any((w,) in lex.balance_lead for w in between):
            continue  # "leaving ... the sum of $56,486,708": what is left, not a total
        if "with" in between[-8:] and "which" not in between:
            continue  # "making with the sinking fund a total of": the total holds a part not given
        if any(w in ("and", "while", "but", "whereas") for w in between):
            continue  # "61,999 men and 2,248 officers, and new regiments ... aggregating 33,050": another clause
        if any(w in ("since", "so", "to", "date", "cumulative", "cumulatively") for w in after[:2]):
            continue  # "making an elimination of 542 positions since 1909": a running total
        if not (_total_cue(between) or starts_with_phrase(after, lex.total_after)):
            continue
        label = _label_total(between) and not starts_with_phrase(after, lex.total_after)
        if len(between) > 16 or any(w in ("than", "per") for w in between):
            continue
        parts: list[Quantity] = []
        open_start = False  # the list may go on before the first part found: its start is not known
        for q in reversed(s.figures[max(0, i - _MAX_PARTS):i]):
            if is_timeish(q):
                continue
            if not _part_ok(q, total, taken) or id(q) in used:
                break
            if parts:
                gap = gap_words(s, q, parts[-1])
                if clause_breaks(gap):
                    break
                if len(gap) > 24:
                    open_start = ";" in [w.low for w in gap]
                    break
            parts.append(q)
        parts.reverse()
        if open_start:
            continue  # "...; for interest, $13,190,324.45; ... making an aggregate of": the list began earlier
        if total.noun and sum(p.noun == total.noun for p in parts) >= 2:
            parts = [p for p in parts if p.noun == total.noun]  # "905 officers and 30,578 regulars, and 594
            # officers ...: an aggregate of 1,499 officers": the parts of the same noun
        if len(parts) < 2 or len(parts) > 8 or _overlap(s, parts[0]) or _unnumbered_part(s, parts, total):
            continue
        if label and not all(exact_figure(q) for q in (total, *parts)):
            continue  # "376 billion dollars; total expenditures, 354 billion dollars": a label, not a sum
        # the list may have begun after the first amount found ("imports were $207m, and exports $149m,
        # besides $27m ..., making the aggregate of the entire exports $167m"): the rule tries each tail;
        # tails far from the total (a running total begun elsewhere, an amount the sentence does not
        # give) are no reading of it
        while len(parts) >= 2 and not _near(sum(p.value for p in parts), total.value):
            parts = parts[1:]
        if len(parts) < 2:
            continue
        used.update(id(p) for p in (total, *parts))
        out.append(Breakdown(total, tuple(parts), complete=True, tails=True))
    return out


def _remainders(s: Sentence, taken: set[int], used: set[int]) -> list[Breakdown]:
    """"$377 million ... $273 million, leaving a surplus of $104 million": the first amount less
    the others is what is left."""
    lex = relation_words()
    out: list[Breakdown] = []
    for i, rest in enumerate(s.figures):
        if i < 2 or not is_amount(rest) or id(rest) in taken:
            continue
        window = s.words_between(s.figures[i - 1].end, rest.start)[-14:]
        before = [w.low for w in window]
        cut = [k for k, w in enumerate(before) if (w,) in lex.balance_lead]
        if not cut:
            continue
        lead = before[cut[-1]:]
        named = any(w in lex.balance_nouns for w in lead)
        amounts = [q for q in s.figures[:i] if _part_ok(q, rest, taken) and not is_timeish(q)]
        if len(amounts) != 2 or any(id(q) in used for q in amounts):
            continue  # with more amounts before it, which are taken away is a guess
        if "with" in lows(s.words_between(amounts[0].end, rest.start)):
            continue  # "$18 millions, which, with the $8.5 millions in the Treasury, ...": an amount added
        if not (named or rest.kind == "money" or (rest.noun and rest.noun == amounts[0].noun)):
            continue  # "killed 30 people, leaving 500 homeless": not what is left of a whole
        if not _near(abs(amounts[0].value - amounts[1].value), rest.value):
            continue  # far off: what is left counts an amount the sentence does not give (a balance carried over)
        used.update(id(q) for q in (*amounts, rest))
        out.append(Breakdown(amounts[0], tuple(amounts[1:]) + (rest,), complete=True, remainder=rest))
    return out


def find_next_sentence_breakdowns(first: Sentence, second: Sentence, taken: set[int]) -> list[Breakdown]:
    """"Ten inmates take part in a mass escape. Three are recaptured; the other seven remain fugitives.":
    the parts, one said to be the rest, in the sentence after their whole."""
    lex = relation_words()
    if not first.figures or len(second.figures) < 2:
        return []
    wholes = [q for q in first.figures if q.kind == "count" and id(q) not in taken and q.qualifier == "exact"]
    if not wholes:
        return []
    whole = wholes[-1]
    head = second.figures[0]
    if lows(second.words_before(head.start, 3)) or head.noun not in (None, whole.noun):
        return []  # the parts start their sentence: "Three are recaptured"
    parts = [q for q in second.figures if q.kind in ("count", "number") and id(q) not in taken and q.high is None]
    if len(parts) != len(second.figures) or len(parts) > 6:
        return []
    if not any(ends_with_phrase(lows(second.words_before(q.start, 3)), lex.complete) for q in parts[1:]):
        return []
    return [Breakdown(whole, tuple(parts), complete=True)]


_OF_THIS = {"this", "these", "that", "those", "the"}
_AMOUNT_NOUNS = {"amount", "sum", "total", "number", "balance", "figure", "authorizations", "appropriations",
                 "appropriation", "authorization", "funds", "money"}


def find_lead_from_before(first: Sentence, second: Sentence, taken: set[int]) -> list[Breakdown]:
    """"...mature within the next two and a half years. Of this amount, two and a half billions are
    floating debt and six billions, Victory Notes.": a sentence headed "Of this amount," splits the
    last amount of the sentence before; only parts that add up to more than it are judged."""
    if not first.figures or not second.figures:
        return []
    head = second.figures[0]
    words = lows(second.words_before(head.start, 6))
    if not words or words[0] != "of" or words[1:2] == [] or words[1] not in _OF_THIS or "," not in words \
            or words.index(",") > 4 or second.words_before(head.start, 6)[0].start != second.start:
        return []
    named = words[2:words.index(",")]
    if words[1] == "the" and not set(named) & _AMOUNT_NOUNS:
        return []  # "Of the volunteers, 667 officers ...": a group named in words, not the amount before
    wholes = [q for q in first.figures if is_amount(q) and id(q) not in taken and q.high is None
              and q.qualifier in ("exact", "approx")]
    if not wholes:
        return []
    whole = wholes[-1]
    parts = _parts(second, 0, whole, taken, second.start, set())
    if len(parts) < 2:
        return []
    return [Breakdown(whole, tuple(parts), complete=False)]


def _names_a_difference(s: Sentence, q: Quantity) -> bool:
    """"an excess of receipts over expenditures of $1,058,562.82", "exceeding by $145,797,338": a figure
    that is itself a difference, not one of the two amounts."""
    before = lows(s.words_before(q.start, 10))
    return "excess" in before or "difference" in before or any(w.startswith("exceed") for w in before[-3:])


def find_differences(s: Sentence, taken: set[int]) -> list[Difference]:
    """"a difference of 12 seats", "in excess of ... by $202 million", "exceeded it by $3 million"."""
    out: list[Difference] = []
    for i, d in enumerate(s.figures):
        if i < 2 or not is_amount(d) or id(d) in taken:
            continue
        before = lows(s.words_before(d.start, 10))
        if not (("difference" in before[-3:] and before[-1:] == ["of"]) or "excess" in before
                or (before[-1:] == ["by"] and any(w.startswith("exceed") for w in before))):
            continue
        earlier = [q for q in s.figures[:i] if is_amount(q) and same_measure(q, d) and id(q) not in taken
                   and not _names_a_difference(s, q)]
        if len(earlier) != 2:
            continue
        out.append(Difference(earlier[0], earlier[1], d))
    return out


__all__ = ["find_breakdowns", "find_differences", "find_next_sentence_breakdowns", "find_lead_from_before"]
