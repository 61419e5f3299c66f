"""Each glossary file's SHA-256, remembered between runs by the file's ``stat``, pyc-style.

The compiled-glossary cache is keyed by the glossary files' content (``cache``); hashing 20 MB
of YAML on every start-up costs more than the rest of the key. This memo, ``file-digests`` in
the cache directory, lets an unchanged file skip the read and the hash while a file that may
have changed is always hashed again.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
import zlib
from pathlib import Path

from ..errors import CleanupError
from ..io import write_atomic

MEMO = "file-digests"
MEMO_FORMAT = b"cleanup-file-digests-1"
RACY_NS = 2_000_000_000  # a file changed this close to its record may have changed again unseen
MEMO_LIMIT = 1000  # records kept; a dropped one costs one hash


class DigestMemo:
    """Each file's SHA-256 by its resolved path and ``stat``, pyc-style, kept in the cache directory.

    A record is trusted when the file's size, mtime, ctime, inode and device are those recorded
    and the file had last changed at least ``RACY_NS`` before the record was made (the time is
    taken before the file is read). The second rule is git's "racy" rule: timestamps are coarse
    (a clock tick, up to 2 s on some file systems), so an edit made just after the file was read
    can leave every ``stat`` field as it was; such a file is hashed again on every run until it
    has aged. ctime is compared as well as mtime because tools that copy a file's times
    (``cp -p``, ``tar``, ``rsync``) can restore an old mtime on new content, never an old ctime.

    Best effort throughout: a missing, unreadable or corrupted memo (its CRC-32 covers the
    records) means hashing every file; a memo that cannot be written only costs the next run
    the same. Processes that write it at once race harmlessly: each writes a whole file
    (``write_atomic``), the last one wins, and records lost that way are hashed again.
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.records: dict[bytes, bytes] = {} if directory is None else _read_memo(directory / MEMO)
        self.fresh: dict[bytes, bytes] = {}
        self.used: list[bytes] = []

    def file_digest(self, path: Path) -> tuple[int, bytes] | None:
        """``(size, SHA-256)`` of the file's bytes, from the memo when it can be trusted."""
        where = os.fsencode(os.path.realpath(path))
        if self.directory is not None:
            try:
                found = self._remembered(where, os.stat(where))
            except OSError:  # reading it reports the problem the same way
                found = None
            if found is not None:
                self.used.append(where)
                return found
        try:
            with open(where, "rb") as handle:
                seen = os.fstat(handle.fileno())
                recorded = time.time_ns()  # before reading: a later edit is then "racy", never trusted
                data = handle.read()
        except OSError:
            return None
        file_digest = hashlib.sha256(data).digest()
        if self.directory is not None and stat.S_ISREG(seen.st_mode) and len(data) == seen.st_size and b"\n" not in where:
            self.fresh[where] = b" ".join([*_signature(seen), str(recorded).encode(), file_digest.hex().encode()])
        return len(data), file_digest

    def _remembered(self, where: bytes, seen: os.stat_result) -> tuple[int, bytes] | None:
        record = self.records.get(where)
        if record is None:
            return None
        fields = record.split(b" ")
        if len(fields) != 7 or fields[:5] != _signature(seen):
            return None
        try:
            recorded, file_digest = int(fields[5]), bytes.fromhex(fields[6].decode("ascii"))
        except ValueError:
            return None
        if max(seen.st_mtime_ns, seen.st_ctime_ns) > recorded - RACY_NS or len(file_digest) != 32:
            return None
        return seen.st_size, file_digest

    def save(self) -> None:
        """Write the memo when a file was hashed: this run's records first, then the others,
        up to ``MEMO_LIMIT`` (the memo of a long-lived cache directory does not grow forever)."""
        if self.directory is None or not self.fresh:
            return
        kept = dict(self.fresh)
        for where in self.used:
            kept.setdefault(where, self.records[where])
        for where, record in self.records.items():
            if len(kept) >= MEMO_LIMIT:
                break
            kept.setdefault(where, record)
        body = b"".join(where + b"\0" + record + b"\n" for where, record in kept.items())
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomic(self.directory / MEMO, MEMO_FORMAT + f" {zlib.crc32(body):08x}\n".encode() + body)
        except (OSError, CleanupError):
            pass


def _signature(seen: os.stat_result) -> list[bytes]:
    return [str(v).encode() for v in (seen.st_size, seen.st_mtime_ns, seen.st_ctime_ns, seen.st_ino, seen.st_dev)]


def _read_memo(path: Path) -> dict[bytes, bytes]:
    """``resolved path -> record`` from the memo file; empty when it is missing or corrupted.

    A line is ``path NUL record``: NUL is the one byte a path cannot hold (a path holding a
    newline is never recorded). Records are parsed only for the files asked about.
    """
    try:
        blob = path.read_bytes()
    except OSError:
        return {}
    head, _, body = blob.partition(b"\n")
    if head != MEMO_FORMAT + f" {zlib.crc32(body):08x}".encode():
        return {}
    records: dict[bytes, bytes] = {}
    for line in body.split(b"\n")[:-1]:
        where, nul, record = line.partition(b"\0")
        if not nul:
            return {}
        records[where] = record
    return records
