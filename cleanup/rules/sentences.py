"""A court's sentence as English news writes it: the term, then what it is.

Chinese names the penalty before its length (有期徒刑3年6个月, 缓刑四年, 拘役六个月); the glossary
renders the penalty (fixed-term imprisonment) and ZH005 the length (3 years and 6 months), and
side by side they read "sentenced to fixed-term imprisonment 3 years and 6 months". Agencies
write "sentenced to 3 years and 6 months in prison", "suspended for four years". ZH001 asks here
before fixing such a penalty on its own; the fix covers the length too, so it wins over ZH005's.
"""

from __future__ import annotations

from ..han import HanPiece
from ..model import Edit, Finding, Fix, Origin, Safety, Span
from ..scan import Scan
from ..zh import has_han
from .base import han_padding

# The penalty's Chinese, and the English frame its length goes into.
FRAMES = {
    "有期徒刑": "{} in prison",
    "缓刑": "suspended for {}",
    "拘役": "{} of criminal detention",
    "管制": "{} of public surveillance",
}
_LENGTH_ENDS = ("year", "years", "month", "months")


def framed(scan: Scan, piece: HanPiece, safety: Safety, entry_safety: Safety, message: str, origin: Origin) -> Finding | None:
    """The fix that writes a penalty and its length as one phrase, or ``None`` when ``piece`` is no
    penalty with a length right after it. Penalty and length together may be the whole Chinese
    run (有期徒刑三年): then the fix is as safe as the entry, not a key inside a longer run."""
    frame = FRAMES.get(scan.text[piece.start : piece.end])
    if frame is None:
        return None
    length = next((d for d in scan.chinese_dates if d.start == piece.end), None)
    if length is None or not length.english.endswith(_LENGTH_ENDS):
        return None
    whole = not has_han(scan.text[piece.start - 1 : piece.start]) and not has_han(scan.text[length.end : length.end + 1])
    safety = entry_safety if whole else safety
    english = han_padding(scan.text, piece.start, length.end, frame.format(length.english))
    message = f"{message}; with its length: {frame.format(length.english)}"
    fix = Fix((Edit(Span(piece.start, length.end), english),), safety)
    return Finding("ZH001", Span(piece.start, piece.end), message, fix, origin)
