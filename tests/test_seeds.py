"""The example drafts: the seed story is clean, and the harbour report has one mistake per rule,
each reported once, on its own line."""

from __future__ import annotations

from pathlib import Path

from numcheck.api import check_text
from numcheck.checks import Settings
from numcheck.rules import RULES
from numcheck.tables import load_references

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _findings(name: str):
    """Checked as `numcheck check seeds/` checks them: with the shipped reference/ tables."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    refs, errors = load_references([SEEDS.parent / "reference"])
    assert errors == []
    result = check_text(text, f"seeds/{name}", settings=Settings(references=refs))
    return text, result.findings


def test_seed_story_has_no_error_or_warning():
    _, findings = _findings("caspian-strikes-2015.txt")
    assert [f for f in findings if f.severity in ("error", "warning")] == []


def test_harbour_report_has_one_mistake_per_rule_each_on_its_line():
    text, findings = _findings("harbour-report-2023.md")
    expected_lines = {
        "NC001": "numcheck: disable-next-line NC301",
        "NC101": "120 (12%) were accepted",
        "NC102": "60 of the 57 vessels",
        "NC103": "30 tugboats include",
        "NC104": "15% were undecided",
        "NC105": "a 20% rise",
        "NC106": "Passenger numbers tripled",
        "NC107": "led by 6 points",
        "NC108": "about 2.6 million",
        "NC110": "a difference of $2.1 million",
        "NC201": "the four seized ferries",
        "NC301": "Monday, 3 March 2023",
        "NC302": "Five years after",
        "NC401": "93 million people in 2020",
        "NC109": "| Total     | 1,200 |",
    }
    assert set(expected_lines) == {r.code for r in RULES}, "every rule needs a mistake in the harbour report"
    by_rule: dict[str, list] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    assert sorted(by_rule) == sorted(expected_lines)
    lines = text.splitlines()
    for code, marker in expected_lines.items():
        assert len(by_rule[code]) == 1, (code, [f.message for f in by_rule[code]])
        f = by_rule[code][0]
        line = text.count("\n", 0, f.start)
        assert marker in lines[line], (code, lines[line])


def test_readme_lists_every_rule():
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| {rule.code} | `{rule.name}` | {rule.severity} |" in readme, rule.code
