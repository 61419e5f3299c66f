"""Lines left untranslated: fixes there are proposals, not edits.

A line that is mostly Chinese (``【马拉松】2024北京马拉松鸣枪开跑``) is source text the translator
skipped. Translating the one word the glossary knows and converting its brackets gives a line
half English, half Chinese (``[marathon] 2024北京马拉松鸣枪开跑``), which reads worse than either
and hides the line from an editor looking for untranslated text. On such a line the residue rules
only propose their fixes; boilerplate removal (BP001) and agency datelines still apply, since
those lines are deleted or rewritten whole.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import regex

from .han import UNKNOWN
from .model import Finding, Safety
from .scan import Scan

RULES = frozenset(("ZH001", "ZH002", "ZH004", "ZH005", "PU001"))  # the rules that translate piece by piece
WHOLE = frozenset(("agency-dateline",))  # fixes that rewrite a Chinese line whole
MIN_UNKNOWN = 4  # Chinese characters no entry or reading covers, from which a line may be untranslated
MIN_CHINESE_LINE = 6  # Chinese characters (dates and amounts aside) from which a line with no Latin is untranslated
_LATIN = regex.compile(r"[A-Za-z]")
NOTE = "; the line is untranslated Chinese: left for a translator"


def kept_as_proposals(scan: Scan, findings: Sequence[Finding]) -> list[Finding]:
    """``findings``, with the safe fixes of the piece-by-piece rules on untranslated lines turned
    into suggestions."""
    text = scan.text
    unknown: list[tuple[int, int, bool]] | None = None
    lines: dict[int, bool] = {}
    out: list[Finding] = []
    for f in findings:
        fix = f.fix
        if fix is not None and fix.safety is Safety.SAFE and f.code in RULES and f.origin.entry_id not in WHOLE:
            start = text.rfind("\n", 0, f.span.start) + 1
            chinese = lines.get(start)
            if chinese is None:
                if unknown is None:
                    unknown = _unknown(scan)
                chinese = lines[start] = _untranslated(text, start, unknown)
            if chinese:
                f = dataclasses.replace(f, message=f.message + NOTE, fix=dataclasses.replace(fix, safety=Safety.SUGGESTION))
        out.append(f)
    return out


def _unknown(scan: Scan) -> list[tuple[int, int, bool]]:
    """The Chinese no date, quantity or amount reads, and whether a glossary entry covers it."""
    read = sorted([(d.start, d.end) for d in scan.chinese_dates] + scan.amounts)
    out = []
    for p in scan.han:
        if any(s <= p.start and p.end <= e for s, e in read):
            continue
        out.append((p.start, p.end, p.kind != UNKNOWN))
    return out


def _untranslated(text: str, start: int, pieces: list[tuple[int, int, bool]]) -> bool:
    """Whether the line at ``start`` is untranslated text: at least ``MIN_UNKNOWN`` Chinese
    characters nothing covers and no fewer than its Latin letters, or a line of Chinese alone
    (【台风预警】中央气象台发布台风橙色预警: the glossary knows most words; the line is still untranslated)."""
    end = text.find("\n", start)
    end = end if end >= 0 else len(text)
    unknown = known = 0
    for s, e, covered in pieces:
        if s < end and e > start:
            n = min(e, end) - max(s, start)
            known, unknown = (known + n, unknown) if covered else (known, unknown + n)
    latin = len(_LATIN.findall(text, start, end))
    return (unknown >= MIN_UNKNOWN and unknown >= latin) or (latin == 0 and unknown + known >= MIN_CHINESE_LINE)
