"""A progress bar on the terminal: files, bytes, rate and time left (rich).

Shown only when stderr is a terminal and the run is not ``--quiet``; a pipe or a log file gets
nothing but the summary. Totals come from a first, cheap listing of the inputs (names and sizes
only), so the time left is known from the start.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from .inputs import Source


def wanted(quiet: bool, stream: Any) -> bool:
    return not quiet and hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


def totals(sources: Iterable[Source]) -> tuple[int, int]:
    files = size = 0
    for source in sources:
        files += 1
        try:
            size += os.stat(source.path).st_size
        except OSError:
            pass
    return files, size


class Bar:
    """``advance(files, bytes)`` from the main loop; ``print`` above the bar."""

    def __init__(self, files: int, size: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.console = Console(stderr=True)
        self._progress = Progress(
            TextColumn("[bold]cleanup"),
            BarColumn(),
            TextColumn("{task.fields[files]} files"),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self._files = files
        self._done = 0
        self._task = self._progress.add_task("bytes", total=size or None, files=self._count())
        self._progress.start()

    def _count(self) -> str:
        return f"{self._done}/{self._files}"

    def advance(self, files: int, size: int) -> None:
        self._done += files
        self._progress.update(self._task, advance=size, files=self._count())

    def print(self, line: str) -> None:
        self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def stop(self) -> None:
        self._progress.stop()
