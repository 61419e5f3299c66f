"""Find a decided change again in a text that may have been edited since the review.

When the text is the one reviewed (same hash), the recorded offsets hold. Otherwise the change
is looked for by its ``before`` text with the text recorded around it: both sides first, then
one side only (an edit right next to the change spoils the other side). A place is taken only
when exactly one place matches; several matches, or none, leave the change unapplied with the
reason, because applying it anywhere else would be a guess.

A side that was cut short by the start or end of the reviewed text is anchored there: a change
recorded at the very start of the text only matches at the very start.
"""

from __future__ import annotations

from dataclasses import dataclass

from .decisions import CONTEXT, Record


@dataclass(frozen=True)
class Placed:
    record: Record
    start: int
    end: int


@dataclass(frozen=True)
class Missed:
    record: Record
    reason: str


def locate(text: str, file_hash: str, record: Record) -> Placed | Missed:
    """Where ``record.before`` now sits in ``text``, or why it cannot be placed."""
    if record.sha256 == file_hash:
        if text[record.start : record.end] == record.before:
            return Placed(record, record.start, record.end)
        return Missed(record, "the recorded text is not at the recorded offsets")
    for side in _sides(record):
        hits = _hits(text, side, record.before)
        if len(hits) == 1:
            start = hits[0] + len(side.left)
            return Placed(record, start, start + len(record.before))
        if len(hits) > 1:
            return Missed(record, f"its context matches {len(hits)} places in the edited text")
    return Missed(record, _why_not(text, record))


@dataclass(frozen=True)
class _Side:
    """Text required on each side, and whether a side must touch the start or end of the text."""

    left: str
    right: str
    pin_left: bool
    pin_right: bool


def _sides(record: Record) -> list[_Side]:
    """Context to require: both sides, then the left alone, then the right alone."""
    left, right = record.context_before, record.context_after
    short_left, short_right = len(left) < CONTEXT, len(right) < CONTEXT
    return [
        _Side(left, right, short_left, short_right),
        _Side(left, "", short_left, False),
        _Side("", right, False, short_right),
    ]


def _hits(text: str, side: _Side, middle: str) -> list[int]:
    needle = side.left + middle + side.right
    hits = []
    pos = text.find(needle)
    while pos != -1:
        if (not side.pin_left or pos == 0) and (not side.pin_right or pos + len(needle) == len(text)):
            hits.append(pos)
        pos = text.find(needle, pos + 1)
    return hits


def _why_not(text: str, record: Record) -> str:
    done = record.replacement
    if done is not None and done != record.before and len(_hits(text, _sides(record)[0], done)) == 1:
        return "already applied"
    if record.before and record.before not in text:
        return f"{record.before!r} is no longer in the text"
    return "the text around it changed"
