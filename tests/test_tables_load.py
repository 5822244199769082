"""Reference tables: the shipped tables in reference/ load whole and right, and a table with a
fault is reported as `file:line: message` and not used at all, while a good table beside it is."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import sys
from pathlib import Path

import pytest

from numcheck.tables import load_references

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "reference"


@pytest.fixture(scope="module")
def shipped():
    return load_references([REFERENCE])


def _key(refs, subject: str, measure: str) -> tuple[str, str]:
    (key,) = refs.subject_names[subject.lower()]  # a name may lead to several subjects; these to one
    return key, refs.measure_names[measure.lower()]


def _fact(refs, subject: str, measure: str, as_of=None):
    facts = refs.lookup(*_key(refs, subject, measure))
    if as_of is not None:
        facts = [f for f in facts if f.as_of == as_of]
    assert len(facts) == 1, [f.describe() for f in facts]
    return facts[0]


# --- the shipped tables ----------------------------------------------------------------------

def test_shipped_tables_load_with_no_error(shipped):
    refs, errors = shipped
    assert [str(e) for e in errors] == []
    assert sorted(Path(t).name for t in refs.tables) == ["gdp.toml", "population.toml", "seed-facts.csv"]
    by_file: dict[str, int] = {}
    for f in refs.facts:
        by_file[Path(f.path).name] = by_file.get(Path(f.path).name, 0) + 1
    # every row of the published tables has a value; the descriptors claim their CSVs
    assert by_file == {"population.csv": 17195, "gdp.csv": 13979, "seed-facts.csv": 6}


def test_population_fact(shipped):
    refs, _ = shipped
    assert refs.subject_names["germany"] == ["germany"]
    f = _fact(refs, "Germany", "population", 2020)
    assert f.value == 83160871
    assert f.unit is None and f.date is None and f.tolerance == 0.01  # population.toml: sources differ by ~1%
    assert f.year == 2020
    assert f.source == "World Bank, World Development Indicators: Population, total (SP.POP.TOTL)"
    assert Path(f.path) == REFERENCE / "population.csv"
    assert f.line == 3637
    lines = (REFERENCE / "population.csv").read_text(encoding="utf-8").splitlines()
    assert lines[f.line - 1] == "Germany,DEU,2020,83160871"  # the line is 1-based, header is line 1
    assert len(refs.lookup("germany", "population")) == 65  # 1960-2024
    assert refs.lookup("germany", "population") == refs.lookup(*_key(refs, "DEU", "inhabitants"))


def test_gdp_fact(shipped):
    refs, _ = shipped
    f = _fact(refs, "Germany", "GDP", 2020)
    assert f.value == pytest.approx(3887727161914.4077)
    assert f.unit == "USD"
    assert f.as_of == 2020
    assert f.source == "World Bank, World Development Indicators: GDP (current US$) (NY.GDP.MKTP.CD)"
    assert Path(f.path) == REFERENCE / "gdp.csv" and f.line == 4624
    assert _key(refs, "Germany", "gross domestic product") == ("germany", "gdp")
    assert _key(refs, "Germany", "economic output") == ("germany", "gdp")


def test_aliases_resolve(shipped):
    refs, _ = shipped
    names = refs.subject_names
    assert names["south korea"] == names["kor"] == names["korea, rep."] == ["korea, rep."]
    assert names["north korea"] == ["korea, dem. people's rep."]
    assert names["turkey"] == names["türkiye"] == ["turkiye"]
    for us in ("us", "u.s.", "usa", "america", "united states of america"):
        assert names[us] == ["united states"], us
    for uk in ("uk", "britain", "great britain", "gbr"):
        assert names[uk] == ["united kingdom"], uk
    assert "russian federation" in names["russia"]
    assert names["czech republic"] == names["czechia"] == ["czechia"]
    assert names["dr congo"] == ["congo, dem. rep."] and names["republic of the congo"] == ["congo, rep."]
    assert "congo" not in names  # two countries: no bare alias
    assert _fact(refs, "South Korea", "GDP", 2023).value == pytest.approx(1712792854202.3687)
    assert _fact(refs, "South Korea", "GDP", 2023).line == 6740
    # North Korea is in the population table only
    assert refs.lookup("korea, dem. people's rep.", "gdp") == []
    assert len(refs.lookup("korea, dem. people's rep.", "population")) == 65


@pytest.mark.parametrize("descriptor", ["population.toml", "gdp.toml"])
def test_every_alias_names_a_country_in_its_table(descriptor):
    desc = tomllib.loads((REFERENCE / descriptor).read_text(encoding="utf-8"))
    with open(REFERENCE / desc["table"], encoding="utf-8", newline="") as fh:
        names = {row[desc["subject"]] for row in csv.DictReader(fh)}
    lower = {n.lower() for n in names}
    assert len(desc["aliases"]) >= 50
    for alias, target in desc["aliases"].items():
        assert target in names, f"{descriptor}: {alias!r} -> {target!r} is not a Country Name"
        assert alias.lower() not in lower, f"{descriptor}: {alias!r} is already a name in the table"


def test_seed_facts(shipped):
    refs, _ = shipped
    strike = dt.date(2015, 10, 7)
    source = "Russian Ministry of Defence statements, 7 October 2015"
    missiles = _fact(refs, "Shoigu", "cruise missiles")
    ships = _fact(refs, "Caspian", "navy ships")
    targets = _fact(refs, "Kalibr", "targets")
    reach = _fact(refs, "Caspian Sea missile strike", "distance")
    assert (missiles.value, ships.value, targets.value, reach.value) == (26, 4, 11, 1500)
    for f in (missiles, ships, targets, reach):
        assert f.as_of == strike and f.year == 2015 and f.source == source and f.date is None
        assert Path(f.path) == REFERENCE / "seed-facts.csv"
    assert [missiles.line, ships.line, targets.line, reach.line] == [2, 3, 4, 5]
    assert missiles.unit is None and missiles.tolerance == 0
    assert reach.unit == "kilometre" and reach.tolerance == 0.05
    assert dict(ships.extra)["detail"] == ("the frigate Dagestan and the corvettes Grad Sviyazhsk, "
                                           "Uglich and Veliky Ustyug")
    assert "Veliky Ustyug" in ships.describe()
    assert _key(refs, "Russian Defense Ministry", "warships") == ("caspian sea missile strike", "ships")
    assert _key(refs, "Kalibr", "Kalibr missiles") == ("caspian sea missile strike", "cruise missiles")

    russia = _fact(refs, "Russian airstrikes", "began")
    assert russia.date == dt.date(2015, 9, 30) and russia.value is None and russia.line == 6
    coalition = _fact(refs, "U.S.-led coalition", "started")
    assert coalition.date == dt.date(2014, 9, 23) and coalition.value is None and coalition.line == 7
    assert _key(refs, "US-led coalition", "launched") == ("us-led coalition strikes in syria", "start date")


def _git_blob_id(path: Path) -> str:
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@pytest.mark.parametrize("name", ["population.csv", "gdp.csv"])
def test_published_tables_are_unchanged(name):
    """The copies are the upstream files byte for byte: the blob id the NOTICE gives."""
    notice = (REFERENCE / "NOTICE.md").read_text(encoding="utf-8")
    section = notice.split(f"## {name}")[1].split("\n## ")[0]
    blob = re.search(r"git blob\s+`([0-9a-f]{40})`", section).group(1)
    assert _git_blob_id(REFERENCE / name) == blob
    shared = ROOT.parent / "shared" / "data" / name.split(".")[0] / name
    if shared.exists():
        assert (REFERENCE / name).read_bytes() == shared.read_bytes()


# --- tables with a fault ---------------------------------------------------------------------

GOOD = "subject,measure,value,unit,as_of,source\nGood Harbour,berths,12,,2020,harbour office\n"

HEADER = "subject,measure,value,unit,as_of,tolerance,source\n"
ROW = "Bad Harbour,cranes,7,,2020,,port\n"  # a good row: it must not be used when another row is bad

BAD_TABLES = {
    "missing required column": (
        "bad.csv", "subject,value\nBad Harbour,7\n",
        "bad.csv", 1, "missing required column measure (the header is: subject, value)"),
    "two missing required columns": (
        "bad.csv", "name,amount\nBad Harbour,7\n",
        "bad.csv", 1, "missing required columns subject, measure, value (the header is: name, amount)"),
    "unreadable value": (
        "bad.csv", HEADER + ROW + "Bad Harbour,tugs,twelve,,2020,,port\n",
        "bad.csv", 3, "value 'twelve' is neither a number nor a date (YYYY-MM-DD)"),
    "unknown unit": (
        "bad.csv", HEADER + ROW + "Bad Harbour,quay,300,zorks,2020,,port\n",
        "bad.csv", 3, "unit 'zorks' is not a unit numcheck knows; for a count, leave unit empty (measure says "
                     "what is counted)"),
    "bad as_of": (
        "bad.csv", HEADER + ROW + "Bad Harbour,tugs,3,,2015-02-30,,port\n",
        "bad.csv", 3, "as_of '2015-02-30' is neither a year nor a date (YYYY-MM-DD)"),
    "bad tolerance": (
        "bad.csv", HEADER + ROW + "Bad Harbour,tugs,3,,2020,5%,port\n",
        "bad.csv", 3, "tolerance '5%' is not a fraction between 0 and 1 (0.02 is 2%)"),
    "tolerance of 1 or more": (
        "bad.csv", HEADER + ROW + "Bad Harbour,tugs,3,,2020,1.5,port\n",
        "bad.csv", 3, "tolerance '1.5' is not a fraction between 0 and 1 (0.02 is 2%)"),
    "two values for one subject, measure and time": (
        "bad.csv", HEADER + ROW + "Bad Harbour,tugs,3,,2020,,port\nBad Harbour,cranes,8,,2020,,port\n",
        "bad.csv", 4, "gives Bad Harbour, cranes in 2020 a second value: 8 here, 7 at line 2"),
    "row with more cells than the header": (
        "bad.csv", HEADER + ROW + "Bad Harbour,tugs,3,,2020,,port,extra\n",
        "bad.csv", 3, "has 8 cells but the header has 7"),
    "non-UTF-8 file": (
        "bad.csv", (HEADER + ROW).encode() + "Bad Harbour,tugs,3,,2020,,Sj\u00f8fart\n".encode("latin-1"),
        "bad.csv", 3, "is not UTF-8 text"),
}

TABLE = "Country,Code,Year,Count\nBadland,BDL,2020,100\nBadland,BDL,2021,110\n"
DESCRIPTOR = """\
table = "t.csv"
subject = "Country"
subject_also = ["Code"]
time = "Year"
value = "Count"
measure = "ports"
source = "test"
"""

BAD_DESCRIPTORS = {
    "descriptor names a column that is not there": (
        DESCRIPTOR.replace('time = "Year"', 'time = "Jahr"'), TABLE,
        "t.toml", 4, "time names column 'Jahr', which t.csv does not have (its columns: Country, Code, Year, Count)"),
    "subject_also names a column that is not there": (
        DESCRIPTOR.replace('["Code"]', '["ISO"]'), TABLE,
        "t.toml", 3, "subject_also names column 'ISO', which t.csv does not have "
                     "(its columns: Country, Code, Year, Count)"),
    "unknown descriptor key": (
        DESCRIPTOR + 'units = "USD"\n', TABLE,
        "t.toml", 8, "unknown key 'units' (known: aggregates, aliases, measure, scale, source, subject, subject_also, table, "
                     "time, tolerance, unit, value)"),
    "unknown unit in a descriptor": (
        DESCRIPTOR + 'unit = "zorks"\n', TABLE,
        "t.toml", 8, "unit 'zorks' is not a unit numcheck knows; for a count, leave unit empty (measure says "
                     "what is counted)"),
    "value in a published table that is not a number": (
        DESCRIPTOR, TABLE + "Badland,BDL,2022,n/a\n",
        "t.csv", 4, "value 'n/a' in column 'Count' is not a number"),
    "two values for one year in a published table": (
        DESCRIPTOR, TABLE + "Badland,BDL,2020,120\n",
        "t.csv", 4, "gives Badland, ports in 2020 a second value: 120 here, 100 at line 2"),
    "non-UTF-8 published table": (
        DESCRIPTOR, TABLE.encode() + "C\u00f4te,CIV,2020,5\n".encode("latin-1"),
        "t.csv", 4, "is not UTF-8 text"),
}


def _write(path: Path, content: str | bytes) -> None:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


def _assert_only_error(tmp_path: Path, bad_files: list[Path], error_file: str, line: int, message: str):
    _write(tmp_path / "good.csv", GOOD)
    refs, errors = load_references([tmp_path])
    assert [str(e) for e in errors] == [f"{tmp_path / error_file}:{line}: {message}"]
    (err,) = errors
    assert (Path(err.path), err.line, err.message) == (tmp_path / error_file, line, message)
    # nothing of the bad table is used ...
    bad = {str(p) for p in bad_files}
    assert not [f for f in refs.facts if f.path in bad]
    assert not bad & set(refs.tables)
    assert "bad harbour" not in refs.subject_names and "badland" not in refs.subject_names
    # ... and the good table beside it is
    assert refs.tables == [str(tmp_path / "good.csv")]
    (fact,) = refs.lookup("good harbour", "berths")
    assert (fact.value, fact.as_of, fact.source, fact.line) == (12, 2020, "harbour office", 2)


@pytest.mark.parametrize("case", BAD_TABLES, ids=list(BAD_TABLES))
def test_bad_hand_kept_table(tmp_path, case):
    name, content, error_file, line, message = BAD_TABLES[case]
    _write(tmp_path / name, content)
    _assert_only_error(tmp_path, [tmp_path / name], error_file, line, message)


@pytest.mark.parametrize("case", BAD_DESCRIPTORS, ids=list(BAD_DESCRIPTORS))
def test_bad_published_table(tmp_path, case):
    descriptor, table, error_file, line, message = BAD_DESCRIPTORS[case]
    _write(tmp_path / "t.toml", descriptor)
    _write(tmp_path / "t.csv", table)
    _assert_only_error(tmp_path, [tmp_path / "t.toml", tmp_path / "t.csv"], error_file, line, message)


BROKEN_TOML = DESCRIPTOR.replace('time = "Year"', 'time = "Year')  # line 4: the string is never closed


def test_invalid_toml_is_reported_and_its_table_not_used(tmp_path):
    _write(tmp_path / "t.toml", BROKEN_TOML)
    _write(tmp_path / "t.csv", TABLE)
    _write(tmp_path / "good.csv", GOOD)
    refs, errors = load_references([tmp_path])
    toml_errors = [e for e in errors if Path(e.path) == tmp_path / "t.toml"]
    assert len(toml_errors) == 1
    assert toml_errors[0].message.startswith("is not valid TOML: ")
    assert toml_errors[0].line == 4
    assert refs.tables == [str(tmp_path / "good.csv")]
    assert "badland" not in refs.subject_names
    assert refs.lookup("good harbour", "berths")


def test_invalid_toml_is_one_error_with_its_line(tmp_path):
    _write(tmp_path / "t.toml", BROKEN_TOML)
    _write(tmp_path / "t.csv", TABLE)
    _write(tmp_path / "good.csv", GOOD)
    refs, errors = load_references([tmp_path])
    assert len(errors) == 1, [str(e) for e in errors]
    assert str(errors[0]).startswith(f"{tmp_path / 't.toml'}:4: is not valid TOML")
    assert refs.tables == [str(tmp_path / "good.csv")]


def test_same_value_twice_is_not_a_conflict(tmp_path):
    _write(tmp_path / "t.csv", HEADER + ROW + ROW + "Bad Harbour,cranes,8,,2021,,port\n")
    refs, errors = load_references([tmp_path])
    assert errors == []
    assert sorted(f.value for f in refs.lookup("bad harbour", "cranes")) == [7, 7, 8]


def test_missing_path_is_an_error_and_the_rest_loads(tmp_path):
    _write(tmp_path / "good.csv", GOOD)
    refs, errors = load_references([tmp_path / "nowhere.csv", tmp_path / "good.csv"])
    assert [str(e) for e in errors] == [f"{tmp_path / 'nowhere.csv'}: no such file or folder"]
    assert refs.lookup("good harbour", "berths")


def test_aggregates_are_marked_and_must_be_a_list(tmp_path, shipped):
    refs, _ = shipped
    (world,) = [f for f in refs.lookup("world", "population") if f.as_of == 2020]
    assert world.aggregate
    (germany,) = [f for f in refs.lookup("germany", "population") if f.as_of == 2020]
    assert not germany.aggregate
    _write(tmp_path / "t.toml", DESCRIPTOR + 'aggregates = "WLD"\n')
    _write(tmp_path / "t.csv", TABLE)
    refs, errors = load_references([tmp_path / "t.toml"])
    assert [e.message for e in errors] == ["aggregates must be a list of subject names or codes"]


@pytest.mark.parametrize(("extra", "message"), [
    ("aliases = 5\n", 'aliases must be a table of alias = "name in the table"'),
    ("scale = true\n", "scale must be a positive number"),
    ("scale = 1e400\n", "scale must be a positive number"),
    ("tolerance = true\n", "tolerance must be a fraction between 0 and 1"),
])
def test_descriptor_values_of_the_wrong_type(tmp_path, extra, message):
    _write(tmp_path / "t.toml", DESCRIPTOR + extra)
    _write(tmp_path / "t.csv", TABLE)
    refs, errors = load_references([tmp_path / "t.toml"])
    assert [e.message for e in errors] == [message] and not refs


def test_an_infinite_value_is_not_a_number(tmp_path):
    _write(tmp_path / "t.csv", "subject,measure,value\nAtlantis,people,1e400\n")
    refs, errors = load_references([tmp_path / "t.csv"])
    assert [e.message for e in errors] == ["value '1e400' is neither a number nor a date (YYYY-MM-DD)"]
