"""The resume manifest: which files a batch has finished, with the content hashes it saw.

One JSON object per line, appended and flushed as each file is finished (after its output and
its change-log records are written), so a run killed at any moment leaves a manifest that is
true. The first line fingerprints the run's settings (glossary, rules, options): a manifest
written with other settings is not trusted and the batch starts over.

A file counts as done when its input hash is the one recorded and its output is still there
(``--out-dir``, or no output for ``check``), or when its current content is the output recorded
(``--in-place``); a file
whose input changed is done again. The change log is cut back to the length recorded with the
last finished file, so records of a file that was cut off are not duplicated.

With ``--out-dir`` the outputs are new files, written without an fsync each (``io``): records
are held and written in groups, each group after one sync of the output file system (at most a
second or ``GROUP_FILES`` files apart, and at the end), so a record is never on disk before the
output it vouches for. A kill or a power cut costs at most the last group, which is done again.

An in-place write replaces the input, so a kill between the write and its record would leave
no trace of the change: before writing, the file is *announced* (the output hash it will have,
and where its change-log records start and end). On resume an announced file whose content is
the announced output is recorded as done with its log records; otherwise its records are cut
and it is done again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import CleanupError
from ..io import sync_filesystem

VERSION = 1
NAME = ".cleanup-manifest.jsonl"
GROUP_FILES = 1000  # records held at most before the outputs are synced and they are written
GROUP_SECONDS = 1.0


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Manifest:
    path: Path
    fingerprint: str
    done: dict[str, dict[str, Any]] = field(default_factory=dict)
    log_end: int = 0
    _handle: IO[str] | None = None
    _settled: dict[str, Any] | None = None  # an announced write found landed, to record as done
    group: Path | None = None  # hold records until the file system holding this path is synced
    _held: list[dict[str, Any]] = field(default_factory=list)
    _synced: float = field(default_factory=time.monotonic)

    @classmethod
    def open(cls, path: Path, fingerprint: str, fresh: bool = False) -> tuple[Manifest, str]:
        """Load ``path`` (unless ``fresh``) and open it for appending; returns a note for the user.

        A manifest that cannot be written (read-only or full disk) is one error line, not a crash.
        """
        try:
            return cls._open(path, fingerprint, fresh)
        except OSError as exc:
            raise CleanupError(f"{path}: cannot write the resume manifest ({exc.strerror})") from None

    @classmethod
    def _open(cls, path: Path, fingerprint: str, fresh: bool) -> tuple[Manifest, str]:
        manifest = cls(path, fingerprint)
        note, good = "", 0
        if path.exists() and not fresh:
            note, good = manifest._load()
        elif path.exists():
            note = "starting over (--restart)"
        path.parent.mkdir(parents=True, exist_ok=True)
        if good:
            os.truncate(path, good)  # drop a line cut off by a kill before appending
            manifest._handle = path.open("a", encoding="utf-8")
        else:
            manifest._handle = path.open("w", encoding="utf-8")
            manifest._write({"manifest": VERSION, "fingerprint": fingerprint})
        if manifest._settled is not None:
            manifest.record(manifest._settled)
        return manifest, note

    def _load(self) -> tuple[str, int]:
        """Read the records; returns a note and the length of the whole lines worth keeping (0:
        start over)."""
        records, good = [], 0
        try:
            with self.path.open("rb") as handle:
                for line in handle:
                    try:
                        records.append(json.loads(line))
                    except ValueError:
                        break  # a line cut off by a kill: everything before it holds
                    if not line.endswith(b"\n"):
                        break
                    good += len(line)
        except OSError:
            return "manifest unreadable; starting over", 0
        if not records or records[0].get("fingerprint") != self.fingerprint:
            return "settings changed since the last run; starting over", 0
        pending: dict[str, Any] | None = None
        for record in records[1:]:
            if "file" in record:
                self.done[record["file"]] = record
                self.log_end = max(self.log_end, int(record.get("log_end", 0)))
                pending = None if pending and pending["pending"] == record["file"] else pending
            elif "pending" in record:
                pending = record
        if pending is not None:
            self._settle(pending)
        return (f"resuming: {len(self.done)} file(s) already done" if self.done else ""), good

    def _settle(self, pending: dict[str, Any]) -> None:
        """A file whose in-place write began but was not recorded: done if the write landed
        (its content is the output announced), else to be redone with its log records dropped."""
        try:
            landed = digest(Path(pending["target"]).read_bytes()) == pending["out_sha256"]
        except OSError:
            landed = False
        if landed:
            record = {k: v for k, v in pending.items() if k not in ("pending", "target", "log_start")}
            record["file"] = pending["pending"]
            self.done[record["file"]] = record
            self.log_end = max(self.log_end, int(record["log_end"]))
            self._settled = record
        else:
            self.log_end = max(self.log_end, int(pending["log_start"]))

    def announce(self, entry: dict[str, Any]) -> None:
        """Before an in-place write: what the file will hold (``pending``, ``target``,
        ``out_sha256``) and where its change-log records start and end."""
        self._write(entry)

    def finished(self, shown: str, data_hash: str, output: Path | None, in_place: bool) -> dict[str, Any] | None:
        """The record of ``shown`` when it is done and nothing changed since; else ``None``."""
        record = self.done.get(shown)
        if record is None:
            return None
        if in_place:
            return record if data_hash == record.get("out_sha256") else None
        if record["sha256"] != data_hash or (output is not None and not output.exists()):
            return None
        return record

    def record(self, entry: dict[str, Any]) -> None:
        self.done[entry["file"]] = entry
        if self.group is None:
            self._write(entry)
            return
        self._held.append(entry)
        if len(self._held) >= GROUP_FILES or time.monotonic() - self._synced >= GROUP_SECONDS:
            self.commit()

    def commit(self, last: bool = False) -> None:
        """Sync the outputs of the held records, then write the records. The ``last`` commit
        syncs even with nothing held: outputs of files never recorded (a JSONL file with bad
        lines) are on disk when the run ends too."""
        if self.group is not None and (self._held or last):
            sync_filesystem(self.group)
            for entry in self._held:
                self._write(entry)
            self._held.clear()
        self._synced = time.monotonic()

    def _write(self, entry: dict[str, Any]) -> None:
        assert self._handle is not None
        self._handle.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
        self._handle.flush()  # a killed process loses nothing flushed; close() also syncs to disk

    def close(self) -> None:
        if self._handle is not None:
            self.commit(last=True)
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None
