"""The cases of tests/rule_cases.json, one parametrised test (sqlfluff style)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from numcheck.checks import Settings, run_checks
from numcheck.rules import find_rule
from numcheck.claims import Draft

CASES = json.loads((Path(__file__).with_name("rule_cases.json")).read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{i}" for i, c in enumerate(CASES)])
def test_rule_case(case):
    rule = find_rule(case["rule"])
    assert rule is not None, case["rule"]
    text = case["text"]
    found = run_checks(Draft.read(text), Settings(), rules=[rule])
    if case["fires"]:
        assert found, f"{rule.code} should fire on: {text}"
        if "fix" in case:
            assert case["fix"] in [f.fix for f in found], [f.fix for f in found]
    else:
        assert not found, f"{rule.code} should stay quiet on: {text}\n{[f.message for f in found]}"
