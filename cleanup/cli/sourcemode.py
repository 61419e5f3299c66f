"""``check --source``, ``check --pairs`` and ``check --unused-suppressions``.

These read their inputs whole (a translation with its source, a corpus of pairs, or the files
whose suppressions are audited) and report like ``check``: the same formats, statistics and
exit codes (0 nothing found, 1 findings, 2 error).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from ..config import Settings, display
from ..document import read_document
from ..errors import CleanupError
from ..model import CleanResult
from ..report import text
from ..rules import RULES, SOURCE_RULES
from ..source.align import MODES
from ..source.check import check_translation
from ..source.jsonl import check_corpus
from ..suppress import Usage, load_glossary
from .output import emit


def run(kwargs: dict[str, Any], mine: Any, settings: Settings) -> None:
    paths = [p for p in kwargs.get("paths") or []]
    if mine.unused_suppressions:
        if mine.source is not None or mine.pairs:
            raise CleanupError("--unused-suppressions runs on its own, without --source or --pairs")
        unused(paths, kwargs, settings)
    if mine.source is not None and mine.pairs:
        raise CleanupError("use --source for one translation, or --pairs for JSON Lines corpora, not both")
    if mine.align not in MODES:
        raise CleanupError(f"unknown --align {mine.align!r}; use {' or '.join(MODES)}")
    if mine.source is not None and len(paths) != 1:
        raise CleanupError("--source compares one translation with its source: give exactly one file")
    glossary = load_glossary(settings)
    results: list[CleanResult] = []
    failed = 0
    for path in paths:
        rules = settings.rules_for(path, RULES + SOURCE_RULES)
        try:
            target = read_document(Path(path), settings.encoding).text
            if mine.source is not None:
                source = read_document(mine.source, settings.encoding).text
                pair = ((display(mine.source), source), (path, target))
                results.append(check_translation(*pair, glossary, rules, mine.align))
            else:
                results.append(check_corpus(path, target, glossary, rules))
        except CleanupError as exc:
            typer.echo(f"cleanup: error: {text.sanitise(str(exc))}", err=True)
            failed += 1
    emit(results, settings.format, mine.statistics, False, sys.stdout)
    found = [c for r in results for c in text.visible(r.changes)]
    if found and settings.format == "text" and not mine.statistics:
        typer.echo(f"Found {len(found)} finding(s): {text.summary(found)}", err=True)
    raise typer.Exit(2 if failed else (1 if found else 0))


def unused(paths: list[str], kwargs: dict[str, Any], settings: Settings) -> None:
    """Audit the suppressions over the files: print those that hid nothing; exit 1 if any."""
    from ..batch.inputs import Collector

    if not paths or "-" in paths:
        raise CleanupError("--unused-suppressions needs files or directories to look at (not stdin)")
    glossary = load_glossary(settings)
    usage = Usage()
    collector = Collector(list(kwargs.get("exclude") or []), [], any_file=bool(kwargs.get("input_format")))
    failed = 0
    for source in collector.sources(paths):
        if settings.is_excluded(str(source.path)):
            continue
        try:
            doc = read_document(Path(source.path), settings.encoding)
        except CleanupError as exc:
            typer.echo(f"cleanup: error: {text.sanitise(str(exc))}", err=True)
            failed += 1
            continue
        usage.record(doc.text, str(source.path), glossary, settings)
    report = usage.unused(glossary, settings)
    for line in report:
        typer.echo(text.sanitise(line))
    raise typer.Exit(2 if failed else (1 if report else 0))
