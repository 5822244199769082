"""The check API (`numcheck.api`) and the report formats over it (`numcheck.report`).

Only NC101's documented behaviour is relied on ("Of the 800 applicants, 120
(12%) were accepted." is flagged on "12%" with the fix "15%"); other
severities and spans come from small rules defined here, so these tests hold
whatever rules the registry gains.
"""

from __future__ import annotations

import io
import json

import pytest

import numcheck
from numcheck.api import CheckResult, check_paths, check_text
from numcheck.checks import Rule, RuleDocs
from numcheck.rules import RULES, find_rule
from numcheck.document import InputError
from numcheck.report import at_or_above, summarize
from numcheck.report.json import render_json, report_dict
from numcheck.report.text import render_rule, render_rule_list, render_text, source_excerpt

NC101 = find_rule("NC101")
DRAFT = "Of the 800 applicants, 120 (12%) were accepted.\n"
# The same sentence on line 3, after a non-ASCII word, so columns must count code points.
PLACED = "# Admissions\n\nÜber-report: of the 800 applicants, 120 (12%) were accepted.\n"
ANSI = "\x1b["


def _rule(code: str, severity: str, spans, fix: str | None = None) -> Rule:
    """A rule that reports fixed (start, end) spans, for severities and spans NC101 never gives."""

    def check(facts, settings):
        for start, end in spans(facts.draft):
            yield RULE.finding(f"{code} test finding", start, end, fix=fix)

    docs = RuleDocs("what", "why", "1 fires", "quiet", "fix")
    RULE = Rule(code, f"test-{code.lower()}", severity, "A test rule.", docs, check)
    return RULE


def _first_figure(draft):
    return [(q.start, q.end) for q in draft.quantities[:1]]


def _nc101(text: str, path: str = "draft.md") -> CheckResult:
    return check_text(text, path, rules=[NC101])


# --- the API --------------------------------------------------------------------------


def test_check_text_result():
    result = check_text(DRAFT, "draft.md")
    assert isinstance(result, CheckResult)
    assert result.path == "draft.md" and result.text == DRAFT
    assert result.quantities == len(numcheck.extract(DRAFT)) == len(result.draft.quantities)
    assert result.checks == len(RULES)
    mine = [f for f in result.findings if f.rule == "NC101"]
    assert len(mine) == 1
    f = mine[0]
    assert DRAFT[f.start:f.end] == "12%" and f.fix == "15%" and f.severity == "error"
    assert check_text(DRAFT, rules=[NC101]).checks == 1
    with pytest.raises(Exception):
        result.path = "other"  # frozen


def test_check_text_is_exported_lazily():
    assert numcheck.check_text is check_text
    assert "check_text" in dir(numcheck)


def test_check_text_date_and_front_matter():
    front = "---\ntitle: x\ndate: 2015-10-07\n---\n" + DRAFT
    assert check_text(front).draft.date.isoformat() == "2015-10-07"
    given = check_text(front, date=numcheck.api.dt.date(2020, 1, 2))
    assert given.draft.date.isoformat() == "2020-01-02"  # an explicit date wins
    # the front matter's date is not read as a figure of the draft
    assert check_text(front).quantities == check_text(DRAFT).quantities


def test_check_text_bad_front_matter_date_is_input_error():
    bad = "---\ntitle: x\ndate: 2015-13-45\n---\n" + DRAFT
    with pytest.raises(InputError) as info:
        check_text(bad, "story.md")
    assert info.value.path == "story.md" and info.value.line == 3
    assert str(info.value).startswith("story.md:3: ") and "2015-13-45" in str(info.value)


def test_check_paths_keeps_going_and_keeps_order(tmp_path):
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "bad.md").write_text("---\ndate: soon\n---\n" + DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("No figures here.\n", encoding="utf-8")
    paths = [tmp_path / "a.md", tmp_path / "missing.md", tmp_path / "bad.md", str(tmp_path / "b.txt")]
    results, errors = check_paths(paths, rules=[NC101])
    assert [r.path for r in results] == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]
    assert [(e.path, e.line) for e in errors] == [(str(tmp_path / "missing.md"), None), (str(tmp_path / "bad.md"), 2)]
    assert "no such file" in errors[0].message and "front matter date" in errors[1].message
    assert [f.fix for f in results[0].findings] == ["15%"] and results[1].findings == ()

    folder_results, folder_errors = check_paths([tmp_path], rules=[NC101])
    assert [r.path for r in folder_results] == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]
    assert [e.path for e in folder_errors] == [str(tmp_path / "bad.md")]


# --- json -------------------------------------------------------------------------------


