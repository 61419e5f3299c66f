"""detect → resolve → apply → verify, for one text.

The verification pass re-runs detection on the cleaned text. If a fix is still to be made
(one entry's output is another entry's key), another pass applies it and its edits are folded
into the change log in original coordinates (``compose``); after ``MAX_PASSES`` the run has not
converged and that is an error naming the rule and entry, never a silent half-fix (ruff's
fix loop and convergence check).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .compose import compose
from .document import LineIndex
from .edits import Decision, apply_edits, resolve
from .errors import CleanupError
from .glossary.compiled import Compiled
from .model import Change, CleanResult, Edit, Finding, Status
from .rules import RULES
from .rules.base import Rule
from .scan import scan_of
from .untranslated import kept_as_proposals, runs_whole

MAX_PASSES = 4


class NotConverged(CleanupError):
    """The fixes did not reach a fixed point within ``MAX_PASSES`` passes."""


def detect(text: str, glossary: Compiled, rules: Sequence[Rule] = RULES) -> list[Finding]:
    """All findings of the chosen rules, minus those inside allow-listed phrases and those whose
    fix would leave the text as it is: a key that differs from its English only in case, met in
    upper-case text, is rewritten in that case to itself (CHIPS AND SCIENCE ACT for the variant
    Chips and Science Act). Such a fix is no change, and counted as one it would keep the fix
    loop from ever reaching its fixed point."""
    scan = scan_of(text, glossary)
    findings = [f for rule in rules for f in rule.check(scan) if not _changes_nothing(text, f)]
    if scan.han and findings:
        findings = runs_whole(scan, kept_as_proposals(scan, findings))  # 【马拉松】2024北京马拉松…: no half-English line
    allowed = scan.allowed
    if allowed:
        findings = [f for f in findings if not _inside_any(f, allowed)]
    return findings


def _changes_nothing(text: str, finding: Finding) -> bool:
    fix = finding.fix
    return fix is not None and all(text[e.span.start : e.span.end] == e.text for e in fix.edits)


def _inside_any(finding: Finding, allowed: list[tuple[int, int]]) -> bool:
    return any(s < finding.span.end and finding.span.start < e for s, e in allowed)


def clean(
    text: str,
    glossary: Compiled,
    rules: Sequence[Rule] = RULES,
    suggestions: bool = False,
    path: str = "-",
    *,
    converge: bool = True,
) -> CleanResult:
    """Clean ``text`` to the fixed point. ``converge=False`` stops after the first pass: what
    the rules find in the text as given, which is all ``check`` reports (as ``ruff check``
    does; the fix loop is ``fix``'s). It skips re-detecting every changed text, about a
    fifth of the work."""
    decisions = resolve(detect(text, glossary, rules), suggestions)
    cleaned = apply_edits(text, _applied_edits(decisions))
    changes = changes_of(text, decisions, path)
    passes = 1
    while converge and cleaned != text:
        again = [d for d in resolve(detect(cleaned, glossary, rules), suggestions) if d.status is Status.APPLIED]
        if not again:
            break
        if passes == MAX_PASSES:
            _not_converged(cleaned, again[0], path)
        changes = compose(text, changes, cleaned, again, path)
        cleaned = apply_edits(cleaned, _applied_edits(again))
        passes += 1
    return CleanResult(path, text, cleaned, tuple(changes))


def _applied_edits(decisions: Iterable[Decision]) -> list[Edit]:
    return [e for d in decisions if d.status is Status.APPLIED and d.finding.fix for e in d.finding.fix.edits]


def _not_converged(cleaned: str, decision: Decision, path: str) -> None:
    """Fail loudly when fixes keep firing on their own output (a cycle in the glossary)."""
    f = decision.finding
    line, col = LineIndex(cleaned).line_col(f.span.start)
    raise NotConverged(
        f"{path}:{line}:{col}: fixes did not converge after {MAX_PASSES} passes: {f.code} "
        f"{f.origin.entry_id} ({f.origin.location()}) still matches "
        f"{cleaned[f.span.start:f.span.end]!r}"
    )


def changes_of(text: str, decisions: Iterable[Decision], path: str) -> list[Change]:
    """The change log: one record per edit (per finding when it has no fix), original coordinates."""
    index = LineIndex(text)
    out = []
    for d in decisions:
        f = d.finding
        edits = f.fix.edits if f.fix else ()
        safety = f.fix.safety if f.fix else None
        spans: list[tuple[int, int, str | None]] = [(e.span.start, e.span.end, e.text) for e in edits]
        spans = spans or [(f.span.start, f.span.end, None)]
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


