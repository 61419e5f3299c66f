"""Shared fixtures: the bundled glossary, and a small fixture glossary for rule cases."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from cleanup.api import compile_loaded
from cleanup.glossary.compiled import Compiled
from cleanup.glossary.loader import bundled_dir, load_glossary


class FullDisk:
    """A file handle whose writes fail as on a full disk (ENOSPC); everything else is the handle's."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EVAL_DIR = ROOT.parent / "shared" / "eval"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files")


@pytest.fixture
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A glossary cache of this test run's own, so no cache left by another checkout is read
    (modules that run the command line use it: ``pytestmark = pytest.mark.usefixtures(...)``)."""
    monkeypatch.setenv("CLEANUP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "glossary-cache"))


@pytest.fixture(scope="session")
def bundled() -> Compiled:
    return compile_loaded(load_glossary())


def fixture_glossary_paths() -> list[Path]:
    return [FIXTURES / "glossary", bundled_dir() / "punctuation.yaml", bundled_dir() / "boilerplate.yaml"]


@pytest.fixture(scope="session")
def small() -> Compiled:
    return compile_loaded(load_glossary(fixture_glossary_paths(), use_default=False))
