"""NC401 reference-conflict and the verdicts behind it, through `check_text` and `numcheck check`.

The figures of the seed story are checked against the shipped reference/ tables (its facts sheet
and the World Bank's population and GDP); a wrong copy of the story gets exactly one error, on
its line, naming the row, its source and the table's file and line. Time is read from the
sentence, then the document's date, then the nearest row (a weaker match). A figure that matches
nothing is unmatched, never an error. The CLI lists verified and unmatched figures when asked,
reports a bad table while still using the good ones, and finds reference/ by itself.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck.api import check_text
from numcheck.checks import Settings
from numcheck.cli import main
from numcheck.tables import load_references, references_from_csv

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / "reference"
SEED_NAME = "seeds/caspian-strikes-2015.txt"
SEED = (REPO / SEED_NAME).read_text(encoding="utf-8")
STORY_DATE = dt.date(2015, 10, 7)
POPULATION_SOURCE = tomllib.loads((REFERENCE / "population.toml").read_text(encoding="utf-8"))["source"]
GDP_SOURCE = tomllib.loads((REFERENCE / "gdp.toml").read_text(encoding="utf-8"))["source"]
SEED_SOURCE = "Russian Ministry of Defence statements, 7 October 2015"


@pytest.fixture(scope="module")
def refs():
    refs, errors = load_references([REFERENCE])
    assert [str(e) for e in errors] == []
    return refs


def _check(refs, text: str, date: dt.date | None = None, path: str = "<text>"):
    return check_text(text, path, date=date, settings=Settings(references=refs))


def _table_line(path: Path, startswith: str) -> int:
    """The 1-based line of the one row of a table that starts so (found, not assumed)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if line.startswith(startswith)]
    assert len(hits) == 1, (path, startswith, hits)
    return hits[0]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _errors(result):
    return [f for f in result.findings if f.severity == "error"]


def _verdict(result, surface: str, occurrence: int = 0):
    """The verdict on the figure written `surface` (the occurrence-th one)."""
    found = [v for v in result.verdicts if v.figure.text == surface]
    assert len(found) > occurrence, (surface, [(v.figure.text, v.status) for v in result.verdicts])
    return found[occurrence]


# --- the seed story ---------------------------------------------------------------------------

def test_seed_has_no_error_and_its_facts_are_verified(refs):
    result = _check(refs, SEED, path=SEED_NAME)
    assert _errors(result) == []
    assert [f for f in result.findings if f.rule == "NC401"] == []
    verified = [v for v in result.verdicts if v.status == "consistent"]

    missiles = [v for v in verified if v.figure.text == "26"]
    assert len(missiles) == 1
    (v,) = missiles
    assert v.fact.subjects[0] == "Caspian Sea missile strike" and v.fact.measures[0] == "cruise missiles"
    assert v.fact.value == 26 and not v.weak
    assert v.figure.start == SEED.index("26 cruise missiles")

    ships = [v for v in verified if v.figure.start == SEED.index("fourRussian")]
    assert len(ships) == 1
    (v,) = ships
    assert v.figure.text == "four"
    assert v.fact.subjects[0] == "Caspian Sea missile strike" and v.fact.measures[0] == "ships"
    assert v.fact.value == 4 and not v.weak


def test_seed_with_its_date_also_verifies_the_coalition_interval(refs):
    # the story is of 7 October 2015: "more than a year after a US-led coalition began air strikes"
    result = _check(refs, SEED, date=STORY_DATE, path=SEED_NAME)
    assert _errors(result) == []
    v = _verdict(result, "more than a year")
    assert v.status == "consistent"
    assert v.fact.date == dt.date(2014, 9, 23)
    assert v.fact.subjects[0] == "US-led coalition strikes in Syria"


