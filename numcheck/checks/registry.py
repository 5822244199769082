"""The checks stage's rules, found in `numcheck/checks/rules/`: every module there that defines
`RULE` is a rule, so a rule is added by adding its file. In code order."""

from __future__ import annotations

import importlib
import pkgutil

from numcheck.checks import rules as _package
from numcheck.checks.model import Rule


def _discover() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for info in sorted(pkgutil.iter_modules(_package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_package.__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            found.append(rule)
    codes = [r.code for r in found]
    duplicated = sorted({c for c in codes if codes.count(c) > 1})
    if duplicated:
        raise RuntimeError(f"two rules share a code: {', '.join(duplicated)}")
    return tuple(sorted(found, key=lambda r: r.code))


INTERNAL_RULES: tuple[Rule, ...] = _discover()
