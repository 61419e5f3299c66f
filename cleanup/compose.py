"""Fold a later pass's edits into the change log, keeping it in the original's coordinates.

One pass usually reaches the fixed point. When it does not (Chinese translated by one entry
produces English that another entry corrects: ``US国务院`` → ``US State Council`` →
``US Department of State``), the engine runs another pass on the cleaned text. Its edits are
mapped back: an edit in untouched text becomes a change of its own; an edit that overlaps
text an earlier change produced is merged with it into one change over the union, whose
``after`` is the final text. Replaying the log on the original still gives the cleaned text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .document import LineIndex
from .edits import Decision
from .model import Change, Edit, Safety, Status


def _current_spans(changes: Sequence[Change]) -> list[tuple[int, int, Change]]:
    """Where each applied change's ``after`` sits in the current text."""
    out, shift = [], 0
    for c in changes:
        start = c.start + shift
        out.append((start, start + len(c.after or ""), c))
        shift += len(c.after or "") - (c.end - c.start)
    return out


def _to_original(pos: int, spans: list[tuple[int, int, Change]], ends: list[int]) -> int:
    """``pos`` in the current text, in the original's coordinates: shifted by the last change
    that ends by it (``ends`` are the spans' current ends, in order: a binary search)."""
    k = bisect.bisect_right(ends, pos) - 1
    return pos - (spans[k][1] - spans[k][2].end if k >= 0 else 0)


def _hits(starts: list[int], ends: list[int], a: int, b: int) -> set[int]:
    """The spans an edit of ``[a, b)`` touches (``_touches``), found by binary search: spans are
    in order and do not overlap, so their starts and ends both rise."""
    if a == b:
        i = bisect.bisect_left(starts, a) - 1
        return {i} if i >= 0 and a < ends[i] else set()
    return set(range(bisect.bisect_right(ends, a), bisect.bisect_left(starts, b)))


def compose(
    original: str, changes: list[Change], current: str, later: Sequence[Decision], path: str
) -> list[Change]:
    """The change log after also applying ``later`` (decisions made on ``current``)."""
    applied = sorted((c for c in changes if c.status is Status.APPLIED), key=lambda c: (c.start, c.end))
    others = [c for c in changes if c.status is not Status.APPLIED]
    spans = _current_spans(applied)
    edits = sorted(
        ((e, d) for d in later if d.finding.fix for e in d.finding.fix.edits),
        key=lambda p: (p[0].span.start, p[0].span.end),
    )
    clusters: list[tuple[set[int], list[tuple[Edit, Decision]]]] = []
    tops: list[int] = []  # the highest span index of each cluster
    fresh: list[Change] = []
    index = LineIndex(original)
    starts, ends = [s for s, _, _ in spans], [e for _, e, _ in spans]
    for edit, decision in edits:
        hit = _hits(starts, ends, edit.span.start, edit.span.end)
        if not hit:
            start = _to_original(edit.span.start, spans, ends)
            fresh.append(_change(original, index, start, start + edit.span.length, edit.text, decision, path, ""))
            continue
        low = min(hit)  # edits come in order: only the latest clusters can share a span with this one
        cluster = None
        for k in range(len(clusters) - 1, -1, -1):
            if clusters[k][0] & hit:
                cluster = clusters[k]
                break
            if tops[k] < low:
                break
        if cluster is None:
            clusters.append((hit, [(edit, decision)]))
            tops.append(max(hit))
        else:
            cluster[0].update(hit)
            cluster[1].append((edit, decision))
            tops[k] = max(tops[k], max(hit))
    absorbed = set().union(*(c[0] for c in clusters)) if clusters else set()
    result = [c for i, (_, _, c) in enumerate(spans) if i not in absorbed]
    for olds, group in clusters:
        first, last = spans[min(olds)], spans[max(olds)]
        lo = min(first[0], group[0][0].span.start)
        hi = max(last[1], group[-1][0].span.end)
        start = first[2].start - (first[0] - lo)
        end = last[2].end + (hi - last[1])
        pieces, pos = [], lo
        for edit, _ in group:
            pieces.append(current[pos : edit.span.start] + edit.text)
            pos = edit.span.end
        pieces.append(current[pos:hi])
        earlier = "; ".join(spans[i][2].message for i in sorted(olds))
        result.append(_change(original, index, start, end, "".join(pieces), group[-1][1], path, earlier))
    return sorted(result + fresh + others, key=lambda c: (c.start, c.end, c.code, c.entry))


def _touches(s: int, e: int, a: int, b: int) -> bool:
    """A later edit overlaps text an earlier change produced (or inserts inside it)."""
    if a == b:
        return s < a < e
    return a < e and s < b


def _change(
    original: str, index: LineIndex, start: int, end: int, after: str,
    decision: Decision, path: str, earlier: str,
) -> Change:
    f = decision.finding
    line, col = index.line_col(start)
    message = f"{earlier}; then {f.message}" if earlier else f.message
    safety = f.fix.safety if f.fix else Safety.SAFE
    return Change(
        path, f.code, f.origin.entry_id, start, end, line, col, original[start:end], after,
        safety, Status.APPLIED, message, f.origin.location(),
    )