@pytest.mark.parametrize("old, new, subject, measure, value, wrong", [
    ("26 cruise missiles", "36 cruise missiles", "Caspian Sea missile strike", "cruise missiles", "26", "36"),
    ("fourRussian navy ships", "five Russian navy ships", "Caspian Sea missile strike", "ships", "4", "five"),
])
def test_a_wrong_seed_copy_has_one_nc401_error_on_its_line(refs, old, new, subject, measure, value, wrong):
    assert SEED.count(old) == 1
    text = SEED.replace(old, new)
    result = _check(refs, text, path="copy.txt")
    errors = _errors(result)
    assert [f.rule for f in errors] == ["NC401"], [f.message for f in errors]
    (f,) = errors
    assert _line_of(text, f.start) == _line_of(text, text.index(new))
    assert text[f.start:f.end] == wrong
    table = REFERENCE / "seed-facts.csv"
    line = _table_line(table, f"Caspian Sea missile strike|Caspian|Kalibr|Russian Defense Ministry|Shoigu,{measure}|")
    assert f.message.startswith(f"{subject}, {measure}")
    assert f": {value} (" in f.message
    assert SEED_SOURCE in f.message
    assert f"{table}, line {line}" in f.message
    assert f"the text says {wrong}" in f.message


# --- the World Bank tables ----------------------------------------------------------------------

def test_germany_population_consistent(refs):
    result = _check(refs, "Germany had 83 million people in 2020.")
    assert result.findings == ()
    v = _verdict(result, "83 million")
    assert v.status == "consistent" and not v.weak
    assert v.fact.value == 83160871 and v.fact.as_of == 2020


def test_germany_population_conflict_names_row_source_and_line(refs):
    text = "Germany had 93 million people in 2020."
    result = _check(refs, text)
    assert len(result.findings) == 1
    (f,) = result.findings
    assert (f.rule, f.severity) == ("NC401", "error")
    assert text[f.start:f.end] == "93 million"
    line = _table_line(REFERENCE / "population.csv", "Germany,DEU,2020,")
    assert "Germany, population in 2020: 83,160,871" in f.message
    assert POPULATION_SOURCE in f.message
    assert f"{REFERENCE / 'population.csv'}, line {line}" in f.message
    assert _verdict(result, "93 million").status == "conflict"


@pytest.mark.parametrize("text", [
    "India's population of 1.4 billion in 2022 ...",
    "India's population of 1.4 billion in 2022 made it the world's most populous country.",
    "India's population of 1.4 billion in 2022 makes it the world's most populous country.",
])
def test_india_population_consistent(refs, text):
    result = _check(refs, text)
    assert [f for f in result.findings if f.rule == "NC401"] == [], [f.message for f in result.findings]
    v = _verdict(result, "1.4 billion")
    assert v.status == "consistent"
    assert v.fact.subjects[0] == "India" and v.fact.as_of == 2022 and not v.weak


def test_france_gdp_consistent(refs):
    result = _check(refs, "France's GDP was $2.6 trillion in 2020.")
    assert result.findings == ()
    v = _verdict(result, "$2.6 trillion")
    assert v.status == "consistent"
    assert v.fact.subjects[0] == "France" and v.fact.unit == "USD" and v.fact.as_of == 2020


def test_france_gdp_conflict(refs):
    text = "France's GDP was $4.6 trillion in 2020."
    result = _check(refs, text)
    (f,) = result.findings
    assert (f.rule, f.severity) == ("NC401", "error")
    line = _table_line(REFERENCE / "gdp.csv", "France,FRA,2020,")
    assert "France, GDP in 2020: 2.647 trillion USD" in f.message
    assert GDP_SOURCE in f.message
    assert f"{REFERENCE / 'gdp.csv'}, line {line}" in f.message


# --- date facts ---------------------------------------------------------------------------------

COALITION = "{} after a US-led coalition began air strikes against IS in Syria, Russia began its own."


def test_two_years_after_the_coalition_began_is_an_error(refs):
    text = COALITION.format("More than two years")
    result = _check(refs, text, date=STORY_DATE)
    errors = _errors(result)
    assert [f.rule for f in errors] == ["NC401"]
    (f,) = errors
    assert text[f.start:f.end] == "More than two years"
    assert "US-led coalition strikes in Syria, start date: 2014-09-23" in f.message
    line = _table_line(REFERENCE / "seed-facts.csv", "US-led coalition strikes in Syria|")
    assert f"{REFERENCE / 'seed-facts.csv'}, line {line}" in f.message
    v = _verdict(result, "More than two years")
    assert v.status == "conflict" and v.fact.date == dt.date(2014, 9, 23)


