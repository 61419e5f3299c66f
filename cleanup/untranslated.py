"""Lines and runs left untranslated: fixes there are proposals, not edits.

A line that is mostly Chinese (``【马拉松】2024北京马拉松鸣枪开跑``) is source text the translator
skipped. Translating the one word the glossary knows and converting its brackets gives a line
half English, half Chinese (``[marathon] 2024北京马拉松鸣枪开跑``), which reads worse than either
and hides the line from an editor looking for untranslated text. On such a line the residue rules
only propose their fixes; boilerplate removal (BP001) and agency datelines still apply, since
those lines are deleted or rewritten whole.

The same holds within one run of Chinese: in ``(浦东新区人民法院)`` the court is a safe entry and
the district only a suggestion, and fixing the one gives ``(浦东新区 People's Court)``. A run is
translated whole or proposed whole.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

import regex

from .han import UNKNOWN, inside, touching_runs
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
    read = inside([(d.start, d.end) for d in scan.chinese_dates] + scan.amounts)
    return [(p.start, p.end, p.kind != UNKNOWN) for p in scan.han if not read(p.start, p.end)]


def _untranslated(text: str, start: int, pieces: list[tuple[int, int, bool]]) -> bool:
    """Whether the line at ``start`` is untranslated text: at least ``MIN_UNKNOWN`` Chinese
    characters nothing covers and no fewer than its Latin letters, or a line of Chinese alone with
    some word no entry covers (【台风预警】中央气象台发布台风橙色预警: the glossary knows most words; the
    line is still untranslated). A line of names the glossary knows (四川大学华西医院) is translated."""
    end = text.find("\n", start)
    end = end if end >= 0 else len(text)
    unknown = known = 0
    for s, e, covered in pieces[max(0, bisect.bisect_left(pieces, (start,)) - 1) :]:  # pieces are in text order
        if s >= end:
            break
        if e > start:
            n = min(e, end) - max(s, start)
            known, unknown = (known + n, unknown) if covered else (known, unknown + n)
    if unknown == 0:
        return False  # a line of names the glossary knows, or of English
    if unknown >= MIN_UNKNOWN and unknown >= len(_LATIN.findall(text, start, end)):
        return True
    return unknown + known >= MIN_CHINESE_LINE and _LATIN.search(text, start, end) is None


def runs_whole(scan: Scan, findings: Sequence[Finding]) -> list[Finding]:
    """``findings``, with the safe fixes inside a run of Chinese turned into suggestions when
    another part of the run is only proposed (and no safe fix covers that part)."""
    runs = _runs(scan)
    if not runs:
        return list(findings)
    safe = [f.fix.span for f in findings if f.fix is not None and f.fix.safety is Safety.SAFE]
    doubtful = []
    for start, end in runs:
        for f in findings:
            fix = f.fix
            if fix is None or fix.safety is not Safety.SUGGESTION or f.code not in RULES:
                continue
            if start <= f.span.start and f.span.end <= end and not any(s.start <= f.span.start and f.span.end <= s.end for s in safe):
                doubtful.append((start, end))
                break
    if not doubtful:
        return list(findings)
    out = []
    for f in findings:
        fix = f.fix
        inside = fix is not None and any(s <= f.span.start and f.span.end <= e for s, e in doubtful)
        if inside and fix is not None and fix.safety is Safety.SAFE and f.code in RULES and f.origin.entry_id not in WHOLE:
            note = "; part of this run of Chinese is only proposed: the run is proposed whole"
            f = dataclasses.replace(f, message=f.message + note, fix=dataclasses.replace(fix, safety=Safety.SUGGESTION))
        out.append(f)
    return out


def _runs(scan: Scan) -> list[tuple[int, int]]:
    """The runs of two or more Han pieces that touch (浦东新区 + 人民法院)."""
    return [(run[0].start, run[-1].end) for run in touching_runs(scan.han) if len(run) >= 2]
