"""Start-up: a plain ``cleanup fix FILE`` imports only what cleaning one file needs, and the
application built for one command behaves as the whole one.

The start-up budget (0.5 s for ``cleanup fix`` on one article, ``bench/startup.py``) is mostly
imports, so these tests check behaviour, not time: the modules a real ``python -m cleanup fix
-q FILE`` process imports, read from ``-X importtime``, once the caches are built (the first run
of an install builds them). A module listed here showing up means some import became eager again.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import for_arguments
from cleanup.cli.app import app

from .conftest import ROOT

SEED = (ROOT / "seeds" / "observer-critical-minerals.txt").read_text(encoding="utf-8")
UNKNOWN = "\n\nAccording to 刘白 and 欧阳娜娜, the 美新里那个分店 near 洋山港 closed, 但是我写错了地址.\n"
IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \| +(\S+)$", re.MULTILINE)

# Other commands, other formats, batch-only machinery: never needed to clean one file to stdout.
NEVER = (
    "pydantic", "pydantic_core", "typer._adapters",  # typer's converters (cleanup.cli.coercion)
    "rich",  # typer's help and error panels; the batch progress bar
    "yaml",  # the glossary comes from its compiled cache
    "jsonschema", "dask", "distributed", "charset_normalizer", "jieba",
    "multiprocessing", "concurrent.futures", "pathspec",  # a pool of workers, ignore files: batches only
    "cleanup.review", "cleanup.cli.sourcemode", "cleanup.suppress", "cleanup.source.check",
    "cleanup.report.html", "cleanup.report.sarif", "cleanup.report.github", "cleanup.report.rdjson",
    "cleanup.report.statistics", "cleanup.report.worddiff", "cleanup.report.settings",
    "cleanup.glossary.validate", "cleanup.glossary.mining", "cleanup.glossary.schema",
    "cleanup.glossary.tbx", "cleanup.glossary.csvio", "cleanup.glossary.edit",
)
# Without Chinese in the text, nothing of the Chinese tooling either.
NO_CHINESE = ("pypinyin", "opencc")


def imported(article: Path, cache: Path) -> set[str]:
    """Every module a ``python -m cleanup fix -q ARTICLE`` process imports, caches built.

    Two runs, and the modules both imported: the glossary cache is keyed by the code, so an
    edit made while the tests run (or a cache written concurrently) can make one run rebuild it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), CLEANUP_CACHE_DIR=str(cache))
    env.pop("CLEANUP_NO_CACHE", None)
    command = [sys.executable, "-X", "importtime", "-m", "cleanup", "fix", "-q", str(article)]
    subprocess.run(command, env=env, capture_output=True, check=True)  # builds the caches
    runs = []
    for _ in range(2):
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip()  # the cleaned text
        runs.append(set(IMPORTED.findall(done.stderr)))
    return runs[0] & runs[1]


def offending(modules: set[str], banned: tuple[str, ...]) -> list[str]:
    """The modules in ``modules`` that are ``banned`` or inside a banned package."""
    return sorted(m for m in modules if any(m == b or m.startswith(b + ".") for b in banned))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


def test_fix_with_unknown_chinese_imports_only_what_it_needs(tmp_path: Path, cache: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(SEED + UNKNOWN, encoding="utf-8")
    modules = imported(article, cache)
    assert "cleanup.engine" in modules  # the measurement itself works
    assert offending(modules, NEVER) == []


def test_fix_without_chinese_loads_no_chinese_tooling(tmp_path: Path, cache: Path) -> None:
    article = tmp_path / "english.txt"
    article.write_text("The ministry said the port would reopen on Monday.\n", encoding="utf-8")
    assert offending(imported(article, cache), NEVER + NO_CHINESE) == []


ARGUMENTS = [
    [*command, *extra]
    for command in (["fix"], ["check"], ["diff"], ["review"], ["apply"], ["report"], ["rules"], ["glossary"],
                    ["glossary", "find"], ["glossary", "add"], ["glossary", "nosuch"])
    for extra in ([], ["--help"], ["--no-such-option"])
]


@pytest.mark.parametrize("args", ARGUMENTS, ids=" ".join)
def test_the_application_built_for_one_command_behaves_as_the_whole(args: list[str]) -> None:
    """``cleanup.cli.main`` builds only the command named first (``for_arguments``): its help,
    usage errors and exit codes are those of the whole application."""
    runner = CliRunner()
    trimmed = for_arguments(args)
    assert trimmed is not app
    whole = runner.invoke(app, args, prog_name="cleanup")
    alone = runner.invoke(trimmed, args, prog_name="cleanup")
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output)


@pytest.mark.parametrize("args", [[], ["--help"], ["--show-settings"], ["fxi"], ["-q", "fix"]])
def test_anything_but_a_command_first_gets_the_whole_application(args: list[str]) -> None:
    assert for_arguments(args) is app