def test_a_year_after_the_coalition_began_is_consistent(refs):
    result = _check(refs, COALITION.format("More than a year"), date=STORY_DATE)
    assert [f for f in result.findings if f.rule == "NC401"] == []
    v = _verdict(result, "More than a year")
    assert v.status == "consistent" and v.fact.date == dt.date(2014, 9, 23)


def test_date_fact_needs_the_documents_date(refs):
    # with no date for the draft, nothing can be counted from the start date
    result = _check(refs, COALITION.format("More than two years"))
    assert [f for f in result.findings if f.rule == "NC401"] == []
    assert _verdict(result, "More than two years").status == "unmatched"


# --- time: the sentence's year, the document's year, the nearest row ------------------------------

def test_year_in_the_sentence_picks_that_row(refs):
    right = _verdict(_check(refs, "Germany had 79 million people in 1990."), "79 million")
    assert right.status == "consistent" and right.fact.as_of == 1990 and not right.weak
    # 83 million is right for 2020, not for 1990: the sentence's year decides
    wrong = _check(refs, "Germany had 83 million people in 1990.", date=dt.date(2020, 6, 1))
    v = _verdict(wrong, "83 million")
    assert v.status == "conflict" and v.fact.as_of == 1990 and not v.weak
    assert [f.rule for f in _errors(wrong)] == ["NC401"]


def test_each_figure_takes_the_year_written_with_it(refs):
    result = _check(refs, "Germany had 83 million people in 2020, up from 79 million in 1990.")
    now, then = _verdict(result, "83 million"), _verdict(result, "79 million")
    assert now.status == "consistent" and now.fact.as_of == 2020
    assert then.status == "consistent" and then.fact.as_of == 1990
    assert [f for f in result.findings if f.rule == "NC401"] == []


def test_no_year_in_the_sentence_uses_the_documents_year(refs):
    v = _verdict(_check(refs, "Germany had 79 million people.", date=dt.date(1990, 5, 1)), "79 million")
    assert v.status == "consistent" and v.fact.as_of == 1990 and not v.weak
    result = _check(refs, "Germany had 93 million people.", date=dt.date(2020, 5, 1))
    v = _verdict(result, "93 million")
    assert v.status == "conflict" and v.fact.as_of == 2020 and not v.weak
    assert [f.rule for f in _errors(result)] == ["NC401"]


def test_no_year_anywhere_uses_the_nearest_row_and_is_weak(refs):
    latest = max(f.year for f in refs.lookup("germany", "population"))
    v = _verdict(_check(refs, "Germany had 84 million people."), "84 million")
    assert v.status == "consistent"
    assert v.weak
    assert v.fact.as_of == latest


def test_nearest_row_to_the_documents_year_is_weak():
    refs = references_from_csv("subject,measure,value,as_of,source\n"
                               "Atlantis,population|people,1000000,2010,Census\n"
                               "Atlantis,population|people,2000000,2020,Census\n")
    # the document's year (2018) has no row: the nearest one (2020) is used, and said to be weaker
    v = _verdict(_check(refs, "Atlantis had 2 million people.", date=dt.date(2018, 1, 1)), "2 million")
    assert v.status == "consistent" and v.weak and v.fact.as_of == 2020
    v = _verdict(_check(refs, "Atlantis had 2 million people in 2020.", date=dt.date(2018, 1, 1)), "2 million")
    assert v.status == "consistent" and not v.weak


def test_a_weak_conflict_says_so(refs):
    result = _check(refs, "Germany had 93 million people.")
    v = _verdict(result, "93 million")
    assert v.status == "conflict" and v.weak
    assert "the nearest year" in v.message
    assert [f.message for f in result.findings if f.rule == "NC401"] == [v.message]


# --- what matches nothing ---------------------------------------------------------------------

