"""News agency datelines left in Chinese, and their English.

A Chinese agency story opens with a dateline: 新华社北京3月5日电 ("Xinhua, Beijing, March 5,
by wire"). Machine translation that leaves it gives "Xinhua News Agency Beijing March 5
electricity" when read word by word. The agency's own English edition writes the same line in
one form, the city in capitals, the date, the agency in brackets and a dash:

    新华社北京3月5日电 / 【新华社北京3月5日电】 → BEIJING, March 5 (Xinhua) --

Only what reads one way is converted: the dateline opens a line or a sentence (mid-sentence, 据新华社…电 is
"Xinhua reported", a rewording left to the editor), the agency is one whose English dateline is known, the
city is one glossary term (a place no entry covers is left to the other rules), and the month
and day are a real date. A reporter's line after it (（记者张三）) is left alone.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import regex

from .numbers import SMALL_UNITS, chinese_number

# The agency's name in its own English datelines (Xinhua's English edition: "(Xinhua) --").
AGENCIES = {"新华社": "Xinhua"}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
DATELINE = regex.compile(
    rf"(?P<open>[【\[])?(?P<agency>{'|'.join(AGENCIES)})(?P<city>\p{{Han}}{{2,8}}?)"
    rf"(?P<month>{_NUM})月(?P<day>{_NUM})日电(?P<close>[】\]])?"
)


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    city: tuple[int, int]  # where the city's characters are: a glossary term must cover them
    month: int
    day: int
    agency: str

    def english(self, city: str) -> str:
        return f"{city.upper()}, {calendar.month_name[self.month]} {self.day} ({self.agency}) --"


def datelines(text: str) -> list[Dateline]:
    """Every agency dateline in ``text`` whose month and day are a real date."""
    if not any(agency in text for agency in AGENCIES):
        return []
    found = []
    for m in DATELINE.finditer(text):
        month, day = _number(m["month"]), _number(m["day"])
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]):
            continue
        start = m.start("open") if m["open"] and m["close"] else m.start("agency")
        if text[:start].rstrip(" \t")[-1:] not in ("", "\n", "(", "（", ".", "。", "!", "?", "！", "？"):
            continue  # 据新华社北京3月5日电, mid-sentence: "Xinhua reported on March 5", a rewording
        end = m.end("close") if m["open"] and m["close"] else m.end("day") + 2
        found.append(Dateline(start, end, (m.start("city"), m.end("city")), month, day, AGENCIES[m["agency"]]))
    return found


def _number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_number(text, SMALL_UNITS) or 0
