"""`numcheck check`, `numcheck rules` and `numcheck rule`, run for real (subprocess) and in-process.

Only NC101's documented example is relied on ("Of the 800 applicants, 120
(12%) were accepted." is an error on "12%" with the fix "15%"); a text with no
figures gives no finding under any rule. Severities NC101 does not give come
from a test rule put in the registry for one test.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck import rules as registry
from numcheck.checks import Rule, RuleDocs
from numcheck.rules import RULES
from numcheck.cli import main

from cli_drafts import run_on_a_terminal

REPO = Path(__file__).resolve().parents[1]
DRAFT = "Of the 800 applicants, 120 (12%) were accepted.\n"
CLEAN = "Nothing here is counted.\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "numcheck", *args],
        input=stdin, capture_output=True, cwd=cwd or REPO, timeout=60, env=env,
    )


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "wrong.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad-date.md").write_text("---\ntitle: Admissions\ndate: 2015-02-30\n---\n" + DRAFT,
                                          encoding="utf-8")
    return tmp_path


def _nc101(doc: dict) -> list[dict]:
    return [f for f in doc["findings"] if f["rule"] == "NC101"]


@pytest.fixture
def warning_rule(monkeypatch):
    """Registry = one rule that warns on every figure: exit codes for a known severity."""

    def check(facts, settings):
        for q in facts.draft.quantities:
            yield rule.finding("test warning", q.start, q.end)

    rule = Rule("NC990", "test-warning", "warning", "Warns on every figure.",
                RuleDocs("what", "why", "26 ships", "no ships", "fix"), check)
    monkeypatch.setattr(registry, "RULES", (rule,))
    return rule


# --- check: output --------------------------------------------------------------------------


def test_subprocess_json_on_known_draft(drafts):
    proc = run_cli("check", "wrong.md", "--format", "json", cwd=drafts)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == b""
    doc = json.loads(proc.stdout)
    assert set(doc) == {"version", "findings", "summary"} and doc["version"] == 1
    (f,) = _nc101(doc)
    col = DRAFT.index("12%") + 1
    assert (f["path"], f["line"], f["column"], f["end_line"], f["end_column"]) == ("wrong.md", 1, col, 1, col + 3)
    assert f["severity"] == "error" and f["name"] == "ratio-percent"
    assert f["fix"] == {"replacement": "15%"}
    assert doc["summary"]["files"] == 1 and doc["summary"]["findings"]["error"] >= 1
    assert isinstance(doc["summary"]["quantities"], int) and doc["summary"]["quantities"] >= 3


def test_subprocess_text_underline_and_summary(drafts):
    proc = run_cli("check", "wrong.md", cwd=drafts)
    assert proc.returncode == 1
    out = proc.stdout.decode("utf-8")
    assert not ANSI.search(out)  # a pipe is not a terminal
    lines = out.splitlines()
    col = DRAFT.index("12%") + 1
    head = next(i for i, line in enumerate(lines) if line.startswith(f"wrong.md:1:{col}: NC101 error: "))
    source, underline = lines[head + 1], lines[head + 2]
    assert source.endswith(DRAFT.rstrip("\n"))
    assert underline.rstrip() == " " * (source.index(DRAFT[0]) + col - 1) + "^^^"
    assert f"  = note: wrong.md:1:{DRAFT.index('120') + 1}: " in out
    assert 'fix: replace with "15%"' in out
    assert re.fullmatch(r"1 file, \d+ figures read, \d+ checks? made: \d+ errors?, \d+ warnings?, \d+ infos?",
                        lines[-1])


def test_clean_text_exits_0(drafts):
    proc = run_cli("check", "clean.txt", "--fail-on", "info", cwd=drafts)
    assert proc.returncode == 0 and proc.stderr == b""
    n = len(RULES)
    assert proc.stdout.decode() == (
        f"1 file, 0 figures read, {n} check{'s' if n != 1 else ''} made: 0 errors, 0 warnings, 0 infos\n"
    )


def test_stdin_dash():
    proc = run_cli("check", "-", "--format", "json", stdin=DRAFT.encode("utf-8"))
    assert proc.returncode == 1
    (f,) = _nc101(json.loads(proc.stdout))
    assert f["path"] == "<stdin>" and f["fix"] == {"replacement": "15%"}


def test_folder_and_readme_command_run():
    # The README's first command; whatever the rules find on the seed, it must run cleanly.
    from numcheck.document import expand_paths

    drafts = expand_paths([REPO / "seeds"])
    assert drafts and all(isinstance(d, str) for d in drafts)
    proc = run_cli("check", "seeds/")
    assert proc.returncode in (0, 1) and proc.stderr == b""
    n = len(drafts)
    assert proc.stdout.decode().splitlines()[-1].startswith(f"{n} file{'s' if n != 1 else ''}, ")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("no_color", [None, "", "1"])
def test_colour_only_on_a_terminal_without_no_color(drafts, no_color):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color is not None:
        env["NO_COLOR"] = no_color
    status, _, terminal = run_on_a_terminal(["check", "wrong.md"], drafts, env=env)
    out = terminal.decode("utf-8")
    assert status == 1
    assert "NC101" in out
    assert bool(ANSI.search(out)) is (no_color is None)


# --- check: exit status -----------------------------------------------------------------------


@pytest.mark.parametrize("level, status", [(None, 1), ("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_with_an_error(drafts, capsys, monkeypatch, level, status):
    monkeypatch.chdir(drafts)
    args = ["check", "wrong.md"] + ([] if level is None else ["--fail-on", level])
    assert main(args) == status
    assert "NC101 error" in capsys.readouterr().out


@pytest.mark.parametrize("level, status", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_with_a_warning(drafts, capsys, monkeypatch, warning_rule, level, status):
    monkeypatch.chdir(drafts)
    assert main(["check", "wrong.md", "--fail-on", level, "--format", "json"]) == status
    doc = json.loads(capsys.readouterr().out)
    assert {f["rule"] for f in doc["findings"]} == {"NC990"}
    assert doc["summary"]["findings"]["warning"] == len(doc["findings"]) >= 1


def test_default_fail_on_is_error(drafts, capsys, monkeypatch, warning_rule):
    monkeypatch.chdir(drafts)
    assert main(["check", "wrong.md"]) == 0
    assert "NC990 warning" in capsys.readouterr().out


def test_usage_errors_return_2(capsys):
    assert main(["check"]) == 2
    assert main(["check", "x.md", "--format", "xml"]) == 2
    assert main(["check", "x.md", "--fail-on", "fatal"]) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err


# --- check: --date and input errors -------------------------------------------------------------


@pytest.mark.parametrize("value", ["2015-13-01", "2015-02-30", "20151007", "yesterday", "", "2015-10-07T10:00"])
def test_bad_date_is_one_line_exit_2(drafts, capsys, monkeypatch, value):
    monkeypatch.chdir(drafts)
    assert main(["check", "wrong.md", "--date", value]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [f"numcheck: error: --date: {value!r} is not a date (expected YYYY-MM-DD)"]


def test_good_date_reaches_the_draft(drafts, capsys, monkeypatch):
    seen = []

    def check(facts, settings):
        seen.append(facts.draft.date)
        return ()

    rule = Rule("NC991", "test-date", "info", "Records the date.", RuleDocs("w", "w", "1", "2", "f"), check)
    monkeypatch.setattr(registry, "RULES", (rule,))
    monkeypatch.chdir(drafts)
    assert main(["check", "clean.txt", "--date", "2015-10-07"]) == 0
    assert [d.isoformat() for d in seen] == ["2015-10-07"]


def test_subprocess_bad_date_one_line():
    proc = run_cli("check", "seeds/", "--date", "07/10/2015")
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode().splitlines() == [
        "numcheck: error: --date: '07/10/2015' is not a date (expected YYYY-MM-DD)"
    ]


def test_front_matter_bad_date_names_file_and_line(drafts):
    proc = run_cli("check", "bad-date.md", "wrong.md", "--format", "json", cwd=drafts)
    assert proc.returncode == 2
    err = proc.stderr.decode().splitlines()
    assert len(err) == 1 and err[0].startswith("numcheck: error: bad-date.md:3: ") and "2015-02-30" in err[0]
    doc = json.loads(proc.stdout)
    assert {f["path"] for f in doc["findings"]} == {"wrong.md"}  # the good file is still checked
    assert doc["summary"]["files"] == 1


def test_missing_file_exit_2_others_reported(drafts):
    proc = run_cli("check", "missing.md", "wrong.md", cwd=drafts)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == ["numcheck: error: missing.md: no such file"]
    out = proc.stdout.decode()
    assert "wrong.md:1:" in out and "NC101 error" in out
    assert out.splitlines()[-1].startswith("1 file, ")


def test_input_error_beats_findings_and_fail_on_never(drafts, capsys, monkeypatch):
    monkeypatch.chdir(drafts)
    assert main(["check", "missing.md", "clean.txt", "--fail-on", "never"]) == 2
    out, err = capsys.readouterr()
    assert err == "numcheck: error: missing.md: no such file\n"
    assert out.startswith("1 file, 0 figures read, ")


# --- rules and rule -------------------------------------------------------------------------------


def test_rules_lists_every_rule():
    proc = run_cli("rules")
    assert proc.returncode == 0 and proc.stderr == b""
    lines = proc.stdout.decode().splitlines()
    assert [line.split()[0] for line in lines] == [r.code for r in RULES]
    for rule, line in zip(RULES, lines):
        assert line.split()[1:3] == [rule.name, rule.severity] and line.endswith(rule.summary)
    assert len({line.index(rule.name) for rule, line in zip(RULES, lines)}) == 1  # aligned


@pytest.mark.parametrize("key", ["NC101", "ratio-percent", "nc101"])
def test_rule_prints_docs(capsys, key):
    assert main(["rule", key]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "# ratio-percent (NC101)"
    for heading in ("Default severity: error", "## What it does", "## Why is this bad?", "## Example",
                    "## Use instead", "## How to fix"):
        assert heading in out
    example = out[out.index("## Example"):out.index("## Use instead")]
    assert "Of the 800 applicants, 120 (12%) were accepted." in example
    assert "NC101 error" in example and "^^^" in example and 'replace with "15%"' in example


def test_subprocess_rule_and_unknown_rule():
    ok = run_cli("rule", "NC101")
    assert ok.returncode == 0 and ok.stdout.decode().startswith("# ratio-percent (NC101)\n")
    bad = run_cli("rule", "NC999")
    assert bad.returncode == 2 and bad.stdout == b""
    assert bad.stderr.decode().splitlines() == ["numcheck: error: unknown rule 'NC999' (see 'numcheck rules')"]


def test_check_imports_no_pandas(drafts):
    code = (
        "import sys\n"
        "from numcheck.cli import main\n"
        "status = main(['check', 'wrong.md', '--format', 'json'])\n"
        "print('HEAVY', 'pandas' in sys.modules, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=drafts, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "HEAVY False" in proc.stderr.decode()


def test_hedge_tolerance_is_a_setting(tmp_path):
    """'about 2.6 million' against 70% of 3 million (2.1 million): a 10% hedge fires, a 30% one does not."""
    draft = tmp_path / "d.txt"
    draft.write_text("Customs checked 70 percent of the 3 million containers, about 2.6 million.\n",
                     encoding="utf-8")
    assert main(["check", str(draft), "--format", "json"]) == 1
    assert main(["check", str(draft), "--format", "json", "--hedge-tolerance", "0.3"]) == 0


def test_hedge_tolerance_must_be_a_fraction(tmp_path, capsys):
    draft = tmp_path / "d.txt"
    draft.write_text("Nothing here.\n", encoding="utf-8")
    assert main(["check", str(draft), "--hedge-tolerance", "10"]) == 2
    assert "fraction" in capsys.readouterr().err


def test_exit_zero_and_min_severity_are_separate_from_failing(tmp_path, capsys):
    """--exit-zero: report only; --min-severity: what is shown, while --fail-on still sees everything."""
    draft = tmp_path / "d.md"
    # an NC101 error and an NC201 warning
    draft.write_text("Of the 800 applicants, 120 (12%) were accepted.\n\n"
                     "Three tankers were seized on Monday. Officials said the four seized tankers would be released.\n",
                     encoding="utf-8")
    assert main(["check", str(draft), "--exit-zero"]) == 0
    assert "NC101" in capsys.readouterr().out
    assert main(["check", str(draft), "--min-severity", "error", "--fail-on", "warning"]) == 1
    out = capsys.readouterr().out
    assert "NC101" in out and "NC201" not in out
    assert main(["check", str(draft), "--min-severity", "error", "--format", "json"]) == 1
    assert [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["NC101"]
    assert main(["check", str(tmp_path / "missing.md"), "--exit-zero"]) == 2