@pytest.mark.parametrize("text, surface", [
    ("Germany had 12 zebras in 2020.", "12"),  # no such measure
    ("Atlantis had 12 million people in 2020.", "12 million"),  # no such subject
    ("Nobody knows how many people live there: 12 million.", "12 million"),  # no subject at all
])
def test_no_subject_or_measure_is_unmatched_not_an_error(refs, text, surface):
    result = _check(refs, text)
    assert [f for f in result.findings if f.rule == "NC401"] == []
    v = _verdict(result, surface)
    assert v.status == "unmatched" and v.fact is None


def test_a_code_in_a_line_of_capitals_is_a_word(refs):
    """"AND" is Andorra's code, but in a heading set in capitals it is the word."""
    text = ("THE DISTRICT OF COLUMBIA AND THE CITY OF WASHINGTON The city is beautiful, "
            "with a population of 352,936 in 1912.")
    result = _check(refs, text)
    assert [f for f in result.findings if f.rule == "NC401"] == []
    assert _verdict(result, "352,936").status == "unmatched"
    # a code among other codes or acronyms is still a name: these figures are checked against their rows
    coded = _check(refs, "The USA, UK and EU met. The UK had a population of 90 million in 2020.")
    assert _verdict(coded, "90 million").status == "conflict"
    for text in ("US GDP was $90 trillion in 2020.", "According to IMF WEO data, US GDP was $90 trillion in 2020."):
        assert _verdict(_check(refs, text), "$90 trillion").status == "conflict", text


# --- the measure is the figure's own -------------------------------------------------------------

CATS = "subject,measure,value,as_of,source\nFoo,cats,12,2020,shelter\nBar,cats,5,2020,shelter\n"


def _cats(text: str):
    return check_text(text, settings=Settings(references=references_from_csv(CATS, "cats.csv")))


@pytest.mark.parametrize("text", [
    "In 2020 Foo had 13 cats and Foo had 14 dogs.",
    "In 2020 Foo had 14 dogs and 13 cats.",
    "In 2020 Foo had 14 dogs, 13 cats and 3 parrots.",
])
def test_the_measure_of_another_figure_is_not_this_figures(text):
    """"cats" belongs to 13: the dogs are not checked against the cats row."""
    result = _cats(text)
    assert _verdict(result, "13").status == "conflict"
    assert _verdict(result, "14").status == "unmatched"
    assert [f.message.split(";")[-1].strip() for f in result.findings if f.rule == "NC401"] == ["the text says 13"]


def test_a_figure_counting_something_else_is_not_about_a_measure_named_near_it():
    assert _verdict(_cats("In 2020 Foo's cats outnumbered its 14 dogs."), "14").status == "unmatched"
    # "a population of N souls": the measure a figure is "of" is its measure, whatever its noun
    assert _verdict(_cats("In 2020 Foo had a cats population of 13 animals."), "13").status == "conflict"
    assert _verdict(_cats("In 2020 Foo's cats numbered 13."), "13").status == "conflict"  # no noun: words before


@pytest.mark.parametrize("text, surface, status, subject", [
    ("In 2020 Foo had 12 cats and Bar had 7.", "7", "conflict", "Bar"),
    ("In 2020 Foo had 12 cats and Bar had 5.", "5", "consistent", "Bar"),
])
def test_a_figure_without_a_noun_shares_its_neighbours(text, surface, status, subject):
    v = _verdict(_cats(text), surface)
    assert (v.status, v.fact.subjects[0] if v.fact else None) == (status, subject)


def test_a_change_or_range_shares_one_noun(refs):
    result = _check(refs, "Germany had 83 million people in 2020, up from 79 million in 1990.")
    assert [(v.figure.text, v.status, v.fact.as_of) for v in result.verdicts] == [
        ("83 million", "consistent", 2020), ("79 million", "consistent", 1990)]
    table = references_from_csv(CATS + "Foo,cats,9,2019,shelter\n", "cats.csv")
    for text in ("Foo went from 9 in 2019 to 12 cats in 2020.", "Foo had 12 cats in 2020, up from 9 in 2019."):
        result = check_text(text, settings=Settings(references=table))
        assert sorted((v.figure.text, v.status, v.fact.as_of) for v in result.verdicts) == [
            ("12", "consistent", 2020), ("9", "consistent", 2019)], text
    result = check_text("Foo went from 19 in 2019 to 12 cats in 2020.", settings=Settings(references=table))
    assert _verdict(result, "19").status == "conflict"


