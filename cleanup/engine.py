"""detect → resolve → apply → verify, for one text.

The verification pass re-runs detection on the cleaned text: if anything safe is still there
to fix, the run has not converged and that is an error naming the rule and entry, never a
silent half-fix (ruff's convergence check, black's equivalence check).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .document import LineIndex
from .edits import Decision, apply_edits, resolve
from .errors import CleanupError
from .glossary.compiled import Compiled
from .model import Change, CleanResult, Finding, Safety, Status
from .rules import RULES
from .rules.base import Rule
from .scan import Scan


class NotConverged(CleanupError):
    pass


def detect(text: str, glossary: Compiled, rules: Sequence[Rule] = RULES) -> list[Finding]:
    """All findings of the chosen rules, minus those inside allow-listed phrases."""
    scan = Scan(text, glossary)
    findings = [f for rule in rules for f in rule.check(scan)]
    allowed = scan.allowed
    if allowed:
        findings = [f for f in findings if not _inside_any(f, allowed)]
    return findings


def _inside_any(finding: Finding, allowed: list[tuple[int, int]]) -> bool:
    return any(s < finding.span.end and finding.span.start < e for s, e in allowed)


def clean(
    text: str,
    glossary: Compiled,
    rules: Sequence[Rule] = RULES,
    suggestions: bool = False,
    path: str = "-",
) -> CleanResult:
    findings = detect(text, glossary, rules)
    decisions = resolve(findings, suggestions)
    edits = [e for d in decisions if d.status is Status.APPLIED for e in d.finding.fix.edits]  # type: ignore[union-attr]
    cleaned = apply_edits(text, edits)
    if edits:
        verify(cleaned, glossary, rules, path)
    return CleanResult(path, text, cleaned, tuple(changes_of(text, decisions, path)))


def verify(cleaned: str, glossary: Compiled, rules: Sequence[Rule], path: str) -> None:
    """Fail loudly when a safe fix is still to be made after applying the plan."""
    again = [d for d in resolve(detect(cleaned, glossary, rules)) if d.status is Status.APPLIED]
    if again:
        f = again[0].finding
        where = LineIndex(cleaned).line_col(f.span.start)
        raise NotConverged(
            f"{path}:{where[0]}:{where[1]}: fixes did not converge: {f.code} "
            f"{f.origin.entry_id} ({f.origin.location()}) still matches "
            f"{cleaned[f.span.start:f.span.end]!r} after cleaning"
        )


def changes_of(text: str, decisions: Iterable[Decision], path: str) -> list[Change]:
    """The change log: one record per edit (per finding when it has no fix), original coordinates."""
    index = LineIndex(text)
    out = []
    for d in decisions:
        f = d.finding
        edits = f.fix.edits if f.fix else ()
        safety = f.fix.safety if f.fix else None
        spans = [(e.span.start, e.span.end, e.text) for e in edits] or [(f.span.start, f.span.end, None)]
        for start, end, after in spans:
            line, col = index.line_col(start)
            out.append(
                Change(
                    path, f.code, f.origin.entry_id, start, end, line, col, text[start:end], after,
                    safety, d.status, f.message, f.origin.location(), d.reason,
                )
            )
    out.sort(key=lambda c: (c.start, c.end, c.code, c.entry))
    return out


def is_safe(change: Change) -> bool:
    return change.safety is Safety.SAFE
