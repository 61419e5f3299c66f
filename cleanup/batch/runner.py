"""Run a batch: list the inputs, read them into tasks, run the tasks, and take the results in
order — writing outputs, the change log and the manifest, and adding up the summary.

Memory is bounded: inputs are listed lazily, large files are read in parts (JSONL in whole
lines, plain text in whole paragraphs: ``parted``), and at most ``window`` tasks are in flight;
results are taken in submission order, so outputs, logs and reports come out the same whatever
the number of workers. Ctrl-C stops reading, cancels what is queued, and leaves the summary of
what was finished (exit 130).
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import stream
from ..errors import CleanupError
from ..formats import format_of
from ..parts import Codec, sniff
from ..report.summary import Tally
from .consistency import Consistency
from .executors import Done
from .inputs import Source
from .manifest import Manifest, digest
from .sink import FileState, Sink
from .work import Item, Outcome

TASK_BYTES = 1 << 19  # about half a megabyte of input per task
TASK_ITEMS = 256
PART_BYTES = 1 << 20  # JSONL files larger than this are cut into parts of whole lines
# .txt files larger than stream.LARGE_BYTES are cut into parts of whole paragraphs (cleanup.parts)

Cut = Callable[[], Iterator[Item]]  # the parts of one large file, in order; called once per pass


@dataclass
class Batch:
    """One run's inputs and where its results go."""

    sources: Iterable[Source]
    sink: Sink
    input_format: str | None = None
    manifest: Manifest | None = None
    progress: Any = None  # .advance(files, bytes); None when quiet
    interrupted: bool = False
    problems: int = 0  # bad lines in files that were otherwise cleaned
    redone: set[str] = field(default_factory=set)  # done by an earlier run, but changed since
    elapsed: float = 0.0
    tally: Tally = field(default_factory=Tally)
    consistency: Consistency = field(default_factory=Consistency)
    encoding: str | None = None  # --encoding (a large text file's encoding is decided here, once)


