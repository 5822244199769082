"""Run the rules over a draft."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from numcheck.checks.model import Finding, Rule, Settings
from numcheck.checks.registry import INTERNAL_RULES
from numcheck.claims import Draft


def run_checks(draft: Draft, settings: Settings = Settings(), rules: Iterable[Rule] = INTERNAL_RULES) -> list[Finding]:
    """Every finding of every rule, in text order, each reported once."""
    seen: set[tuple] = set()
    out: list[Finding] = []
    for rule in rules:
        for f in rule.check(draft, settings):
            key = (f.rule, f.start, f.end, f.message)
            if key in seen:
                continue
            seen.add(key)
            sev = settings.severity.get(rule.code)
            out.append(replace(f, severity=sev) if sev else f)
    out.sort(key=lambda f: (f.start, f.end, f.rule))
    return out
