"""Human-readable finding lines: ``path:line:col: CODE [*] message (glossary/FILE.yaml:LINE)``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..model import Change, Safety, Status

# C0/C1 controls (except tab and newline), and bidirectional overrides, from input text.
# (``re``, not ``regex``: a plain class, and every printed line passes through it: 3x faster)
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitise(text: str) -> str:
    """Make input text safe to print on a terminal: control sequences shown as escapes."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def marker(change: Change) -> str:
    if change.after is None:
        return ""
    return "[*] " if change.safety is Safety.SAFE else "[?] "


def finding_line(change: Change) -> str:
    source = f" ({change.source})" if change.source else ""
    fix = ""
    if change.after is not None and repr(change.after) not in change.message and f"'{change.after}'" not in change.message:
        fix = f" → {change.after!r}"
    return sanitise(
        f"{change.path}:{change.line}:{change.col}: {change.code} {marker(change)}"
        f"{change.message}{fix}{source}"
    )


def visible(changes: Iterable[Change]) -> list[Change]:
    """Changes worth showing: everything but those shadowed by an overlapping fix."""
    return [c for c in changes if c.status is not Status.SKIPPED_OVERLAP]


def change_line(change: Change) -> str:
    """One change-log line for a human: status, place, rule, before → after."""
    after = "(report only)" if change.after is None else repr(change.after)
    return sanitise(
        f"{change.status.value:>11} {change.path}:{change.line}:{change.col} {change.code} "
        f"{change.entry}: {change.before!r} → {after}"
    )


def summary(changes: Iterable[Change]) -> str:
    return summary_of(Counter((c.status.value, c.code) for c in changes))


def summary_of(counts: Counter[tuple[str, str]]) -> str:
    """``summary`` from counts of (status, code): a file cleaned in parts keeps only those."""
    if not counts:
        return "no changes"
    by_status: dict[str, list[str]] = {}
    for (status, code), n in sorted(counts.items()):
        by_status.setdefault(status, []).append(f"{code}×{n}")
    return "; ".join(f"{status}: {', '.join(items)}" for status, items in by_status.items())
