"""The relations stage: what each figure of a draft is to the others.

Between the claims stage (figures in their sentences) and the checks (arithmetic), this stage
reads a draft once and finds typed relations with roles: changes, breakdowns, shares, splits of
one whole, gaps between percentages, stated differences, ratios, and the same set counted twice.
A figure takes one role: the finders run in a fixed order (changes first) and a figure one
reading has taken is not offered to the next, so two rules never read one figure two ways.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from numcheck.claims import Draft
from numcheck.relations.breakdowns import (TOTAL_WORDS, find_breakdowns, find_differences, find_lead_from_before,
                                           find_next_sentence_breakdowns)
from numcheck.relations.dates import WeekdayDate, find_weekday_dates
from numcheck.relations.elapsed import Elapsed, find_elapsed
from numcheck.relations.tables import ColumnTotal, find_column_totals
from numcheck.relations.changes import find_changes, find_implicit_changes, next_sentence_sizes
from numcheck.relations.model import (Breakdown, Change, Difference, Gap, PartOfWhole, Ratio, SameSet, Share, Size,
                                      Split, StatedChange)
from numcheck.relations.ratios import find_ratios
from numcheck.relations.sets import find_anaphora, find_same_sets
from numcheck.relations.shares import find_complements, find_shares, find_vote_shares
from numcheck.relations.splits import find_gaps, find_splits
from numcheck.relations.lexicon import relation_words
from numcheck.relations.text import Sentence, read_words

__all__ = ["Relations", "read_relations", "Breakdown", "Change", "Difference", "Gap", "PartOfWhole", "Ratio",
           "SameSet", "Share", "Size", "Split", "StatedChange", "WeekdayDate", "Elapsed", "ColumnTotal"]


@dataclass(frozen=True)
class Relations:
    """Every relation found in one draft, by type."""

    changes: tuple[Change, ...] = ()
    stated_changes: tuple[StatedChange, ...] = ()
    breakdowns: tuple[Breakdown, ...] = ()
    differences: tuple[Difference, ...] = ()
    shares: tuple[Share, ...] = ()
    splits: tuple[Split, ...] = ()
    gaps: tuple[Gap, ...] = ()
    ratios: tuple[Ratio, ...] = ()
    same_sets: tuple[SameSet, ...] = ()
    parts_of_wholes: tuple[PartOfWhole, ...] = ()
    weekday_dates: tuple[WeekdayDate, ...] = ()
    elapsed: tuple[Elapsed, ...] = ()
    column_totals: tuple[ColumnTotal, ...] = ()

    def __len__(self) -> int:
        return sum(len(getattr(self, name)) for name in self.__dataclass_fields__)


def _unique(found: list[SameSet]) -> list[SameSet]:
    """One relation per second mention: the set counted twice, or the figure pointed back to."""
    seen: set[int] = set()
    out = []
    for rel in found:
        if id(rel.second) not in seen:
            seen.add(id(rel.second))
            out.append(rel)
    return out


def sentences(draft: Draft) -> list[Sentence]:
    """The sentences that hold figures, in order, each with its words outside the figures."""
    out: list[Sentence] = []
    for index in sorted(draft.by_sentence):
        figures = draft.by_sentence[index]
        start, end = draft.sentence_span(index)
        out.append(Sentence(index, start, end, figures, read_words(draft.prose, start, end, figures)))
    return out


_COMPARED = frozenset({"from", "against", "versus", "vs", "compared", "over", "than"})
_SHARE_KINDS = frozenset({"percent", "fraction"})


def _may_change(s: Sentence) -> bool:
    """Can the sentence hold a change joined by its words ("from ... to", "compared with")?"""
    return len(s.figures) >= 2 and bool(s.vocabulary & _COMPARED)


def read_relations(draft: Draft) -> Relations:
    """Read every relation of a draft, once. A finder runs on a sentence only when the sentence has
    the figures and words it needs, so prose without them costs one set lookup each."""
    lex = relation_words()
    taken: set[int] = set()  # ids of the figures a relation has taken
    all_sentences = sentences(draft)
    changes = []
    for k, s in enumerate(all_sentences):
        found = find_changes(s, taken) if _may_change(s) else []
        nxt = all_sentences[k + 1] if k + 1 < len(all_sentences) else None
        if found and nxt is not None and nxt.index == s.index + 1:
            last = found[-1]
            extra = next_sentence_sizes(nxt, last, taken)
            if extra:
                taken.update(id(z.figure) for z in extra)
                found[-1] = replace(last, sizes=last.sizes + tuple(extra))
        changes.extend(found)
    stated_changes = []
    for s in all_sentences:
        if len(s.figures) >= 2 and s.vocabulary & lex.change_nouns:
            implicit, stated = find_implicit_changes(s, taken)
            changes.extend(implicit)
            stated_changes.extend(stated)
    breakdowns, differences, shares, splits, gaps, ratios = [], [], [], [], [], []
    for k, s in enumerate(all_sentences):
        previous = all_sentences[k - 1] if k > 0 and all_sentences[k - 1].index == s.index - 1 else None
        if "multiple" in s.kinds:
            ratios.extend(find_ratios(s, previous, taken))
        found_breakdowns = find_breakdowns(s, taken) if len(s.figures) >= 2 and _may_break_down(s) else []
        if previous is not None:
            found_breakdowns += find_next_sentence_breakdowns(previous, s, taken)
            if not found_breakdowns and "of" in s.vocabulary:
                found_breakdowns += find_lead_from_before(previous, s, taken)
        breakdowns.extend(found_breakdowns)
        if len(s.figures) >= 3 and s.vocabulary & _DIFFERENCE:
            differences.extend(find_differences(s, taken))
        if s.kinds & _SHARE_KINDS:
            found_shares = find_shares(s, found_breakdowns, taken) + find_vote_shares(s, taken)
            taken.update(id(x.share) for x in found_shares)
            shares.extend(found_shares)
        if "percent" in s.kinds:
            found_gaps = find_gaps(s, taken)
            taken.update(id(g.stated) for g in found_gaps)
            gaps.extend(found_gaps)
            splits.extend(find_splits(s, taken))
    shares.extend(find_complements(all_sentences, taken))
    parts = tuple(PartOfWhole(q) for q in draft.quantities
                  if q.kind == "ratio" and q.part is not None and q.whole is not None)
    same_sets = _unique(find_same_sets(all_sentences) + find_anaphora(all_sentences))
    return Relations(
        changes=tuple(changes), stated_changes=tuple(stated_changes), breakdowns=tuple(breakdowns),
        differences=tuple(differences), shares=tuple(shares), splits=tuple(splits), gaps=tuple(gaps),
        ratios=tuple(ratios), same_sets=tuple(same_sets), parts_of_wholes=parts,
        weekday_dates=tuple(find_weekday_dates(draft)), elapsed=tuple(find_elapsed(draft)),
        column_totals=tuple(find_column_totals(draft)),
    )


@lru_cache(maxsize=1)
def _breakdown_words() -> frozenset[str]:
    """Every word that may open, close or head a breakdown (its phrases' words, and the marks)."""
    lex = relation_words()
    phrases = (lex.breakdown_open | lex.breakdown_lead | lex.total_before | lex.total_after | lex.balance_lead
               | lex.complete)
    return frozenset(w for p in phrases for w in p) | TOTAL_WORDS | {":", "—", "–", "-", "in", "whole"}


def _may_break_down(s: Sentence) -> bool:
    """Can the sentence hold a breakdown: a word that opens, closes or heads one, or a count with a
    comma after it (an apposition)?"""
    return bool(s.vocabulary & _breakdown_words()) or ("count" in s.kinds and "," in s.vocabulary)


_DIFFERENCE = frozenset({"difference", "excess", "exceeding", "exceeded", "exceeds", "exceed"})
