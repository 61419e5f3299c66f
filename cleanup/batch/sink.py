"""The main process's side of a batch: per-file state, outputs, the change log, and what the
command line prints, all in the order the files were listed.

A file's results may come in several parts (a large JSONL or text file); its outputs are
written as they come and committed with the last part (or, for ``fix FILE`` to stdout, written
there as they come), its change-log records are shifted into the file's own coordinates, and
its counts are kept as counts, so a file of millions of records costs no more memory than a
small one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from ..errors import CleanupError
from ..model import Change, Status
from ..report import jsonout, text
from ..report.summary import NEEDS_REVIEW
from .inputs import Source
from .outputs import PartWriter, write_file
from .work import Item, Outcome

OnChanges = Callable[[str, Sequence[Change], Sequence[str] | None], None]
OnError = Callable[[str], None]
OnSummary = Callable[[str, str], None]  # (file, summary): one line per file, however many parts


def log_lines(changes: Sequence[Change], fields: Sequence[str] | None) -> bytes:
    """Change-log records as JSON Lines; a JSONL corpus's records also name their ``field``."""
    lines = []
    for i, c in enumerate(changes):
        record = c.as_dict()
        if fields:
            record["field"] = fields[i]
        lines.append(jsonout.dumps(record) + "\n")
    return "".join(lines).encode("utf-8")


@dataclass
class FileState:
    source: Source
    fmt: str
    target: Path | None
    hash: str = ""
    size: int = 0
    parts: int = 1
    received: int = 0
    chars: int = 0
    changed: bool = False
    review: bool = False
    rules: Counter[str] = field(default_factory=Counter)
    tally: Counter[tuple[str, str]] = field(default_factory=Counter)  # (status, code), as text.summary counts
    entries: Counter[str] = field(default_factory=Counter)
    renderings: Counter[tuple[int, str]] = field(default_factory=Counter)
    problems: int = 0
    error: str | None = None
    writer: PartWriter | None = None
    out_digest: Any = field(default_factory=hashlib.sha256)
    log_start: int = 0  # where the file's change-log records begin

    def count(self, changes: Sequence[Change]) -> None:
        for c in changes:
            if c.status is Status.SKIPPED_OVERLAP:
                continue
            self.changed = self.changed or c.status is Status.APPLIED
            self.review = self.review or c.status in NEEDS_REVIEW
            self.rules[f"{c.code} {c.status.value}"] += 1
            self.entries[f"{c.entry} {c.status.value}"] += 1

    def record(self) -> dict[str, Any]:
        """What the summary and the manifest keep of a finished file."""
        return {
            "file": self.source.shown,
            "sha256": self.hash,
            "out_sha256": self.out_digest.hexdigest(),
            "size": self.size,
            "changed": self.changed,
            "review": self.review,
            "problems": self.problems,
            "rules": dict(self.rules),
            "entries": dict(self.entries),
        }


