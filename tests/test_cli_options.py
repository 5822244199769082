"""`numcheck check` options that meet the configuration: --select, --ignore, --config,
--stdin-filename, --force-exclude, the other options beating a config file, and the
progress bar (on stderr, only when stderr is a terminal, never on stdout).

Run for real (`python -m numcheck` in a subprocess) where exit codes and the split of
stdout and stderr are the point; in-process (`numcheck.cli.main`) elsewhere.
WRONG gives NC101 (error, "12%", line 1 column 29, fix "15%"), WARNS gives NC201 (warning).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from numcheck.cli import main

from cli_drafts import ATLANTIS_WRONG, BOTH, HEDGED, WARNS, WRONG, check_json, run_cli, run_on_a_terminal, write
from numcheck.rules import RULES

ATLANTIS_TABLE = "subject,measure,value,as_of,source\nAtlantis,population|people,{value},2020,Atlantis census\n"


def rules_of(doc: dict) -> list[str]:
    return [f["rule"] for f in doc["findings"]]


@pytest.fixture
def work(tmp_path, monkeypatch):
    # a config above tmp_path would be found by every test here: fail loudly, never skip quietly
    assert not any((p / name).is_file() for p in (tmp_path, *tmp_path.parents)
                   for name in ("numcheck.toml", ".numcheck.toml", "pyproject.toml")), \
        "a config file above tmp_path would be found; these tests need none"
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "both.md", BOTH)
    return tmp_path


# --- --select and --ignore --------------------------------------------------------------------


@pytest.mark.parametrize("option, value, expected", [
    ("--select", "NC101", ["NC101"]),
    ("--select", "NC2", ["NC201"]),
    ("--select", "same-count-conflict", ["NC201"]),
    ("--select", "NC201,ratio-percent", ["NC101", "NC201"]),
    ("--select", "NC1, NC2", ["NC101", "NC201"]),
    ("--select", "ALL", ["NC101", "NC201"]),
    ("--ignore", "NC101", ["NC201"]),
    ("--ignore", "NC1", ["NC201"]),
    ("--ignore", "ratio-percent,NC2", []),
])
def test_select_and_ignore(work, capsys, option, value, expected):
    status, doc, err = check_json(capsys, "both.md", option, value)
    assert err == ""
    assert rules_of(doc) == expected
    assert status == (1 if "NC101" in expected else 0)


def test_select_sets_the_checks_made(work, capsys):
    assert main(["check", "both.md", "--select", "NC1"]) == 1
    summary = capsys.readouterr().out.splitlines()[-1]
    n = sum(r.code.startswith("NC1") for r in RULES)
    assert 1 < n < len(RULES) and f" figures read, {n} checks made: " in summary


@pytest.mark.parametrize("option, value", [("--select", "bogus"), ("--select", "NC1,NC9"), ("--ignore", "NC999")])
def test_unknown_rule_in_select_or_ignore_is_a_usage_error(work, option, value):
    """A typo must not silently check nothing and exit 0."""
    proc = run_cli("check", "both.md", option, value, cwd=work)
    assert proc.returncode == 2 and proc.stdout == b""
    bad = value.split(",")[-1]
    assert proc.stderr.decode().splitlines() == [
        f"numcheck: error: {option}: {bad!r} is no rule code, prefix or name (see 'numcheck rules')"]


def test_empty_select_is_a_usage_error(work, capsys):
    assert main(["check", "both.md", "--select", ","]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "names no rule" in err


# --- the command line beats the config file -----------------------------------------------------


def test_select_replaces_the_configs_select(work, capsys):
    write(work / "numcheck.toml", 'select = ["NC2"]\n')
    assert rules_of(check_json(capsys, "both.md")[1]) == ["NC201"]
    assert rules_of(check_json(capsys, "both.md", "--select", "NC1")[1]) == ["NC101"]


def test_ignore_replaces_the_configs_ignore(work, capsys):
    write(work / "numcheck.toml", 'ignore = ["NC101"]\n')
    assert rules_of(check_json(capsys, "both.md")[1]) == ["NC201"]
    assert rules_of(check_json(capsys, "both.md", "--ignore", "NC201")[1]) == ["NC101"]


@pytest.mark.parametrize("config_level, option, status", [
    ("warning", [], 1), ("warning", ["--fail-on", "error"], 0), ("never", ["--fail-on", "warning"], 1),
    ("warning", ["--exit-zero"], 0),
])
def test_fail_on_beats_the_config(work, capsys, config_level, option, status):
    write(work / "numcheck.toml", f'fail-on = "{config_level}"\n')
    write(work / "warns.md", WARNS)
    assert check_json(capsys, "warns.md", *option)[0] == status


def test_hedge_tolerance_beats_the_config(work, capsys):
    write(work / "numcheck.toml", "hedge-tolerance = 0.3\n")
    write(work / "hedged.txt", HEDGED)
    assert rules_of(check_json(capsys, "hedged.txt")[1]) == []
    assert rules_of(check_json(capsys, "hedged.txt", "--hedge-tolerance", "0.1")[1]) == ["NC108"]


def test_reference_beats_the_config(work, capsys):
    write(work / "wrong-facts" / "a.csv", ATLANTIS_TABLE.format(value=2000000))
    write(work / "right-facts" / "a.csv", ATLANTIS_TABLE.format(value=3000000))
    write(work / "numcheck.toml", 'reference = ["wrong-facts"]\n')
    write(work / "d.txt", ATLANTIS_WRONG)
    assert rules_of(check_json(capsys, "d.txt")[1]) == ["NC401"]
    assert rules_of(check_json(capsys, "d.txt", "--reference", "right-facts")[1]) == []


def test_config_option_for_every_draft(work, capsys):
    """--config applies one file to drafts in folders that have their own."""
    write(work / "a" / "numcheck.toml", 'ignore = ["NC101"]\n')
    write(work / "a" / "d.md", BOTH)
    write(work / "strict.toml", 'select = ["NC1"]\n')
    assert rules_of(check_json(capsys, "a")[1]) == ["NC201"]
    status, doc, _ = check_json(capsys, "a", "both.md", "--config", "strict.toml")
    assert status == 1 and rules_of(doc) == ["NC101", "NC101"]


def test_bad_config_option_subprocess(work):
    write(work / "broken.toml", 'select = ["NC1"\n')
    proc = run_cli("check", "both.md", "--config", "broken.toml", cwd=work)
    assert proc.returncode == 2 and proc.stdout == b""
    err = proc.stderr.decode()
    assert len(err.splitlines()) == 1 and err.startswith("numcheck: error: broken.toml:")
    assert "not valid TOML" in err and "Traceback" not in err


# --- --stdin-filename ---------------------------------------------------------------------------


def test_stdin_filename_reads_markdown(work):
    """The HTML comment directive works, the report names draft.md, and the config of draft.md's
    folder (sub/) is used."""
    write(work / "sub" / "numcheck.toml", '[severity]\nNC201 = "error"\n')
    text = f"<!-- numcheck: disable-next-line NC101 -->\n{WRONG}\n{WARNS}"
    proc = run_cli("check", "-", "--stdin-filename", "sub/draft.md", "--format", "json", stdin=text.encode(),
                   cwd=work)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == b""
    doc = json.loads(proc.stdout)
    assert [(f["path"], f["rule"], f["severity"], f["line"]) for f in doc["findings"]] == [
        ("sub/draft.md", "NC201", "error", 4)]


def test_stdin_filename_without_its_config(work):
    text = f"<!-- numcheck: disable-next-line NC101 -->\n{WRONG}\n{WARNS}"
    proc = run_cli("check", "-", "--stdin-filename", "draft.md", stdin=text.encode(), cwd=work)
    assert proc.returncode == 0 and proc.stderr == b""
    out = proc.stdout.decode()
    assert "draft.md:4:" in out and "NC201 warning" in out and "NC101" not in out


def test_stdin_filename_picks_plain_text_or_markdown(work):
    """A bare directive line is a directive in draft.txt and prose in draft.md."""
    text = f"numcheck: disable-next-line NC101\n{WRONG}".encode()
    as_text = run_cli("check", "-", "--stdin-filename", "draft.txt", "--format", "json", stdin=text, cwd=work)
    assert as_text.returncode == 0 and json.loads(as_text.stdout)["findings"] == []
    as_markdown = run_cli("check", "-", "--stdin-filename", "draft.md", "--format", "json", stdin=text, cwd=work)
    assert as_markdown.returncode == 1
    assert [(f["path"], f["rule"], f["line"]) for f in json.loads(as_markdown.stdout)["findings"]] == [
        ("draft.md", "NC101", 2)]


def test_stdin_without_filename_uses_the_working_folders_config(work):
    write(work / "numcheck.toml", 'ignore = ["NC101"]\n')
    proc = run_cli("check", "-", "--format", "json", stdin=BOTH.encode(), cwd=work)
    assert proc.returncode == 0
    assert [(f["path"], f["rule"]) for f in json.loads(proc.stdout)["findings"]] == [("<stdin>", "NC201")]


def test_stdin_filename_bad_config_stops_the_run(work):
    write(work / "sub" / "numcheck.toml", 'fail-on = "loud"\n')
    proc = run_cli("check", "-", "--stdin-filename", "sub/draft.md", stdin=WRONG.encode(), cwd=work)
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode().startswith(f"numcheck: error: {os.path.join('sub', 'numcheck.toml')}:1: fail-on: ")


# --- --force-exclude ------------------------------------------------------------------------------


def test_force_exclude_with_a_named_file(work, capsys):
    write(work / "numcheck.toml", 'exclude = ["archive"]\n')
    write(work / "archive" / "old.md", WRONG)
    assert check_json(capsys, "archive/old.md")[0] == 1  # named: checked
    assert check_json(capsys, ".")[1]["summary"]["files"] == 1  # found in a folder: left out (both.md only)
    status, doc, err = check_json(capsys, "archive/old.md", "both.md", "--force-exclude")
    assert (status, err) == (1, "")
    assert {f["path"] for f in doc["findings"]} == {"both.md"}


def test_force_exclude_applies_to_the_stdin_filename(work):
    """An editor pipes every buffer with --force-exclude: an excluded file's name gets no check."""
    write(work / "numcheck.toml", 'exclude = ["archive"]\n')
    args = ("check", "-", "--stdin-filename", "archive/old.md", "--format", "json")
    named = run_cli(*args, stdin=WRONG.encode(), cwd=work)
    assert named.returncode == 1 and [f["path"] for f in json.loads(named.stdout)["findings"]] == ["archive/old.md"]
    forced = run_cli(*args, "--force-exclude", stdin=WRONG.encode(), cwd=work)
    assert (forced.returncode, forced.stderr) == (0, b"")
    assert json.loads(forced.stdout)["summary"]["files"] == 0
    kept = run_cli("check", "-", "--stdin-filename", "new.md", "--force-exclude", stdin=WRONG.encode(), cwd=work)
    assert kept.returncode == 1


