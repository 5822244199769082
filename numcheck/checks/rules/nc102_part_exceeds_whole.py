"""NC102 part-exceeds-whole: "60 of the 57 strikes"."""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.model import Finding, Rule, RuleDocs, Settings
from numcheck.checks.precision import fmt
from numcheck.claims import Draft
from numcheck.quantities.nouns import plural

DOCS = RuleDocs(
    what="A part given as larger than the whole it is a part of: \"60 of the 57 strikes\", "
         "\"12 out of 10 voters\".",
    why="A part cannot exceed its whole; one of the two numbers is mistyped.",
    fires="Officials said 60 of the 57 strikes hit their targets.",
    quiet="Officials said 50 of the 57 strikes hit their targets.",
    fix="Correct the part or the whole.",
)


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    for q in draft.quantities:
        if q.kind != "ratio" or q.whole is None or q.part is None:
            continue
        if q.part > q.whole:
            noun = f" {plural(q.noun)}" if q.noun else ""
            yield RULE.finding(f"the part ({fmt(q.part)}) is larger than the whole ({fmt(q.whole)}{noun})",
                               q.start, q.end)


RULE = Rule(
    code="NC102",
    name="part-exceeds-whole",
    severity="error",
    summary="A part is larger than its whole.",
    docs=DOCS,
    check=check,
)
