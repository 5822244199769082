"""Run the rules over a draft: its relations and table verdicts are found once, then every rule
reads them."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Union

from numcheck.checks.model import Facts, Finding, Rule, Settings
from numcheck.checks.registry import INTERNAL_RULES
from numcheck.claims import Draft
from numcheck.relations import read_relations


def facts_of(draft: Draft, settings: Settings = Settings()) -> Facts:
    """A draft's relations, and its verdicts against the reference tables in `settings`."""
    verdicts: tuple = ()
    if settings.references is not None:
        from numcheck.precision import Tolerance
        from numcheck.tables.match import verdicts as table_verdicts

        verdicts = tuple(table_verdicts(draft, settings.references, Tolerance(settings.hedge)))  # type: ignore[arg-type]
    return Facts(draft, read_relations(draft), verdicts)


def run_checks(subject: Union[Draft, Facts], settings: Settings = Settings(),
               rules: Iterable[Rule] = INTERNAL_RULES) -> list[Finding]:
    """Every finding of every rule, in text order, each reported once. A severity in the user's
    config (`settings.severity`) replaces the rule's and any hint."""
    facts = subject if isinstance(subject, Facts) else facts_of(subject, settings)
    seen: set[tuple] = set()
    out: list[Finding] = []
    for rule in rules:
        for f in rule.check(facts, settings):
            key = (f.rule, f.start, f.end, f.message)
            if key in seen:
                continue
            seen.add(key)
            sev = settings.severity.get(rule.code)
            out.append(replace(f, severity=sev) if sev else f)
    out.sort(key=lambda f: (f.start, f.end, f.rule))
    return out