@dataclass
class Sink:
    write: bool  # fix writes outputs; check only reports
    out_dir: Path | None = None
    in_place: bool = False
    on_changes: OnChanges | None = None
    on_error: OnError | None = None
    on_summary: OnSummary | None = None  # called with a file's last part
    out: IO[bytes] | None = None  # fix FILE to stdout: the output, part by part as it comes
    log: IO[bytes] | None = None
    on_write: Callable[[dict[str, Any]], None] | None = None  # announces an in-place write (resume)
    track: bool = False  # hash outputs for the resume manifest
    durable: bool = True  # fsync each output; False: the manifest syncs them in groups (--out-dir)
    open_files: list[FileState] = field(default_factory=list)
    claimed: dict[Path, str] = field(default_factory=dict)  # output path → the input that owns it

    def state(self, source: Source, fmt: str) -> FileState:
        target = None
        if self.write and self.in_place:
            target = Path(source.path)
        elif self.write and self.out_dir is not None:
            target = self.out_dir / source.mirror
        state = FileState(source, fmt, target)
        if target is not None:
            first = self.claimed.setdefault(target, source.shown)
            if first != source.shown:  # two inputs mirrored to one output: never overwrite silently
                state.target = None
                self._fail(state, f"{source.shown}: its output {target} is already the output of {first}; skipped")
        return state

    def take(self, state: FileState, item: Item, outcome: Outcome) -> bool:
        """Handle one item's outcome; True when it was the file's last part."""
        if state.received == 0:
            state.log_start = self.log_position()
        state.received += 1
        if state.error is None:
            try:
                self._take(state, item, outcome)
            except CleanupError as exc:
                self._fail(state, str(exc))
        state.chars += outcome.chars
        done = state.received >= state.parts
        if done and state.writer is not None and state.error is None:
            self._commit(state)
        return done

    def _take(self, state: FileState, item: Item, outcome: Outcome) -> None:
        if outcome.error is not None:
            self._fail(state, outcome.error)
            return
        for problem in outcome.problems:
            self._error(problem)
        state.problems += len(outcome.problems)
        changes = outcome.changes
        if state.chars:
            changes = [replace(c, start=c.start + state.chars, end=c.end + state.chars) for c in changes]
        state.count(changes)
        state.renderings.update(outcome.renderings)
        self._log(changes, outcome.fields)
        if self.on_changes is not None:
            self.on_changes(state.source.shown, changes, outcome.fields)
        self._summarise(state, changes)
        data = outcome.output if outcome.output is not None else item.data
        if self.track:
            state.out_digest.update(data)
        if state.target is not None:
            self._output(state, item, outcome, data)
        elif self.out is not None:
            self.out.write(data)
            self.out.flush()  # a reader of the pipe gets each part as soon as it is clean

    def _summarise(self, state: FileState, changes: Sequence[Change]) -> None:
        state.tally.update((c.status.value, c.code) for c in changes)
        if self.on_summary is not None and state.received >= state.parts:
            self.on_summary(state.source.shown, text.summary_of(state.tally))

    def _output(self, state: FileState, item: Item, outcome: Outcome, data: bytes) -> None:
        assert state.target is not None
        if state.parts == 1:
            if outcome.output is not None and self.in_place:
                self._announce(state)
            if outcome.output is not None or not self.in_place:
                write_file(state.target, data, self.durable)
            return
        if state.writer is None:
            state.writer = PartWriter(state.target, self.durable)
            self.open_files.append(state)
        state.writer.add(data)

    def _commit(self, state: FileState) -> None:
        assert state.writer is not None
        self.open_files.remove(state)
        if self.in_place and not state.changed:
            state.writer.abort()  # nothing to change: leave the file as it is
            return
        try:
            if self.in_place:
                self._announce(state)
            state.writer.commit()
        except CleanupError as exc:
            self._fail(state, str(exc))

    def _announce(self, state: FileState) -> None:
        if self.on_write is not None:
            self.on_write({
                "pending": state.source.shown, "target": str(state.target), "sha256": state.hash,
                "out_sha256": state.out_digest.hexdigest(), "log_start": state.log_start,
                "log_end": self.log_position(),
            })

    def _fail(self, state: FileState, message: str) -> None:
        state.error = message
        self._error(message)
        if state.writer is not None:
            state.writer.abort()
            if state in self.open_files:
                self.open_files.remove(state)
            state.writer = None

    def _error(self, message: str) -> None:
        if self.on_error is not None:
            self.on_error(message)

    def _log(self, changes: Sequence[Change], fields: Sequence[str] | None) -> None:
        if self.log is not None and changes:
            self.log.write(log_lines(changes, fields))

    def log_position(self) -> int:
        if self.log is None:
            return 0
        self.log.flush()
        return self.log.tell()

    def abort(self) -> None:
        """Drop the partial outputs of files that were cut off."""
        for state in list(self.open_files):
            assert state.writer is not None
            state.writer.abort()
        self.open_files.clear()
