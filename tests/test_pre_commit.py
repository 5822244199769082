"""The pre-commit hook (.pre-commit-hooks.yaml), run by the real pre-commit as a user's repository would.

Each test makes a small git repository of drafts whose .pre-commit-config.yaml names this
checkout's hook, and runs `pre-commit run --all-files` in it.

The working tree (tracked and untracked, minus what .gitignore leaves out) is committed to a
snapshot repository once per module, so a dirty checkout is tested as it is. One test runs
`pre-commit try-repo` on that snapshot, as a hook author tries a hook; it builds the hook's
virtualenv in a fresh store of its own (try-repo ignores PRE_COMMIT_HOME). The others run
`pre-commit run` with one shared PRE_COMMIT_HOME, so their environment (numcheck and its
dependencies, pip-installed from PyPI) is built once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
MISTAKE = "Of the 800 applicants, 120 (12%) were accepted.\n"  # NC101: 120 of 800 is 15%
CORRECTED = "Of the 800 applicants, 120 (15%) were accepted.\n"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "numcheck tests",
    "GIT_AUTHOR_EMAIL": "tests@numcheck.invalid",
    "GIT_COMMITTER_NAME": "numcheck tests",
    "GIT_COMMITTER_EMAIL": "tests@numcheck.invalid",
}


def _environment(pre_commit_home: Path) -> dict[str, str]:
    # GIT_DIR, GIT_INDEX_FILE... set by an outer git hook would point git at the wrong repository.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**env, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(pre_commit_home), "NO_COLOR": "1"}


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=repo, env={**os.environ, **GIT_IDENTITY}, capture_output=True, text=True, check=True,
    )
    return done.stdout


def _working_tree_files(checkout: Path) -> list[str]:
    listed = _git(checkout, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    return [name for name in listed.split("\0") if name and (checkout / name).is_file()]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout's working tree as one commit: (repository, commit id) for `repo:` and `rev:`."""
    snapshot = tmp_path_factory.mktemp("numcheck-hook")
    for name in _working_tree_files(CHECKOUT):
        target = snapshot / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(CHECKOUT / name, target)
    _git(snapshot, "init", "-q")
    _git(snapshot, "add", "-A")
    _git(snapshot, "commit", "-q", "-m", "working tree under test")
    return snapshot, _git(snapshot, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def drafts(tmp_path: Path, hook_repo: tuple[Path, str]) -> Path:
    """An empty git repository whose pre-commit config uses the numcheck hook, as a user would."""
    repo, rev = hook_repo
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {repo.as_posix()}\n  rev: {rev}\n  hooks:\n  - id: numcheck\n", encoding="utf-8"
    )
    _git(tmp_path, "init", "-q")
    return tmp_path


def _write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")


def _pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo, env=_environment(home), capture_output=True, text=True,
    )


def test_a_mistake_fails_with_its_file_and_line(drafts: Path, pre_commit_home: Path) -> None:
    _write(drafts, {
        "story.md": "# Survey\n\n" + MISTAKE,
        "other.md": "# Other\n\n" + CORRECTED,
    })
    run = _pre_commit(drafts, pre_commit_home)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "numcheck" in run.stdout and "Failed" in run.stdout
    assert "story.md:3:" in run.stdout and "NC101 error" in run.stdout
    assert "other.md:" not in run.stdout


def test_fixing_the_draft_makes_the_hook_pass(drafts: Path, pre_commit_home: Path) -> None:
    _write(drafts, {"story.md": "# Survey\n\n" + MISTAKE})
    assert _pre_commit(drafts, pre_commit_home).returncode == 1

    _write(drafts, {"story.md": "# Survey\n\n" + CORRECTED})
    run = _pre_commit(drafts, pre_commit_home)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "numcheck" in run.stdout and "Passed" in run.stdout


def test_only_prose_files_are_given_to_the_hook(drafts: Path, pre_commit_home: Path) -> None:
    files = {
        "notes.TXT": MISTAKE,
        "guide.rst": MISTAKE,
        "story.markdown": MISTAKE,
        "survey.py": f"# {MISTAKE}",
    }
    _write(drafts, files)
    # numcheck itself flags the Python file when named: only the hook's filter keeps it out.
    direct = subprocess.run([sys.executable, "-m", "numcheck", "check", "survey.py"], cwd=drafts,
                            capture_output=True, text=True)
    assert direct.returncode == 1 and "survey.py:1:" in direct.stdout

    run = _pre_commit(drafts, pre_commit_home)
    assert run.returncode == 1, run.stdout + run.stderr
    for prose in ("notes.TXT", "guide.rst", "story.markdown"):
        assert f"{prose}:1:" in run.stdout
    assert "survey.py" not in run.stdout


def test_the_projects_exclude_applies_to_the_files_pre_commit_names(drafts: Path, pre_commit_home: Path) -> None:
    (drafts / "archive").mkdir()
    _write(drafts, {
        "numcheck.toml": 'exclude = ["archive"]\n',
        "archive/old.md": MISTAKE,
        "story.md": "# Survey\n\n" + MISTAKE,
    })
    run = _pre_commit(drafts, pre_commit_home)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "story.md:3:" in run.stdout
    assert "old.md" not in run.stdout


def test_the_projects_fail_on_decides_whether_the_commit_fails(drafts: Path, pre_commit_home: Path) -> None:
    _write(drafts, {"numcheck.toml": 'fail-on = "never"\n', "story.md": MISTAKE})
    run = _pre_commit(drafts, pre_commit_home)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout


def test_try_repo_runs_the_hook_on_a_temporary_repository(drafts: Path, hook_repo: tuple[Path, str],
                                                          pre_commit_home: Path) -> None:
    repo, _ = hook_repo
    _write(drafts, {"story.md": "# Survey\n\n" + MISTAKE, "other.md": CORRECTED})
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(repo), "numcheck", "--all-files", "--color", "never"],
        cwd=drafts, env=_environment(pre_commit_home), capture_output=True, text=True,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "story.md:3:" in run.stdout and "NC101 error" in run.stdout
    assert "other.md:" not in run.stdout