def test_json_contract_on_known_draft():
    doc = json.loads(render_json([_nc101(PLACED, "seeds/x.md")]))
    assert list(doc) == ["version", "findings", "summary"] and doc["version"] == 1
    (f,) = doc["findings"]
    assert list(f) == ["path", "line", "column", "end_line", "end_column", "rule", "name", "severity",
                       "message", "related", "fix"]
    line_text = PLACED.splitlines()[2]
    col = line_text.index("12%") + 1  # 1-based, in code points ("Ü" is one)
    assert (f["path"], f["line"], f["column"], f["end_line"], f["end_column"]) == ("seeds/x.md", 3, col, 3, col + 3)
    assert (f["rule"], f["name"], f["severity"]) == ("NC101", "ratio-percent", "error")
    assert isinstance(f["message"], str) and f["message"]
    assert f["fix"] == {"replacement": "15%"}
    (rel,) = f["related"]
    assert list(rel) == ["path", "line", "column", "end_line", "end_column", "message"]
    assert rel["path"] == "seeds/x.md" and rel["line"] == 3
    assert line_text[rel["column"] - 1:rel["end_column"] - 1] == "120"
    for record in (f, rel):
        assert all(type(record[k]) is int and record[k] >= 1 for k in ("line", "column", "end_line", "end_column"))
    assert doc["summary"] == {
        "files": 1,
        "quantities": len(numcheck.extract(PLACED)),
        "findings": {"error": 1, "warning": 0, "info": 0},
    }


def test_json_fix_null_severity_counts_and_multiline_end():
    text = "There were 26\nships.\n"
    spans = lambda d: [(text.index("26"), text.index("ships") + 5)]  # noqa: E731
    warn = _rule("NC901", "warning", spans)
    info = _rule("NC902", "info", _first_figure)
    doc = report_dict([check_text(text, "s.txt", rules=[warn, info])])
    by_rule = {f["rule"]: f for f in doc["findings"]}
    assert by_rule["NC901"]["fix"] is None and by_rule["NC901"]["related"] == []
    w = by_rule["NC901"]
    assert (w["line"], w["column"], w["end_line"], w["end_column"]) == (1, 12, 2, 6)
    assert doc["summary"]["findings"] == {"error": 0, "warning": 1, "info": 1}


def test_findings_ordered_by_path_then_position():
    two = DRAFT + "\nOf the 500 applicants, 100 (25%) were accepted.\n"
    results = [_nc101(two, "b.md"), _nc101(DRAFT, "a.md")]
    doc = report_dict(results)
    assert [(f["path"], f["line"]) for f in doc["findings"]] == [("a.md", 1), ("b.md", 1), ("b.md", 3)]
    assert [f["fix"]["replacement"] for f in doc["findings"]] == ["15%", "15%", "20%"]
    text = render_text(results)
    assert text.index("a.md:1:") < text.index("b.md:1:") < text.index("b.md:3:")


def test_empty_report():
    assert report_dict([]) == {"version": 1, "findings": [],
                               "summary": {"files": 0, "quantities": 0,
                                           "findings": {"error": 0, "warning": 0, "info": 0}}}


# --- text -------------------------------------------------------------------------------


def test_text_block_underline_note_fix_and_summary():
    result = _nc101(PLACED, "seeds/x.md")
    out = render_text([result], colour=False)
    lines = out.splitlines()
    line_text = PLACED.splitlines()[2]
    col = line_text.index("12%") + 1
    assert lines[0].startswith(f"seeds/x.md:3:{col}: NC101 error: ")
    source, underline = lines[1], lines[2]
    assert source.strip() == line_text
    indent = source.index(line_text)
    assert underline == " " * (indent + col - 1) + "^^^"
    rel_col = line_text.index("120") + 1
    assert lines[3] == f"  = note: seeds/x.md:3:{rel_col}: the counts"
    assert 'fix: replace with "15%"' in lines[4]
    n = len(numcheck.extract(PLACED))
    assert lines[-1] == f"1 file, {n} figures read, 1 check made: 1 error, 0 warnings, 0 infos"
    assert ANSI not in out


def test_text_summary_counts_and_plurals():
    text = "There were 26 ships.\n"
    warn = _rule("NC901", "warning", _first_figure)
    info = _rule("NC902", "info", _first_figure)
    results = [check_text(text, "a.txt", rules=[warn, info]), check_text("None here.\n", "b.txt", rules=[warn, info])]
    out = render_text(results)
    assert out.splitlines()[-1] == "2 files, 1 figure read, 4 checks made: 0 errors, 1 warning, 1 info"
    assert "a.txt:1:12: NC901 warning: " in out and "a.txt:1:12: NC902 info: " in out
    assert "fix:" not in out and "note:" not in out


