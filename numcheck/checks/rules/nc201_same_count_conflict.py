"""NC201 same-count-conflict: the same set counted twice with different values."""

from __future__ import annotations

import re
from typing import Iterator

from numcheck.checks.model import Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.precision import Tolerance, fmt, interval
from numcheck.claims import Draft
from numcheck.quantities.nouns import plural, singular

DOCS = RuleDocs(
    what="A set counted twice with different values, where the second mention clearly refers back to "
         "the first: \"Three tankers were seized on Monday\" ... \"the four seized tankers\". The later "
         "count must be definite (\"the four\", \"all five\") and share the counted noun and a word "
         "that marks the set (\"seized\") with the first.",
    why="Two counts of one set cannot both be right; readers notice, and trust goes with it.",
    fires="Three tankers were seized on Monday. Officials said the four seized tankers would be released.",
    quiet="There were 12 ministers in the first round of talks and 20 ministers in the second.",
    fix="Use one count for the set, or say what changed between the two counts.",
)

_DEFINITE = re.compile(r"\b(?:the|all|all the|those|these|both)\s+$", re.I)
_WORD = re.compile(r"[a-z]+")
_GREW = re.compile(r"\b(?:another|more|other|others|additional|further|also|a (?:second|third|fourth|fifth|"
                   r"sixth|seventh|eighth|ninth|tenth))\b", re.I)
_NARROWED = re.compile(r"^\s*(?:in|from|of|on|at|near|outside|inside)\s+the\b", re.I)
_GENERIC = {"other", "more", "many", "several", "same", "first", "last", "next", "total", "main", "major",
            "large", "small", "great", "former", "latter", "said", "such", "only", "further"}
_STOP = {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "were", "was",
         "are", "is", "be", "been", "had", "have", "has", "said", "that", "this", "which", "who"}


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    counts = [q for q in draft.quantities if q.kind == "count" and q.noun and q.qualifier == "exact"
              and q.high is None]
    for i, b in enumerate(counts):
        if not _DEFINITE.search(draft.prose[max(0, b.start - 12):b.start]):
            continue
        # words that mark the set: lower-case modifiers such as "seized" in "the four seized tankers"
        noun_words = set(b.noun.split())
        markers = {w for w in re.findall(r"\b[a-z]{4,}\b", b.noun_phrase or "")
                   if w not in _STOP and singular(w) not in noun_words and w not in _GENERIC}
        if not markers:
            continue
        for a in reversed(counts[:i]):
            if a.noun != b.noun or draft.sentence_of(a.start) == draft.sentence_of(b.start):
                continue
            # the marker must describe the first count too: "Three tankers were seized"
            near = set(_WORD.findall(draft.prose[a.start:a.end + 60].lower()))
            if not markers & near:
                continue
            if interval(a, tol).overlaps(interval(b, tol)):
                break  # the same count: consistent
            after = draft.prose[b.end:b.end + 80].lstrip()
            if b.noun_phrase and after.startswith(b.noun_phrase):
                after = after[len(b.noun_phrase):]
            if _GREW.search(draft.prose[a.end:b.start]) or _NARROWED.match(after):
                break  # "and a fourth on Tuesday", "the two captured towns in the north": another set
            yield RULE.finding(f"{fmt(b.value)} {plural(b.noun)} here, but {fmt(a.value)} earlier for the same "
                               f"{' '.join(sorted(markers))} {plural(b.noun)}", b.start, b.end,
                               [Related(a.start, a.end, "first count")])
            break


RULE = Rule(
    code="NC201",
    name="same-count-conflict",
    severity="warning",
    summary="The same set is counted twice with different values.",
    docs=DOCS,
    check=check,
)
