"""Check a translation against its source: align, compare each pair, run the usual rules.

The result is one ``CleanResult`` for the English, as ``cleanup check`` gives for any file:
the usual rules' changes plus the source-aware findings (report-only), all in the English
text's coordinates, so every output format renders them unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ..edits import resolve
from ..engine import changes_of, clean
from ..glossary.compiled import Compiled
from ..model import CleanResult, Finding, Origin
from ..rules import SOURCE_RULES, sr001, sr002, sr003
from ..rules.base import Rule
from .align import mismatch, units
from .pair import Pair
from .terms import TermIndex

PAIR_CHECKS: dict[str, Callable[[Pair], Iterator[Finding]]] = {
    sr001.CODE: sr001.check_pair,
    sr002.CODE: sr002.check_pair,
}


def pair_findings(pairs: Sequence[Pair], codes: set[str]) -> Iterator[Finding]:
    """SR003 for mismatched pairs (which are then skipped), the other source rules for the rest."""
    for pair in pairs:
        if mismatch(pair):
            if sr003.CODE in codes:
                yield from sr003.check_pair(pair)
            continue
        for code, check in PAIR_CHECKS.items():
            if code in codes:
                yield from check(pair)


def _first_suspect(pairs: list[Pair]) -> Pair | None:
    return next((p for p in pairs if mismatch(p)), None)


def document_findings(
    source: tuple[str, str], target: tuple[str, str], glossary: Compiled, codes: set[str], align: str
) -> list[Finding]:
    """Findings of the source rules for a (source, target) document pair of ``(path, text)``."""
    (source_path, source_text), (_, target_text) = source, target
    source_units, target_units = units(source_text, align), units(target_text, align)
    terms = TermIndex(glossary)
    pairs = [
        Pair(source_text[s.start : s.end], (source_path, s.line), target_text, (t.start, t.end), terms)
        for s, t in zip(source_units, target_units)
    ]
    if len(source_units) == len(target_units):
        return list(pair_findings(pairs, codes))
    if sr003.CODE not in codes:
        return []
    suspect = _first_suspect(pairs)
    if suspect is not None:
        index = pairs.index(suspect)
        hint = f"; the first pair that looks mismatched is {align} {index + 1} ({mismatch(suspect)})"
        span, origin = (suspect.start, suspect.end), suspect.origin("alignment")
    else:
        index = min(len(source_units), len(target_units))
        hint = f"; the pairs agree up to {align} {index}"
        last = target_units[min(index, len(target_units) - 1)] if target_units else None
        span = (last.start, last.end) if last else (0, 0)
        line = source_units[min(index, len(source_units) - 1)].line if source_units else 1
        origin = Origin("alignment", source_path, line)
    counts = (len(source_units), len(target_units))
    return [sr003.count_finding(span[0], span[1], counts, align, hint, origin)]


def source_codes(rules: Sequence[Rule]) -> set[str]:
    known = {r.code for r in SOURCE_RULES}
    return {r.code for r in rules if r.code in known}


def check_translation(
    source: tuple[str, str],
    target: tuple[str, str],
    glossary: Compiled,
    rules: Sequence[Rule],
    align: str = "paragraph",
) -> CleanResult:
    """The usual rules on the English ``target``, plus the source-aware rules among ``rules``.

    ``source`` and ``target`` are ``(path, text)``; findings are in the target's coordinates.
    """
    target_path, target_text = target
    scan_rules = [r for r in rules if r not in SOURCE_RULES]
    result = clean(target_text, glossary, scan_rules, False, target_path)
    findings = document_findings(source, target, glossary, source_codes(rules), align)
    extra = changes_of(target_text, resolve(findings), target_path)
    changes = sorted([*result.changes, *extra], key=lambda c: (c.start, c.end, c.code, c.entry))
    return CleanResult(target_path, target_text, result.cleaned, tuple(changes))
