"""Documents as the user gave them: decoded text plus what is needed to write them back unchanged.

The text is never normalised: newlines, BOM and encoding are remembered so that a file with no
edits is written back byte for byte.
"""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass
from pathlib import Path

from .errors import CleanupError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FALLBACK_ENCODINGS = ("utf-8", "gb18030")


@dataclass(frozen=True)
class Document:
    text: str
    path: str = "-"
    encoding: str = "utf-8"


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


def decode(data: bytes, path: str, encoding: str | None = None) -> Document:
    """Decode bytes strictly: a named encoding, else a BOM, else UTF-8, else GB18030."""
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CleanupError(f"{path}: binary file (NUL byte at offset {data.index(0)}), skipped")
    candidates = [encoding] if encoding else _guess(data)
    for name in candidates:
        try:
            return Document(data.decode(name), path, name)
        except UnicodeDecodeError as exc:
            last = exc
        except LookupError:
            raise CleanupError(f"{path}: unknown encoding {name!r}") from None
    line = data[: last.start].count(b"\n") + 1
    tried = ", ".join(candidates)
    raise CleanupError(
        f"{path}:{line}: cannot decode byte 0x{data[last.start]:02x} at offset {last.start} "
        f"(tried {tried}); name the encoding with --encoding"
    )


def _guess(data: bytes) -> list[str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return [name]
    return list(FALLBACK_ENCODINGS)


def read_document(path: Path, encoding: str | None = None) -> Document:
    """Read and decode one file, turning every OS error into a one-line message."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CleanupError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CleanupError(f"{path}: is a directory, expected a file") from None
    except PermissionError:
        raise CleanupError(f"{path}: permission denied") from None
    except OSError as exc:
        raise CleanupError(f"{path}: cannot read ({exc.strerror})") from None
    return decode(data, str(path), encoding)


def encode(doc: Document, text: str) -> bytes:
    """Encode cleaned text back into the document's own encoding; refuse lossy writes."""
    try:
        return text.encode(doc.encoding)
    except UnicodeEncodeError as exc:
        ch = exc.object[exc.start]
        raise CleanupError(
            f"{doc.path}: cannot write {ch!r} (U+{ord(ch):04X}) in {doc.encoding}"
        ) from None
