"""Core value types shared by every layer.

All offsets are code-point indices into the decoded input ``str``, half-open ``[start, end)``.
Line and column numbers are derived from them for display only (see ``document.LineIndex``).
The types are frozen so that findings can be sorted, hashed and passed between processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Safety(str, Enum):
    """How much a fix can be trusted: ``safe`` applies by default, ``suggestion`` on request."""

    SAFE = "safe"
    SUGGESTION = "suggestion"


class Status(str, Enum):
    """What happened to a finding in one run."""

    APPLIED = "applied"
    SUGGESTED = "suggested"
    SKIPPED_OVERLAP = "skipped-overlap"
    REPORT_ONLY = "report-only"


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def overlaps(self, other: Span) -> bool:
        """True when the spans share a character, or are the same insertion point."""
        if self.start == self.end == other.start == other.end:
            return True
        return self.start < other.end and other.start < self.end

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``span`` of the original text with ``text`` ("" deletes)."""

    span: Span
    text: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    safety: Safety

    @property
    def span(self) -> Span:
        return Span(min(e.span.start for e in self.edits), max(e.span.end for e in self.edits))


@dataclass(frozen=True)
class Origin:
    """Where the knowledge behind a finding came from: a glossary entry or a built-in source."""

    entry_id: str
    file: str = ""
    line: int = 0

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.file else self.entry_id


@dataclass(frozen=True)
class Finding:
    code: str
    span: Span
    message: str
    fix: Fix | None
    origin: Origin
    priority: int = 0

    def sort_key(self) -> tuple[int, int, int, int, str, str]:
        """The one total conflict order: leftmost, then longest, then priority, then the safer fix
        (a safe fix before a suggestion on the same span: 五十万 is ZH004's 500,000, not the
        dictionary's "fifty ten thousand"), then code, entry."""
        span = self.fix.span if self.fix else self.span
        rank = 2 if self.fix is None else 0 if self.fix.safety is Safety.SAFE else 1
        return (span.start, -span.length, -self.priority, rank, self.code, self.origin.entry_id)


@dataclass(frozen=True)
class Change:
    """One line of the change log, in the coordinates of the original text."""

    path: str
    code: str
    entry: str
    start: int
    end: int
    line: int
    col: int
    before: str
    after: str | None
    safety: Safety | None
    status: Status
    message: str
    source: str = ""
    reason: str = ""
    edits: tuple[Edit, ...] = field(default=(), compare=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "code": self.code,
            "entry": self.entry,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "col": self.col,
            "before": self.before,
            "after": self.after,
            "safety": self.safety.value if self.safety else None,
            "status": self.status.value,
            "message": self.message,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class CleanResult:
    path: str
    original: str
    cleaned: str
    changes: tuple[Change, ...]

    @property
    def applied(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.status is Status.APPLIED)

    @property
    def changed(self) -> bool:
        return self.cleaned != self.original
