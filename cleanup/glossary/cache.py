"""An on-disk cache of the compiled glossary, keyed by the glossary files' content.

Parsing YAML and folding every key through seven OpenCC configurations costs most of a run's
start-up; the compiled matchers are the same until a glossary file changes. The cache file is
named by a SHA-256 of the package version and every glossary file's name and bytes, and
carries a SHA-256 of its own payload: a stale key misses, a corrupted file fails its checksum,
and either way the glossary is rebuilt from the YAML, never trusted.

``CLEANUP_CACHE_DIR`` moves the cache; ``CLEANUP_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from ..errors import CleanupError
from ..io import write_atomic

FORMAT = b"cleanup-glossary-cache-1\n"


def cache_dir() -> Path | None:
    if os.environ.get("CLEANUP_NO_CACHE"):
        return None
    configured = os.environ.get("CLEANUP_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleanup"


def content_key(files: list[tuple[str, Path]], version: str) -> str | None:
    """Hash of every (display name, bytes); ``None`` when a file cannot be read (no caching)."""
    digest = hashlib.sha256(version.encode() + b"\0")
    for name, path in files:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest.update(name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()


def load(key: str) -> Any | None:
    directory = cache_dir()
    if directory is None:
        return None
    try:
        blob = (directory / f"{key}.pickle").read_bytes()
    except OSError:
        return None
    if not blob.startswith(FORMAT) or len(blob) < len(FORMAT) + 32:
        return None
    checksum, payload = blob[len(FORMAT) : len(FORMAT) + 32], blob[len(FORMAT) + 32 :]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a payload we wrote but can no longer read: rebuild
        return None


def store(key: str, value: Any) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(directory / f"{key}.pickle", FORMAT + hashlib.sha256(payload).digest() + payload)
    except (OSError, CleanupError, pickle.PicklingError):
        pass
