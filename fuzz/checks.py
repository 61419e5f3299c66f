"""The invariants every cleaned document must keep, as a list of what went wrong (empty: fine).

* no exception (the caller records one as a failure);
* every change's ``before`` is the original text at its offsets, and its line:col is right;
* applied changes do not overlap; replaying them on the original gives the cleaned text, and
  inverting them gives the original back;
* text outside the applied changes is unchanged, character for character;
* cleaning the cleaned text changes nothing more (idempotence).
"""

from __future__ import annotations

import itertools

from cleanup.document import LineIndex
from cleanup.edits import apply_edits, inverse_of
from cleanup.engine import clean
from cleanup.glossary.compiled import Compiled
from cleanup.model import CleanResult, Edit, Span, Status


def check(text: str, glossary: Compiled, suggestions: bool = False) -> list[str]:
    result = clean(text, glossary, suggestions=suggestions)
    problems = _offsets(text, result) + _applied(text, result)
    if problems:
        return problems
    again = clean(result.cleaned, glossary, suggestions=suggestions)
    if again.cleaned != result.cleaned:
        more = [(c.code, c.entry, c.before, c.after) for c in again.applied][:3]
        problems.append(f"not idempotent: a second run changes {more}")
    return problems


def _offsets(text: str, result: CleanResult) -> list[str]:
    problems = []
    index = LineIndex(text)
    for c in result.changes:
        if text[c.start : c.end] != c.before:
            problems.append(f"{c.code} {c.entry}: before {c.before!r} but the text at [{c.start}, {c.end}) is {text[c.start:c.end]!r}")
        elif (c.line, c.col) != index.line_col(c.start):
            problems.append(f"{c.code} {c.entry}: line:col {c.line}:{c.col}, expected {index.line_col(c.start)}")
        if c.status is Status.APPLIED and c.after is None:
            problems.append(f"{c.code} {c.entry}: applied without a replacement")
    return problems


def _applied(text: str, result: CleanResult) -> list[str]:
    applied = sorted(result.applied, key=lambda c: (c.start, c.end))
    for a, b in itertools.pairwise(applied):
        if b.start < a.end or (a.start == a.end == b.start == b.end):
            return [f"applied changes overlap: {a.code} {a.entry} [{a.start}, {a.end}) and {b.code} {b.entry} [{b.start}, {b.end})"]
    pairs = [(Edit(Span(c.start, c.end), c.after or ""), c.before) for c in applied]
    problems = []
    if apply_edits(text, [e for e, _ in pairs]) != result.cleaned:
        problems.append("replaying the change log does not give the cleaned text")
    elif apply_edits(result.cleaned, inverse_of(pairs)) != text:
        problems.append("inverting the change log does not give the original back")
    problems += _outside_unchanged(text, result.cleaned, applied)
    return problems


def _outside_unchanged(text: str, cleaned: str, applied: list) -> list[str]:  # type: ignore[type-arg]
    """Every stretch between applied changes is found, unchanged, where it must be."""
    pos = at = 0
    for c in applied + [None]:
        end = len(text) if c is None else c.start
        gap = text[pos:end]
        if cleaned[at : at + len(gap)] != gap:
            return [f"text outside the changes altered near offset {pos}: {gap[:30]!r}"]
        if c is None:
            break
        at += len(gap) + len(c.after or "")
        pos = c.end
    if at + len(text) - pos != len(cleaned):
        return ["cleaned text has characters no change accounts for"]
    return []
