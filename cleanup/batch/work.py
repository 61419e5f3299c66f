"""What a worker does with a task: pure functions from input bytes to outcomes.

Workers never touch the file system: the main process reads inputs and writes outputs, so the
same code runs in a local process pool and on a Dask cluster whose workers share no disk with
the client. A task is a list of items: whole files, chunks of whole lines of a large JSONL
file, or parts of whole paragraphs of a large text file (``cleanup.stream``). Every item's
outcome carries its changes in the item's own coordinates (offsets; a part's lines and columns
are already the file's), the output bytes when they differ from the input, and per-item
failures as data, never as exceptions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..document import decode
from ..edits import apply_edits
from ..errors import CleanupError
from ..formats import jsonl, protected_spans
from ..formats.masking import clean_protected
from ..glossary.compiled import Compiled
from ..model import Change, CleanResult, Edit, Span, Status
from ..rules.base import Rule
from ..stream import Place, decode_part, encode_part, shift
from .consistency import renderings


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs besides the glossary; small and picklable."""

    rules: tuple[Rule, ...]
    suggestions: bool = False
    encoding: str | None = None
    fields: tuple[str, ...] = ("text",)
    write: bool = True  # fix: the fixed point and its bytes; check: the first pass's findings only
    output_encoding: str | None = None  # --output-encoding: every output is re-encoded, changed or not


@dataclass(frozen=True)
class Item:
    index: int  # the file's place in the run
    path: str  # as shown in logs and reports
    data: bytes
    fmt: str
    part: int = 0  # chunk number of a split JSONL or text file
    first_line: int = 1  # line number of the chunk's first line
    first_col: int = 1  # column of a text part's first character (a part cut after a space)
    encoding: str | None = None  # a text part: the whole file's encoding, decided once
    error: str | None = None  # the file could not be read: nothing to run, only to report


@dataclass
class Outcome:
    index: int
    path: str
    part: int
    size: int
    chars: int = 0  # code points in the item (to place the next chunk's offsets)
    output: bytes | None = None  # cleaned bytes, only when they differ from the input
    changes: list[Change] = field(default_factory=list)
    fields: list[str] | None = None  # the JSONL field of each change
    renderings: Counter[tuple[int, str]] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)  # bad lines; the rest of the file went on
    error: str | None = None  # the item failed as a whole

    @property
    def changed(self) -> bool:
        return any(c.status is Status.APPLIED for c in self.changes)


def run_task(glossary: Compiled, settings: Settings, items: Sequence[Item]) -> list[Outcome]:
    return [process(glossary, settings, item) for item in items]


def process(glossary: Compiled, settings: Settings, item: Item) -> Outcome:
    if item.error is not None:
        return Outcome(item.index, item.path, item.part, 0, error=item.error)
    try:
        if item.fmt == "jsonl":
            return _jsonl(glossary, settings, item)
        return _document(glossary, settings, item)
    except CleanupError as exc:
        return Outcome(item.index, item.path, item.part, len(item.data), error=str(exc))
    except Exception as exc:  # a bug: reported for this file, and the batch goes on
        message = f"{item.path}: internal error: {type(exc).__name__}: {exc}"
        return Outcome(item.index, item.path, item.part, len(item.data), error=message)


def _document(glossary: Compiled, settings: Settings, item: Item) -> Outcome:
    """A whole file, or one part of a large text file (``item.encoding`` set: the runner chose
    the whole file's encoding). A part's changes are placed at its line and column in the file;
    the sink adds the code points of the parts before it to the offsets."""
    first, place = item.part == 0, Place(0, item.first_line, item.first_col)
    if item.encoding is None:
        doc = decode(item.data, item.path, settings.encoding)
    else:
        doc = decode_part(item.data, item.path, item.encoding, first)
    spans = protected_spans(item.fmt, doc.text)
    result, seen = clean_protected(
        doc.text, spans, glossary, settings.rules, settings.suggestions, item.path, converge=settings.write
    )
    out = Outcome(item.index, item.path, item.part, len(item.data), len(doc.text), changes=shift(result.changes, place))
    if settings.write and (result.changed or settings.output_encoding):
        out.output = encode_part(doc, result.cleaned, settings.output_encoding, place, first)
    out.renderings = renderings(glossary, _published(result, seen) if settings.write else seen)
    return out


def _published(result: CleanResult, seen: str) -> str:
    """The text as it will be published, with protected spans still masked (they hold no prose)."""
    if not result.changed or seen is result.original:
        return result.cleaned
    return apply_edits(seen, [Edit(Span(c.start, c.end), c.after or "") for c in result.applied])


def _jsonl(glossary: Compiled, settings: Settings, item: Item) -> Outcome:
    out = Outcome(item.index, item.path, item.part, len(item.data), fields=[])
    written: list[bytes] = []
    offset = 0
    for number, raw in enumerate(item.data.splitlines(keepends=True), start=item.first_line):
        body = raw.rstrip(b"\r\n")
        ending = raw[len(body) :]
        try:
            line = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            out.problems.append(f"{item.path}:{number}: cannot decode byte 0x{body[exc.start]:02x} as UTF-8; line kept")
            written.append(raw)
            offset += len(raw.decode("utf-8", "replace"))
            continue
        written.append(_jsonl_line(glossary, settings, out, line, number, offset) + ending)
        offset += len(line) + len(ending)
    out.chars = offset
    data = b"".join(written)
    if settings.write and data != item.data:
        out.output = data
    return out


def _jsonl_line(glossary: Compiled, settings: Settings, out: Outcome, line: str, number: int, offset: int) -> bytes:
    if not line.strip():
        return line.encode("utf-8")
    try:
        result = jsonl.clean_line(
            line, settings.fields, glossary, settings.rules, settings.suggestions, converge=settings.write
        )
    except jsonl.BadLine as exc:
        out.problems.append(f"{out.path}:{number}: {exc}; line kept")
        return line.encode("utf-8")
    for name, c in result.changes:
        out.changes.append(replace(c, path=out.path, start=c.start + offset, end=c.end + offset, line=number))
        assert out.fields is not None
        out.fields.append(name)
    out.renderings.update(renderings(glossary, result.text if settings.write else line))
    return result.text.encode("utf-8")
