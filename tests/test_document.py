"""The document stage: reading text safely and mapping offsets to lines."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

import numcheck.document as document
from numcheck.document import (
    Document,
    InputError,
    LineIndex,
    expand_paths,
    read_documents,
    read_text,
)


# --- InputError -------------------------------------------------------------


def test_input_error_str_with_and_without_line():
    assert str(InputError("a.txt", "bad thing", line=3)) == "a.txt:3: bad thing"
    assert str(InputError("a.txt", "bad thing")) == "a.txt: bad thing"
    err = InputError(Path("dir") / "b.md", "oops")
    assert err.path == os.path.join("dir", "b.md") and err.line is None and err.message == "oops"


def test_input_error_survives_pytest_raises():
    # Regression guard: a frozen-dataclass exception would fail here.
    with pytest.raises(InputError) as info:
        raise InputError("x", "y", line=1)
    assert info.value.line == 1


# --- read_text ----------------------------------------------------------------


def test_read_text_plain_utf8(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("Über 26 cruise missiles — 2015\n".encode("utf-8"))
    assert read_text(f) == "Über 26 cruise missiles — 2015\n"


def test_read_text_keeps_crlf_and_lone_cr(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"one\r\ntwo\rthree\n")
    assert read_text(f) == "one\r\ntwo\rthree\n"


def test_read_text_drops_bom_and_offsets_match_returned_text(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + "26 ships".encode("utf-8"))
    text = read_text(f)
    assert text == "26 ships"
    assert text.index("26") == 0
    assert LineIndex(text).position(0) == (1, 1)


def test_read_text_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as info:
        read_text(missing)
    assert info.value.path == str(missing)
    assert str(info.value) == f"{missing}: no such file"


def test_read_text_directory(tmp_path):
    with pytest.raises(InputError) as info:
        read_text(tmp_path)
    assert "folder" in info.value.message and "file" in info.value.message


def test_read_text_binary_file(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as info:
        read_text(f)
    assert "binary" in info.value.message
    assert str(info.value).startswith(str(f) + ": ")


def test_nul_after_first_8kb_is_found_and_its_line_named(tmp_path):
    # The whole file is looked at (issue 10): a NUL after the first 8 KB is no text either, and
    # in a file that reads as text so far, the error names its line.
    f = tmp_path / "late.txt"
    f.write_bytes(b"a" * 9000 + b"\r\nb\rc\n\x00")
    with pytest.raises(InputError) as info:
        read_text(f)
    assert "binary" in info.value.message and "byte 9006" in info.value.message and info.value.line == 4


def test_read_text_utf16_is_named(tmp_path):
    f = tmp_path / "wide.txt"
    f.write_bytes("26 ships".encode("utf-16"))
    with pytest.raises(InputError) as info:
        read_text(f)
    assert "UTF-16" in info.value.message


@pytest.mark.parametrize(
    "data, line",
    [
        (b"\xff first line", 1),
        (b"ok\nok\nbad \xe9 here\n", 3),
        (b"ok\r\nok\r\n\xc3", 3),  # truncated sequence at the end
        (b"a\rb\rc\r\x80", 4),  # lone CR line endings count too
        ("café\n".encode("utf-8") + b"\xff", 2),
    ],
)
def test_read_text_bad_utf8_names_the_line(tmp_path, data, line):
    f = tmp_path / "latin1.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_text(f)
    assert info.value.line == line
    assert "UTF-8" in info.value.message
    assert str(info.value).startswith(f"{f}:{line}: ")


def test_bad_utf8_message_gives_byte_and_column(tmp_path):
    f = tmp_path / "x.txt"
    # Line 2 holds "ü" (2 bytes in UTF-8, 1 code point), "b", then a stray 0xE9.
    f.write_bytes(b"ok\n" + "üb".encode("utf-8") + b"\xe9")
    with pytest.raises(InputError) as info:
        read_text(f)
    assert info.value.line == 2
    assert "0xE9" in info.value.message and "column 3" in info.value.message


# --- expand_paths -------------------------------------------------------------


def _touch(path: Path, text: str = "1") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_expand_paths_walks_folders_sorted_and_filters(tmp_path):
    root = tmp_path / "drafts"
    _touch(root / "b.md")
    _touch(root / "a.txt")
    _touch(root / "sub" / "c.RST")
    _touch(root / "sub" / "deeper" / "d.markdown")
    _touch(root / "e.text")
    _touch(root / "notes.csv")  # not a text suffix
    _touch(root / ".hidden.txt")
    _touch(root / ".git" / "x.txt")
    _touch(root / ".venv" / "lib" / "y.txt")
    _touch(root / "node_modules" / "pkg" / "README.md")

    got = expand_paths([root])
    rel = [os.path.relpath(p, root) for p in got]
    assert rel == [
        "a.txt",
        "b.md",
        "e.text",
        os.path.join("sub", "c.RST"),
        os.path.join("sub", "deeper", "d.markdown"),
    ]
    assert got == expand_paths([root])  # deterministic


def test_expand_paths_keeps_files_as_given_and_order(tmp_path):
    data = _touch(tmp_path / "data.csv")
    folder = tmp_path / "f"
    inner = _touch(folder / "z.txt")
    got = expand_paths([str(data), "-", str(tmp_path / "missing.txt"), folder])
    assert got == [str(data), "-", str(tmp_path / "missing.txt"), str(inner)]


def test_expand_paths_folder_without_text_files_is_an_error(tmp_path):
    empty = tmp_path / "empty"
    _touch(empty / "table.csv")
    _touch(empty / ".venv" / "x.txt")
    good = _touch(tmp_path / "good.txt")
    got = expand_paths([empty, good])
    assert isinstance(got[0], InputError)
    assert got[0].path == str(empty)
    assert "no text files" in got[0].message
    assert got[1] == str(good)


def test_read_documents_reports_each_bad_path_and_keeps_going(tmp_path):
    good = _touch(tmp_path / "good.txt", "26 cruise missiles")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"x\n\xff")
    empty = tmp_path / "empty"
    empty.mkdir()
    docs, errors = read_documents([tmp_path / "missing.txt", bad, good, empty])
    assert docs == [Document(str(good), "26 cruise missiles")]
    assert [e.path for e in errors] == [str(tmp_path / "missing.txt"), str(bad), str(empty)]
    assert errors[1].line == 2


# --- LineIndex ----------------------------------------------------------------


def test_line_index_lf():
    text = "ab\ncd\n\nef"
    idx = LineIndex(text)
    assert idx.position(0) == (1, 1)
    assert idx.position(2) == (1, 3)  # the \n itself belongs to line 1
    assert idx.position(3) == (2, 1)
    assert idx.position(6) == (3, 1)
    assert idx.position(text.index("f")) == (4, 2)
    assert idx.position(len(text)) == (4, 3)  # end of text is a valid position
    assert idx.line_count == 4


def test_line_index_crlf_and_lone_cr():
    text = "one\r\ntwo\rthree\nfour"
    idx = LineIndex(text)
    assert idx.position(text.index("\r")) == (1, 4)
    assert idx.position(text.index("\n")) == (1, 5)  # between \r and \n: still line 1
    assert idx.position(text.index("two")) == (2, 1)
    assert idx.position(text.index("three")) == (3, 1)
    assert idx.position(text.index("four")) == (4, 1)


def test_line_index_counts_code_points_not_bytes():
    text = "Ünïcødé 😀 26\r\nnaïve 57"
    idx = LineIndex(text)
    assert idx.position(text.index("26")) == (1, 11)
    assert idx.position(text.index("57")) == (2, 7)


def test_line_index_rejects_offsets_outside_the_text():
    idx = LineIndex("abc")
    with pytest.raises(ValueError):
        idx.position(4)
    with pytest.raises(ValueError):
        idx.position(-1)


def test_line_index_agrees_with_splitlines_on_mixed_endings():
    text = "a1\nb22\r\nc333\rd4444\n\r\ne"
    idx = LineIndex(text)
    lines = text.splitlines(keepends=True)
    offset = 0
    for number, line in enumerate(lines, start=1):
        for col in range(len(line)):
            assert idx.position(offset + col) == (number, col + 1)
        offset += len(line)


# --- layering -----------------------------------------------------------------


def test_document_module_does_not_import_the_extractor():
    tree = ast.parse(Path(document.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    # numcheck.files (safe reading, standard library only) is below every stage
    ours = {name for name in imported if name == "numcheck" or name.startswith("numcheck.")}
    assert ours <= {"numcheck.files"}, imported
