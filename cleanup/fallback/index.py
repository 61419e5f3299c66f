"""The fallback index on disk: built once, keyed by its sources' content, checked on every open.

The file is ``fallback-<key>-<crc>.sqlite`` in the cache directory (``CLEANUP_CACHE_DIR``; see
``cleanup.glossary.cache``). ``key`` hashes the index format, the builder's code and every
source file's bytes, so a new jieba or CC-CEDICT release (or a new builder) misses and
rebuilds; ``crc`` is the CRC-32 of the file itself, verified before SQLite opens it, so a
corrupted or truncated file is deleted and rebuilt, never trusted. The file is written whole
and renamed into place (``write_atomic``), so a reader never sees half an index. Opening it
costs about 20 ms of CPU (both checksums included); nothing is read into memory beyond the
pages a lookup touches.

``CLEANUP_NO_CACHE=1`` builds the index in memory for the process instead.
"""

from __future__ import annotations

import functools
import hashlib
import mmap
import sqlite3
import zlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import CleanupError
from ..glossary.cache import cache_dir
from ..io import write_atomic
from . import sources as _sources

FORMAT = b"cleanup-fallback-index-1\n"
PREFIX = "fallback-"
CHUNK = 900  # SQL parameters per query, well under SQLite's limit


@dataclass(frozen=True)
class Entry:
    """One CC-CEDICT entry: its line in the CC-CEDICT file, pinyin, ``/``-separated senses."""

    line: int
    pinyin: str
    defs: str


class Index:
    """Read-only lookups into the fallback index."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con
        meta = dict(con.execute("SELECT k, v FROM meta"))
        self.total = max(int(meta.get("total", "0")), 1)
        self.meta = meta

    def words(self, candidates: Collection[str]) -> dict[str, tuple[int, str]]:
        """jieba's ``(frequency, tag)`` for each candidate that is a word in its dictionary."""
        out: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(sorted(set(candidates))):
            sql = f"SELECT w, f, t FROM w WHERE w IN ({','.join('?' * len(chunk))})"
            out.update((w, (f, t)) for w, f, t in self._con.execute(sql, chunk))
        return out

    def entries(self, words: Iterable[str]) -> dict[str, list[Entry]]:
        """CC-CEDICT entries by simplified headword, in file order."""
        out: dict[str, list[Entry]] = {}
        for chunk in _chunks(sorted(set(words))):
            sql = f"SELECT w, n, py, defs FROM d WHERE w IN ({','.join('?' * len(chunk))}) ORDER BY w, n"
            for w, n, py, defs in self._con.execute(sql, chunk):
                out.setdefault(w, []).append(Entry(n, py, defs))
        return out

    def hmm_rows(self, chars: Collection[str]) -> dict[str, tuple[str, str]]:
        """jieba's HMM per character: ``(allowed states, emissions)`` as stored by ``build``."""
        out: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(sorted(set(chars))):
            sql = f"SELECT c, s, p FROM e WHERE c IN ({','.join('?' * len(chunk))})"
            out.update((c, (s, p)) for c, s, p in self._con.execute(sql, chunk))
        return out

    def simplified(self, text: str) -> str:
        """``text`` with traditional characters replaced one for one (offsets are kept)."""
        chars = sorted(set(text))
        found: dict[str, str] = {}
        for chunk in _chunks(chars):
            sql = f"SELECT t, s FROM t WHERE t IN ({','.join('?' * len(chunk))})"
            found.update(self._con.execute(sql, chunk))
        return "".join(found.get(c, c) for c in text)


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def content_key(found: list[_sources.Source]) -> str:
    """CRC-32 and size of each source's bytes, and of the builder's own code (changing how the
    index is built rebuilds it). CRC-32 rather than SHA-256: it runs at memory speed on the 15 MB
    of sources, and the key only has to notice change, not resist forgery."""
    builder = Path(__file__).with_name("build.py").read_bytes()
    parts = [FORMAT.decode().strip(), f"{zlib.crc32(builder):08x}"]
    for source in found:
        parts.append(f"{source.name}{source.path.stat().st_size:x}{_crc_of(source.path)}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def default_index() -> Index | None:
    """The index for the installed sources, opened once per process; ``None`` without sources."""
    found = _sources.available()
    if not found:
        return None
    try:
        return open_index(found, cache_dir())
    except (OSError, sqlite3.Error, CleanupError, ValueError):
        return None


def open_index(found: list[_sources.Source], directory: Path | None) -> Index:
    """Open the cached index for ``found`` in ``directory``, building it when missing or bad;
    when the cache cannot be written, the index built for it serves this process from memory."""
    if directory is None:
        return Index(_build_connection(found))
    key = content_key(found)
    path = _verified(directory, key)
    if path is not None:
        return Index(_open_read_only(path))
    con = _build_connection(found)
    path = _store(directory, key, con)
    if path is None:
        return Index(con)
    con.close()
    return Index(_open_read_only(path))


def _verified(directory: Path, key: str) -> Path | None:
    """The cached file for ``key`` whose CRC matches its name; bad ones are removed."""
    for path in sorted(directory.glob(f"{PREFIX}{key}-*.sqlite")):
        if _crc_of(path) == path.stem.rsplit("-", 1)[-1]:
            return path
        path.unlink(missing_ok=True)
    return None


def _crc_of(path: Path) -> str:
    try:
        with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return f"{zlib.crc32(data):08x}"
    except (OSError, ValueError):  # unreadable, or empty (mmap refuses length 0)
        return ""


def _build_connection(found: list[_sources.Source]) -> sqlite3.Connection:
    from . import build  # the builder is needed once per cache, not per run

    con = sqlite3.connect(":memory:", check_same_thread=False)
    build.build(found, con)
    return con


def _store(directory: Path, key: str, con: sqlite3.Connection) -> Path | None:
    """Write the built index atomically under a name carrying its CRC; drop older indexes."""
    data = con.serialize()
    path = directory / f"{PREFIX}{key}-{zlib.crc32(data):08x}.sqlite"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except (OSError, CleanupError):
        return None
    for old in directory.glob(f"{PREFIX}*.sqlite"):
        if old != path and not old.name.startswith(f"{PREFIX}{key}-"):
            old.unlink(missing_ok=True)
    return path


def _open_read_only(path: Path) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)
