"""NC102 part-exceeds-whole: "60 of the 57 strikes".

Reads `PartOfWhole` relations: a ratio's part and whole, written as one figure.
"""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.arith import shown
from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import Tolerance, fmt, interval
from numcheck.quantities.nouns import plural

DOCS = RuleDocs(
    what="A part given as larger than the whole it is a part of: \"60 of the 57 strikes\", "
         "\"12 out of 10 voters\", \"Of the 24 players in the squad, 26 have been capped\" (a `Breakdown` of one "
         "part; a ratio written as one figure).",
    why="A part cannot exceed its whole; one of the two numbers is mistyped.",
    fires="Officials said 60 of the 57 strikes hit their targets.",
    quiet="Officials said 50 of the 57 strikes hit their targets.",
    fix="Correct the part or the whole.",
)


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for rel in facts.relations.parts_of_wholes:
        q = rel.ratio
        if q.part is not None and q.whole is not None and q.part > q.whole:
            noun = f" {plural(q.noun)}" if q.noun else ""
            yield RULE.finding(f"the part ({fmt(q.part)}) is larger than the whole ({fmt(q.whole)}{noun})",
                               q.start, q.end)
    for b in facts.relations.breakdowns:
        if len(b.parts) != 1 or b.complete:
            continue
        part, whole = b.parts[0], b.whole
        if interval(part, tol).low > interval(whole, tol).high:
            noun = f" {whole.noun_phrase}" if whole.noun_phrase else ""
            yield RULE.finding(f"the part ({shown(part)}) is larger than the whole ({shown(whole)}{noun})",
                               part.start, part.end, [Related(whole.start, whole.end, "the whole")])


RULE = Rule(
    code="NC102",
    name="part-exceeds-whole",
    severity="error",
    summary="A part is larger than its whole.",
    docs=DOCS,
    check=check,
)
