"""`numcheck extract`, run for real (subprocess) and in-process (main + capsys).

Only facts any extractor must honour are asserted about the quantities
themselves: "26 cruise missiles" gives a row reading 26, every row's surface
is the text at its line/column, and the output shapes are as documented.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import numcheck
from numcheck.cli import main
from numcheck.document import InputError, LineIndex
from numcheck.rows import COLUMNS

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "caspian-strikes-2015.txt"
MISSILES = "Russia's Defense Minister said four navy ships launched 26 cruise missiles at targets.\n"


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "numcheck", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or REPO,
        timeout=60,
    )


@pytest.fixture
def drafts(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(MISSILES, encoding="utf-8")
    binary = tmp_path / "chart.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("line one\nline two\ncaf\xe9 with 3 tables\n".encode("latin-1"))
    no_text = tmp_path / "no_text"
    no_text.mkdir()
    (no_text / "figures.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return tmp_path


def _rows_with_26(rows):
    return [r for r in rows if "26" in r["surface"] and r["value"] == 26.0]


def _json_rows(stdout: str | bytes) -> list[dict]:
    doc = json.loads(stdout)
    assert doc["version"] == 1
    return doc["quantities"]


# --- happy path, real process -------------------------------------------------


def test_subprocess_json_shape_on_seed():
    proc = run_cli("extract", str(SEED), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    doc = json.loads(proc.stdout)
    assert set(doc) == {"version", "quantities"} and doc["version"] == 1
    rows = doc["quantities"]
    assert rows, "the seed has figures; extract found none"
    for row in rows:
        assert list(row) == list(COLUMNS)
        assert row["file"] == str(SEED)
        assert isinstance(row["line"], int) and isinstance(row["column"], int)
        assert isinstance(row["value"], float)
        assert row["high"] is None or isinstance(row["high"], float)
    assert _rows_with_26(rows), "26 cruise missiles not reported"


def test_every_row_points_at_its_surface():
    # line/column must locate the surface in the file, whatever the extractor finds.
    proc = run_cli("extract", str(SEED), "--format", "json")
    rows = _json_rows(proc.stdout)
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    for row in rows:
        line_text = lines[row["line"] - 1]
        first_line_of_surface = row["surface"].splitlines()[0] if row["surface"] else ""
        assert line_text[row["column"] - 1 :].startswith(first_line_of_surface), row


def test_subprocess_table_is_aligned():
    proc = run_cli("extract", str(SEED))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode("utf-8").splitlines()
    assert lines[0].split() == list(COLUMNS)
    body = lines[1:]
    assert body and all(line.startswith(str(SEED)) for line in body)
    missiles = [line for line in body if " 26 " in f" {line} "]
    assert missiles
    # Aligned: the "surface" header starts where every surface cell starts.
    at = lines[0].index("surface")
    for line in body:
        assert line[at - 1] == " " and line[at] != " "


def test_subprocess_csv_matches_json():
    as_csv = run_cli("extract", str(SEED), "--format", "csv")
    as_json = run_cli("extract", str(SEED), "--format", "json")
    assert as_csv.returncode == 0 == as_json.returncode
    reader = csv.reader(io.StringIO(as_csv.stdout.decode("utf-8"), newline=""))
    header, *records = list(reader)
    assert header == list(COLUMNS)
    json_rows = _json_rows(as_json.stdout)
    assert len(records) == len(json_rows)
    for record, row in zip(records, json_rows):
        got = dict(zip(header, record))
        assert got["file"] == row["file"] and got["surface"] == row["surface"]
        assert int(got["line"]) == row["line"] and int(got["column"]) == row["column"]
        assert float(got["value"]) == row["value"]
        assert (got["high"] == "") == (row["high"] is None)
        assert got["noun"] == (row["noun"] or "")


def test_version_flag():
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"numcheck {numcheck.__version__}"


def test_stdin_dash():
    proc = run_cli("extract", "-", "--format", "json", stdin=MISSILES.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    rows = _json_rows(proc.stdout)
    hit = _rows_with_26(rows)
    assert hit and hit[0]["file"] == "<stdin>" and hit[0]["line"] == 1
    assert hit[0]["column"] == MISSILES.index("26") + 1


def test_non_ascii_output_is_utf8(tmp_path):
    f = tmp_path / "ü.txt"
    f.write_text("Überall: 26 Marschflugkörper\n", encoding="utf-8")
    proc = run_cli("extract", str(f), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = _json_rows(proc.stdout.decode("utf-8"))
    assert rows[0]["file"] == str(f)
    assert _rows_with_26(rows)[0]["column"] == len("Überall: ") + 1


# --- bad input: one line each, the rest still printed, exit 2 ----------------------


def test_subprocess_missing_file_reports_and_continues(drafts):
    proc = run_cli("extract", "missing.txt", "good.txt", "--format", "json", cwd=drafts)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == ["numcheck: error: missing.txt: no such file"]
    rows = _json_rows(proc.stdout)
    assert {r["file"] for r in rows} == {"good.txt"}
    assert _rows_with_26(rows)


def test_subprocess_non_utf8_names_file_and_line(drafts):
    proc = run_cli("extract", "latin1.txt", "good.txt", "--format", "csv", cwd=drafts)
    assert proc.returncode == 2
    err = proc.stderr.decode().splitlines()
    assert len(err) == 1
    assert err[0].startswith("numcheck: error: latin1.txt:3: ")
    assert "UTF-8" in err[0]
    out = proc.stdout.decode()
    assert out.startswith(",".join(COLUMNS))
    assert "good.txt," in out and "latin1.txt" not in out
    assert "Traceback" not in proc.stderr.decode()


def test_in_process_every_bad_kind_at_once(drafts, capsys, monkeypatch):
    monkeypatch.chdir(drafts)
    status = main(["extract", "chart.txt", "no_text", "latin1.txt", "missing.txt", "good.txt", "--format", "json"])
    out, err = capsys.readouterr()
    assert status == 2
    lines = err.splitlines()
    assert len(lines) == 4
    assert all(line.startswith("numcheck: error: ") for line in lines)
    assert lines[0].startswith("numcheck: error: chart.txt: ") and "binary" in lines[0]
    assert lines[1].startswith("numcheck: error: no_text: ") and "no text files" in lines[1]
    assert lines[2].startswith("numcheck: error: latin1.txt:3: ")
    assert lines[3] == "numcheck: error: missing.txt: no such file"
    rows = _json_rows(out)
    assert {r["file"] for r in rows} == {"good.txt"}
    assert _rows_with_26(rows)


def test_in_process_directory_of_drafts(tmp_path, capsys):
    (tmp_path / "b.md").write_text("Chapter\n\n26 cruise missiles\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(MISSILES, encoding="utf-8")
    (tmp_path / "skip.csv").write_text("26,27\n", encoding="utf-8")
    status = main(["extract", str(tmp_path), "--format", "json"])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    rows = _json_rows(out)
    files = [r["file"] for r in rows]
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.md")
    assert a in files and b in files and str(tmp_path / "skip.csv") not in files
    assert files.index(a) < files.index(b)  # sorted, deterministic
    b_26 = [r for r in _rows_with_26(rows) if r["file"] == b]
    assert b_26 and (b_26[0]["line"], b_26[0]["column"]) == (3, 1)


def test_in_process_crlf_positions(tmp_path, capsys):
    f = tmp_path / "crlf.txt"
    f.write_bytes(b"Heading\r\n\r\nThey fired 26 cruise missiles.\r\n")
    assert main(["extract", str(f), "--format", "json"]) == 0
    rows = _json_rows(capsys.readouterr().out)
    hit = _rows_with_26(rows)
    assert hit and (hit[0]["line"], hit[0]["column"]) == (3, len("They fired ") + 1)


def test_in_process_empty_file_is_fine(tmp_path, capsys):
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    assert main(["extract", str(f), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"version": 1, "quantities": []}
    assert main(["extract", str(f), "--format", "csv"]) == 0
    assert capsys.readouterr().out == ",".join(COLUMNS) + "\n"


def test_usage_errors_return_2(capsys):
    assert main([]) == 2
    assert main(["extract"]) == 2
    assert main(["extract", "x.txt", "--format", "xml"]) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err


def test_help_returns_0(capsys):
    assert main(["extract", "--help"]) == 0
    assert "--format" in capsys.readouterr().out


# --- startup cost, DataFrame ------------------------------------------------------


def test_extract_path_imports_neither_pandas_nor_quantulum3():
    code = (
        "import sys, io\n"
        "from numcheck.cli import main\n"
        f"status = main(['extract', {str(SEED)!r}, '--format', 'json'])\n"
        "heavy = sorted(m for m in ('pandas', 'quantulum3', 'sklearn') if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stderr.decode(), proc.stderr.decode()


def test_import_numcheck_does_not_import_pandas():
    code = "import sys, numcheck; assert 'pandas' not in sys.modules; numcheck.extract_frame; print('ok')"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == b"ok", proc.stderr


def test_extract_frame_columns_and_content(tmp_path):
    pd = pytest.importorskip("pandas")
    frame = numcheck.extract_frame(SEED)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) > 0
    assert (frame["file"] == str(SEED)).all()
    assert frame["line"].dtype == "int64" and frame["column"].dtype == "int64"
    assert frame["value"].dtype == "float64" and frame["high"].dtype == "float64"
    hit = frame[frame["surface"].str.contains("26") & (frame["value"] == 26.0)]
    assert len(hit) >= 1

    f = tmp_path / "a.txt"
    f.write_text(MISSILES, encoding="utf-8")
    both = numcheck.extract_frame([str(f), f])  # str and PathLike, list form
    assert list(both.columns) == list(COLUMNS)
    assert len(both) == 2 * len(numcheck.extract_frame(str(f)))
    assert isinstance(both, pd.DataFrame)


def test_extract_frame_matches_cli_rows(capsys):
    assert main(["extract", str(SEED), "--format", "json"]) == 0
    cli_rows = _json_rows(capsys.readouterr().out)
    frame = numcheck.extract_frame(SEED)
    records = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
    assert records == cli_rows


def test_extract_frame_empty_has_schema(tmp_path):
    pytest.importorskip("pandas")
    f = tmp_path / "none.txt"
    f.write_text("", encoding="utf-8")
    frame = numcheck.extract_frame(f)
    assert list(frame.columns) == list(COLUMNS) and len(frame) == 0
    assert frame["value"].dtype == "float64"


def test_extract_frame_raises_input_error(tmp_path):
    with pytest.raises(InputError) as info:
        numcheck.extract_frame(tmp_path / "missing.txt")
    assert "no such file" in str(info.value)


def test_positions_match_line_index_for_seed():
    # The CLI's line/column are LineIndex positions of each quantity's start.
    text = SEED.read_text(encoding="utf-8")
    index = LineIndex(text)
    expected = [index.position(q.start) for q in numcheck.extract(text)]
    rows = _json_rows(run_cli("extract", str(SEED), "--format", "json").stdout)
    assert [(r["line"], r["column"]) for r in rows] == expected
    assert [r["surface"] for r in rows] == [q.text for q in numcheck.extract(text)]


# --- the shared row builder and renderers -------------------------------------------


def test_quantity_rows_locate_and_normalise():
    from numcheck.rows import quantity_rows

    text = "Intro\r\nnaïve: 26 cruise missiles, 2–3 ships"
    start = text.index("26")
    q = numcheck.Quantity(value=26, kind="count", start=start, end=start + 2, text="26", noun="cruise missile")
    rng = text.index("2–3")
    r = numcheck.Quantity(value=2, high=3, kind="count", start=rng, end=rng + 3, text="2–3")
    rows = quantity_rows("draft.md", text, [q, r])
    assert [(x.line, x.column) for x in rows] == [(2, len("naïve: ") + 1), (2, rng - len("Intro\r\n") + 1)]
    assert rows[0].value == 26.0 and type(rows[0].value) is float and rows[0].high is None
    assert type(rows[1].high) is float and rows[1].high == 3.0
    assert rows[0].as_dict() == {
        "file": "draft.md", "line": 2, "column": 8, "surface": "26", "value": 26.0, "high": None,
        "unit": None, "kind": "count", "qualifier": "exact", "noun": "cruise missile",
    }
    assert tuple(rows[0].as_dict()) == COLUMNS


def test_format_number():
    from numcheck.rows import format_number

    assert format_number(None) == ""
    assert format_number(26.0) == "26"
    assert format_number(2.5) == "2.5"
    assert format_number(2.5e9) == "2500000000"
    assert format_number(0.001) == "0.001"
    assert format_number(1e300) == "1e+300"
    assert format_number(float("inf")) == "inf"


def test_renderers_keep_one_row_per_line_and_json_valid():
    from numcheck.cli import render_csv, render_json, render_table
    from numcheck.rows import Row

    row = Row("a.txt", 1, 5, "26\ncruise", 26.0, float("inf"), None, "count", "exact", "cruise missile")
    table = render_table([row]).splitlines()
    assert len(table) == 2 and "26 cruise" in table[1]
    doc = json.loads(render_json([row]))  # strict parsers reject Infinity; it must come out as null
    assert doc["quantities"][0]["high"] is None and doc["quantities"][0]["surface"] == "26\ncruise"
    parsed = list(csv.reader(io.StringIO(render_csv([row]), newline="")))
    assert parsed[1][COLUMNS.index("surface")] == "26\ncruise"
