"""The state of one review, independent of any terminal: what is offered, what was decided.

Every change with a replacement is offered (safe, suggested, and those a safer fix shadowed),
in the engine's conflict order (leftmost, then longest, the winner of an overlap first). A
change that overlaps one already accepted is not offered: the first accepted wins, exactly as
in ``edits.resolve``. So the loser of an overlap is offered only when the reviewer rejected
the winner. Report-only findings are offered for an edit (the
reviewer may know the English) but are never applied otherwise.

The text a review implies is the original with the accepted and edited replacements spliced
in by ``apply_edits``; undecided changes are not applied, because nobody accepted them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..edits import apply_edits
from ..model import Change, CleanResult, Edit, Span, Status
from .decisions import ACCEPT, EDIT, REJECT, Record, record_for, text_hash


@dataclass
class FileReview:
    """One file's offers and decisions."""

    result: CleanResult
    sha256: str = ""
    items: list[tuple[Change, Record]] = field(default_factory=list)
    decided: dict[str, Record] = field(default_factory=dict)
    reached: bool = False

    def __post_init__(self) -> None:
        self.sha256 = text_hash(self.result.original)
        seen: set[str] = set()
        for change in sorted(self.result.changes, key=_review_order):
            record = record_for(change, self.result.original, self.sha256)
            if record.id not in seen:
                seen.add(record.id)
                self.items.append((change, record))

    @property
    def path(self) -> str:
        return self.result.path

    def blocker(self, record: Record) -> Record | None:
        """An accepted (or edited) decision whose span overlaps ``record``'s, if any."""
        span = Span(record.start, record.end)
        for other in self.decided.values():
            if other.replacement is not None and Span(other.start, other.end).overlaps(span):
                return other
        return None

    def decide(self, record: Record, decision: str, text: str | None = None) -> Record:
        done = record.decided(decision, text)
        self.decided[record.id] = done
        return done

    def text(self) -> str:
        """The original with every accepted and edited replacement applied."""
        edits = [
            Edit(Span(r.start, r.end), r.replacement)
            for r in self.decided.values()
            if r.replacement is not None
        ]
        return apply_edits(self.result.original, edits)

    def records(self) -> list[Record]:
        return sorted(self.decided.values(), key=lambda r: (r.start, r.end, r.code, r.entry))

    def undecided(self) -> Iterator[tuple[Change, Record]]:
        return ((c, r) for c, r in self.items if r.id not in self.decided and c.status is not Status.REPORT_ONLY)

    def reviewed(self) -> CleanResult:
        """The result as the review left it, for the summary: accepted ones applied, the rest pending."""
        changes = []
        for change, record in self.items:
            done = self.decided.get(record.id)
            if done is not None and done.replacement is not None:
                changes.append(replace(change, after=done.replacement, status=Status.APPLIED))
            elif done is None and self.blocker(record) is None:
                pending = Status.REPORT_ONLY if change.after is None else Status.SUGGESTED
                changes.append(replace(change, status=pending))
        return CleanResult(self.path, self.result.original, self.text(), tuple(changes))


def _review_order(change: Change) -> tuple[int, int, bool, str, str]:
    """The engine's conflict order as far as the log shows it: leftmost, longest, winners first."""
    return (change.start, change.start - change.end, change.status is Status.SKIPPED_OVERLAP, change.code, change.entry)


@dataclass
class Review:
    """Decisions across the files of one session, and the per-entry rules the reviewer set."""

    files: list[FileReview]
    earlier: dict[str, Record] = field(default_factory=dict)
    by_entry: dict[str, str] = field(default_factory=dict)

    def standing(self, record: Record) -> Record | None:
        """A decision already made for this change: in an earlier session, or for its whole entry."""
        earlier = self.earlier.get(record.id)
        if earlier is not None and (earlier.decision != ACCEPT or earlier.after == record.after):
            return earlier  # an accepted proposal that the glossary has changed since is asked again
        rule = self.by_entry.get(record.entry)
        if rule is not None and record.after is not None:
            return record.decided(rule)
        return None

    def counts(self) -> dict[str, int]:
        out = {ACCEPT: 0, REJECT: 0, EDIT: 0, "undecided": 0}
        for f in self.files:
            for r in f.decided.values():
                out[r.decision] += 1
            if f.reached:
                out["undecided"] += sum(1 for c, r in f.undecided() if f.blocker(r) is None)
        return out
