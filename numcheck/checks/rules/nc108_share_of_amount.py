"""NC108 share-of-amount: "70 percent of the 3 million households, about 2.6 million"."""

from __future__ import annotations

import re
from typing import Iterator

from numcheck.checks.model import Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.precision import Tolerance, comparable, fmt, interval
from numcheck.claims import Draft

DOCS = RuleDocs(
    what="A share of an amount given together with its result, where the result is not that share: "
         "\"70 percent of the 3 million households, about 2.6 million\" (it is 2.1 million).",
    why="The computed result is the figure readers quote; when it disagrees with the share, one of "
        "the three figures is wrong.",
    fires="Broadband now reaches 70 percent of the 3 million households, about 2.6 million.",
    quiet="A third of the 90 beds, 30 beds, are kept for emergencies.",
    fix="Recompute the result as share x amount, or correct the share. The amount is taken as "
        "written (the result was computed from it); the share and the result are read at their "
        "written precision, with the hedge tolerance for \"about\".",
)

_OF = re.compile(r"^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|these\s+|those\s+)?(?:[\w.-]+['’]s\s+)?$",
                 re.I)  # "30% of the firm's €600 million turnover"
_RESULT = re.compile(r"^\s*[\w\s]{0,30}?(?:,|\(|—|–|-|:|\bor\b|\bsome\b|\bthat is\b)\s*"
                     r"(?:or\s+|some\s+|about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?$", re.I)


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for qs in draft.by_sentence.values():
        for i in range(len(qs) - 2):
            share, amount, result = qs[i], qs[i + 1], qs[i + 2]
            if share.kind not in ("percent", "fraction") or share.high is not None:
                continue
            if amount.kind not in ("count", "number", "money", "measure") or not comparable(amount, result):
                continue
            if not _OF.match(draft.between(share, amount) or "#"):
                continue
            if not _RESULT.match(draft.between(amount, result) or "#"):
                continue
            fraction = interval(share, tol).scale(0.01 if share.kind == "percent" else 1.0)
            # the writer computed the result from the amount as written, so the amount is taken as
            # written; the share keeps its rounding and the result its rounding and hedge
            expected = fraction.scale(amount.value)
            if interval(result, tol).overlaps(expected):
                continue
            k = share.value / 100 if share.kind == "percent" else share.value
            exact = k * amount.value
            yield RULE.finding(
                f"{share.text.strip()} of {fmt(amount.value)} is {fmt(exact)}, not {fmt(result.value)}",
                result.start, result.end,
                [Related(share.start, share.end, "the share"), Related(amount.start, amount.end, "the amount")])


RULE = Rule(
    code="NC108",
    name="share-of-amount",
    severity="error",
    summary="A share of an amount does not match the result given for it.",
    docs=DOCS,
    check=check,
)