def test_no_tables_no_verdicts():
    result = check_text("Germany had 93 million people in 2020.")
    assert result.verdicts == ()
    assert [f for f in result.findings if f.rule == "NC401"] == []


# --- the command line ---------------------------------------------------------------------------

def run_cli(*args: str, cwd: Path = REPO):
    return subprocess.run([sys.executable, "-m", "numcheck", *args], capture_output=True, cwd=cwd, timeout=120)


def test_cli_seed_with_reference_exits_0():
    proc = run_cli("check", "--reference", "reference/", SEED_NAME)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
    assert proc.stderr == b""
    summary = proc.stdout.decode().splitlines()[-1]
    assert "0 errors" in summary and "verified against reference tables" in summary


def test_cli_show_verified_text():
    proc = run_cli("check", "--reference", "reference/", "--show-verified", SEED_NAME)
    assert proc.returncode == 0
    out = proc.stdout.decode()
    seed_line = _line_of(SEED, SEED.index("26 cruise missiles"))
    col_26 = SEED.index("26 cruise missiles") - SEED.rfind("\n", 0, SEED.index("26 cruise missiles"))
    col_four = SEED.index("fourRussian") - SEED.rfind("\n", 0, SEED.index("fourRussian"))
    verified = [line for line in out.splitlines() if ": verified" in line]
    assert any(line.startswith(f"{SEED_NAME}:{seed_line}:{col_26}: verified: Caspian Sea missile strike, "
                               f"cruise missiles") and "reference/seed-facts.csv, line" in line
               for line in verified), verified
    assert any(line.startswith(f"{SEED_NAME}:{seed_line}:{col_four}: verified: Caspian Sea missile strike, ships")
               for line in verified), verified
    assert f"{len(verified)} verified against reference tables" in out.splitlines()[-1]
    # without the option, only the count
    plain = run_cli("check", "--reference", "reference/", SEED_NAME).stdout.decode()
    assert ": verified" not in plain and f"{len(verified)} verified" in plain.splitlines()[-1]


def test_cli_show_verified_and_unmatched_json():
    proc = run_cli("check", "--reference", "reference/", "--show-verified", "--show-unmatched",
                   "--format", "json", SEED_NAME)
    assert proc.returncode == 0
    doc = json.loads(proc.stdout)
    # the version 1 keys are there as before
    assert doc["version"] == 1
    assert doc["findings"] == [] or all(f["severity"] != "error" for f in doc["findings"])
    assert {"files", "quantities", "findings"} <= set(doc["summary"])
    assert doc["summary"]["files"] == 1
    assert set(doc["summary"]["findings"]) == {"error", "warning", "info"}
    # the additions
    assert doc["summary"]["verified"] == len(doc["verified"]) >= 2
    assert doc["summary"]["unmatched"] == len(doc["unmatched"])
    line = _line_of(SEED, SEED.index("26 cruise missiles"))
    by_surface = {(v["line"], v["surface"]): v for v in doc["verified"]}
    assert (line, "26") in by_surface and (line, "four") in by_surface
    assert "Caspian Sea missile strike, cruise missiles" in by_surface[(line, "26")]["message"]
    assert all(v["path"] == SEED_NAME for v in doc["verified"] + doc["unmatched"])
    assert {(v["line"], v["surface"]) for v in doc["verified"]}.isdisjoint(
        (v["line"], v["surface"]) for v in doc["unmatched"])


def test_cli_json_without_the_options_has_counts_only():
    doc = json.loads(run_cli("check", "--reference", "reference/", "--format", "json", SEED_NAME).stdout)
    assert "verified" not in doc and "unmatched" not in doc
    assert doc["summary"]["verified"] >= 2 and isinstance(doc["summary"]["unmatched"], int)


