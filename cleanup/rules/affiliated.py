"""A university's affiliated hospital, in the order the hospitals write their own English names.

Chinese puts the owner first: 浙江大学附属第一医院, 郑州大学第一附属医院. The glossary renders the
numbered part (附属第一医院 → First Affiliated Hospital), and a term-by-term fix would leave
"Zhejiang University First Affiliated Hospital"; the hospitals themselves write "the First
Affiliated Hospital of Zhejiang University" (and "… of Zhejiang University School of Medicine"
when 医学院 comes between). ZH001 asks here before fixing such a term on its own.

The university is a glossary term right before the hospital, or English the translation already
wrote (``the Zhengzhou University 第一附属医院``). The reordered fix covers the university too, so
it wins over the university's own fix (same start, longer). It is as safe as the two entries when
both are glossary terms, and a suggestion when the university is read from the English (a name
read from capitalised words may take in one word too many).
"""

from __future__ import annotations

import regex

from ..english import sentence_start
from ..han import TERM, HanPiece
from ..model import Edit, Finding, Fix, Origin, Safety, Span
from ..scan import Scan
from .base import han_padding

_HOSPITAL = regex.compile(r"(?:[A-Z][a-z]+ )?Affiliated Hospital")
_OWNER = regex.compile(r"(?:University|College)(?: School of Medicine)?")
_MEDICAL_SCHOOL = "医学院"  # after a university's name: its School of Medicine
_GENERIC = {"大学": "University", "医科大学": "Medical University", "学院": "College"}  # after a city: 郑州 + 大学
_ENGLISH_OWNER = regex.compile(
    r"([A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|of|and|for|the))*? (?:University|College)(?: School of Medicine)?) ?$"
)


def reordered(
    scan: Scan, piece: HanPiece, english: str, safety: Safety, message: str, origin: Origin
) -> Finding | None:
    """The fix that puts the hospital before its university, or ``None`` when ``piece`` is not a
    numbered affiliated hospital right after one."""
    if not _HOSPITAL.fullmatch(english):
        return None
    start, school = piece.start, ""
    before = scan.pieces_by_end.get(start)
    if before is not None and scan.text[before.start : before.end] == _MEDICAL_SCHOOL:
        start, school = before.start, " School of Medicine"
        before = scan.pieces_by_end.get(start)
    owner = None
    generic = _GENERIC.get(scan.text[before.start : before.end]) if before is not None else None
    place = scan.pieces_by_end.get(before.start) if before is not None and generic else None
    if place is not None and place.kind == TERM and place.place < 0 and place.person < 0:
        entry = scan.glossary.entry(place.entry)  # a city's own university: 郑州 + 大学, Zhengzhou University
        if entry.en[:1].isupper() and " " not in entry.en:
            owner, start = f"{entry.en} {generic}", place.start
            safety = Safety.SUGGESTION
    elif before is not None and before.kind == TERM and before.place < 0 and before.person < 0:
        entry = scan.glossary.entry(before.entry)
        if _OWNER.search(entry.en) and entry.en.endswith(("University", "College", "School of Medicine")):
            owner, start = entry.en, before.start
            safety = Safety.SUGGESTION if Safety.SUGGESTION in (safety, entry.safety) else safety
    elif not school:
        said = _ENGLISH_OWNER.search(scan.text[max(0, start - 100) : start])
        if said is not None:
            owner, start = said.group(1), start - len(said.group(0))
            safety = Safety.SUGGESTION
    if owner is None:
        return None
    text = f"{english} of {owner}{school}"
    if not regex.search(r"\b(?:the|The)\s*$", scan.text[max(0, start - 5) : start]):
        text = f"{'The' if sentence_start(scan.text, start) else 'the'} {text}"
    after = han_padding(scan.text, start, piece.end, text)
    message = f"{message}; the hospital before its university, as the hospitals write their names"
    fix = Fix((Edit(Span(start, piece.end), after),), safety)
    return Finding("ZH001", Span(piece.start, piece.end), message, fix, origin)
