"""The one place that splices text, and the conflict resolution that decides what gets spliced.

Findings are walked in one total order (``Finding.sort_key``); a finding whose edits overlap an
edit already accepted is recorded as skipped, with the winner named. Everything else in the
package that changes text goes through :func:`apply_edits`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Edit, Finding, Safety, Span, Status


@dataclass(frozen=True)
class Decision:
    finding: Finding
    status: Status
    reason: str = ""


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Return ``text`` with non-overlapping ``edits`` applied (offsets are in ``text``)."""
    ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end))
    parts: list[str] = []
    pos = 0
    for edit in ordered:
        if edit.span.start < pos or edit.span.end > len(text):
            raise ValueError(f"overlapping or out-of-range edit at {edit.span.start}")
        parts.append(text[pos : edit.span.start])
        parts.append(edit.text)
        pos = edit.span.end
    parts.append(text[pos:])
    return "".join(parts)


def inverse_of(pairs: Sequence[tuple[Edit, str]]) -> list[Edit]:
    """Given ``(edit, before)`` pairs applied to an original, the edits that restore it."""
    inverse: list[Edit] = []
    shift = 0
    for edit, before in sorted(pairs, key=lambda p: (p[0].span.start, p[0].span.end)):
        start = edit.span.start + shift
        inverse.append(Edit(Span(start, start + len(edit.text)), before))
        shift += len(edit.text) - edit.span.length
    return inverse


def _wanted(finding: Finding, suggestions: bool) -> bool:
    if finding.fix is None:
        return False
    return finding.fix.safety is Safety.SAFE or suggestions


def resolve(findings: Iterable[Finding], suggestions: bool = False) -> list[Decision]:
    """Decide, in one total order, which findings apply; independent of the input order."""
    taken = _Taken()
    decisions: list[Decision] = []
    for finding in sorted(set(findings), key=Finding.sort_key):
        if finding.fix is None:
            decisions.append(Decision(finding, Status.REPORT_ONLY))
            continue
        if not _wanted(finding, suggestions):
            decisions.append(Decision(finding, Status.SUGGESTED))
            continue
        winner = taken.first_overlap(finding.fix.edits)
        if winner is not None:
            reason = f"overlaps {winner.code} {winner.origin.entry_id}"
            decisions.append(Decision(finding, Status.SKIPPED_OVERLAP, reason))
            continue
        taken.add(finding)
        decisions.append(Decision(finding, Status.APPLIED))
    return decisions


class _Taken:
    """Accepted edit spans, kept sorted; accepted spans never overlap, so a bisect finds clashes."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._items: list[tuple[Span, Finding]] = []

    def first_overlap(self, edits: Iterable[Edit]) -> Finding | None:
        for edit in edits:
            i = bisect.bisect_right(self._starts, edit.span.end)
            for span, owner in self._items[max(0, i - 3) : i]:
                if span.overlaps(edit.span):
                    return owner
        return None

    def add(self, finding: Finding) -> None:
        assert finding.fix is not None
        for edit in finding.fix.edits:
            i = bisect.bisect_right(self._starts, edit.span.start)
            self._starts.insert(i, edit.span.start)
            self._items.insert(i, (edit.span, finding))
