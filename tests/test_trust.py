"""The trust model: a reference folder, descriptor or config that arrives in a pull request cannot
make numcheck read outside its folder or print another file's content, and special files (FIFOs,
devices) are refused by name, never waited on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck.document import InputError, read_text
from numcheck.files import FileRefused, printable, read_regular
from numcheck.tables import load_references
from numcheck.tables.load import TableRoot

REPO = Path(__file__).resolve().parents[1]
SECRET = "hunter2-do-not-print"
GOOD_TABLE = "subject,measure,value\nFoo,cats,13\n"
DESCRIPTOR = 'table = "{table}"\nsubject = "Country"\nvalue = "Value"\nmeasure = "cats"\n'

posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links, FIFOs and /proc are POSIX")


def run_cli(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "MY_SECRET_TOKEN": SECRET,
           "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "numcheck", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=timeout)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "d.md").write_text("Foo had 13 cats.\n", encoding="utf-8")
    (tmp_path / "reference").mkdir()
    return tmp_path


def _errors_of(proc: subprocess.CompletedProcess) -> str:
    return proc.stderr.decode("utf-8", "replace")


# --- a descriptor's table stays inside its reference folder ---------------------------------------

@posix_only
@pytest.mark.parametrize("table", ["/proc/self/environ", "../../../../../../proc/self/environ", "../outside.csv"])
def test_descriptor_table_outside_the_folder_is_refused_without_reading_it(project, table):
    (project / "outside.csv").write_text(f"Country,{SECRET}\nFoo,1\n", encoding="utf-8")
    (project / "reference" / "x.toml").write_text(DESCRIPTOR.format(table=table), encoding="utf-8")
    for fmt in ("text", "sarif"):
        proc = run_cli("check", "d.md", "--format", fmt, cwd=project)
        assert proc.returncode == 2
        out = proc.stdout.decode() + _errors_of(proc)
        assert SECRET not in out
        assert "reference/x.toml:1: table" in _errors_of(proc)
        assert ("must be a path relative" in out) if table.startswith("/") else ("lies outside reference" in out)


def test_descriptor_table_inside_a_subfolder_of_the_reference_folder_is_read(project):
    sub = project / "reference" / "wb"
    sub.mkdir()
    (project / "reference" / "cats.csv.data").write_text("Country,Value\nFoo,13\n", encoding="utf-8")
    (sub / "x.toml").write_text(DESCRIPTOR.format(table="../cats.csv.data"), encoding="utf-8")
    refs, errors = load_references([project / "reference"])
    assert [str(e) for e in errors] == []
    assert [f.value for f in refs.facts] == [13.0]


@posix_only
def test_symlinked_csv_pointing_outside_is_refused(project):
    (project / "secret.csv").write_text(f"subject,measure,value\n{SECRET},cats,1\n", encoding="utf-8")
    os.symlink(project / "secret.csv", project / "reference" / "y.csv")
    (project / "reference" / "good.csv").write_text(GOOD_TABLE, encoding="utf-8")
    refs, errors = load_references([project / "reference"])
    assert len(errors) == 1 and "is a symbolic link to a file outside" in str(errors[0])
    assert all(SECRET not in s for f in refs.facts for s in f.subjects)
    assert [f.subjects[0] for f in refs.facts] == ["Foo"]  # the good table beside it is still used


@posix_only
def test_symlink_inside_the_folder_is_followed(project):
    (project / "reference" / "real.csv.txt").write_text(GOOD_TABLE, encoding="utf-8")
    os.symlink("real.csv.txt", project / "reference" / "alias.csv")
    refs, errors = load_references([project / "reference"])
    assert errors == [] and [f.value for f in refs.facts] == [13.0]


@posix_only
def test_default_reference_folder_that_links_out_of_the_tree_is_refused(project):
    (project / "reference").rmdir()
    os.symlink("/proc/self", project / "reference")
    proc = run_cli("check", "d.md", cwd=project)
    assert proc.returncode == 2
    assert "reference: lies outside" in _errors_of(proc)
    assert SECRET not in proc.stdout.decode() + _errors_of(proc)


@posix_only
def test_config_reference_outside_its_project_is_refused_but_the_command_line_is_trusted(project):
    (project / "numcheck.toml").write_text('reference = ["/proc/self/environ"]\n', encoding="utf-8")
    proc = run_cli("check", "d.md", cwd=project)
    assert proc.returncode == 2 and "/proc/self/environ: lies outside" in _errors_of(proc)
    assert SECRET not in proc.stdout.decode() + _errors_of(proc)
    # the same file named on the command line is the user's own choice: read, but as a binary file
    # (NUL bytes) its content is still not printed
    proc = run_cli("check", "d.md", "--reference", "/proc/self/environ", cwd=project)
    assert proc.returncode == 2 and "looks like a binary file" in _errors_of(proc)
    assert SECRET not in proc.stdout.decode() + _errors_of(proc)


def test_config_reference_inside_its_git_project_may_climb_folders(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "t.csv").write_text(GOOD_TABLE.replace("13", "12"), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "numcheck.toml").write_text('reference = ["../facts"]\n', encoding="utf-8")
    (docs / "d.md").write_text("In 2020 Foo had 13 cats.\n", encoding="utf-8")
    proc = run_cli("check", "d.md", "--format", "json", cwd=docs)
    assert _errors_of(proc) == ""
    assert any(f["rule"] == "NC401" for f in json.loads(proc.stdout)["findings"])


def test_header_in_an_error_is_a_short_printable_excerpt(tmp_path):
    header = ",".join(f"col{i}\x1b]0;evil\x07{'x' * 100}" for i in range(40))
    (tmp_path / "t.csv").write_text(header + "\n", encoding="utf-8")
    _, errors = load_references([tmp_path / "t.csv"])
    (error,) = errors
    text = str(error)
    assert "missing required columns" in text
    assert "\x1b" not in text and "\x07" not in text
    assert len(text) < 900 and "(40 columns)" in text


def test_a_root_bound_to_a_folder_must_lie_inside_it(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "t.csv").write_text(GOOD_TABLE, encoding="utf-8")
    refs, errors = load_references([TableRoot(str(tmp_path / "b"), bound=str(tmp_path / "a"))])
    assert not refs and "lies outside" in str(errors[0])
    refs, errors = load_references([TableRoot(str(tmp_path / "b"), bound=str(tmp_path))])
    assert errors == [] and len(refs.facts) == 1


# --- special files ------------------------------------------------------------------------------

@posix_only
def test_fifo_as_draft_table_and_config_is_refused_not_waited_on(project):
    os.mkfifo(project / "pipe.md")
    os.mkfifo(project / "reference" / "pipe.csv")
    os.mkfifo(project / "pipe.toml")
    proc = run_cli("check", ".", cwd=project, timeout=30)
    err = _errors_of(proc)
    assert proc.returncode == 2
    assert "pipe.md: is a named pipe (FIFO)" in err
    assert "reference/pipe.csv: is a named pipe (FIFO)" in err
    proc = run_cli("check", "d.md", "--config", "pipe.toml", cwd=project, timeout=30)
    assert proc.returncode == 2 and "pipe.toml: is a named pipe (FIFO)" in _errors_of(proc)


@posix_only
def test_a_fifo_named_like_a_config_is_reported_not_skipped(project):
    os.mkfifo(project / "numcheck.toml")
    proc = run_cli("check", "d.md", cwd=project, timeout=30)
    assert proc.returncode == 2 and "numcheck.toml: is a named pipe (FIFO)" in _errors_of(proc)


@posix_only
def test_devices_are_refused(project):
    for target in ("/dev/zero", "/dev/null"):
        with pytest.raises(InputError, match="is a device"):
            read_text(target)
    proc = run_cli("check", "/dev/zero", "--reference", "/dev/zero", cwd=project, timeout=30)
    assert proc.returncode == 2
    assert _errors_of(proc).count("is a device") == 1  # the draft; no table is loaded for a draft unread


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.md"
    with open(big, "wb") as handle:
        handle.truncate(5000)  # sparse: its size is known without writing it
    with pytest.raises(FileRefused, match="more than the 4096 bytes"):
        read_regular(big, 4096)
    assert len(read_regular(big, 5000)) == 5000


@posix_only
def test_a_file_whose_size_is_not_known_is_bounded_while_read(tmp_path):
    # /proc files report size 0 and have content: the limit holds on the bytes read
    with pytest.raises(FileRefused, match="more than"):
        read_regular("/proc/self/maps", 10)


def test_printable_escapes_and_cuts():
    assert printable("a\x1b[2Jb\n", 60) == "a\\x1b[2Jb\\n"
    assert printable("x" * 100, 10) == "x" * 10 + "..."
