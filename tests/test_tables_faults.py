"""Reference tables that used to stop a run or lose rows without a word (issue 10): a published
row without a subject, a descriptor whose measure names nothing, a quote never closed, conflicting
rows under different first names or in two files, rows shorter than the header, many bad rows in
one table, `unit = people`, and an `aliases` column. Each is read or reported as the README says:
`file:line: what is wrong`, every fault of a table at once, the table not used."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.cli import main
from numcheck.tables import load_references, references_from_csv
from numcheck.tables.load import MAX_FAULTS

COUNTRIES = "Country,Code,Year,Count,Note\nBadland,BDL,2020,100,\nBadland,BDL,2021,110,\n"
DESCRIPTOR = ('table = "t.csv"\nsubject = "Country"\nsubject_also = ["Code"]\ntime = "Year"\n'
              'value = "Count"\nmeasure = "ports|harbours"\n')
GOOD = "subject,measure,value,as_of\nGood Harbour,berths,12,2020\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _load(*paths: Path):
    refs, errors = load_references(list(paths))
    return refs, [str(e) for e in errors]


def _published(tmp_path: Path, table: str, descriptor: str = DESCRIPTOR) -> Path:
    _write(tmp_path / "t.csv", table)
    return _write(tmp_path / "t.toml", descriptor)


# --- fault 4: a published row without a subject; a measure that names nothing ----------------------

@pytest.mark.parametrize("row", [",,2022,5,", ",BDL,2022,5,", ",,,,", ",,2022,,note"])
def test_a_published_row_without_a_subject_is_skipped(tmp_path, row):
    """Blank and note rows are common in published tables: skipped, as empty values are."""
    _published(tmp_path, COUNTRIES + row + "\nBadland,BDL,2023,130,\n")
    refs, errors = _load(tmp_path)
    assert errors == []
    assert sorted((f.as_of, f.value, f.line) for f in refs.facts) == [(2020, 100, 2), (2021, 110, 3), (2023, 130, 5)]


@pytest.mark.parametrize("measure", ["|", " | ", "||"])
def test_a_descriptor_measure_that_names_nothing_is_an_error(tmp_path, measure):
    _published(tmp_path, COUNTRIES, DESCRIPTOR.replace('"ports|harbours"', f'"{measure}"'))
    refs, errors = _load(tmp_path)
    assert errors == [f"{tmp_path / 't.toml'}:6: measure {measure!r} names no measure; give one or more names "
                      'separated by "|": measure = "population|people"']
    assert not refs


def test_a_descriptor_time_that_is_not_a_column_name_is_an_error(tmp_path):
    _published(tmp_path, COUNTRIES, DESCRIPTOR.replace('time = "Year"', "time = 5"))
    assert _load(tmp_path)[1] == [f'{tmp_path / "t.toml"}:4: time must be a column name: time = "..."']


# --- fault 6: a quote never closed ---------------------------------------------------------------

def test_a_quote_never_closed_is_reported_where_it_opens(tmp_path):
    table = _write(tmp_path / "t.csv", 'subject,measure,value\nFoo,cats,1\nFoo,"dogs,12\nBar,dogs,3\nBaz,rats,4\n')
    refs, errors = _load(table)
    assert errors == [f'{table}:3: a quoted cell opens on this line and is never closed, so every line after it '
                      'would be read into that one cell (a closing " is missing)']
    assert not refs


def test_a_quote_never_closed_on_the_last_line_is_reported(tmp_path):
    table = _write(tmp_path / "t.csv", 'subject,measure,value\nFoo,cats,1\nBar,dogs,"3\n')
    assert [e.split(": ", 1)[0] for e in _load(table)[1]] == [f"{table}:3"]


def test_a_quote_never_closed_in_a_long_table_is_reported_where_it_opens(tmp_path):
    """csv stops at its field size limit: the fault is still named where the quote opened."""
    rows = "".join(f"X{i},dogs,{i}\n" for i in range(20000))
    table = _write(tmp_path / "t.csv", 'subject,measure,value\nFoo,cats,1\nFoo,"dogs,12\n' + rows)
    (error,) = _load(table)[1]
    assert error.startswith(f"{table}:3: a quoted cell opens on this line and runs on past")
    assert "X1" not in error  # no content of the file beyond what the message needs


def test_a_quote_that_swallows_rows_is_reported(tmp_path):
    """A stray quote closed by another one lines later takes in the rows between."""
    table = _write(tmp_path / "t.csv", 'subject,measure,value\nFoo,"cats,12\nBar,dogs,3\nBaz,"rats",4\nQux,emus,5\n')
    refs, errors = _load(table)
    assert errors == [f"{table}:2: a quoted cell opens on this line and runs to line 4, taking in lines that read "
                      'as rows; is its closing " missing?']
    assert not refs


def test_a_quoted_cell_over_many_lines_is_reported(tmp_path):
    cell = "\n".join(["notes"] * 12)
    table = _write(tmp_path / "t.csv", f'subject,measure,value,detail\nFoo,cats,12,"{cell}"\nBar,dogs,3,\n')
    assert _load(table)[1] == [f"{table}:2: a quoted cell opens on this line and runs to line 13, taking in 12 "
                               'lines; is its closing " missing?']


def test_a_quoted_cell_of_a_few_lines_is_read(tmp_path):
    """A detail over two lines, and quotes inside a quoted cell, are ordinary CSV."""
    table = _write(tmp_path / "t.csv", 'subject,measure,value,detail\nFoo,cats,12,"first, line\nsecond ""line"""\n'
                                       'Bar,dogs,3,"one line"\n')
    refs, errors = _load(table)
    assert errors == []
    assert [(f.subjects[0], f.line, f.extra) for f in refs.facts] == [
        ("Foo", 2, (("detail", 'first, line\nsecond "line"'),)), ("Bar", 4, (("detail", "one line"),))]


