"""What numcheck cannot read is reported, never passed over: a reference folder (the root given with
--reference, a folder under it, a default reference/), a table, and a pyproject.toml with
[tool.numcheck] that permissions close (chmod 000) give one line naming the path and exit status 2;
the tables that can be read are still used.

Permissions bind only where the reader lacks the capabilities that let root read anything. When
the tests run as root, numcheck is run with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH dropped from
its bounding set (prctl before exec), so chmod 000 binds for it as for any user; each test first
checks that it does, and is skipped only when the capabilities cannot be dropped."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TABLE = "subject,measure,value,as_of\nFoo,cats,12,2020\n"
DRAFT = "In 2020 Foo had 13 cats.\n"  # an NC401 error against TABLE: shows the table was used

pytestmark = pytest.mark.skipif(os.name != "posix" or not sys.platform.startswith("linux"),
                                reason="chmod and capabilities as Linux has them")

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _drop_read_anything() -> None:  # pragma: no cover - runs in the child, before exec
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run `args` as an ordinary user would: as root, without the capabilities to read anything."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(REPO)}
    preexec = _drop_read_anything if os.geteuid() == 0 else None
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, timeout=60, preexec_fn=preexec)


def numcheck(*args: str, cwd: Path) -> tuple[int, str, str]:
    proc = _run([sys.executable, "-m", "numcheck", *args], cwd)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


@pytest.fixture
def locked(tmp_path):
    """lock(path) closes a file or folder with chmod 000 for the test (after checking it binds for
    numcheck's runs) and opens it again afterwards, so tmp_path can be cleaned."""
    closed: list[Path] = []

    def lock(path: Path) -> Path:
        path.chmod(0)
        closed.append(path)
        try:
            probe = _run([sys.executable, "-c", "import os, sys; p = sys.argv[1]; "
                          "os.listdir(p) if os.path.isdir(p) else open(p).close()", str(path)], tmp_path)
        except subprocess.SubprocessError as exc:  # the capabilities could not be dropped
            pytest.skip(f"cannot run numcheck where chmod binds: {exc}")
        if probe.returncode == 0:
            pytest.skip("chmod 000 does not stop this user reading (capabilities could not be dropped)")
        return path

    yield lock
    for path in closed:
        path.chmod(0o755)


def _project(tmp_path: Path) -> Path:
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_an_unreadable_reference_root_given_with_reference_is_an_error(tmp_path, locked):
    _project(tmp_path)
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "t.csv").write_text(TABLE, encoding="utf-8")
    locked(tmp_path / "facts")
    status, out, err = numcheck("check", "d.md", "--reference", "facts", cwd=tmp_path)
    assert status == 2
    assert err.splitlines() == ["numcheck: error: facts: cannot read folder: Permission denied"]
    assert "NC401" not in out and "Traceback" not in err


def test_an_unreadable_folder_under_the_root_is_an_error_and_the_rest_is_used(tmp_path, locked):
    _project(tmp_path)
    (tmp_path / "facts" / "more").mkdir(parents=True)
    (tmp_path / "facts" / "t.csv").write_text(TABLE, encoding="utf-8")
    (tmp_path / "facts" / "more" / "u.csv").write_text(TABLE, encoding="utf-8")
    locked(tmp_path / "facts" / "more")
    status, out, err = numcheck("check", "d.md", "--reference", "facts", cwd=tmp_path)
    assert status == 2
    assert err.splitlines() == [f"numcheck: error: {os.path.join('facts', 'more')}: cannot read folder: "
                                "Permission denied"]
    assert "NC401 error" in out and "Foo, cats in 2020: 12" in out  # facts/t.csv was still used


def test_an_unreadable_default_reference_folder_is_an_error(tmp_path, locked):
    _project(tmp_path)
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "t.csv").write_text(TABLE, encoding="utf-8")
    locked(tmp_path / "reference")
    status, out, err = numcheck("check", "d.md", cwd=tmp_path)
    assert status == 2
    assert err.splitlines() == ["numcheck: error: reference: cannot read folder: Permission denied"]


def test_an_unreadable_table_is_an_error(tmp_path, locked):
    _project(tmp_path)
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "t.csv").write_text(TABLE, encoding="utf-8")
    locked(tmp_path / "facts" / "t.csv")
    status, out, err = numcheck("check", "d.md", "--reference", "facts", cwd=tmp_path)
    assert status == 2
    assert err.splitlines() == [f"numcheck: error: {os.path.join('facts', 't.csv')}: permission denied"]


def test_an_unreadable_pyproject_is_reported_not_passed_over(tmp_path, locked):
    """Its [tool.numcheck] cannot be seen, so it may hold settings: the run stops rather than
    checking with the defaults."""
    _project(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.numcheck]\nignore = ["NC401"]\n', encoding="utf-8")
    locked(tmp_path / "pyproject.toml")
    for args in (["check", "d.md"], ["config", "d.md"]):
        status, out, err = numcheck(*args, cwd=tmp_path)
        assert status == 2, args
        assert out == ""
        assert err.splitlines() == ["numcheck: error: pyproject.toml: permission denied"]
