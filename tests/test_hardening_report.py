"""Issue 10 (hardening), the report side: the HTML report of a long line in linear time, file
names that are not UTF-8 or hold line breaks, a draft's control characters kept off the
terminal, and `extract --format json` written as it is produced.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.api import check_text
from numcheck.checks import Finding, Related
from numcheck.document import LineIndex
from numcheck.report import locate
from numcheck.report.html import Mark, _LINE, _attr, _text, render_draft, render_html

from timing import best_of

REPO = Path(__file__).resolve().parents[1]
SENTENCE = "Of the 800 applicants, 120 (12%) were accepted, and 45 km of road cost $3.2 million in 2019. "


# --- fault 3: the HTML report of one long line -----------------------------------------------


def _old_render_draft(text, marks, prefix, titles=()):
    """render_draft as it was before issue 10 (it rescanned every mark of a line at every place
    a mark starts or ends): the oracle the sweep must agree with, character for character."""
    index = LineIndex(text)
    order = sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, i))
    rank = {i: r for r, i in enumerate(order)}
    opened: set[int] = set()

    def open_tag(i):
        m = marks[i]
        attrs = f'class="nc-m" data-mark="{prefix}m{i}" data-status="{m.status}" data-kind="{m.kind}"'
        if any(role is None for _, role in m.findings):
            attrs += ' data-reported=""'
        if titles:
            attrs += f' title="{_attr(titles[i])}"'
        if i in opened:
            return f'<span {attrs} data-more="">'
        opened.add(i)
        start = min(max(m.start, 0), len(text))
        span = locate(index, start, min(max(start, m.end), len(text)))
        return (f'<span {attrs} id="{prefix}m{i}" tabindex="0" role="button" aria-expanded="false" '
                f'aria-controls="{prefix}d{i}" data-line="{span.line}" data-column="{span.column}" '
                f'data-end-line="{span.end_line}" data-end-column="{span.end_column}">')

    out = [f'<pre class="nc-draft" id="{prefix}draft">']
    lines = [m.span() for m in _LINE.finditer(text) if m.end() > m.start()] or [(0, 0)]
    waiting = iter(order)
    pending = next(waiting, None)
    live = []
    for number, (ls, le) in enumerate(lines, start=1):
        last = number == len(lines)
        while pending is not None and (marks[pending].start < le or last):
            live.append(pending)
            pending = next(waiting, None)
        here = [i for i in live if marks[i].start < le and marks[i].end > ls and marks[i].end > marks[i].start]
        empty = [i for i in live if marks[i].end <= marks[i].start and (ls <= marks[i].start < le or last)]
        live = [i for i in live if marks[i].end > le and marks[i].end > marks[i].start]
        points = sorted({ls, le, *(max(ls, marks[i].start) for i in here), *(min(le, marks[i].end) for i in here),
                         *(min(le, max(ls, marks[i].start)) for i in empty)})
        out.append(f'<span class="nc-line" id="{prefix}L{number}" data-line="{number}">')
        stack = []
        for a, b in zip(points, [*points[1:], None]):
            active = sorted((i for i in here if marks[i].start <= a and b is not None and marks[i].end >= b),
                            key=rank.__getitem__)
            keep = 0
            while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
                keep += 1
            out.append("</span>" * (len(stack) - keep))
            stack = stack[:keep]
            out.extend(open_tag(i) + "</span>" for i in empty if min(le, max(ls, marks[i].start)) == a)
            for i in active[keep:]:
                out.append(open_tag(i))
                stack.append(i)
            if b is not None:
                out.append(_text(text[a:b]))
        out.append("</span>")
    out.append("</pre>")
    return "".join(out)


DRAFT_TEXT = st.lists(st.sampled_from(["ab", "c", "\n", "\r\n", "\r", " ", "<&>"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DRAFT_TEXT, st.data())
def test_html_draft_sweep_writes_what_the_rescan_wrote(text, data):
    """Marks that nest, cross, touch, are empty, run over lines or past the text: the sweep
    writes the same markup as the old rescan, byte for byte."""
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(-2, n + 2), st.integers(-2, n + 2)), max_size=8))
    statuses = ("conflicting", "consistent", "unchecked")
    marks = [Mark(a, b, statuses[k % 3], "figure" if k % 2 else "phrase", text[max(a, 0):max(b, 0)])
             for k, (a, b) in enumerate(spans)]
    titles = [f"mark {k}" for k in range(len(marks))] if data.draw(st.booleans()) else []
    assert render_draft(text, marks, "f0-", titles) == _old_render_draft(text, marks, "f0-", titles)


def _dense_result(size: int):
    """A checked draft of `size` characters on one line, about one figure every 16 characters,
    with a finding whose span covers many of them (marks nest and cross)."""
    text = (SENTENCE * (size // len(SENTENCE) + 1))[:size]
    result = check_text(text, "line.txt", rules=[])
    figures = result.draft.quantities
    findings = tuple(Finding("NC999", "test", "error", "a finding", figures[k].start, figures[k + 40].end,
                             (Related(figures[k + 1].start, figures[k + 1].end, "the counts"),))
                     for k in range(0, len(figures) - 41, 50))
    return replace(result, findings=findings)


def test_html_report_of_one_long_line_grows_linearly():
    """The page for a line 4 times as long takes about 4 times as long (16 times when each
    boundary rescans the line's marks). The whole run, check and page, on 512 KB in one line
    takes about 1.2 times the json run (bench/bench_report.py)."""
    small, large = _dense_result(16_000), _dense_result(64_000)
    assert len(large.draft.quantities) >= 3_000
    html_small = best_of(2, lambda: render_html([small]))
    html_large = best_of(2, lambda: render_html([large]))
    assert html_large <= 8 * max(html_small, 0.005), (html_small, html_large)


# --- fault 4: a file name that is not UTF-8 -------------------------------------------------------

DRAFT = "Of the 800 applicants, 120 (12%) were accepted.\n"  # NC101 on 12%


def run_cli(*args, cwd: Path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "numcheck", *args], capture_output=True, cwd=cwd, env=env,
                          timeout=120)


@pytest.fixture(scope="module")
def latin1_name(tmp_path_factory):
    """A draft named with the byte 0xFF, which is no UTF-8 (as a Latin-1 "ÿ" saved on Linux)."""
    folder = tmp_path_factory.mktemp("names")
    name = b"caf\xff.md"
    try:
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(DRAFT.encode("utf-8"))
    except OSError:  # a file system that takes only UTF-8 names (macOS)
        pytest.skip("this file system refuses names that are not UTF-8")
    return folder, os.fsdecode(name)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_a_name_that_is_not_utf8_is_reported_in_every_format(latin1_name, fmt):
    folder, name = latin1_name
    proc = run_cli("check", name, "--format", fmt, cwd=folder)
    assert proc.returncode == 1, proc.stderr  # the finding, not a crash (1) after half an output
    assert b"Traceback" not in proc.stderr and proc.stderr == b""
    out = proc.stdout.decode("utf-8")  # valid UTF-8
    if fmt == "json":
        (finding,) = json.loads(out)["findings"]
        assert finding["path"] == "caf\\xff.md" and finding["rule"] == "NC101"
    elif fmt == "sarif":
        log = json.loads(out)
        from test_report_sarif import validate

        validate(log)
        (result,) = log["runs"][0]["results"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "caf%FF.md"  # its bytes
    elif fmt == "html":
        import xml.etree.ElementTree as ET

        root = ET.fromstring(out[len("<!DOCTYPE html>\n"):])
        assert [e.text for e in root.iter("h2")] == ["caf\\xff.md"]
    else:
        assert out.startswith("caf\\xff.md:1:29: NC101" if fmt == "text" else "::error file=caf\\xff.md,line=1,col=29,")


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_extract_shows_a_name_that_is_not_utf8(latin1_name, fmt):
    folder, name = latin1_name
    proc = run_cli("extract", name, "--format", fmt, cwd=folder)
    assert proc.returncode == 0 and proc.stderr == b""
    out = proc.stdout.decode("utf-8")
    if fmt == "json":
        assert {row["file"] for row in json.loads(out)["quantities"]} == {"caf\\xff.md"}
    else:
        assert out.splitlines()[1].startswith("caf\\xff.md")


def test_a_missing_name_that_is_not_utf8_is_one_line_naming_it(latin1_name):
    folder, _ = latin1_name
    proc = run_cli("check", os.fsdecode(b"gone\xfe.md"), cwd=folder)
    assert proc.returncode == 2
    assert proc.stderr.decode("utf-8") == "numcheck: error: gone\\xfe.md: no such file\n"


# --- fault 7: what a draft or a file name may not do to a terminal or a log ----------------------


def test_github_commands_cannot_be_started_by_a_file_name(tmp_path):
    name = "x\n::error::injected\r,a:b%.md"
    try:
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    except OSError:
        pytest.skip("this file system refuses such names")
    proc = run_cli("check", name, "gone\n::warning::injected.md", "--format", "github", cwd=tmp_path)
    assert proc.returncode == 2
    for line in (proc.stdout + proc.stderr).decode("utf-8").splitlines():
        assert not line.startswith("::") or line.startswith("::error file=x%0A%3A%3Aerror%3A%3Ainjected%0D%2Ca%3Ab%25.md,")
    assert proc.stderr.decode("utf-8") == "numcheck: error: gone\\n::warning::injected.md: no such file\n"


def test_text_format_escapes_control_characters_quoted_from_a_draft():
    from numcheck.report.text import render_text

    text = "Title \x1b]0;pwned\x07 and \x1b[2J\x9b2J:\tof the 800 applicants, 120 (12%) were accepted.\n"
    out = render_text([check_text(text, "esc\x1b.txt")], colour=False)
    assert not any(ch in out for ch in "\x1b\x07\x9b")
    lines = out.splitlines()
    assert lines[0].startswith("esc\\x1b.txt:1:")
    assert lines[1] == "    Title \\x1b]0;pwned\\x07 and \\x1b[2J\\x9b2J:    of the 800 applicants, 120 (12%) were accepted."
    assert lines[1][lines[2].index("^"):lines[2].rindex("^") + 1] == "12%"  # the underline is still under it


def test_text_format_escapes_line_breaks_in_a_message_and_a_fix():
    from numcheck.report.text import render_text

    result = check_text(DRAFT, "draft.txt", rules=[])
    finding = Finding("NC999", "test", "error", "a\nb\x1b[31m", 28, 31, (Related(23, 26, "c\rd"),), "1\n5%")
    out = render_text([replace(result, findings=(finding,))])
    assert "a\\nb\\x1b[31m" in out and "c\\rd" in out and 'replace with "1\\n5%"' in out
    assert "\x1b" not in out and "\r" not in out


def test_a_utf32_file_is_called_utf32_and_a_late_nul_is_found(tmp_path):
    from numcheck.document import InputError, decode

    for encoding in ("utf-32", "utf-32-be", "utf-32-le"):
        data = ("\ufeff" if encoding != "utf-32" else "").encode(encoding) + DRAFT.encode(encoding)
        with pytest.raises(InputError) as info:
            decode(data, "a.txt")
        assert "UTF-32" in info.value.message
    with pytest.raises(InputError) as info:
        decode("\ufeffhello".encode("utf-16-le"), "a.txt")
    assert "UTF-16" in info.value.message
    late = (DRAFT * 400).encode("utf-8") + b"\x00 and more"
    with pytest.raises(InputError) as info:
        decode(late, "a.txt")
    assert info.value.line == 401 and f"NUL byte at byte {len(DRAFT) * 400}" in info.value.message
    (tmp_path / "late.txt").write_bytes(late)
    proc = run_cli("check", "late.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.decode().startswith("numcheck: error: late.txt:401: looks like a binary")


# --- fault 7: `extract --format json` written as it is produced ------------------------------


def test_extract_rows_read_part_by_part_are_the_rows_of_the_whole(monkeypatch):
    """A long draft is extracted a part at a time (memory holds one part's figures); every row is
    the one the whole text gives, wherever the parts are cut."""
    import numcheck.rows as rows
    from numcheck.document import Document

    monkeypatch.setattr(rows, "_PART", 700)
    monkeypatch.setattr(rows, "_CONTEXT", 900)
    paragraphs = [SENTENCE * 3, "1. Roads\n2. Schools cost $4 million\n", "Plans:\n3. Ports", SENTENCE * 120,
                  "| a | 5 km |\n|---|---|\n| b | 12% |", "Costs rose (12) points; 4. Wages rose 3%."]
    text = "\n\n".join(paragraphs * 3) + "\n" + SENTENCE * 30
    for path in ("a.txt", "a.md", "seeds/harbour-report-2023.md", "seeds/caspian-strikes-2015.txt"):
        source = (REPO / path).read_text(encoding="utf-8") if path.startswith("seeds") else text
        document = Document(path, source)
        whole = rows.document_rows(document)
        assert len(whole) > 5 and list(rows.iter_document_rows(document)) == whole


def test_extract_json_is_written_file_by_file_as_one_valid_document(monkeypatch, tmp_path):
    """The json is written as the rows come, the first file's before the second is read, and the
    document is the one json.dumps would write of all the rows."""
    import io

    import numcheck.cli as cli
    from numcheck.rows import document_rows
    from numcheck.document import Document

    class Stdout:
        def __init__(self):
            self.buffer = io.BytesIO()

        def write(self, text):
            self.buffer.write(text.encode())

        def flush(self):
            pass

    out = Stdout()
    monkeypatch.setattr(sys, "stdout", out)
    documents = [Document("a.txt", SENTENCE * 50), Document("b.txt", "No figures here.\n"),
                 Document("c.md", "Cost: $5 million.\n")]
    written_before = []

    def documents_one_by_one(paths):
        for document in documents:
            written_before.append(len(out.buffer.getvalue()))
            yield document

    monkeypatch.setattr(cli, "iter_documents", documents_one_by_one)
    assert cli.main(["extract", "a.txt", "--format", "json"]) == 0
    document = out.buffer.getvalue().decode("utf-8")
    rows = [row for d in documents for row in document_rows(d)]
    expected = {"version": 1, "quantities": [
        {**row.as_dict()} for row in rows]}
    assert document == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    assert written_before[0] < written_before[1] == written_before[2]  # a.txt's rows out before b.txt is read
    assert cli.render_json([]) == json.dumps({"version": 1, "quantities": []}, indent=2) + "\n"
