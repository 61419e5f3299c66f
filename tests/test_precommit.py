"""The pre-commit hooks, installed and run by pre-commit itself in a temporary git repository.

The project's working tree (the package, the glossary, ``pyproject.toml`` and
``.pre-commit-hooks.yaml``) is copied into a throw-away hook repository and committed there, so
the test installs exactly what is on disk. pre-commit then clones it, builds its virtualenv and
pip-installs the package (this needs the package index), and runs both hooks on a dirty and
a clean file: ``cleanup-check`` fails on findings and passes on clean text; ``cleanup-fix``
rewrites the file, which pre-commit reports as a failure, after which the check passes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

pre_commit = pytest.importorskip("pre_commit")
DIRTY = "maintaining an open, inclusive, and普惠 international trade environment\n"
CLEAN = "maintaining an open, inclusive, and universally beneficial international trade environment\n"
COPIED = ("cleanup", "glossary", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_hook_definitions_match_the_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"cleanup-check", "cleanup-fix"}
    assert by_id["cleanup-check"]["entry"].split()[:2] == ["cleanup", "check"]
    assert by_id["cleanup-fix"]["entry"].split()[:3] == ["cleanup", "fix", "--in-place"]
    assert all(h["language"] == "python" for h in hooks)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("hook-repo")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=ignore)
        else:
            shutil.copy2(source, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hooks under test")
    return repo, git(repo, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def project(hook_repo: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo, rev = hook_repo
    work = tmp_path_factory.mktemp("project")
    git(work, "init", "-q")
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": [{"id": "cleanup-check"}, {"id": "cleanup-fix"}]}]}
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return work


def run_hook(project: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    home = project.parent / "pre-commit-home"
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), CLEANUP_CACHE_DIR=str(project.parent / "cache"))
    env.pop("PYTHONPATH", None)
    command = [sys.executable, "-m", "pre_commit", "run", hook, "--files", *files]
    return subprocess.run(command, check=False, cwd=project, env=env, capture_output=True, text=True, timeout=1200)


def test_check_hook_installs_and_fails_on_findings(project: Path) -> None:
    (project / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (project / "clean.txt").write_text(CLEAN, encoding="utf-8")
    failed = run_hook(project, "cleanup-check", "dirty.txt")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "dirty.txt:1:36: ZH001" in failed.stdout
    passed = run_hook(project, "cleanup-check", "clean.txt")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_fix_hook_rewrites_the_file(project: Path) -> None:
    target = project / "to-fix.txt"
    target.write_text(DIRTY, encoding="utf-8")
    git(project, "add", "to-fix.txt")  # staged, as in a commit: pre-commit sees the hook's change
    fixed = run_hook(project, "cleanup-fix", "to-fix.txt")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr  # pre-commit fails when a hook changes files
    assert "files were modified by this hook" in fixed.stdout
    assert target.read_text(encoding="utf-8") == CLEAN
    assert run_hook(project, "cleanup-check", "to-fix.txt").returncode == 0