def test_cli_show_unmatched_text(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Germany had 83 million people in 2020 and 12 zebras.\n", encoding="utf-8")
    proc = run_cli("check", "--reference", str(REFERENCE), "--show-unmatched", str(draft))
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    col = "Germany had 83 million people in 2020 and 12 zebras.".index("12") + 1
    assert f"{draft}:1:{col}: unmatched: 12" in lines
    assert not any("unmatched: 83 million" in line for line in lines)
    assert lines[-1].endswith("1 verified against reference tables, 1 unmatched")


GOOD = "subject,measure,value,as_of,source\nAtlantis,population|people,2000000,2020,Atlantis census\n"
BAD = ("subject,measure,value,as_of,source\n"
       "Lemuria,population|people,500,2020,Lemuria census\n"
       "Lemuria,ships,twelve,2020,Lemuria navy\n")
TWO = "Atlantis had 3 million people in 2020.\nLemuria had 900 people in 2020.\n"


@pytest.fixture
def tables(tmp_path):
    (tmp_path / "good.csv").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.csv").write_text(BAD, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(TWO, encoding="utf-8")
    return tmp_path


def _assert_bad_table_reported(out: str, err: str, bad: str):
    assert err.splitlines() == [f"numcheck: error: {bad}:3: value 'twelve' is neither a number nor a date "
                                "(YYYY-MM-DD)"]
    doc = json.loads(out)
    nc401 = [f for f in doc["findings"] if f["rule"] == "NC401"]
    # the good table's finding is reported; the bad table's row for Lemuria (line 2) is not used
    assert [(f["line"], f["severity"]) for f in nc401] == [(1, "error")]
    assert "Atlantis census" in nc401[0]["message"] and "good.csv, line 2" in nc401[0]["message"]
    assert not any("Lemuria" in f["message"] for f in doc["findings"])
    assert [v["surface"] for v in doc["unmatched"]] == ["900"]


def test_cli_bad_table_among_good_ones_subprocess(tables):
    proc = run_cli("check", "--reference", "good.csv", "--reference", "bad.csv", "--reference", str(REFERENCE),
                   "--format", "json", "--show-unmatched", "draft.txt", cwd=tables)
    assert proc.returncode == 2
    _assert_bad_table_reported(proc.stdout.decode(), proc.stderr.decode(), "bad.csv")


def test_cli_bad_table_in_a_folder_in_process(tables, capsys, monkeypatch):
    monkeypatch.chdir(tables)
    assert main(["check", "--reference", ".", "--format", "json", "--show-unmatched", "draft.txt"]) == 2
    out, err = capsys.readouterr()
    _assert_bad_table_reported(out, err, "./bad.csv")


def test_cli_bad_table_does_not_hide_the_seed_error(tables, capsys, monkeypatch):
    (tables / "copy.txt").write_text(SEED.replace("26 cruise missiles", "36 cruise missiles"), encoding="utf-8")
    monkeypatch.chdir(tables)
    assert main(["check", "--reference", str(REFERENCE), "--reference", "bad.csv", "copy.txt"]) == 2
    out, err = capsys.readouterr()
    assert err.startswith("numcheck: error: bad.csv:3: ")
    assert len(err.splitlines()) == 1
    line = _line_of(SEED, SEED.index("26 cruise missiles"))
    assert f"copy.txt:{line}:" in out and "NC401 error" in out and "the text says 36" in out


def test_cli_in_process_seed(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert main(["check", "--reference", "reference/", "--show-verified", SEED_NAME]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert sum(": verified" in line for line in out.splitlines()) >= 2


ATLANTIS_WRONG = "Atlantis had 3 million people in 2020.\n"


def test_reference_in_the_working_folder_is_used_by_default(tmp_path):
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "facts.csv").write_text(GOOD, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(ATLANTIS_WRONG, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "draft.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()
    assert proc.stderr == b""
    doc = json.loads(proc.stdout)
    (f,) = [f for f in doc["findings"] if f["rule"] == "NC401"]
    assert "Atlantis census" in f["message"] and "facts.csv, line 2" in f["message"]
    assert doc["summary"]["verified"] == 0 and doc["summary"]["unmatched"] == 0


def test_reference_beside_the_draft_is_used_by_default(tmp_path, capsys, monkeypatch):
    story = tmp_path / "story"
    (story / "reference").mkdir(parents=True)
    (story / "reference" / "facts.csv").write_text(GOOD, encoding="utf-8")
    (story / "draft.txt").write_text(ATLANTIS_WRONG, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = run_cli("check", str(story / "draft.txt"), cwd=elsewhere)
    assert proc.returncode == 1, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "NC401 error" in out and "Atlantis census" in out
    # and in-process, naming the draft's folder
    monkeypatch.chdir(elsewhere)
    assert main(["check", str(story)]) == 1
    assert "NC401 error" in capsys.readouterr().out


def test_no_reference_folder_no_table_check(tmp_path):
    (tmp_path / "draft.txt").write_text(ATLANTIS_WRONG, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "draft.txt", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == b""
    doc = json.loads(proc.stdout)
    assert "verified" not in doc["summary"] and doc["findings"] == []


# --- ranks and growth, computed from the table --------------------------------------------------

@pytest.mark.parametrize(("text", "status"), [
    ("In 2020 India was the second most populous country.", "consistent"),
    ("In 2020 India was the third most populous country.", "conflict"),
    ("Japan, the third largest economy in 2020, slowed.", "consistent"),
    ("Japan, the second largest economy in 2020, slowed.", "conflict"),
])
def test_rank_is_computed_from_the_table_without_aggregates(refs, text, status):
    """'World' and the income groups are rows of the table but not countries: India is 2nd, not 4th."""
    result = _check(refs, text)
    ordinal = [v for v in result.verdicts if v.figure.kind == "ordinal"]
    assert [v.status for v in ordinal] == [status], [v.message for v in ordinal]
    errors = [f for f in result.findings if f.rule == "NC401"]
    assert len(errors) == (status == "conflict")
    if errors:
        assert " ranks " in errors[0].message and "World Bank" in errors[0].message


def test_an_ordinal_without_a_superlative_is_not_a_rank(refs):
    result = _check(refs, "She finished second in the race in France in 2020.")
    assert [v.status for v in result.verdicts if v.figure.kind == "ordinal"] == ["unmatched"]


@pytest.mark.parametrize(("text", "status"), [
    ("Germany's population grew 2% between 2010 and 2020.", "consistent"),
    ("Germany's population grew 5% between 2010 and 2020.", "conflict"),
    ("India's GDP rose 27% from 2015 to 2020.", "consistent"),
    ("India's GDP rose 40% from 2015 to 2020.", "conflict"),
])
def test_growth_between_two_years_is_computed_from_the_table(refs, text, status):
    result = _check(refs, text)
    percents = [v for v in result.verdicts if v.figure.kind == "percent"]
    assert [v.status for v in percents] == [status], [v.message for v in percents]
    if status == "conflict":
        (f,) = [f for f in result.findings if f.rule == "NC401"]
        assert "the table gives a change of" in f.message


@pytest.mark.parametrize("text", [
    "Japan, a country of 125 million people, first hosted the Olympics in 1964.",
    "Germany, home to 84 million people, was reunified in 1990.",
])
def test_a_year_of_another_clause_is_not_the_figures_year(refs, text):
    """The year belongs to the Olympics or to reunification, not to the population figure."""
    result = _check(refs, text)
    assert [f for f in result.findings if f.severity == "error"] == []


def test_the_documents_year_allows_for_figures_published_a_year_or_two_late(refs):
    """A story dated June 2024 may quote the latest published figure, for 2022 or 2023."""
    result = _check(refs, "Luxembourg, a country of 660,000 people, is small.", date=dt.date(2024, 6, 1))
    assert _verdict(result, "660,000").status == "consistent"
    result = _check(refs, "Luxembourg, a country of 900,000 people, is small.", date=dt.date(2024, 6, 1))
    assert _verdict(result, "900,000").status == "conflict"
