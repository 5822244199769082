"""NC201 same-count-conflict: the same set counted twice with different values.

Reads `SameSet` relations: a definite count ("all 25 people killed", "the 150 laid-off
employees") of the same things as an earlier count, marked by the same words.
"""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.arith import shown
from numcheck.precision import Tolerance, half_step, interval
from numcheck.quantities import Quantity
from numcheck.quantities.nouns import plural

DOCS = RuleDocs(
    what="A set counted twice with different values, where the later count clearly refers back to "
         "the first: \"The storm killed 23 people.\" ... \"All 25 people killed were from Leyte.\" The "
         "later count must be definite (\"the four\", \"all 25\") and count the same things, marked by the "
         "same words in any order and inflection (killed 23 people / people killed; laid off 120 "
         "employees / the 150 laid-off employees). A count that reports an update (\"the toll rose to\", "
         "\"by Thursday\", \"another four\") or narrows the set (\"the four in the north\") is another count. "
         "Also a figure that points back to one just given (\"those 90 days\", \"this $9 trillion\", "
         "\"That's right, 18 years.\") with another value, where no figure before it (alone, or two or three "
         "added together) has its value.",
    why="Two counts of one set cannot both be right; readers notice, and trust goes with it.",
    fires="Three tankers were seized on Monday. Officials said the four seized tankers would be released.",
    quiet="There were 12 ministers in the first round of talks and 20 ministers in the second.",
    fix="Use one count for the set, or say what changed between the two counts.",
)


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for rel in facts.relations.same_sets:
        a, b = rel.first, rel.second
        if _same(a, b, tol):
            continue
        if rel.pointed:
            message = f"{shown(b)} here points back to {shown(a)} earlier"
        else:
            marked = ", ".join(f'"{w}"' for w in rel.markers)
            things = (b.noun_phrase or a.noun_phrase or plural(rel.noun)).split()[-1]
            message = f"{shown(b)} {things} here, but {shown(a)} earlier for the same {things} ({marked} in both)"
        yield RULE.finding(message, b.start, b.end, [Related(a.start, a.end, "first count")])


def _same(a: Quantity, b: Quantity, tol: Tolerance) -> bool:
    """Can two mentions give one figure? Hedged ones ("about 80") as far as their hedges reach; plain
    ones ("5 years", "6 years") and ones bounded alike ("over $80 billion", "over $60 billion") only
    as written, to their finer rounding: one figure restated is written the same way."""
    if a.qualifier != b.qualifier or a.qualifier == "approx":
        return interval(a, tol).overlaps(interval(b, tol))
    # the same words around both ("over $80 billion ... over $60 billion"): compared as written
    return abs(a.value - b.value) < min(half_step(a.value, a.step), half_step(b.value, b.step)) + 1e-9 * abs(a.value)


RULE = Rule(
    code="NC201",
    name="same-count-conflict",
    severity="warning",
    summary="The same set is counted twice with different values.",
    docs=DOCS,
    check=check,
)
