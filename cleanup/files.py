"""Files in, results out: read and decode, clean, and decide where the cleaned text goes."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .document import Document, decode, encode, read_document
from .engine import clean
from .errors import CleanupError
from .glossary.compiled import Compiled
from .io import write_atomic
from .model import CleanResult
from .rules.base import Rule


@dataclass(frozen=True)
class Options:
    rules: tuple[Rule, ...]
    suggestions: bool = False
    encoding: str | None = None


def clean_path(path: str, glossary: Compiled, options: Options) -> tuple[Document, CleanResult]:
    """Read ``path`` (``-`` for stdin) and clean it; raise ``CleanupError`` on bad input."""
    if path == "-":
        doc = decode(sys.stdin.buffer.read(), "-", options.encoding)
    else:
        doc = read_document(Path(path), options.encoding)
    result = clean(doc.text, glossary, options.rules, options.suggestions, path)
    return doc, result


def destination(path: str, out_dir: Path | None, in_place: bool) -> Path | None:
    """Where a cleaned file goes: beside nothing (stdout), over itself, or under ``out_dir``."""
    if in_place:
        return Path(path)
    if out_dir is None:
        return None
    source = Path(path)
    relative = source if not source.is_absolute() else Path(source.name)
    parts = [p for p in relative.parts if p not in ("..", ".")]
    target = out_dir.joinpath(*parts) if parts else out_dir / source.name
    return target


def write_result(doc: Document, result: CleanResult, target: Path) -> None:
    data = encode(doc, result.cleaned)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CleanupError(f"{target.parent}: cannot create directory ({exc.strerror})") from None
    write_atomic(target, data)
