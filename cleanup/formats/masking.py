"""Clean a document while leaving protected spans (code, markup, URLs) exactly as they are.

The rules see the document with every protected character replaced by a private-use
placeholder (line breaks and spaces kept), so offsets, lines and columns are those of the real
file and no rule can match inside code or markup. A change that would still touch a protected
span (a pattern that reaches across one) is recorded as skipped, never applied. The cleaned
file is the original with the applied changes spliced in (``edits.apply_edits``), so it differs
from the input only inside recorded edits.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from ..edits import apply_edits
from ..engine import clean
from ..glossary.compiled import Compiled
from ..model import CleanResult, Edit, Span, Status
from ..rules.base import Rule

PLACEHOLDER = "\ue000"  # not a word character, not Han, not punctuation any rule knows
KEEP = frozenset(" \t\r\n")
Spans = Sequence[tuple[int, int]]


def mask(text: str, spans: Spans) -> str:
    """``text`` with the characters of ``spans`` replaced by the placeholder (whitespace kept)."""
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append("".join(c if c in KEEP else PLACEHOLDER for c in text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def merge(spans: Spans) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans (adjacent and overlapping ones joined)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def touches(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps a protected span; an insertion when it falls inside one.

    ``spans`` are merged (sorted, disjoint), so their ends grow with their starts: only the last
    span starting before ``end`` can overlap.
    """
    if start == end:
        i = bisect.bisect_left(starts, start) - 1
        return i >= 0 and start < spans[i][1]
    i = bisect.bisect_left(starts, end) - 1
    return i >= 0 and spans[i][1] > start


def clean_protected(
    text: str, spans: Spans, glossary: Compiled, rules: Sequence[Rule], suggestions: bool, path: str,
    *, converge: bool = True,
) -> tuple[CleanResult, str]:
    """Clean ``text`` outside ``spans``; returns the result (original coordinates) and the masked
    text the rules saw."""
    protected = merge(spans)
    masked = mask(text, protected)
    result = clean(masked, glossary, rules, suggestions, path, converge=converge)
    if not protected:
        return result, masked
    starts = [s for s, _ in protected]
    changes = []
    for c in result.changes:
        c = replace(c, before=text[c.start : c.end])
        if c.status is not Status.SKIPPED_OVERLAP and touches(protected, starts, c.start, c.end):
            c = replace(c, status=Status.SKIPPED_OVERLAP, reason="touches protected text (code, markup or URL)")
        changes.append(c)
    edits = [Edit(Span(c.start, c.end), c.after or "") for c in changes if c.status is Status.APPLIED]
    return CleanResult(path, text, apply_edits(text, edits), tuple(changes)), masked
