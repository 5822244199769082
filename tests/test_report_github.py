"""The github format: workflow-command annotations, escaped, worst first, at most 10 per level
(with a notice saying how many were left out), then the text format's summary line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck.api import check_text
from numcheck.checks import Rule, RuleDocs
from numcheck.report import ordered, summarize
from numcheck.report.github import annotation, escape_data, escape_property, render_github
from numcheck.report.text import render_summary

REPO = Path(__file__).resolve().parents[1]
COMMAND = re.compile(r"^::(error|warning|notice) (.*?)::(.*)$")
NOUNS = ("vessels", "cranes", "trucks", "ferries", "barges", "tugs", "pilots", "clerks", "drivers", "guards",
         "divers", "welders")
# twelve NC102 errors, one a paragraph: a part larger than its whole
TWELVE = "".join(f"Inspectors said {60 + i} of the {50 + i} {noun} had faults.\n\n" for i, noun in enumerate(NOUNS))


def run_cli(*args: str, cwd: Path = REPO):
    return subprocess.run([sys.executable, "-m", "numcheck", *args], capture_output=True, cwd=cwd, timeout=120)


def _rule(code: str, severity: str, message: str = "a test finding", every: bool = False) -> Rule:
    """A rule that reports the first figure (or every figure) of a draft with a fixed message."""

    def check(facts, settings):
        for q in facts.draft.quantities if every else facts.draft.quantities[:1]:
            yield rule.finding(message, q.start, q.end)

    rule = Rule(code, f"test-{code.lower()}", severity, "A test rule.",
                RuleDocs("what", "why", "1 fires", "quiet", "fix"), check)
    return rule


def _commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in output.splitlines():
        m = COMMAND.match(line)
        if m:
            props = dict(p.split("=", 1) for p in m.group(2).split(",")) if m.group(2) else {}
            out.append((m.group(1), props, m.group(3)))
    return out


# --- escaping -------------------------------------------------------------------------


def test_escape_data_and_property():
    assert escape_data("50% a: b, c\r\nd") == "50%25 a: b, c%0D%0Ad"
    assert escape_property("50% a: b, c\r\nd") == "50%25 a%3A b%2C c%0D%0Ad"
    assert escape_data("%0A") == "%250A"  # % first, so an escape in the text is not decoded


def test_annotation_escapes_message_and_properties(tmp_path):
    message = "up 50%: from 2, to 3\nsee the table"
    rule = _rule("NC990", "error", message)
    result = check_text("26 ships sailed.\n", "a,b:c.md", rules=[rule])
    (item,) = ordered([result])
    line = annotation(item, root=str(tmp_path))
    assert "\n" not in line
    assert line == ("::error file=a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=3,title=numcheck NC990::"
                    "up 50%25: from 2, to 3%0Asee the table")


def test_seeds_annotation_format():
    proc = run_cli("check", "seeds/", "--reference", "reference/", "--format", "github")
    assert proc.returncode == 1
    output = proc.stdout.decode("utf-8")
    first = output.splitlines()[0]
    assert first == ("::error file=seeds/harbour-report-2023.md,line=7,col=69,endLine=7,endColumn=72,"
                     "title=numcheck NC101::120 of 800 is 15.0%25, not 12%25")


# --- order, cap, summary ----------------------------------------------------------------


def test_worst_first_then_path_and_position():
    proc = run_cli("check", "seeds/", "--reference", "reference/", "--format", "github")
    commands = _commands(proc.stdout.decode("utf-8"))
    kinds = [kind for kind, _, _ in commands]
    assert "error" in kinds and "warning" in kinds
    assert kinds == sorted(kinds, key=["error", "warning", "notice"].index)
    errors = [(props["file"], int(props["line"]), int(props["col"])) for kind, props, _ in commands if kind == "error"]
    assert errors == sorted(errors)


def test_levels_map_and_order_in_one_file(tmp_path):
    # info on the first figure, a warning on every figure, an error on the first
    rules = [_rule("NC991", "info"), _rule("NC992", "warning", every=True), _rule("NC993", "error")]
    result = check_text("26 ships and 4 boats sailed.\n", "d.md", rules=rules)
    commands = _commands(render_github([result], root=str(tmp_path)))
    assert [(kind, props["title"], props["col"]) for kind, props, _ in commands] == [
        ("error", "numcheck NC993", "1"),
        ("warning", "numcheck NC992", "1"),
        ("warning", "numcheck NC992", "14"),
        ("notice", "numcheck NC991", "1"),
    ]


def test_twelve_errors_are_capped_at_ten_with_a_notice(tmp_path):
    (tmp_path / "twelve.md").write_text(TWELVE, encoding="utf-8")
    proc = run_cli("check", "twelve.md", "--format", "github", cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout.decode("utf-8").splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 10
    assert all("title=numcheck NC102::" in line for line in errors)
    assert [int(re.search(r",line=(\d+),", line).group(1)) for line in errors] == list(range(1, 21, 2))
    assert lines[10] == ("::notice title=numcheck::2 more findings not shown as annotations "
                         "(see the text or SARIF report)")
    assert lines[11].startswith("1 file, ") and "12 errors, 0 warnings, 0 infos" in lines[11]
    assert len(lines) == 12


def test_notice_slot_is_kept_for_the_more_line(tmp_path):
    # 12 errors and 10 infos: notices get 9 slots so the "more" line is the 10th notice
    rules = [_rule("NC993", "error", every=True), _rule("NC991", "info", every=True)]
    text = " ".join(f"{n} ships." for n in range(21, 33)) + "\n"
    result = check_text(text, "d.md", rules=rules)
    kinds = [kind for kind, _, _ in _commands(render_github([result], root=str(tmp_path)))]
    assert kinds.count("error") == 10
    assert kinds.count("notice") == 10  # 9 findings + the "more" line
    assert render_github([result], root=str(tmp_path)).splitlines()[-2] == (
        "::notice title=numcheck::5 more findings not shown as annotations (see the text or SARIF report)")


def test_exactly_ten_per_level_needs_no_notice(tmp_path):
    rules = [_rule("NC993", "error", every=True), _rule("NC991", "info", every=True)]
    text = " ".join(f"{n} ships." for n in range(21, 31)) + "\n"
    output = render_github([check_text(text, "d.md", rules=rules)], root=str(tmp_path))
    kinds = [kind for kind, _, _ in _commands(output)]
    assert kinds == ["error"] * 10 + ["notice"] * 10
    assert "more finding" not in output


def test_one_more_finding_is_singular(tmp_path):
    text = " ".join(f"{n} ships." for n in range(21, 32)) + "\n"
    output = render_github([check_text(text, "d.md", rules=[_rule("NC993", "error", every=True)])],
                           root=str(tmp_path))
    assert "::notice title=numcheck::1 more finding not shown as annotations" in output


def test_summary_is_the_text_formats(tmp_path):
    result = check_text(TWELVE, "d.md")
    output = render_github([result], root=str(tmp_path))
    assert output.endswith(render_summary(summarize([result])))
    assert "\x1b[" not in output


def test_no_findings_is_the_summary_alone(tmp_path):
    result = check_text("Nothing is counted here.\n", "d.md")
    assert render_github([result], root=str(tmp_path)) == render_summary(summarize([result]))


def test_multiline_span_has_no_columns(tmp_path):
    def check(facts, settings):
        yield rule.finding("across lines", 0, facts.draft.text.index("sailed"))

    rule = Rule("NC994", "test-lines", "warning", "A test rule.", RuleDocs("what", "why", "1", "q", "fix"), check)
    result = check_text("26 ships\nsailed.\n", "d.md", rules=[rule])
    (item,) = ordered([result])
    assert annotation(item, root=str(tmp_path)) == \
        "::warning file=d.md,line=1,endLine=2,title=numcheck NC994::across lines"


def test_paths_are_relative_to_the_working_folder(tmp_path):
    (tmp_path / "wrong.md").write_text("Of the 800 applicants, 120 (12%) were accepted.\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "wrong.md"), "--format", "github", cwd=tmp_path)
    assert proc.stdout.decode("utf-8").startswith("::error file=wrong.md,line=1,col=29,")


@pytest.mark.parametrize("fail_on,status", [("error", 1), ("warning", 1), ("never", 0)])
def test_exit_status_unchanged(tmp_path, fail_on, status):
    (tmp_path / "twelve.md").write_text(TWELVE, encoding="utf-8")
    assert run_cli("check", "twelve.md", "--format", "github", "--fail-on", fail_on, cwd=tmp_path).returncode == status
    (tmp_path / "clean.md").write_text("Nothing is counted here.\n", encoding="utf-8")
    assert run_cli("check", "clean.md", "--format", "github", "--fail-on", fail_on, cwd=tmp_path).returncode == 0
    proc = run_cli("check", "twelve.md", "missing.md", "--format", "github", "--fail-on", fail_on, cwd=tmp_path)
    assert proc.returncode == 2 and b"missing.md" in proc.stderr
