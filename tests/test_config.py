"""Configuration: `[tool.numcheck]` in pyproject.toml, numcheck.toml or .numcheck.toml.

Every key is shown to change what `numcheck check` does on a real file in tmp_path;
the closest config file wins; a bad file stops the run with one line naming the
file, the line, the key and what is allowed (exit 2, nothing on stdout); and
`numcheck config` prints the settings in force with where each came from.

Drafts relied on (each checked here against its own control):
- WRONG: NC101 ratio-percent, error, on "12%" (line 1, column 29), fix "15%";
- WARNS: NC201 same-count-conflict, warning;
- HEDGED: NC108 share-of-amount, error, with a hedge tolerance of 0.10 but not 0.3;
- ELAPSED: NC302 elapsed-time, warning, when the draft is dated 2022-05-01 but not 2025-05-01.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

from numcheck.api import check_in_context
from numcheck.cli import main

from cli_drafts import ATLANTIS_WRONG, BOTH, HEDGED, WARNS, WRONG, check_json, run_cli, write
from numcheck.config import DEFAULT, KEYS, Config, ConfigError, config_for, find_config, load_config
from numcheck.context import Context, known_rules
from numcheck.rules import RULES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
ELAPSED = "Five years after the plant opened in 2019, it closed.\n"
ATLANTIS_TABLE = "subject,measure,value,as_of,source\nAtlantis,population|people,2000000,2020,Atlantis census\n"


def found(doc: dict) -> list[tuple[str, str]]:
    """(rule, severity) of every finding, in report order."""
    return [(f["rule"], f["severity"]) for f in doc["findings"]]


def _no_config_above(folder: Path) -> bool:
    return not any((p / name).is_file() for p in (folder, *folder.parents)
                   for name in ("numcheck.toml", ".numcheck.toml", "pyproject.toml"))


@pytest.fixture
def work(tmp_path, monkeypatch):
    """tmp_path as the working folder, with no config file in it or above it."""
    # a config above tmp_path would be found by every test here: fail loudly, never skip quietly
    assert _no_config_above(tmp_path), "a config file above tmp_path would be found; these tests need none"
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- the controls: without a config, each draft gives what the tests below change ------------


def test_drafts_without_config(work, capsys):
    write(work / "both.md", BOTH)
    write(work / "hedged.txt", HEDGED)
    write(work / "elapsed.txt", ELAPSED)
    status, doc, err = check_json(capsys, "both.md")
    assert (status, err) == (1, "")
    assert found(doc) == [("NC101", "error"), ("NC201", "warning")]
    assert doc["findings"][0]["column"] == 29 and doc["findings"][0]["fix"] == {"replacement": "15%"}
    assert found(check_json(capsys, "hedged.txt")[1]) == [("NC108", "error")]
    assert found(check_json(capsys, "elapsed.txt")[1]) == []  # no date: NC302 is silent
    assert found(check_json(capsys, "elapsed.txt", "--date", "2022-05-01")[1]) == [("NC302", "warning")]
    assert found(check_json(capsys, "elapsed.txt", "--date", "2025-05-01")[1]) == []


# --- select and ignore ------------------------------------------------------------------------


@pytest.mark.parametrize("select, expected", [
    ('["NC101"]', ["NC101"]),
    ('["NC2"]', ["NC201"]),  # a prefix
    ('["ratio-percent"]', ["NC101"]),  # a name
    ('["same-count-conflict", "NC10"]', ["NC101", "NC201"]),
    ('"NC101"', ["NC101"]),  # one string is a list of one
    ('["ALL"]', ["NC101", "NC201"]),
])
def test_select(work, capsys, select, expected):
    write(work / "numcheck.toml", f"select = {select}\n")
    write(work / "both.md", BOTH)
    status, doc, err = check_json(capsys, "both.md")
    assert err == ""
    assert [rule for rule, _ in found(doc)] == expected
    assert status == (1 if "NC101" in expected else 0)


@pytest.mark.parametrize("ignore", ['["NC101"]', '["NC1"]', '["ratio-percent"]'])
def test_ignore(work, capsys, ignore):
    write(work / "numcheck.toml", f"ignore = {ignore}\n")
    write(work / "both.md", BOTH)
    status, doc, err = check_json(capsys, "both.md")
    assert (status, err) == (0, "")  # the error is gone; the warning does not fail
    assert found(doc) == [("NC201", "warning")]


def test_ignore_wins_over_select(work, capsys):
    write(work / "numcheck.toml", 'select = ["NC1", "NC2"]\nignore = ["NC101"]\n')
    write(work / "both.md", BOTH)
    assert found(check_json(capsys, "both.md")[1]) == [("NC201", "warning")]


def test_rule_codes_in_code_order():
    known = known_rules()
    config = Config(select=("NC3", "ratio-percent"), ignore=("weekday-date",))
    chosen = config.rule_codes(known)
    assert chosen == tuple(r.code for r in RULES if r.code in chosen)  # in code order
    assert set(chosen) == {r.code for r in RULES if r.code.startswith("NC3") or r.code == "NC101"} - {"NC301"}
    assert "NC302" in chosen
    assert Config().rule_codes(known) == tuple(r.code for r in RULES)
    assert Config(ignore=("ALL",)).rule_codes(known) == ()


# --- severity and fail-on ---------------------------------------------------------------------


@pytest.mark.parametrize("table", ['severity = { NC101 = "warning" }\n',
                                   '[severity]\nratio-percent = "warning"\n',
                                   '[severity]\nnc101 = "warning"\n'])
def test_severity_lowers_an_error_and_the_exit_status(work, capsys, table):
    write(work / "numcheck.toml", table)
    write(work / "wrong.md", WRONG)
    status, doc, err = check_json(capsys, "wrong.md")
    assert (status, err) == (0, "")
    assert found(doc) == [("NC101", "warning")]
    assert doc["summary"]["findings"] == {"error": 0, "warning": 1, "info": 0}


def test_severity_raises_a_warning_to_an_error(work, capsys):
    write(work / "numcheck.toml", '[severity]\nNC201 = "error"\n')
    write(work / "warns.md", WARNS)
    status, doc, _ = check_json(capsys, "warns.md")
    assert status == 1
    assert found(doc) == [("NC201", "error")]


def test_severity_shows_in_the_text_report(work, capsys):
    write(work / "numcheck.toml", '[severity]\nNC101 = "info"\n')
    write(work / "wrong.md", WRONG)
    assert main(["check", "wrong.md"]) == 0
    out = capsys.readouterr().out
    assert "wrong.md:1:29: NC101 info: " in out
    assert out.splitlines()[-1].endswith("0 errors, 0 warnings, 1 info")


@pytest.mark.parametrize("fail_on, draft, status", [
    ("warning", WARNS, 1), ("info", WARNS, 1), ("error", WARNS, 0), ("never", WRONG, 0), ("error", WRONG, 1),
])
def test_fail_on(work, capsys, fail_on, draft, status):
    write(work / "numcheck.toml", f'fail-on = "{fail_on}"\n')
    write(work / "d.md", draft)
    got, doc, err = check_json(capsys, "d.md")
    assert (got, err) == (status, "")
    assert len(doc["findings"]) == 1  # fail-on changes the status, never what is reported


def test_fail_on_is_per_draft(work, capsys):
    """Two folders, two configs: the warning in strict/ fails the run, the one in lax/ would not."""
    write(work / "strict" / "numcheck.toml", 'fail-on = "warning"\n')
    write(work / "lax" / "numcheck.toml", 'fail-on = "error"\n')
    write(work / "strict" / "d.md", WARNS)
    write(work / "lax" / "d.md", WARNS)
    assert check_json(capsys, "lax")[0] == 0
    assert check_json(capsys, "strict", "lax")[0] == 1


# --- reference --------------------------------------------------------------------------------


def test_reference_is_relative_to_the_config_file(work, capsys):
    """The table is named relative to project/numcheck.toml; the run is from elsewhere."""
    project = work / "project"
    write(project / "facts" / "atlantis.csv", ATLANTIS_TABLE)
    write(project / "numcheck.toml", 'reference = ["facts/atlantis.csv"]\n')
    write(project / "drafts" / "d.txt", ATLANTIS_WRONG)
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    os.chdir(elsewhere)
    status, doc, err = check_json(capsys, str(project / "drafts" / "d.txt"))
    assert (status, err) == (1, "")
    (f,) = doc["findings"]
    assert (f["rule"], f["line"], f["column"]) == ("NC401", 1, ATLANTIS_WRONG.index("3 million") + 1)
    assert "Atlantis census" in f["message"] and "atlantis.csv, line 2" in f["message"]


def test_reference_folder_in_config_replaces_the_default(work, capsys):
    """A config's reference is used instead of reference/ beside the draft (here a table that would
    agree with the draft)."""
    write(work / "reference" / "agrees.csv", ATLANTIS_TABLE.replace("2000000", "3000000"))
    write(work / "facts" / "atlantis.csv", ATLANTIS_TABLE)
    write(work / "d.txt", ATLANTIS_WRONG)
    assert found(check_json(capsys, "d.txt")[1]) == []  # the default reference/ agrees
    write(work / "numcheck.toml", 'reference = ["facts"]\n')
    assert found(check_json(capsys, "d.txt")[1]) == [("NC401", "error")]


def test_bad_reference_in_config_is_named_as_the_user_sees_it(work, capsys):
    write(work / "cfg" / "numcheck.toml", 'reference = ["missing.csv"]\n')
    write(work / "cfg" / "d.txt", ATLANTIS_WRONG)
    status, doc, err = check_json(capsys, "cfg/d.txt")
    assert status == 2
    assert err.splitlines() == [f"numcheck: error: {os.path.join('cfg', 'missing.csv')}: no such file or folder"]
    assert doc["summary"]["files"] == 1  # the draft is still checked


def test_load_config_makes_reference_absolute(tmp_path):
    path = write(tmp_path / "sub" / "numcheck.toml", 'reference = ["../facts", "t.csv"]\n')
    config = load_config(str(path))
    assert config.reference == (str(tmp_path / "facts"), str(tmp_path / "sub" / "t.csv"))
    assert load_config(str(write(tmp_path / "numcheck.toml", ""))).reference is None


# --- hedge-tolerance --------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [("0.3", []), ("0.1", [("NC108", "error")]),
                                             ("0", [("NC108", "error")])])
def test_hedge_tolerance(work, capsys, value, expected):
    write(work / "numcheck.toml", f"hedge-tolerance = {value}\n")
    write(work / "d.txt", HEDGED)
    assert found(check_json(capsys, "d.txt")[1]) == expected


# --- date -------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2022-05-01", '"2022-05-01"', "2022-05-01T09:00:00"])
def test_date_dates_an_undated_draft(work, capsys, value):
    write(work / "numcheck.toml", f"date = {value}\n")
    write(work / "d.txt", ELAPSED)
    assert found(check_json(capsys, "d.txt")[1]) == [("NC302", "warning")]


@pytest.mark.parametrize("config_day, front_day, option_day, fires", [
    ("2022-05-01", "2025-05-01", None, False),  # the front matter beats the config
    ("2025-05-01", "2022-05-01", None, True),
    ("2025-05-01", "2025-05-01", "2022-05-01", True),  # --date beats both
    ("2022-05-01", "2022-05-01", "2025-05-01", False),
    ("2025-05-01", None, "2022-05-01", True),  # --date beats the config
])
def test_date_precedence(work, capsys, config_day, front_day, option_day, fires):
    write(work / "numcheck.toml", f"date = {config_day}\n")
    front = f"---\ndate: {front_day}\n---\n" if front_day else ""
    write(work / "d.md", front + ELAPSED)
    args = ["d.md"] + (["--date", option_day] if option_day else [])
    assert found(check_json(capsys, *args)[1]) == ([("NC302", "warning")] if fires else [])


# --- exclude ----------------------------------------------------------------------------------


@pytest.fixture
def excluded(work):
    """drafts/old/a.md and notes/CHANGELOG.md excluded by project/numcheck.toml; drafts/new/b.md not."""
    project = work / "project"
    write(project / "numcheck.toml", 'exclude = ["drafts/old", "**/CHANGELOG.md"]\n')
    for rel in ("drafts/old/a.md", "drafts/new/b.md", "notes/CHANGELOG.md"):
        write(project / rel, WRONG)
    return project


def _paths(doc: dict) -> list[str]:
    return sorted({Path(f["path"]).as_posix() for f in doc["findings"]})


def test_exclude_leaves_out_files_found_in_folders(excluded, capsys):
    os.chdir(excluded)
    status, doc, err = check_json(capsys, ".")
    assert (status, err) == (1, "")
    assert _paths(doc) == ["drafts/new/b.md"]
    assert doc["summary"]["files"] == 1


def test_exclude_is_relative_to_the_config_file_not_the_working_folder(excluded, capsys):
    os.chdir(excluded / "drafts")  # "drafts/old" would not match "old/a.md" relative to here
    assert _paths(check_json(capsys, ".")[1]) == ["new/b.md"]


def test_exclude_spares_named_files_unless_force_exclude(excluded, capsys):
    os.chdir(excluded)
    named = ["drafts/old/a.md", "notes/CHANGELOG.md", "drafts/new/b.md"]
    assert _paths(check_json(capsys, *named)[1]) == sorted(named)
    status, doc, _ = check_json(capsys, *named, "--force-exclude")
    assert status == 1 and _paths(doc) == ["drafts/new/b.md"]
    status, doc, err = check_json(capsys, "drafts/old/a.md", "--force-exclude")
    assert (status, err, doc["summary"]["files"]) == (0, "", 0)


@pytest.mark.parametrize("pattern, rel, excluded", [
    ("drafts/old", "drafts/old/a.md", True),
    ("drafts/old/", "drafts/old/deep/a.md", True),
    ("drafts/old", "drafts/older/a.md", False),
    ("drafts/*.md", "drafts/a.md", True),
    ("*.rst", "x/y/z.rst", True),
    ("*.rst", "x/y/z.md", False),
    ("**/CHANGELOG.md", "a/b/CHANGELOG.md", True),
    ("**/CHANGELOG.md", "CHANGELOG.md", True),
    ("archive", "x/archive/a.md", True),
    ("archive", "x/archived/a.md", False),
    # relative to the config file written with "./" or, as in .gitignore, "/": that folder only
    ("./archive", "archive/a.md", True),
    ("./archive", "x/archive/a.md", False),
    ("/docs", "docs/deep/c.md", True),
    ("/docs", "x/docs/c.md", False),
    ("./drafts/*.md", "drafts/a.md", True),
    # `*` and `?` stay within a segment, `**` crosses them (as .gitignore and ruff read globs)
    ("drafts/*.md", "drafts/sub/deep/a.md", False),
    ("drafts/**/*.md", "drafts/sub/deep/a.md", True),
    ("drafts/**", "drafts/sub/a.md", True),
    ("draft?.md", "draft1.md", True),
    ("draft?.md", "draft/.md", False),
    ("[!a]*.md", "b.md", True),
    ("[!a]*.md", "a.md", False),
    # odd patterns read as .gitignore reads them, never a crash: an unclosed "[" is itself, a
    # "]" first in a class is literal, a class never matches "/", a backslash escapes
    ("[!]", "[!]", True),
    ("[!]]x", "ax", True),
    ("[!]]x", "]x", False),
    ("[", "[", True),
    ("[[]x", "[x", True),
    ("a[!x]b", "a/b/c.md", False),
    ("a[+-0]b", "a/b/c.md", False),
    ("\\*.md", "*.md", True),
    ("\\*.md", "a.md", False),
    ("draft**.md", "draft1.md", True),
    ("draft**.md", "draft/x.md", False),
    ("a/**/b", "a/b/c.md", True),
    ("a/**/b", "a/x/y/b/c.md", True),
])
def test_excludes(tmp_path, pattern, rel, excluded):
    config = Config(exclude=(pattern,), path=str(tmp_path / "numcheck.toml"))
    assert config.excludes(str(tmp_path / rel)) is excluded


# --- which file: closest wins, names, pyproject.toml ------------------------------------------


def test_closest_config_wins_and_is_not_merged(work, capsys):
    write(work / "numcheck.toml", 'ignore = ["NC101"]\n')
    write(work / "sub" / "numcheck.toml", 'fail-on = "warning"\n')
    write(work / "d.md", BOTH)
    write(work / "sub" / "deeper" / "d.md", BOTH)
    doc = check_json(capsys, "d.md")[1]
    assert found(doc) == [("NC201", "warning")]
    status, doc, _ = check_json(capsys, "sub/deeper/d.md")
    # sub/numcheck.toml is in force alone: the root's ignore does not reach it
    assert status == 1 and [r for r, _ in found(doc)] == ["NC101", "NC201"]


@pytest.mark.parametrize("names, winner", [
    (("numcheck.toml", ".numcheck.toml", "pyproject.toml"), "numcheck.toml"),
    ((".numcheck.toml", "pyproject.toml"), ".numcheck.toml"),
    (("numcheck.toml", "pyproject.toml"), "numcheck.toml"),
    (("pyproject.toml",), "pyproject.toml"),
])
def test_file_names_in_one_folder(work, capsys, names, winner):
    for name in names:
        body = f'ignore = ["NC101"]\n# {name}\n' if name == winner else 'ignore = ["NC201"]\n'
        write(work / name, ("[tool.numcheck]\n" + body) if name == "pyproject.toml" else body)
    write(work / "d.md", BOTH)
    assert os.path.abspath(find_config(str(work / "d.md"))) == str(work / winner)
    assert found(check_json(capsys, "d.md")[1]) == [("NC201", "warning")]


def test_pyproject_without_tool_numcheck_is_passed_over(work, capsys):
    write(work / "numcheck.toml", 'ignore = ["NC101"]\n')
    write(work / "sub" / "pyproject.toml", '[project]\nname = "x"\n\n[tool.ruff]\nselect = ["E"]\n')
    write(work / "sub" / "d.md", BOTH)
    assert find_config(str(work / "sub" / "d.md")) == "numcheck.toml"
    assert found(check_json(capsys, "sub/d.md")[1]) == [("NC201", "warning")]


def test_pyproject_with_only_a_subtable_is_used(work, capsys):
    write(work / "numcheck.toml", 'ignore = ["NC201"]\n')
    write(work / "sub" / "pyproject.toml", '[project]\nname = "x"\n\n[tool.numcheck.severity]\nNC101 = "info"\n')
    write(work / "sub" / "d.md", BOTH)
    assert found(check_json(capsys, "sub/d.md")[1]) == [("NC101", "info"), ("NC201", "warning")]


@pytest.mark.parametrize("pyproject", [
    '[project]\nname = "x"\n\n[tool]\nnumcheck.ignore = ["NC201"]\n',  # dotted keys under [tool]
    'tool.numcheck.ignore = ["NC201"]\n\n[project]\nname = "x"\n',  # dotted keys at the top
    '[tool]\nnumcheck = { ignore = ["NC201"] }\n',  # an inline table
])
def test_pyproject_with_numcheck_written_as_dotted_keys_is_used(work, capsys, pyproject):
    write(work / "numcheck.toml", 'ignore = ["NC101"]\n')
    write(work / "sub" / "pyproject.toml", pyproject)
    write(work / "sub" / "d.md", BOTH)
    assert find_config(str(work / "sub" / "d.md")) == os.path.join("sub", "pyproject.toml")
    assert found(check_json(capsys, "sub/d.md")[1]) == [("NC101", "error")]


@pytest.mark.parametrize("pyproject", [
    '[project]\nname = "x"\ndependencies = ["numcheck>=0.1"]\n',
    '[tool.setuptools.package-data]\nnumcheck.data = ["*.json"]\n',  # another tool's dotted key
])
def test_pyproject_naming_numcheck_only_for_another_tool_is_passed_over(work, pyproject):
    write(work / "numcheck.toml", "")
    write(work / "sub" / "pyproject.toml", pyproject)
    assert find_config(str(work / "sub" / "d.md")) == "numcheck.toml"


def test_a_broken_pyproject_with_numcheck_keys_is_reported_not_passed_over(work, capsys):
    write(work / "numcheck.toml", 'select = ["NC101"]\n')
    write(work / "sub" / "pyproject.toml", '[tool]\nnumcheck.select = ["NC101"\n')
    write(work / "sub" / "d.md", WRONG)
    assert main(["check", "sub/d.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"numcheck: error: {os.path.join('sub', 'pyproject.toml')}:") and "not valid TOML" in err


def test_pyproject_dotted_key_errors_name_their_line(work, capsys):
    write(work / "pyproject.toml", '[tool.ruff]\nselect = ["E"]\n\n[tool]\nnumcheck.select = ["bogus"]\n')
    write(work / "d.md", WRONG)
    assert main(["check", "d.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("numcheck: error: pyproject.toml:5: select: 'bogus' is no rule code, prefix or name; ")


def test_find_config_from_a_folder_and_none(work):
    assert find_config(str(work)) is None
    assert config_for(str(work / "d.md"), known=known_rules()) is DEFAULT
    write(work / "a" / "numcheck.toml", "")
    (work / "a" / "b").mkdir()
    assert os.path.abspath(find_config(str(work / "a" / "b"))) == str(work / "a" / "numcheck.toml")
    assert os.path.abspath(find_config(str(work / "a" / "b" / "not-yet-written.md"))) == \
        str(work / "a" / "numcheck.toml")


def test_explicit_config_overrides_the_search(work, capsys):
    write(work / "numcheck.toml", 'ignore = ["NC101"]\n')
    write(work / "elsewhere" / "strict.toml", 'fail-on = "warning"\nignore = ["NC201"]\n')
    write(work / "d.md", BOTH)
    status, doc, _ = check_json(capsys, "d.md", "--config", "elsewhere/strict.toml")
    assert status == 1 and found(doc) == [("NC101", "error")]


def test_explicit_pyproject_without_tool_numcheck_gives_the_defaults(work, capsys):
    write(work / "numcheck.toml", 'ignore = ["NC101", "NC201"]\n')
    write(work / "other" / "pyproject.toml", '[project]\nname = "x"\n')
    write(work / "d.md", BOTH)
    doc = check_json(capsys, "d.md", "--config", "other/pyproject.toml")[1]
    assert [r for r, _ in found(doc)] == ["NC101", "NC201"]


def test_explicit_config_missing(work, capsys):
    write(work / "d.md", WRONG)
    status, doc, err = check_json(capsys, "d.md", "--config", "nope.toml")
    assert (status, doc) == (2, None)
    assert err == "numcheck: error: nope.toml: no such config file\n"


# --- the API: check_in_context and the cache ----------------------------------------------------


def test_check_in_context_uses_the_drafts_config(tmp_path):
    write(tmp_path / "numcheck.toml", '[severity]\nNC101 = "warning"\n')
    path = str(tmp_path / "d.md")
    result = check_in_context(WRONG, path, Context())
    assert [(f.rule, f.severity) for f in result.findings] == [("NC101", "warning")]
    assert result.path == path


def test_context_rereads_an_edited_config(tmp_path):
    config = write(tmp_path / "numcheck.toml", '[severity]\nNC101 = "warning"\n')
    path = str(tmp_path / "d.md")
    context = Context()
    assert [f.severity for f in check_in_context(WRONG, path, context).findings] == ["warning"]
    config.write_text('ignore = ["NC101"]\n', encoding="utf-8")
    stamp = config.stat().st_mtime_ns + 1_000_000_000  # a coarse filesystem clock must not hide the edit
    os.utime(config, ns=(stamp, stamp))
    assert check_in_context(WRONG, path, context).findings == ()


def test_context_rereads_an_edited_reference_table(tmp_path):
    table = write(tmp_path / "facts" / "atlantis.csv", ATLANTIS_TABLE)
    write(tmp_path / "numcheck.toml", 'reference = ["facts"]\n')
    path = str(tmp_path / "d.txt")
    context = Context()
    assert [f.rule for f in check_in_context(ATLANTIS_WRONG, path, context).findings] == ["NC401"]
    table.write_text(ATLANTIS_TABLE.replace("2000000", "3000000"), encoding="utf-8")
    stamp = table.stat().st_mtime_ns + 1_000_000_000
    os.utime(table, ns=(stamp, stamp))
    assert check_in_context(ATLANTIS_WRONG, path, context).findings == ()


def test_check_in_context_raises_config_error(tmp_path):
    write(tmp_path / "numcheck.toml", 'fail-on = "sometimes"\n')
    with pytest.raises(ConfigError) as caught:
        check_in_context(WRONG, str(tmp_path / "d.md"), Context())
    assert caught.value.line == 1 and "fail-on" in caught.value.message


# --- a config the user must fix: one line, exit 2, nothing on stdout ---------------------------


BAD_VALUES = [
    # (numcheck.toml, line, key)
    ("select = 3\n", 1, "select"),
    ('fail-on = "error"\n\n\nselect = ["NC9"]\n', 4, "select"),
    ('ignore = ["bogus"]\n', 1, "ignore"),
    ("ignore = [1, 2]\n", 1, "ignore"),
    ('select = [""]\n', 1, "select"),  # an empty selector is a prefix of every code, but names no rule
    ('fail-on = "error"\nignore = ["NC1", " "]\n', 2, "ignore"),
    ('severity = "warning"\n', 1, "severity"),
    ('[severity]\nNC101 = "warning"\nNC999 = "error"\n', 3, "severity"),
    ('[severity]\nNC101 = "fatal"\n', 2, "severity"),
    ('severity = { ratio-percent = 1 }\n', 1, "severity"),
    ('fail-on = "fatal"\n', 1, "fail-on"),
    ("fail-on = 1\n", 1, "fail-on"),
    ("reference = 3\n", 1, "reference"),
    ('reference = ["a.csv", 2]\n', 1, "reference"),
    ("hedge-tolerance = 1\n", 1, "hedge-tolerance"),
    ("hedge-tolerance = -0.1\n", 1, "hedge-tolerance"),
    ('hedge-tolerance = "0.1"\n', 1, "hedge-tolerance"),
    ("hedge-tolerance = true\n", 1, "hedge-tolerance"),
    ("hedge-tolerance = nan\n", 1, "hedge-tolerance"),
    ('date = "2015-02-30"\n', 1, "date"),
    ('date = "07/10/2015"\n', 1, "date"),
    ("date = 2015\n", 1, "date"),
    ("date = 10:30:00\n", 1, "date"),
    ("exclude = [1]\n", 1, "exclude"),
    ("exclude = { old = true }\n", 1, "exclude"),
    ('exclude = ["drafts", "[z-a]*.md"]\n', 1, "exclude"),  # a class no glob reads
]


@pytest.mark.parametrize("body, line, key", BAD_VALUES, ids=[b.strip().replace("\n", " | ") for b, _, _ in BAD_VALUES])
def test_bad_value(work, capsys, body, line, key):
    write(work / "numcheck.toml", body)
    write(work / "d.md", WRONG)
    for command in (["check", "d.md"], ["config", "d.md"]):
        assert main(command) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert len(err.splitlines()) == 1, err
        assert err.startswith(f"numcheck: error: numcheck.toml:{line}: {key}: "), err
        assert err.rstrip("\n").endswith(f"; expected {KEYS[key]}")


@pytest.mark.parametrize("body, line, key", [
    ('selct = ["NC1"]\n', 1, "selct"),
    ('fail-on = "error"\n[rules]\nNC101 = "off"\n', 2, "rules"),
    ('[tool.numcheck]\nselect = ["NC1"]\n', 1, "tool"),  # pyproject's table in numcheck.toml
])
def test_unknown_key(work, capsys, body, line, key):
    write(work / "numcheck.toml", body)
    write(work / "d.md", WRONG)
    assert main(["check", "d.md"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    allowed = ", ".join(sorted(KEYS))
    hint = "; numcheck.toml has them at the top level, not in [tool.numcheck]" if key == "tool" else ""
    assert err == f"numcheck: error: numcheck.toml:{line}: unknown key {key!r} (allowed: {allowed}){hint}\n"


@pytest.mark.parametrize("body, line", [
    ("fail-on = \n", 1),
    ('select = ["NC1"]\nselect = ["NC2"]\n', 2),
    ('select = ["NC1"\nfail-on = "error"\n', 2),
    ('\n\nfail-on = "error\n', 3),
])
def test_not_toml(work, capsys, body, line):
    write(work / "numcheck.toml", body)
    write(work / "d.md", WRONG)
    assert main(["check", "d.md"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1 and err.startswith(f"numcheck: error: numcheck.toml:{line}: not valid TOML: ")


def test_empty_selector_says_so(work, capsys):
    write(work / "numcheck.toml", 'select = ["NC1", ""]\n')
    write(work / "d.md", WRONG)
    assert main(["check", "d.md"]) == 2
    assert capsys.readouterr().err.startswith(
        "numcheck: error: numcheck.toml:1: select: '' is empty, and an empty selector names no rule; ")


@pytest.mark.parametrize("body, cause", [
    ("select = []\n", "select = [] in numcheck.toml"),
    ('ignore = ["ALL"]\n', 'ignore = ["ALL"] in numcheck.toml'),
    ('select = ["NC1"]\nignore = ["NC1"]\n', 'ignore = ["NC1"] in numcheck.toml'),
])
def test_no_rule_selected_is_a_warning_as_ruff_has_it(work, capsys, body, cause):
    """ruff runs no rule and passes for `select = []`; numcheck does too, but says so, once."""
    write(work / "numcheck.toml", body)
    write(work / "a.md", WRONG)
    write(work / "b.md", WRONG)
    assert main(["check", "a.md", "b.md"]) == 0
    out, err = capsys.readouterr()
    assert err == f"numcheck: warning: no rule is selected ({cause}), so nothing is checked\n"
    assert "2 files" in out and "0 errors" in out
    assert main(["config", "a.md"]) == 0
    out, err = capsys.readouterr()
    assert err == f"numcheck: warning: no rule is selected ({cause}), so nothing is checked\n"
    assert out.splitlines()[-1] == "# rules in force (0): none, so nothing is checked"


def test_no_rule_selected_on_the_command_line_is_a_warning(work, capsys):
    write(work / "d.md", WRONG)
    assert main(["check", "d.md", "--ignore", "ALL"]) == 0
    assert capsys.readouterr().err == "numcheck: warning: no rule is selected (--ignore), so nothing is checked\n"
    assert main(["check", "d.md"]) == 1  # the control: NC101 fires when rules are selected
    assert capsys.readouterr().err == ""


def test_pyproject_not_utf8_with_tool_numcheck_is_reported_not_passed_over(work, capsys):
    (work / "pyproject.toml").write_bytes(b'[tool.numcheck]\nignore = ["NC101"]\n# caf\xe9\n')
    write(work / "d.md", WRONG)
    for command in (["check", "d.md"], ["config", "d.md"]):
        assert main(command) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err == "numcheck: error: pyproject.toml:3: is not valid UTF-8 (byte 0xE9); TOML files are UTF-8\n"


def test_not_utf8(work, capsys):
    (work / "numcheck.toml").write_bytes(b'fail-on = "error"\nselect = ["\xff"]\n')
    write(work / "d.md", WRONG)
    assert main(["check", "d.md"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    assert err.startswith("numcheck: error: numcheck.toml:2: ") and "UTF-8" in err


def test_a_bom_is_allowed(work, capsys):
    (work / "numcheck.toml").write_bytes(b'\xef\xbb\xbfignore = ["NC101"]\n')
    write(work / "d.md", BOTH)
    assert found(check_json(capsys, "d.md")[1]) == [("NC201", "warning")]


def test_pyproject_errors_count_lines_in_our_table(work, capsys):
    """ruff's `select` comes first in the file; the error is on numcheck's line."""
    write(work / "pyproject.toml", '[project]\nname = "x"\n\n[tool.ruff]\nselect = ["E"]\n\n'
                                   '[tool.numcheck]\nselect = ["bogus"]\n')
    write(work / "d.md", WRONG)
    assert main(["check", "d.md"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("numcheck: error: pyproject.toml:8: select: 'bogus' is no rule code, prefix or name; ")


def test_pyproject_severity_subtable_error_names_the_entry(work, capsys):
    write(work / "pyproject.toml", '[tool.numcheck]\nfail-on = "error"\n\n[tool.numcheck.severity]\n'
                                   'NC101 = "info"\nNC201 = "loud"\n')
    write(work / "d.md", WRONG)
    assert main(["check", "d.md"]) == 2
    assert capsys.readouterr().err.startswith("numcheck: error: pyproject.toml:6: severity: NC201 = 'loud' ")


@pytest.mark.parametrize("body, line", [("tool = 3\n", 1), ('[project]\nname = "x"\n[tool]\nnumcheck = 3\n', 4)])
def test_pyproject_tool_numcheck_not_a_table(work, capsys, body, line):
    write(work / "pyproject.toml", body)
    write(work / "d.md", WRONG)
    assert main(["check", "d.md", "--config", "pyproject.toml"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"numcheck: error: pyproject.toml:{line}: [tool.numcheck] must be a table\n"


def test_bad_config_anywhere_stops_every_draft(work):
    """A bad config for one folder: nothing is checked or printed, even for the good folder."""
    write(work / "good" / "d.md", WRONG)
    write(work / "bad" / "numcheck.toml", 'fail-on = "sometimes"\n')
    write(work / "bad" / "d.md", WRONG)
    proc = run_cli("check", "good", "bad", cwd=work)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert proc.stderr.decode().splitlines() == [
        f"numcheck: error: {os.path.join('bad', 'numcheck.toml')}:1: fail-on: 'sometimes' is not allowed; "
        f"expected {KEYS['fail-on']}"
    ]


# --- numcheck config --------------------------------------------------------------------------


def _config_lines(out: str) -> dict[str, str]:
    """`key = value  # origin` lines of `numcheck config`, as {key: origin}."""
    rows = {}
    for line in out.splitlines():
        text, _, origin = line.partition("  # ")
        key = text.lstrip("# ").split(" = ")[0].strip()
        if key in KEYS:
            rows[key] = origin.strip()
    return rows


def test_config_without_a_file_shows_the_defaults(work, capsys):
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert "# config file: none found: the defaults" in out
    origins = _config_lines(out)
    assert set(origins) == set(KEYS)
    assert all(origin.startswith("default") for origin in origins.values())
    values = tomllib.loads(out)  # the output is TOML one could paste into numcheck.toml
    assert values == {"select": ["ALL"], "ignore": [], "severity": {}, "fail-on": "error",
                      "hedge-tolerance": 0.1, "exclude": []}
    assert out.splitlines()[-1] == f"# rules in force ({len(RULES)}): {', '.join(r.code for r in RULES)}"


def test_config_shows_values_and_their_file(work, capsys):
    write(work / "numcheck.toml", 'ignore = ["NC3"]\nfail-on = "warning"\ndate = 2015-10-07\n'
                                  'reference = ["facts"]\n\n[severity]\nelapsed-time = "info"\n')
    write(work / "d.md", WRONG)
    assert main(["config", "d.md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# settings for d.md\n# config file: numcheck.toml\n")
    origins = _config_lines(out)
    for key in ("ignore", "fail-on", "date", "reference", "severity"):
        assert origins[key] == "numcheck.toml", key
    for key in ("select", "hedge-tolerance", "exclude"):
        assert origins[key] == "default", key
    values = tomllib.loads(out)
    assert values["ignore"] == ["NC3"] and values["fail-on"] == "warning" and values["date"] == dt.date(2015, 10, 7)  # a TOML date, as written
    assert values["severity"] == {"NC302": "info"}  # the name is shown as its code
    assert values["reference"] == [str(work / "facts")]
    kept = [r.code for r in RULES if not r.code.startswith("NC3")]
    assert out.splitlines()[-1] == f"# rules in force ({len(kept)}): {', '.join(kept)}"


def test_config_output_round_trips(work, capsys):
    """What `numcheck config` prints, saved as numcheck.toml, gives the same settings."""
    write(work / "a" / "numcheck.toml", 'select = ["NC1", "weekday-date"]\nhedge-tolerance = 0.25\n'
                                        'exclude = ["old"]\n[severity]\nNC101 = "warning"\n')
    assert main(["config", "a"]) == 0
    first = capsys.readouterr().out
    write(work / "b" / "numcheck.toml", first)
    assert main(["config", "b"]) == 0
    second = capsys.readouterr().out
    assert tomllib.loads(second) == tomllib.loads(first)
    kept = [r.code for r in RULES if r.code.startswith("NC1") or r.name == "weekday-date"]
    assert "NC101" in kept and "NC301" in kept and "NC201" not in kept
    assert first.splitlines()[-1] == second.splitlines()[-1] == f"# rules in force ({len(kept)}): {', '.join(kept)}"


def test_config_names_pyproject_table_and_the_closest_file(work, capsys):
    write(work / "pyproject.toml", '[tool.numcheck]\nfail-on = "info"\n')
    write(work / "sub" / "numcheck.toml", 'fail-on = "never"\n')
    assert main(["config"]) == 0
    assert _config_lines(capsys.readouterr().out)["fail-on"] == "pyproject.toml [tool.numcheck]"
    write(work / "sub" / "draft.md", WRONG)
    assert main(["config", "sub/draft.md"]) == 0
    out = capsys.readouterr().out
    assert 'fail-on = "never"' in out
    assert _config_lines(out)["fail-on"] == os.path.join("sub", "numcheck.toml")


def test_config_with_explicit_file(work, capsys):
    write(work / "numcheck.toml", 'fail-on = "info"\n')
    write(work / "other.toml", 'fail-on = "never"\n')
    assert main(["config", "--config", "other.toml"]) == 0
    out = capsys.readouterr().out
    assert "# config file: other.toml" in out and 'fail-on = "never"' in out


def test_config_subprocess_bad_file(work):
    write(work / "numcheck.toml", 'colour = "always"\n')
    proc = run_cli("config", cwd=work)
    assert proc.returncode == 2 and proc.stdout == b""
    err = proc.stderr.decode()
    assert len(err.splitlines()) == 1 and err.startswith("numcheck: error: numcheck.toml:1: unknown key 'colour'")
    assert "Traceback" not in err


@pytest.mark.parametrize("path", ["nowhere", "nowhere/d.md", "d.md.bak"])
def test_config_of_a_path_that_does_not_exist(work, capsys, path):
    write(work / "numcheck.toml", 'fail-on = "never"\n')
    write(work / "d.md", WRONG)
    assert main(["config", path]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == f"numcheck: error: {path}: no such file or folder\n"
    assert main(["config", "d.md"]) == 0  # the control


def test_config_missing_explicit_file(work, capsys):
    assert main(["config", "--config", "nope.toml"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == "numcheck: error: nope.toml: no such config file\n"


# --- load_config values -------------------------------------------------------------------------


def test_load_config_values_and_origins(tmp_path):
    path = write(tmp_path / "pyproject.toml",
                 '[tool.numcheck]\nselect = ["NC1"]\nhedge-tolerance = 0\ndate = "2015-10-07"\n'
                 '[tool.numcheck.severity]\nweekday-date = "info"\n')
    config = load_config(str(path), known_rules())
    assert config.select == ("NC1",) and config.hedge_tolerance == 0.0
    assert config.date == dt.date(2015, 10, 7)
    assert config.severity == {"NC301": "info"}
    assert config.path == str(path) and config.root == str(tmp_path)
    assert config.origin("select").endswith("pyproject.toml [tool.numcheck]")
    assert config.origin("ignore") == "default"
    overridden = config.with_overrides(select=("NC2",), fail_on=None)
    assert overridden.select == ("NC2",) and overridden.origin("select") == "command line"
    assert overridden.origin("fail-on") == "default"
