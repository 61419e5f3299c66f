"""The end-of-run summary shared by ``fix``, ``review`` and ``report``: counts per rule and per
entry, the files that still need a human, and the command that continues the work."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..model import CleanResult, Status

NEEDS_REVIEW = (Status.SUGGESTED, Status.REPORT_ONLY)


def needs_review(result: CleanResult) -> bool:
    return any(c.status in NEEDS_REVIEW for c in result.changes)


def render_summary(results: Sequence[CleanResult], next_command: str = "", top: int = 10) -> str:
    """A few plain lines; ``next_command`` is shown when some file needs review."""
    by_rule: Counter[tuple[str, str]] = Counter()
    by_entry: Counter[tuple[str, str]] = Counter()
    for result in results:
        for c in result.changes:
            if c.status is Status.SKIPPED_OVERLAP:
                continue
            by_rule[(c.code, c.status.value)] += 1
            by_entry[(c.entry, c.status.value)] += 1
    pending = [r.path for r in results if needs_review(r)]
    changed = sum(1 for r in results if r.changed)
    lines = [f"{len(results)} file(s), {changed} changed, {len(pending)} need review"]
    if by_rule:
        lines.append("by rule:  " + _counts(by_rule.items()))
        lines.append("by entry: " + _counts(by_entry.most_common(top)))
    if pending and next_command:
        shown = " ".join(pending[:5]) + (" ..." if len(pending) > 5 else "")
        lines.append(f"next: {next_command} {shown}")
    return "\n".join(lines)


def _counts(items: Iterable[tuple[tuple[str, str], int]]) -> str:
    return ", ".join(f"{name} {status} ×{n}" for (name, status), n in sorted(items, key=lambda i: (-i[1], i[0])))
