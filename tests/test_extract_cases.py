"""Regression cases from real prose (tests/extract_cases.json), one parametrised test."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import numcheck

CASES = json.loads(Path(__file__).with_name("extract_cases.json").read_text(encoding="utf-8"))["cases"]
FIELDS = ("value", "high", "kind", "unit", "qualifier", "noun", "part", "whole", "year", "month", "day")


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['text'][:30]}" for i, c in enumerate(CASES)])
def test_extract_case(case):
    found = numcheck.extract(case["text"])
    if case["surface"] is None:
        assert [q for q in found if q.kind != "label"] == [], [q.text for q in found]
        return
    matches = [q for q in found if q.text == case["surface"]]
    assert matches, f"no figure {case['surface']!r}; found {[(q.text, q.kind) for q in found]}"
    q = matches[0]
    for field in FIELDS:
        if field not in case:
            continue
        want, got = case[field], getattr(q, field)
        if isinstance(want, (int, float)) and got is not None:
            assert math.isclose(got, want, rel_tol=1e-9), (field, got, want)
        else:
            assert got == want, (field, got, want)


def test_decimals_set_the_step():
    """"3.0 million" is written to a tenth of a million, "0.000 percent" to a thousandth."""
    (q,) = numcheck.extract("It took 3.0 million tonnes.")
    assert math.isclose(q.step, 1e5)
    (p,) = numcheck.extract("Growth was 0.000 percent.")
    assert math.isclose(p.step, 0.001)
