"""Documents as the user gave them: decoded text plus what is needed to write them back unchanged.

The text is never normalised: newlines (``\\n``, ``\\r\\n``, a lone ``\\r``, mixed) stay in the
text as they were, and the byte-order mark and the encoding are remembered, so that a file with
no edits is written back byte for byte. A decoding is accepted only if encoding its text again
gives exactly the bytes read (Big5 has a few byte pairs that do not survive that); otherwise
the file is refused rather than silently altered.

How the encoding is chosen: ``--encoding`` when named; else a byte-order mark (UTF-8, UTF-16,
UTF-32, kept on write); else ``charsets.guess`` (strict UTF-8, then GB18030 or Big5 by
plausibility, then a detector).
"""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass
from pathlib import Path

from .charsets import guess
from .errors import CleanupError

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE = ("utf-16", "utf-32")  # encodings whose text legitimately contains NUL bytes


class BinaryFile(CleanupError):
    """The file holds NUL bytes: not text. Batch callers may count it as skipped, not failed."""


@dataclass(frozen=True)
class Document:
    """Decoded text and how to write it back: ``bom`` + ``text.encode(encoding)``.

    ``how`` says how the encoding was chosen: ``named``, ``bom``, ``utf-8``, ``gb18030``,
    ``big5`` or ``detector`` (worth a notice: the detector can be wrong).
    """

    text: str
    path: str = "-"
    encoding: str = "utf-8"
    bom: bytes = b""
    how: str = "utf-8"


class LineIndex:
    """Maps code-point offsets to 1-based line and column, and back."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, col: int) -> int:
        return self._starts[line - 1] + col - 1


def canonical(name: str, path: str = "-") -> str:
    """Python's own name for an encoding (``UTF8`` -> ``utf-8``), or a one-line error."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise CleanupError(f"{path}: unknown encoding {name!r}") from None


def split_bom(data: bytes, named: str | None = None) -> tuple[bytes, str | None]:
    """The byte-order mark ``data`` starts with and the body encoding it implies.

    A named encoding keeps its BOM only when the mark belongs to it (``utf-8`` with a UTF-8
    mark, ``utf-16`` with either UTF-16 mark); otherwise the named encoding decodes every byte.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if named is None or enc.startswith(_family(named)):
                return bom, enc
            break
    return b"", None


def _family(named: str) -> str:
    """``utf-8-sig`` -> ``utf-8``, ``utf-16`` -> ``utf-16``; a BOM-less name stays itself."""
    return "utf-8" if named == "utf-8-sig" else named


def body_encoding(named: str) -> str:
    """What a named encoding without a BOM in the data decodes with (written back the same)."""
    return {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}.get(named, named)


def check_binary(data: bytes, path: str, encoding: str | None) -> None:
    """Refuse data with NUL bytes unless it is in a wide encoding (UTF-16/32)."""
    if encoding is not None and encoding.startswith(_WIDE):
        return
    nul = data.find(0)
    if nul != -1:
        hint = ""
        if nul % 2 == 1 and data[1:200:2].count(0) > 40:
            hint = "; if it is UTF-16 without a BOM, name it with --encoding utf-16-le"
        raise BinaryFile(f"{path}: binary file (NUL byte at offset {nul}), skipped{hint}")


def decode(data: bytes, path: str, encoding: str | None = None) -> Document:
    """Decode bytes strictly: a named encoding, else a BOM, else ``charsets.guess``."""
    named = canonical(encoding, path) if encoding else None
    bom, from_bom = split_bom(data, named)
    body = data[len(bom):]
    if from_bom is not None:
        enc, how = from_bom, "named" if named else "bom"
    elif named is not None:
        enc, how = body_encoding(named), "named"
    else:
        check_binary(data, path, None)
        try:  # what ``guess`` tries first; decoding here spares a second decode of the file
            return Document(body.decode("utf-8"), path, "utf-8", bom, "utf-8")
        except UnicodeDecodeError:
            pass
        found = guess(body)
        if found is None:
            _strict(body, "utf-8", path, 0, "utf-8, gb18030, big5 or a detected encoding")
            raise CleanupError(f"{path}: cannot tell the encoding; name it with --encoding")
        enc, how = canonical(found[0], path), found[1]
    check_binary(body, path, enc)
    text = _strict(body, enc, path, len(bom))
    _round_trip(text, body, enc, path, len(bom))
    return Document(text, path, enc, bom, how)


def _strict(body: bytes, enc: str, path: str, skip: int, tried: str = "") -> str:
    try:
        return body.decode(enc)
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise CleanupError(
            f"{path}:{line}: cannot decode byte 0x{body[exc.start]:02x} at offset {exc.start + skip} "
            f"as {tried or enc}; name the encoding with --encoding"
        ) from None


def _round_trip(text: str, body: bytes, enc: str, path: str, skip: int) -> None:
    """Refuse a decoding that would not write the same bytes back (nothing lost, nothing changed)."""
    if enc.startswith("utf") or enc == "ascii":
        return  # strict UTF decoding is a bijection
    again = text.encode(enc)
    if again != body:
        at = next((i for i, (a, b) in enumerate(zip(again, body)) if a != b), min(len(again), len(body)))
        line = body[:at].count(b"\n") + 1
        raise CleanupError(
            f"{path}:{line}: bytes at offset {at + skip} would not be written back unchanged in {enc}; "
            "file skipped (name another encoding with --encoding)"
        )


def read_document(path: Path, encoding: str | None = None) -> Document:
    """Read and decode one file, turning every OS error into a one-line message."""
    return decode(read_bytes(path), str(path), encoding)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise os_error(path, exc) from None


def os_error(path: Path | str, exc: OSError) -> CleanupError:
    """One line for a file that cannot be read: what went wrong, in words."""
    if isinstance(exc, FileNotFoundError):
        return CleanupError(f"{path}: no such file")
    if isinstance(exc, IsADirectoryError):
        return CleanupError(f"{path}: is a directory, expected a file")
    if isinstance(exc, PermissionError):
        return CleanupError(f"{path}: permission denied")
    return CleanupError(f"{path}: cannot read ({exc.strerror or exc})")


def encode(doc: Document, text: str, encoding: str | None = None) -> bytes:
    """Encode cleaned text in the document's own encoding (BOM kept), or in ``encoding``.

    ``encoding`` follows Python's names: ``utf-8-sig`` and ``utf-16`` write a BOM, ``utf-8``
    and ``utf-16-le`` do not. A character the encoding cannot hold is an error naming the file,
    the line and column and the character, never a ``?``.
    """
    target = canonical(encoding, doc.path) if encoding else doc.encoding
    prefix = b"" if encoding else doc.bom
    try:
        return prefix + text.encode(target)
    except UnicodeEncodeError as exc:
        raise unencodable(doc.path, text, exc, target) from None


def unencodable(path: str, text: str, exc: UnicodeEncodeError, target: str, line: int = 1, col: int = 1) -> CleanupError:
    """The error for a character ``target`` cannot hold; ``line``/``col`` place ``text`` in its file."""
    ch = exc.object[exc.start]
    at_line, at_col = LineIndex(text).line_col(exc.start)
    if at_line == 1:
        at_col += col - 1
    return CleanupError(
        f"{path}:{at_line + line - 1}:{at_col}: cannot write {ch!r} (U+{ord(ch):04X}) in {target}; "
        "choose another with --output-encoding"
    )
