"""Large text files in bounded memory: the encoding decided once, the bytes cut at paragraphs.

A file too large to hold (a 200 MB dump of articles) is cleaned part by part. Two things make
that exact rather than approximate:

* The encoding is decided once for the whole file (``sniff``): from the byte-order mark, or
  named, or guessed on the first ``SNIFF_BYTES`` while every byte of the file is checked to
  decode strictly, one block at a time. Every part is then decoded with that one encoding.
* Parts end just after a blank line (a newline, optional spaces, tabs or CRs, a newline), so no
  rule sees a cut paragraph. A paragraph longer than ``MAX_PART_BYTES`` is cut after its last
  line break within that size, else after a space or tab; with none of those it cannot be cut
  safely and is an error. Newline, CR, space and tab are whole code units, never the trail
  byte of a multi-byte character, in every ASCII-compatible encoding we accept (UTF-8,
  GB18030, GBK, Big5, Shift-JIS, EUC, single-byte code pages; not stateful ones such as
  ISO-2022); in UTF-16/32 they are matched at code-unit boundaries only.

Each part decodes on its own with ``document.decode(part.data, path, codec.encoding)``; the first
part carries the byte-order mark. Memory: at most ``MAX_PART_BYTES + BLOCK_BYTES`` of input
bytes are held at once.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .charsets import guess
from .document import (
    BinaryFile,
    body_encoding,
    canonical,
    check_binary,
    os_error,
    split_bom,
)
from .errors import CleanupError

SNIFF_BYTES = 4 << 20  # the beginning of a file that the encoding is guessed from
BLOCK_BYTES = 1 << 20  # read size
PART_BYTES = 1 << 20  # aim: a part ends at the first paragraph break after this many bytes
MAX_PART_BYTES = 16 << 20  # a paragraph longer than this is cut at a line break or a space
STATEFUL = ("iso2022", "hz", "utf_7")


@dataclass(frozen=True)
class Codec:
    encoding: str  # the body's encoding, as ``document.decode`` takes it
    bom: bytes = b""
    how: str = "utf-8"


@dataclass(frozen=True)
class Part:
    data: bytes  # decodes on its own with the file's codec
    index: int  # 0 for the first part (which holds the byte-order mark)
    offset: int  # byte offset of ``data`` in the file


def sniff(path: Path, encoding: str | None = None) -> Codec:
    """The one encoding of a whole file, read in blocks (memory: ``SNIFF_BYTES``)."""
    shown = str(path)
    named = canonical(encoding, shown) if encoding else None
    with _open(path) as handle:
        head = handle.read(SNIFF_BYTES)
    bom, from_bom = split_bom(head, named)
    if from_bom is not None:
        return Codec(from_bom, bom, "named" if named else "bom")
    if named is not None:
        return Codec(body_encoding(named), b"", "named")
    check_binary(head, shown, None)
    nul: list[int] = []
    found = guess(head, None if len(head) < SNIFF_BYTES else lambda enc: _decodes(path, enc, nul))
    if found is None and nul:
        raise BinaryFile(f"{shown}: binary file (NUL byte at offset {nul[0]}), skipped")
    if found is None:
        raise CleanupError(f"{shown}: cannot tell the encoding; name it with --encoding")
    return Codec(canonical(found[0], shown), b"", found[1])


def _decodes(path: Path, encoding: str, nul: list[int]) -> bool:
    """Whether the whole file decodes strictly and holds no NUL byte (noted in ``nul``)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    with _open(path) as handle:
        try:
            for block in iter(lambda: handle.read(BLOCK_BYTES), b""):
                if b"\x00" in block:
                    nul[:] = [offset + block.index(0)]
                    return False
                decoder.decode(block)
                offset += len(block)
            decoder.decode(b"", True)
        except UnicodeDecodeError:
            return False
    return True


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise os_error(path, exc) from None


def _units(encoding: str) -> dict[str, bytes]:
    if encoding.replace("-", "_").startswith(STATEFUL):
        raise CleanupError(f"{encoding} is a stateful encoding: a large file in it cannot be cut into parts")
    return {c: c.encode(encoding) for c in "\n\r \t"}


class _Cutter:
    """Finds where a part ends in a buffer whose first byte is at ``base`` in the body."""

    def __init__(self, encoding: str) -> None:
        self.units = _units(encoding)
        self.width = len(self.units["\n"])
        nl = re.escape(self.units["\n"])
        space = b"|".join(re.escape(self.units[c]) for c in "\r \t")
        self.blank = re.compile(nl + b"(?:" + space + b")*" + nl)

    def paragraph(self, buf: bytes, base: int, start: int) -> int | None:
        """The end of the first blank line at or after ``start``, on a code-unit boundary."""
        for m in self.blank.finditer(buf, max(start, PART_BYTES)):
            if (base + m.start()) % self.width == 0:
                return m.end()
        return None

    def fallback(self, buf: bytes, base: int) -> int:
        """After the last line break, else the last space or tab, within ``MAX_PART_BYTES``."""
        for chars in ("\n", " \t"):
            best = max((self._last(buf, self.units[c], base) for c in chars), default=-1)
            if best > 0:
                return best
        raise CleanupError(f"a paragraph of over {MAX_PART_BYTES >> 20} MiB has no line break or space to cut at")

    def _last(self, buf: bytes, unit: bytes, base: int) -> int:
        end = MAX_PART_BYTES
        while True:
            at = buf.rfind(unit, 0, end)
            if at <= 0 or (base + at) % self.width == 0:
                return at + len(unit) if at > 0 else -1
            end = at + len(unit) - 1


def split(path: Path, codec: Codec) -> Iterator[Part]:
    """The file's bytes in parts ending after a paragraph break (see the module docstring)."""
    cutter = _Cutter(codec.encoding)
    skip = len(codec.bom)
    with _open(path) as handle:
        buf, offset, index, eof, searched = b"", 0, 0, False, 0
        while not eof or buf:
            at = None
            while at is None and not eof and len(buf) < MAX_PART_BYTES:
                block = handle.read(BLOCK_BYTES)
                eof = not block
                buf += block
                at = cutter.paragraph(buf, offset - skip, searched)
                searched = max(0, len(buf) - 64)
            if at is None:
                at = cutter.paragraph(buf, offset - skip, 0)
            if at is None:
                at = len(buf) if eof and len(buf) <= MAX_PART_BYTES else cutter.fallback(buf, offset - skip)
            yield Part(buf[:at], index, offset)
            buf, offset, index, searched = buf[at:], offset + at, index + 1, 0
