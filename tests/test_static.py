"""The package type-checks with ``mypy --strict`` and passes ``ruff check`` (settings in pyproject)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=900)


def test_mypy_strict() -> None:
    result = _run("mypy", "--strict", "cleanup")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_ruff() -> None:
    result = _run("ruff", "check", "cleanup", "tests", "bench", "fuzz")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
