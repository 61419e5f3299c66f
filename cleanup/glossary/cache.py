"""An on-disk cache of the compiled glossary, keyed by the glossary files' content.

Parsing YAML and folding every key through seven OpenCC configurations costs most of a run's
start-up; the compiled matchers are the same until a glossary file changes. The cache file is
named by a SHA-256 of the Python and package versions, the package's source code and every
glossary file's name, size and SHA-256, and carries a CRC-32 of its own payload: a stale key
misses, a corrupted file fails its checksum, and either way the glossary is rebuilt from the
YAML, never trusted.

Each file's SHA-256 is remembered between runs (``file-digests`` in the cache directory, see
``glossary.digests``), so that an unchanged 20 MB glossary is not read and hashed again on every
start-up; the key is still a hash of the content, and a file that may have changed is hashed.

``CLEANUP_CACHE_DIR`` moves the cache; ``CLEANUP_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import CleanupError
from ..io import write_atomic
from .digests import DigestMemo

FORMAT = b"cleanup-glossary-cache-2\n"
CHECKSUM = 4  # bytes of CRC-32 after FORMAT
KEPT = 8  # compiled glossaries kept, most recently used first; older ones are deleted


def cache_dir() -> Path | None:
    if os.environ.get("CLEANUP_NO_CACHE"):
        return None
    configured = os.environ.get("CLEANUP_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleanup"


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's own source: a cache built by other code is never unpickled.

    The version alone is not enough: an install from a checkout keeps its version while the
    classes inside the pickle change shape.
    """
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def content_key(files: list[tuple[str, Path]], version: str) -> str | None:
    """Hash of the code and every (display name, size, SHA-256 of the bytes); ``None`` when a
    file cannot be read."""
    # marshal records (glossary.lean) are only readable by the Python that wrote them
    digest = hashlib.sha256(f"{sys.version}\0{version}\0{code_fingerprint()}".encode())
    directory = cache_dir()
    memo = DigestMemo(directory)
    for name, path in files:
        found = memo.file_digest(path)
        if found is None:
            return None
        size, file_digest = found
        digest.update(name.encode() + b"\0" + str(size).encode() + b"\0" + file_digest)
    memo.save()
    return digest.hexdigest()


def load(key: str) -> Any | None:
    """The cached value, or ``None`` when it is missing, stale, corrupted or unreadable.

    The file is read twice, in chunks: once to check its checksum, once to unpickle it. Reading
    it whole would hold the file's bytes and the objects built from them at the same time (a
    100k-entry glossary: 90 MB more at the peak); the second read comes from the page cache.
    """
    directory = cache_dir()
    if directory is None:
        return None
    try:
        with (directory / f"{key}.pickle").open("rb") as handle:
            head = handle.read(len(FORMAT) + CHECKSUM)
            if not head.startswith(FORMAT) or len(head) < len(FORMAT) + CHECKSUM:
                return None
            if _checksum(handle) != head[len(FORMAT) :]:
                return None
            handle.seek(len(head))
            value = _unpickle(handle)
            if value is not None:
                _touch(handle.fileno())
            return value
    except OSError:
        return None


def _touch(fd: int) -> None:
    """Mark a cache file as used now: ``prune`` keeps the most recently used."""
    try:
        os.utime(fd)
    except OSError:
        pass


def prune(directory: Path, keep: str) -> None:
    """Delete all but the ``KEPT`` most recently used compiled glossaries (never ``keep``).

    Every edit of a glossary writes a file under a new key, and the old one is never asked for
    again: without this, editing a 100,000-entry glossary would leave 100 MB behind each time.
    A file deleted while another process opens it only costs that process a rebuild.
    """
    try:
        found = [(p.stat().st_mtime_ns, p) for p in directory.glob("*.pickle")]
    except OSError:
        return
    found.sort(reverse=True)
    for _, path in found[KEPT:]:
        if path.name != f"{keep}.pickle":
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass


def _checksum(handle: BinaryIO) -> bytes:
    """CRC-32 of the rest of the file, big-endian.

    CRC-32 rather than SHA-256 (as for the fallback index, ``cleanup.fallback.index``): the
    file's name already is the content key, so its checksum only has to notice a torn or
    corrupted write, not resist forgery (whoever can write the cache directory can write a
    matching SHA-256 too), and CRC-32 runs at memory speed: half the time on 90 MB.
    """
    crc = 0
    while chunk := handle.read(1 << 20):
        crc = zlib.crc32(chunk, crc)
    return crc.to_bytes(CHECKSUM, "big")


def _unpickle(handle: BinaryIO) -> Any | None:
    enabled = gc.isenabled()
    gc.disable()  # unpickling a glossary makes millions of objects: collecting midway triples the time
    try:
        return pickle.load(handle)
    except Exception:  # a payload we wrote but can no longer read: rebuild
        return None
    finally:
        if enabled:
            gc.enable()


def store(key: str, value: Any) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(directory / f"{key}.pickle", FORMAT + zlib.crc32(payload).to_bytes(CHECKSUM, "big") + payload)
    except (OSError, CleanupError, pickle.PicklingError):
        return
    prune(directory, key)
