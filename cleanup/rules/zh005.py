"""Chinese date, clock time, percentage or approximate number left in English text.

What it does
    Finds dates, times, percentages and approximate numbers written the Chinese way
    (``2024年3月5日``, ``3月``, ``5日``, ``10时30分``, ``百分之五``, ``100多个``, with digits or
    Chinese numerals) and writes them as English does: ``March 5, 2024``, ``March``, ``the
    5th``, ``10:30``, ``5 percent``, ``more than 100`` (see ``cleanup.dates`` for what is read
    and what is left alone).

Why is this bad?
    The Chinese characters are unreadable to an English reader, and read one by one (年 "year",
    月 "moon", 日 "sun") they give nonsense; the date itself is not in doubt.

Example
    ``The meeting was held on 2024年3月5日 in Beijing.`` becomes ``The meeting was held on
    March 5, 2024 in Beijing.``; ``on 5日`` becomes ``on the 5th``, which DT001 then dates from
    the article's month.

Fix safety
    Safe when the date stands apart from other Chinese; a suggestion when it touches Chinese no
    entry covers (part of an untranslated clause, which a human must reword as a whole).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding, Origin, Safety
from ..scan import Scan
from ..zh import has_han
from .base import han_padding, replace

CODE = "ZH005"
NAME = "chinese-date"
DEFAULT = "safe; suggestion inside an untranslated clause"
ORIGIN = Origin("chinese-date")


def check(scan: Scan) -> Iterator[Finding]:
    text = scan.text
    for date in scan.chinese_dates:
        before, after = text[date.start - 1 : date.start], text[date.end : date.end + 1]
        clause = has_han(before) or has_han(after)
        safety = Safety.SUGGESTION if clause else Safety.SAFE
        message = f"Chinese {date.kind} '{text[date.start : date.end]}' left in English: {date.english}"
        english = han_padding(text, date.start, date.end, date.english)
        yield replace(CODE, date.start, date.end, english, safety, message, ORIGIN)
