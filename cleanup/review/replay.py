"""Apply exactly the accepted and edited decisions to a text, and say why any could not be.

Every accepted or edited record is located first, all against the same (current) text; then
the located ones that do not overlap an earlier located one are spliced in one call to
``apply_edits``. Rejected records change nothing. Nothing is applied that could not be placed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..edits import apply_edits
from ..model import Edit, Span
from .decisions import Record, text_hash
from .relocate import Missed, Placed, locate


@dataclass
class Replayed:
    text: str
    applied: list[Placed] = field(default_factory=list)
    missed: list[Missed] = field(default_factory=list)
    rejected: int = 0


def replay(text: str, records: Iterable[Record]) -> Replayed:
    """``text`` with the accepted and edited ``records`` applied where they can be placed."""
    current = text_hash(text)
    placed: list[Placed] = []
    missed: list[Missed] = []
    rejected = 0
    for record in records:
        if record.replacement is None:
            rejected += 1
            continue
        where = locate(text, current, record)
        if isinstance(where, Placed):
            placed.append(where)
        else:
            missed.append(where)
    taken = _without_overlaps(placed, missed)
    edits = [Edit(Span(p.start, p.end), p.record.replacement or "") for p in taken]
    return Replayed(apply_edits(text, edits), taken, missed, rejected)


def _without_overlaps(placed: list[Placed], missed: list[Missed]) -> list[Placed]:
    """Keep the first of overlapping placements (in text order); the others go to ``missed``.

    Taken spans are sorted and disjoint, so only the last one taken can overlap the next.
    """
    taken: list[Placed] = []
    for p in sorted(placed, key=lambda p: (p.start, p.end, p.record.code, p.record.entry)):
        last = taken[-1] if taken else None
        if last is not None and Span(last.start, last.end).overlaps(Span(p.start, p.end)):
            missed.append(Missed(p.record, f"overlaps the accepted change {last.record.id}"))
        else:
            taken.append(p)
    return taken
