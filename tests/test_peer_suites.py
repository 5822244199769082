"""The peer suites (../shared/corpora) through the shared scorer, as `score_extractors.py
--adapter numcheck` runs them: no case may crash the extractor, and the issue's two pass-rate bars
hold. A reading that breaks on an ordinal at the very end of a text ("11th") fails here first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO.parent / "shared" / "tools" / "score_extractors.py"
BARS = {"recognizers-text": 0.90, "quantulum3": 0.95}  # scoped pass rates, issue 2


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    if not SCORER.is_file():
        pytest.skip("the shared peer suites are not beside this checkout")
    out = tmp_path_factory.mktemp("scores") / "scores.json"
    proc = subprocess.run([sys.executable, str(SCORER), "--adapter", "numcheck", "--json", str(out)],
                          cwd=REPO, capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(out.read_text(encoding="utf-8"))


def test_no_case_crashes_the_extractor(scores):
    assert [run["adapter_errors"] for run in scores["runs"]] == [0]
    assert scores["stats"].get("adapter_errors", []) == []


@pytest.mark.parametrize("suite", list(BARS))
def test_scoped_pass_rate_meets_the_bar(scores, suite):
    (total,) = [m for m in scores["metrics"]["scoped"] if m["suite"] == suite and m["category"] == "*"]
    assert total["pass_rate"] >= BARS[suite], (suite, total["passed"], total["cases"])
