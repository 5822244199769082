"""NC401 reference-conflict: a figure that cannot be right, given a reference table.

Reads the verdicts of the tables stage (numcheck.tables.match), found once per draft by the
checks engine and carried in `Facts.verdicts`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings

DOCS = RuleDocs(
    what="A figure that matches a row of a reference table (the same subject, measure and time) "
         "and cannot be right at its written precision, hedge or bound, given the row's value and "
         "tolerance. Also a stated interval against a start date in a table (\"more than two years "
         "after the coalition began its strikes\" in a story dated October 2015).",
    why="A figure that disagrees with the team's own facts sheet or the official statistics is the "
        "mistake readers write in about; the message names the row and its source.",
    fires="Germany had 93 million people in 2020.",
    quiet="Germany had 83 million people in 2020.",
    fix="Correct the figure, or the table if the table is out of date. A figure that matches no "
        "row is not an error; list those with `--show-unmatched`. When neither the text nor the "
        "document gives a year, the nearest row is used and a conflict is only an info finding. A "
        "figure under a fifth or over five times the row measures something else (\"4,000 people were "
        "evacuated from France\") and is left unmatched.",
    reference="subject,measure,value,as_of,source\nGermany,population|people,83160871,2020,World Bank\n",
)


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    for v in facts.verdicts:  # found once for the draft (numcheck.checks.engine.facts_of)
        if v.status != "conflict":
            continue
        related = [Related(v.subject_span[0], v.subject_span[1], "the subject")] if v.subject_span else []
        f = RULE.finding(v.message, v.figure.start, v.figure.end, related)
        if v.weak:  # matched to the nearest year only: worth a look, not an error
            f = replace(f, severity="info")
        yield f


RULE = Rule(
    code="NC401",
    name="reference-conflict",
    severity="error",
    summary="A figure conflicts with a reference table.",
    docs=DOCS,
    check=check,
)
