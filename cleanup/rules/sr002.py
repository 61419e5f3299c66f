"""Number, percentage or date of the Chinese source missing or different in the English.

What it does
    In source-aware mode (``cleanup check --source``), reads the quantities of each source
    paragraph (Arabic and Chinese numerals, ``万`` and ``亿``, percentages, dates) and of the
    aligned English paragraph (digits, number words, ``million``/``billion``, ``percent``,
    month names) and reports each source quantity the English does not have. When the English
    has exactly one unmatched quantity of the same kind, the finding points at it ("3.6%
    instead"); otherwise at the paragraph.

Why is this bad?
    A wrong figure in a news translation is a factual error, and the one readers quote.
    ``3.5万`` is ``35,000``, not ``3.5 million``; ``2月4日`` is ``February 4``.

Example
    Source ``国内生产总值增长3.5%`` with the translation ``GDP grew 3.6 percent``: SR002 on
    ``3.6 percent``, "source 3.5% … is not in the translation; it has '3.6 percent' instead".

Fix safety
    No fix: which side is wrong is for a human to decide. Runs only with a source. Chinese
    numerals below ten and words such as 十分 or 一些 are not read as numbers, nor a day
    without its month (``4日`` is often rendered as a weekday).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding
from ..source.numbers import Quantity
from ..source.pair import Pair
from .base import report

CODE = "SR002"
NAME = "number-mismatch"
DEFAULT = "report only (needs --source)"


def unmatched(source: list[Quantity], target: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Source quantities with no equal in the target, and target quantities left over."""
    left = list(target)
    missing = []
    for q in source:
        partner = next((t for t in left if q.matches(t)), None)
        if partner is None:
            missing.append(q)
        else:
            left.remove(partner)
    return missing, left


def check_pair(pair: Pair) -> Iterator[Finding]:
    missing, extra = unmatched(pair.source_quantities, pair.target_quantities)
    for q in missing:
        kinds = {"month": ("month", "date")}.get(q.kind, (q.kind,))
        instead = [t for t in extra if t.kind in kinds]
        origin = pair.origin(q.kind, q.start)
        message = f"source {q.text} ({origin.location()}) is not in the translation"
        if len(instead) == 1:
            t = instead[0]
            extra.remove(t)
            yield report(CODE, t.start, t.end, f"{message}; it has '{t.text}' instead", origin)
        else:
            yield report(CODE, pair.start, pair.end, message, origin)