# --- fault 6: conflicting rows under other names, or in two files ------------------------------------

def test_rows_that_share_any_name_conflict_within_a_file(tmp_path):
    table = _write(tmp_path / "t.csv", "subject,measure,value,as_of\nFoo|Bar,cats,12,2020\nBar|Foo,felines|cats,13,2020\n")
    refs, errors = _load(table)
    assert errors == [f"{table}:3: gives Bar, cats in 2020 a second value: 13 here, 12 at line 2"]
    assert not refs


def test_rows_that_conflict_across_files_name_both_places(tmp_path):
    one = _write(tmp_path / "a.csv", "subject,measure,value,as_of\nFoo,cats,12,2020\n")
    two = _write(tmp_path / "b.csv", "subject,measure,value,as_of\nFooland|Foo,felines|cats,13,2020\n")
    refs, errors = _load(tmp_path)
    assert errors == [f"{two}:2: gives Foo, cats in 2020 a second value: 13 here, 12 at {one}:2"]
    assert refs.tables == [str(one)]  # the table read first is used; the one that contradicts it is not
    assert [f.value for f in refs.facts] == [12]


def test_a_published_table_conflicts_with_a_hand_kept_one(tmp_path):
    _published(tmp_path, COUNTRIES)
    hand = _write(tmp_path / "u.csv", "subject,measure,value,as_of\nBDL,harbours,99,2021\nBDL,harbours,100,2020\n")
    refs, errors = _load(tmp_path)
    assert errors == [f"{hand}:2: gives BDL, harbours in 2021 a second value: 99 here, 110 at {tmp_path / 't.csv'}:3"]


@pytest.mark.parametrize("second", [
    "Foo|Bar,cats,12,2020",  # the same value again
    "Foo,cats,13,2021",  # another year
    "Foo,dogs,13,2020",  # another measure
    "Bar,cats,13,2020",  # another subject
    "Foo,cats,13,",  # no year: not the 2020 row
])
def test_rows_that_do_not_conflict(tmp_path, second):
    table = _write(tmp_path / "t.csv", f"subject,measure,value,as_of\nFoo,cats,12,2020\n{second}\n")
    refs, errors = _load(table)
    assert errors == [] and len(refs.facts) == 2


# --- fault 6: rows shorter than the header -----------------------------------------------------------

def test_a_hand_kept_row_missing_a_required_cell_is_an_error(tmp_path):
    table = _write(tmp_path / "t.csv", "subject,measure,value,unit,source\nFoo,cats,12\nBar,dogs\nBaz\n")
    refs, errors = _load(table)
    assert errors == [f"{table}:3: has 2 cells but the header has 5: no value cell",
                      f"{table}:4: has 1 cell but the header has 5: no measure, value cell"]
    assert not refs


def test_a_hand_kept_row_may_leave_off_optional_cells_at_its_end(tmp_path):
    table = _write(tmp_path / "t.csv", "subject,measure,value,unit,as_of,source\nFoo,cats,12\nBar,range,5,km,2020\n")
    refs, errors = _load(table)
    assert errors == []
    assert [(f.value, f.unit, f.as_of, f.source) for f in refs.facts] == [(12, None, None, ""), (5, "kilometre", 2020, "")]