def test_force_exclude_uses_each_files_own_config(work, capsys):
    """pre-commit names files in several folders: each is judged by its own config."""
    write(work / "a" / "numcheck.toml", 'exclude = ["*.md"]\n')
    write(work / "a" / "d.md", WRONG)
    write(work / "b" / "d.md", WRONG)
    doc = check_json(capsys, "a/d.md", "b/d.md", "--force-exclude")[1]
    assert [Path(f["path"]).as_posix() for f in doc["findings"]] == ["b/d.md"]


# --- the progress bar ------------------------------------------------------------------------------


@pytest.fixture
def many(tmp_path):
    for i in range(3):
        write(tmp_path / f"d{i}.md", WRONG)
    return tmp_path


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal_stderr_only(many):
    status, out, err = run_on_a_terminal(["check", "."], many, stream="stderr")
    assert status == 1
    assert b"0/3" in err and b"file" in err  # tqdm's "0/3 [00:00<?, ?file/s]"
    # stdout is exactly what a run without a terminal prints
    piped = run_cli("check", ".", cwd=many)
    assert out == piped.stdout
    assert b"\r" not in out and b"file/s" not in out
    assert out.decode().splitlines()[-1].startswith("3 files, ")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_progress_bar_for_one_file(many):
    status, out, err = run_on_a_terminal(["check", "d0.md"], many, stream="stderr")
    assert status == 1 and b"NC101" in out
    assert b"file/s" not in err and b"it/s" not in err


def test_no_progress_bar_when_stderr_is_a_pipe(many):
    proc = run_cli("check", ".", cwd=many)
    assert proc.returncode == 1
    assert proc.stderr == b""
    assert proc.stdout.decode().splitlines()[-1].startswith("3 files, ")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_and_errors_on_stderr_json_intact(many):
    """With a terminal stderr, a bad file's error still reaches stderr and the JSON on stdout parses."""
    status, out, err = run_on_a_terminal(["check", ".", "missing.md", "--format", "json"], many, stream="stderr")
    assert status == 2
    assert b"numcheck: error: missing.md: no such file" in err
    doc = json.loads(out)
    assert doc["summary"]["files"] == 3 and len(doc["findings"]) == 3
