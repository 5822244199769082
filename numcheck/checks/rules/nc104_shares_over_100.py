"""NC104 shares-over-100: percentages of one whole that add to more than 100%."""

from __future__ import annotations

import re
from typing import Iterator

from numcheck.checks.model import Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.precision import Tolerance, interval
from numcheck.claims import Draft

DOCS = RuleDocs(
    what="Percentages listed as the shares of one whole (one sentence, one list, no other figures "
         "between them) whose sum is over 100% even when each is read at the low end of its rounding: "
         "\"52% yes, 41% no and 15% undecided\".",
    why="Shares of a whole cannot add to more than all of it; one share is wrong.",
    fires="In the poll, 52% said yes, 41% said no and 15% were undecided.",
    quiet="In the poll, 52% said yes, 41% said no and 7% were undecided.",
    fix="Check each share against the source. Percentages that may overlap (a question where "
        "people could give several answers) are not shares of one whole; say so in the text.",
)

# between two shares of one list: a few words and list punctuation, no verbs of change, no "of"
_GAP = re.compile(r"^[\s\w'’]{0,40}?(?:,|;|\band\b|\bwhile\b|\bwith\b|\bor\b)[\s\w'’]{0,25}$", re.I)
# positive signs of one whole: a split or a poll's answers ("52% said yes, 41% said no")
_ONE_WHOLE = re.compile(r"\b(?:split|broken down|breakdown|shares?|of the vote|of respondents|of those (?:polled|asked|"
                        r"surveyed)|of voters|of the total|poll|survey|surveyed|asked|respondents|ballot|census|"
                        r"came from|comes from|come from|goes to|go to|went to|of the budget|of (?:its|the) revenue)\b",
                        re.I)
# "have", "are", "had" are left out: "70% have solar panels, 60% have heat pumps" describe overlapping groups
_ANSWER_VERBS = {"said", "say", "says", "answered", "replied", "were", "was", "voted", "vote", "backed",
                 "back", "supported", "support", "opposed", "oppose", "chose", "choose", "preferred", "prefer",
                 "favoured", "favored", "favour", "favor", "did", "thought", "think", "believed",
                 "believe", "wanted", "want", "agreed", "agree", "disagreed", "disagree", "approved", "approve",
                 "disapproved", "disapprove", "rejected", "reject", "gave", "picked", "named", "selected",
                 "undecided", "unsure", "yes", "no", "against", "for"}
_OVERLAP = re.compile(r"\b(?:both|all three|several|more than one|multiple|overlap\w*|each)\b", re.I)


def _answer(draft: Draft, q) -> bool:
    """Is the share followed by an answer or a vote ("52% said yes", "41% no", "15% were undecided")?"""
    follow = re.match(r"\s*([A-Za-z]+)", draft.prose[q.end:q.end + 20])
    return bool(follow) and follow.group(1).lower() in _ANSWER_VERBS


_GROUP = {"among", "in", "for", "at", "across", "within", "from", "of"}
_COMPARATIVE = {"more", "less", "fewer", "better", "worse", "above", "below", "off", "up", "down"}
_NOT_SHARES = re.compile(r"\b(?:up|down|rose|fell|rise|fall|increase|decrease|grew|growth|from|to|compared|"
                         r"than|respectively|each|per|every|interest|rate|rates|tax|inflation|margin|"
                         r"turnout|of the vote in|points?|change|changed|overlap|multiple|several)\b", re.I)


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for index, qs in draft.by_sentence.items():
        run: list = []
        for q in qs + [None]:
            if q is not None and q.kind == "percent" and q.qualifier == "exact" and q.high is None and (
                    not run or _GAP.match(draft.between(run[-1], q) or "#")):
                run.append(q)
                continue
            if len(run) >= 3 or (len(run) == 2 and _ONE_WHOLE.search(draft.sentence_text(index))):
                yield from _check_run(draft, run, tol)  # two shares only where the text names one whole
            run = [q] if q is not None and q.kind == "percent" and q.qualifier == "exact" and q.high is None else []


def _check_run(draft: Draft, run: list, tol: Tolerance) -> Iterator[Finding]:
    a = run[0].start
    sentence = re.sub(r"\bper\s+cent\b", "percent", draft.sentence_text(draft.sentence_of(a)), flags=re.I)
    named_whole = _ONE_WHOLE.search(sentence)
    not_shares = [m.group().lower() for m in _NOT_SHARES.finditer(sentence)]
    if any(re.search(r"\b(?:from|to)\b", m.group(), re.I) for m in _ONE_WHOLE.finditer(sentence)):
        not_shares = [w for w in not_shares if w not in ("from", "to")]  # "came from gas, 30% from wind"
    if not_shares:
        return
    nouns = {q.noun for q in run if q.noun}
    if len(nouns) > 1:
        return  # "52% of men and 41% of women": different wholes
    if any(q.value > 100 for q in run) or _OVERLAP.search(sentence):
        return  # a share is never over 100%; "both", "several" say the groups overlap
    whole = bool(named_whole)
    answers = all(_answer(draft, q) for q in run)
    if not (whole or answers):
        return  # no sign that these are the parts of one whole: "cut emissions by 30%, water by 40%"
    if len({q.value for q in run}) == 1:
        return  # "50 percent richer, 50 percent better off, 50 percent happier": rhetoric, not shares
    for q in run:
        follow = re.match(r"\s*([A-Za-z]+)", draft.prose[q.end:q.end + 20])
        if follow and (follow.group(1).lower().endswith("er") or follow.group(1).lower() in _COMPARATIVE):
            return  # "50 percent richer": a comparison, not a share
        if follow and follow.group(1).lower() in _GROUP and not whole:
            return  # "52% among men, 61% among women": shares of different groups
    low = sum(interval(q, tol).low for q in run)
    if low <= 100:
        return
    total = sum(q.value for q in run)
    parts = " + ".join(f"{q.value:g}%" for q in run)
    yield RULE.finding(f"the shares add up to {total:g}% ({parts}), more than 100% even allowing for rounding",
                       run[-1].start, run[-1].end,
                       [Related(q.start, q.end, "share") for q in run[:-1]])


RULE = Rule(
    code="NC104",
    name="shares-over-100",
    severity="error",
    summary="Percentages of one whole add up to more than 100%.",
    docs=DOCS,
    check=check,
)
