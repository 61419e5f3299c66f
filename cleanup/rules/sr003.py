"""Source and translation not aligned: different paragraph counts, or a mismatched pair.

What it does
    In source-aware mode (``cleanup check --source``), the two texts are paired paragraph by
    paragraph (``--align line``: line by line). When the counts differ, SR003 reports it once,
    naming the first pair that looks shifted, and no pair is compared. When the counts agree,
    a pair is reported when one side is empty, when the English is far too short or long for
    the Chinese, or when none of the source's numbers and glossary terms (three or more)
    appear in the English; that pair is then not checked by SR001 and SR002.

Why is this bad?
    Every source-aware check compares a paragraph with its translation; a merged, split or
    missing paragraph makes every comparison after it wrong. Alignment is reported, never
    guessed, so that a finding always compares what the translator actually paired.

Example
    A source of five paragraphs and a translation of four: one SR003, "the source has 5
    paragraphs, the translation 4; ... first pair that looks mismatched: paragraph 3".

Fix safety
    No fix: re-align the files (or correct the translation) and check again.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding, Origin
from ..source.align import mismatch
from ..source.pair import Pair
from .base import report

CODE = "SR003"
NAME = "misaligned"
DEFAULT = "report only (needs --source)"


def check_pair(pair: Pair) -> Iterator[Finding]:
    reason = mismatch(pair)
    if reason:
        message = f"this paragraph and source paragraph {pair.source_where()} look mismatched: {reason}"
        yield report(CODE, pair.start, pair.end, message, pair.origin("alignment"))


def count_finding(start: int, end: int, counts: tuple[int, int], unit: str, hint: str, origin: Origin) -> Finding:
    """One finding for a whole document whose unit counts differ."""
    source, target = counts
    message = (
        f"the source has {source} {unit}s, the translation {target}: not aligned, so terms and "
        f"numbers were not compared{hint}"
    )
    return report(CODE, start, end, message, origin)
