"""Clean a file too large to hold, part by part, writing as it goes (memory does not grow with it).

``parts.split`` cuts the file after blank lines; each part is decoded, cleaned by the engine like
any document, and its changes are moved into the whole file's coordinates (code points, lines,
columns) before they are handed on, so the change log of a streamed file reads exactly like one
of a file cleaned whole. The output is encoded part by part into one ``AtomicFile``: the
destination appears complete or not at all. With ``--in-place`` and nothing changed, the file
is not touched.

Rules that judge a whole document (EN003 consistency, DT001's months) judge one part: a large
file is almost always many articles, and a part holds whole paragraphs of about a megabyte. A
boilerplate paragraph that opens a part is deleted with the blank lines after it rather than
those before it (BP001 treats it as the top of a document); the change log says so exactly.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .document import Document, decode, unencodable
from .engine import clean
from .glossary.compiled import Compiled
from .io import AtomicFile
from .model import Change, CleanResult, Edit, Span, Status
from .parts import Codec, sniff, split
from .rules.base import Rule

LARGE_BYTES = 32 << 20  # files above this size are streamed by the command line


@dataclass(frozen=True)
class Place:
    """Where a part starts in the whole file: code points before it, its line and column."""

    offset: int = 0
    line: int = 1
    col: int = 1

    def after(self, text: str) -> Place:
        newlines = text.count("\n")
        if newlines:
            return Place(self.offset + len(text), self.line + newlines, len(text) - text.rfind("\n"))
        return Place(self.offset + len(text), self.line, self.col + len(text))


@dataclass
class Streamed:
    """What a streamed run did, without holding the text."""

    path: str
    codec: Codec
    parts: int = 0
    chars: int = 0
    changed: bool = False
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (status, code) -> n


def shift(changes: Sequence[Change], place: Place) -> list[Change]:
    """Changes of a part, moved into the coordinates of the whole file."""
    out = []
    for c in changes:
        col = c.col + place.col - 1 if c.line == 1 else c.col
        edits = tuple(Edit(Span(e.span.start + place.offset, e.span.end + place.offset), e.text) for e in c.edits)
        out.append(
            replace(c, start=c.start + place.offset, end=c.end + place.offset, line=c.line + place.line - 1, col=col, edits=edits)
        )
    return out


def clean_parts(
    path: Path, glossary: Compiled, rules: Sequence[Rule], suggestions: bool = False, codec: Codec | None = None
) -> Iterator[tuple[Document, CleanResult, Place]]:
    """Each part decoded and cleaned, its changes already in whole-file coordinates."""
    codec = codec or sniff(path)
    place = Place()
    for part in split(path, codec):
        doc = decode(part.data, str(path), codec.encoding)
        result = clean(doc.text, glossary, rules, suggestions, str(path))
        yield doc, replace(result, changes=tuple(shift(result.changes, place))), place
        place = place.after(doc.text)


@dataclass
class Job:
    """One large file to clean: where it goes (``None``: nowhere, as for ``check``) and how."""

    path: Path
    target: Path | None = None
    in_place: bool = False
    encoding: str | None = None
    output_encoding: str | None = None


def run(job: Job, glossary: Compiled, rules: Sequence[Rule], suggestions: bool, log: Callable[[list[Change]], None]) -> Streamed:
    """Clean ``job.path`` part by part, handing each part's changes to ``log`` as they come."""
    codec = sniff(job.path, job.encoding)
    summary = Streamed(str(job.path), codec)
    if job.target is None:
        for _doc, result, _place in clean_parts(job.path, glossary, rules, suggestions, codec):
            _count(summary, result, log)
        return summary
    with AtomicFile(job.target) as out:
        writer = _Writer(job.output_encoding)
        for doc, result, place in clean_parts(job.path, glossary, rules, suggestions, codec):
            _count(summary, result, log)
            out.write(writer.encode(doc, result.cleaned, place))
        out.write(writer.finish())
        if job.in_place and not summary.changed:
            out.cancel()
    return summary


def _count(summary: Streamed, result: CleanResult, log: Callable[[list[Change]], None]) -> None:
    summary.parts += 1
    summary.chars += len(result.original)
    summary.changed = summary.changed or result.changed
    summary.counts.update((c.status.value, c.code) for c in result.changes if c.status is not Status.SKIPPED_OVERLAP)
    log(list(result.changes))


class _Writer:
    """Encodes parts: in the input's own encoding (BOM with the first part), or in another one
    through one incremental encoder (so ``utf-16`` writes one BOM, not one per part)."""

    def __init__(self, output_encoding: str | None) -> None:
        self.target = output_encoding
        self._encoder = codecs.getincrementalencoder(output_encoding)("strict") if output_encoding else None

    def encode(self, doc: Document, text: str, place: Place) -> bytes:
        if self._encoder is None:
            return self._with_place(doc, text, doc.encoding, place)
        try:
            return bytes(self._encoder.encode(text))
        except UnicodeEncodeError as exc:
            raise unencodable(doc.path, text, exc, str(self.target), place.line, place.col) from None

    def _with_place(self, doc: Document, text: str, target: str, place: Place) -> bytes:
        try:
            return doc.bom + text.encode(target)
        except UnicodeEncodeError as exc:
            raise unencodable(doc.path, text, exc, target, place.line, place.col) from None

    def finish(self) -> bytes:
        return bytes(self._encoder.encode("", True)) if self._encoder is not None else b""
