"""Which files a batch reads: paths, directories (recursive), globs, ``--files-from``, minus
``--exclude`` patterns and ``.cleanupignore`` files (gitignore syntax).

Sources are produced lazily and in a deterministic order (arguments in order, directory
entries sorted), so a corpus of any size is listed without holding it in memory, and a second
listing (for the progress bar's totals, or a resumed run) comes out the same.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..formats import known

if TYPE_CHECKING:  # imported by _spec, when there are patterns to match (start-up)
    import pathspec

IGNORE_FILE = ".cleanupignore"
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Source:
    path: str  # what is read (a string: a batch lists many files, and paths are cheap as str)
    shown: str  # how logs, reports and the manifest name it
    mirror: str  # where it goes under --out-dir, a relative POSIX path


def _spec(lines: Iterable[str]) -> pathspec.GitIgnoreSpec | None:
    wanted = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not wanted:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(wanted)


def _read_ignore(directory: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        return _spec((directory / IGNORE_FILE).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return None


def _mirror(shown: str) -> str:
    """The path under ``--out-dir``: as shown, without ``..``, ``.`` or a leading ``/``."""
    parts = [p for p in shown.replace(os.sep, "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or os.path.basename(shown)


@dataclass
class Collector:
    excludes: list[str]
    skip: list[Path]  # outputs of this run (an --out-dir inside an input directory)
    any_file: bool = False  # --input-format given: a directory walk takes every file

    def __post_init__(self) -> None:
        self._exclude = _spec(self.excludes)
        self._cwd_ignore = _read_ignore(Path("."))
        self._skip = [os.path.realpath(p) for p in self.skip]
        self._seen: set[str] = set()

    def sources(self, args: Iterable[str]) -> Iterator[Source]:
        for arg in args:
            path = Path(arg)
            if path.is_dir():
                yield from self._walk(path, arg)
            elif not path.exists() and GLOB_CHARS & set(arg):
                for match in sorted(glob.glob(arg, recursive=True)):
                    yield from self.sources([match]) if Path(match).is_dir() else self._file(Path(match), match)
            else:
                yield from self._file(path, arg, explicit=True)

    def _excluded(self, shown: str, relative: str = "", is_dir: bool = False) -> bool:
        suffix = "/" if is_dir else ""
        for spec in (self._exclude, self._cwd_ignore):
            if spec is not None and (spec.match_file(shown + suffix) or (relative and spec.match_file(relative + suffix))):
                return True
        return False

    def _file(self, path: Path, shown: str, explicit: bool = False) -> Iterator[Source]:
        shown = os.path.normpath(shown)
        if not explicit and self._excluded(shown):
            return
        real = os.path.realpath(path) if path.exists() else None
        if real is not None and (real in self._seen or self._skipped(real)):
            return
        if real is not None:
            self._seen.add(real)
        yield Source(str(path), shown, _mirror(shown))

    def _skipped(self, real: str) -> bool:
        return any(real == s or real.startswith(s + os.sep) for s in self._skip)

    def _walk(self, root: Path, arg: str) -> Iterator[Source]:
        """Files under ``root`` in sorted order; ignore files, excludes and outputs pruned.

        Paths are resolved once per directory, not per file: listing a large tree costs little.
        """
        base = os.path.normpath(arg)
        prefix = root.resolve().name if root.is_absolute() else None
        scoped: list[tuple[str, pathspec.GitIgnoreSpec]] = []
        if self._skipped(os.path.realpath(root)):
            return
        for directory, dirs, files in os.walk(root):
            rel_dir = os.path.relpath(directory, root)
            rel_dir = "" if rel_dir == "." else rel_dir.replace(os.sep, "/")
            real_dir = os.path.realpath(directory)
            spec = _read_ignore(Path(directory))
            if spec is not None:
                scoped.append((rel_dir, spec))
            dirs[:] = [
                name for name in sorted(dirs)
                if not self._ignored(scoped, f"{rel_dir}/{name}" if rel_dir else name, True)
                and not self._skipped(os.path.join(real_dir, name))
            ]
            for name in sorted(files):
                rel = f"{rel_dir}/{name}" if rel_dir else name
                if name == IGNORE_FILE or (not self.any_file and not known(name)) or self._ignored(scoped, rel, False):
                    continue
                shown = os.path.join(base, rel) if base != "." else rel
                real = os.path.join(real_dir, name)
                if real in self._seen or (self._excluded(shown) if base != "." else False):
                    continue
                self._seen.add(real)
                yield Source(os.path.join(directory, name), shown, f"{prefix}/{rel}" if prefix else _mirror(shown))

    def _ignored(self, scoped: list[tuple[str, pathspec.GitIgnoreSpec]], rel: str, is_dir: bool) -> bool:
        suffix = "/" if is_dir else ""
        for where, spec in scoped:
            if where and not rel.startswith(where + "/"):
                continue
            inner = rel[len(where) + 1 :] if where else rel
            if spec.match_file(inner + suffix):
                return True
        return self._excluded(rel, rel, is_dir)


def read_list(path: str, stdin_text: str | None = None) -> list[str]:
    """``--files-from``: one path per line; blank lines and ``#`` comments skipped."""
    text = stdin_text if path == "-" and stdin_text is not None else Path(path).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
