"""The end-of-run summary shared by ``fix``, ``review`` and ``report``: counts per rule and per
entry, the files that still need a human, and the command that continues the work.

``Tally`` adds files up one at a time, so a batch of any size is summarised without keeping
its results; ``render_summary`` is the same summary for results already in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Change, CleanResult, Status

NEEDS_REVIEW = (Status.SUGGESTED, Status.REPORT_ONLY)
PENDING_SHOWN = 5


def needs_review(result: CleanResult) -> bool:
    return any(c.status in NEEDS_REVIEW for c in result.changes)


@dataclass
class Tally:
    """Running totals of a run: files, changes per rule and per entry, files needing review."""

    files: int = 0
    changed: int = 0
    review: int = 0
    failed: int = 0
    resumed: int = 0  # done by an earlier, interrupted run of the same batch
    bytes: int = 0
    by_rule: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_entry: Counter[tuple[str, str]] = field(default_factory=Counter)
    pending: list[str] = field(default_factory=list)  # the first files needing review

    def add(self, result: CleanResult) -> None:
        self.add_file(result.path, result.changed, result.changes)

    def add_file(self, path: str, changed: bool, changes: Iterable[Change], size: int = 0) -> None:
        self.files += 1
        self.bytes += size
        self.changed += changed
        review = False
        for c in changes:
            if c.status is Status.SKIPPED_OVERLAP:
                continue
            review = review or c.status in NEEDS_REVIEW
            self.by_rule[(c.code, c.status.value)] += 1
            self.by_entry[(c.entry, c.status.value)] += 1
        if review:
            self.review += 1
            if len(self.pending) <= PENDING_SHOWN:
                self.pending.append(path)

    def add_counts(self, path: str, record: dict[str, object], resumed: bool = True) -> None:
        """A file counted elsewhere (by the manifest of an earlier run when ``resumed``):
        ``size``, ``changed``, ``review``, and ``rules`` / ``entries`` as ``file_counts`` makes them."""
        self.resumed += resumed
        self.bytes += 0 if resumed else int(record.get("size", 0))  # type: ignore[call-overload]
        self.files += 1
        self.changed += bool(record.get("changed"))
        for key, n in dict(record.get("rules", {})).items():  # type: ignore[call-overload]
            code, status = key.split(" ", 1)
            self.by_rule[(code, status)] += n
        for key, n in dict(record.get("entries", {})).items():  # type: ignore[call-overload]
            entry, status = key.split(" ", 1)
            self.by_entry[(entry, status)] += n
        if record.get("review"):
            self.review += 1
            if len(self.pending) <= PENDING_SHOWN:
                self.pending.append(path)


def file_counts(changes: Iterable[Change]) -> tuple[dict[str, int], dict[str, int]]:
    """Per-rule and per-entry counts of one file, as the resume manifest stores them."""
    rules: Counter[str] = Counter()
    entries: Counter[str] = Counter()
    for c in changes:
        if c.status is not Status.SKIPPED_OVERLAP:
            rules[f"{c.code} {c.status.value}"] += 1
            entries[f"{c.entry} {c.status.value}"] += 1
    return dict(rules), dict(entries)


def render_summary(results: Sequence[CleanResult], next_command: str = "", top: int = 10) -> str:
    """A few plain lines; ``next_command`` is shown when some file needs review."""
    tally = Tally()
    for result in results:
        tally.add(result)
    return render_tally(tally, next_command, top)


def render_tally(tally: Tally, next_command: str = "", top: int = 10, elapsed: float | None = None) -> str:
    """The summary of a tally; with ``elapsed`` (seconds), also time and throughput."""
    first = f"{tally.files} file(s), {tally.changed} changed, {tally.review} need review"
    if tally.failed:
        first += f", {tally.failed} failed"
    if tally.resumed:
        first += f" ({tally.resumed} done by an earlier run)"
    lines = [first]
    if tally.by_rule:
        lines.append("by rule:  " + _counts(tally.by_rule.items()))
        lines.append("by entry: " + _counts(tally.by_entry.most_common(top)))
    if elapsed is not None:
        lines.append(_throughput(tally, elapsed))
    if tally.pending and next_command:
        shown = " ".join(tally.pending[:PENDING_SHOWN]) + (" ..." if tally.review > PENDING_SHOWN else "")
        lines.append(f"next: {next_command} {shown}")
    return "\n".join(lines)


def _throughput(tally: Tally, elapsed: float) -> str:
    done = tally.files - tally.resumed  # bytes count only files read in this run
    mb = tally.bytes / 1e6
    rate = f"{mb / elapsed:.1f} MB/s, {done / elapsed:.0f} files/s" if elapsed > 0 else "-"
    return f"time: {elapsed:.2f} s for {done} file(s), {mb:.1f} MB ({rate})"


def _counts(items: Iterable[tuple[tuple[str, str], int]]) -> str:
    return ", ".join(f"{name} {status} ×{n}" for (name, status), n in sorted(items, key=lambda i: (-i[1], i[0])))