class _Interrupt:
    """Ctrl-C sets a flag the loop reads between files, so no write is cut in half; a second
    Ctrl-C stops at once."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)

    def _handle(self, signum: int, frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def check(self) -> None:
        if self.requested:
            raise KeyboardInterrupt

    def restore(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def run(batch: Batch, executor: Any, window: int) -> Batch:
    """Run every task through ``executor`` and return the batch with its totals."""
    started = time.perf_counter()
    batch.sink.track = batch.manifest is not None
    if batch.manifest is not None and batch.sink.in_place:
        batch.sink.on_write = batch.manifest.announce
    pending: deque[tuple[Any, list[tuple[Item, FileState]]]] = deque()
    interrupt = _Interrupt()
    try:
        for task in _tasks(batch):
            while len(pending) >= window:
                interrupt.check()
                _take(batch, *pending.popleft())
            interrupt.check()
            items = [item for item, _ in task]
            future = Done([_failed(items[0])]) if items[0].error is not None else executor.submit(items)
            pending.append((future, task))
        while pending:
            interrupt.check()
            _take(batch, *pending.popleft())
        executor.close()
    except KeyboardInterrupt:
        batch.interrupted = True
        executor.close(cancel=True)
        batch.sink.abort()
    finally:
        interrupt.restore()
    batch.elapsed = time.perf_counter() - started
    return batch


def _failed(item: Item) -> Outcome:
    return Outcome(item.index, item.path, 0, 0, error=item.error)


def _take(batch: Batch, future: Any, task: list[tuple[Item, FileState]]) -> None:
    try:
        outcomes = future.result()
    except Exception as exc:  # the task itself failed (a worker died, the cluster went away)
        outcomes = [Outcome(i.index, i.path, i.part, len(i.data), error=f"{i.path}: {exc}") for i, _ in task]
    for (item, state), outcome in zip(task, outcomes):
        finished = batch.sink.take(state, item, outcome)
        if finished:
            _finish(batch, state)
        if batch.progress is not None:
            batch.progress.advance(1 if finished else 0, outcome.size)


def _finish(batch: Batch, state: FileState) -> None:
    if state.error:
        batch.tally.failed += 1
        return
    record = state.record()
    batch.problems += state.problems
    batch.tally.add_counts(state.source.shown, record, resumed=False)
    batch.consistency.add(state.source.shown, state.renderings)
    if batch.manifest is not None:  # a file with bad lines is done too: the same input fails the same way
        record["log_end"] = batch.sink.log_position()
        batch.manifest.record(record)


def _tasks(batch: Batch) -> Iterator[list[tuple[Item, FileState]]]:
    task: list[tuple[Item, FileState]] = []
    size = 0
    for item, state in _items(batch):
        if item.error is not None:  # a file that could not be read: its own task, in order
            if task:
                yield task
                task, size = [], 0
            yield [(item, state)]
            continue
        task.append((item, state))
        size += len(item.data)
        if size >= TASK_BYTES or len(task) >= TASK_ITEMS:
            yield task
            task, size = [], 0
    if task:
        yield task


def _items(batch: Batch) -> Iterator[tuple[Item, FileState]]:
    for index, source in enumerate(batch.sources):
        try:
            fmt = format_of(source.shown, batch.input_format)
            state = batch.sink.state(source, fmt)
            data = _read(source.path, fmt)
            if data is None:
                yield from _parts(batch, index, state, _cut(batch, index, source, fmt))
                continue
        except CleanupError as exc:
            yield Item(index, source.shown, b"", "txt", error=str(exc)), batch.sink.state(source, "txt")
            continue
        state.hash = digest(data) if batch.manifest is not None else ""  # only resuming needs it
        state.size, state.parts = len(data), 1
        if _resumed(batch, state):
            continue
        yield Item(index, source.shown, data, fmt), state


def _resumed(batch: Batch, state: FileState) -> bool:
    if batch.manifest is None:
        return False
    record = batch.manifest.finished(state.source.shown, state.hash, state.target, batch.sink.in_place)
    if record is None:
        if state.source.shown in batch.manifest.done:
            batch.redone.add(state.source.shown)
        return False
    batch.tally.add_counts(state.source.shown, record)
    batch.problems += int(record.get("problems", 0) or 0)  # its bad lines, reported by the earlier run, still count
    if batch.progress is not None:
        batch.progress.advance(1, state.size)
    return True


def parted(path: str, fmt: str) -> bool:
    """Whether a file is cleaned in parts: JSONL over ``PART_BYTES``, plain text over
    ``stream.LARGE_BYTES``, and only a regular file, which can be read twice (stdin or a pipe
    cannot); a file that cannot be read is read whole, which reports why. Markdown and HTML are
    read whole: a cut at a blank line can fall inside a fenced code block, a front matter or an
    HTML element, whose halves would then be cleaned as prose."""
    limit = _part_limit(fmt)
    if limit is None or path == "-":
        return False
    try:
        info = os.stat(path)
    except OSError:
        return False
    return _too_large(info, limit)


def _part_limit(fmt: str) -> int | None:
    return {"jsonl": PART_BYTES, "txt": stream.LARGE_BYTES}.get(fmt)


def _too_large(info: os.stat_result, limit: int) -> bool:
    return stat.S_ISREG(info.st_mode) and info.st_size > limit


def _cut(batch: Batch, index: int, source: Source, fmt: str) -> Cut:
    """How a large file is cut into items."""
    if fmt == "jsonl":
        return lambda: _jsonl_parts(index, source)
    codec = sniff(Path(source.path), batch.encoding)  # one encoding for every part
    return lambda: _text_parts(index, source, codec)


def _parts(batch: Batch, index: int, state: FileState, cut: Cut) -> Iterator[tuple[Item, FileState]]:
    """A large file in parts, cut twice: the first pass hashes it (for the manifest) and counts
    its parts (the sink commits the output with the last one, so it must know which that is
    before any result comes back); the second pass hands the parts out."""
    digest_ = hashlib.sha256()
    sizes: list[int] = []
    for item in cut():
        digest_.update(item.data)
        sizes.append(len(item.data))
    state.parts, state.size, state.hash = len(sizes), sum(sizes), digest_.hexdigest()
    if _resumed(batch, state):
        return
    for item in _as_counted(index, state, cut(), sizes):
        yield item, state


def _as_counted(index: int, state: FileState, items: Iterator[Item], sizes: list[int]) -> Iterator[Item]:
    """The second pass, held to the first: a file that shrank, changed its parts or cannot be
    read again ends with an error item (the file fails, its partial output is dropped) instead
    of leaving the sink waiting for parts that never come. No part past the counted ones is
    read: data appended since the first pass is left for the next run, as a whole read would."""
    problem = f"{state.source.shown}: changed while it was being cleaned; not written"
    done = 0
    try:
        for size, item in zip(sizes, items):
            if len(item.data) != size:
                break
            yield item
            done += 1
    except CleanupError as exc:
        problem = str(exc)
    if done < len(sizes):
        state.parts = done + 1  # the error item is the file's last
        yield Item(index, state.source.shown, b"", state.fmt, done, error=problem)


def _jsonl_parts(index: int, source: Source) -> Iterator[Item]:
    """Parts of whole lines, each knowing the number of its first line."""
    first_line = 1
    for part, data in enumerate(_line_chunks(source.path)):
        yield Item(index, source.shown, data, "jsonl", part, first_line)
        first_line += data.count(b"\n")


def _text_parts(index: int, source: Source, codec: Codec) -> Iterator[Item]:
    """Parts of whole paragraphs, each knowing the file's encoding and where it starts (line and
    column: the worker moves its changes there; the sink adds the code points before it)."""
    for part, place in stream.placed_parts(Path(source.path), codec):
        yield Item(index, source.shown, part.data, "txt", part.index, place.line, place.col, encoding=codec.encoding)


def _line_chunks(path: str) -> Iterator[bytes]:
    with _open(path) as handle:
        while True:
            data = handle.read(PART_BYTES)
            if not data:
                return
            yield data + handle.readline()


def _open(path: str) -> Any:
    try:
        return Path(path).open("rb")
    except OSError as exc:
        raise CleanupError(_os_message(path, exc)) from None


def _read(path: str, fmt: str) -> bytes | None:
    """The file's bytes, or ``None`` when it is cleaned in parts (``parted``, decided here on
    the open file: one path lookup per file, not two). Unbuffered: one read, half the CPU of
    ``Path.read_bytes``."""
    if path == "-":
        return sys.stdin.buffer.read()
    limit = _part_limit(fmt)
    try:
        with open(path, "rb", buffering=0) as handle:
            if limit is not None and _too_large(os.fstat(handle.fileno()), limit):
                return None
            return handle.readall()
    except OSError as exc:
        raise CleanupError(_os_message(path, exc)) from None


def _os_message(path: str, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"{path}: no such file"
    if isinstance(exc, IsADirectoryError):
        return f"{path}: is a directory, expected a file"
    if isinstance(exc, PermissionError):
        return f"{path}: permission denied"
    return f"{path}: cannot read ({exc.strerror})"

