"""Every rule's documented examples run as tests (sqlfluff style): the firing example fires
that rule, with the documented fix if one is given, and the quiet example does not."""

from __future__ import annotations

import pytest

from numcheck.api import check_text
from numcheck.checks import Settings
from numcheck.rules import RULES
from numcheck.report.text import render_rule
from numcheck.rule_pages import page_path
from numcheck.tables import references_from_csv

IDS = [r.code for r in RULES]


def _findings(rule, text):
    """The example checked as a user's draft is (every rule, suppressions applied); this rule's findings."""
    refs = references_from_csv(rule.docs.reference) if rule.docs.reference else None
    return [f for f in check_text(text, "example.md", settings=Settings(references=refs)).findings
            if f.rule == rule.code]


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_firing_example_fires(rule):
    found = _findings(rule, rule.docs.fires)
    assert found, f"{rule.code} did not fire on its own example: {rule.docs.fires!r}"
    assert all(f.rule == rule.code for f in found)
    text = rule.docs.fires
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        for r in f.related:
            assert 0 <= r.start < r.end <= len(text)
    if rule.docs.fires_fix is not None:
        assert rule.docs.fires_fix in [f.fix for f in found]


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_quiet_example_is_quiet(rule):
    found = _findings(rule, rule.docs.quiet)
    assert not found, f"{rule.code} fired on its quiet example: {[f.message for f in found]}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_docs_are_complete(rule):
    assert rule.code.startswith("NC") and rule.code[2:].isdigit()
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.severity in ("error", "warning", "info")
    for part in ("what", "why", "fires", "quiet", "fix"):
        assert getattr(rule.docs, part).strip(), f"{rule.code} has no {part!r} docs"


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_shipped_rule_page_is_what_numcheck_rule_prints(rule):
    """The pages the language server links to are `numcheck rule CODE`'s output; regenerate them
    with `python -m numcheck.rule_pages` when a rule's docs change."""
    page = page_path(rule.code)
    assert page is not None, f"no page for {rule.code}: run python -m numcheck.rule_pages"
    assert page.read_text(encoding="utf-8") == render_rule(rule), \
        f"{page} is stale: run python -m numcheck.rule_pages"