def test_text_with_no_findings_is_the_summary_alone():
    out = render_text([_nc101("No figures here.\n", "clean.md")])
    assert out == "1 file, 0 figures read, 1 check made: 0 errors, 0 warnings, 0 infos\n"


def test_text_colour_is_a_parameter():
    result = _nc101(DRAFT)
    plain, coloured = render_text([result], colour=False), render_text([result], colour=True)
    assert ANSI not in plain and ANSI in coloured
    strip = __import__("re").compile(r"\x1b\[[0-9;]*m")
    assert strip.sub("", coloured) == plain


def test_underline_multiline_span_stops_at_end_of_first_line():
    text = "Ships: 26\r\nmore.\n"
    src, under = source_excerpt(text, 0, text.index("26"), len(text) - 1)
    assert src == "Ships: 26"
    assert under == " " * 7 + "^^"


def test_underline_counts_code_points_tabs_and_wide_characters():
    text = "\tÜ 東京 120 (12%)\n"
    start = text.index("12%")
    src, under = source_excerpt(text, 0, start, start + 3)
    # in the displayed line, the carets sit under "12%" (東 and 京 take two cells each)
    cells = src.replace("東", "東 ").replace("京", "京 ")
    assert cells[len(under) - 3:len(under)] == "12%" and under.endswith("^^^")


def test_underline_long_line_is_windowed():
    text = "word " * 100 + "120 (12%) " + "word " * 100
    start = text.index("12%")
    src, under = source_excerpt(text, 0, start, start + 3)
    assert len(src) < 120 and src.startswith("…") and src.endswith("…")
    assert src[len(under) - 3:len(under)] == "12%"


def test_zero_width_span_still_gets_a_caret():
    src, under = source_excerpt("abc\n", 0, 3, 3)
    assert src == "abc" and under == "   ^"


# --- rules ------------------------------------------------------------------------------


def test_rule_list_has_every_rule_aligned():
    lines = render_rule_list(RULES).splitlines()
    assert len(lines) == len(RULES)
    for rule, line in zip(RULES, lines):
        assert line.split()[:3] == [rule.code, rule.name, rule.severity]
        assert line.endswith(rule.summary)
    starts = {line.index(rule.name) for rule, line in zip(RULES, lines)}
    assert len(starts) == 1


def test_rule_docs_run_the_example():
    doc = render_rule(NC101)
    assert doc.splitlines()[0] == "# ratio-percent (NC101)"
    assert "Default severity: error" in doc
    order = ["## What it does", "## Why is this bad?", "## Example", "## Use instead", "## How to fix"]
    assert [doc.index(h) for h in order] == sorted(doc.index(h) for h in order)
    example = doc[doc.index("## Example"):doc.index("## Use instead")]
    assert NC101.docs.fires in example
    assert "example.md:1:29: NC101 error: " in example and 'replace with "15%"' in example and "^^^" in example
    assert NC101.docs.quiet in doc[doc.index("## Use instead"):]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_renders_its_docs(rule):
    doc = render_rule(rule)
    assert doc.startswith(f"# {rule.name} ({rule.code})\n")
    assert f"Default severity: {rule.severity}\n" in doc
    example = doc[doc.index("## Example"):doc.index("## Use instead")]
    # the finding shown is computed from the example, by this rule alone
    assert f": {rule.code} " in example and "(no finding" not in example


# --- fail-on ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "severity, level, expected",
    [
        ("error", "error", True), ("error", "warning", True), ("error", "info", True), ("error", "never", False),
        ("warning", "error", False), ("warning", "warning", True), ("warning", "info", True),
        ("info", "error", False), ("info", "warning", False), ("info", "info", True), ("info", "never", False),
    ],
)
def test_at_or_above(severity, level, expected):
    result = check_text("26 ships.\n", rules=[_rule("NC901", severity, _first_figure)])
    assert at_or_above(result.findings, level) is expected
    assert at_or_above([], "info") is False


def test_summary_sums_over_results():
    results = [_nc101(DRAFT, "a.md"), _nc101(DRAFT, "b.md")]
    s = summarize(results)
    assert (s.files, s.checks, s.counts["error"]) == (2, 2, 2)
    assert s.quantities == 2 * len(numcheck.extract(DRAFT))


def test_use_colour(monkeypatch):
    from numcheck.cli import use_colour

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(Tty()) is True
    assert use_colour(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "")  # set, to any value, even empty
    assert use_colour(Tty()) is False
