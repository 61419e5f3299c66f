"""A law's title in the order the NPC's English titles give it: the law, then whose it is.

Chinese names the state first: 中华人民共和国刑法. The glossary renders each part (People's Republic
of China; Criminal Law), and side by side they read "People's Republic of China Criminal Law";
the official English title is "Criminal Law of the People's Republic of China". ZH001 asks here
before fixing 中华人民共和国 on its own; the fix covers the law's name too, so it wins over the
law's own fix (same start, longer). Laws whose whole title is an entry (中华人民共和国民法典 → Civil
Code) never get here: the longer key covers them.
"""

from __future__ import annotations

import regex

from ..english import sentence_start, the_missing
from ..han import TERM, HanPiece
from ..model import Edit, Finding, Fix, Origin, Safety, Span
from ..scan import Scan
from .base import han_padding

STATE = "中华人民共和国"
OWNER = "of the People's Republic of China"
_THE_BEFORE = regex.compile(r"(?<![\w'’])[Tt]he\s*[《〈]?$")


def law_title(scan: Scan, piece: HanPiece, safety: Safety, message: str, origin: Origin) -> Finding | None:
    """The fix that writes 中华人民共和国 + a law as the law's English title, or ``None``."""
    if scan.text[piece.start : piece.end] != STATE:
        return None
    law = scan.pieces_by_start.get(piece.end)
    if law is None or law.kind != TERM or not scan.text[law.start : law.end].endswith("法"):
        return None
    entry = scan.glossary.entry(law.entry)
    if not entry.en.endswith(("Law", "Code")) or not entry.en[:1].isupper():
        return None
    title = f"{entry.en} {OWNER}"
    if the_missing(scan.text, piece.start, law.end, title) or scan.text[piece.start - 1 : piece.start] in "《〈":
        title = f"the {title}" if not _THE_BEFORE.search(scan.text, max(0, piece.start - 6), piece.start) else title
    if sentence_start(scan.text, piece.start):
        title = title[:1].upper() + title[1:]
    english = han_padding(scan.text, piece.start, law.end, title)
    safety = Safety.SUGGESTION if Safety.SUGGESTION in (safety, entry.safety) else safety
    message = f"{message}; a law's title names the law first: {entry.en} {OWNER}"
    return Finding("ZH001", Span(piece.start, piece.end), message, Fix((Edit(Span(piece.start, law.end), english),), safety), origin)
