"""NC104 shares-over-100: percentages of one whole that add to more than 100%.

Reads `Split` relations: the shares of one whole, as a vote ("approved 58% to 47%"), a poll's
answers ("52% said yes, 41% no and 15% undecided") or a split said to be all of it ("owners 44%
and others 12%").
"""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import Tolerance, interval

DOCS = RuleDocs(
    what="Percentages given as the shares of one whole whose sum is over 100% even when each is read "
         "at the low end of its rounding (\"52% yes, 41% no and 15% undecided\", \"approved 58% to 47%\"), "
         "or, when the text says they are all of it (\"the rest\", \"others\"), under 100% even at the high "
         "end.",
    why="Shares of a whole cannot add to more than all of it; one share is wrong.",
    fires="In the poll, 52% said yes, 41% said no and 15% were undecided.",
    quiet="In the poll, 52% said yes, 41% said no and 7% were undecided.",
    fix="Check each share against the source. Percentages that may overlap (a question where "
        "people could give several answers) are not shares of one whole; say so in the text.",
)


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for split in facts.relations.splits:
        run = split.shares
        low = sum(interval(q, tol).low for q in run)
        high = sum(interval(q, tol).high for q in run)
        total = sum(q.value for q in run)
        parts = " + ".join(f"{q.value:g}%" for q in run)
        related = [Related(q.start, q.end, "share") for q in run[:-1]]
        last = run[-1]
        if low > 100:
            yield RULE.finding(f"the shares add up to {total:g}% ({parts}), more than 100% even allowing for "
                               "rounding", last.start, last.end, related)
        elif split.complete and high < 100:
            yield RULE.finding(f"the shares add up to {total:g}% ({parts}), less than the 100% they are said to "
                               "be, even allowing for rounding", last.start, last.end, related)


RULE = Rule(
    code="NC104",
    name="shares-over-100",
    severity="error",
    summary="Percentages of one whole add up to more than 100%.",
    docs=DOCS,
    check=check,
)
