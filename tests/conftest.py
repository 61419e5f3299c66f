"""Shared fixtures: the bundled glossary, and a small fixture glossary for rule cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanup.api import compile_loaded
from cleanup.glossary.compiled import Compiled
from cleanup.glossary.loader import bundled_dir, load_glossary

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EVAL_DIR = ROOT.parent / "shared" / "eval"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files")


@pytest.fixture(scope="session")
def bundled() -> Compiled:
    return compile_loaded(load_glossary())


def fixture_glossary_paths() -> list[Path]:
    return [FIXTURES / "glossary", bundled_dir() / "punctuation.yaml", bundled_dir() / "boilerplate.yaml"]


@pytest.fixture(scope="session")
def small() -> Compiled:
    return compile_loaded(load_glossary(fixture_glossary_paths(), use_default=False))