def test_a_fault_in_a_short_row_says_the_row_is_short(tmp_path):
    """"Foo,cats,12,2020" under a header with unit before as_of: the year is read as the unit."""
    table = _write(tmp_path / "t.csv", "subject,measure,value,unit,as_of,source\nFoo,cats,12,2020,census\n")
    (error,) = _load(table)[1]
    assert error.startswith(f"{table}:2: unit '2020' is not a unit numcheck knows")
    assert error.endswith("(the row has 5 of the header's 6 cells: is one missing?)")


def test_a_published_row_missing_a_cell_the_descriptor_reads_is_an_error(tmp_path):
    _published(tmp_path, COUNTRIES + "Badland,BDL,2022\nNote: provisional\n")
    refs, errors = _load(tmp_path)
    table = tmp_path / "t.csv"
    assert errors == [f"{table}:4: has 3 cells but the header has 5: no cell for column 'Count', which t.toml reads",
                      f"{table}:5: has 1 cell but the header has 5: no cell for columns 'Code', 'Year', 'Count', "
                      "which t.toml reads"]
    assert not refs


def test_a_published_row_may_stop_short_of_columns_the_descriptor_does_not_read(tmp_path):
    _published(tmp_path, "Country,Code,Year,Count,Note,Flag\nBadland,BDL,2020,100\nBadland,BDL,2021,110,est\n")
    refs, errors = _load(tmp_path)
    assert errors == [] and sorted(f.value for f in refs.facts) == [100, 110]


# --- every bad row of a table in one run -------------------------------------------------------------

def test_every_bad_row_of_a_table_is_reported_at_once(tmp_path):
    table = _write(tmp_path / "t.csv", "subject,measure,value,unit,as_of\nA,cats,1,,2020\nB,cats,two,,2020\n"
                                       "C,cats,3,zorks,2020\nD,cats,4,,20x0\nE,cats,5,,2020\nA,cats,6,,2020\n")
    _write(tmp_path / "good.csv", GOOD)
    refs, errors = _load(tmp_path)
    assert [e.split(": ", 1)[0] for e in errors] == [f"{table}:3", f"{table}:4", f"{table}:5", f"{table}:7"]
    assert refs.tables == [str(tmp_path / "good.csv")]  # a table with any fault is not used at all
    assert "e" not in refs.subject_names


def test_the_faults_listed_are_capped(tmp_path):
    rows = "".join(f"X{i},cats,bad{i}\n" for i in range(MAX_FAULTS + 7))
    table = _write(tmp_path / "t.csv", "subject,measure,value\n" + rows)
    errors = _load(table)[1]
    assert len(errors) == MAX_FAULTS + 1
    assert errors[0] == f"{table}:2: value 'bad0' is neither a number nor a date (YYYY-MM-DD)"
    assert errors[MAX_FAULTS - 1].startswith(f"{table}:{MAX_FAULTS + 1}: value 'bad{MAX_FAULTS - 1}'")
    assert errors[-1] == f"{table}: and 7 more faults in this table, not listed"


def test_a_table_with_many_faults_through_the_command_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "reference" / "t.csv", "subject,measure,value,unit\nFoo,cats,1,people\nBar,cats,x,\n"
                                             'Baz,"cats,3\n')
    _write(tmp_path / "d.md", "Foo had 2 cats.\n")
    assert main(["check", "d.md"]) == 2
    out, err = capsys.readouterr()
    table = str(Path("reference") / "t.csv")
    assert err.splitlines() == [
        f"numcheck: error: {table}:2: unit 'people' is not a unit numcheck knows; for a count, leave unit empty "
        "(measure says what is counted)",
        f"numcheck: error: {table}:3: value 'x' is neither a number nor a date (YYYY-MM-DD)",
        f"numcheck: error: {table}:4: a quoted cell opens on this line and is never closed, so every line after it "
        'would be read into that one cell (a closing " is missing)',
    ]
    assert "NC401" not in out


def test_references_from_csv_raises_the_first_fault():
    with pytest.raises(Exception) as caught:
        references_from_csv("subject,measure,value\nA,cats,x\nB,cats,y\n", "ex.csv")
    assert str(caught.value) == "ex.csv:2: value 'x' is neither a number nor a date (YYYY-MM-DD)"


# --- an aliases column ---------------------------------------------------------------------------------

def test_an_aliases_column_gives_more_names_of_the_subject(tmp_path):
    table = _write(tmp_path / "t.csv", "subject,aliases,measure,value,detail\nFoo,Fooland| FL ,cats,12,tabby\n")
    refs, errors = _load(table)
    assert errors == []
    (fact,) = refs.facts
    assert fact.subjects == ("Foo", "Fooland", "FL")
    assert fact.extra == (("detail", "tabby"),)  # aliases are names, not a detail shown in messages
    assert refs.subject_names["fooland"] == ["foo"] and refs.subject_names["fl"] == ["foo"]
