"""Clean a file too large to hold, part by part, writing as it goes (memory does not grow with it).

``parts.split`` cuts the file after blank lines; each part is decoded, cleaned by the engine like
any document, and its changes are moved into the whole file's coordinates (code points, lines,
columns) before they are handed on, so the change log of a streamed file reads exactly like one
of a file cleaned whole. The output is encoded part by part into one ``AtomicFile``: the
destination appears complete or not at all. With ``--in-place`` and nothing changed, the file
is not touched.

The command line does the same through the batch runner (``cleanup.batch.runner``): a ``.txt``
file over ``LARGE_BYTES`` is cut by ``placed_parts``, each part is one task a worker cleans with
``decode_part`` / ``shift`` / ``encode_part``, and the sink writes the parts in order into one
temporary file. ``run`` below is the same thing in one process, for the Python API.

Rules that judge a whole document (EN003 consistency, DT001's months, ZH001's first mention of a
person) judge one part: a large file is almost always many articles, and a part holds whole
paragraphs of about a megabyte. A boilerplate paragraph that opens a part is deleted with the
blank lines after it rather than those before it (BP001 treats it as the top of a document); the
change log says so exactly.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .document import Document, canonical, decode, unencodable
from .engine import clean
from .errors import CleanupError
from .glossary.compiled import Compiled
from .io import AtomicFile
from .model import Change, CleanResult, Edit, Span, Status
from .parts import Codec, Part, sniff, split
from .rules.base import Rule

# A .txt file larger than this is cleaned in parts by the command line. Cleaned whole, a file
# costs about 18 bytes of memory per byte (8 MiB: about 150 MiB); in parts, the size of one part.
LARGE_BYTES = 8 << 20


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
    if place == Place():
        return list(changes)  # the first part (or a whole file): nothing to move
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
        doc = decode_part(part.data, str(path), codec.encoding, part.index == 0)
        result = clean(doc.text, glossary, rules, suggestions, str(path))
        yield doc, replace(result, changes=tuple(shift(result.changes, place))), place
        place = place.after(doc.text)


def placed_parts(path: Path, codec: Codec) -> Iterator[tuple[Part, Place]]:
    """The file's parts, each with where it starts in the whole file.

    Each part is decoded here (to count its lines and code points), so a byte that does not
    decode is found before anything is cleaned, and its error names the whole file's line and
    byte offset, not the part's.
    """
    shown = str(path)
    place = Place()
    for part in split(path, codec):
        after = place.after(_text(part, codec, shown, place))
        yield part, place
        place = after


def _text(part: Part, codec: Codec, shown: str, place: Place) -> str:
    body = part.data[len(codec.bom) :] if part.index == 0 else part.data
    try:
        return body.decode(codec.encoding)
    except UnicodeDecodeError as exc:
        line = place.line + body[: exc.start].decode(codec.encoding, "replace").count("\n")
        offset = part.offset + len(part.data) - len(body) + exc.start
        raise CleanupError(
            f"{shown}:{line}: cannot decode byte 0x{body[exc.start]:02x} at offset {offset} as {codec.encoding}; "
            "name the encoding with --encoding"
        ) from None


def decode_part(data: bytes, path: str, encoding: str, first: bool) -> Document:
    """A part decoded with the whole file's encoding.

    Only the first part can start with a byte-order mark: a later part that starts with the
    same bytes starts with the character U+FEFF (a BOM left inside a concatenated file), kept
    as text, as it is when the file is decoded whole.
    """
    doc = decode(data, path, encoding)
    if first or not doc.bom:
        return doc
    return replace(doc, text=doc.bom.decode(doc.encoding) + doc.text, bom=b"")


def encode_part(doc: Document, text: str, encoding: str | None, place: Place, first: bool) -> bytes:
    """A part's output: in the input's encoding (its BOM comes with the first part, the only one
    that has it), or in ``encoding``, whose BOM (``utf-16``, ``utf-8-sig``) only the first part
    writes. A character the encoding cannot hold is an error at the whole file's line and column.
    """
    target = canonical(encoding, doc.path) if encoding else doc.encoding
    encoder = codecs.getincrementalencoder(target)("strict")
    if not first:
        encoder.encode("")  # an encoder writes its BOM once, before its first text: spend it here
    try:
        return (b"" if encoding else doc.bom) + bytes(encoder.encode(text, True))
    except UnicodeEncodeError as exc:
        raise unencodable(doc.path, text, exc, target, place.line, place.col) from None


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
        for doc, result, place in clean_parts(job.path, glossary, rules, suggestions, codec):
            _count(summary, result, log)
            out.write(encode_part(doc, result.cleaned, job.output_encoding, place, summary.parts == 1))
        if job.in_place and not summary.changed:
            out.cancel()
    return summary


def _count(summary: Streamed, result: CleanResult, log: Callable[[list[Change]], None]) -> None:
    summary.parts += 1
    summary.chars += len(result.original)
    summary.changed = summary.changed or result.changed
    summary.counts.update((c.status.value, c.code) for c in result.changes if c.status is not Status.SKIPPED_OVERLAP)
    log(list(result.changes))
